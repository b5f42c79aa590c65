"""Merging maps: several maps of the same question become one, shared points made once.

>>> from argmap import MapBuilder
>>> def article(name, quote):
...     b = MapBuilder(name, name)
...     _ = b.source(name, f"The {name} article")
...     t = b.thesis("t", "The thesis.")
...     _ = b.claim("china-opposes", "China opposes it.", quote=quote).rebuts(t)
...     return b.build()
>>> m = merge([article("a", "Beijing objects"), article("b", "China said no")],
...           id="both", title="Both articles")
>>> m.sources_of("china-opposes")
('a', 'b')
>>> len(m.relations)
1

Claims with the same id (after ``aliases``) become one claim that keeps every quote;
relations with the same kind, premises (in any order) and target become one relation, and
what attacked a folded relation attacks the one kept; each merged claim
records in ``meta["maps"]`` the maps it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from argmap._checks import map_arg, mapping_arg, maps_arg, text_arg
from argmap.errors import ArgmapError, ParameterError
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Relation,
    RelationId,
    Source,
    SourceId,
    Verdict,
)

__all__ = ["merge", "provenance"]


def provenance(argument_map: ArgumentMap, claim_id: str) -> tuple[str, ...]:
    """The ids of the maps a merged claim came from (empty for a claim not merged).

    Raises:
        UnknownIdError: if the map has no such claim.
        ParameterError: if ``argument_map`` is no map or ``claim_id`` no string.
    """
    maps = map_arg(argument_map).claim(claim_id).meta.get("maps", ())
    return tuple(str(m) for m in maps) if isinstance(maps, tuple) else ()


def _texts_by_id(value: object, what: str) -> dict[str, str]:
    """A mapping of strings to strings, as a dict (None gives an empty one).

    Raises:
        ParameterError: if it is no mapping, or holds a key or value that is no string.
    """
    out: dict[str, str] = {}
    for key, text in mapping_arg(value, what).items():
        out[text_arg(key, f"a key of {what}")] = text_arg(text, f"{what}[{key!r}]")
    return out


def _verdicts_arg(value: object) -> dict[str, str]:
    """``verdicts`` as a dict of thesis id to a value of :class:`Verdict`.

    Raises:
        ParameterError: otherwise.
    """
    verdicts = _texts_by_id(value, "verdicts")
    known = [v.value for v in Verdict]
    for thesis, verdict in verdicts.items():
        if verdict not in known:
            choices = ", ".join(map(repr, known))
            msg = f"verdicts[{thesis!r}] must be one of {choices}, not {verdict!r}"
            raise ParameterError(msg)
    return verdicts


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _merge_claim(old: Claim, new: Claim, origin: str, text: str | None) -> Claim:
    quotes: tuple[Quote, ...] = (*old.quotes, *(q for q in new.quotes if q not in old.quotes))
    notes = _unique(n for n in (old.note, new.note) if n)
    qualifiers = _unique(q for q in (old.qualifier, new.qualifier) if q)
    maps = old.meta.get("maps", ())
    assert isinstance(maps, tuple)  # noqa: S101 - set by _merge_into below
    return attrs.evolve(
        old,
        text=text if text is not None else old.text,
        quotes=quotes,
        implicit=old.implicit and new.implicit and not quotes,
        tags=_unique((*old.tags, *new.tags)),
        note=" / ".join(notes),
        qualifier=" / ".join(qualifiers),
        base_score=old.base_score if old.base_score is not None else new.base_score,
        meta=old.meta.set("maps", _unique((*(str(x) for x in maps), origin))),
    )


def _merge_relations(
    m: ArgumentMap,
    claim_id: Callable[[str], ClaimId],
    relations: dict[RelationId, Relation],
    by_shape: dict[tuple[str, frozenset[ClaimId], str], RelationId],
) -> None:
    """Add ``m``'s relations: those aimed at claims first, undercuts once their target is in."""
    renamed: dict[str, RelationId] = {}
    pending = list(m.relations)
    while pending:
        waiting: list[Relation] = []
        for r in pending:
            if r.target in m.relations_by_id and r.target not in renamed:
                waiting.append(r)
                continue
            target = renamed.get(r.target) or claim_id(r.target)
            premises = tuple(dict.fromkeys(claim_id(p) for p in r.premises))
            shape = (r.kind, frozenset(premises), str(target))
            if shape in by_shape:
                renamed[r.id] = by_shape[shape]
                continue
            rid = r.id if r.id not in relations else RelationId(f"{r.id}@{m.id}")
            relations[rid] = attrs.evolve(r, id=rid, premises=premises, target=target)
            by_shape[shape] = rid
            renamed[r.id] = rid
        if len(waiting) == len(pending):  # undercuts in a circle: keep them as they are
            for r in waiting:
                relations.setdefault(r.id, r)
            return
        pending = waiting


