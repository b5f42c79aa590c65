"""What lenient reading of AIF notices: one warning per kind of oddity."""

from __future__ import annotations

from argmap.errors import warn

__all__ = ["Oddities"]


class Oddities:
    """Collects what lenient reading noticed, to warn once per kind."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}

    def add(self, kind: str, what: object) -> None:
        """Note one oddity of a kind (shown by its repr)."""
        self.found.setdefault(kind, []).append(repr(what))

    def warn(self) -> None:
        """Give one warning per kind noted, naming the first five."""
        for kind, items in self.found.items():
            one, many = _ODDITIES[kind]
            shown = ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
            text = one if len(items) == 1 else many.replace("{n}", str(len(items)))
            warn(f"AIF: {text.replace('{items}', shown)}")


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
