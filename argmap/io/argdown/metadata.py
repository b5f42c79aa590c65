"""The metadata blocks of an Argdown document: read, limited in depth, merged.

A block (``{...}`` after a statement, argument, inference or heading) is read as YAML
(:mod:`.yaml`), refused where it would nest a map's metadata past
:data:`~argmap._frozen.MAX_META_DEPTH`, and merged into its class's data object by object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap._frozen import MAX_META_DEPTH, nesting
from argmap.io.argdown.yaml import YamlError, json_keys, load_flow

__all__ = ["deep_merge", "read"]


def read(raw: str, at: int, *, own: bool) -> Any:  # noqa: ANN401 - YAML in, JSON out
    """The value of a ``{...}`` block kept at level ``at`` of metadata (see ``Model.data``).

    Raises:
        YamlError: if it is not YAML argmap reads, or would nest metadata too deeply.
    """
    value = json_keys(load_flow(raw))
    # Each level of nesting takes an opening bracket: with few, it cannot be too deep.
    brackets = raw.count("{") + raw.count("[")
    if at - 1 + brackets <= MAX_META_DEPTH:
        return value
    if isinstance(value, dict) and _too_deep(value, at, own=own):
        msg = f"it would nest metadata more than {MAX_META_DEPTH} levels deep"
        raise YamlError(msg)
    return value


def _too_deep(data: Mapping[str, Any], at: int, *, own: bool) -> bool:
    """Whether ``data`` kept at level ``at`` of metadata would nest it too deeply.

    With ``own``, its ``argmap`` entry is not kept there, but that entry's ``meta`` becomes
    an item's metadata.
    """
    kept = {k: v for k, v in data.items() if not (own and k == "argmap")}
    if at - 1 + nesting(kept) > MAX_META_DEPTH:
        return True
    mine = data.get("argmap") if own else None
    return isinstance(mine, dict) and nesting(mine.get("meta")) > MAX_META_DEPTH


def deep_merge(into: dict[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``more`` into ``into``, object by object (Argdown merges a class's data so)."""
    for k, v in more.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            deep_merge(into[k], v)
        else:
            into[k] = v
    return into