def merge(  # noqa: C901, PLR0913 - one pass over maps and claims, many options
    maps: Sequence[ArgumentMap],
    *,
    id: str,  # noqa: A002 - the domain word
    title: str,
    description: str = "",
    aliases: Mapping[str, str] | None = None,
    texts: Mapping[str, str] | None = None,
    verdicts: Mapping[str, Verdict | str] | None = None,
) -> ArgumentMap:
    """Merge maps into one.

    Args:
        maps: the maps, in order of precedence (the first map's wording wins).
        id: the merged map's id.
        title: its title.
        description: its description.
        aliases: claim id → the id to merge it into, applied in every map (for the same
            point under different ids).
        texts: claim id → the wording of the merged claim (after aliasing).
        verdicts: thesis id → verdict of the merged map; by default the maps' common
            verdict, or ``mixed`` where they differ. The maps' own verdicts are kept in
            ``meta["verdicts"]`` (thesis → map id → verdict).

    Raises:
        ArgmapError: if two maps give different sources the same id.
        ParameterError: if ``maps`` is not a list of maps, or another argument has the
            wrong type (a number as the id, a verdict that is none of :class:`Verdict`).
    """
    maps = maps_arg(maps)
    id, title, description = (  # noqa: A001 - the parameter, checked
        text_arg(id, "id"),
        text_arg(title, "title"),
        text_arg(description, "description"),
    )
    aliases, texts = _texts_by_id(aliases, "aliases"), _texts_by_id(texts, "texts")
    verdicts = _verdicts_arg(verdicts)
    sources: dict[SourceId, Source] = {}
    theses: dict[ClaimId, None] = {}
    claims: dict[ClaimId, Claim] = {}
    relations: dict[RelationId, Relation] = {}
    by_shape: dict[tuple[str, frozenset[ClaimId], str], RelationId] = {}
    own_verdicts: dict[str, dict[str, str]] = {}

    def claim_id(x: str) -> ClaimId:
        return ClaimId(aliases.get(x, x))

    for m in maps:
        for s in m.sources:
            if s.id in sources and sources[s.id] != s:
                msg = f"maps give source {s.id!r} two different citations; make them agree"
                raise ArgmapError(msg)
            sources.setdefault(s.id, s)
        for t in m.theses:
            theses.setdefault(claim_id(t), None)
        for t, v in m.verdicts.items():
            own_verdicts.setdefault(claim_id(t), {})[m.id] = v.value
        for c in m.claims:
            cid = claim_id(c.id)
            if cid in claims:
                claims[cid] = _merge_claim(claims[cid], c, m.id, texts.get(cid))
            else:
                claims[cid] = attrs.evolve(
                    c,
                    id=cid,
                    text=texts.get(cid, c.text),
                    meta=c.meta.set("maps", (m.id,)),
                )

        _merge_relations(m, claim_id, relations, by_shape)

    final_verdicts: dict[ClaimId, Verdict] = {}
    for t in theses:
        given = set(own_verdicts.get(t, {}).values())
        if len(given) == 1:
            final_verdicts[t] = Verdict(given.pop())
        elif given:
            final_verdicts[t] = Verdict.MIXED
    for thesis, verdict in verdicts.items():
        final_verdicts[ClaimId(thesis)] = Verdict(verdict)
    meta = {"verdicts": {t: dict(sorted(v.items())) for t, v in own_verdicts.items()}}
    return ArgumentMap(
        id,
        title,
        description=description,
        sources=tuple(sources.values()),
        theses=tuple(theses),
        claims=tuple(claims.values()),
        relations=tuple(relations.values()),
        verdicts=final_verdicts,
        meta=meta,
    )
