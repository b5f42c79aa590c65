"""The round-trip check: whether a map read from AIF writes back the very document read.

Reading keeps each node's place and fields in ``meta["aif"]`` (see :mod:`.bookkeeping`)
so that writing gives the document back. When the document is exactly what argmap
writes without that bookkeeping (AIF that argmap wrote), the bookkeeping is dropped, so
that argmap → AIF → argmap gives back the very map it was given. Likewise argmap's own
quote nodes are read as quotes only if the map then writes back the same nodes and edges.
This is the one place where reading calls the writer.

The check writes the map once (twice for quotes that do not come back without
bookkeeping), asking the writer to ignore the bookkeeping
(:func:`~.writer.to_dict_without_bookkeeping`) rather than making a copy of the map
without it; that copy is made only when it is the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap.errors import FormatError
from argmap.io.aif.bookkeeping import bare
from argmap.io.aif.terms import EXTRA_KEY, as_object, body_of, without_extra
from argmap.io.aif.writer import to_dict, to_dict_without_bookkeeping
from argmap.model import ArgumentMap

__all__ = ["with_quotes", "without_needless_meta"]


def _numeric(document: Mapping[str, Any]) -> bool:
    """Whether ``argmapExtra`` says argmap wrote the document with numeric ids."""
    return as_object(body_of(document).get(EXTRA_KEY)).get("numericIds") is True


def without_needless_meta(m: ArgumentMap, document: Mapping[str, Any]) -> ArgumentMap:
    """Drop the AIF bookkeeping when the document is exactly what argmap writes without it.

    Then reading what :func:`~argmap.io.aif.dumps` wrote gives back the very map it was
    given.
    """
    try:
        same = to_dict_without_bookkeeping(m, numeric_ids=_numeric(document)) == document
    except FormatError:  # pragma: no cover - a map read from AIF can be written
        same = False
    return bare(m) if same else m


def with_quotes(candidate: ArgumentMap, document: Mapping[str, Any]) -> ArgumentMap | None:
    """The map read with argmap's quote nodes as quotes, if it writes back the document.

    The document's nodes, edges and locutions must come back exactly (``argmapExtra``
    aside), with the map's AIF bookkeeping or without it; else the result is ``None``.
    When the whole document comes back without the bookkeeping, the map is returned
    without it (what :func:`without_needless_meta` would make of it).
    """
    numeric = _numeric(document)
    plain = to_dict_without_bookkeeping(candidate, numeric_ids=numeric)
    if plain == document:
        return bare(candidate)
    body = without_extra(document)
    if without_extra(plain) == body:
        return candidate
    if without_extra(to_dict(candidate, numeric_ids=numeric)) == body:
        return candidate
    return None
