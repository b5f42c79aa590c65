"""The domain model: claims, the relations between them, and the map that holds them.

Every type here is a frozen attrs value. A map knows nothing of files or drawing; it
answers questions about its own structure (what supports a claim, which side of a thesis a
claim is on, how deep the argument goes).

A premise is a role, not a type: a claim is a premise wherever a relation cites it, and the
same claim can be the conclusion of one relation and a premise of another.

This module is longer than the others on purpose: it is the one concern of the domain model,
and :class:`ArgumentMap` answers its questions with methods over indexes it builds once, on
the frozen value; more than a third of it is the documentation of the public types.
"""

from __future__ import annotations

import enum
import functools
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from itertools import repeat
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NewType, TypeAlias, TypeVar

import attrs

from argmap._checks import shown, verdict_arg
from argmap._frozen import (  # JSONValue: get_type_hints resolves Meta through it
    FrozenMap,
    JSONValue,  # noqa: F401
    Meta,
    freeze_meta,
)
from argmap.errors import ParameterError, UnknownIdError

__all__ = [
    "ArgumentMap",
    "AttackType",
    "Claim",
    "ClaimId",
    "Counts",
    "Polarity",
    "Quote",
    "Rebuttal",
    "Relation",
    "RelationId",
    "RelationKind",
    "Source",
    "SourceId",
    "Support",
    "Verdict",
    "similar_ids",
]

#: The id of a claim, unique among the claims and relations of its map.
ClaimId = NewType("ClaimId", str)
#: The id of a support or rebuttal, unique among the claims and relations of its map.
RelationId = NewType("RelationId", str)
#: The id of a source, unique among the sources of its map.
SourceId = NewType("SourceId", str)


class Verdict(enum.StrEnum):
    """What a source itself concludes about a thesis."""

    FOR = "for"
    AGAINST = "against"
    MIXED = "mixed"
    NOT_ARGUED = "not-argued"


class Polarity(enum.StrEnum):
    """Which side of a thesis a claim is on: a support keeps the side, a rebuttal flips it."""

    PRO = "pro"
    CON = "con"
    #: The claim reaches the thesis along paths of both signs.
    BOTH = "both"


class AttackType(enum.StrEnum):
    """The three ways a rebuttal can attack (Pollock; Prakken's ASPIC+ vocabulary)."""

    #: Against a claim that is no premise anywhere: it denies the conclusion.
    REBUT = "rebut"
    #: Against a claim that is a premise of some relation.
    UNDERMINE = "undermine"
    #: Against a relation: it denies that the premises give reason for the target.
    UNDERCUT = "undercut"


class RelationKind(enum.StrEnum):
    """What a relation does: the one place where the kinds of relation are named.

    A :class:`Support` is always a support; a :class:`Rebuttal` is a rebuttal when it aims
    at a claim and an undercut when it aims at a relation (see
    :meth:`ArgumentMap.kind`).
    """

    SUPPORT = "support"
    REBUTTAL = "rebuttal"
    UNDERCUT = "undercut"

    @property
    def verb(self) -> str:
        """The verb a sentence uses for it: "supports", "rebuts", "undercuts"."""
        return _VERBS[self]

    @property
    def is_attack(self) -> bool:
        """True for a rebuttal or an undercut."""
        return self is not RelationKind.SUPPORT


_VERBS = {
    RelationKind.SUPPORT: "supports",
    RelationKind.REBUTTAL: "rebuts",
    RelationKind.UNDERCUT: "undercuts",
}


@attrs.frozen
class Counts:
    """How much a map holds, by kind: what summaries, lists and checks report.

    Attributes:
        claims: every claim, theses included.
        supports: supports.
        rebuttals: rebuttals aimed at a claim.
        undercuts: rebuttals aimed at a relation.
        linked: relations with more than one premise.
        implicit: implicit claims.
        depth: the map's depth (:attr:`ArgumentMap.depth`).
    """

    claims: int
    supports: int
    rebuttals: int
    undercuts: int
    linked: int
    implicit: int
    depth: int

    @property
    def relations(self) -> int:
        """Supports, rebuttals and undercuts together."""
        return self.supports + self.rebuttals + self.undercuts


# -- converters (they give the attrs __init__ friendly parameter types) -------------------
#
# Ids need none at run time: ``ClaimId(x)`` is ``x``, and a converter is a Python call per
# field of every object built (about a tenth of building a relation). For the type checker
# they are converters, so that ``Claim("a", ...)`` takes a plain ``str`` as it always did.

