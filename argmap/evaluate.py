r"""Evaluation: which claims stand, how strong they are, and what the cruxes are.

>>> import argmap
>>> b = argmap.MapBuilder("lunch", "Should we eat out?")
>>> out = b.thesis("eat-out", "We should eat out today.")
>>> _ = b.claim("sunny", "The weather is fine.").supports(out)
>>> deadline = b.claim("deadline", "The release is due at two.")
>>> _ = deadline.rebuts(out)
>>> _ = b.claim("moved", "The release moved to Friday.").rebuts(deadline)
>>> e = argmap.evaluate(b.build())
>>> e.labels["eat-out"], e.labels["deadline"]
(<Label.IN: 'in'>, <Label.OUT: 'out'>)
>>> round(e.strengths["eat-out"], 3)
0.625
>>> e.cruxes["eat-out"]
('sunny', 'moved')

A map is read as a graph of *nodes*: every claim and every relation (support or rebuttal)
is one. A relation depends on its premises and on the undercuts aimed at it; a claim
depends on the relations aimed at it. Two semantics run on that graph.

Grounded labelling
------------------
Every node is IN, OUT or UNDEC (for a relation, IN means it takes effect: *effective*).

* A **relation** is IN when *all* its premises are IN (linked premises work only jointly)
  and every undercut aimed at it is OUT; it is OUT as soon as one premise is OUT or one
  undercut is IN. An effective undercut thus disables the relation it targets.
* A **claim** with no supports is a *basic premise*: it is accepted unless attacked. It is
  IN when every rebuttal aimed at it is OUT, and OUT as soon as one is IN.
* A **supported claim** rests on its supports: it is IN when at least one support is IN
  (convergent reasons work independently) and every rebuttal is OUT; it is OUT as soon as
  one rebuttal is IN, or when every support is OUT. Mapping a reason for a claim says the
  claim needs one; a claim whose every reason has failed is not established. (This is
  Carneades' notion of an *applicable* argument, whose premises hold and whose exceptions
  do not, with a claim acceptable when an applicable pro argument exists and no con
  argument is applicable; Gordon, Prakken and Walton 2007.)
* Everything else is UNDEC. The labelling is the *least* one obeying these rules: start
  with every node UNDEC and decide a node only when its rule forces it. Rebuttals are
  directed (a rebuttal of A by B does not make A attack B) and there are no preferences:
  an effective rebuttal defeats its target.

Read as an abstract dialectical framework (Brewka and Woltran 2010), each node has the
acceptance condition ``premises ∧ ¬undercuts`` (a relation) or ``(supports ∨ ⊤ if none) ∧
¬rebuttals`` (a claim); each input occurs once, so the three-valued rules above are the
ADF's characteristic operator and the labelling is its *grounded interpretation*, the least
fixpoint (Brewka, Strass, Ellmauthaler, Wallner and Woltran 2013). It is therefore unique
and independent of the order of evaluation. On a map whose relations are all
single-premise rebuttals of claims, it is Dung's grounded labelling of the attack graph
"premise attacks target" (Caminada 2006), whose IN set is Dung's grounded extension
(Dung 1995, Def. 20, Thm. 25). Odd and even cycles of attack stay UNDEC, as do circles of
support.

DF-QuAD strengths
-----------------
Every claim gets a strength in [0, 1] by DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016,
Defs. 1-3; for bipolar frameworks, Rago, Čyras and Toni 2016):

* a claim's base score is :attr:`~argmap.Claim.base_score` (``None`` means 0.5);
* its supports and rebuttals are aggregated separately by the probabilistic sum
  ``v = 1 - ∏(1 - s_i)`` over their strengths (no relation gives ``v = 0``);
* with ``d = v_support - v_rebut``, its strength is ``b + (1 - b)·d`` when ``d > 0`` and
  ``b + b·d`` otherwise: a claim with neither keeps its base score.

A **relation's strength** is the *product* of its premises' strengths, scaled down by its
undercuts: ``∏ premises · ∏(1 - undercut)``. The product is the dual, under ``x ↦ 1 - x``,
of the probabilistic sum DF-QuAD uses for convergent reasons: reading strengths as chances
of independent events, a convergent group succeeds if any member does and a linked group
only if all do. Unlike the minimum, the product is strictly monotone in every premise
(weakening either premise of a linked pair weakens the pair), and a single premise passes
its strength on unchanged, so maps without linked premises or undercuts get DF-QuAD
exactly. The undercut rule is DF-QuAD itself applied to the relation read as an argument
whose base score is the product of its premises and whose only attackers are its
undercuts (no supporters, so ``w - w·v_attack = w·∏(1 - u)``): an undercut of strength 1
cancels the relation, a weaker one scales it down. DF-QuAD satisfies the monotonicity and
balance principles of gradual semantics (Baroni, Rago and Toni 2018); on acyclic maps
these make a new support never lower its target and a new rebuttal never raise it.

On an acyclic map the strengths come from one pass in topological order. Nodes on or below
a cycle are then iterated together, every round computed from the previous one, starting
from the base scores, until no strength moves by more than ``tolerance`` or
``max_iterations`` rounds have run. DF-QuAD need not converge on cycles (Potyka 2019
surveys when such iterations do); when it does not, :attr:`Evaluation.converged` is False
and the strengths are the last round's.

Explanations
------------
* **Reasons**: one sentence per claim and relation naming the input that decided its label
  (the rebuttal that holds, the premise that is out, the support that holds...).
* **Cruxes** of a thesis: the claims (other than the thesis) whose rejection, meaning one
  more unanswered rebuttal of the claim, would change the thesis's grounded label. They
  are listed most decisive first (a flip between IN and OUT before a move to or from
  UNDEC, then nearest the thesis, then map order). Only claims the thesis depends on can
  be cruxes, and an OUT claim never is.
* **Influence** on a thesis: for every claim it depends on, the derivative of the thesis's
  DF-QuAD strength with respect to that claim's base score (the gradient-based argument
  attribution of Yin, Potyka and Toni 2023), largest in size first. It is positive for a
  claim that helps the thesis and negative for one that hurts it; at DF-QuAD's kink
  (supports and rebuttals exactly balanced) the mean of the two one-sided slopes is used.

Cost
----
Labels and strengths take time linear in the size of the map (plus ``max_iterations``
rounds over the cyclic part, if any), without recursion. Reasons are linear. Cruxes and
influence are computed per thesis over the part of the map the thesis depends on: the
influence by one reverse pass (linear on acyclic maps); the cruxes by simulating each
rejection only as far as it spreads, memoised wherever the change has narrowed to a few
nodes, which is linear on tree-shaped maps and on "ladders" (levels of claims that rest
jointly on the level below), and quadratic at worst (a thesis inside one big cycle).

So that no map can make an evaluation run for hours, cruxes and influence together may
take at most ``max_explain_steps`` steps (a step is a node re-decided, an input of a
changed node updated, a node of a cone visited, a node of an influence pass; a step costs
about one to three microseconds). By default the limit is :data:`EXPLAIN_STEPS_BASE` plus
:data:`EXPLAIN_STEPS_PER_ELEMENT` per claim, relation and premise cited, which every map
of the benchmarks stays well within, so explanations take at most time linear in the map.
Theses are explained in map order; once the steps are used up, the thesis being explained
and those after it miss their cruxes, their influence or both, and
:attr:`Evaluation.cut_short` names them (the labels and strengths are always complete).
``explain=False`` skips all three, for corpus-scale maps.

References:
----------
* Baroni, Rago, Toni (2018). How many properties do we need for gradual argumentation?
  AAAI 2018 (extended as: From fine-grained properties to broad principles for gradual
  argumentation: a principled spectrum, IJAR 105, 2019).
* Brewka, Woltran (2010). Abstract dialectical frameworks. KR 2010.
* Brewka, Strass, Ellmauthaler, Wallner, Woltran (2013). Abstract dialectical frameworks
  revisited. IJCAI 2013.
* Caminada (2006). On the issue of reinstatement in argumentation. JELIA 2006.
* Dung (1995). On the acceptability of arguments and its fundamental role in nonmonotonic
  reasoning, logic programming and n-person games. Artificial Intelligence 77(2).
* Gordon, Prakken, Walton (2007). The Carneades model of argument and burden of proof.
  Artificial Intelligence 171.
* Potyka (2019). Extending modular semantics for bipolar weighted argumentation. AAMAS
  2019 (arXiv:1809.07133).
* Rago, Toni, Aurisicchio, Baroni (2016). Discontinuity-free decision support with
  quantitative argumentation debates. KR 2016.
* Rago, Čyras, Toni (2016). Adapting the DF-QuAD algorithm to bipolar argumentation.
  SAFA 2016, CEUR-WS 1672.
* Yin, Potyka, Toni (2023). Argument attribution explanations in quantitative bipolar
  argumentation frameworks. ECAI 2023.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import math
from collections.abc import ItemsView, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from argmap._checks import count_arg, flag_arg, map_arg
from argmap._frozen import FrozenMap
from argmap.errors import EvaluationError
from argmap.model import ArgumentMap, ClaimId, RelationId

if TYPE_CHECKING:
    from argmap._graph import Graph

__all__ = [
    "EXPLAIN_STEPS_BASE",
    "EXPLAIN_STEPS_PER_ELEMENT",
    "Evaluation",
    "Label",
    "Semantics",
    "evaluate",
]

#: Steps explanations may always take, however small the map (see ``max_explain_steps``).
EXPLAIN_STEPS_BASE = 500_000
#: Steps explanations may take per element of the map (claim, relation, or premise cited
#: by a relation), on top of the base. Random maps whose ten theses each depend on nearly
#: everything use about 32, ladders with ten theses 35, webs of mutual attacks 34 to 38,
#: chains and fan-ins 3.
EXPLAIN_STEPS_PER_ELEMENT = 100

#: The semantics :func:`evaluate` offers; "all" runs every one.
Semantics = Literal["grounded", "dfquad", "all"]

_SEMANTICS = ("grounded", "dfquad", "all")

_K = TypeVar("_K")
_V = TypeVar("_V")


class Label(enum.StrEnum):
    """A claim's status under grounded semantics."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class _Column(Mapping[_K, _V]):
    """A read-only mapping from ids to one column of results kept as a flat array.

    Building a million-entry dict costs more than the semantics that fill it, so results
    stay in the arrays the solvers produced; the id index is built on the first look-up.
    """

    __slots__ = ("_decode", "_index", "_keys", "_values")

    def __init__(
        self,
        keys: Sequence[_K],
        values: Sequence[Any],
        decode: Sequence[_V] | None = None,
        index: Mapping[_K, int] | None = None,
    ) -> None:
        self._keys = keys
        self._values = values
        self._decode = decode
        self._index = index

    def _where(self) -> Mapping[_K, int]:
        if self._index is None:
            index: dict[_K, int] = {}
            for i, key in enumerate(self._keys):
                index.setdefault(key, i)
            self._index = index
        return self._index

    def __getitem__(self, key: _K) -> _V:
        value = self._values[self._where()[key]]
        return value if self._decode is None else self._decode[value]  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return key in self._where()

    def __iter__(self) -> Iterator[_K]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def items(self) -> ItemsView[_K, _V]:
        """The (id, value) pairs, in map order, without building the id index."""
        return _Items(self)

    def __repr__(self) -> str:
        if len(self) > 20:
            return f"<{len(self)} results>"
        return repr(dict(self.items()))

    def __reduce__(self) -> tuple[type[_Column[_K, _V]], tuple[Any, ...]]:
        """Pickle (and deep-copy) the arrays themselves; the index is rebuilt on demand."""
        return (_Column, (list(self._keys), list(self._values), self._decode))


