"""AIF JSON, as AIFdb and OVA write it: read it into a map, and write maps as AIF.

The Argument Interchange Format (AIF) draws an argument as a graph of *information* nodes
(I, the claims) and *scheme* nodes between them: RA (inference), CA (conflict), MA
(rephrase) and PA (preference). Corpora analysed in AIFdb and OVA add the dialogue: L
(locution) nodes for what was said, YA (illocution) nodes that anchor claims and scheme
nodes in it, TA (transition) nodes between locutions, and a ``locutions`` table with
speakers and times.

Reading (:func:`loads`):

* I-nodes become claims; their ids come from the node ids (``"378"`` stays ``"378"``;
  spaces and control characters become hyphens, and a repeat gets ``-2``, ``-3``).
* RA-nodes become supports (every I-node pointing at the RA is a premise; together they are
  linked); CA-nodes become rebuttals, and a CA that points at an RA or CA that is itself a
  relation is an undercut. The scheme name is kept in ``scheme`` (the defaults "Default
  Inference" and "Default Conflict" read as no scheme).
* Everything else is kept as it was, so that :func:`dumps` writes it back: MA and PA
  nodes, the dialogue layer (L, TA, YA nodes, their edges, the ``locutions`` table,
  participants and any other top-level field), and every node field argmap has no field
  for (timestamps, scheme ids). The claims and relations carry their node in
  ``meta["aif"]``; the rest lives in the map's ``meta["aif"]``, and :func:`layer` gives a
  typed view of it.
* Messy input loads with an :class:`~argmap.ArgmapWarning` for each kind of oddity: an
  edge between two I-nodes, a self-loop, an edge to an unknown node, a repeated node id or
  premise, an RA or CA with no premise or no conclusion (or more than one conclusion).
  What argmap cannot place stays in the AIF layer, untouched. Only what cannot be read at
  all (not JSON, a node that is not an object or has no usable ``nodeID``) raises
  :class:`~argmap.FormatError`, naming the node.
* AIF has no theses: the claims that no relation uses as a premise become the theses.

Writing (:func:`dumps`) follows AIFdb's conventions: I-nodes for claims, an RA or CA node
per relation with edges from each premise to it and from it to the conclusion (a CA that
undercuts points at the relation's RA or CA), and the scheme labels "Default Inference"
(scheme id 72) and "Default Conflict" (71) where nothing more specific is known. Quotes
become L-nodes anchored to their claim by a YA "Asserting" node (scheme id 74), with a
``locutions`` entry whose ``source`` is the quote's source id. What AIF has no place for
(the map's id, title and description, sources, theses and verdicts, implicit flags, tags,
notes, base scores, labels and metadata) goes into one extra top-level object,
``"argmapExtra"``, which AIF tools ignore; it is left out when there is nothing to say.
Node ids are argmap's ids, or numbers as in AIFdb with ``numeric_ids=True`` (then
``argmapExtra`` maps them back).

So AIF → argmap → AIF gives back the same document (every node, edge and locution, with
its ids), and argmap → AIF → argmap gives back the same map.
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, TypeAlias, cast

import attrs

from argmap._frozen import MAX_META_DEPTH, FrozenMap, JSONValue, freeze, nesting
from argmap.errors import ArgmapWarning, FormatError
from argmap.io._jsontext import parse, type_name
from argmap.io._shared import IdPool, derived_theses, slug
from argmap.model import (
    ArgumentMap,
    Claim,
    Quote,
    Rebuttal,
    Relation,
    Source,
    Support,
)

__all__ = [
    "DEFAULT_ID",
    "DEFAULT_TITLE",
    "EXTRA_KEY",
    "Edge",
    "Layer",
    "Node",
    "dumps",
    "layer",
    "loads",
    "to_dict",
]

#: The top-level field that carries what AIF has no place for.
EXTRA_KEY = "argmapExtra"
#: The id a map read from AIF gets unless the document says otherwise.
DEFAULT_ID = "aif"
#: The title a map read from AIF gets unless the document says otherwise.
DEFAULT_TITLE = "AIF document"

_EXTRA_VERSION = 1
_SCHEME_TYPES = ("RA", "CA")
_DEFAULT_SCHEME = {"RA": ("Default Inference", "72"), "CA": ("Default Conflict", "71")}
_ASSERTING = ("Asserting", "74")
_BODY_KEYS = frozenset({"nodes", "edges", "locutions", EXTRA_KEY})
_KNOWN_TYPES = frozenset({"I", "L", "TA", "YA", "MA", "PA", "RA", "CA"})

#: A node id as AIF writes it: a string (AIFdb) or an integer (OVA).
RawId: TypeAlias = str | int


# -- the typed view of what a map keeps from AIF ---------------------------------------------


@attrs.frozen
class Node:
    """An AIF node that argmap keeps as it was (an L, TA, YA, MA, PA or unplaced node).

    Attributes:
        id: the node's ``nodeID``, as the document wrote it.
        type: the node's AIF type (``"L"``, ``"YA"``...).
        text: the node's text.
        fields: every other field of the node (timestamps, scheme names and ids...).
    """

    id: RawId
    type: str
    text: str
    fields: FrozenMap[str, JSONValue] = attrs.field(factory=FrozenMap)


@attrs.frozen
class Edge:
    """An AIF edge that no relation of the map stands for.

    Attributes:
        id: the edge's ``edgeID``.
        source: the ``fromID`` of the node it leaves.
        target: the ``toID`` of the node it enters.
    """

    id: JSONValue
    source: JSONValue
    target: JSONValue


@attrs.frozen
class Layer:
    """What a map read from AIF keeps beyond its claims and relations.

    Attributes:
        nodes: the nodes kept as they were, in document order.
        edges: the edges kept as they were, in document order.
        locutions: the document's ``locutions`` table, entry by entry (repeats included).
        participants: the document's ``participants`` table, if it has one.
        claims: for each I-node that became a claim, the claim's id, by node id.
        relations: for each RA or CA node that became a relation, its id, by node id.
    """

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    locutions: tuple[JSONValue, ...] = ()
    participants: tuple[JSONValue, ...] = ()
    claims: FrozenMap[RawId, str] = attrs.field(factory=FrozenMap)
    relations: FrozenMap[RawId, str] = attrs.field(factory=FrozenMap)

    def of_type(self, node_type: str) -> tuple[Node, ...]:
        """The kept nodes of one AIF type, e.g. ``"MA"`` for the rephrases."""
        return tuple(n for n in self.nodes if n.type == node_type)

    def incoming(self, node_id: RawId) -> tuple[JSONValue, ...]:
        """The node ids that kept edges lead from into ``node_id``."""
        return tuple(e.source for e in self.edges if _same(e.target, node_id))

    def outgoing(self, node_id: RawId) -> tuple[JSONValue, ...]:
        """The node ids that kept edges lead to from ``node_id``."""
        return tuple(e.target for e in self.edges if _same(e.source, node_id))


_CONTAINERS = frozenset({dict, list, FrozenMap, tuple})


class _TooDeep(Exception):  # noqa: N818 - a signal, turned into a FormatError by loads
    """Raised by :func:`_frozen` for data nested deeper than metadata may nest."""


def _frozen(value: Any, depth: int = 1) -> Any:  # noqa: ANN401 - JSON in, frozen JSON out
    """Freeze JSON data fresh from :func:`json.loads` (faster than the general freeze).

    Objects are wrapped, not copied: the parsed data must not change afterwards. ``value``
    is metadata (or sits ``depth`` levels deep in it), so it may nest only as deep as
    :data:`~argmap._frozen.MAX_META_DEPTH` allows; the parser already refused numbers no
    format can write.

    Raises:
        _TooDeep: if it nests deeper.
    """
    kind = type(value)
    if kind is dict:
        if depth > MAX_META_DEPTH:
            raise _TooDeep
        for v in value.values():
            if type(v) in _CONTAINERS:
                return FrozenMap.wrap(
                    {
                        k: _frozen(v, depth + 1) if type(v) in _CONTAINERS else v
                        for k, v in value.items()
                    }
                )
        return FrozenMap.wrap(value)
    if kind is list:
        if depth > MAX_META_DEPTH:
            raise _TooDeep
        return tuple([_frozen(v, depth + 1) if type(v) in _CONTAINERS else v for v in value])
    return value


def _thawed(value: Any) -> Any:  # noqa: ANN401 - frozen JSON in, JSON out
    """Thaw frozen JSON for writing (faster than the general thaw)."""
    kind = type(value)
    if kind is FrozenMap:
        return {k: _thawed(v) if type(v) in _CONTAINERS else v for k, v in value.items()}
    if kind is tuple:
        return [_thawed(v) if type(v) in _CONTAINERS else v for v in value]
    return value


def _same(a: object, b: object) -> bool:
    """Equal ids of the same JSON type (``5`` is not ``"5"``, and ``True`` is no id)."""
    return type(a) is type(b) and a == b


def layer(argument_map: ArgumentMap) -> Layer:
    """Return the typed view of what ``argument_map`` keeps from the AIF it was read from.

    For a map that did not come from AIF every part is empty.
    """
    store = _aif_of(argument_map.meta)
    nodes = []
    for node in store.get("nodes", []):
        fields = dict(node)
        node_id = _rid(fields.pop("nodeID", None))
        node_type = fields.pop("type", "")
        text = fields.pop("text", "")
        nodes.append(
            Node(
                node_id if node_id is not None else "",
                node_type if isinstance(node_type, str) else json.dumps(node_type),
                text if isinstance(text, str) else json.dumps(text),
                FrozenMap({k: freeze(v) for k, v in fields.items()}),
            )
        )
    edges = [
        Edge(freeze(e.get("edgeID")), freeze(e.get("fromID")), freeze(e.get("toID")))
        for e in store.get("edges", [])
    ]
    document = store.get("document", {})
    participants = document.get("participants", [])
    placed: dict[RawId, str] = {}
    for item in (*argument_map.claims, *argument_map.relations):
        if (raw := _rid(_old_id(_aif_of(item.meta)))) is not None:
            placed[raw] = item.id
    claim_ids = {c.id for c in argument_map.claims}
    return Layer(
        tuple(nodes),
        tuple(edges),
        tuple(freeze(x) for x in _list(store.get("locutions"))),
        tuple(freeze(x) for x in participants) if isinstance(participants, list) else (),
        FrozenMap({k: v for k, v in placed.items() if v in claim_ids}),
        FrozenMap({k: v for k, v in placed.items() if v not in claim_ids}),
    )


# -- reading ----------------------------------------------------------------------------------


def _rid(value: object) -> RawId | None:
    """``value`` if it can be a node id (a string or an integer, never true or false)."""
    kind = type(value)
    if kind is str or kind is int:
        return cast("RawId", value)
    return None


class _Oddities:
    """Collects what lenient reading noticed, to warn once per kind."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}

    def add(self, kind: str, what: object) -> None:
        self.found.setdefault(kind, []).append(repr(what))

    def warn(self) -> None:
        for kind, items in self.found.items():
            one, many = _ODDITIES[kind]
            shown = ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
            text = one if len(items) == 1 else many.replace("{n}", str(len(items)))
            warnings.warn(f"AIF: {text.replace('{items}', shown)}", ArgmapWarning, stacklevel=4)


