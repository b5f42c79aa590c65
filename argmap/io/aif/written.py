"""AIF that argmap wrote, read straight into the map it was written from.

A map read from AIF keeps bookkeeping so that writing it gives the document back, and
drops it when the document is exactly what argmap writes for the map without it
(:mod:`.roundtrip`): the general reader decides that by writing the map back. For the
documents argmap writes itself, :func:`read_written` decides the same question while it
reads, column by column: each node and edge must be the one the writer writes for the
claim or relation it becomes. Each entry of ``argmapExtra`` is read as the general reader
reads it (:func:`~.extra.claim_fields`, :func:`~.extra.relation_fields`), and what
``argmapExtra`` says is compared with what the writer says: of the map as a whole
(:func:`~.extra.map_extra`) and of each claim or relation given an entry
(:func:`~.extra.claim_extra`, :func:`~.extra.relation_extra`), which costs nothing for
the others. The claims and relations are built with :func:`~argmap.model.trusted`,
without bookkeeping.

The shape it reads is what :func:`~.writer.dumps` writes for a map without bookkeeping:
``nodes`` holds an I-node per claim (``nodeID``, ``text``, ``type`` and nothing else),
each followed by an L-node and a YA "Asserting" node per quote, then an RA or CA node per
relation (its scheme in ``text`` and ``scheme``, with AIFdb's ``schemeID`` for the
default); ``edges`` holds the quotes' edges, then, relation by relation, an edge from each
premise and one to the target, with ids ``e1``, ``e2``... and a ``formEdgeID`` of null;
``locutions`` holds a record per quote. Node ids are argmap's ids, or, as ``numeric_ids``
writes them, numbers that ``argmapExtra`` maps back (:func:`_read_numeric` renames them
and reads on). Anything else, or anything the general reader would warn about, gives
None, and the general reader decides as it always did. Tests check that both build equal
maps, on what argmap writes and on documents one edit away from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import chain, compress
from operator import itemgetter, methodcaller
from typing import Any, TypeVar

from argmap.errors import FormatError
from argmap.io._shared import slug
from argmap.io.aif.bookkeeping import TooDeep
from argmap.io.aif.extra import (
    claim_extra,
    claim_fields,
    map_extra,
    relation_extra,
    relation_fields,
    with_map_extra,
    with_version,
)
from argmap.io.aif.quotes import LOCUTION_BLANKS, asserting_node, quote_node_ids
from argmap.io.aif.terms import DEFAULT_ID, DEFAULT_SCHEME, DEFAULT_TITLE, EXTRA_KEY
from argmap.model import (
    EMPTY_META,
    ArgumentMap,
    Claim,
    Quote,
    Rebuttal,
    Relation,
    Support,
    trusted,
)

__all__ = ["read_written"]

_BODY_KEYS = frozenset({"nodes", "edges", "locutions", EXTRA_KEY})
_I_KEYS = frozenset({"nodeID", "text", "type"})
_EDGE_KEYS = frozenset({"edgeID", "fromID", "toID", "formEdgeID"})
#: What a claim or relation holds when ``argmapExtra`` says nothing of it.
_CLAIM_DEFAULTS = {
    "implicit": False,
    "tags": (),
    "note": "",
    "qualifier": "",
    "base_score": None,
    "meta": EMPTY_META,
}
_RELATION_DEFAULTS = {"label": "", "meta": EMPTY_META}
_get_type = methodcaller("get", "type")
_get_node_id = methodcaller("get", "nodeID")
_get_text, _get_edge_id = itemgetter("text"), itemgetter("edgeID")
_get_from, _get_to, _get_form = itemgetter("fromID"), itemgetter("toID"), itemgetter("formEdgeID")
_STR = {str}
_ITEM_TYPES = ("I", "RA", "CA")
_QUOTE_TYPES = ("L", "YA")
_Relation = TypeVar("_Relation", Support, Rebuttal)


class _Other(Exception):  # noqa: N818 - a signal, never seen outside this module
    """The document is not one argmap wrote as :func:`read_written` reads it."""


def read_written(data: dict[str, Any], extra: dict[str, Any]) -> ArgumentMap | None:
    """The map argmap wrote as ``data``, without bookkeeping; None for any other document.

    ``data`` is the parsed document and ``extra`` its ``argmapExtra`` (an object, not
    empty). The map is the one the general reader gives: the document is exactly what
    the writer writes for it, so the general reader would drop its bookkeeping.
    """
    try:
        if "numericIds" in extra:
            return _read_numeric(data, extra)
        return _read(data, extra)
    except (_Other, TooDeep, RecursionError):
        # Deep metadata, too, is left to the general reader: it says where it is.
        return None


def _types(values: Iterable[object]) -> set[type]:
    return set(map(type, values))


def _uniform(items: list[Any], size: int, keys: frozenset[str]) -> None:
    """Check that ``items`` are objects of exactly these keys."""
    if items and (
        _types(items) != {dict}
        or set(map(len, items)) != {size}
        or set(chain.from_iterable(items)) != keys
    ):
        raise _Other


def _strings(values: list[Any]) -> list[str]:
    if values and _types(values) != _STR:
        raise _Other
    return values


def _lists(data: dict[str, Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """The document's nodes (each an object), edges and locutions, or :class:`_Other`."""
    nodes, edges, locutions = data["nodes"], data["edges"], data["locutions"]
    if type(nodes) is not list or type(edges) is not list or type(locutions) is not list:
        raise _Other
    if nodes and _types(nodes) != {dict}:
        raise _Other
    return nodes, edges, locutions