if TYPE_CHECKING:

    def _claim_id(value: str) -> ClaimId: ...
    def _relation_id(value: str) -> RelationId: ...
    def _source_id(value: str) -> SourceId: ...
    def _target(value: str) -> ClaimId | RelationId: ...

else:
    _claim_id = _relation_id = _source_id = _target = None  # no converter


def _claim_ids(value: str | Iterable[str]) -> tuple[ClaimId, ...]:
    """Accept one id or several: ``"ab"`` means ``("ab",)``, not ``("a", "b")``."""
    if isinstance(value, str):
        return (ClaimId(value),)
    return tuple(value)  # type: ignore[arg-type] # ClaimId is str at run time


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _meta(value: Mapping[str, object] | None) -> Meta:
    if isinstance(value, FrozenMap):
        return value
    if value is None or (type(value) is dict and not value):
        return EMPTY_META
    return freeze_meta(value)


#: The metadata of everything that has none: one shared, immutable empty mapping (a fresh
#: one per claim and relation cost 112 bytes each, a third of a relation's size).
EMPTY_META: Meta = FrozenMap()


def _id_arg(value: object, what: str = "an id") -> str:
    """Return ``value`` if it is an id (a string); the look-ups take nothing else.

    Raises:
        ParameterError: otherwise.
    """
    if not isinstance(value, str):
        msg = f"{what} must be an id string, not {shown(value)}"
        raise ParameterError(msg)
    return value


def _value_arg(value: object, kinds: tuple[type, ...], what: str) -> None:
    if not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        msg = f"{what} must be a {names}, not {shown(value)}"
        raise ParameterError(msg)


# -- values --------------------------------------------------------------------------------


@attrs.frozen
class Source:
    """A citation: where quotes come from.

    Attributes:
        id: unique among the map's sources.
        title: the work's title.
        author: who wrote it, as the work names them ("" when it does not).
        outlet: where it was published.
        date: when, as precisely as known (free text, ideally ISO 8601).
        url: where to read it.
    """

    id: SourceId = attrs.field(converter=_source_id)
    title: str
    author: str = attrs.field(default="", kw_only=True)
    outlet: str = attrs.field(default="", kw_only=True)
    date: str = attrs.field(default="", kw_only=True)
    url: str = attrs.field(default="", kw_only=True)


@attrs.frozen
class Quote:
    """A verbatim passage from a source that a claim rests on.

    Attributes:
        source: the id of a source of the same map.
        text: the passage, copied exactly.
    """

    source: SourceId = attrs.field(converter=_source_id)
    text: str


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


@attrs.frozen(init=False, weakref_slot=False)
class Claim:
    """A statement that can be supported or attacked.

    Attributes:
        id: a readable slug, unique among the claims and relations of the map.
        text: the claim in a concise, self-contained sentence.
        implicit: the argument relies on it but never states it (then it has no quote).
        tags: free labels for grouping and filtering.
        quotes: verbatim passages from the map's sources that state the claim.
        note: an optional remark by whoever mapped it.
        qualifier: the source's own hedge on the claim, in a few words ("while still
            informal", "it remains to be seen"): it says how firmly the claim is put, and
            is never a reason against it ("" when the claim is put plainly).
        base_score: the claim's intrinsic strength in [0, 1] for gradual semantics;
            ``None`` leaves the semantics' default.
        meta: free-form JSON data (what an importer found and argmap has no field for).
    """

    id: ClaimId = attrs.field(converter=_claim_id)
    text: str
    implicit: bool = attrs.field(default=False, kw_only=True)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings, kw_only=True)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes, kw_only=True)
    note: str = attrs.field(default="", kw_only=True)
    qualifier: str = attrs.field(default="", kw_only=True)
    base_score: float | None = attrs.field(default=None, kw_only=True)
    meta: Meta = attrs.field(default=EMPTY_META, converter=_meta, kw_only=True)

    def __init__(  # noqa: PLR0913 - the fields, as attrs would write them
        self,
        id: str,  # noqa: A002 - the field's name
        text: str,
        *,
        implicit: bool = False,
        tags: str | Iterable[str] = (),
        quotes: Iterable[Quote] = (),
        note: str = "",
        qualifier: str = "",
        base_score: float | None = None,
        meta: Mapping[str, object] | None = EMPTY_META,
    ) -> None:
        # What attrs would generate, with each converter's common case inline (see
        # _setters): a million claims are built in user code, one call at a time.
        set_id, set_text, set_implicit, set_tags, set_quotes, set_note, set_qualifier, \
            set_score, set_meta = _CLAIM_SETTERS  # fmt: skip
        set_id(self, id)
        set_text(self, text)
        set_implicit(self, implicit)
        set_tags(self, tags if type(tags) is tuple else _strings(tags))
        set_quotes(self, quotes if type(quotes) is tuple else _quotes(quotes))
        set_note(self, note)
        set_qualifier(self, qualifier)
        set_score(self, base_score)
        set_meta(self, meta if meta is EMPTY_META else _meta(meta))