_IT = "; it is kept as it is in the AIF layer, not in the map"
_THEY = "; they are kept as they are in the AIF layer, not in the map"
_ODDITIES = {
    "i-to-i": (
        "an edge joins two I-nodes with no scheme node between ({items})" + _IT,
        "{n} edges join two I-nodes with no scheme node between ({items})" + _THEY,
    ),
    "self-loop": (
        "an edge leads from a node to itself ({items})" + _IT,
        "{n} edges lead from a node to itself ({items})" + _THEY,
    ),
    "dangling": (
        "an edge names a node the document does not have ({items})" + _IT,
        "{n} edges name nodes the document does not have ({items})" + _THEY,
    ),
    "no-ends": (
        "an edge has no fromID or toID ({items})" + _IT,
        "{n} edges have no fromID or toID ({items})" + _THEY,
    ),
    "duplicate-node": (
        "a node id appears twice ({items}); the repeat is kept as it is in the AIF layer",
        "{n} node ids appear twice ({items}); the repeats are kept as they are in the AIF layer",
    ),
    "no-premise": (
        "a scheme node has no I-node premise ({items})" + _IT,
        "{n} scheme nodes have no I-node premise ({items})" + _THEY,
    ),
    "no-conclusion": (
        "a scheme node has no conclusion argmap can use ({items})" + _IT,
        "{n} scheme nodes have no conclusion argmap can use ({items})" + _THEY,
    ),
    "many-conclusions": (
        (
            "a scheme node has more than one conclusion ({items}); the first is its target, "
            "and the other edges are kept as they are in the AIF layer"
        ),
        (
            "{n} scheme nodes have more than one conclusion ({items}); the first is the "
            "target, and the other edges are kept as they are in the AIF layer"
        ),
    ),
    "repeated-premise": (
        (
            "an edge repeats a premise of its scheme node ({items}); the repeat is kept as it "
            "is in the AIF layer"
        ),
        (
            "{n} edges repeat a premise of their scheme node ({items}); the repeats are kept "
            "as they are in the AIF layer"
        ),
    ),
    "self-premise": (
        (
            "a scheme node has its conclusion among its premises ({items}); that edge is kept "
            "as it is in the AIF layer"
        ),
        (
            "{n} scheme nodes have their conclusion among their premises ({items}); those "
            "edges are kept as they are in the AIF layer"
        ),
    ),
    "unknown-type": (
        "a node has a type argmap does not know ({items})" + _IT,
        "{n} nodes have a type argmap does not know ({items})" + _THEY,
    ),
}


