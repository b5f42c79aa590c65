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
>>> [(r.id, provenance(m, r.id)) for r in m.relations]
[('china-opposes--rebuts--t', ('a', 'b'))]

Claims with the same id (after ``renames`` and ``aliases``) become one claim that keeps
every quote; relations with the same kind, premises (in any order) and target become one
relation, and what attacked a folded relation attacks the one kept.

**Provenance.** Every claim and every relation of a merged map records in ``meta["maps"]``
the ids of the maps it came from (a folded claim or relation: all of them), read with
:func:`provenance`. The merged map's ``meta["map_sources"]`` gives, for each map merged, the
ids of its sources (:func:`source_maps` reads it the other way round). What a synthesis
adds on top of a merge (claims and relations of its own) is marked with the merged map's
*own* id: :func:`mark_added` gives that id to every claim and relation that has no
provenance yet. A relation that :func:`reroute` sends through an intermediate claim keeps
the provenance of the map it came from, and the intermediate claim's relation to the old
target gains that map too (it now carries that map's argument); ``meta["rerouted"]``
records, per map, where the relation used to point.

**One source's hedge is not another's.** A claim that several maps make keeps its
``qualifier`` and ``base_score`` only where every one of those maps gives the same. Where
they differ, the merged qualifier names each map's hedge ("a: could · b: unhedged"), the
merged claim takes no base score (the default: no map's stated confidence speaks for the
others), and the maps' own values stay in ``meta["qualifiers"]`` and
``meta["base_scores"]`` (map id → value). Notes that differ are kept, each with its map.

**Ids.** A relation keeps its id unless merging changes what it connects (a renamed or
aliased claim, a renamed relation it undercuts) and the id was the builder's default for
its old shape; then it takes the default id of its new shape, so that an id never names a
claim the relation no longer cites. An id that two different relations would share gets
``@`` and the map id.

(Merging and the edits of a merged map, a little over the house's guide of 500 lines, share
the bookkeeping of provenance and of default ids: one concern, one module.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from argmap._checks import map_arg, mapping_arg, maps_arg, text_arg
from argmap._frozen import freeze
from argmap.build import default_relation_id
from argmap.errors import ArgmapError, ParameterError, UnknownIdError
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Rebuttal,
    Relation,
    RelationId,
    Source,
    SourceId,
    Support,
    Verdict,
    similar_ids,
)

__all__ = ["mark_added", "merge", "provenance", "reroute", "source_maps"]

#: The word a merged qualifier gives a map that states the claim without a hedge.
UNHEDGED = "unhedged"

_Shape = tuple[str, frozenset[ClaimId], str]


def provenance(argument_map: ArgumentMap, id: str) -> tuple[str, ...]:  # noqa: A002
    """The ids of the maps a claim or relation of a merged map came from.

    Empty for an element that records none (a map that was never merged). An element the
    merged map added itself names the merged map's own id (see :func:`mark_added`).

    Raises:
        UnknownIdError: if ``id`` names no claim or relation of the map.
        ParameterError: if ``argument_map`` is no map or ``id`` no string.
    """
    argument_map = map_arg(argument_map)
    id = text_arg(id, "id")  # noqa: A001 - the parameter, checked
    if id in argument_map.relations_by_id:
        meta = argument_map.relation(id).meta
    elif id in argument_map.claims_by_id:
        meta = argument_map.claim(id).meta
    else:
        msg = f"map {argument_map.id!r} has no claim or relation {id!r}; check the id"
        known = dict.fromkeys([*argument_map.claims_by_id, *argument_map.relations_by_id])
        raise UnknownIdError(msg, id, suggest=similar_ids(argument_map, id, known))
    maps = meta.get("maps", ())
    return tuple(str(m) for m in maps) if isinstance(maps, tuple) else ()


def source_maps(argument_map: ArgumentMap) -> dict[str, tuple[str, ...]]:
    """For each source of a merged map, the ids of the maps it came from.

    Read from ``meta["map_sources"]``, which :func:`merge` writes; a source no merged map
    names (or a map that was never merged) is absent.
    """
    argument_map = map_arg(argument_map)
    raw = argument_map.meta.get("map_sources")
    out: dict[str, list[str]] = {}
    if isinstance(raw, Mapping):
        for map_id, sources in raw.items():
            if isinstance(sources, tuple):
                for s in sources:
                    out.setdefault(str(s), []).append(str(map_id))
    return {s: tuple(ms) for s, ms in out.items()}


def mark_added(argument_map: ArgumentMap) -> ArgumentMap:
    """Give every claim and relation that has no provenance the merged map's own id.

    Call it once a synthesis has added its own claims and relations to a merge, so that
    every element names where it came from.
    """
    argument_map = map_arg(argument_map)
    own = (argument_map.id,)

    def marked(meta: object) -> bool:
        return isinstance(meta, Mapping) and isinstance(meta.get("maps"), tuple)

    return attrs.evolve(
        argument_map,
        claims=[
            c if marked(c.meta) else attrs.evolve(c, meta=c.meta.set("maps", own))
            for c in argument_map.claims
        ],
        relations=[
            r if marked(r.meta) else attrs.evolve(r, meta=r.meta.set("maps", own))
            for r in argument_map.relations
        ],
    )


def reroute(argument_map: ArgumentMap, relation_id: str, via: str) -> ArgumentMap:
    """Send a relation through an intermediate claim: ``premises → via → target``.

    ``via`` must already bear on the relation's target through a relation of its own (a
    support or a rebuttal with ``via`` as its only premise). The relation is aimed at
    ``via`` instead, as a support where the two relations are of one kind and as a
    rebuttal where they differ, so that every claim keeps its side of every thesis
    (:meth:`ArgumentMap.polarity`). Undercuts of the relation follow it; a relation of the
    same shape already aimed at ``via`` absorbs it. The relation keeps its provenance and
    records, per map, its old target in ``meta["rerouted"]``; ``via``'s relation to the
    target gains the relation's maps in its provenance.

    Raises:
        UnknownIdError: if ``relation_id`` or ``via`` is not in the map.
        ArgmapError: if the relation is an undercut, if a premise is ``via`` itself, or if
            ``via`` has no relation of its own to the target.
    """
    argument_map = map_arg(argument_map)
    relation_id, via = text_arg(relation_id, "relation_id"), text_arg(via, "via")
    m = argument_map
    r, link = _route(m, relation_id, via)
    hub = link.premises[0]
    kind: type[Support | Rebuttal] = Support if r.kind == link.kind else Rebuttal
    maps = provenance(m, r.id)
    old = r.meta.get("rerouted")
    # A relation rerouted twice keeps, per map, the target it had in that map.
    rerouted = {
        **dict.fromkeys(maps, str(r.target)),
        **({str(k): str(v) for k, v in old.items()} if isinstance(old, Mapping) else {}),
    }
    shape = (kind.kind, frozenset(r.premises), str(hub))
    same = next(
        (s for s in m.relations_from(r.premises[0]) if _shape(m, s) == shape and s.id != r.id),
        None,
    )
    if same is not None:
        kept = _with_maps(same, maps)
        kept = attrs.evolve(
            kept, meta=kept.meta.set("rerouted", freeze(_merged_mapping(kept, rerouted)))
        )
    else:
        rid = r.id
        if _is_default_id(r.id, r.kind, r.premises, r.target):
            others = {*m.claims_by_id, *(x for x in m.relations_by_id if x != r.id)}
            rid = _free(default_relation_id(kind.kind, r.premises, hub), others)
        kept = kind(
            rid,
            r.premises,
            hub,
            label=r.label,
            scheme=r.scheme,
            meta=r.meta.set("rerouted", freeze(rerouted)),
        )
    swap = {link.id: _with_maps(link, maps), (r.id if same is None else same.id): kept}
    relations = [swap.get(x.id, x) for x in m.relations if x.id != r.id or same is None]
    taken = {*m.claims_by_id, *(x.id for x in relations)}
    return attrs.evolve(m, relations=_follow(relations, {r.id: kept.id}, taken))


def _follow(relations: list[Relation], moved: dict[str, str], taken: set[str]) -> list[Relation]:
    """Aim what undercut a moved relation at its new id; default ids follow, and cascade."""
    out = list(relations)
    queue = [(old, new) for old, new in moved.items() if old != new]
    while queue:
        old, new = queue.pop()
        for i, x in enumerate(out):
            if x.target != old:
                continue
            rid = x.id
            if _is_default_id(x.id, "undercut", x.premises, old):
                rid = _free(default_relation_id("undercut", x.premises, new), taken)
                taken.add(rid)
                queue.append((x.id, rid))
            out[i] = attrs.evolve(x, id=rid, target=new)
    return out


def _free(wanted: str, taken: set[str]) -> RelationId:
    rid, n = wanted, 1
    while rid in taken:
        n += 1
        rid = f"{wanted}-{n}"
    return RelationId(rid)


def _route(m: ArgumentMap, relation_id: str, via: str) -> tuple[Relation, Relation]:
    """The relation to reroute and ``via``'s own relation to its target, checked."""
    r = m.relation(relation_id)
    hub = m.claim(via).id
    if r.target not in m.claims_by_id:
        msg = f"{r.id!r} is an undercut; reroute() moves relations aimed at a claim"
        raise ArgmapError(msg)
    if hub in r.premises:
        msg = f"{r.id!r} cites {hub!r} as a premise; it cannot be routed through it"
        raise ArgmapError(msg)
    link = next(
        (
            h
            for h in m.relations_from(hub)
            if h.target == r.target and h.premises == (hub,) and h.id != r.id
        ),
        None,
    )
    if link is None:
        msg = (
            f"claim {hub!r} has no relation of its own to {r.target!r}; add one before "
            f"routing {r.id!r} through it"
        )
        raise ArgmapError(msg)
    return r, link


def _shape(m: ArgumentMap, r: Relation) -> _Shape:
    return (m.kind(r).value, frozenset(r.premises), str(r.target))


def _with_maps(r: Relation, maps: Iterable[str]) -> Relation:
    old = r.meta.get("maps", ())
    have = tuple(str(x) for x in old) if isinstance(old, tuple) else ()
    return attrs.evolve(r, meta=r.meta.set("maps", _unique((*have, *maps))))


def _merged_mapping(r: Relation, more: Mapping[str, str]) -> dict[str, str]:
    """``meta["rerouted"]`` of ``r`` with ``more`` added (what ``r`` had first wins)."""
    old = r.meta.get("rerouted")
    have = {str(k): str(v) for k, v in old.items()} if isinstance(old, Mapping) else {}
    return {**more, **have}


def _is_default_id(rid: str, kind: str, premises: Sequence[str], target: str) -> bool:
    base = default_relation_id(kind, premises, target)
    # The builder's default, perhaps with its "-2" and merge's "@map" suffixes.
    return re.fullmatch(re.escape(base) + r"(-\d+)?(@.+)?", rid) is not None


def _texts_by_id(value: object, what: str) -> dict[str, str]:
    """A mapping of strings to strings, as a dict (None gives an empty one).

    Raises:
        ParameterError: if it is no mapping, or holds a key or value that is no string.
    """
    out: dict[str, str] = {}
    for key, text in mapping_arg(value, what).items():
        out[text_arg(key, f"a key of {what}")] = text_arg(text, f"{what}[{key!r}]")
    return out


def _renames_arg(value: object) -> dict[str, dict[str, str]]:
    """``renames`` as a dict of map id to a dict of claim id to claim id.

    Raises:
        ParameterError: otherwise.
    """
    return {
        text_arg(key, "a key of renames"): _texts_by_id(table, f"renames[{key!r}]")
        for key, table in mapping_arg(value, "renames").items()
    }


def _verdicts_arg(value: object) -> dict[str, str]:
    """``verdicts`` as a dict of thesis id to a value of :class:`Verdict`.

    Raises:
        ParameterError: otherwise.
    """
    verdicts = {
        k: str(v) if isinstance(v, Verdict) else v
        for k, v in mapping_arg(value, "verdicts").items()
    }
    checked = _texts_by_id(verdicts, "verdicts")
    known = [v.value for v in Verdict]
    for thesis, verdict in checked.items():
        if verdict not in known:
            choices = ", ".join(map(repr, known))
            msg = f"verdicts[{thesis!r}] must be one of {choices}, not {verdict!r}"
            raise ParameterError(msg)
    return checked


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _per_map_text(values: Mapping[str, str], empty: str) -> str:
    """One value if all maps agree, else each map's value (``empty`` for none), labelled."""
    if len(set(values.values())) <= 1:
        return next(iter(values.values()), "")
    return " · ".join(f"{m}: {v or empty}" for m, v in values.items())


def _combine(versions: Sequence[tuple[str, Claim]], cid: ClaimId, text: str | None) -> Claim:
    """One claim from the versions several maps give of it (first map first)."""
    first = versions[0][1]
    quotes = list(first.quotes)  # the first map's quotes as they are, then new ones
    for _, c in versions[1:]:
        quotes.extend(q for q in c.quotes if q not in quotes)
    qualifiers = {m: c.qualifier for m, c in versions}
    scores = {m: c.base_score for m, c in versions}
    notes = {m: c.note for m, c in versions if c.note}
    meta = first.meta.set("maps", _unique(m for m, _ in versions))
    qualifier = _per_map_text(qualifiers, UNHEDGED)
    if len(set(qualifiers.values())) > 1:
        meta = meta.set("qualifiers", freeze(qualifiers))
    base_score = first.base_score
    if len(set(scores.values())) > 1:
        base_score = None
        meta = meta.set("base_scores", freeze({m: s for m, s in scores.items() if s is not None}))
    note = _per_map_text(notes, "")
    return attrs.evolve(
        first,
        id=cid,
        text=text if text is not None else first.text,
        quotes=tuple(quotes),
        implicit=all(c.implicit for _, c in versions) and not quotes,
        tags=_unique(t for _, c in versions for t in c.tags),
        note=note,
        qualifier=qualifier,
        base_score=base_score,
        meta=meta,
    )


def _merge_relations(
    m: ArgumentMap,
    claim_id: Callable[[str], ClaimId],
    relations: dict[RelationId, Relation],
    by_shape: dict[_Shape, RelationId],
) -> None:
    """Add ``m``'s relations: those aimed at claims first, undercuts once their target is in."""
    renamed: dict[str, RelationId] = {}
    pending = list(m.relations)
    while pending:
        waiting: list[Relation] = []
        for r in pending:
            undercut = r.target in m.relations_by_id
            if undercut and r.target not in renamed:
                waiting.append(r)
                continue
            target = renamed[r.target] if undercut else claim_id(r.target)
            premises = tuple(dict.fromkeys(claim_id(p) for p in r.premises))
            kind = m.kind(r).value
            shape = (kind, frozenset(premises), str(target))
            if shape in by_shape:
                kept = by_shape[shape]
                relations[kept] = _with_maps(relations[kept], (m.id,))
                if not relations[kept].label and r.label:
                    relations[kept] = attrs.evolve(relations[kept], label=r.label)
                renamed[r.id] = kept
                continue
            rid = r.id
            moved = premises != r.premises or target != r.target
            if moved and _is_default_id(r.id, kind, r.premises, r.target):
                rid = RelationId(default_relation_id(kind, premises, target))
            if rid in relations:
                rid = RelationId(f"{rid}@{m.id}")
            relations[rid] = attrs.evolve(
                r, id=rid, premises=premises, target=target, meta=r.meta.set("maps", (m.id,))
            )
            by_shape[shape] = rid
            renamed[r.id] = rid
        if len(waiting) == len(pending):  # undercuts in a circle: keep them as they are
            for r in waiting:
                relations.setdefault(r.id, attrs.evolve(r, meta=r.meta.set("maps", (m.id,))))
            return
        pending = waiting


def _add_sources(m: ArgumentMap, sources: dict[SourceId, Source]) -> None:
    for s in m.sources:
        if s.id in sources and sources[s.id] != s:
            msg = f"maps give source {s.id!r} two different citations; make them agree"
            raise ArgmapError(msg)
        sources.setdefault(s.id, s)


def _check_renames(
    maps: Sequence[ArgumentMap],
    renames: Mapping[str, Mapping[str, str]],
    aliases: Mapping[str, str],
) -> None:
    by_id = {m.id: m for m in maps}
    for map_id, table in renames.items():
        if map_id not in by_id:
            msg = f"renames names map {map_id!r}, which is not among the maps merged; fix the id"
            raise ArgmapError(msg)
        for claim in table:
            if claim not in by_id[map_id].claims_by_id:
                msg = f"renames gives map {map_id!r} a claim {claim!r} it does not have; fix the id"
                raise ArgmapError(msg)
    known = {c.id for m in maps for c in m.claims}
    for claim in aliases:
        if claim not in known:
            msg = f"aliases names claim {claim!r}, which no map merged has; fix the id"
            raise ArgmapError(msg)


def merge(  # noqa: PLR0913 - one pass over maps and claims, many options
    maps: Sequence[ArgumentMap],
    *,
    id: str,  # noqa: A002 - the domain word
    title: str,
    description: str = "",
    renames: Mapping[str, Mapping[str, str]] | None = None,
    aliases: Mapping[str, str] | None = None,
    texts: Mapping[str, str] | None = None,
    verdicts: Mapping[str, Verdict | str] | None = None,
) -> ArgumentMap:
    """Merge maps into one, recording where each claim and relation came from.

    Args:
        maps: the maps, in order of precedence (the first map's wording wins).
        id: the merged map's id.
        title: its title.
        description: its description.
        renames: map id → {claim id → the id it takes in the merged map}, applied in that
            map only: to keep apart points that two maps happen to name alike.
        aliases: claim id → the id to merge it into, applied in every map (after
            ``renames``): for the same point under different ids.
        texts: claim id → the wording of the merged claim (after renames and aliases).
        verdicts: thesis id → verdict of the merged map; by default the maps' common
            verdict, or ``mixed`` where they differ. The maps' own verdicts are kept in
            ``meta["verdicts"]`` (thesis → map id → verdict).

    Raises:
        ArgmapError: if two maps give different sources the same id, or if ``renames`` or
            ``aliases`` name a map or claim that is not there.
        ParameterError: if ``maps`` is not a list of maps, or another argument has the
            wrong type (a number as the id, a verdict that is none of :class:`Verdict`).
    """
    maps = maps_arg(maps)
    id, title, description = (  # noqa: A001 - the parameter, checked
        text_arg(id, "id"),
        text_arg(title, "title"),
        text_arg(description, "description"),
    )
    renames = _renames_arg(renames)
    aliases, texts = _texts_by_id(aliases, "aliases"), _texts_by_id(texts, "texts")
    checked_verdicts = _verdicts_arg(verdicts)
    _check_renames(maps, renames, aliases)
    sources: dict[SourceId, Source] = {}
    map_sources: dict[str, tuple[str, ...]] = {}
    theses: dict[ClaimId, None] = {}
    versions: dict[ClaimId, list[tuple[str, Claim]]] = {}
    relations: dict[RelationId, Relation] = {}
    by_shape: dict[_Shape, RelationId] = {}
    own_verdicts: dict[str, dict[str, str]] = {}

    for m in maps:
        table = renames.get(m.id, {})

        def claim_id(x: str, table: Mapping[str, str] = table) -> ClaimId:
            x = table.get(x, x)
            return ClaimId(aliases.get(x, x))

        _add_sources(m, sources)
        map_sources[m.id] = _unique((*map_sources.get(m.id, ()), *(s.id for s in m.sources)))
        for t in m.theses:
            theses.setdefault(claim_id(t), None)
        for t, v in m.verdicts.items():
            own_verdicts.setdefault(claim_id(t), {})[m.id] = v.value
        for c in m.claims:
            versions.setdefault(claim_id(c.id), []).append((m.id, c))
        _merge_relations(m, claim_id, relations, by_shape)

    claims = [_combine(v, cid, texts.get(cid)) for cid, v in versions.items()]
    final_verdicts: dict[ClaimId, Verdict] = {}
    for t in theses:
        given = set(own_verdicts.get(t, {}).values())
        if len(given) == 1:
            final_verdicts[t] = Verdict(given.pop())
        elif given:
            final_verdicts[t] = Verdict.MIXED
    for thesis, verdict in checked_verdicts.items():
        final_verdicts[ClaimId(thesis)] = Verdict(verdict)
    meta = {
        "verdicts": {t: dict(sorted(v.items())) for t, v in own_verdicts.items()},
        "map_sources": map_sources,
    }
    return ArgumentMap(
        id,
        title,
        description=description,
        sources=tuple(sources.values()),
        theses=tuple(theses),
        claims=tuple(claims),
        relations=tuple(relations.values()),
        verdicts=final_verdicts,
        meta=meta,
    )