def _read(
    data: dict[str, Any], extra: dict[str, Any], edge_id: Callable[[int], str] = "e{}".format
) -> ArgumentMap:
    """The map, from a document with argmap's ids; its edges named ``edge_id(1)``, ..."""
    if data.keys() != _BODY_KEYS or not extra or "ids" in extra or "numericIds" in extra:
        raise _Other
    nodes, edges, locutions = _lists(data)
    ends = _ends(edges, edge_id)
    types = list(map(_get_type, nodes))
    # (Counted, not put in sets: a type may be any JSON value, a list too.)
    n = len(types) - types.count("RA") - types.count("CA")
    head, scheme_nodes, kinds = nodes[:n], nodes[n:], types[n:]
    if kinds.count("RA") + kinds.count("CA") != len(kinds):
        raise _Other
    quotes: list[tuple[Quote, ...]] | None = None
    quote_ids: list[str] = []
    if locutions or types[:n].count("I") != n:
        head, quotes, quote_ids = _quoted(head, locutions, ends, extra)
    _uniform(head, len(_I_KEYS), _I_KEYS)
    claim_ids = _strings(list(map(_get_node_id, head)))
    texts = _strings(list(map(_get_text, head)))
    relation_ids = _strings(list(map(_get_node_id, scheme_nodes)))
    ids = claim_ids + relation_ids
    # The general reader takes an id from each node id: itself, if it is a slug and no
    # other node has it (nor a quote's node).
    joined = "".join(ids)
    if (
        "" in ids
        or slug(joined) != joined
        or len(set(ids + quote_ids)) != len(ids) + len(quote_ids)
    ):
        raise _Other
    claim_entries, relation_entries = _entries(extra, "claims"), _entries(extra, "relations")
    claims = _claims(claim_ids, texts, quotes, claim_entries)
    schemes = _schemes(scheme_nodes, kinds)
    relations = _relations(
        relation_ids, kinds, schemes, ends, len(quote_ids), claim_ids, relation_entries
    )
    m = with_map_extra(
        ArgumentMap(DEFAULT_ID, DEFAULT_TITLE, claims=claims, relations=relations), extra
    )
    # What the writer says: of the map as a whole, and of each claim and relation that has
    # an entry (the others were built with nothing to say).
    said = map_extra(m)
    for key, entries, items, what in (
        ("claims", claim_entries, claims, claim_extra),
        ("relations", relation_entries, relations, relation_extra),
    ):
        if entries and (written := _written(entries, items, what)):
            said[key] = written
    if not said or with_version(said) != extra:
        raise _Other
    return m


