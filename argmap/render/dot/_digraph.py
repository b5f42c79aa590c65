"""A ``graphviz.Digraph`` whose quoting remembers what it has quoted.

A drawing repeats the same few attribute names and values (``arrowhead``, ``normal``, a
colour) thousands of times, and the graphviz package quotes each one afresh through a
decorator that checks its arguments on every call: on a 1,000-claim map that was most of
the time spent writing DOT. The class below keeps the package's own quoting function and
its rules, calls it once per distinct string (a ``nohtml`` string apart from a plain one,
since they quote differently), and assembles attribute lists as the package does, sorted
when given as a plain dict. The DOT text is the same, byte for byte.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import graphviz

__all__ = ["digraph"]


def _items(mapping: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> Iterable[tuple[str, Any]]:
    """A mapping's items (sorted if a plain dict, as the package does), or the pairs given."""
    if isinstance(mapping, Mapping):
        items = mapping.items()
        return sorted(items) if type(mapping) is dict else items
    return mapping


@functools.cache
def _class() -> type[graphviz.Digraph]:
    import graphviz
    from graphviz import quoting

    # typed: a nohtml string and an equal plain one quote differently (``<...>``).
    quote = functools.lru_cache(maxsize=4096, typed=True)(quoting.quote)

    def a_list(
        label: str | None = None,
        kwargs: Mapping[str, Any] | None = None,
        attributes: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
    ) -> str:
        result = [f"label={quote(label)}"] if label is not None else []
        for pairs in (kwargs, attributes):
            if pairs:
                result += [f"{quote(k)}={quote(v)}" for k, v in _items(pairs) if v is not None]
        return " ".join(result)

    def attr_list(
        label: str | None = None,
        kwargs: Mapping[str, Any] | None = None,
        attributes: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
    ) -> str:
        content = a_list(label, kwargs, attributes)
        return f" [{content}]" if content else ""

    def quote_edge(identifier: str) -> str:
        node, _, rest = identifier.partition(":")
        parts = [quote(node)]
        if rest:
            port, _, compass = rest.partition(":")
            parts.append(quote(port))
            if compass:
                parts.append(compass)
        return ":".join(parts)

    class Digraph(graphviz.Digraph):  # type: ignore[misc]
        _quote = staticmethod(quote)
        _quote_edge = staticmethod(quote_edge)
        _a_list = staticmethod(a_list)
        _attr_list = staticmethod(attr_list)

    return Digraph


def digraph(name: str) -> graphviz.Digraph:
    """A new graph (its subgraphs are of the same class) that quotes as graphviz does."""
    return _class()(name=name)
