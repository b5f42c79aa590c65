"""What a map read from AIF keeps in ``meta["aif"]``, so that it writes the document back.

Each claim and relation keeps its node (and a relation its edges) with their places in
the document; the map keeps the nodes, edges and tables argmap has no place for. The
data is frozen as it comes from the JSON parser (:func:`frozen`, faster than the general
:func:`~argmap._frozen.freeze`) and thawed for writing (:func:`thawed`).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain
from typing import Any, cast

import attrs

from argmap._frozen import MAX_META_DEPTH, FrozenMap, JSONValue
from argmap.model import ArgumentMap

__all__ = ["TooDeep", "aif_meta", "bare", "frozen", "old_id", "other_meta", "thawed"]

_CONTAINERS = frozenset({dict, list, FrozenMap, tuple})


class TooDeep(Exception):  # noqa: N818 - a signal, turned into a FormatError by loads
    """Raised by :func:`frozen` for data nested deeper than metadata may nest."""


def frozen(value: Any, depth: int = 1) -> Any:  # noqa: ANN401 - JSON in, frozen JSON out
    """Freeze JSON data fresh from :func:`json.loads` (faster than the general freeze).

    Objects are wrapped, not copied: the parsed data must not change afterwards. ``value``
    is metadata (or sits ``depth`` levels deep in it), so it may nest only as deep as
    :data:`~argmap._frozen.MAX_META_DEPTH` allows; the parser already refused numbers no
    format can write.

    Raises:
        TooDeep: if it nests deeper.
    """
    kind = type(value)
    if kind is dict:
        if depth > MAX_META_DEPTH:
            raise TooDeep
        for v in value.values():
            if type(v) in _CONTAINERS:
                return FrozenMap.wrap(
                    {
                        k: frozen(v, depth + 1) if type(v) in _CONTAINERS else v
                        for k, v in value.items()
                    }
                )
        return FrozenMap.wrap(value)
    if kind is list:
        if depth > MAX_META_DEPTH:
            raise TooDeep
        if value and _flat_objects(value):
            # Nodes, edges, locutions: objects of plain values, wrapped in one C-level loop.
            if depth + 1 > MAX_META_DEPTH:
                raise TooDeep
            return tuple(map(FrozenMap.wrap, value))
        return tuple([frozen(v, depth + 1) if type(v) in _CONTAINERS else v for v in value])
    return value


def _flat_objects(items: list[Any]) -> bool:
    """Whether ``items`` are all objects (dicts) that hold no object or array."""
    return set(map(type, items)) == {dict} and _CONTAINERS.isdisjoint(
        map(type, chain.from_iterable(map(dict.values, items)))
    )


def thawed(value: Any) -> Any:  # noqa: ANN401 - frozen JSON in, JSON out
    """Thaw frozen JSON for writing (faster than the general thaw)."""
    kind = type(value)
    if kind is FrozenMap:
        return {k: thawed(v) if type(v) in _CONTAINERS else v for k, v in value.items()}
    if kind is tuple:
        return [thawed(v) if type(v) in _CONTAINERS else v for v in value]
    return value


def aif_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    """The bookkeeping an item or map keeps in ``meta["aif"]``, thawed (``{}`` if none)."""
    raw = meta.get("aif")
    return cast("dict[str, Any]", thawed(raw)) if isinstance(raw, FrozenMap) else {}


def old_id(aif: Mapping[str, Any]) -> object:
    """The node id an item had in the document it was read from (None if none)."""
    return aif.get("node", {}).get("nodeID") if aif else None


def other_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    """An item's or map's metadata other than the AIF bookkeeping, thawed."""
    return {k: thawed(v) for k, v in meta.items() if k != "aif"}


def _strip_aif(meta: FrozenMap[str, JSONValue]) -> FrozenMap[str, JSONValue]:
    """Metadata without its AIF bookkeeping."""
    return meta.delete("aif") if "aif" in meta else meta


def bare(m: ArgumentMap) -> ArgumentMap:
    """The map without its AIF bookkeeping."""
    return attrs.evolve(
        m,
        claims=[attrs.evolve(c, meta=_strip_aif(c.meta)) for c in m.claims],
        relations=[attrs.evolve(r, meta=_strip_aif(r.meta)) for r in m.relations],
        meta=_strip_aif(m.meta),
    )
