r"""Text from a map, made safe to print: the one rule every view and verb follows.

A map's texts and ids are data. Printed raw, an escape sequence in a claim (``\x1b[2J``,
an OSC 8 link, a backspace, a C1 control, a right-to-left override) would act on the
terminal: clear it, draw over earlier lines, or show one result in place of another.
:func:`clean` turns such characters into visible escapes (``\x1b``, ``\u202e``) and line
breaks into spaces, so one piece of data is one piece of a line; :func:`safe_json` does
the same inside JSON strings, which stay valid and read back to the same data.

This module is low-level on purpose (no rich, no argmap imports): the terminal view, the
``evaluate`` report and the command line all use it.
"""

from __future__ import annotations

import gc
import json
import unicodedata

__all__ = ["clean", "escape", "is_unsafe", "safe_json"]

# Format characters that text needs (soft hyphen; the joiners of scripts and emoji).
_KEEP_FORMAT = frozenset("\u00ad\u200c\u200d")
# Tag characters, which spell the subdivision flags of emoji (🏴 + tags).
_TAGS = range(0xE0020, 0xE0080)
# The whitespace that :func:`clean` turns into a space rather than escaping.
_SPACES = frozenset("\t\n\r")


def escape(ch: str) -> str:
    r"""A character as a visible Python-style escape: ``\x1b``, ``\u202e``, ``\U000e0001``."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _noncharacter(code: int) -> bool:
    """One of Unicode's 66 noncharacters (U+FDD0..U+FDEF, and U+xFFFE/U+xFFFF)."""
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def is_unsafe(ch: str) -> bool:
    """True for a character that must not reach a terminal as itself.

    Those are the controls (C0, DEL, C1), line and paragraph separators, lone surrogates,
    noncharacters, and invisible format characters (bidirectional overrides, isolates and
    marks, zero-width spaces), except the soft hyphen, the two zero-width joiners and the
    tag characters of emoji flags, which text needs.
    """
    category = unicodedata.category(ch)
    if category in {"Cc", "Cs", "Zl", "Zp"}:
        return True
    if category == "Cf":
        return ch not in _KEEP_FORMAT and ord(ch) not in _TAGS
    return _noncharacter(ord(ch))


def clean(text: str) -> str:
    r"""Text safe for a terminal, on one line.

    Tabs, line feeds and carriage returns become spaces; every other unsafe character
    (:func:`is_unsafe`) is shown as its escape (``\x1b``), so it cannot act on the
    terminal or start a line of its own.
    """
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(" " if ch in _SPACES else escape(ch) if is_unsafe(ch) else ch for ch in text)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _indented(value: object, indent: int, level: int) -> str:
    """``json.dumps(value, indent=indent, ensure_ascii=False)``, character for character.

    The standard library writes indented JSON in pure Python, one call per value; this
    writes every dict or list that holds no dict or list in one call of its C encoder,
    whose separators carry the line break and indent (an evaluation of a corpus is a few
    dicts of hundreds of thousands of numbers and labels).
    """
    if isinstance(value, dict | list | tuple) and value:
        inner = "\n" + " " * (indent * (level + 1))
        close = "\n" + " " * (indent * level)
        items = value.values() if isinstance(value, dict) else value
        if not any(isinstance(v, dict | list | tuple) for v in items):
            flat = json.dumps(value, ensure_ascii=False, separators=("," + inner, ": "))
            return flat[0] + inner + flat[1:-1] + close + flat[-1]
        if isinstance(value, dict):
            parts = [
                json.dumps(k if isinstance(k, str) else _key(k), ensure_ascii=False)
                + ": "
                + _indented(v, indent, level + 1)
                for k, v in value.items()
            ]
            return "{" + inner + ("," + inner).join(parts) + close + "}"
        parts = [_indented(v, indent, level + 1) for v in value]
        return "[" + inner + ("," + inner).join(parts) + close + "]"
    return json.dumps(value, ensure_ascii=False)


def _key(key: object) -> str:
    """A dict key that is not a string, as json.dumps writes it (it must be a scalar)."""
    text = json.dumps({key: 0}, ensure_ascii=False)  # raises TypeError as json.dumps does
    return str(json.loads(text[: text.rindex(":")] + ":0}").popitem()[0])


def safe_json(value: object, *, indent: int | None = 2) -> str:
    r"""JSON text of ``value`` with every unsafe character written as a ``\u`` escape.

    Other characters stay as they are (Hebrew stays Hebrew); the result reads back to the
    same value, and printing it cannot act on a terminal.
    """
    # The cycle collector is paused: a corpus's evaluation writes millions of strings and
    # no cycles, and each full collection would walk every object alive.
    collecting = gc.isenabled()
    gc.disable()
    try:
        text = (
            _indented(value, indent, 0)
            if isinstance(indent, int) and not isinstance(indent, bool) and indent >= 0
            else json.dumps(value, indent=indent, ensure_ascii=False)
        )
    finally:
        if collecting:
            gc.enable()
    if text.isprintable():
        return text
    # Each distinct character is looked at once (a corpus's JSON holds millions of
    # characters but few distinct ones). Unsafe characters can only stand inside strings
    # (JSON's own syntax is ASCII; its line feeds come from the indent), where a \u escape
    # means the same character.
    unsafe = {ord(ch): _json_escape(ch) for ch in set(text) if ch != "\n" and is_unsafe(ch)}
    return text.translate(unsafe) if unsafe else text
