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

The map is read as a graph whose nodes are its claims and its relations. Two semantics run
on it: the grounded labelling (every node IN, OUT or UNDEC) and DF-QuAD strengths (every
node in [0, 1]); the explanations say why each node got its label (reasons), which claims
would change a thesis's label if rejected (cruxes), and what moves its strength
(influence). docs/evaluation.md states the rules, their sources and their cost. The rules
live in :mod:`argmap._grounded` and :mod:`argmap._dfquad`, the explanations in
:mod:`argmap.explain`, and the integer index they share in :mod:`argmap._graph`.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, ItemsView, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from argmap._checks import count_arg, flag_arg, map_arg
from argmap._frozen import FrozenMap
from argmap._gc import paused
from argmap.errors import EvaluationError
from argmap.model import ArgumentMap, ClaimId, RelationId, derived

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
    if isinstance(value, _Column | FrozenMap | _Later):
        return value
    return FrozenMap(value)


def _frozen_outcomes(value: Mapping[Any, Mapping[Any, Any]]) -> Mapping[Any, Any]:
    if isinstance(value, _Later):
        return value
    return FrozenMap({k: _frozen_mapping(v) for k, v in value.items()})


class _Later(Mapping[_K, _V]):
    """A mapping of explanations, found when first read and then kept.

    ``explain=True`` makes the explanations available, not computed: an evaluation of a
    corpus returns as soon as its labels and strengths are known, and only reading
    ``reasons``, ``cruxes``, ``crux_outcomes``, ``influence``, ``cut_short`` or
    ``converged`` pays for them. Once found they are the very values an eager evaluation
    gives, so evaluations compare, hash, pickle and write JSON as before (a pickled one
    holds the values, found first).
    """

    __slots__ = ("_data", "_find", "_one")

    def __init__(
        self,
        find: Callable[[], Mapping[_K, _V]],
        one: Callable[[_K], tuple[bool, _V | None]] | None = None,
    ) -> None:
        self._find: Callable[[], Mapping[_K, _V]] | None = find
        self._one = one  # one key alone, without finding the rest: (found, value)
        self._data: Mapping[_K, _V] | None = None

    def _all(self) -> Mapping[_K, _V]:
        if self._data is None:
            assert self._find is not None  # noqa: S101 - set until the data is found
            self._data = _frozen_mapping(self._find())
            self._find = self._one = None
        return self._data

    def __getitem__(self, key: _K) -> _V:
        if self._data is None and self._one is not None:
            found, value = self._one(key)
            if not found:
                raise KeyError(key)
            return value  # type: ignore[return-value] # found
        return self._all()[key]

    def __contains__(self, key: object) -> bool:
        if self._data is None and self._one is not None:
            return self._one(key)[0]  # type: ignore[arg-type]
        return key in self._all()

    def __iter__(self) -> Iterator[_K]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def items(self) -> ItemsView[_K, _V]:
        """The (key, value) pairs, in the order an eager evaluation gives them."""
        return self._all().items()

    def __eq__(self, other: object) -> bool:
        return self._all() == other

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (and deep-copy) the values, found first."""
        return (_found, (self._all(),))


def _found(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """What a pickled :class:`_Later` unpickles to: the values it had found."""
    return value


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
    _converged: bool | _Later[str, bool] = attrs.field(default=True, alias="converged")
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

    @property
    def converged(self) -> bool:
        """False when the gradual semantics hit its iteration bound on a cycle.

        Influence iterates on cycles too: with explanations on, its settling counts.
        """
        flag = self._converged
        return flag if isinstance(flag, bool) else flag["converged"]

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

    docs/evaluation.md defines both semantics and the explanations.
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
        EvaluationError: (a ParameterError) if ``semantics``, ``max_iterations`` or
            ``tolerance`` is not one it can use.
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

    with paused():
        return _evaluate(
            argument_map, semantics, explain, max_iterations, tolerance, max_explain_steps
        )


def _evaluate(  # noqa: C901, PLR0913, PLR0917 - evaluate's checked arguments, passed on
    argument_map: ArgumentMap,
    semantics: Semantics,
    explain: bool,
    max_iterations: int,
    tolerance: float,
    max_explain_steps: int | None,
) -> Evaluation:
    from argmap._graph import Graph

    g = derived(argument_map, "graph", Graph)  # kept with the map: built once per map
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
            from argmap.explain.reasons import reason

            index: list[Mapping[str, int]] = []

            def one(key: object) -> tuple[bool, str | None]:
                if not index:  # relation id -> its last number, as dict() keeps the last
                    index.append(dict(zip(g.relation_ids, range(g.relations), strict=True)))
                return reason(g, lab, key, index[0])

            found["reasons"] = _Later(lambda: dict(_reasons(g, lab)), one)
        if g.theses:
            steps = max_explain_steps
            if steps is None:
                elements = g.size + len(g.use_rel)  # claims, relations, premises cited
                steps = EXPLAIN_STEPS_BASE + EXPLAIN_STEPS_PER_ELEMENT * elements
            once: list[dict[str, Any]] = []
            solved = found.get("converged", True)

            def theses(part: str) -> Callable[[], Mapping[Any, Any]]:
                def find() -> Mapping[Any, Any]:
                    if not once:
                        extra = _explain_theses(g, lab, val, max_iterations, tolerance, steps)
                        settled = solved and (extra["settled"] or not dfquad)
                        extra["converged"] = {"converged": settled}
                        once.append(extra)
                    return once[0][part]  # type: ignore[no-any-return]

                return find

            for part in ("cruxes", "crux_outcomes", "influence", "cut_short", "converged"):
                found[part] = _Later(theses(part))
    return Evaluation(**found)


def _reasons(g: Graph, lab: bytearray) -> Iterator[tuple[str, str]]:
    from argmap.explain.reasons import reasons

    with paused():
        yield from reasons(g, lab)


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
    with paused():
        return _explain_each(g, lab, val, max_iterations, tolerance, steps)


def _explain_each(  # noqa: PLR0913, PLR0917 - the solvers' results and the bounds
    g: Graph,
    lab: bytearray,
    val: list[float],
    max_iterations: int,
    tolerance: float,
    steps: int,
) -> dict[str, Any]:
    from argmap.explain import cruxes as crux_search
    from argmap.explain import influence as influence_pass
    from argmap.explain.cone import Budget, OutOfWork, Structure, cone

    ids = g.claim_ids
    structure = Structure(g)
    counts = crux_search.Counts(g, lab)
    slopes = influence_pass.Slopes(g, val)
    budget = Budget(steps)
    wanted = tuple(part for part, on in (("cruxes", lab), ("influence", val)) if on)
    cruxes: dict[ClaimId, tuple[ClaimId, ...]] = {}
    outcomes: dict[ClaimId, Mapping[ClaimId, Label]] = {}
    influence: dict[ClaimId, tuple[tuple[ClaimId, float], ...]] = {}
    cut: dict[ClaimId, tuple[str, ...]] = {}
    settled = True
    for t in dict.fromkeys(g.theses):
        thesis = ids[t]
        try:
            k = cone(g, t, structure, budget)
            if lab:
                flips = crux_search.cruxes(g, lab, k, counts, budget)
                cruxes[thesis] = tuple(ids[x] for x, _ in flips)
                outcomes[thesis] = {ids[x]: _LABELS[v] for x, v in flips}
            if val:
                ranking, done = influence_pass.influence(
                    g, k, slopes, budget, max_iterations=max_iterations, tolerance=tolerance
                )
                influence[thesis] = tuple((ids[x], d) for x, d in ranking)
                settled = settled and done
        except OutOfWork:
            found = {"cruxes": thesis in cruxes, "influence": thesis in influence}
            cut[thesis] = tuple(part for part in wanted if not found[part])
    return {
        "cruxes": cruxes,
        "crux_outcomes": outcomes,
        "influence": influence,
        "cut_short": cut,
        "settled": settled,
    }