class _Premised:
    """What supports and rebuttals share beyond their fields: whether they are linked."""

    __slots__ = ()
    premises: tuple[ClaimId, ...]

    @property
    def linked(self) -> bool:
        """True when the premises work only jointly (there is more than one)."""
        return len(self.premises) > 1

    def __init__(  # noqa: PLR0913 - the fields, as attrs would write them
        self,
        id: str,  # noqa: A002 - the field's name
        premises: str | Iterable[str],
        target: str,
        *,
        label: str = "",
        scheme: str = "",
        meta: Mapping[str, object] | None = EMPTY_META,
    ) -> None:
        # Support's and Rebuttal's, as Claim.__init__: attrs's own, with the converters'
        # common case inline.
        set_id, set_premises, set_target, set_label, set_scheme, set_meta = _SETTERS[type(self)]
        set_id(self, id)
        set_premises(self, premises if type(premises) is tuple else _claim_ids(premises))
        set_target(self, target)
        set_label(self, label)
        set_scheme(self, scheme)
        set_meta(self, meta if meta is EMPTY_META else _meta(meta))


@attrs.frozen(init=False, weakref_slot=False)
class Support(_Premised):
    """Premises that give reason for a claim.

    Attributes:
        id: unique among the claims and relations of the map.
        premises: one claim id, or several that support only jointly (linked).
        target: the id of the claim supported.
        label: an optional short name for the inference.
        scheme: the argumentation scheme it instantiates, where known.
        meta: free-form JSON data.
    """

    kind: ClassVar[Literal["support"]] = "support"

    id: RelationId = attrs.field(converter=_relation_id)
    premises: tuple[ClaimId, ...] = attrs.field(converter=_claim_ids)
    target: ClaimId = attrs.field(converter=_claim_id)
    label: str = attrs.field(default="", kw_only=True)
    scheme: str = attrs.field(default="", kw_only=True)
    meta: Meta = attrs.field(default=EMPTY_META, converter=_meta, kw_only=True)


@attrs.frozen(init=False, weakref_slot=False)
class Rebuttal(_Premised):
    """Premises that speak against a claim, or against the inference of a relation.

    A rebuttal whose target is a claim rebuts it (or *undermines* it, when the claim is a
    premise somewhere); one whose target is a relation *undercuts* it: it denies that those
    premises give reason for that target.

    Attributes:
        id: unique among the claims and relations of the map.
        premises: one claim id, or several that attack only jointly (linked).
        target: the id of the claim or relation attacked.
        label: an optional short name.
        scheme: the argumentation scheme it instantiates, where known.
        meta: free-form JSON data.
    """

    kind: ClassVar[Literal["rebuttal"]] = "rebuttal"

    id: RelationId = attrs.field(converter=_relation_id)
    premises: tuple[ClaimId, ...] = attrs.field(converter=_claim_ids)
    target: ClaimId | RelationId = attrs.field(converter=_target)
    label: str = attrs.field(default="", kw_only=True)
    scheme: str = attrs.field(default="", kw_only=True)
    meta: Meta = attrs.field(default=EMPTY_META, converter=_meta, kw_only=True)


#: A support or a rebuttal.
Relation: TypeAlias = Support | Rebuttal


def _setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    """The setters of a class's slots, in field order: what its ``__init__`` calls.

    A slot's own setter stores the value straight away; a frozen class's ``__setattr__``
    cannot stop it, and it skips the attribute look-up ``object.__setattr__`` (what attrs
    generates) makes per field.
    """
    return tuple(getattr(cls, f.name).__set__ for f in attrs.fields(cls))


class _SetterTable(dict[type, tuple[Callable[[object, object], None], ...]]):
    """A class -> its setters, found when first asked (a subclass has its own).

    The constructors of claims and relations use them, and so does :func:`trusted`.
    """

    def __missing__(self, cls: type) -> tuple[Callable[[object, object], None], ...]:
        found = self[cls] = _setters(cls)
        return found


