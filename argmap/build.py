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
<ArgumentMap 'tea': 5 claims, 3 relations, 1 theses>

A ``b.claim(...)`` call returns a :class:`ClaimRef`; ``.supports``, ``.rebuts`` and
``.undercuts`` state a relation in one call, and ``b.linked(a, b)`` groups premises that
work only jointly. Every place that takes a claim or relation accepts its id as a string,
so claims can be referred to before they are written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from argmap._frozen import freeze_meta
from argmap.errors import DuplicateIdError, InvalidMapError
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    RelationId,
    Source,
    SourceId,
    Support,
    Verdict,
)
from argmap.validate import Problem, validate

__all__ = ["ClaimRef", "MapBuilder", "Premises", "RelationRef"]


@attrs.frozen(repr=False)
class RelationRef:
    """A handle on a relation being built; usable wherever a relation id is expected.

    Attributes:
        id: the relation's id.
    """

    id: RelationId
    _builder: MapBuilder = attrs.field(eq=False)

    def __repr__(self) -> str:
        return f"RelationRef({self.id!r})"

    def __str__(self) -> str:
        return self.id

    def undercut_by(self, premises: _Premise | Iterable[_Premise], **kwargs: str) -> RelationRef:
        """State that ``premises`` deny that this relation's premises support its target."""
        return self._builder.undercut(premises, self, **kwargs)


@attrs.frozen(repr=False)
class ClaimRef:
    """A handle on a claim being built; usable wherever a claim id is expected.

    Attributes:
        id: the claim's id.
    """

    id: ClaimId
    _builder: MapBuilder = attrs.field(eq=False)

    def __repr__(self) -> str:
        return f"ClaimRef({self.id!r})"

    def __str__(self) -> str:
        return self.id

    def supports(self, target: _Target, **kwargs: str) -> RelationRef:
        """State that this claim, on its own, supports ``target``."""
        return self._builder.support(self, target, **kwargs)

    def rebuts(self, target: _Target, **kwargs: str) -> RelationRef:
        """State that this claim, on its own, speaks against ``target``."""
        return self._builder.rebut(self, target, **kwargs)

    def undercuts(self, relation: RelationRef | str, **kwargs: str) -> RelationRef:
        """State that this claim denies that ``relation``'s premises support its target."""
        return self._builder.undercut(self, relation, **kwargs)


@attrs.frozen
class Premises:
    """Premises that work only jointly (linked), waiting for the relation they form.

    Attributes:
        ids: the claim ids, in order.
    """

    ids: tuple[ClaimId, ...]
    _builder: MapBuilder = attrs.field(eq=False, repr=False)

    def supports(self, target: _Target, **kwargs: str) -> RelationRef:
        """State that these premises jointly support ``target``."""
        return self._builder.support(self, target, **kwargs)

    def rebuts(self, target: _Target, **kwargs: str) -> RelationRef:
        """State that these premises jointly speak against ``target``."""
        return self._builder.rebut(self, target, **kwargs)

    def undercuts(self, relation: RelationRef | str, **kwargs: str) -> RelationRef:
        """State that these premises jointly deny ``relation``'s inference."""
        return self._builder.undercut(self, relation, **kwargs)


_Premise = ClaimRef | str
_Target = ClaimRef | RelationRef | str


def _premise_ids(premises: _Premise | Premises | Iterable[_Premise]) -> tuple[ClaimId, ...]:
    if isinstance(premises, Premises):
        return premises.ids
    if isinstance(premises, ClaimRef | str):
        return (ClaimId(str(premises)),)
    return tuple(ClaimId(str(p)) for p in premises)


_VERB = {"support": "supports", "rebuttal": "rebuts", "undercut": "undercuts"}


