"""The front matter of an Argdown document: its text, its settings, argmap's own entry.

A front matter is YAML between ``===`` lines at the top of a document. argmap reads
``title`` (the map's title), ``model`` (``mode: strict`` changes how Argdown reads
relations between statements) and its own ``argmap`` entry (the map's id, description,
sources, theses, verdicts and metadata); the other entries are kept as text.
"""

from __future__ import annotations

import re
from typing import Any

from argmap._frozen import MAX_META_DEPTH, nesting
from argmap.errors import FormatError
from argmap.io.argdown.yaml import NOT_READ, YamlError, front_matter_blocks, json_keys, load_block
from argmap.model import Source

__all__ = [
    "DEFAULT_ID",
    "DEFAULT_TITLE",
    "check_own_entry",
    "other_entries",
    "settings",
    "sources",
    "text_of",
    "text_or",
]

#: The id a map read from Argdown gets unless its front matter says otherwise.
DEFAULT_ID = "argdown"
#: The title a map read from Argdown gets unless its front matter names one.
DEFAULT_TITLE = "Argdown document"

# The entries argmap reads itself: the others are kept as text (see other_entries).
_OWN_KEYS = frozenset({"title", "argmap"})


def text_of(raw: str | None) -> str | None:
    """The front matter's text without its ``===`` lines (``None`` if there is none)."""
    if raw is None:
        return None
    body = re.sub(r"^\s*={3,}", "", raw)
    return re.sub(r"={3,}\s*$", "", body)


def settings(text: str | None) -> dict[str, Any]:
    """The front matter's entries that this YAML reader reads, by key (JSON keys)."""
    if text is None:
        return {}
    blocks = front_matter_blocks(text)
    return {k: json_keys(v) for k, _, v in blocks if k is not None and v is not NOT_READ}


def check_own_entry(text: str | None, line: int) -> None:
    """Refuse a front matter whose ``argmap`` entry (the map's id, sources, theses...) is bad.

    Other entries argmap cannot read are kept as text; argmap's own entry holds what the
    map needs, so it must read as an object whose metadata nests no deeper than metadata
    may (:data:`~argmap._frozen.MAX_META_DEPTH`).
    """
    if text is None:
        return
    for key, body, value in front_matter_blocks(text):
        if key == "argmap" and (why := _own_entry_problem(body, value)):
            msg = (
                f"Argdown: line {line}: the front matter's argmap entry cannot be read: "
                f"{why}; fix it, or remove it (it holds the map's id, sources and theses)"
            )
            raise FormatError(msg, line=line)
        line += body.count("\n")


def _own_entry_problem(body: str, value: Any) -> str:  # noqa: ANN401 - YAML
    """What is wrong with the front matter's ``argmap`` entry (``body``), or ""."""
    if value is NOT_READ:
        try:
            load_block(body.splitlines(keepends=True))
        except YamlError as exc:
            return f"it is not YAML argmap can read ({exc})"
        except RecursionError:
            return "it is nested too deeply"
        return "it is not YAML argmap can read"
    if not isinstance(value, dict):
        return "it is not an object"
    if nesting(value.get("meta")) > MAX_META_DEPTH:
        return f"its metadata nests more than {MAX_META_DEPTH} levels deep"
    return ""


def other_entries(text: str) -> str:
    """The text of the entries argmap does not read itself (all but ``title`` and ``argmap``)."""
    return "".join(body for key, body, _ in front_matter_blocks(text) if key not in _OWN_KEYS)


def text_or(value: object, default: str = "") -> str:
    """``value`` if it is text, else ``default`` (an entry of the wrong type is left out)."""
    return value if isinstance(value, str) else default


def sources(extra: dict[str, Any]) -> list[Source]:
    """The sources the front matter's ``sources`` entry lists (those with a text id)."""
    listed = extra.get("sources")
    return [
        Source(
            s["id"],
            text_or(s.get("title")),
            **{k: text_or(s.get(k)) for k in ("author", "outlet", "date", "url")},
        )
        for s in (listed if isinstance(listed, list) else [])
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