_SETTERS = _SetterTable()
_CLAIM_SETTERS = _SETTERS[Claim]

#: How a map shows itself: ``"rich"`` gives what ``rich.print(m)`` shows (a function of
#: the map) and ``"mimebundle"`` the ``{mime type: data}`` a notebook displays (a function
#: of the map and Jupyter's ``include`` and ``exclude``). The model knows nothing of
#: drawing: ``import argmap`` fills this with the terminal summary and the interactive
#: page, which load their views when first called. Without a hook, a map shows as its repr.
display_hooks: dict[str, Callable[..., Any]] = {}


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(value)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return tuple(value)


def _verdicts(
    value: Mapping[ClaimId, Verdict | str] | Mapping[str, Verdict | str],
) -> FrozenMap[ClaimId, Verdict]:
    if not value:
        return _NO_VERDICTS
    return FrozenMap({ClaimId(k): Verdict(v) for k, v in value.items()})


_NO_VERDICTS: FrozenMap[ClaimId, Verdict] = FrozenMap()


@attrs.frozen(repr=False)
class ArgumentMap:
    """An argument map: claims, the relations between them, and the theses it is about.

    Construction never fails on content: a map may hold problems, which
    :func:`argmap.validate` names. Build maps with :class:`argmap.MapBuilder`, which
    validates, or load them with :func:`argmap.load`.

    Queries index the map once, on first use, so each costs time proportional to its
    answer, not to the map.

    Attributes:
        id: the map's id (a slug).
        title: a human title.
        description: what the map covers, in a sentence or two.
        sources: the works its quotes come from.
        theses: the ids of the claims the map is about (one or more).
        claims: every claim, theses included.
        relations: every support and rebuttal.
        verdicts: per thesis, the verdict of the source(s) mapped (where recorded).
        meta: free-form JSON data.
    """

    id: str
    title: str
    description: str = attrs.field(default="", kw_only=True)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources, kw_only=True)
    theses: tuple[ClaimId, ...] = attrs.field(default=(), converter=_claim_ids, kw_only=True)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims, kw_only=True)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_relations, kw_only=True)
    verdicts: FrozenMap[ClaimId, Verdict] = attrs.field(
        default=_NO_VERDICTS, converter=_verdicts, kw_only=True
    )
    meta: Meta = attrs.field(default=EMPTY_META, converter=_meta, kw_only=True)

    def __repr__(self) -> str:
        c, r, t = len(self.claims), len(self.relations), len(self.theses)
        return (
            f"<ArgumentMap {self.id!r}: {c} claim{'' if c == 1 else 's'}, "
            f"{r} relation{'' if r == 1 else 's'}, {t} {'thesis' if t == 1 else 'theses'}>"
        )

    # -- indexes ---------------------------------------------------------------------------

    @functools.cached_property
    def _derived(self) -> dict[str, Any]:
        """What analyses derive from the map and keep with it (see :func:`derived`)."""
        return {}

    @functools.cached_property
    def claims_by_id(self) -> Mapping[ClaimId, Claim]:
        """Claims by id (where ids repeat, the first one wins)."""
        return _by_id(self.claims)

    @functools.cached_property
    def relations_by_id(self) -> Mapping[RelationId, Relation]:
        """Relations by id, as :attr:`claims_by_id` has the claims."""
        return _by_id(self.relations)

    @functools.cached_property
    def sources_by_id(self) -> Mapping[SourceId, Source]:
        """And sources."""
        return _by_id(self.sources)

    @functools.cached_property
    def _into(self) -> Mapping[str, tuple[Relation, ...]]:
        into: dict[str, list[Relation]] = {}
        for r in self.relations:
            into.setdefault(r.target, []).append(r)
        return {k: tuple(v) for k, v in into.items()}

    @functools.cached_property
    def _from(self) -> Mapping[str, tuple[Relation, ...]]:
        out: dict[str, list[Relation]] = {}
        for r in self.relations:
            for p in dict.fromkeys(r.premises):
                out.setdefault(p, []).append(r)
        return {k: tuple(v) for k, v in out.items()}

    # -- look-ups --------------------------------------------------------------------------

    def claim(self, id: str) -> Claim:  # noqa: A002 - the domain word
        """Return the claim with this id.

        Raises:
            UnknownIdError: if the map has no such claim.
            ParameterError: if ``id`` is not a string.
        """
        return _look_up(self, self.claims_by_id, id, "claim")

    def relation(self, id: str) -> Relation:  # noqa: A002 - the domain word
        """Return the support or rebuttal with this id (:meth:`claim` says what it raises)."""
        return _look_up(self, self.relations_by_id, id, "relation")

    def source(self, id: str) -> Source:  # noqa: A002 - the domain word
        """Return the source with this id (:meth:`claim` says what it raises)."""
        return _look_up(self, self.sources_by_id, id, "source")

    def __contains__(self, id: object) -> bool:  # noqa: A002 - the domain word
        """True when ``id`` names a claim or a relation of the map."""
        return id in self.claims_by_id or id in self.relations_by_id

    # -- structure -------------------------------------------------------------------------

    def relations_into(self, id: str) -> tuple[Relation, ...]:  # noqa: A002
        """The relations whose target is this claim or relation, in map order.

        Raises:
            ParameterError: if ``id`` is not a string.
        """
        return self._into.get(_id_arg(id), ())

    def relations_from(self, claim_id: str) -> tuple[Relation, ...]:
        """The relations that cite this claim as a premise, in map order.

        Raises:
            ParameterError: if ``claim_id`` is not a string.
        """
        return self._from.get(_id_arg(claim_id, "a claim id"), ())

    def pros(self, claim_id: str) -> tuple[Support, ...]:
        """The supports of a claim: its pro relations."""
        return tuple(r for r in self.relations_into(claim_id) if isinstance(r, Support))

    def cons(self, claim_id: str) -> tuple[Rebuttal, ...]:
        """The rebuttals of a claim: its con relations (undercuts target relations instead)."""
        return tuple(r for r in self.relations_into(claim_id) if isinstance(r, Rebuttal))

    def undercuts(self, relation_id: str) -> tuple[Rebuttal, ...]:
        """The rebuttals that attack this relation's inference."""
        return tuple(r for r in self.relations_into(relation_id) if isinstance(r, Rebuttal))

    def premises_of(self, claim_id: str) -> tuple[ClaimId, ...]:
        """Every claim that is a premise of a relation into this claim, without repeats."""
        seen: dict[ClaimId, None] = {}
        for r in self.relations_into(claim_id):
            for p in r.premises:
                seen.setdefault(p, None)
        return tuple(seen)

    def sources_of(self, claim_id: str) -> tuple[SourceId, ...]:
        """The sources that state a claim: those of its quotes, without repeats."""
        return tuple(dict.fromkeys(q.source for q in self.claim(claim_id).quotes))

    def attack_type(self, rebuttal: Rebuttal | str) -> AttackType:
        """Say whether a rebuttal rebuts, undermines or undercuts.

        Raises:
            UnknownIdError: if ``rebuttal`` is an id the map does not hold.
            ParameterError: if ``rebuttal`` is neither an id nor a relation.
        """
        r = self._resolve(rebuttal, "rebuttal")
        if r.target in self.relations_by_id:
            return AttackType.UNDERCUT
        if r.target in self._from:
            return AttackType.UNDERMINE
        return AttackType.REBUT

    def is_undercut(self, relation: Relation) -> bool:
        """True for a rebuttal whose target is a relation."""
        return isinstance(relation, Rebuttal) and relation.target in self.relations_by_id

    def kind(self, relation: Relation | str) -> RelationKind:
        """Say whether a relation (or the relation with this id) supports, rebuts or undercuts.

        It raises what :meth:`attack_type` raises, for the same reasons.
        """
        r = self._resolve(relation, "relation")
        if isinstance(r, Support):
            return RelationKind.SUPPORT
        if r.target in self.relations_by_id:
            return RelationKind.UNDERCUT
        return RelationKind.REBUTTAL

    def _resolve(self, relation: Relation | str, what: str) -> Relation:
        """The relation given, or the map's relation with the id given."""
        if isinstance(relation, str):
            return self.relation(relation)
        _value_arg(relation, (Support, Rebuttal), what)
        return relation

    def counts(self) -> Counts:
        """How many claims and relations of each kind the map holds, and how deep it is."""
        by_kind = dict.fromkeys(RelationKind, 0)
        for r in self.relations:
            by_kind[self.kind(r)] += 1
        return Counts(
            claims=len(self.claims),
            supports=by_kind[RelationKind.SUPPORT],
            rebuttals=by_kind[RelationKind.REBUTTAL],
            undercuts=by_kind[RelationKind.UNDERCUT],
            linked=sum(r.linked for r in self.relations),
            implicit=sum(c.implicit for c in self.claims),
            depth=self.depth,
        )

    # -- analyses over the graph -----------------------------------------------------------

    def polarity(self, thesis: str) -> Mapping[ClaimId, Polarity]:
        """Which side of ``thesis`` every claim that bears on it is on.

        A support keeps the side of what it supports, a rebuttal flips it, and an undercut
        takes the side opposite to the relation it attacks. Claims that do not reach the
        thesis are absent. Runs in time linear in the map, cycles included.

        Raises:
            UnknownIdError: if ``thesis`` is not a claim of the map.
            ParameterError: if ``thesis`` is not a string.
        """
        if _id_arg(thesis, "thesis") not in self.claims_by_id:
            known = ", ".join(repr(t) for t in self.theses) or "none"
            msg = (
                f"map {self.id!r} has no claim {thesis!r}; pass one of its theses ({known}) "
                "or another of its claims"
            )
            raise UnknownIdError(msg, thesis, suggest=similar_ids(self, thesis))
        signs = self._signs(thesis)
        out: dict[ClaimId, Polarity] = {}
        for node, s in signs.items():
            if node in self.claims_by_id:
                out[ClaimId(node)] = (
                    Polarity.BOTH if s == 3 else Polarity.PRO if s == 1 else Polarity.CON
                )
        return MappingProxyType(out)

    def _signs(self, thesis: str) -> dict[str, int]:
        """Bit set of signs per node (1 = pro, 2 = con) reaching ``thesis``."""
        signs: dict[str, int] = {thesis: 1}
        queue: deque[tuple[str, int]] = deque([(thesis, 1)])
        relation_ids = self.relations_by_id
        while queue:
            node, sign = queue.popleft()
            # Everything aimed at ``node``: relations into a claim or a relation.
            for r in self.relations_into(node):
                s = sign if r.kind == "support" else (3 - sign)
                # The relation itself carries the sign it lends its target.
                if not signs.get(r.id, 0) & s:
                    signs[r.id] = signs.get(r.id, 0) | s
                    queue.append((r.id, s))
            if node in relation_ids:
                # A relation passes its sign to its premises.
                for p in relation_ids[RelationId(node)].premises:
                    if not signs.get(p, 0) & sign:
                        signs[p] = signs.get(p, 0) | sign
                        queue.append((p, sign))
        return signs

    @functools.cached_property
    def _reach(self) -> Mapping[str, int]:
        """Distance, in relation steps, from each node to the nearest thesis.

        A thesis is at 0; a relation is one step below its target; a premise is at the
        distance of the relation that cites it.
        """
        dist: dict[str, int] = {}
        queue: deque[str] = deque()
        for t in self.theses:
            if t in self.claims_by_id and t not in dist:
                dist[t] = 0
                queue.append(t)
        relation_ids = self.relations_by_id
        # 0-1 breadth-first search: a step into a relation costs 1, a step from a
        # relation to its premises costs 0 (those go to the front of the queue).
        far = len(self.claims) + len(self.relations) + 1
        while queue:
            node = queue.popleft()
            d = dist[node]
            for r in self.relations_into(node):
                if d + 1 < dist.get(r.id, far):
                    dist[r.id] = d + 1
                    queue.append(r.id)
            if node in relation_ids:
                for p in relation_ids[RelationId(node)].premises:
                    if d < dist.get(p, far) and p in self.claims_by_id:
                        dist[p] = d
                        queue.appendleft(p)
        return dist

    def depths(self) -> Mapping[ClaimId, int]:
        """How many relations separate each claim from its nearest thesis (theses are 0).

        Claims that reach no thesis are absent.
        """
        claims = self.claims_by_id
        return MappingProxyType({ClaimId(k): v for k, v in self._reach.items() if k in claims})

    @property
    def depth(self) -> int:
        """The largest depth of any claim: how many levels of reasons the map has."""
        depths = self.depths().values()
        return max(depths, default=0)

    def connected(self) -> frozenset[ClaimId]:
        """The claims that bear on at least one thesis."""
        return frozenset(self.depths())

    # -- display hooks (rich and Jupyter find these) ----------------------------------------

    def __rich__(self) -> object:
        """The terminal summary, for ``rich.print(m)`` (see :data:`display_hooks`)."""
        show = display_hooks.get("rich")
        return repr(self) if show is None else show(self)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """The map in notebooks (the interactive page, see :data:`display_hooks`); never raises.

        ``include`` and ``exclude`` are Jupyter's: collections of MIME types to offer or
        leave out.
        """
        draw = display_hooks.get("mimebundle")
        if draw is None:
            return {"text/plain": repr(self)}
        try:
            return dict(draw(self, include, exclude))
        except Exception:  # noqa: BLE001 - a notebook display must not fail
            return {"text/plain": repr(self)}

    # -- editing (each returns a new map) --------------------------------------------------

    def with_claim(self, claim: Claim) -> ArgumentMap:
        """Return a copy with ``claim`` added, or replacing the claim with its id.

        Raises:
            ParameterError: if ``claim`` is not a :class:`Claim`.
        """
        _value_arg(claim, (Claim,), "claim")
        return attrs.evolve(self, claims=_put(self.claims, self.claims_by_id, claim))

    def with_relation(self, relation: Relation) -> ArgumentMap:
        """The same for a support or rebuttal (:meth:`with_claim`); a ParameterError if not one."""
        _value_arg(relation, (Support, Rebuttal), "relation")
        return attrs.evolve(self, relations=_put(self.relations, self.relations_by_id, relation))

    def with_source(self, source: Source) -> ArgumentMap:
        """The same for a source (:meth:`with_claim`); a ParameterError if not a Source."""
        _value_arg(source, (Source,), "source")
        return attrs.evolve(self, sources=_put(self.sources, self.sources_by_id, source))

    def with_thesis(self, claim_id: str, verdict: Verdict | str | None = None) -> ArgumentMap:
        """Return a copy where ``claim_id`` is a thesis (with its verdict, if given).

        Raises:
            ParameterError: if ``claim_id`` is not a string, or ``verdict`` is not one of
                :class:`Verdict`'s values.
        """
        claim_id = _id_arg(claim_id, "a thesis id")
        theses = self.theses if claim_id in self.theses else (*self.theses, ClaimId(claim_id))
        verdicts = self.verdicts
        if verdict is not None:
            verdicts = verdicts.set(ClaimId(claim_id), verdict_arg(verdict, "verdict"))
        return attrs.evolve(self, theses=theses, verdicts=verdicts)

    def without_claim(self, claim_id: str) -> ArgumentMap:
        """Return a copy without this claim and without every relation that cites it.

        Relations that cite the claim as premise or target go, and so, in turn, do the
        undercuts of those relations. The claim also stops being a thesis.

        Raises:
            UnknownIdError: if the map has no such claim.
        """
        self.claim(claim_id)
        doomed = {r.id for r in self.relations if claim_id in r.premises or r.target == claim_id}
        return self._drop(claim_ids={claim_id}, relation_ids=doomed)

    def without_relation(self, relation_id: str) -> ArgumentMap:
        """Return a copy without this relation and without the undercuts aimed at it.

        Raises:
            UnknownIdError: if the map has no such relation.
        """
        self.relation(relation_id)
        return self._drop(claim_ids=set(), relation_ids={relation_id})

    def _drop(self, *, claim_ids: AbstractSet[str], relation_ids: AbstractSet[str]) -> ArgumentMap:
        queue = deque(relation_ids)
        doomed = set(relation_ids)
        while queue:
            for r in self.relations_into(queue.popleft()):
                if r.id not in doomed:
                    doomed.add(r.id)
                    queue.append(r.id)
        return attrs.evolve(
            self,
            claims=tuple(c for c in self.claims if c.id not in claim_ids),
            relations=tuple(r for r in self.relations if r.id not in doomed),
            theses=tuple(t for t in self.theses if t not in claim_ids),
            verdicts={k: v for k, v in self.verdicts.items() if k not in claim_ids},
        )


