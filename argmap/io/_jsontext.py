r"""Strict JSON text: the one parser behind every JSON-based reader (native JSON, AIF).

:func:`parse` reads JSON text the way argmap's formats need it read, or raises a
:class:`~argmap.FormatError` that names the line and column:

* a key repeated in one object is refused (Python's ``json`` would keep the last);
* ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON numbers, and are refused;
* what no format could write back is refused when read, not when written: a number
  beyond the largest float (``1e400``), and an integer longer than Python converts;
* a lone surrogate, raw or as a ``\u`` escape with no partner (``"\ud800"``), is no
  character, and no file can store it.

:func:`parse_counted` parses the same way but leaves the repeated-key check to its caller,
which counts the keys of what it read against the text's ``:`` (native JSON reads large
documents this way: Python's parser then makes its objects without a call back per
object). :func:`type_name` names a JSON value's type the way messages about JSON data do.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any

from argmap._checks import shown
from argmap.errors import FormatError, ParameterError
from argmap.io._shared import line_column, refuse_lone_surrogates

__all__ = ["colons_in", "parse", "parse_counted", "type_name"]

_TYPE_NAMES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}
# A \u escape of a surrogate, in text and in bytes: where a lone one may hide.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")


def type_name(value: object) -> str:
    """The type of a JSON value, for a message: "an object", "a string", "null"..."""
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _reject_constant(name: str) -> float:
    msg = f"{name} is not a JSON number; use a number from 0 to 1"
    raise ValueError(msg)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)  # one C-level step; a key given twice makes it shorter
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    for k, _ in pairs:
        if k in seen:
            msg = f"key {k!r} appears twice in one object; keep one"
            raise ValueError(msg)
        seen.add(k)
    raise AssertionError  # pragma: no cover - a shorter dict means a repeated key


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_surrogates_fast(text: str | bytes | bytearray) -> None:
    """Raise if the text holds a lone surrogate; a quick search first, the walk only then."""
    if isinstance(text, str):
        # Encoding stops at a raw surrogate; it is ten times faster than a regex for one.
        if (text.isascii() or _encodes(text)) and _SURROGATE_ESCAPE.search(text) is None:
            return
    elif _SURROGATE_ESCAPE_BYTES.search(text) is None:
        return  # (bytes hold no raw surrogate: they are not UTF-8, and json refused them)
    else:
        text = bytes(text).decode(json.detect_encoding(text))
    refuse_lone_surrogates(text, escapes=True)


def parse(text: str | bytes | bytearray) -> Any:  # noqa: ANN401 - JSON is untyped
    r"""Parse JSON text strictly (no NaN, no repeated keys) or raise :class:`FormatError`.

    Text that holds a lone surrogate (``"\ud800"``) is refused too: no file can store it.

    Raises:
        FormatError: if the text is not JSON.
        ParameterError: if ``text`` is neither text nor bytes.
    """
    return _decode(text, _no_duplicates)


def parse_counted(text: str) -> tuple[Any, int]:
    """Parse JSON text as :func:`parse` does, except that repeated keys are left to the caller.

    Python's own objects are made without a call back per object (two to three times
    faster on large documents); a key given twice in one object then keeps its last value
    silently. So the caller must check that the objects read hold as many keys as the
    text has pairs: it gets the number of ``:`` in the text, which equals the number of
    keys of every object read plus the ``:`` inside strings exactly when no key repeats
    (see :func:`colons_in`). When the counts differ, :func:`parse` says what is wrong.

    Raises:
        FormatError: as :func:`parse` (for text with a repeated key and another error, the
            error found first may differ: callers re-read with :func:`parse` to report).
    """
    return _decode(text, None), text.count(":")


#: A ``\u`` escape of ":", which a string's text holds as six characters: where a count of
#: ":" in decoded strings would be more than the text's.
_COLON_ESCAPE = re.compile(r"\\u003[aA]")


def colons_in(text: str, strings: Iterable[str]) -> int | None:
    """How many ``:`` the strings read from ``text`` held in the text (None if unknown).

    Unknown when the text escapes a colon (``\u003a``), which is one ``:`` once decoded.
    """
    if _COLON_ESCAPE.search(text) is not None:
        return None
    return "".join(strings).count(":")


def _decode(
    text: str | bytes | bytearray,
    hook: Callable[[list[tuple[str, Any]]], dict[str, Any]] | None,
) -> Any:  # noqa: ANN401 - JSON is untyped
    if not isinstance(text, str | bytes | bytearray):
        msg = f"JSON text must be a string or bytes, not {shown(text)}"
        raise ParameterError(msg)
    try:
        data = json.loads(
            text,
            object_pairs_hook=hook,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
        )
    except _TooLargeError as exc:
        raise _number_error(
            text, re.escape(exc.literal), "too large: it would be infinity"
        ) from None
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise FormatError(msg, line=exc.lineno, column=exc.colno) from None
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text: {exc.reason} at byte {exc.start}"
        raise FormatError(msg) from None
    except RecursionError:
        msg = "not readable JSON: nested too deeply"
        raise FormatError(msg) from None
    except ValueError as exc:
        limit = sys.get_int_max_str_digits()
        if limit and re.search(rb"[0-9]{%d}" % (limit + 1), _as_bytes(text)):
            digits = f"[0-9]{{{limit + 1},}}"
            raise _number_error(
                text, digits, f"longer than the {limit} digits Python reads"
            ) from None
        raise FormatError(f"not valid JSON: {exc}") from None
    _refuse_surrogates_fast(text)
    return data


class _TooLargeError(ValueError):
    """A number literal that would be read as infinity."""

    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _finite_float(literal: str) -> float:
    """``float(literal)``, unless it is beyond the largest float (``1e400``)."""
    value = float(literal)
    if math.isinf(value):
        raise _TooLargeError(literal)
    return value


def _as_bytes(text: str | bytes | bytearray) -> bytes:
    return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)


def _number_error(text: str | bytes | bytearray, pattern: str, why: str) -> FormatError:
    """The error for a number no format can write back: where it is, and what to do.

    Metadata must be writable in every format (see :mod:`argmap._frozen`), so such a
    number is refused when read, not when written.
    """
    if not isinstance(text, str):
        text = bytes(text).decode(json.detect_encoding(text), "replace")
    found = re.search(r"(?<![\w.+-])-?" + pattern + r"(?![\w.])", text)
    if found is None:  # pragma: no cover - the parser met the number somewhere
        return FormatError(f"not readable JSON: a number is {why}; write a smaller one")
    line, column = line_column(text, found.start())
    number = found.group()
    number = number if len(number) <= 20 else f"{number[:8]}...{number[-8:]}"
    msg = (
        f"not readable JSON: the number {number} at line {line}, column {column} is {why}; "
        "write a smaller number (or the number as a string)"
    )
    return FormatError(msg, line=line, column=column)
