"""AIF → argmap: :func:`loads` reads an AIF document into a map.

How each kind of node becomes claims, relations or kept data is told in the package
docstring (:mod:`argmap.io.aif`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap._frozen import MAX_META_DEPTH, FrozenMap, nesting
from argmap._gc import paused
from argmap.errors import FormatError
from argmap.io._jsontext import parse, type_name
from argmap.io._shared import IdPool, slug
from argmap.io.aif import roundtrip
from argmap.io.aif.bookkeeping import TooDeep, frozen
from argmap.io.aif.extra import with_extra
from argmap.io.aif.oddities import Oddities
from argmap.io.aif.quotes import read_quotes
from argmap.io.aif.terms import (
    DEFAULT_ID,
    DEFAULT_TITLE,
    EXTRA_KEY,
    RawId,
    as_object,
    body_of,
    rid,
    same,
    scheme_of,
)
from argmap.io.aif.written import read_written
from argmap.model import ArgumentMap, Claim, Rebuttal, Relation, Support

__all__ = ["loads"]

_SCHEME_TYPES = ("RA", "CA")
_BODY_KEYS = frozenset({"nodes", "edges", "locutions", EXTRA_KEY})
_KNOWN_TYPES = frozenset({"I", "L", "TA", "YA", "MA", "PA", "RA", "CA"})


def _parse(text: str | bytes) -> Any:  # noqa: ANN401 - JSON is untyped
    try:
        return parse(text)
    except FormatError as exc:
        raise FormatError(f"not AIF: {exc}", line=exc.line, column=exc.column) from None


def _node_name(index: int, node: Mapping[str, Any]) -> str:
    raw = rid(node.get("nodeID"))
    if raw is not None:
        return f"node {raw!r}"
    text = node.get("text")
    about = f" ({text[:40]!r})" if isinstance(text, str) else ""
    return f"node #{index + 1}{about}"


@attrs.define
class _Scheme:
    """An RA or CA node on its way to becoming a relation."""

    index: int
    node: dict[str, Any]
    premises: list[tuple[int, dict[str, Any], RawId]] = attrs.Factory(list)
    conclusion: tuple[int, dict[str, Any], RawId] | None = None


@attrs.define
class _Reading:
    """What one pass over the nodes and edges found."""

    by_id: dict[RawId, tuple[int, dict[str, Any]]] = attrs.Factory(dict)
    schemes: dict[int, _Scheme] = attrs.Factory(dict)
    kept_nodes: list[tuple[int, dict[str, Any]]] = attrs.Factory(list)
    kept_edges: list[tuple[int, dict[str, Any]]] = attrs.Factory(list)
    odd: Oddities = attrs.Factory(Oddities)


def _read_nodes(nodes: list[Any], reading: _Reading) -> None:
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            raise FormatError(f"AIF node #{i + 1} is {type_name(node)}, not an object")
        raw = rid(node.get("nodeID"))
        if raw is None:
            value = node.get("nodeID")
            what = "has no nodeID" if value is None else f"has nodeID {value!r}"
            raise FormatError(
                f"AIF {_node_name(i, node)} {what}; give every node a string or integer id"
            )
        node_type = node.get("type")
        if node_type == "I" and not isinstance(node.get("text"), str):
            raise FormatError(
                f"AIF I-node {raw!r} has {type_name(node.get('text'))} as its text; an I-node "
                "states a claim in a string"
            )
        if raw in reading.by_id:
            reading.odd.add("duplicate-node", raw)
            reading.kept_nodes.append((i, node))
            continue
        reading.by_id[raw] = (i, node)
        if node_type in _SCHEME_TYPES:
            reading.schemes[i] = _Scheme(i, node)


def _read_edges(edges: list[Any], reading: _Reading) -> None:  # noqa: C901 - one case per edge kind
    by_id, schemes, kept, odd = reading.by_id, reading.schemes, reading.kept_edges, reading.odd
    for j, edge in enumerate(edges):
        if not isinstance(edge, dict):
            raise FormatError(f"AIF edge #{j + 1} is {type_name(edge)}, not an object")
        if "fromID" not in edge or "toID" not in edge:
            odd.add("no-ends", edge.get("edgeID", f"#{j + 1}"))
            kept.append((j, edge))
            continue
        src_id, dst_id = rid(edge["fromID"]), rid(edge["toID"])
        src = by_id.get(src_id) if src_id is not None else None
        dst = by_id.get(dst_id) if dst_id is not None else None
        if src is None or dst is None or src_id is None or dst_id is None:
            odd.add("dangling", edge.get("edgeID", f"#{j + 1}"))
            kept.append((j, edge))
            continue
        if src[0] == dst[0]:
            odd.add("self-loop", edge.get("edgeID", f"#{j + 1}"))
            kept.append((j, edge))
            continue
        src_type, dst_type = src[1].get("type"), dst[1].get("type")
        if src_type == "I":
            if dst[0] in schemes:
                schemes[dst[0]].premises.append((j, edge, src_id))
                continue
            if dst_type == "I":
                odd.add("i-to-i", edge.get("edgeID", f"#{j + 1}"))
        elif src[0] in schemes and (dst_type == "I" or (dst[0] in schemes and src_type == "CA")):
            scheme = schemes[src[0]]
            if scheme.conclusion is None:
                scheme.conclusion = (j, edge, dst_id)
                continue
            odd.add("many-conclusions", scheme.node["nodeID"])
        kept.append((j, edge))


def _settle_schemes(reading: _Reading) -> set[int]:  # noqa: C901 - three small passes
    """Decide which scheme nodes become relations; return their indexes.

    A relation needs a premise and a conclusion; an undercut needs a target that is
    itself a relation. Drop what fails, until nothing changes.
    """
    for scheme in reading.schemes.values():
        seen: set[RawId] = set()
        premises = []
        for j, edge, raw in scheme.premises:
            if scheme.conclusion is not None and same(raw, scheme.conclusion[2]):
                reading.odd.add("self-premise", scheme.node["nodeID"])
                reading.kept_edges.append((j, edge))
            elif raw in seen:
                reading.odd.add("repeated-premise", edge.get("edgeID"))
                reading.kept_edges.append((j, edge))
            else:
                seen.add(raw)
                premises.append((j, edge, raw))
        scheme.premises = premises
    schemes = reading.schemes
    alive = {i for i, s in schemes.items() if s.premises and s.conclusion is not None}
    changed = True
    while changed:
        changed = False
        for i in sorted(alive):
            conclusion = schemes[i].conclusion
            target = reading.by_id[conclusion[2]] if conclusion else None
            if target is not None and target[0] in schemes and target[0] not in alive:
                alive.discard(i)
                changed = True
    for i, scheme in schemes.items():
        if i in alive:
            continue
        what = "no-premise" if not scheme.premises else "no-conclusion"
        reading.odd.add(what, scheme.node["nodeID"])
        reading.kept_edges.extend((j, e) for j, e, _ in scheme.premises)
        if scheme.conclusion is not None:
            reading.kept_edges.append(scheme.conclusion[:2])
    return alive


def _unwrap(data: Any, store: dict[str, Any]) -> tuple[dict[str, Any], list[Any], list[Any]]:  # noqa: ANN401
    """The AIF body (inside OVA's ``AIF`` wrapper, if any), its nodes and its edges."""
    if not isinstance(data, dict):
        raise FormatError(f"not AIF: the top level is {type_name(data)}, not an object")
    if "nodes" not in data and isinstance(data.get("AIF"), dict):
        store["wrapper"] = {k: v for k, v in data.items() if k != "AIF"}
        store["wrapper_keys"] = list(data)
        data = data["AIF"]
    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        what = "no" if nodes is None else f"{type_name(nodes)} as its"
        raise FormatError(f'not AIF: the document has {what} "nodes" array; AIF lists its nodes')
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise FormatError(f'not AIF: "edges" is {type_name(edges)}, not an array')
    return data, nodes, edges


def _place(
    reading: _Reading, alive: set[int], ids: Mapping[str, Any]
) -> tuple[dict[RawId, Claim], list[Relation]]:
    """Turn I-nodes into claims and the living scheme nodes into relations, in order.

    A claim or relation takes its id from its node id, unless ``ids`` (from
    ``argmapExtra``) names the argmap id of that node.
    """
    pool = IdPool()
    id_of = {}
    for raw, (i, node) in reading.by_id.items():
        if node.get("type") == "I" or i in alive:
            named = ids.get(raw) if isinstance(raw, str) else None
            id_of[raw] = pool.take(named if isinstance(named, str) and named else slug(str(raw)))
    claims: dict[RawId, Claim] = {}
    relations: list[Relation] = []
    for raw, (i, node) in reading.by_id.items():
        node_type = node.get("type")
        if node_type == "I":
            fields = {k: v for k, v in node.items() if k != "text"}
            cid = id_of[raw]
            meta = _meta({"at": i, "id": cid, "node": frozen(fields, 3)})
            claims[raw] = Claim(cid, node["text"], meta=meta)
        elif i in alive:
            relations.append(_relation(reading.schemes[i], id_of))
        else:
            reading.kept_nodes.append((i, node))
            if not isinstance(node_type, str) or node_type not in _KNOWN_TYPES:
                reading.odd.add("unknown-type", raw)
    return claims, relations


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from AIF JSON (AIFdb's ``nodes``/``edges``/``locutions``, or OVA's ``AIF``).

    The map is not validated here; :func:`argmap.loads` does that.

    Raises:
        FormatError: for text that is not JSON, has no ``nodes`` array, or has a node or
            edge that is not an object, or a node without a string or integer ``nodeID``.
        ParameterError: if ``text`` is neither text nor bytes.
    """
    with paused():
        top = _parse(text)
        try:
            return _read(top)
        except (RecursionError, TooDeep):
            raise _too_deep(top) from None


def _too_deep(top: Any) -> FormatError:  # noqa: ANN401 - parsed JSON
    """The error for a document whose data nests deeper than metadata may: where it is."""
    body = body_of(top)
    parts: list[tuple[str, Any]] = []
    for key, value in body.items():
        if key in {"nodes", "edges", "locutions"} and isinstance(value, list):
            singular = key.rstrip("s") if key != "locutions" else "locutions entry"
            for i, item in enumerate(value):
                raw = (
                    rid(item.get("nodeID" if key != "edges" else "edgeID"))
                    if isinstance(item, dict)
                    else None
                )
                parts.append(
                    (f"{singular} {raw!r}" if raw is not None else f"{singular} #{i + 1}", item)
                )
        else:
            parts.append((f"field {key!r}", value))
    name = max(parts, key=lambda part: nesting(part[1]))[0] if parts else "the document"
    msg = (
        f"not readable AIF: {name} nests too deeply: argmap keeps it in a map's metadata, "
        f"which nests at most {MAX_META_DEPTH} levels (objects and arrays); flatten it"
    )
    return FormatError(msg)


def _read(top: Any) -> ArgumentMap:  # noqa: ANN401 - parsed JSON
    # AIF that argmap wrote is read without writing it back (see .written).
    if (
        isinstance(top, dict)
        and isinstance(extra := top.get(EXTRA_KEY), dict)
        and extra
        and (m := read_written(top, extra)) is not None
    ):
        return m
    store: dict[str, Any] = {}
    data, nodes, edges = _unwrap(top, store)
    extra = as_object(data.get(EXTRA_KEY))
    reading = _Reading()
    _read_nodes(nodes, reading)
    _read_edges(edges, reading)
    claims, relations = _place(reading, _settle_schemes(reading), as_object(extra.get("ids")))
    store["keys"] = list(data)
    if "locutions" in data:
        store["locutions"] = data["locutions"]
    if document := {k: v for k, v in data.items() if k not in _BODY_KEYS}:
        store["document"] = document
    kept_nodes = sorted(reading.kept_nodes, key=lambda item: item[0])
    kept_edges = sorted(reading.kept_edges, key=lambda item: item[0])
    if extra.get("sources"):
        # Quotes that argmap itself wrote: an L-node asserting a claim, from a listed source.
        # They are read only if the map then writes back the very same nodes and edges.
        quoted = read_quotes(extra, claims, kept_nodes, kept_edges, data.get("locutions"))
        claim_list, q_nodes, q_edges, q_locutions = quoted
        q_store = dict(store)
        if "locutions" in data:
            q_store["locutions"] = q_locutions
        candidate = _assemble(claim_list, relations, q_nodes, q_edges, q_store, extra)
        if (m := roundtrip.with_quotes(candidate, top)) is not None:
            reading.odd.warn()
            return m
    m = _assemble(list(claims.values()), relations, kept_nodes, kept_edges, store, extra)
    reading.odd.warn()
    if extra:
        m = roundtrip.without_needless_meta(m, top)
    return m


def _assemble(  # noqa: PLR0913, PLR0917 - the parts of a map read from AIF
    claims: list[Claim],
    relations: list[Relation],
    kept_nodes: list[tuple[int, dict[str, Any]]],
    kept_edges: list[tuple[int, dict[str, Any]]],
    store: dict[str, Any],
    extra: Mapping[str, Any],
) -> ArgumentMap:
    store = dict(store)
    if kept_nodes:
        store["nodes"] = [n for _, n in kept_nodes]
        store["nodes_at"] = [i for i, _ in kept_nodes]
    if kept_edges:
        store["edges"] = [e for _, e in kept_edges]
        store["edges_at"] = [j for j, _ in kept_edges]
    m = ArgumentMap(
        DEFAULT_ID,
        DEFAULT_TITLE,
        claims=claims,
        relations=relations,
        meta=frozen({"aif": store}),
    )
    return with_extra(m, extra)


def _meta(aif: dict[str, Any]) -> FrozenMap[str, Any]:
    """An item's metadata holding its bookkeeping, whose parts are frozen already.

    What :func:`frozen` makes of ``{"aif": aif}``, without walking it again.
    """
    return FrozenMap.wrap({"aif": FrozenMap.wrap(aif)})


def _relation(scheme: _Scheme, id_of: Mapping[RawId, str]) -> Relation:
    node, conclusion = scheme.node, scheme.conclusion
    if conclusion is None:  # pragma: no cover - only schemes with a conclusion get here
        raise AssertionError
    relation_id = id_of[node["nodeID"]]
    meta = _meta(
        {
            "at": scheme.index,
            "id": relation_id,
            "node": frozen(node, 3),
            "premises": frozen([e for _, e, _ in scheme.premises], 3),
            "premises_at": tuple([j for j, _, _ in scheme.premises]),
            "conclusion": frozen(conclusion[1], 3),
            "conclusion_at": conclusion[0],
        }
    )
    premises = [id_of[raw] for _, _, raw in scheme.premises]
    target = id_of[conclusion[2]]
    kind = str(node.get("type"))
    scheme_name = scheme_of(node, kind)
    if kind == "RA":
        return Support(relation_id, premises, target, scheme=scheme_name, meta=meta)
    return Rebuttal(relation_id, premises, target, scheme=scheme_name, meta=meta)