def _parse(text: str | bytes) -> Any:  # noqa: ANN401 - JSON is untyped
    try:
        return parse(text)
    except FormatError as exc:
        raise FormatError(f"not AIF: {exc}", line=exc.line, column=exc.column) from None


def _node_name(index: int, node: Mapping[str, Any]) -> str:
    raw = _rid(node.get("nodeID"))
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
    odd: _Oddities = attrs.Factory(_Oddities)


def _read_nodes(nodes: list[Any], reading: _Reading) -> None:
    for i, node in enumerate(nodes):
        if not isinstance(node, dict):
            raise FormatError(f"AIF node #{i + 1} is {type_name(node)}, not an object")
        raw = _rid(node.get("nodeID"))
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
        src_id, dst_id = _rid(edge["fromID"]), _rid(edge["toID"])
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
            if scheme.conclusion is not None and _same(raw, scheme.conclusion[2]):
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
            meta = _frozen({"aif": {"at": i, "id": cid, "node": fields}})
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
    with _no_gc():
        top = _parse(text)
        try:
            return _read(top)
        except (RecursionError, _TooDeep):
            raise _too_deep(top) from None


def _too_deep(top: Any) -> FormatError:  # noqa: ANN401 - parsed JSON
    """The error for a document whose data nests deeper than metadata may: where it is."""
    body = _without_extra_body(top)
    parts: list[tuple[str, Any]] = []
    for key, value in body.items():
        if key in {"nodes", "edges", "locutions"} and isinstance(value, list):
            singular = key.rstrip("s") if key != "locutions" else "locutions entry"
            for i, item in enumerate(value):
                raw = (
                    _rid(item.get("nodeID" if key != "edges" else "edgeID"))
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


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector while reading or writing a large document.

    Reading builds hundreds of thousands of small dicts and tuples and no reference
    cycles; without the pause, Python's collector walks the whole document again and
    again, which more than doubles the time a 20,000-claim corpus takes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read(top: Any) -> ArgumentMap:  # noqa: ANN401 - parsed JSON
    store: dict[str, Any] = {}
    data, nodes, edges = _unwrap(top, store)
    extra = _object(data.get(EXTRA_KEY))
    reading = _Reading()
    _read_nodes(nodes, reading)
    _read_edges(edges, reading)
    claims, relations = _place(reading, _settle_schemes(reading), _object(extra.get("ids")))
    store["keys"] = list(data)
    if "locutions" in data:
        store["locutions"] = data["locutions"]
    if document := {k: v for k, v in data.items() if k not in _BODY_KEYS}:
        store["document"] = document
    kept_nodes = sorted(reading.kept_nodes, key=lambda item: item[0])
    kept_edges = sorted(reading.kept_edges, key=lambda item: item[0])
    m = _assemble(list(claims.values()), relations, kept_nodes, kept_edges, store, extra)
    if extra.get("sources"):
        # Quotes that argmap itself wrote: an L-node asserting a claim, from a listed source.
        # They are read only if the map then writes back the very same nodes and edges.
        quoted = _read_quotes(extra, claims, kept_nodes, kept_edges, data.get("locutions"))
        claim_list, q_nodes, q_edges, q_locutions = quoted
        q_store = dict(store)
        if "locutions" in data:
            q_store["locutions"] = q_locutions
        candidate = _assemble(claim_list, relations, q_nodes, q_edges, q_store, extra)
        body = _without_extra(top)
        numeric = extra.get("numericIds") is True
        written = (
            to_dict(candidate, numeric_ids=numeric),
            to_dict(_bare(candidate), numeric_ids=numeric),
        )
        if body in (_without_extra(x) for x in written):
            m = candidate
    reading.odd.warn()
    if extra:
        m = _without_needless_meta(m, top)
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
        meta=_frozen({"aif": store}),
    )
    return _with_extra(m, extra)


