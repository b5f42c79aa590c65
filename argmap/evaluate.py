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
>>> e.strength_semantics, round(e.strengths["eat-out"], 3)
('quadratic', 0.505)
>>> round(e.gradual["dfquad"].strengths["eat-out"], 3)
0.625
>>> e.cruxes["eat-out"]
('sunny', 'moved')
>>> " · ".join(map(str, e.marks("deadline")))
'grounded out · QE 0.40'

What if the reader rejects the sunny weather?

>>> w = argmap.evaluate(b.build(), assume={"sunny": "out"})
>>> w.labels["eat-out"], round(w.strengths["eat-out"], 3)
(<Label.OUT: 'out'>, 0.431)

The map is read as a graph whose nodes are its claims and its relations. Three semantics
run on it: the grounded labelling (every node IN, OUT or UNDEC), and two gradual ones that
give every node a strength in [0, 1], the quadratic energy model (the headline) and
DF-QuAD; the explanations say why each node got its label (reasons), which claims would
change a thesis's label if rejected (cruxes), and what moves its strength (influence).
docs/evaluation.md states the rules, their sources and their cost. The rules live in
:mod:`argmap._grounded`, :mod:`argmap._quadratic` and :mod:`argmap._dfquad` (the solver
the gradual ones share in :mod:`argmap._gradual`), the explanations in
:mod:`argmap.explain`, and the integer index they share in :mod:`argmap._graph`.

(Longer than the house's guide of 500 lines: beside :func:`evaluate` it holds the values it
returns, :class:`Evaluation` with one :class:`GradualEvaluation` per gradual semantics and
their :class:`Mark`, and the two read-only mappings that keep them cheap at corpus scale,
columns over the solvers' arrays and explanations found when first read. One concern, the
result of an evaluation and how it is made; the rules themselves live elsewhere.)
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, ItemsView, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

import attrs

from argmap._checks import count_arg, flag_arg, map_arg, shown
from argmap._frozen import FrozenMap
from argmap._gc import paused
from argmap._gradual import SATURATION
from argmap.errors import EvaluationError, ParameterError
from argmap.model import ArgumentMap, ClaimId, RelationId, derived

if TYPE_CHECKING:
    from argmap._gradual import Rule, Solution
    from argmap._graph import Graph

__all__ = [
    "EXPLAIN_STEPS_BASE",
    "EXPLAIN_STEPS_PER_ELEMENT",
    "GRADUAL",
    "HEADLINE",
    "SATURATION",
    "SEMANTICS_NAMES",
    "Evaluation",
    "GradualEvaluation",
    "Label",
    "Mark",
    "Semantics",
    "evaluate",
    "explain_budget",
]

#: Steps explanations may always take, however small the map (see ``max_explain_steps``).
EXPLAIN_STEPS_BASE = 500_000
#: Steps explanations may take per element of the map (claim, relation, or premise cited
#: by a relation), on top of the base. Random maps whose ten theses each depend on nearly
#: everything use about 32, ladders with ten theses 35, webs of mutual attacks 34 to 38,
#: chains and fan-ins 3.
EXPLAIN_STEPS_PER_ELEMENT = 100

#: The semantics :func:`evaluate` offers; "all" runs every one.
Semantics = Literal["grounded", "quadratic", "dfquad", "all"]

_SEMANTICS = ("grounded", "quadratic", "dfquad", "all")

#: The gradual semantics, the headline first: the order in which "all" runs them.
GRADUAL = ("quadratic", "dfquad")

#: The gradual semantics whose strengths are :attr:`Evaluation.strengths` when several
#: run: the quadratic energy model, which does not saturate (README, "Evaluation").
HEADLINE = "quadratic"

#: How each semantics is named where its results are shown.
SEMANTICS_NAMES = {"grounded": "grounded", "quadratic": "QE", "dfquad": "DF-QuAD"}


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

    def __hash__(self) -> int:
        """As a :class:`~argmap._frozen.FrozenMap` of the same pairs hashes (it equals one)."""
        return hash(frozenset(self.items()))

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
    ``influence_converged`` pays for them. Once found they are the very values an eager evaluation
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


