"""The little YAML argmap needs for Argdown: flow collections, scalars, top-level keys.

Argdown carries metadata in YAML: ``{key: value}`` blocks after statements and arguments,
and a front matter between ``===`` lines. argmap reads what it uses from them without a
YAML library:

* flow collections (``{a: 1, b: [x, "y"]}``), which cover JSON, with plain, single- and
  double-quoted scalars, ``true``/``false``/``null`` and numbers;
* block mappings, as in a front matter: ``key: value`` lines nested by indentation,
  where a value is a scalar (which may continue on more indented lines) or a flow
  collection.

Anything else in a front matter (lists with ``-``, literal blocks) is kept as text,
untouched, and written back as it was. That is all argmap's own Argdown output
needs, and all it reads from other people's; a full YAML parser would be a dependency
for nothing.

What no format could write back is not read (a :class:`YamlError`): collections nested
more than :data:`MAX_DEPTH` levels (a map's metadata nests at most
:data:`~argmap._frozen.MAX_META_DEPTH`, and argmap's own data wraps it in two more),
numbers beyond the largest float (``1e400``), and integers longer than Python converts
(4,300 digits).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

from argmap._frozen import MAX_META_DEPTH

__all__ = [
    "MAX_DEPTH",
    "NOT_READ",
    "YamlError",
    "front_matter_blocks",
    "json_keys",
    "load_block",
    "load_flow",
    "load_scalar",
]

#: The deepest collections this reader reads: metadata's limit, and the two levels of
#: argmap's own data around it (``{"argmap": {"meta": ...}}``).
MAX_DEPTH = MAX_META_DEPTH + 2


class YamlError(ValueError):
    """Text that this small YAML reader cannot read."""


_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX = {"x": 2, "u": 4, "U": 8}
# The second half of a surrogate pair written as two \u escapes (group 1 is its hex).
_LOW_SURROGATE = re.compile(r"\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")


def load_scalar(text: str) -> Any:  # noqa: ANN401 - YAML scalars are of several types
    """The value of a plain (unquoted) scalar: null, a boolean, a number or the text."""
    text = text.strip()
    if text in {"", "~", "null", "Null", "NULL"}:
        return None
    if text in {"true", "True", "TRUE"}:
        return True
    if text in {"false", "False", "FALSE"}:
        return False
    if _INT.match(text):
        try:
            return int(text)
        except ValueError:  # (Python's limit on the digits it converts)
            msg = f"the integer {text[:8]}...{text[-8:]} has too many digits; quote it"
            raise YamlError(msg) from None
    if _FLOAT.match(text):
        value = float(text)
        if math.isinf(value):
            msg = f"the number {text[:20]} is beyond the largest float; quote it"
            raise YamlError(msg)
        return value
    return text


class _Flow:
    """A recursive-descent reader for one flow collection or scalar."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def fail(self, what: str) -> YamlError:
        return YamlError(f"{what} at character {self.pos + 1}")

    def skip(self) -> None:
        text, n = self.text, len(self.text)
        while self.pos < n:
            c = text[self.pos]
            if c in " \t\r\n":
                self.pos += 1
            elif c == "#" and (self.pos == 0 or text[self.pos - 1] in " \t\r\n"):
                while self.pos < n and text[self.pos] not in "\r\n":
                    self.pos += 1
            else:
                break

    def value(self, *, inside: bool) -> Any:  # noqa: ANN401 - any YAML value
        self.skip()
        if self.pos >= len(self.text):
            raise self.fail("a value is missing")
        c = self.text[self.pos]
        if c in "{[":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.fail(f"collections nested more than {MAX_DEPTH} levels deep")
            value = self.mapping() if c == "{" else self.sequence()
            self.depth -= 1
            return value
        if c == '"':
            return self.double()
        if c == "'":
            return self.single()
        return self.plain(inside=inside)

    def mapping(self) -> dict[Any, Any]:
        """Read a flow mapping: ``{key: value, ...}``."""
        out: dict[Any, Any] = {}
        for _ in self.items("}"):
            key = self.value(inside=True)
            self.skip()
            if self.pos < len(self.text) and self.text[self.pos] == ":":
                self.pos += 1
                value = self.value(inside=True)
            else:
                value = None
            if isinstance(key, dict | list):
                raise self.fail("a mapping key is a collection")
            out[key] = value
            self.skip()
        return out

    def sequence(self) -> list[Any]:
        """Read a flow sequence: ``[item, ...]``, where an item may be a one-entry mapping."""
        out: list[Any] = []
        for _ in self.items("]"):
            item = self.value(inside=True)
            self.skip()
            if self.pos < len(self.text) and self.text[self.pos] == ":":
                if isinstance(item, dict | list):
                    raise self.fail("a mapping key is a collection")
                self.pos += 1
                item = {item: self.value(inside=True)}
                self.skip()
            out.append(item)
        return out

    def items(self, close: str) -> Iterator[None]:
        """Walk a flow collection to ``close``: yield at each item, then take its comma.

        (A generator, so that reading nested collections costs no stack frames of its
        own: the depth limit, not Python's recursion limit, stops deep nesting.)
        """
        self.pos += 1
        while True:
            self.skip()
            if self.pos >= len(self.text):
                raise self.fail(f"a {close!r} is missing")
            if self.text[self.pos] == close:
                self.pos += 1
                return
            yield
            if self.pos < len(self.text) and self.text[self.pos] == ",":
                self.pos += 1
            elif self.pos >= len(self.text) or self.text[self.pos] != close:
                raise self.fail(f"expected ',' or {close!r}")

    def hex_escape(self, e: str) -> str:
        r"""The character of a ``\x``, ``\u`` or ``\U`` escape whose letter ``e`` is at pos.

        Two ``\u`` escapes that make a surrogate pair give one character, as in YAML's
        JavaScript readers; a lone surrogate, or a code beyond U+10FFFF, is no character.
        """
        text, size = self.text, _HEX[e]
        digits = text[self.pos + 1 : self.pos + 1 + size]
        if len(digits) != size or not re.fullmatch(r"[0-9a-fA-F]+", digits):
            raise self.fail("a bad \\x, \\u or \\U escape")
        code = int(digits, 16)
        if 0xD800 <= code <= 0xDBFF and (low := _LOW_SURROGATE.match(text, self.pos + 1 + size)):
            code = 0x10000 + ((code - 0xD800) << 10) + int(low[1], 16) - 0xDC00
            self.pos = low.end()
            return chr(code)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            self.pos -= 1
            raise self.fail(f"\\{e}{digits} is no character; remove the escape")
        self.pos += 1 + size
        return chr(code)

    def double(self) -> str:  # noqa: C901 - one branch per kind of escape
        text, n = self.text, len(self.text)
        self.pos += 1
        out: list[str] = []
        while self.pos < n:
            c = text[self.pos]
            if c == '"':
                self.pos += 1
                return "".join(out)
            if c == "\\":
                self.pos += 1
                if self.pos >= n:
                    break
                e = text[self.pos]
                if e in _HEX:
                    out.append(self.hex_escape(e))
                    continue
                if e in "\r\n":
                    # An escaped line break joins the lines.
                    self.pos += 2 if text.startswith("\r\n", self.pos) else 1
                    while self.pos < n and text[self.pos] in " \t":
                        self.pos += 1
                    continue
                if e not in _ESCAPES:
                    raise self.fail(f"an unknown escape \\{e}")
                out.append(_ESCAPES[e])
                self.pos += 1
                continue
            if c in "\r\n":
                # A line break inside a quoted scalar folds into a space.
                while self.pos < n and text[self.pos] in " \t\r\n":
                    self.pos += 1
                out.append(" ")
                continue
            out.append(c)
            self.pos += 1
        raise self.fail("a closing '\"' is missing")

    def single(self) -> str:
        """Read a single-quoted scalar, where ``''`` stands for one quote."""
        text = self.text
        out: list[str] = []
        start = self.pos + 1
        while (end := text.find("'", start)) != -1:
            out.append(text[start:end])
            if not text.startswith("''", end):
                self.pos = end + 1
                return "".join(out)
            out.append("'")
            start = end + 2
        self.pos = len(text)
        raise self.fail('a closing "\'" is missing')

    def plain(self, *, inside: bool) -> Any:  # noqa: ANN401 - a scalar of any type
        text, n = self.text, len(self.text)
        start = self.pos
        while self.pos < n:
            c = text[self.pos]
            if inside and c in ",[]{}":
                break
            if c == ":" and (self.pos + 1 >= n or text[self.pos + 1] in " \t\r\n,[]{}"):
                break
            if c == "#" and self.pos > start and text[self.pos - 1] in " \t":
                break
            self.pos += 1
        raw = " ".join(text[start : self.pos].split())
        if not raw:
            raise self.fail("a value is missing")
        return load_scalar(raw)