class _Items(ItemsView[_K, _V]):
    _mapping: _Column[_K, _V]

    def __iter__(self) -> Iterator[tuple[_K, _V]]:
        m = self._mapping
        values = m._values if m._decode is None else map(m._decode.__getitem__, m._values)  # noqa: SLF001
        return zip(m._keys, values, strict=True)  # noqa: SLF001


def _frozen_mapping(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """A read-only copy that pickles and deep-copies (a mappingproxy does neither)."""
    if isinstance(value, _Column | FrozenMap):
        return value
    return FrozenMap(value)


def _frozen_outcomes(value: Mapping[Any, Mapping[Any, Any]]) -> Mapping[Any, Any]:
    return FrozenMap({k: _frozen_mapping(v) for k, v in value.items()})


@attrs.frozen
class Evaluation:
    """What an evaluation found; views overlay it on a drawing or a summary.

    Mappings that a semantics did not fill (because it did not run, or ``explain`` was
    off) are empty.

    Attributes:
        semantics: which semantics ran ("grounded", "dfquad" or "all").
        labels: per claim, IN, OUT or UNDEC (grounded).
        effective: per relation, whether it takes effect, that is, is IN (grounded).
        strengths: per claim, a strength in [0, 1] (DF-QuAD).
        cruxes: per thesis, the claims whose rejection would change its label, most
            decisive first (grounded).
        reasons: per claim or relation id, one short sentence saying why it got its label.
        converged: False when the gradual semantics hit its iteration bound on a cycle.
        iterations: fixpoint rounds DF-QuAD ran on cycles (0 on an acyclic map).
        relation_labels: per relation, IN, OUT or UNDEC (grounded).
        relation_strengths: per relation, its strength in [0, 1] (DF-QuAD).
        crux_outcomes: per thesis, per crux, the label the thesis would get without it.
        influence: per thesis, (claim, d strength / d base score) for every claim it
            depends on, largest in size first (DF-QuAD).
        cut_short: per thesis, the explanations ("cruxes", "influence") left out because
            the evaluation's explanation steps ran out (``max_explain_steps``); empty when
            every thesis was explained in full.

    An evaluation pickles and deep-copies (to send to another process, say), and equals
    its copy.
    """

    semantics: str
    labels: Mapping[ClaimId, Label] = attrs.field(factory=dict, converter=_frozen_mapping)
    effective: Mapping[RelationId, bool] = attrs.field(factory=dict, converter=_frozen_mapping)
    strengths: Mapping[ClaimId, float] = attrs.field(factory=dict, converter=_frozen_mapping)
    cruxes: Mapping[ClaimId, tuple[ClaimId, ...]] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    reasons: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_mapping)
    converged: bool = True
    iterations: int = 0
    relation_labels: Mapping[RelationId, Label] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    relation_strengths: Mapping[RelationId, float] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    crux_outcomes: Mapping[ClaimId, Mapping[ClaimId, Label]] = attrs.field(
        factory=dict, converter=_frozen_outcomes
    )
    influence: Mapping[ClaimId, tuple[tuple[ClaimId, float], ...]] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    cut_short: Mapping[ClaimId, tuple[str, ...]] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )

    def __repr__(self) -> str:
        return (
            f"<Evaluation {self.semantics}: {len(self.labels)} labels, "
            f"{len(self.strengths)} strengths, {len(self.cruxes)} theses with cruxes"
            f"{'' if self.converged else ', not converged'}"
            f"{f', {len(self.cut_short)} cut short' if self.cut_short else ''}>"
        )

    @property
    def cut_short_note(self) -> str:
        """One line saying which explanations were cut short, and why; "" when none was."""
        if not self.cut_short:
            return ""
        theses = list(self.cut_short)
        parts = {part for cut in self.cut_short.values() for part in cut}
        what = " and ".join(p for p in ("cruxes", "influence") if p in parts)
        named = ", ".join(repr(t) for t in theses[:3])
        if len(theses) > 3:
            named += f" and {len(theses) - 3} more"
        whom = "thesis" if len(theses) == 1 else f"{len(theses)} theses"
        return f"{what} of {whom} ({named}) cut short at the step limit (max_explain_steps)"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: labels, strengths, cruxes and everything else found."""
        return {
            "semantics": self.semantics,
            "labels": {k: str(v) for k, v in self.labels.items()},
            "strengths": dict(self.strengths.items()),
            "cruxes": {k: list(v) for k, v in self.cruxes.items()},
            "crux_outcomes": {
                k: {c: str(v) for c, v in inner.items()} for k, inner in self.crux_outcomes.items()
            },
            "influence": {k: [[c, v] for c, v in pairs] for k, pairs in self.influence.items()},
            "relation_labels": {k: str(v) for k, v in self.relation_labels.items()},
            "effective": dict(self.effective.items()),
            "relation_strengths": dict(self.relation_strengths.items()),
            "reasons": dict(self.reasons.items()),
            "converged": self.converged,
            "iterations": self.iterations,
            "cut_short": {k: list(v) for k, v in self.cut_short.items()},
        }


_LABELS = (Label.UNDEC, Label.IN, Label.OUT)
_EFFECTIVE = (False, True, False)


def evaluate(  # noqa: PLR0913 - the map, the semantics, and keyword settings
    argument_map: ArgumentMap,
    semantics: Semantics = "all",
    *,
    explain: bool = True,
    max_iterations: int = 1000,
    tolerance: float = 1e-9,
    max_explain_steps: int | None = None,
) -> Evaluation:
    """Evaluate a map: grounded labels, DF-QuAD strengths, or both.

    The module docstring defines both semantics and the explanations.
    The map should be valid (:func:`argmap.validate` finds no errors; maps from
    :meth:`argmap.MapBuilder.build` and :func:`argmap.load` are). Whatever stops it from
    being evaluated is refused; other problems (circles of support, orphans) are not.

    Args:
        argument_map: the map.
        semantics: "grounded", "dfquad" or "all".
        explain: also find reasons, cruxes and influence (skip on corpus-scale maps).
        max_iterations: the most fixpoint rounds DF-QuAD runs on cycles (and its influence
            on cyclic parts).
        tolerance: DF-QuAD has converged when no strength moves by more than this.
        max_explain_steps: the most steps cruxes and influence may take together; None
            allows :data:`EXPLAIN_STEPS_BASE` plus :data:`EXPLAIN_STEPS_PER_ELEMENT` per
            claim, relation and premise cited. Theses left unexplained are named in
            :attr:`Evaluation.cut_short`.

    Returns:
        The :class:`Evaluation`.

    Raises:
        ParameterError: if ``argument_map`` is not an :class:`~argmap.ArgumentMap`,
            ``explain`` is not True or False, or ``max_explain_steps`` is not a whole
            number of 0 or more.
        EvaluationError: if ``semantics``, ``max_iterations`` or ``tolerance`` is not one
            it can use.
        InvalidMapError: if the map cites an unknown claim or relation, has a support of a
            relation, a relation without premises, a base score outside [0, 1], a thesis
            that is no claim, or two claims with one id.
    """
    argument_map = map_arg(argument_map)
    explain = flag_arg(explain, "explain")
    if max_explain_steps is not None:
        max_explain_steps = count_arg(max_explain_steps, "max_explain_steps")
    if semantics not in _SEMANTICS:
        msg = f"unknown semantics {semantics!r}; use one of {', '.join(map(repr, _SEMANTICS))}"
        raise EvaluationError(msg)
    if (
        isinstance(max_iterations, bool)
        or not isinstance(max_iterations, int)
        or max_iterations < 1
    ):
        msg = f"max_iterations must be a positive whole number, not {max_iterations!r}"
        raise EvaluationError(msg)
    if not (isinstance(tolerance, int | float) and math.isfinite(tolerance) and tolerance > 0):
        msg = f"tolerance must be a positive number, not {tolerance!r}"
        raise EvaluationError(msg)

    with _no_collection():
        return _evaluate(
            argument_map, semantics, explain, max_iterations, tolerance, max_explain_steps
        )


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while the arrays are built.

    An evaluation allocates a million containers for a million-claim map and makes no
    reference cycles; each full collection meanwhile walks every object of the map, which
    cost more than the labelling itself. The collector's state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _evaluate(  # noqa: PLR0913, PLR0917 - evaluate's checked arguments, passed on
    argument_map: ArgumentMap,
    semantics: Semantics,
    explain: bool,
    max_iterations: int,
    tolerance: float,
    max_explain_steps: int | None,
) -> Evaluation:
    from argmap._graph import Graph

    g = Graph(argument_map)
    c = g.claims
    found: dict[str, Any] = {"semantics": semantics}
    grounded = semantics in {"grounded", "all"}
    dfquad = semantics in {"dfquad", "all"}
    lab = bytearray()
    val: list[float] = []
    if grounded:
        from argmap._grounded import label

        lab = label(g)
        claim_codes, relation_codes = lab[:c], lab[c:]
        found["labels"] = _Column(g.claim_ids, claim_codes, _LABELS, g.claim_index)
        found["relation_labels"] = _Column(g.relation_ids, relation_codes, _LABELS)
        found["effective"] = _Column(g.relation_ids, relation_codes, _EFFECTIVE)
    if dfquad:
        from argmap._dfquad import strengths

        val, converged, rounds = strengths(g, max_iterations=max_iterations, tolerance=tolerance)
        found["strengths"] = _Column(g.claim_ids, val[:c], None, g.claim_index)
        found["relation_strengths"] = _Column(g.relation_ids, val[c:])
        found["converged"] = converged
        found["iterations"] = rounds
    if explain:
        if grounded:
            from argmap._explain import reasons

            found["reasons"] = dict(reasons(g, lab))
        if g.theses:
            steps = max_explain_steps
            if steps is None:
                elements = g.size + len(g.use_rel)  # claims, relations, premises cited
                steps = EXPLAIN_STEPS_BASE + EXPLAIN_STEPS_PER_ELEMENT * elements
            extra = _explain_theses(g, lab, val, max_iterations, tolerance, steps)
            settled = extra.pop("settled")
            found.update(extra)
            if dfquad:
                found["converged"] = found["converged"] and settled
    return Evaluation(**found)


def _explain_theses(  # noqa: PLR0913, PLR0917 - the solvers' results and the bounds
    g: Graph,
    lab: bytearray,
    val: list[float],
    max_iterations: int,
    tolerance: float,
    steps: int,
) -> dict[str, Any]:
    """Cruxes (when ``lab`` is filled) and influence (when ``val`` is), thesis by thesis.

    All of it is paid from one budget of ``steps``; the theses it does not stretch to are
    listed under ``cut_short`` with the parts they miss.
    """
    from argmap import _explain

    ids = g.claim_ids
    structure = _explain.Structure(g)
    counts = _explain.Counts(g, lab)
    slopes = _explain.Slopes(g, val)
    budget = _explain.Budget(steps)
    wanted = tuple(part for part, on in (("cruxes", lab), ("influence", val)) if on)
    cruxes: dict[ClaimId, tuple[ClaimId, ...]] = {}
    outcomes: dict[ClaimId, Mapping[ClaimId, Label]] = {}
    influence: dict[ClaimId, tuple[tuple[ClaimId, float], ...]] = {}
    cut: dict[ClaimId, tuple[str, ...]] = {}
    settled = True
    for t in dict.fromkeys(g.theses):
        thesis = ids[t]
        try:
            cone = _explain.cone(g, t, structure, budget)
            if lab:
                flips = _explain.cruxes(g, lab, cone, counts, budget)
                cruxes[thesis] = tuple(ids[x] for x, _ in flips)
                outcomes[thesis] = {ids[x]: _LABELS[v] for x, v in flips}
            if val:
                ranking, done = _explain.influence(
                    g, cone, slopes, budget, max_iterations=max_iterations, tolerance=tolerance
                )
                influence[thesis] = tuple((ids[x], d) for x, d in ranking)
                settled = settled and done
        except _explain.OutOfWork:
            found = {"cruxes": thesis in cruxes, "influence": thesis in influence}
            cut[thesis] = tuple(part for part in wanted if not found[part])
    return {
        "cruxes": cruxes,
        "crux_outcomes": outcomes,
        "influence": influence,
        "cut_short": cut,
        "settled": settled,
    }