def _unread(value: object) -> bool:
    """Whether ``value`` holds explanations not found yet (a repr leaves them so)."""
    return isinstance(value, _Later) and value._data is None  # noqa: SLF001 - its own module


def _found(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """What a pickled :class:`_Later` unpickles to: the values it had found."""
    return value


class Mark(NamedTuple):
    """One result for one claim or relation, with the semantics it comes from.

    ``str(mark)`` is the semantics' short name and the value: ``"grounded out"``,
    ``"QE 0.62"``. Views show a claim's marks side by side (``" · ".join(map(str,
    marks))``), never a label and a number as one badge.

    Attributes:
        semantics: the semantics ("grounded", "quadratic", "dfquad").
        value: its result as text: a label ("in", "out", "undec") or a strength
            ("0.62").
    """

    semantics: str
    value: str

    @property
    def name(self) -> str:
        """The semantics' short name (:data:`SEMANTICS_NAMES`)."""
        return SEMANTICS_NAMES.get(self.semantics, self.semantics)

    def __str__(self) -> str:
        return f"{self.name} {self.value}"


def _flag(value: bool | Mapping[str, bool]) -> bool:
    """A ``converged`` flag, found if it is found when first asked: what equality compares."""
    return value if isinstance(value, bool) else value["converged"]


def _influence_flag() -> Any:  # noqa: ANN401 - an attrs field, typed where it is declared
    """The field behind ``influence_converged``: a flag, or one found when first asked."""
    return attrs.field(default=True, alias="influence_converged", eq=_flag)


def _influence_converged(self: GradualEvaluation | Evaluation) -> bool:
    """False when the influence did not settle on a cycle (found when first asked)."""
    return _flag(self._influence_converged)


_INFLUENCE_CONVERGED = property(_influence_converged)


def _sides(value: Mapping[Any, Sequence[str]]) -> Mapping[Any, Any]:
    return FrozenMap({k: tuple(v) for k, v in value.items()})


@attrs.frozen
class GradualEvaluation:
    """What one gradual semantics found.

    Attributes:
        semantics: "quadratic" or "dfquad".
        strengths: per claim, its strength in [0, 1].
        relation_strengths: per relation, its strength in [0, 1].
        influence: per thesis, (claim, d strength / d base score) for every claim it
            depends on, largest in size first (empty when ``explain`` was off).
        saturated: per claim whose combination has saturated, the sides that did
            ("support", "attack"): an aggregate within :data:`SATURATION` of its limit,
            where more reasons on that side can no longer move the strength
            (docs/evaluation.md gives each semantics' test). Claims assumed in a what-if
            question are left out.
        converged: False when the semantics hit its iteration bound on a cycle, its
            strengths then the last round's.
        iterations: rounds run on cycles (0 on an acyclic map).
        influence_converged: False when the influence (explanations on) did not settle
            within the iteration bound on a cycle, its figures then the last pass's; found
            with the explanations, when first asked.
    """

    semantics: str
    strengths: Mapping[ClaimId, float] = attrs.field(factory=dict, converter=_frozen_mapping)
    relation_strengths: Mapping[RelationId, float] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    influence: Mapping[ClaimId, tuple[tuple[ClaimId, float], ...]] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    saturated: Mapping[ClaimId, tuple[str, ...]] = attrs.field(factory=dict, converter=_sides)
    converged: bool = True
    iterations: int = 0
    _influence_converged: bool | _Later[str, bool] = _influence_flag()  # noqa: RUF009 - attrs
    influence_converged = _INFLUENCE_CONVERGED

    def __repr__(self) -> str:
        return (
            f"<GradualEvaluation {self.semantics}: {len(self.strengths)} strengths"
            f"{f', {len(self.saturated)} saturated' if self.saturated else ''}"
            f"{'' if self.converged else ', not converged'}>"
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of everything found."""
        return {
            "strengths": dict(self.strengths.items()),
            "relation_strengths": dict(self.relation_strengths.items()),
            "influence": {k: [[c, v] for c, v in pairs] for k, pairs in self.influence.items()},
            "saturated": {k: list(v) for k, v in self.saturated.items()},
            "converged": self.converged,
            "iterations": self.iterations,
            "influence_converged": self.influence_converged,
        }


@attrs.frozen
class Evaluation:
    """What an evaluation found; views overlay it on a drawing or a summary.

    Mappings that a semantics did not fill (because it did not run, or ``explain`` was
    off) are empty. When several gradual semantics ran, ``strengths``,
    ``relation_strengths``, ``influence``, ``saturated``, ``converged`` and ``iterations``
    are those of the headline one, named by ``strength_semantics``; ``gradual`` holds
    each one's in full.

    Attributes:
        semantics: which semantics ran ("grounded", "quadratic", "dfquad" or "all").
        labels: per claim, IN, OUT or UNDEC (grounded).
        effective: per relation, whether it takes effect, that is, is IN (grounded).
        strengths: per claim, a strength in [0, 1] (``strength_semantics``).
        cruxes: per thesis, the claims whose rejection would change its label, most
            decisive first (grounded).
        reasons: per claim or relation id, one short sentence saying why it got its label.
        converged: False when ``strength_semantics`` hit its iteration bound on a cycle.
        influence_converged: False when the headline's influence did not settle within the
            iteration bound on a cycle (found with the explanations, when first asked).
        iterations: rounds ``strength_semantics`` ran on cycles (0 on an acyclic map).
        relation_labels: per relation, IN, OUT or UNDEC (grounded).
        relation_strengths: per relation, its strength in [0, 1] (``strength_semantics``).
        crux_outcomes: per thesis, per crux, the label the thesis would get without it.
        influence: per thesis, (claim, d strength / d base score) for every claim it
            depends on, largest in size first (``strength_semantics``).
        cut_short: per thesis, the explanations ("cruxes", "influence") left out because
            the evaluation's explanation steps ran out (``max_explain_steps``); empty when
            every thesis was explained in full.
        strength_semantics: the gradual semantics ``strengths`` comes from ("quadratic",
            "dfquad"; "" when none ran).
        gradual: per gradual semantics that ran, what it found.
        saturated: per claim, the sides whose aggregate saturated
            (``strength_semantics``; see :attr:`GradualEvaluation.saturated`).
        assumed: the what-if question's assumptions: per claim, IN or OUT.
        base_scores: the what-if question's base scores, per claim.

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
    strength_semantics: str = ""
    gradual: Mapping[str, GradualEvaluation] = attrs.field(factory=dict, converter=_frozen_mapping)
    saturated: Mapping[ClaimId, tuple[str, ...]] = attrs.field(factory=dict, converter=_sides)
    assumed: Mapping[ClaimId, Label] = attrs.field(factory=dict, converter=_frozen_mapping)
    base_scores: Mapping[ClaimId, float] = attrs.field(factory=dict, converter=_frozen_mapping)
    _influence_converged: bool | _Later[str, bool] = _influence_flag()  # noqa: RUF009 - attrs
    influence_converged = _INFLUENCE_CONVERGED

    def __repr__(self) -> str:
        # Explanations not read yet stay unread: finding them can take far longer.
        what_if = len(self.assumed) + len(self.base_scores)
        read = not _unread(self.cruxes)
        cruxes = f"{len(self.cruxes)} theses with cruxes" if read else "cruxes not read yet"
        cut_short = not _unread(self.cut_short) and self.cut_short
        return (
            f"<Evaluation {self.semantics}: {len(self.labels)} labels, "
            f"{len(self.strengths)} strengths"
            f"{f' ({self.strength_semantics})' if self.strength_semantics else ''}, "
            f"{cruxes}"
            f"{f', what if ({what_if} changes)' if what_if else ''}"
            f"{'' if self.converged else ', not converged'}"
            f"{f', {len(self.cut_short)} cut short' if cut_short else ''}>"
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

    def marks(self, node: str, *, every: bool = False, digits: int = 2) -> tuple[Mark, ...]:
        """A claim's (or relation's) results, each with the semantics it comes from.

        The grounded label first, then the headline strength, then (with ``every``) the
        other gradual semantics' strengths, each rounded to ``digits`` decimals. Views
        build their badges from these (``"grounded out · QE 0.62"``), so that a label and
        a number never read as one verdict.

        Args:
            node: a claim or relation id.
            every: also give the strengths of the gradual semantics that are not the
                headline.
            digits: decimals of a strength.

        Returns:
            The marks; empty for an id the evaluation has no result for.
        """
        found: list[Mark] = []
        label = self.labels.get(ClaimId(node))
        if label is None:
            label = self.relation_labels.get(RelationId(node))
        if label is not None:
            found.append(Mark("grounded", str(label)))
        names = [self.strength_semantics] if self.strength_semantics else []
        if every:
            names += [n for n in self.gradual if n != self.strength_semantics]
        for name in names:
            part = self.gradual.get(name)
            if part is None and name == self.strength_semantics:  # built by hand: no gradual
                part = GradualEvaluation(name, self.strengths, self.relation_strengths)
            if part is None:
                continue
            value = part.strengths.get(ClaimId(node))
            if value is None:
                value = part.relation_strengths.get(RelationId(node))
            if value is not None:
                found.append(Mark(name, f"{value:.{digits}f}"))
        return tuple(found)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: labels, strengths, cruxes and everything else found."""
        with paused():  # millions of values and no cycles on a corpus
            return self._json()

    def _json(self) -> dict[str, Any]:
        return {
            "semantics": self.semantics,
            "strength_semantics": self.strength_semantics,
            "assumed": {k: str(v) for k, v in self.assumed.items()},
            "base_scores": dict(self.base_scores.items()),
            "labels": {k: str(v) for k, v in self.labels.items()},
            "strengths": dict(self.strengths.items()),
            "cruxes": {k: list(v) for k, v in self.cruxes.items()},
            "crux_outcomes": {
                k: {c: str(v) for c, v in inner.items()} for k, inner in self.crux_outcomes.items()
            },
            "influence": {k: [[c, v] for c, v in pairs] for k, pairs in self.influence.items()},
            "saturated": {k: list(v) for k, v in self.saturated.items()},
            "relation_labels": {k: str(v) for k, v in self.relation_labels.items()},
            "effective": dict(self.effective.items()),
            "relation_strengths": dict(self.relation_strengths.items()),
            "reasons": dict(self.reasons.items()),
            "converged": self.converged,
            "iterations": self.iterations,
            "influence_converged": self.influence_converged,
            "cut_short": {k: list(v) for k, v in self.cut_short.items()},
            "gradual": {k: v.to_json() for k, v in self.gradual.items()},
        }


_LABELS = (Label.UNDEC, Label.IN, Label.OUT)
_EFFECTIVE = (False, True, False)


def evaluate(  # noqa: PLR0913 - the map, the semantics, the question, and keyword settings
    argument_map: ArgumentMap,
    semantics: Semantics = "all",
    *,
    assume: Mapping[str, str] | None = None,
    base_scores: Mapping[str, float] | None = None,
    explain: bool = True,
    max_iterations: int = 1000,
    tolerance: float = 1e-9,
    max_explain_steps: int | None = None,
) -> Evaluation:
    """Evaluate a map: grounded labels, gradual strengths, or both; or ask "what if".

    docs/evaluation.md defines the semantics, the explanations and what an assumption
    means in each. The map should be valid (:func:`argmap.validate` finds no errors; maps
    from :meth:`argmap.MapBuilder.build` and :func:`argmap.load` are). Whatever stops it
    from being evaluated is refused; other problems (circles of support, orphans) are not.

    Args:
        argument_map: the map.
        semantics: "grounded", "quadratic" (the quadratic energy model), "dfquad" or
            "all" (grounded and both gradual semantics, the quadratic one the headline).
        assume: what if these claims were accepted ("in") or rejected ("out"), whatever
            their reasons and objections: the claim is cut off from the relations aimed at
            it, its grounded label is the one assumed and its strength 1 or 0 in every
            gradual semantics, and everything else follows from it.
        base_scores: what if these claims had these base scores (numbers in [0, 1]), in
            place of the map's; an assumed claim's strength stays 1 or 0.
        explain: also find reasons, cruxes and influence (skip on corpus-scale maps).
        max_iterations: the most rounds a gradual semantics runs on cycles (and its
            influence on cyclic parts).
        tolerance: a gradual semantics has converged on cycles when no strength moves by
            more than this in a round (DF-QuAD) or no strength's rate of change exceeds it
            (the quadratic energy model).
        max_explain_steps: the most steps cruxes and influence may take together; None
            allows :data:`EXPLAIN_STEPS_BASE` plus :data:`EXPLAIN_STEPS_PER_ELEMENT` per
            claim, relation and premise cited. Theses left unexplained are named in
            :attr:`Evaluation.cut_short`.

    Returns:
        The :class:`Evaluation`.

    Raises:
        ParameterError: if ``argument_map`` is not an :class:`~argmap.ArgumentMap`,
            ``explain`` is not True or False, ``max_explain_steps`` is not a whole number
            of 0 or more, ``assume`` is not a mapping of claim ids to "in" or "out", or
            ``base_scores`` not one of claim ids to numbers in [0, 1].
        UnknownIdError: if ``assume`` or ``base_scores`` names no claim of the map.
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
    question = _Question(_assumptions(assume), _base_scores(base_scores))

    with paused():
        return _evaluate(
            argument_map, semantics, question, explain, max_iterations, tolerance, max_explain_steps
        )


class _Question(NamedTuple):
    """A what-if question, checked: assumptions and base scores by claim id."""

    assumed: dict[ClaimId, Label]
    base_scores: dict[ClaimId, float]


def _id_mapping(value: object, what: str, wanted: str) -> Mapping[object, object]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        msg = f"{what} must be a mapping of claim ids to {wanted}, not {shown(value)}"
        raise ParameterError(msg)
    for key in value:
        if not isinstance(key, str):
            msg = f"{what} must map claim ids (strings) to {wanted}; {shown(key)} is no id"
            raise ParameterError(msg)
    return value


def _assumptions(value: object) -> dict[ClaimId, Label]:
    """``assume`` checked: claim id -> Label.IN or Label.OUT."""
    found: dict[ClaimId, Label] = {}
    for key, said in _id_mapping(value, "assume", "'in' or 'out'").items():
        if said not in {"in", "out"}:
            msg = (
                f"assume[{key!r}] must be 'in' or 'out', not {shown(said)}; leave a claim "
                "out of assume to keep it open"
            )
            raise ParameterError(msg)
        found[ClaimId(str(key))] = Label(said)
    return found


def _base_scores(value: object) -> dict[ClaimId, float]:
    """``base_scores`` checked: claim id -> a float in [0, 1]."""
    found: dict[ClaimId, float] = {}
    for key, score in _id_mapping(value, "base_scores", "numbers in [0, 1]").items():
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0.0 <= score <= 1.0:
            msg = f"base_scores[{key!r}] must be a number from 0 to 1, not {shown(score)}"
            raise ParameterError(msg)
        found[ClaimId(str(key))] = float(score)
    return found


def _rules(semantics: Semantics) -> list[Rule]:
    """The gradual semantics to run, the headline first."""
    from argmap import _dfquad, _quadratic

    rules = {"quadratic": _quadratic.RULE, "dfquad": _dfquad.RULE}
    wanted = GRADUAL if semantics == "all" else (semantics,)
    return [rules[name] for name in wanted if name in rules]


def _evaluate(  # noqa: C901, PLR0913, PLR0915, PLR0917 - evaluate's steps, in order
    argument_map: ArgumentMap,
    semantics: Semantics,
    question: _Question,
    explain: bool,
    max_iterations: int,
    tolerance: float,
    max_explain_steps: int | None,
) -> Evaluation:
    from argmap._gradual import strengths
    from argmap._graph import Graph

    g = derived(argument_map, "graph", Graph).asking(  # the index is kept with the map
        argument_map,
        base_scores=question.base_scores,
        assumed={k: v == Label.IN for k, v in question.assumed.items()},
    )
    c = g.claims
    found: dict[str, Any] = {
        "semantics": semantics,
        "assumed": question.assumed,
        "base_scores": question.base_scores,
    }
    grounded = semantics in {"grounded", "all"}
    lab = bytearray()
    if grounded:
        from argmap._grounded import label

        lab = label(g)
        claim_codes, relation_codes = lab[:c], lab[c:]
        found["labels"] = _Column(g.claim_ids, claim_codes, _LABELS, g.claim_index)
        found["relation_labels"] = _Column(g.relation_ids, relation_codes, _LABELS)
        found["effective"] = _Column(g.relation_ids, relation_codes, _EFFECTIVE)
    solved: list[tuple[Rule, Solution]] = []
    for rule in _rules(semantics):
        solution = strengths(g, rule, max_iterations=max_iterations, tolerance=tolerance)
        solved.append((rule, solution))
    # Explanations are found when first read (see _Later), all in one pass.
    explained: Callable[[str, str | None], Any] | None = None
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
                steps = explain_budget(argument_map)
            once: list[dict[str, Any]] = []

            def extra() -> dict[str, Any]:
                if not once:
                    once.append(_explain_theses(g, lab, solved, max_iterations, tolerance, steps))
                return once[0]

            def later(part: str, rule: str | None) -> Any:  # noqa: ANN401 - a _Later or a flag
                def find() -> Mapping[Any, Any]:
                    values: Mapping[Any, Any] = extra()[part]
                    return values if rule is None else values.get(rule, {})

                return _Later(find)

            explained = later
            for part in ("cruxes", "crux_outcomes", "cut_short"):
                found[part] = later(part, None)
    gradual: dict[str, GradualEvaluation] = {}
    for rule, solution in solved:
        val = solution.values
        saturated = rule.saturated(solution.support, solution.attack)
        settled: bool | _Later[str, bool] = True
        influence: Mapping[Any, Any] = {}
        if explained is not None:
            influence = explained("influence", rule.name)
            settled = _Later(_settled(extra, rule.name))
        gradual[rule.name] = GradualEvaluation(
            rule.name,
            strengths=_Column(g.claim_ids, val[:c], None, g.claim_index),
            relation_strengths=_Column(g.relation_ids, val[c:]),
            influence=influence,
            saturated={g.claim_ids[x]: s for x, s in saturated.items() if x not in g.assumed},
            converged=solution.converged,
            iterations=solution.rounds,
            influence_converged=settled,
        )
    if gradual:
        headline = next(iter(gradual.values()))
        found.update(
            strength_semantics=headline.semantics,
            gradual=gradual,
            strengths=headline.strengths,
            relation_strengths=headline.relation_strengths,
            influence=headline.influence,
            saturated=headline.saturated,
            converged=headline.converged,
            iterations=headline.iterations,
            influence_converged=headline._influence_converged,  # noqa: SLF001 - found when asked
        )
    return Evaluation(**found)


def explain_budget(
    argument_map: ArgumentMap,
    *,
    base: int | None = None,
    per_element: float | None = None,
) -> int:
    """The steps cruxes and influence of ``argument_map`` may take.

    That is ``base`` plus ``per_element`` (a number of 0 or more; the total is rounded
    down) per claim, relation and premise cited.

    ``base`` defaults to :data:`EXPLAIN_STEPS_BASE` and ``per_element`` to
    :data:`EXPLAIN_STEPS_PER_ELEMENT`: the budget :func:`evaluate` gives when
    ``max_explain_steps`` is None. ``argmap evaluate`` asks for a smaller one (README,
    "Speed at corpus scale").

    Raises:
        ParameterError: if ``argument_map`` is not an :class:`~argmap.ArgumentMap` or
            ``base`` is not a whole number of 0 or more, or ``per_element`` not a number of
            0 or more.
    """
    from argmap._graph import Graph

    argument_map = map_arg(argument_map)
    base = EXPLAIN_STEPS_BASE if base is None else count_arg(base, "base")
    if per_element is None:
        per_element = EXPLAIN_STEPS_PER_ELEMENT
    elif (
        isinstance(per_element, bool)
        or not isinstance(per_element, int | float)
        or not 0 <= per_element < math.inf
    ):
        msg = f"per_element must be a number of 0 or more, not {shown(per_element)}"
        raise ParameterError(msg)
    g = derived(argument_map, "graph", Graph)  # the index evaluate keeps with the map
    return base + int(per_element * (g.size + len(g.use_rel)))


def _settled(extra: Callable[[], dict[str, Any]], rule: str) -> Callable[[], Mapping[str, bool]]:
    """Whether ``rule``'s influence settled too, found with the other explanations."""
    return lambda: {"converged": extra().get("settled", {}).get(rule, True)}


def _reasons(g: Graph, lab: bytearray) -> Iterator[tuple[str, str]]:
    from argmap.explain.reasons import reasons

    with paused():
        yield from reasons(g, lab)


def _explain_theses(  # noqa: PLR0913, PLR0917 - the solvers' results and the bounds
    g: Graph,
    lab: bytearray,
    solved: list[tuple[Rule, Solution]],
    max_iterations: int,
    tolerance: float,
    steps: int,
) -> dict[str, Any]:
    """Cruxes (when ``lab`` is filled) and influence (per gradual semantics), thesis by thesis.

    All of it is paid from one budget of ``steps``; the theses it does not stretch to are
    listed under ``cut_short`` with the parts they miss.
    """
    from argmap.explain import cruxes as crux_search
    from argmap.explain import influence as influence_pass
    from argmap.explain.cone import Budget, OutOfWork, Structure, cone

    ids = g.claim_ids
    made: list[Structure] = []

    def structure() -> Structure:  # the whole graph's components, made once a cone fits
        if not made:
            made.append(Structure(g))
        return made[0]

    counts = crux_search.Counts(g, lab)
    slopes = {
        rule.name: influence_pass.Slopes(g, solution.values, rule) for rule, solution in solved
    }
    budget = Budget(steps)
    wanted = tuple(part for part, on in (("cruxes", lab), ("influence", slopes)) if on)
    cruxes: dict[ClaimId, tuple[ClaimId, ...]] = {}
    outcomes: dict[ClaimId, Mapping[ClaimId, Label]] = {}
    influence: dict[str, dict[ClaimId, tuple[tuple[ClaimId, float], ...]]] = {
        name: {} for name in slopes
    }
    cut: dict[ClaimId, tuple[str, ...]] = {}
    settled = dict.fromkeys(slopes, True)
    for t in dict.fromkeys(g.theses):
        thesis = ids[t]
        try:
            k = cone(g, t, structure, budget)
            if lab:
                flips = crux_search.cruxes(g, lab, k, counts, budget)
                cruxes[thesis] = tuple(ids[x] for x, _ in flips)
                outcomes[thesis] = FrozenMap({ids[x]: _LABELS[v] for x, v in flips})
            for name, rule_slopes in slopes.items():
                ranking, done = influence_pass.influence(
                    g, k, rule_slopes, budget, max_iterations=max_iterations, tolerance=tolerance
                )
                influence[name][thesis] = tuple((ids[x], d) for x, d in ranking)
                settled[name] = settled[name] and done
        except OutOfWork:
            found = {
                "cruxes": thesis in cruxes,
                "influence": all(thesis in per for per in influence.values()),
            }
            cut[thesis] = tuple(part for part in wanted if not found[part])
    return {
        "cruxes": cruxes,
        "crux_outcomes": outcomes,
        "influence": influence,
        "cut_short": cut,
        "settled": settled,
    }