# JSON made only of strings without escapes or control characters, short numbers without
# exponents, true, false, null, brackets, commas, colons and spaces: the form argmap writes
# its data in. Such JSON means the same as YAML (the flow reader gives the same value).
# (The repetition is possessive: a text that is not so fails in linear time.)
_PLAIN_JSON = re.compile(
    r'(?:[ \t\r\n{}\[\],:]|"[^"\\\x00-\x1f]*"'
    r"|-?(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,16})?|true|false|null)*+\Z"
)
_NOT_PLAIN: Any = object()


def _plain_json(text: str, depth: int) -> Any:  # noqa: ANN401 - any JSON value
    """The value of ``text`` if it is plain JSON (see ``_PLAIN_JSON``), else ``_NOT_PLAIN``.

    Only where the YAML reader could not refuse it: valid JSON, with fewer brackets in
    all than :data:`MAX_DEPTH` allows to nest.
    """
    if text.count("{") + text.count("[") > MAX_DEPTH - depth or not _PLAIN_JSON.match(text):
        return _NOT_PLAIN
    try:
        return json.loads(text)
    except ValueError:
        return _NOT_PLAIN


def load_flow(text: str, depth: int = 0) -> Any:  # noqa: ANN401 - any YAML value
    """Read one flow value (``{...}``, ``[...]`` or a scalar) that fills ``text``.

    ``depth`` is how many collections it sits in (for :data:`MAX_DEPTH`).

    Raises:
        YamlError: if ``text`` is not such a value.
    """
    if (value := _plain_json(text, depth)) is not _NOT_PLAIN:
        return value
    reader = _Flow(text)
    reader.depth = depth
    value = reader.value(inside=False)
    reader.skip()
    if reader.pos != len(text):
        raise reader.fail("unexpected text after the value")
    return value