_Item = TypeVar("_Item", Claim, Support | Rebuttal, Source)
_T = TypeVar("_T")


def derived(argument_map: ArgumentMap, key: str, make: Callable[[ArgumentMap], _T]) -> _T:
    """What ``make`` derives from a map, made once per map and kept with it.

    The map is frozen, so what is derived from it stays true: evaluation keeps its
    integer index of the map here, so that a second evaluation (or validation followed by
    evaluation) does not build it again. ``key`` names the thing derived; the store goes
    with the map (a copy made by ``attrs.evolve`` or pickling starts empty) and never
    takes part in equality.
    """
    store = argument_map._derived  # noqa: SLF001 - the model's own store, behind this function
    try:
        return store[key]  # type: ignore[no-any-return]
    except KeyError:
        found = store[key] = make(argument_map)
        return found


def leave(argument_map: ArgumentMap, key: str, value: object) -> None:
    """Leave ``value`` under ``key`` in the map's derived store, for an analysis to :func:`take`.

    For a loader that found, while reading, what an analysis would otherwise derive again
    (the reader of native JSON leaves the claims' positions and each relation's resolved
    premises and target, :class:`argmap._graph.Resolved`). What is left must describe this
    very map; like everything derived, it goes with the map and never takes part in
    equality.
    """
    argument_map._derived[key] = value  # noqa: SLF001 - the model's own store


