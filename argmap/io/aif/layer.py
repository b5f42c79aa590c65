"""The typed view of what a map read from AIF keeps beyond its claims and relations."""

from __future__ import annotations

import json

import attrs

from argmap._frozen import FrozenMap, JSONValue, freeze
from argmap.io.aif.bookkeeping import aif_meta, old_id
from argmap.io.aif.terms import RawId, as_list, rid, same
from argmap.model import ArgumentMap

__all__ = ["Edge", "Layer", "Node", "layer"]


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
        return tuple(e.source for e in self.edges if same(e.target, node_id))

    def outgoing(self, node_id: RawId) -> tuple[JSONValue, ...]:
        """The node ids that kept edges lead to from ``node_id``."""
        return tuple(e.target for e in self.edges if same(e.source, node_id))


def layer(argument_map: ArgumentMap) -> Layer:
    """Return the typed view of what ``argument_map`` keeps from the AIF it was read from.

    For a map that did not come from AIF every part is empty.
    """
    store = aif_meta(argument_map.meta)
    nodes = []
    for node in store.get("nodes", []):
        fields = dict(node)
        node_id = rid(fields.pop("nodeID", None))
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
        if (raw := rid(old_id(aif_meta(item.meta)))) is not None:
            placed[raw] = item.id
    claim_ids = {c.id for c in argument_map.claims}
    return Layer(
        tuple(nodes),
        tuple(edges),
        tuple(freeze(x) for x in as_list(store.get("locutions"))),
        tuple(freeze(x) for x in participants) if isinstance(participants, list) else (),
        FrozenMap({k: v for k, v in placed.items() if v in claim_ids}),
        FrozenMap({k: v for k, v in placed.items() if v not in claim_ids}),
    )