@attrs.define
class MapBuilder:
    """Collects sources, claims and relations, then builds a frozen, validated map.

    Attributes:
        id: the map's id.
        title: the map's title.
        description: what the map covers.
    """

    id: str
    title: str
    description: str = ""
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
        """Start from an existing map, to add to it or change it; the map is not touched."""
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
        """
        sid = SourceId(id)
        if sid in self._sources:
            msg = f"source {id!r} is added twice; give each source its own id"
            raise DuplicateIdError(msg)
        self._sources[sid] = Source(sid, title, author=author, outlet=outlet, date=date, url=url)
        if self._default_source is None:
            self._default_source = sid
        return sid

    def meta(self, **values: object) -> None:
        """Attach free-form JSON metadata to the map."""
        self._meta.update(values)

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
            base_score: the intrinsic strength in [0, 1] for gradual semantics.
            meta: free-form JSON metadata.

        Raises:
            DuplicateIdError: if a claim or relation already has this id.
            ArgmapError: if ``quote`` is given and there is no source to attribute it to.
        """
        cid = ClaimId(id)
        self._reserve(cid, "claim")
        all_quotes = list(quotes)
        if quote is not None:
            src = SourceId(source) if source is not None else self._default_source
            if src is None:
                msg = (
                    f"claim {id!r} has a quote but the map has no source yet; call "
                    "source() first or pass source="
                )
                raise InvalidMapError([Problem("unknown-source", id, msg)], subject=f"claim {id!r}")
            texts = [quote] if isinstance(quote, str) else list(quote)
            all_quotes.extend(Quote(src, t) for t in texts)
        self._claims[cid] = Claim(
            cid,
            text,
            implicit=implicit,
            tags=tuple(tags),
            quotes=tuple(all_quotes),
            note=note,
            base_score=base_score,
            meta=freeze_meta(meta),
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
        """Add a claim the map is about, with the source's verdict on it if known."""
        ref = self.claim(id, text, tags=tags, note=note)
        self._theses.append(ref.id)
        if verdict is not None:
            self._verdicts[ref.id] = Verdict(verdict)
        return ref

    def verdict(self, thesis: ClaimRef | str, verdict: Verdict | str) -> None:
        """Record the source's verdict on a thesis."""
        self._verdicts[ClaimId(str(thesis))] = Verdict(verdict)

    def ref(self, id: str) -> ClaimRef:  # noqa: A002 - the domain word
        """A handle on a claim by id (it may be added later)."""
        return ClaimRef(ClaimId(id), self)

    # -- relations -------------------------------------------------------------------------

    def linked(self, *premises: _Premise) -> Premises:
        """Group premises that work only jointly; then call ``.supports``/``.rebuts``."""
        return Premises(tuple(ClaimId(str(p)) for p in premises), self)

    def support(
        self,
        premises: _Premise | Premises | Iterable[_Premise],
        target: _Target,
        *,
        id: str | None = None,  # noqa: A002 - the domain word
        label: str = "",
        scheme: str = "",
    ) -> RelationRef:
        """State that ``premises`` (one, or a list that works jointly) support ``target``."""
        ps = _premise_ids(premises)
        rid = self._relation_id(id, ps, "support", str(target))
        self._relations[rid] = Support(rid, ps, str(target), label=label, scheme=scheme)
        return RelationRef(rid, self)

    def rebut(
        self,
        premises: _Premise | Premises | Iterable[_Premise],
        target: _Target,
        *,
        id: str | None = None,  # noqa: A002 - the domain word
        label: str = "",
        scheme: str = "",
    ) -> RelationRef:
        """State that ``premises`` speak against ``target`` (a claim, or a relation)."""
        ps = _premise_ids(premises)
        rid = self._relation_id(id, ps, "rebuttal", str(target))
        self._relations[rid] = Rebuttal(rid, ps, str(target), label=label, scheme=scheme)
        return RelationRef(rid, self)

    def undercut(
        self,
        premises: _Premise | Premises | Iterable[_Premise],
        relation: RelationRef | str,
        *,
        id: str | None = None,  # noqa: A002 - the domain word
        label: str = "",
        scheme: str = "",
    ) -> RelationRef:
        """State that ``premises`` deny that ``relation``'s premises support its target.

        ``build()`` checks that ``relation`` names a relation, not a claim.
        """
        ps = _premise_ids(premises)
        rid = self._relation_id(id, ps, "undercut", str(relation))
        self._relations[rid] = Rebuttal(rid, ps, str(relation), label=label, scheme=scheme)
        self._undercuts.add(rid)
        return RelationRef(rid, self)

    # -- the result ------------------------------------------------------------------------

    def build(self, *, strict: bool = False) -> ArgumentMap:
        """Return the frozen map.

        Args:
            strict: also refuse a map that has warnings (such as claims that bear on no
                thesis).

        Raises:
            InvalidMapError: if the map has errors (or, with ``strict``, warnings); it
                lists every one.
        """
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

    def _relation_id(
        self, given: str | None, premises: tuple[ClaimId, ...], kind: str, target: str
    ) -> RelationId:
        if given is not None:
            self._reserve(given, "relation")
            return RelationId(given)
        first = premises[0] if premises else "nothing"
        base = f"{first}--{_VERB[kind]}--{target}"
        rid, n = base, 1
        while rid in self._claims or rid in self._relations:
            n += 1
            rid = f"{base}-{n}"
        return RelationId(rid)