def take(argument_map: ArgumentMap, key: str) -> Any | None:  # noqa: ANN401 - whatever was left
    """What :func:`leave` left under ``key``, taken out of the store (None if nothing is there)."""
    return argument_map._derived.pop(key, None)  # noqa: SLF001 - the model's own store


_new = object.__new__
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend
_Model = TypeVar("_Model", Claim, Support, Rebuttal, Quote, Source)


def trusted(cls: type[_Model], count: int, **columns: Iterable[object]) -> list[_Model]:
    """Build ``count`` values of a model class from one column of values per field.

    For loaders, which check what they read in bulk and then need many values at once: it
    skips ``__init__`` (its converters and per-field calls), setting each field with one
    C-level loop over its column, three to four times faster than the constructor. A field
    left out gets its default.

    Trusted means the caller has made sure that every value is already what the
    constructor's converters would give: ids and texts ``str``, tags and premises tuples
    of ``str``, quotes a tuple of :class:`Quote`, metadata a :class:`FrozenMap` of frozen
    JSON. Then the values equal those the constructor builds (tests check this on
    generated maps, hostile texts included); nothing else is checked here.

    Raises:
        TypeError: if a column names no field, or a field without a default has none.
    """
    objects = list(map(_new, repeat(cls, count)))
    for field, set_field in zip(attrs.fields(cls), _SETTERS[cls], strict=True):
        values = columns.pop(field.name, None)
        if values is None:
            if field.default is attrs.NOTHING:
                msg = f"{cls.__name__} needs a column for {field.name!r}"
                raise TypeError(msg)
            values = repeat(field.default, count)
        _consume(map(set_field, objects, values))
    if columns:
        msg = f"{cls.__name__} has no field {', '.join(map(repr, columns))}"
        raise TypeError(msg)
    return objects


