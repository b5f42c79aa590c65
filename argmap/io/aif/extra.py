"""``argmapExtra``: what AIF has no place for, written beside the AIF body and read back.

The map's id, title and description, sources, theses and verdicts, implicit flags, tags,
notes, qualifiers, base scores, labels and metadata, and the argmap ids of nodes whose
AIF ids differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap._frozen import FrozenMap, JSONValue
from argmap.errors import FormatError
from argmap.io._shared import read_theses, read_verdicts, written_sources, written_theses
from argmap.io.aif.bookkeeping import frozen, other_meta
from argmap.io.aif.terms import DEFAULT_ID, DEFAULT_TITLE, EXTRA_KEY, as_list
from argmap.model import ArgumentMap, Claim, Relation, Source

__all__ = [
    "FILE_ID",
    "claim_extra",
    "claim_fields",
    "extra_of",
    "map_extra",
    "name_after_file",
    "relation_extra",
    "relation_fields",
    "with_extra",
    "with_map_extra",
    "with_version",
]

_EXTRA_VERSION = 1
#: Where the map's AIF bookkeeping keeps the name it took from its file.
FILE_ID = "file_id"


def claim_extra(c: Claim) -> dict[str, Any]:
    """The claim's ``argmapExtra`` entry as the writer writes it (``{}``: none written)."""
    more: dict[str, Any] = {}
    if c.implicit:
        more["implicit"] = True
    if c.tags:
        more["tags"] = list(c.tags)
    if c.note:
        more["note"] = c.note
    if c.qualifier:
        more["qualifier"] = c.qualifier
    if c.base_score is not None:
        more["baseScore"] = c.base_score
    if other := other_meta(c.meta):
        more["meta"] = other
    return more


def relation_extra(r: Relation) -> dict[str, Any]:
    """The relation's ``argmapExtra`` entry as the writer writes it (``{}``: none written)."""
    more: dict[str, Any] = {}
    if r.label:
        more["label"] = r.label
    if other := other_meta(r.meta):
        more["meta"] = other
    return more


def name_after_file(m: ArgumentMap, name: str) -> ArgumentMap:
    """The map read from a document that names no map, named after its file (``name``).

    The name is remembered in the map's AIF bookkeeping, so that writing the map leaves
    it out again: the document written is the document read.
    """
    store = m.meta.get("aif")
    meta = m.meta.set("aif", store.set(FILE_ID, name)) if isinstance(store, FrozenMap) else m.meta
    return attrs.evolve(m, id=name, meta=meta)


def extra_of(m: ArgumentMap, ids: Mapping[str, str], *, numeric: bool) -> dict[str, Any]:
    """What AIF has no place for: ``argmapExtra``, or ``{}`` when there is nothing to say.

    The map's id is left out when it is the default, or the name of the file the map was
    read from (:func:`name_after_file`): reading gives it back.
    """
    fields: dict[str, Any] = {
        **_map_fields(m),
        "claims": {c.id: more for c in m.claims if (more := claim_extra(c))},
        "relations": {r.id: more for r in m.relations if (more := relation_extra(r))},
        "ids": dict(ids),
        "numericIds": numeric,
    }
    return _extra(fields)


def map_extra(m: ArgumentMap) -> dict[str, Any]:
    """The fields of ``argmapExtra`` that :func:`extra_of` writes about the map as a whole.

    That is all of them but the claims', the relations' and the ids' (and ``version``):
    what a map with no claim or relation extras, AIF ids equal to argmap ids, would write.
    """
    return {k: v for k, v in _map_fields(m).items() if _said(k, v)}


def _map_fields(m: ArgumentMap) -> dict[str, Any]:
    store = m.meta.get("aif")
    from_file = store.get(FILE_ID) if isinstance(store, FrozenMap) else None
    return {
        "id": m.id if m.id not in {DEFAULT_ID, from_file} else None,
        "title": m.title if m.title != DEFAULT_TITLE else None,
        "description": m.description,
        "sources": written_sources(m),
        "theses": written_theses(m),
        "verdicts": {k: str(v) for k, v in m.verdicts.items()},
        "meta": other_meta(m.meta),
    }


# Empty values are left out, but for those that reading would not give back: an id or
# title of "" (reading gives the defaults) and theses of [] (it derives them).
_KEPT_EMPTY = {"id": "", "title": "", "theses": []}