def _ends(edges: list[Any], edge_id: Callable[[int], str]) -> tuple[list[Any], list[Any]]:
    """Where each edge starts and ends, if the edges are as the writer writes them.

    That is, objects of its four keys, with no form edge, named ``edge_id(1)``,
    ``edge_id(2)``... in order.
    """
    _uniform(edges, len(_EDGE_KEYS), _EDGE_KEYS)
    if edges:
        if list(map(_get_edge_id, edges)) != list(map(edge_id, range(1, len(edges) + 1))):
            raise _Other
        if list(map(_get_form, edges)).count(None) != len(edges):
            raise _Other
    return list(map(_get_from, edges)), list(map(_get_to, edges))


def _entries(extra: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The entries ``argmapExtra`` gives the claims or relations (an object), or none."""
    entries = extra.get(key, {})
    if type(entries) is not dict:
        raise _Other
    return entries


def _written(
    entries: dict[str, Any], items: list[Claim] | list[Relation], what: Callable[[Any], Any]
) -> dict[str, Any]:
    """What the writer writes (``what``) for the items the entries name, as it writes it."""
    return {x.id: more for x in items if x.id in entries and (more := what(x))}


def _read_numeric(data: dict[str, Any], extra: dict[str, Any]) -> ArgumentMap:
    """The map written with ``numeric_ids``: read as if written with argmap's ids.

    The writer numbers the claims' and relations' nodes 1, 2... in map order, then the
    quotes' nodes in the order written, and the edges 1, 2...; ``argmapExtra`` maps the
    numbers to argmap's ids (where they differ) and says ``numericIds``. Each node id and
    each end of an edge must be one of those numbers, so that renaming them cannot make
    a document argmap did not write look like one it did.
    """
    named = extra.get("ids", {})
    if data.keys() != _BODY_KEYS or extra["numericIds"] is not True or type(named) is not dict:
        raise _Other
    nodes, edges, locutions = _lists(data)
    items = [n for n in nodes if n.get("type") in _ITEM_TYPES]
    said = [n for n in nodes if n.get("type") in _QUOTE_TYPES]
    if len(items) + len(said) != len(nodes):
        raise _Other
    numbers = [str(k) for k in range(1, len(nodes) + 1)]
    if list(map(_get_node_id, items + said)) != numbers:
        raise _Other
    rename = _names(nodes, numbers[: len(items)], named)
    written_ids = {raw: rename[raw] for raw in numbers[: len(items)] if rename[raw] != raw}
    try:
        renamed = {
            "nodes": [{**n, "nodeID": rename[n["nodeID"]]} for n in nodes],
            "edges": [
                {**e, "fromID": rename[e["fromID"]], "toID": rename[e["toID"]]} for e in edges
            ],
            "locutions": [{**r, "nodeID": rename[r["nodeID"]]} for r in locutions],
            EXTRA_KEY: None,
        }
    except (KeyError, TypeError):  # an end or a locution that names no numbered node
        raise _Other from None
    plain = {k: v for k, v in extra.items() if k not in {"ids", "numericIds"}}
    if extra != {**plain, **({"ids": written_ids} if written_ids else {}), "numericIds": True}:
        raise _Other
    return _read(renamed, plain, str)  # its edges keep their numbers


def _names(nodes: list[dict[str, Any]], items: list[str], named: dict[str, Any]) -> dict[str, str]:
    """The name each numbered node has when written with argmap's ids.

    A claim or relation takes the argmap id ``argmapExtra`` gives its number (else the
    number itself, as the general reader does); each quote's nodes take the names the
    writer gives them with argmap's ids.
    """
    rename: dict[str, str] = {}
    for raw in items:
        name = named.get(raw)
        rename[raw] = name if type(name) is str and name else raw
    cid, k = "", 0
    for node in nodes:
        raw = node["nodeID"]
        if node["type"] == "I":
            cid, k = rename[raw], 0
        elif node["type"] == "L":
            k += 1
            rename[raw] = quote_node_ids(cid, k)[0]
        elif node["type"] == "YA":
            rename[raw] = quote_node_ids(cid, k)[1]
    return rename


def _quoted(
    head: list[dict[str, Any]],
    locutions: list[Any],
    ends: tuple[list[Any], list[Any]],
    extra: Mapping[str, Any],
) -> tuple[list[dict[str, Any]], list[tuple[Quote, ...]], list[str]]:
    """The I-nodes before the first RA or CA, each claim's quotes, and its quote nodes' ids.

    That is, if the nodes between the I-nodes are what the writer writes for quotes.
    The writer follows each claim's I-node with an L-node and a YA "Asserting" node per
    quote (``<claim>--quote-<k>`` and ``<claim>--quote-<k>--asserting``), gives each
    quote a ``locutions`` entry naming its source, and writes the edges L → YA → I of
    every quote, claim by claim, before the relations' edges.
    """
    sources = (
        {s["id"] for s in extra.get("sources", []) if type(s) is dict and type(s.get("id")) is str}
        if type(extra.get("sources")) is list
        else set()
    )
    froms, tos = ends
    i_nodes: list[dict[str, Any]] = []
    quotes: list[tuple[Quote, ...]] = []
    made: list[str] = []
    q, i, end = 0, 0, len(head)
    while i < end:
        node = head[i]
        if node.get("type") == "I":
            i_nodes.append(node)
            quotes.append(())
            i += 1
            continue
        if not i_nodes or i + 1 >= end or q >= len(locutions) or 2 * q + 1 >= len(froms):
            raise _Other
        cid = i_nodes[-1].get("nodeID")
        text, record = node.get("text"), locutions[q]
        source = record.get("source") if type(record) is dict else None
        if type(cid) is not str or type(text) is not str or type(source) is not str:
            raise _Other
        lid, yid = quote_node_ids(cid, len(quotes[-1]) + 1)
        ya = asserting_node(yid)
        if (
            source not in sources
            or node != {"nodeID": lid, "text": text, "type": "L"}
            or head[i + 1] != ya
            or record != {"nodeID": lid, **LOCUTION_BLANKS, "source": source}
            or froms[2 * q : 2 * q + 2] != [lid, yid]
            or tos[2 * q : 2 * q + 2] != [yid, cid]
        ):
            raise _Other
        quotes[-1] += (Quote(source, text),)
        made += (lid, yid)
        q += 1
        i += 2
    if q != len(locutions):
        raise _Other
    return i_nodes, quotes, made


def _schemes(scheme_nodes: list[dict[str, Any]], kinds: list[str]) -> list[str]:
    """Each RA or CA node's scheme ("" for the default), if the writer writes it so."""
    schemes = []
    for node, kind in zip(scheme_nodes, kinds, strict=True):
        label = node.get("scheme")
        if type(label) is not str or node.get("text") != label:
            raise _Other
        default, default_id = DEFAULT_SCHEME[kind]
        if len(node) == 5 and label == default and node.get("schemeID") == default_id:
            schemes.append("")
        elif len(node) == 4 and label not in {"", kind, default}:
            schemes.append(label)
        else:
            raise _Other
    return schemes


def _claims(
    ids: list[str],
    texts: list[str],
    quotes: list[tuple[Quote, ...]] | None,
    entries: dict[str, Any],
) -> list[Claim]:
    """The claims, with the fields their ``argmapExtra`` entries give.

    The entries are read as the general reader reads them (:func:`~.extra.claim_fields`);
    :func:`_read` then compares them with what the writer writes for the claims built.
    """
    columns: dict[str, list[Any]] = {"id": ids, "text": texts}
    if quotes is not None:
        columns["quotes"] = quotes
    _fill(columns, ids, entries, _CLAIM_DEFAULTS, _claim_fields)
    return trusted(Claim, len(ids), **columns)


def _claim_fields(more: Mapping[str, Any], claim: str) -> dict[str, Any]:
    return claim_fields(more, claim, EMPTY_META)


def _relation_fields(more: Mapping[str, Any], _: str) -> dict[str, Any]:
    return relation_fields(more, EMPTY_META)


def _fill(
    columns: dict[str, list[Any]],
    ids: list[str],
    entries: dict[str, Any],
    defaults: Mapping[str, Any],
    fields: Callable[[Mapping[str, Any], str], dict[str, Any]],
) -> None:
    """Set, in the columns, the fields each entry gives (a column made where one differs)."""
    if not entries:
        return
    at = dict(zip(ids, range(len(ids)), strict=True))
    for key, more in entries.items():
        i = at.get(key)
        if i is None or type(more) is not dict:
            raise _Other
        try:
            given = fields(more, key)
        except FormatError:  # a score beyond a float: the general reader says so
            raise _Other from None
        for field, value in given.items():
            if value != defaults[field]:
                if field not in columns:  # (not setdefault: that would make the list each time)
                    columns[field] = [defaults[field]] * len(ids)
                columns[field][i] = value


def _relations(  # noqa: PLR0913, PLR0917 - the columns of the relations
    ids: list[str],
    kinds: list[str],
    schemes: list[str],
    ends: tuple[list[Any], list[Any]],
    start: int,
    claim_ids: list[str],
    entries: dict[str, Any],
) -> list[Relation]:
    """The relations, from their nodes and the edges the writer writes for them, in order."""
    sources, targets = ends
    # One string per id: premises and targets share the claims' and relations' own ids.
    claim_of = dict(zip(claim_ids, claim_ids, strict=True))
    node_of = {**claim_of, **dict(zip(ids, ids, strict=True))}
    premises_of: list[tuple[str, ...]] = []
    target_of: list[str] = []
    pos, end = start, len(sources)
    for rid, kind in zip(ids, kinds, strict=True):
        start = pos
        while pos < end and targets[pos] == rid:
            pos += 1
        if pos in {start, end} or sources[pos] != rid:
            raise _Other
        try:
            premises = tuple(map(claim_of.__getitem__, sources[start:pos]))
        except (KeyError, TypeError):
            raise _Other from None
        target = targets[pos]
        pos += 1
        # A target that is a claim (or, for a conflict, another relation); no premise twice,
        # none the target: what the general reader reads without a warning.
        to = (claim_of if kind == "RA" else node_of).get(target) if type(target) is str else None
        if to is None or to == rid or to in premises or len(set(premises)) != len(premises):
            raise _Other
        premises_of.append(premises)
        target_of.append(to)
    if pos != end:
        raise _Other
    columns: dict[str, list[Any]] = {
        "id": ids,
        "premises": premises_of,
        "target": target_of,
        "scheme": schemes,
    }
    _fill(columns, ids, entries, _RELATION_DEFAULTS, _relation_fields)
    is_support = [kind == "RA" for kind in kinds]
    is_conflict = [not s for s in is_support]
    supports = iter(_made(Support, columns, is_support))
    rebuttals = iter(_made(Rebuttal, columns, is_conflict))
    return [next(supports) if s else next(rebuttals) for s in is_support]


def _made(
    cls: type[_Relation], columns: Mapping[str, list[Any]], picked: list[bool]
) -> list[_Relation]:
    """The relations of one class, from the columns' values where ``picked`` is true."""
    return trusted(cls, sum(picked), **{k: compress(v, picked) for k, v in columns.items()})