def _by_id(items: tuple[_Item, ...]) -> Mapping[Any, _Item]:
    """Items by id, read-only; where ids repeat, the first one wins."""
    index: dict[str, _Item] = dict(zip(map(_get_id, items), items, strict=True))
    if len(index) != len(items):  # an id repeats: keep the first, in map order
        index = {}
        for item in items:
            index.setdefault(item.id, item)
    return MappingProxyType(index)


_get_id = attrgetter("id")


def _look_up(m: ArgumentMap, index: Mapping[Any, _Item], id: object, what: str) -> _Item:  # noqa: A002
    """The item of ``index`` with this id, or an UnknownIdError naming the map and the id."""
    try:
        return index[_id_arg(id, f"a {what} id")]
    except KeyError:
        msg = f"map {m.id!r} has no {what} {id!r}"
        raise UnknownIdError(msg, str(id), suggest=similar_ids(m, str(id), index)) from None


def similar_ids(
    m: ArgumentMap,
    id: str,  # noqa: A002 - the domain word
    index: Mapping[Any, Any] | None = None,
) -> Callable[[], tuple[str, ...]]:
    """What finds the ids of ``index`` (the map's claims by default) most like ``id``.

    Claims are matched by their text too. The search runs when the returned function is
    called (:class:`~argmap.errors.UnknownIdError` calls it when its message is read).
    """

    def find() -> tuple[str, ...]:
        from argmap.suggest import close_ids

        ids = m.claims_by_id if index is None else index
        texts: dict[str, str] = {c.id: c.text for c in m.claims if c.id in ids}
        return close_ids(id, ids, texts)

    return find


def _put(items: tuple[_Item, ...], index: Mapping[Any, _Item], item: _Item) -> tuple[_Item, ...]:
    """``items`` with ``item`` replacing the one with its id, or added at the end."""
    if item.id in index:
        return tuple(item if x.id == item.id else x for x in items)
    return items + (item,)  # noqa: RUF005 - mypy cannot unpack a constrained TypeVar