def _without_extra_body(document: Any) -> dict[str, Any]:  # noqa: ANN401 - parsed JSON
    """The AIF body of a document (inside OVA's wrapper, if any)."""
    if not isinstance(document, dict):
        return {}
    if "nodes" not in document and isinstance(document.get("AIF"), dict):
        return cast("dict[str, Any]", document["AIF"])
    return document


def _without_extra(document: Any) -> Any:  # noqa: ANN401 - parsed JSON
    """The document without ``argmapExtra`` (inside OVA's wrapper too)."""
    if not isinstance(document, dict):
        return document
    if "nodes" not in document and isinstance(document.get("AIF"), dict):
        return {**document, "AIF": _without_extra(document["AIF"])}
    return {k: v for k, v in document.items() if k != EXTRA_KEY}


def _relation(scheme: _Scheme, id_of: Mapping[RawId, str]) -> Relation:
    node, conclusion = scheme.node, scheme.conclusion
    if conclusion is None:  # pragma: no cover - only schemes with a conclusion get here
        raise AssertionError
    rid = id_of[node["nodeID"]]
    meta = _frozen(
        {
            "aif": {
                "at": scheme.index,
                "id": rid,
                "node": node,
                "premises": [e for _, e, _ in scheme.premises],
                "premises_at": [j for j, _, _ in scheme.premises],
                "conclusion": conclusion[1],
                "conclusion_at": conclusion[0],
            }
        }
    )
    premises = [id_of[raw] for _, _, raw in scheme.premises]
    target = id_of[conclusion[2]]
    kind = str(node.get("type"))
    scheme_name = _scheme_of(node, kind)
    if kind == "RA":
        return Support(rid, premises, target, scheme=scheme_name, meta=meta)
    return Rebuttal(rid, premises, target, scheme=scheme_name, meta=meta)


