"""argmap → AIF: :func:`dumps` and :func:`to_dict` write a map as AIF JSON, AIFdb's way."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from argmap._frozen import JSONValue
from argmap._gc import paused
from argmap.errors import FormatError
from argmap.io.aif.bookkeeping import aif_meta, old_id
from argmap.io.aif.extra import extra_of
from argmap.io.aif.quotes import LOCUTION_BLANKS, asserting_node, quote_node_ids
from argmap.io.aif.terms import DEFAULT_SCHEME, EXTRA_KEY, RawId, rid, same, scheme_of
from argmap.model import ArgumentMap, Claim, Relation, Support

__all__ = ["dumps", "to_dict", "to_dict_without_bookkeeping"]


def _hashable(value: object) -> bool:
    return value is None or isinstance(value, str | int | float)


_DIGITS = re.compile(r"[0-9]+")


def _number(raw: object) -> int:
    """The value of a numeric id (an integer, or a string of digits), else 0."""
    if type(raw) is int:
        return raw
    if isinstance(raw, str) and _DIGITS.fullmatch(raw):
        return int(raw)
    return 0


class _Writer:
    """Builds the AIF document: nodes and edges in document order, new ones after."""

    def __init__(self, store: Mapping[str, Any], *, numeric: bool) -> None:
        self.nodes: list[tuple[tuple[int, int], dict[str, Any]]] = []
        self.edges: list[tuple[tuple[int, int], dict[str, Any]]] = []
        self.node_ids: set[object] = set()
        self.edge_ids: set[object] = set()
        self.numeric = numeric
        self.counter = 0
        self.next_node = 1
        self.next_edge = 1
        for node in store.get("nodes", []):
            if (raw := rid(node.get("nodeID"))) is not None:
                self.reserve(raw)
        for edge in store.get("edges", []):
            if _hashable(edge_id := edge.get("edgeID")):
                self.edge_ids.add(edge_id)
                self.next_edge = max(self.next_edge, _number(edge_id) + 1)

    def order(self, at: object) -> tuple[int, int]:
        """Where an item goes: at its old place if it has one, else after all old ones."""
        self.counter += 1
        if type(at) is int:
            return (0, at)
        return (1, self.counter)

    def reserve(self, raw: RawId) -> None:
        self.node_ids.add(raw)
        self.next_node = max(self.next_node, _number(raw) + 1)

    def fresh_node_id(self, wanted: str) -> str:
        """A node id no node has: ``wanted`` (or ``wanted~2``...), or the next number."""
        if self.numeric:
            while str(self.next_node) in self.node_ids:
                self.next_node += 1
            candidate = str(self.next_node)
        else:
            candidate, n = wanted, 1
            while candidate in self.node_ids:
                n += 1
                candidate = f"{wanted}~{n}"
        self.reserve(candidate)
        return candidate

    def node(self, at: object, node: dict[str, Any]) -> None:
        self.nodes.append((self.order(at), node))

    def edge(self, at: object, edge: object, src: RawId, dst: RawId) -> None:
        if isinstance(edge, dict):
            edge = {**edge, "fromID": src, "toID": dst}
        else:
            while True:
                edge_id = str(self.next_edge) if self.numeric else f"e{self.next_edge}"
                self.next_edge += 1
                if edge_id not in self.edge_ids:
                    break
            self.edge_ids.add(edge_id)
            edge = {"edgeID": edge_id, "fromID": src, "toID": dst, "formEdgeID": None}
        self.edges.append((self.order(at), edge))


def _quote_nodes(w: _Writer, claim: Claim, claim_node: RawId, locutions: list[Any]) -> None:
    for k, quote in enumerate(claim.quotes, start=1):
        lid, yid = map(w.fresh_node_id, quote_node_ids(claim.id, k))
        w.node(None, {"nodeID": lid, "text": quote.text, "type": "L"})
        w.node(None, asserting_node(yid))
        w.edge(None, None, lid, yid)
        w.edge(None, None, yid, claim_node)
        locutions.append({"nodeID": lid, **LOCUTION_BLANKS, "source": quote.source})


def _scheme_node(r: Relation, node_id: RawId, aif: Mapping[str, Any]) -> dict[str, Any]:
    """The RA or CA node of a relation: as it was read (if its scheme is unchanged), or new."""
    kind = "RA" if isinstance(r, Support) else "CA"
    stored = aif.get("node")
    if isinstance(stored, dict) and stored:
        node = dict(stored)
        node["nodeID"], node["type"] = node_id, kind
        if scheme_of(node, kind) == r.scheme:
            return node
    else:
        node = {"nodeID": node_id, "text": "", "type": kind}
    label, scheme_id = (r.scheme, None) if r.scheme else DEFAULT_SCHEME[kind]
    node["text"] = node["scheme"] = label
    node.pop("schemeID", None)
    if scheme_id is not None:
        node["schemeID"] = scheme_id
    return node


def _node_ids(
    w: _Writer, aif_of: Mapping[str, Mapping[str, Any]]
) -> tuple[dict[str, RawId], dict[RawId, RawId]]:
    """Node ids by argmap id, and the old ids of nodes whose argmap id changed.

    Nodes read from AIF keep their ids, unless their argmap id changed since; the others
    take their argmap id (made unique among the document's node ids).
    """
    node_id: dict[str, RawId] = {}
    renamed: dict[RawId, RawId] = {}
    for item_id, aif in aif_of.items():
        raw = rid(old_id(aif))
        if raw is not None and aif.get("id") == item_id:
            node_id[item_id] = raw
            w.reserve(raw)
    for item_id, aif in aif_of.items():
        if item_id not in node_id:
            node_id[item_id] = w.fresh_node_id(item_id)
            if (raw := rid(old_id(aif))) is not None:
                renamed[raw] = node_id[item_id]
    return node_id, renamed


def _write_relation(
    w: _Writer,
    r: Relation,
    node_id: Mapping[str, RawId],
    aif_of: Mapping[str, Mapping[str, Any]],
) -> None:
    """The relation's scheme node, an edge from each premise, and one to the conclusion."""
    aif = aif_of[r.id]
    w.node(aif.get("at"), _scheme_node(r, node_id[r.id], aif))
    stored = {}
    for edge, at in zip(aif.get("premises", []), aif.get("premises_at", []), strict=False):
        if (raw := rid(edge.get("fromID"))) is not None:
            stored[raw] = (at, edge)
    for p in r.premises:
        old = rid(old_id(aif_of.get(p, {})))
        at, edge = stored.get(old, (None, None)) if old is not None else (None, None)
        w.edge(at, edge, node_id.get(p, p), node_id[r.id])
    conclusion = aif.get("conclusion")
    old_target = old_id(aif_of.get(r.target, {}))
    keep = isinstance(conclusion, dict) and same(conclusion.get("toID"), old_target)
    w.edge(
        aif.get("conclusion_at") if keep else None,
        conclusion if keep else None,
        node_id[r.id],
        node_id.get(r.target, r.target),
    )


def to_dict(argument_map: ArgumentMap, *, numeric_ids: bool = False) -> dict[str, Any]:
    """Return the map as AIF JSON data (see :func:`dumps`)."""
    return _to_dict(argument_map, numeric=numeric_ids, bookkeeping=True)


def to_dict_without_bookkeeping(
    argument_map: ArgumentMap, *, numeric_ids: bool = False
) -> dict[str, Any]:
    """Return the map as AIF JSON data, as if it kept no AIF bookkeeping (``meta["aif"]``).

    The result equals ``to_dict(bare(argument_map))`` (see
    :func:`~argmap.io.aif.bookkeeping.bare`) without making that map: the round-trip
    check (:mod:`.roundtrip`) asks it of every map read from AIF that argmap wrote.
    """
    return _to_dict(argument_map, numeric=numeric_ids, bookkeeping=False)


def _to_dict(argument_map: ArgumentMap, *, numeric: bool, bookkeeping: bool) -> dict[str, Any]:
    try:
        with paused():
            return _write(argument_map, numeric=numeric, bookkeeping=bookkeeping)
    except RecursionError:
        msg = "cannot write AIF: the map's metadata is nested too deeply"
        raise FormatError(msg) from None


def _write(argument_map: ArgumentMap, *, numeric: bool, bookkeeping: bool) -> dict[str, Any]:
    """The AIF data; with ``bookkeeping`` false, every item's and the map's is ignored."""
    kept = aif_meta if bookkeeping else _nothing_kept
    m = argument_map
    store = kept(m.meta)
    w = _Writer(store, numeric=numeric)
    aif_of: dict[str, dict[str, Any]] = {}
    for item in (*m.claims, *m.relations):
        aif_of.setdefault(item.id, kept(item.meta))
    node_id, renamed = _node_ids(w, aif_of)
    restored = {k for k, aif in aif_of.items() if aif.get("id") == k and old_id(aif) is not None}
    ids = {str(raw): k for k, raw in node_id.items() if k not in restored and str(raw) != k}
    old_locutions = store.get("locutions")
    locutions = list(old_locutions) if isinstance(old_locutions, list) else []
    had_locutions = "locutions" in store
    for c in m.claims:
        aif = aif_of[c.id]
        node = {"nodeID": node_id[c.id], "text": c.text, "type": "I"}
        node.update((k, v) for k, v in aif.get("node", {}).items() if k not in node)
        w.node(aif.get("at"), node)
        _quote_nodes(w, c, node_id[c.id], locutions)
    for r in m.relations:
        _write_relation(w, r, node_id, aif_of)
    for node, at in zip(store.get("nodes", []), store.get("nodes_at", []), strict=False):
        w.node(at, node)
    for edge, at in zip(store.get("edges", []), store.get("edges_at", []), strict=False):
        moved = {
            end: renamed[raw]
            for end in ("fromID", "toID")
            if (raw := rid(edge.get(end))) is not None and raw in renamed
        }
        w.edges.append((w.order(at), {**edge, **moved}))
    w.nodes.sort(key=lambda x: x[0])
    w.edges.sort(key=lambda x: x[0])
    parts = {
        "nodes": [n for _, n in w.nodes],
        "edges": [e for _, e in w.edges],
        "locutions": locutions if locutions or not had_locutions else old_locutions,
        **store.get("document", {}),
    }
    keys = list(store.get("keys", ["nodes", "edges", "locutions"]))
    if locutions and "locutions" not in keys:
        keys.append("locutions")
    body = {k: parts[k] for k in keys if k in parts}
    if extra := extra_of(m, ids, numeric=numeric):
        body[EXTRA_KEY] = extra
    if "wrapper" in store:
        wrapper = store["wrapper"]
        keys = store.get("wrapper_keys", ["AIF", *wrapper])
        return {k: body if k == "AIF" else wrapper[k] for k in keys if k == "AIF" or k in wrapper}
    return body


def _nothing_kept(_: Mapping[str, JSONValue]) -> dict[str, Any]:
    return {}


def dumps(argument_map: ArgumentMap, *, indent: int | None = 2, numeric_ids: bool = False) -> str:
    """Return the map as AIF JSON text (AIFdb conventions; see :mod:`argmap.io.aif`).

    Args:
        argument_map: the map.
        indent: spaces per level, or ``None`` for one line (faster for large maps).
        numeric_ids: give new nodes and edges numbers for ids, as AIFdb does, instead of
            argmap's ids (which ``argmapExtra`` then records).

    Raises:
        FormatError: if a base score is NaN or infinite, which JSON cannot carry.
    """
    data = to_dict(argument_map, numeric_ids=numeric_ids)
    try:
        text = json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError:
        msg = "AIF JSON cannot carry a base score of NaN or infinity; use a number from 0 to 1"
        raise FormatError(msg) from None
    return text + "\n"
