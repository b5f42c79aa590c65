"""The authoring API: write a map in Python, claim by claim, and get a validated map back.

>>> from argmap import MapBuilder
>>> b = MapBuilder("tea", "Should the office buy a better kettle?")
>>> src = b.source("memo", "Kitchen memo", author="Facilities")
>>> kettle = b.thesis("buy-kettle", "The office should buy a better kettle.", verdict="for")
>>> slow = b.claim("slow", "The kettle takes five minutes to boil.",
...                quote="it takes five minutes to boil")
>>> slow.supports(kettle)
RelationRef('slow--supports--buy-kettle')
>>> cost = b.claim("cost", "A new kettle costs money.", quote="costs money")
>>> cost.rebuts(kettle)
RelationRef('cost--rebuts--buy-kettle')
>>> b.linked(b.claim("cheap", "A kettle costs 30 euros.", quote="30 euros"),
...          b.implicit("budget", "The budget has 30 euros to spare.")).rebuts(cost)
RelationRef('cheap--rebuts--cost')
>>> b.build()
<ArgumentMap 'tea': 5 claims, 3 relations, 1 thesis>

A ``b.claim(...)`` call returns a :class:`ClaimRef`; ``.supports``, ``.rebuts`` and
``.undercuts`` state a relation in one call, and ``b.linked(a, b)`` groups premises that
work only jointly. Every place that takes a claim or relation accepts its id as a string,
so claims can be referred to before they are written. A value of the wrong type (a number
as an id, a list as a text) raises :class:`~argmap.errors.ParameterError` at once and
leaves the builder as it was.

(Its length, a little over the house's guide of 500 lines, is the builder and its handles,
one concern; the checks of what it is given live in :mod:`argmap._checks`.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Generic, TypeAlias, TypedDict, TypeVar, Unpack, cast

import attrs

from argmap._checks import (
    flag_arg,
    meta_arg,
    optional_text_arg,
    quotes_arg,
    score_arg,
    shown,
    text_arg,
    texts_arg,
    verdict_arg,
)
from argmap.errors import DuplicateIdError, InvalidMapError, ParameterError
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    RelationId,
    RelationKind,
    Source,
    SourceId,
    Support,
    Verdict,
)
from argmap.validate import Problem, validate

__all__ = ["ClaimRef", "Given", "MapBuilder", "Named", "Premises", "RelationRef"]


_Id = TypeVar("_Id", ClaimId, RelationId)


@attrs.frozen(repr=False)
class _Handle(Generic[_Id]):
    """A claim or relation being built, by id; usable wherever its id is expected."""

    id: _Id
    _builder: MapBuilder = attrs.field(eq=False)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r})"

    def __str__(self) -> str:
        return self.id


class _Verbs:
    """The relation verbs of premises: a claim's handle, or claims grouped as linked."""

    __slots__ = ()
    _builder: MapBuilder

    def _premises(self) -> Given:
        return cast("Given", self)

    def supports(self, target: _Target, **options: Unpack[Named]) -> RelationRef:
        """State that these premises (one claim, or linked ones jointly) support ``target``."""
        return self._builder.support(self._premises(), target, **options)

    def rebuts(self, target: _Target, **options: Unpack[Named]) -> RelationRef:
        """State that they speak against ``target`` (a claim, or a relation)."""
        return self._builder.rebut(self._premises(), target, **options)

    def undercuts(self, relation: RelationRef | str, **options: Unpack[Named]) -> RelationRef:
        """State that they deny that ``relation``'s premises support its target."""
        return self._builder.undercut(self._premises(), relation, **options)


class RelationRef(_Handle[RelationId]):
    """What the relation verbs return: a handle on the relation, usable as its id.

    Attributes:
        id: the relation's id.
    """

    __slots__ = ()

    def undercut_by(self, premises: Given, **options: Unpack[Named]) -> RelationRef:
        """State that ``premises`` deny that this relation's premises support its target."""
        return self._builder.undercut(premises, self, **options)