def _said(key: str, value: object) -> bool:
    """Whether ``argmapExtra`` writes this field (see :data:`_KEPT_EMPTY`)."""
    return bool(value) or (key in _KEPT_EMPTY and value == _KEPT_EMPTY[key])


def _extra(fields: Mapping[str, Any]) -> dict[str, Any]:
    extra = {k: v for k, v in fields.items() if _said(k, v)}
    return with_version(extra) if extra else {}


def with_version(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``argmapExtra`` of these fields: the version this argmap writes, then the fields."""
    return {"version": _EXTRA_VERSION, **fields}


def with_extra(m: ArgumentMap, extra: Mapping[str, Any]) -> ArgumentMap:
    """Apply ``argmapExtra`` (what AIF has no place for) to a freshly read map."""
    claims_extra = extra.get("claims")
    claims_extra = claims_extra if isinstance(claims_extra, dict) else {}
    relations_extra = extra.get("relations")
    relations_extra = relations_extra if isinstance(relations_extra, dict) else {}
    claims = []
    for c in m.claims:
        more = claims_extra.get(c.id)
        if isinstance(more, dict):
            c = attrs.evolve(c, **claim_fields(more, c.id, c.meta))  # noqa: PLW2901 - replaced
        claims.append(c)
    relations = []
    for r in m.relations:
        more = relations_extra.get(r.id)
        if isinstance(more, dict):
            r = attrs.evolve(r, **relation_fields(more, r.meta))  # noqa: PLW2901 - replaced
        relations.append(r)
    return with_map_extra(attrs.evolve(m, claims=claims, relations=relations), extra)


def claim_fields(
    more: Mapping[str, Any], claim: str, meta: FrozenMap[str, JSONValue]
) -> dict[str, Any]:
    """The fields a claim takes from its ``argmapExtra`` entry, as the model holds them.

    What is not in the writer's form is read leniently: a field of the wrong type keeps
    its default. ``meta`` is the claim's metadata as read from AIF (the entry's is added).

    Raises:
        FormatError: if the base score is a number beyond the largest float.
        TooDeep: if the entry's metadata nests too deeply.
    """
    return {
        "implicit": more.get("implicit", False) is True,
        "tags": tuple(t for t in as_list(more.get("tags")) if isinstance(t, str)),
        "note": n if isinstance(n := more.get("note"), str) else "",
        "qualifier": q if isinstance(q := more.get("qualifier"), str) else "",
        "base_score": _score(more.get("baseScore"), claim),
        "meta": _merged(meta, more.get("meta")),
    }


def relation_fields(more: Mapping[str, Any], meta: FrozenMap[str, JSONValue]) -> dict[str, Any]:
    """The fields a relation takes from its ``argmapExtra`` entry (see :func:`claim_fields`)."""
    return {
        "label": label if isinstance(label := more.get("label"), str) else "",
        "meta": _merged(meta, more.get("meta")),
    }


def with_map_extra(m: ArgumentMap, extra: Mapping[str, Any]) -> ArgumentMap:
    """Apply what ``argmapExtra`` says about the map as a whole.

    That is its id, title, description, sources, theses, verdicts and metadata (the
    claims' and relations' entries aside).
    """
    sources = [
        Source(
            str(s["id"]),
            str(s.get("title", "")),
            **{k: str(s.get(k, "")) for k in ("author", "outlet", "date", "url")},
        )
        for s in as_list(extra.get("sources"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
    return attrs.evolve(
        m,
        id=str(extra.get("id", DEFAULT_ID)),
        title=str(extra.get("title", DEFAULT_TITLE)),
        description=str(extra.get("description", "")),
        sources=sources,
        theses=read_theses(extra.get("theses"), m),
        verdicts=read_verdicts(extra.get("verdicts")),
        meta=_merged(m.meta, extra.get("meta")),
    )


def _merged(meta: FrozenMap[str, JSONValue], more: object) -> FrozenMap[str, JSONValue]:
    if not isinstance(more, dict) or not more:
        return meta
    return FrozenMap({**meta, **frozen(more)})


def _score(value: object, claim: str) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            msg = (
                f"AIF: {EXTRA_KEY} gives claim {claim!r} a base score beyond the largest "
                "float; use a number from 0 to 1"
            )
            raise FormatError(msg) from None
    return None
