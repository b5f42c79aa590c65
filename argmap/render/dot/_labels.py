"""Text for the drawing: wrapped to fit a box, escaped for DOT, and node names.

Claim text is data, never markup: labels are never HTML-like, backslashes and ampersands
are escaped, and control characters show as visible symbols. Quoting the escaped text as
DOT is left to the graphviz package (``Digraph.node``/``edge`` quote every value).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from typing import cast

from argmap._checks import count_arg, shown
from argmap.errors import ParameterError

__all__ = ["WRAP_WIDTH", "http_url", "label", "node_name", "tooltip", "visible", "wrap"]

#: Columns per line of a claim box; long texts get wider boxes (up to twice this).
WRAP_WIDTH = 28

_SAFE_NAME = re.compile(r"[A-Za-z0-9_.\-]+", re.ASCII)
_SAFE_URL = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.ASCII)

# C0 controls other than whitespace, DEL and C1 controls become visible symbols (the
# Unicode control pictures, or U+FFFD): none can be seen, and XML cannot carry most.
_VISIBLE = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: "\ufffd" for c in range(0x80, 0xA0) if c != 0x85})
_VISIBLE.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
# In a tooltip every line break is a line break, and a page break a space.
_TOOLTIP_BREAKS = {0x0D: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n", 0x0B: " ", 0x0C: " "}


def visible(text: str) -> str:
    """Replace characters that cannot be seen, or carried by XML, by visible symbols."""
    return text.translate(_VISIBLE)


@functools.cache
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _width(text: str) -> int:
    """Display width in columns: wide East Asian characters count 2, combining marks 0."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


def _joins_previous(text: str, i: int) -> bool:
    """True when ``text[i]`` belongs to the same visible character as ``text[i - 1]``."""
    ch = text[i]
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == "\u200d"
        or text[i - 1] == "\u200d"
        or "\ufe00" <= ch <= "\ufe0f"
    )


def _chunks(word: str, width: int) -> list[str]:
    """Split a word wider than ``width``, never inside a visible character."""
    out: list[str] = []
    start = used = 0
    for i, ch in enumerate(word):
        w = _char_width(ch)
        if i > start and used + w > width and not _joins_previous(word, i):
            out.append(word[start:i])
            start, used = i, 0
        used += w
    out.append(word[start:])
    return out


def wrap(text: str, width: int | None = None) -> list[str]:
    """Wrap text into the lines of a box; words stay whole unless wider than a line.

    Runs of whitespace become single spaces. Without ``width``, the width grows with the
    text from :data:`WRAP_WIDTH` columns to twice that, so a long claim gets a wider box
    rather than a very tall one.

    >>> wrap("Protected lanes cut cyclist injuries where they have been built.")
    ['Protected lanes cut cyclist', 'injuries where they have', 'been built.']

    Raises:
        ParameterError: if ``text`` is not a string or ``width`` not a whole number of
            1 or more.
    """
    if not isinstance(text, str):
        msg = f"text must be a string, not {shown(text)}"
        raise ParameterError(msg)
    if width is not None:
        width = count_arg(width, "width", minimum=1)
    words = visible(text).split()
    widths = [_width(w) for w in words]
    if width is None:
        total = sum(widths) + len(widths)
        width = max(WRAP_WIDTH, min(2 * WRAP_WIDTH, math.ceil(math.sqrt(total * 4))))
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word, w in zip(words, widths, strict=True):
        if line and used + 1 + w <= width:
            line.append(word)
            used += 1 + w
            continue
        if line:
            lines.append(" ".join(line))
        if w <= width:
            line, used = [word], w
            continue
        *whole, rest = _chunks(word, width)
        lines.extend(whole)
        line, used = [rest], _width(rest)
    if line:
        lines.append(" ".join(line))
    return lines


def label(lines: Iterable[str], *, left: bool = False) -> str:
    r"""A plain label, never HTML-like: lines centred (joined by ``\n``), or set left.

    Left-set lines each end in ``\l``. Backslashes are doubled (Graphviz reads escapes
    such as ``\N`` in labels) and ``&`` is written ``&amp;`` (Graphviz reads entities such
    as ``&lt;``), so text shows as itself.
    """
    import graphviz

    escaped = [line.replace("\\", "\\\\").replace("&", "&amp;") for line in lines]
    text = "".join(f"{line}\\l" for line in escaped) if left else "\\n".join(escaped)
    # nohtml: a str that graphviz's quoting never takes for an HTML-like label.
    return cast("str", graphviz.nohtml(text))


def tooltip(text: str) -> str:
    r"""A tooltip; lines are kept, and no backslash is left in it.

    Graphviz reads escapes in tooltips twice (``\\N`` still becomes the node's name),
    so a backslash is shown as U+29F5, which looks the same.
    """
    import graphviz

    text = visible(text).replace("\r\n", "\n")
    lines = text.translate(_TOOLTIP_BREAKS).split("\n")
    escaped = (line.replace("&", "&amp;").replace("\\", "\u29f5") for line in lines)
    return cast("str", graphviz.nohtml("\\n".join(escaped)))


def http_url(url: str) -> str | None:
    """The URL, escaped for DOT, if it is a plain http(s) URL; else None."""
    if not url or _SAFE_URL.fullmatch(url) is None:
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.replace("&", "&amp;")


def node_name(id_: str) -> str:
    """The node name of an id: the id itself when plain, else percent-encoded.

    Plain ids never contain ``%`` and encoded ones always do, so distinct ids get distinct
    names; no name holds ``:`` (a port in DOT edges), a backslash, a quote or a space.
    """
    if _SAFE_NAME.fullmatch(id_):
        return id_
    return urllib.parse.quote(id_, safe="")
