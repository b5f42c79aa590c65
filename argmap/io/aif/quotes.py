"""Quotes in AIF: argmap writes each as an L-node asserting its claim; reading finds them.

The writer (:mod:`.writer`) gives each quote an L-node with the quote's text, anchored
to its claim by a YA "Asserting" node, and a ``locutions`` entry whose ``source`` is the
quote's source. :func:`read_quotes` finds that pattern again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap.io.aif.terms import RawId, as_list, rid, same
from argmap.model import Claim, Quote

__all__ = ["ASSERTING", "LOCUTION_BLANKS", "asserting_node", "quote_node_ids", "read_quotes"]

ASSERTING = ("Asserting", "74")

#: The fields of a quote's ``locutions`` entry that argmap leaves empty.
LOCUTION_BLANKS = {"personID": None, "timestamp": None, "start": None, "end": None}


def quote_node_ids(claim_id: str, k: int) -> tuple[str, str]:
    """The ids argmap gives the L-node of a claim's ``k``-th quote and its YA node."""
    lid = f"{claim_id}--quote-{k}"
    return lid, f"{lid}--asserting"


def asserting_node(node_id: RawId) -> dict[str, Any]:
    """The YA "Asserting" node argmap writes between a quote's L-node and its claim."""
    scheme, scheme_id = ASSERTING
    return {
        "nodeID": node_id,
        "text": scheme,
        "type": "YA",
        "scheme": scheme,
        "schemeID": scheme_id,
    }


def read_quotes(  # noqa: C901 - the quote pattern has several parts to check
    extra: Mapping[str, Any],
    claims: Mapping[RawId, Claim],
    kept_nodes: list[tuple[int, dict[str, Any]]],
    kept_edges: list[tuple[int, dict[str, Any]]],
    locutions: object,
) -> tuple[list[Claim], list[tuple[int, dict[str, Any]]], list[tuple[int, dict[str, Any]]], Any]:
    """Turn argmap's own quote nodes (L → YA "Asserting" → I) back into quotes.

    An L-node is a quote when its one ``locutions`` entry names a source that
    ``argmapExtra`` lists, and its only edge leads to a YA node whose only other edge leads
    to a claim.
    """
    sources = {
        s["id"]
        for s in as_list(extra.get("sources"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    records = as_list(locutions)
    source_of: dict[RawId, object] = {}
    record_count: dict[RawId, int] = {}
    for r in records:
        raw = rid(r.get("nodeID")) if isinstance(r, dict) else None
        if raw is not None:
            record_count[raw] = record_count.get(raw, 0) + 1
            source_of[raw] = r.get("source")
    kept_by_id = {raw: n for _, n in kept_nodes if (raw := rid(n.get("nodeID"))) is not None}
    touching: dict[RawId, list[tuple[int, dict[str, Any]]]] = {}
    for j, e in kept_edges:
        for end in ("fromID", "toID"):
            raw = rid(e.get(end))
            if raw is not None:
                touching.setdefault(raw, []).append((j, e))
    quotes: dict[RawId, list[Quote]] = {}
    dropped_nodes: set[RawId] = set()
    dropped_edges: set[int] = set()
    for _, node in kept_nodes:
        lid = rid(node.get("nodeID"))
        if node.get("type") != "L" or lid is None or not isinstance(node.get("text"), str):
            continue
        source = source_of.get(lid)
        l_edges = touching.get(lid, [])
        if (
            not isinstance(source, str)
            or source not in sources
            or record_count.get(lid) != 1
            or len(l_edges) != 1
        ):
            continue
        j1, first = l_edges[0]
        yid = rid(first.get("toID"))
        ya = kept_by_id.get(yid) if yid is not None else None
        if ya is None or yid is None or ya.get("type") != "YA" or not same(first["fromID"], lid):
            continue
        ya_edges = [x for x in touching.get(yid, []) if x[0] != j1]
        if len(ya_edges) != 1 or not same(ya_edges[0][1].get("fromID"), yid):
            continue
        j2, second = ya_edges[0]
        claim_id = rid(second.get("toID"))
        if claim_id is None or claim_id not in claims:
            continue
        quotes.setdefault(claim_id, []).append(Quote(source, node["text"]))
        dropped_nodes.update({lid, yid})
        dropped_edges.update({j1, j2})
    claim_list = [
        attrs.evolve(c, quotes=quotes[k]) if k in quotes else c for k, c in claims.items()
    ]
    kept_nodes = [(i, n) for i, n in kept_nodes if rid(n.get("nodeID")) not in dropped_nodes]
    kept_edges = [(j, e) for j, e in kept_edges if j not in dropped_edges]
    if isinstance(locutions, list):
        locutions = [
            r
            for r in locutions
            if not (isinstance(r, dict) and rid(r.get("nodeID")) in dropped_nodes)
        ]
    return claim_list, kept_nodes, kept_edges, locutions
