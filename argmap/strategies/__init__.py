"""Hypothesis strategies for property-testing code that handles argument maps.

Needs the ``hypothesis`` extra (``pip install argmap[hypothesis]``); nothing else in argmap
imports this package.

>>> from hypothesis import given
>>> from argmap import validate
>>> from argmap.strategies import argument_maps
>>> @given(argument_maps())
... def test_valid(m):
...     assert validate(m) == ()
>>> test_valid()

* :func:`argument_maps` draws valid maps: each new claim attaches to something drawn
  earlier, as a support, a rebuttal (so counter-rebuttals appear), an undercut of a
  relation, or an extra linked premise of a relation, so the maps are connected and free
  of circular support by construction. Several theses, implicit premises, quotes from
  several sources, tags, notes, base scores and verdicts all occur.
* :func:`broken_maps` draws a valid map with exactly one defect injected, and says which
  problem :func:`argmap.validate` must report.
* :data:`HOSTILE_TEXTS` and :data:`HOSTILE_IDS` are text that every output format must show
  as text: markup, script, escapes, syntax of DOT, Argdown and Mermaid (directives
  included), control, right-to-left and combining characters, and very long text;
  :func:`hostile_maps` puts them in every field of a map.
* :func:`ids` draws any valid id (any Unicode but whitespace and control characters,
  leaning towards the punctuation formats use as syntax), and :func:`metadata` any
  metadata argmap can write (keys and strings of any Unicode); ``argument_maps(ids=ids(),
  meta=metadata(), labels=texts())`` puts them, and labels and schemes, everywhere.
* :func:`edited_maps` draws a map and a copy with random edits of every kind
  :func:`argmap.diff` reports (:func:`edit_map` makes them from a seed, :data:`EDITS`
  names them), and :func:`rename_ids` renames every id of a map.
* :func:`chain_map`, :func:`fan_in_map`, :func:`cyclic_map` and :func:`ladder_map` build
  the extreme shapes (a deep chain, a wide fan-in, a dense web of mutual attacks, levels
  of claims that each rest jointly on the whole level below) for stress tests.
"""

from __future__ import annotations

from argmap.strategies.broken import BrokenMap, broken_maps
from argmap.strategies.edits import EDITS, edit_map, edited_maps, rename_ids
from argmap.strategies.maps import argument_maps
from argmap.strategies.shapes import (
    chain_map,
    cyclic_map,
    fan_in_map,
    hostile_map,
    hostile_maps,
    ladder_map,
)
from argmap.strategies.values import (
    HOSTILE_IDS,
    HOSTILE_TEXTS,
    RESERVED_META_KEYS,
    ids,
    metadata,
    slugs,
    texts,
)

__all__ = [
    "EDITS",
    "HOSTILE_IDS",
    "HOSTILE_TEXTS",
    "RESERVED_META_KEYS",
    "BrokenMap",
    "argument_maps",
    "broken_maps",
    "chain_map",
    "cyclic_map",
    "edit_map",
    "edited_maps",
    "fan_in_map",
    "hostile_map",
    "hostile_maps",
    "ids",
    "ladder_map",
    "metadata",
    "rename_ids",
    "slugs",
    "texts",
]