_KEY_LINE = re.compile(
    r"([^\s#'\"{\[\-][^:#]*?|\"[^\"]*\"|'[^']*')[ \t]*:(?:[ \t]+|$)(.*)\Z", re.DOTALL
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def load_block(lines: list[str], depth: int = 1) -> Any:  # noqa: ANN401, C901 - any YAML value; a branch per kind of line
    """Read a block mapping (``key: value`` lines, nested by indentation).

    Values are scalars (continued on more indented lines) or flow collections; block
    sequences (``- item``) and other block forms are not read.

    Raises:
        YamlError: for anything else, or collections nested more than
            :data:`MAX_DEPTH` levels deep (``depth`` is this mapping's level).
    """
    if depth > MAX_DEPTH:
        raise YamlError(f"collections nested more than {MAX_DEPTH} levels deep")
    lines = [line.rstrip("\r\n") for line in lines]
    body = [line for line in lines if _meaningful(line)]
    if not body:
        return None
    if "\t" in "".join(line[: _indent(line) + 1] for line in body):
        raise YamlError("tabs in indentation")
    out: dict[str, Any] = {}
    level = _indent(body[0])
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _meaningful(line):
            i += 1
            continue
        if _indent(line) != level:
            raise YamlError(f"unexpected indentation in line {line.strip()!r}")
        match = _KEY_LINE.match(line.strip())
        if match is None:
            raise YamlError(f"not a 'key: value' line: {line.strip()!r}")
        key, rest = _key(match.group(1)), match.group(2).strip()
        j = i + 1
        while j < len(lines) and (not _meaningful(lines[j]) or _indent(lines[j]) > level):
            j += 1
        nested = lines[i + 1 : j]
        if rest:
            out[key] = load_flow(rest + "\n" + "\n".join(nested), depth)
        elif any(_meaningful(n) for n in nested):
            out[key] = load_block(nested, depth + 1)
        else:
            out[key] = None
        i = j
    return out


def front_matter_blocks(text: str) -> list[tuple[str | None, str, Any]]:
    """Split a front matter into its top-level entries.

    Returns:
        For each entry, in order: its key (``None`` for lines that are no ``key: value``
        entry, such as comments), its text (the key line and the more indented lines
        after it), and its value when this reader understands it (see
        :func:`load_block`); otherwise the :data:`NOT_READ` marker.
    """
    blocks: list[tuple[str | None, list[str]]] = []
    for line in text.splitlines(keepends=True):
        if line[:1] in {" ", "\t"} or not line.strip():
            if blocks:
                blocks[-1][1].append(line)
            else:
                blocks.append((None, [line]))
            continue
        match = _KEY_LINE.match(line.rstrip("\r\n"))
        if match and not line.lstrip().startswith("#"):
            blocks.append((_key(match.group(1)), [line]))
        else:
            blocks.append((None, [line]))
    out: list[tuple[str | None, str, Any]] = []
    for key, lines in blocks:
        value: Any = NOT_READ
        if key is not None:
            try:
                value = load_block(lines)[key]
            except (YamlError, KeyError, TypeError, RecursionError):
                value = NOT_READ
        out.append((key, "".join(lines), value))
    return out


def _key(raw: str) -> str:
    raw = raw.strip()
    if raw[:1] == '"':
        try:
            return str(json.loads(raw))
        except ValueError:
            return raw.strip('"')
    if raw[:1] == "'":
        return raw[1:-1].replace("''", "'")
    return raw


class _NotRead:
    """The value of a front matter entry that this reader leaves as text."""

    def __repr__(self) -> str:
        return "NOT_READ"


#: The value :func:`front_matter_blocks` gives an entry it does not read.
NOT_READ: Any = _NotRead()


def json_keys(value: Any) -> Any:  # noqa: ANN401 - YAML in, JSON out
    """YAML allows keys of any type; JSON (and argmap's metadata) only strings."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else json.dumps(k): json_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_keys(v) for v in value]
    return value