def _scheme_of(node: Mapping[str, Any], kind: str) -> str:
    """The scheme a node names, or "" for the default (or none)."""
    name = node.get("scheme")
    if not isinstance(name, str) or not name:
        name = node.get("text")
    if not isinstance(name, str):
        return ""
    if name in {"", kind, _DEFAULT_SCHEME.get(kind, ("",))[0]}:
        return ""
    return name


def _read_quotes(  # noqa: C901 - the quote pattern has several parts to check
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
        for s in _list(extra.get("sources"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    }
    records = _list(locutions)
    source_of: dict[RawId, object] = {}
    record_count: dict[RawId, int] = {}
    for r in records:
        raw = _rid(r.get("nodeID")) if isinstance(r, dict) else None
        if raw is not None:
            record_count[raw] = record_count.get(raw, 0) + 1
            source_of[raw] = r.get("source")
    kept_by_id = {raw: n for _, n in kept_nodes if (raw := _rid(n.get("nodeID"))) is not None}
    touching: dict[RawId, list[tuple[int, dict[str, Any]]]] = {}
    for j, e in kept_edges:
        for end in ("fromID", "toID"):
            raw = _rid(e.get(end))
            if raw is not None:
                touching.setdefault(raw, []).append((j, e))
    quotes: dict[RawId, list[Quote]] = {}
    dropped_nodes: set[RawId] = set()
    dropped_edges: set[int] = set()
    for _, node in kept_nodes:
        lid = _rid(node.get("nodeID"))
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
        yid = _rid(first.get("toID"))
        ya = kept_by_id.get(yid) if yid is not None else None
        if ya is None or yid is None or ya.get("type") != "YA" or not _same(first["fromID"], lid):
            continue
        ya_edges = [x for x in touching.get(yid, []) if x[0] != j1]
        if len(ya_edges) != 1 or not _same(ya_edges[0][1].get("fromID"), yid):
            continue
        j2, second = ya_edges[0]
        claim_id = _rid(second.get("toID"))
        if claim_id is None or claim_id not in claims:
            continue
        quotes.setdefault(claim_id, []).append(Quote(source, node["text"]))
        dropped_nodes.update({lid, yid})
        dropped_edges.update({j1, j2})
    claim_list = [
        attrs.evolve(c, quotes=quotes[k]) if k in quotes else c for k, c in claims.items()
    ]
    kept_nodes = [(i, n) for i, n in kept_nodes if _rid(n.get("nodeID")) not in dropped_nodes]
    kept_edges = [(j, e) for j, e in kept_edges if j not in dropped_edges]
    if isinstance(locutions, list):
        locutions = [
            r
            for r in locutions
            if not (isinstance(r, dict) and _rid(r.get("nodeID")) in dropped_nodes)
        ]
    return claim_list, kept_nodes, kept_edges, locutions


def _with_extra(m: ArgumentMap, extra: Mapping[str, Any]) -> ArgumentMap:
    """Apply ``argmapExtra`` (what AIF has no place for) to a freshly read map."""
    claims_extra = extra.get("claims")
    claims_extra = claims_extra if isinstance(claims_extra, dict) else {}
    relations_extra = extra.get("relations")
    relations_extra = relations_extra if isinstance(relations_extra, dict) else {}
    claims = []
    for c in m.claims:
        more = claims_extra.get(c.id)
        if isinstance(more, dict):
            c = attrs.evolve(  # noqa: PLW2901 - the evolved claim replaces it
                c,
                implicit=more.get("implicit", False) is True,
                tags=[t for t in _list(more.get("tags")) if isinstance(t, str)],
                note=more.get("note", "") if isinstance(more.get("note"), str) else "",
                qualifier=q if isinstance(q := more.get("qualifier"), str) else "",
                base_score=_score(more.get("baseScore"), c.id),
                meta=_merged(c.meta, more.get("meta")),
            )
        claims.append(c)
    relations = []
    for r in m.relations:
        more = relations_extra.get(r.id)
        if isinstance(more, dict):
            label = more.get("label", "")
            r = attrs.evolve(  # noqa: PLW2901 - the evolved relation replaces it
                r,
                label=label if isinstance(label, str) else "",
                meta=_merged(r.meta, more.get("meta")),
            )
        relations.append(r)
    m = attrs.evolve(m, claims=claims, relations=relations)
    sources = [
        Source(
            str(s["id"]),
            str(s.get("title", "")),
            **{k: str(s.get(k, "")) for k in ("author", "outlet", "date", "url")},
        )
        for s in _list(extra.get("sources"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
    theses = extra.get("theses")
    theses = (
        [t for t in theses if isinstance(t, str)] if isinstance(theses, list) else derived_theses(m)
    )
    verdicts = extra.get("verdicts")
    verdicts = _object(verdicts)
    return attrs.evolve(
        m,
        id=str(extra.get("id", DEFAULT_ID)),
        title=str(extra.get("title", DEFAULT_TITLE)),
        description=str(extra.get("description", "")),
        sources=sources,
        theses=theses,
        verdicts={
            k: v
            for k, v in verdicts.items()
            if isinstance(v, str) and v in {"for", "against", "mixed", "not-argued"}
        },
        meta=_merged(m.meta, extra.get("meta")),
    )


def _merged(meta: FrozenMap[str, JSONValue], more: object) -> FrozenMap[str, JSONValue]:
    if not isinstance(more, dict) or not more:
        return meta
    return FrozenMap({**meta, **_frozen(more)})


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


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


def _strip_aif(meta: FrozenMap[str, JSONValue]) -> FrozenMap[str, JSONValue]:
    return meta.delete("aif") if "aif" in meta else meta


def _bare(m: ArgumentMap) -> ArgumentMap:
    """The map without its AIF bookkeeping."""
    return attrs.evolve(
        m,
        claims=[attrs.evolve(c, meta=_strip_aif(c.meta)) for c in m.claims],
        relations=[attrs.evolve(r, meta=_strip_aif(r.meta)) for r in m.relations],
        meta=_strip_aif(m.meta),
    )


def _without_needless_meta(m: ArgumentMap, data: Mapping[str, Any]) -> ArgumentMap:
    """Drop the AIF bookkeeping when the document is exactly what argmap writes without it.

    Then reading what :func:`dumps` wrote gives back the very map it was given.
    """
    bare = _bare(m)
    numeric = _object(_without_extra_body(data).get(EXTRA_KEY)).get("numericIds") is True
    try:
        same = to_dict(bare, numeric_ids=numeric) == data
    except FormatError:  # pragma: no cover - a map read from AIF can be written
        same = False
    return bare if same else m


# -- writing ----------------------------------------------------------------------------------


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
            if (raw := _rid(node.get("nodeID"))) is not None:
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


def _aif_of(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    raw = meta.get("aif")
    return cast("dict[str, Any]", _thawed(raw)) if isinstance(raw, FrozenMap) else {}


def _other_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    return {k: _thawed(v) for k, v in meta.items() if k != "aif"}


def _quote_nodes(w: _Writer, claim: Claim, claim_node: RawId, locutions: list[Any]) -> None:
    for k, quote in enumerate(claim.quotes, start=1):
        lid = w.fresh_node_id(f"{claim.id}--quote-{k}")
        yid = w.fresh_node_id(f"{claim.id}--quote-{k}--asserting")
        w.node(None, {"nodeID": lid, "text": quote.text, "type": "L"})
        scheme, scheme_id = _ASSERTING
        ya = {"nodeID": yid, "text": scheme, "type": "YA", "scheme": scheme, "schemeID": scheme_id}
        w.node(None, ya)
        w.edge(None, None, lid, yid)
        w.edge(None, None, yid, claim_node)
        locutions.append(
            {
                "nodeID": lid,
                "personID": None,
                "timestamp": None,
                "start": None,
                "end": None,
                "source": quote.source,
            }
        )


def _claim_extra(c: Claim) -> dict[str, Any]:
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
    if other := _other_meta(c.meta):
        more["meta"] = other
    return more


def _scheme_node(r: Relation, node_id: RawId, aif: Mapping[str, Any]) -> dict[str, Any]:
    """The RA or CA node of a relation: as it was read (if its scheme is unchanged), or new."""
    kind = "RA" if isinstance(r, Support) else "CA"
    stored = aif.get("node")
    if isinstance(stored, dict) and stored:
        node = dict(stored)
        node["nodeID"], node["type"] = node_id, kind
        if _scheme_of(node, kind) == r.scheme:
            return node
    else:
        node = {"nodeID": node_id, "text": "", "type": kind}
    label, scheme_id = (r.scheme, None) if r.scheme else _DEFAULT_SCHEME[kind]
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
        raw = _rid(_old_id(aif))
        if raw is not None and aif.get("id") == item_id:
            node_id[item_id] = raw
            w.reserve(raw)
    for item_id, aif in aif_of.items():
        if item_id not in node_id:
            node_id[item_id] = w.fresh_node_id(item_id)
            if (raw := _rid(_old_id(aif))) is not None:
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
        if (raw := _rid(edge.get("fromID"))) is not None:
            stored[raw] = (at, edge)
    for p in r.premises:
        old = _rid(_old_id(aif_of.get(p, {})))
        at, edge = stored.get(old, (None, None)) if old is not None else (None, None)
        w.edge(at, edge, node_id.get(p, p), node_id[r.id])
    conclusion = aif.get("conclusion")
    old_target = _old_id(aif_of.get(r.target, {}))
    keep = isinstance(conclusion, dict) and _same(conclusion.get("toID"), old_target)
    w.edge(
        aif.get("conclusion_at") if keep else None,
        conclusion if keep else None,
        node_id[r.id],
        node_id.get(r.target, r.target),
    )


def to_dict(argument_map: ArgumentMap, *, numeric_ids: bool = False) -> dict[str, Any]:
    """Return the map as AIF JSON data (see :func:`dumps`)."""
    try:
        with _no_gc():
            return _to_dict(argument_map, numeric=numeric_ids)
    except RecursionError:
        msg = "cannot write AIF: the map's metadata is nested too deeply"
        raise FormatError(msg) from None


def _to_dict(argument_map: ArgumentMap, *, numeric: bool) -> dict[str, Any]:
    m = argument_map
    store = _aif_of(m.meta)
    w = _Writer(store, numeric=numeric)
    aif_of: dict[str, dict[str, Any]] = {}
    for item in (*m.claims, *m.relations):
        aif_of.setdefault(item.id, _aif_of(item.meta))
    node_id, renamed = _node_ids(w, aif_of)
    restored = {k for k, aif in aif_of.items() if aif.get("id") == k and _old_id(aif) is not None}
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
            if (raw := _rid(edge.get(end))) is not None and raw in renamed
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
    if extra := _extra(m, ids, numeric=numeric):
        body[EXTRA_KEY] = extra
    if "wrapper" in store:
        wrapper = store["wrapper"]
        keys = store.get("wrapper_keys", ["AIF", *wrapper])
        return {k: body if k == "AIF" else wrapper[k] for k in keys if k == "AIF" or k in wrapper}
    return body


def _old_id(aif: Mapping[str, Any]) -> object:
    return aif.get("node", {}).get("nodeID") if aif else None


def _relation_extra(r: Relation) -> dict[str, Any]:
    more: dict[str, Any] = {}
    if r.label:
        more["label"] = r.label
    if other := _other_meta(r.meta):
        more["meta"] = other
    return more


def _extra(m: ArgumentMap, ids: Mapping[str, str], *, numeric: bool) -> dict[str, Any]:
    """What AIF has no place for: ``argmapExtra``, or ``{}`` when there is nothing to say."""
    fields: dict[str, Any] = {
        "id": m.id if m.id != DEFAULT_ID else None,
        "title": m.title if m.title != DEFAULT_TITLE else None,
        "description": m.description,
        "sources": [
            {"id": s.id, "title": s.title}
            | {k: getattr(s, k) for k in ("author", "outlet", "date", "url") if getattr(s, k)}
            for s in m.sources
        ],
        "theses": list(m.theses) if m.theses != derived_theses(m) else None,
        "verdicts": {k: str(v) for k, v in m.verdicts.items()},
        "meta": _other_meta(m.meta),
        "claims": {c.id: more for c in m.claims if (more := _claim_extra(c))},
        "relations": {r.id: more for r in m.relations if (more := _relation_extra(r))},
        "ids": dict(ids),
        "numericIds": numeric,
    }
    # Empty values are left out, but for those that reading would not give back: an id or
    # title of "" (reading gives the defaults) and theses of [] (it derives them).
    kept = {"id": "", "title": "", "theses": []}
    extra = {k: v for k, v in fields.items() if v or (k in kept and v == kept[k])}
    return {"version": _EXTRA_VERSION, **extra} if extra else {}


def dumps(argument_map: ArgumentMap, *, indent: int | None = 2, numeric_ids: bool = False) -> str:
    """Return the map as AIF JSON text (AIFdb conventions; see the module docstring).

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
