"""How argmap writes text, titles, tags and data so that Argdown reads them back as they are.

Argdown cannot carry line breaks inside a text, nor spaces and tabs at its ends
(:func:`flatten` says what it keeps); everything else that Argdown would read as syntax is
escaped (:func:`escape`). Data is written as JSON that Argdown's YAML reads back as the
same value (:func:`data_text`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from argmap.errors import FormatError
from argmap.io._shared import slug

__all__ = [
    "argument_title_ok",
    "data_text",
    "escape",
    "flatten",
    "statement_title_ok",
    "written_tags",
]

_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*")
_ALWAYS_ESCAPED = frozenset("\\[]<{}#*_")
_SPECIAL_AT = re.compile(
    r"(?:\.[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+?\.)"
    r"|(?::[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+?:)"
)
# Characters YAML (as Argdown's js-yaml reads it) or Argdown's data token cannot hold raw;
# and ">", lest a ">:" in the data after an argument reference (``<title> {...}``) make
# Argdown read the line up to it as an argument definition.
_JSON_UNSAFE = re.compile(r"[{}=>\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_SIMPLE_TAG = re.compile(r"[a-zA-Z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")


def flatten(text: str) -> str:
    """What Argdown keeps of a text's whitespace.

    A line break, with the spaces and tabs around it, becomes one space, and spaces and
    tabs at either end go; other spaces and tabs stay as they are.
    """
    return _LINE_BREAKS.sub(" ", text).strip(" \t")


def escape(text: str, *, inference: bool = False) -> str:
    """Escape what Argdown would read as syntax, so that the text reads back as it is."""
    text = flatten(text)
    out: list[str] = []
    n = len(text)
    for i, c in enumerate(text):
        nxt = text[i + 1] if i + 1 < n else ""
        prev = text[i - 1] if i else ""
        escape = (
            c in _ALWAYS_ESCAPED
            # Argdown skips spaces between tokens: runs of them, and tabs, are escaped.
            or c == "\t"
            or (c == " " and (prev in {" ", "\t"} or nxt in {" ", "\t"}))
            or (c == "/" and nxt in {"/", "*"})
            or (c == "=" and "=" in {prev, nxt})
            or (c in ".:" and _SPECIAL_AT.match(text, i) is not None)
            or (inference and (c == "," or (c == "-" and "-" in {prev, nxt})))
        )
        out.append("\\" + c if escape else c)
    return "".join(out)


def data_text(value: Any) -> str:  # noqa: ANN401 - any JSON value
    """JSON that is also YAML Argdown reads safely, inside ``{...}`` data or a front matter."""
    if isinstance(value, Mapping):
        items = (f"{data_text(str(k))}: {data_text(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(data_text(v) for v in value) + "]"
    if isinstance(value, str):
        encoded = json.dumps(value, ensure_ascii=False)
        return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
    try:
        return json.dumps(value, allow_nan=False)
    except ValueError:
        msg = "Argdown's YAML cannot carry NaN or infinity; use a number from 0 to 1"
        raise FormatError(msg) from None


def statement_title_ok(title: str) -> bool:
    """Whether ``[title]`` reads back as this title, and the title as this id.

    A ``]`` would end it early; ``[-`` is no reference; whitespace or control characters
    would change the id read from it.
    """
    return bool(title) and "]" not in title and title[0] != "-" and slug(title) == title


def argument_title_ok(title: str) -> bool:
    """Whether ``<title>`` reads back as this title, and the title as this id.

    A ``>`` would end it early; at the start of a line ``<+``, ``<-`` and ``<_`` are
    relation symbols and ``<!--`` opens a comment.
    """
    return (
        bool(title)
        and ">" not in title
        and title[0] not in "+-_"
        and not title.startswith("!--")
        and slug(title) == title
    )


def written_tags(tags: tuple[str, ...]) -> tuple[str, list[str] | None]:
    """Tags as Argdown text, or (if some cannot be written so) as data."""
    written = []
    for tag in tags:
        if _SIMPLE_TAG.fullmatch(tag) and not (tag[0].isspace() or tag[-1].isspace()):
            # (Unicode spaces at the ends of a bare tag would be stripped by a reader.)
            written.append(f"#{tag}")
        elif tag and ")" not in tag and tag.strip(" \t") == tag and flatten(tag) == tag:
            written.append(f"#({tag})")
        else:
            return "", list(tags)
    if len(set(tags)) != len(tags):
        return "", list(tags)
    return " ".join(written), None