class ClaimRef(_Verbs, _Handle[ClaimId]):
    """A handle on a claim being built; usable wherever a claim id is expected.

    Attributes:
        id: the claim's id.
    """

    __slots__ = ()


@attrs.frozen
class Premises(_Verbs):
    """Premises that work only jointly (linked), waiting for the relation they form.

    Attributes:
        ids: the claim ids, in order.
    """

    ids: tuple[ClaimId, ...]
    _builder: MapBuilder = attrs.field(eq=False, repr=False)


_Premise = ClaimRef | str
_Target = ClaimRef | RelationRef | str
#: What the relation verbs take as premises: one claim (a handle or an id), claims grouped
#: with :meth:`MapBuilder.linked`, or a list of claims that work jointly.
Given: TypeAlias = _Premise | Premises | Iterable[_Premise]


class Named(TypedDict, total=False):
    """The keywords every relation verb takes (``support``, ``rebuts`` and the others).

    Attributes:
        id: the relation's id; by default one made of its first premise, its verb and
            its target (``sunny--supports--eat-out``).
        label: a short name for the inference.
        scheme: the argumentation scheme it instantiates.
    """

    id: str | None
    label: str
    scheme: str


# -- checks of what the builder is given (each raises ParameterError in one line) -------------


def _claim_id(value: object, what: str = "a premise") -> ClaimId:
    if isinstance(value, ClaimRef):
        return value.id
    if isinstance(value, RelationRef):
        msg = f"{what} must be a claim, not relation {value.id!r}"
        raise ParameterError(msg)
    if not isinstance(value, str):
        msg = f"{what} must be a ClaimRef or a claim id string, not {shown(value)}"
        raise ParameterError(msg)
    return ClaimId(text_arg(value, f"{what} id"))


def _premise_ids(premises: object) -> tuple[ClaimId, ...]:
    if isinstance(premises, Premises):
        return premises.ids
    if isinstance(premises, ClaimRef | RelationRef | str):
        return (_claim_id(premises),)
    if not isinstance(premises, Iterable) or isinstance(premises, bytes | Mapping):
        msg = (
            "premises must be a ClaimRef, a claim id, linked(...) or a list of those, "
            f"not {shown(premises)}"
        )
        raise ParameterError(msg)
    return tuple(_claim_id(p) for p in premises)


def _target_id(value: object, what: str = "a target") -> str:
    if isinstance(value, ClaimRef | RelationRef):
        return value.id
    if not isinstance(value, str):
        msg = f"{what} must be a ClaimRef, a RelationRef or an id string, not {shown(value)}"
        raise ParameterError(msg)
    return text_arg(value, f"{what} id")


