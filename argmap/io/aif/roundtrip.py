"""The round-trip check: whether a map read from AIF writes back the very document read.

Reading keeps each node's place and fields in ``meta["aif"]`` (see :mod:`.bookkeeping`)
so that writing gives the document back. When the document is exactly what argmap
writes without that bookkeeping (AIF that argmap wrote), the bookkeeping is dropped, so
that argmap → AIF → argmap gives back the very map it was given. Likewise argmap's own
quote nodes are read as quotes only if the map then writes back the same nodes and edges.
This is the one place where reading calls the writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap.errors import FormatError
from argmap.io.aif.bookkeeping import bare
from argmap.io.aif.terms import EXTRA_KEY, as_object, body_of, without_extra
from argmap.io.aif.writer import to_dict
from argmap.model import ArgumentMap

__all__ = ["quotes_write_back", "without_needless_meta"]


def without_needless_meta(m: ArgumentMap, document: Mapping[str, Any]) -> ArgumentMap:
    """Drop the AIF bookkeeping when the document is exactly what argmap writes without it.

    Then reading what :func:`~argmap.io.aif.dumps` wrote gives back the very map it was
    given.
    """
    stripped = bare(m)
    numeric = as_object(body_of(document).get(EXTRA_KEY)).get("numericIds") is True
    try:
        same = to_dict(stripped, numeric_ids=numeric) == document
    except FormatError:  # pragma: no cover - a map read from AIF can be written
        same = False
    return stripped if same else m


def quotes_write_back(candidate: ArgumentMap, document: Mapping[str, Any]) -> bool:
    """Whether a map read with argmap's quote nodes as quotes writes back the document.

    The document's nodes, edges and locutions must come back exactly (``argmapExtra``
    aside), with the map's AIF bookkeeping or without it.
    """
    body = without_extra(document)
    numeric = as_object(body_of(document).get(EXTRA_KEY)).get("numericIds") is True
    written = (
        to_dict(candidate, numeric_ids=numeric),
        to_dict(bare(candidate), numeric_ids=numeric),
    )
    return body in (without_extra(x) for x in written)