def _map_text(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    text_arg(value, f"the map's {attribute.name}")


def default_relation_id(kind: str, premises: Sequence[str], target: str) -> str:
    """The id the builder gives a relation stated without one (before any ``-2`` suffix).

    Args:
        kind: ``"support"``, ``"rebuttal"`` or ``"undercut"`` (a rebuttal of a relation).
        premises: the relation's premises; the first names it.
        target: the claim or relation it is aimed at.
    """
    first = premises[0] if premises else "nothing"
    return f"{first}--{RelationKind(kind).verb}--{target}"


@attrs.define
class MapBuilder:
    """Collects sources, claims and relations, then builds a frozen, validated map.

    Attributes:
        id: the map's id.
        title: the map's title.
        description: what the map covers.
    """

    id: str = attrs.field(validator=_map_text)
    title: str = attrs.field(validator=_map_text)
    description: str = attrs.field(default="", validator=_map_text)
    _sources: dict[SourceId, Source] = attrs.field(factory=dict, init=False)
    _default_source: SourceId | None = attrs.field(default=None, init=False)
    _theses: list[ClaimId] = attrs.field(factory=list, init=False)
    _verdicts: dict[ClaimId, Verdict] = attrs.field(factory=dict, init=False)
    _claims: dict[ClaimId, Claim] = attrs.field(factory=dict, init=False)
    _relations: dict[RelationId, Relation] = attrs.field(factory=dict, init=False)
    _undercuts: set[RelationId] = attrs.field(factory=set, init=False)
    _meta: dict[str, object] = attrs.field(factory=dict, init=False)

    @classmethod
    def from_map(cls, argument_map: ArgumentMap) -> MapBuilder:
        """Start from an existing map, to add to it or change it; the map is not touched.

        Raises:
            ParameterError: if ``argument_map`` is not an :class:`ArgumentMap`.
        """
        if not isinstance(argument_map, ArgumentMap):
            msg = f"from_map() takes an ArgumentMap, not {shown(argument_map)}"
            raise ParameterError(msg)
        b = cls(argument_map.id, argument_map.title, argument_map.description)
        for s in argument_map.sources:
            b._sources[s.id] = s
        if argument_map.sources:
            b._default_source = argument_map.sources[0].id
        b._theses = list(argument_map.theses)
        b._verdicts = dict(argument_map.verdicts)
        b._claims = {c.id: c for c in argument_map.claims}
        b._relations = {r.id: r for r in argument_map.relations}
        b._meta = dict(argument_map.meta)
        return b

    # -- sources and metadata --------------------------------------------------------------

    def source(  # noqa: PLR0913 - the fields of a citation
        self,
        id: str,  # noqa: A002 - the domain word
        title: str,
        *,
        author: str = "",
        outlet: str = "",
        date: str = "",
        url: str = "",
    ) -> SourceId:
        """Add a source; the first one added is the default source of quotes.

        Raises:
            DuplicateIdError: if a source with this id was added before.
            ParameterError: if a value is not a string.
        """
        sid = SourceId(text_arg(id, "a source id"))
        fields = {"title": title, "author": author, "outlet": outlet, "date": date, "url": url}
        for name, value in fields.items():
            text_arg(value, f"source {id!r}: {name}")
        if sid in self._sources:
            msg = f"source {id!r} is added twice; give each source its own id"
            raise DuplicateIdError(msg)
        self._sources[sid] = Source(sid, title, author=author, outlet=outlet, date=date, url=url)
        if self._default_source is None:
            self._default_source = sid
        return sid

    def meta(self, **values: object) -> None:
        """Attach free-form JSON metadata to the map.

        Raises:
            ParameterError: if a value is not JSON (or is NaN or infinite).
        """
        self._meta.update(meta_arg(values, "the map's meta"))

    # -- claims ----------------------------------------------------------------------------

    def claim(  # noqa: PLR0913 - the fields of a claim
        self,
        id: str,  # noqa: A002 - the domain word
        text: str,
        *,
        quote: str | Sequence[str] | None = None,
        source: str | None = None,
        quotes: Iterable[Quote] = (),
        implicit: bool = False,
        tags: Iterable[str] = (),
        note: str = "",
        qualifier: str = "",
        base_score: float | None = None,
        meta: Mapping[str, object] | None = None,
    ) -> ClaimRef:
        """Add a claim and return a handle on it.

        Args:
            id: a readable slug, unique among claims and relations.
            text: the claim, concise and self-contained.
            quote: one verbatim passage (or several) from ``source``.
            source: the source of ``quote``; by default the first source added.
            quotes: quotes given in full, for passages from several sources.
            implicit: the argument relies on the claim without stating it.
            tags: free labels.
            note: a remark by the mapper.
            qualifier: the source's hedge on the claim ("while still informal"); a hedge
                qualifies a claim, it is not an objection to it.
            base_score: the intrinsic strength in [0, 1] for gradual semantics.
            meta: free-form JSON metadata.

        Raises:
            DuplicateIdError: if a claim or relation already has this id.
            InvalidMapError: if ``quote`` is given and there is no source to attribute it to.
            ParameterError: if a value has the wrong type (a number as an id, a list as a
                text), or is text no file can store.
        """
        cid = ClaimId(text_arg(id, "a claim id"))
        what = f"claim {id!r}"
        text = text_arg(text, f"{what}: text")
        texts = None if quote is None else texts_arg(quote, f"{what}: quote")
        source = optional_text_arg(source, f"{what}: source")
        all_quotes = quotes_arg(quotes, f"{what}: quotes")
        implicit = flag_arg(implicit, f"{what}: implicit")
        tags = texts_arg(tags, f"{what}: tags")
        note = text_arg(note, f"{what}: note")
        qualifier = text_arg(qualifier, f"{what}: qualifier")
        base_score = score_arg(base_score, f"{what}: base_score")
        frozen_meta = meta_arg(meta, f"{what}: meta")
        self._reserve(cid, "claim")
        if texts is not None:
            src = SourceId(source) if source is not None else self._default_source
            if src is None:
                msg = (
                    f"claim {id!r} has a quote but the map has no source yet; call "
                    "source() first or pass source="
                )
                raise InvalidMapError([Problem("unknown-source", id, msg)], subject=f"claim {id!r}")
            all_quotes.extend(Quote(src, t) for t in texts)
        self._claims[cid] = Claim(
            cid,
            text,
            implicit=implicit,
            tags=tags,
            quotes=tuple(all_quotes),
            note=note,
            qualifier=qualifier,
            base_score=base_score,
            meta=frozen_meta,
        )
        return ClaimRef(cid, self)

    def implicit(
        self,
        id: str,  # noqa: A002 - the domain word
        text: str,
        *,
        tags: Iterable[str] = (),
        note: str = "",
        base_score: float | None = None,
    ) -> ClaimRef:
        """Add an implicit premise: one the argument needs but never states (no quote)."""
        return self.claim(id, text, implicit=True, tags=tags, note=note, base_score=base_score)

    def thesis(
        self,
        id: str,  # noqa: A002 - the domain word
        text: str,
        *,
        verdict: Verdict | str | None = None,
        tags: Iterable[str] = (),
        note: str = "",
    ) -> ClaimRef:
        """Add a claim the map is about, with the source's verdict on it if known.

        Raises:
            ParameterError: if ``verdict`` is not one of :class:`Verdict`'s values, or
                another value has the wrong type (see :meth:`claim`).
        """
        checked = None if verdict is None else verdict_arg(verdict, f"the verdict on {id!r}")
        ref = self.claim(id, text, tags=tags, note=note)
        self._theses.append(ref.id)
        if checked is not None:
            self._verdicts[ref.id] = checked
        return ref

    def verdict(self, thesis: ClaimRef | str, verdict: Verdict | str) -> None:
        """Record the source's verdict on a thesis.

        Raises:
            ParameterError: if ``thesis`` is no claim or id, or ``verdict`` is not one of
                :class:`Verdict`'s values.
        """
        tid = _claim_id(thesis, "the thesis")
        self._verdicts[tid] = verdict_arg(verdict, f"the verdict on {tid!r}")

    def ref(self, id: str) -> ClaimRef:  # noqa: A002 - the domain word
        """A handle on a claim by id (it may be added later)."""
        return ClaimRef(ClaimId(text_arg(id, "a claim id")), self)

    # -- relations -------------------------------------------------------------------------

    def linked(self, *premises: _Premise) -> Premises:
        """Group premises that work only jointly; then call ``.supports``/``.rebuts``."""
        return Premises(tuple(_claim_id(p) for p in premises), self)

    def support(self, premises: Given, target: _Target, **options: Unpack[Named]) -> RelationRef:
        """State that ``premises`` (one, or a list that works jointly) support ``target``.

        ``options`` may name the relation (``id``), give it a ``label`` and a ``scheme``.

        Raises:
            DuplicateIdError: if ``id`` is given and a claim or relation already has it.
            ParameterError: if a value has the wrong type (a number as a premise, None as
                the target).
        """
        return self._relate(Support, "support", premises, _target_id(target), options)

    def rebut(self, premises: Given, target: _Target, **options: Unpack[Named]) -> RelationRef:
        """State that ``premises`` speak against ``target`` (a claim, or a relation).

        It takes the options and raises the errors of :meth:`support`.
        """
        return self._relate(Rebuttal, "rebuttal", premises, _target_id(target), options)

    def undercut(
        self, premises: Given, relation: RelationRef | str, **options: Unpack[Named]
    ) -> RelationRef:
        """State that ``premises`` deny that ``relation``'s premises support its target.

        ``build()`` checks that ``relation`` names a relation, not a claim. It takes the
        options and raises the errors of :meth:`support`.
        """
        target_id = _target_id(relation, "the relation undercut")
        ref = self._relate(Rebuttal, "undercut", premises, target_id, options)
        self._undercuts.add(ref.id)
        return ref

    # -- the result ------------------------------------------------------------------------

    def build(self, *, strict: bool = False) -> ArgumentMap:
        """Return the frozen map.

        Args:
            strict: also refuse a map that has warnings (such as claims that bear on no
                thesis).

        Raises:
            InvalidMapError: if the map has errors (or, with ``strict``, warnings); it
                lists every one.
            ParameterError: if ``strict`` is not True or False.
        """
        strict = flag_arg(strict, "strict")
        m = ArgumentMap(
            self.id,
            self.title,
            description=self.description,
            sources=tuple(self._sources.values()),
            theses=tuple(self._theses),
            claims=tuple(self._claims.values()),
            relations=tuple(self._relations.values()),
            verdicts=self._verdicts,
            meta=self._meta,
        )
        problems = list(validate(m))
        for rid in sorted(self._undercuts):
            target = self._relations[rid].target
            if target in self._claims:
                problems.append(
                    Problem(
                        "unknown-target",
                        rid,
                        f"undercut {rid!r} targets claim {target!r}, not a relation; use "
                        "rebut() to attack a claim",
                    )
                )
        if any(p.is_error or strict for p in problems):
            raise InvalidMapError(problems, subject=f"map {self.id!r}")
        return m

    # -- helpers ---------------------------------------------------------------------------

    def _reserve(self, id_: str, kind: str) -> None:
        if id_ in self._claims or id_ in self._relations:
            other = "claim" if id_ in self._claims else "relation"
            msg = (
                f"{kind} id {id_!r} is already used by a {other}; give each claim and "
                "relation its own id"
            )
            raise DuplicateIdError(msg)

    def _relate(
        self,
        cls: type[Support | Rebuttal],
        kind: str,
        premises: object,
        target_id: str,
        options: Named,
    ) -> RelationRef:
        """Check the values of a relation verb, then add the relation (nothing on an error)."""
        verb = {"support": "support", "rebuttal": "rebut", "undercut": "undercut"}[kind]
        for name in options:
            if name not in Named.__optional_keys__:
                msg = f"{verb}() got an unexpected keyword argument {name!r}"
                raise TypeError(msg)
        ps = _premise_ids(premises)
        label = text_arg(options.get("label", ""), "a relation's label")
        scheme = text_arg(options.get("scheme", ""), "a relation's scheme")
        rid = self._relation_id(options.get("id"), ps, kind, target_id)
        self._relations[rid] = cls(rid, ps, target_id, label=label, scheme=scheme)
        return RelationRef(rid, self)

    def _relation_id(
        self, given: object, premises: tuple[ClaimId, ...], kind: str, target: str
    ) -> RelationId:
        if given is not None:
            given = text_arg(given, "a relation id")
            self._reserve(given, "relation")
            return RelationId(given)
        base = default_relation_id(kind, premises, target)
        rid, n = base, 1
        while rid in self._claims or rid in self._relations:
            n += 1
            rid = f"{base}-{n}"
        return RelationId(rid)
