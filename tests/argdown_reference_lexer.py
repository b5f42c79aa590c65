"""Argdown's lexer as it was before its per-character dispatch (argmap 7225897): the reference.

tests/test_argdown_fast_paths.py checks that :mod:`argmap.io.argdown.lexer` gives exactly
the tokens this one gives (kinds, images, lines, columns, details) and the same errors.
It is kept as it was, token order and guards included; only this docstring is new.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import attrs

from argmap.errors import FormatError

__all__ = ["Lexer", "Token", "tokenize"]

# -- tokens -----------------------------------------------------------------------------------

# Token kinds.
FRONT_MATTER = "front matter"
DATA = "data"
ESCAPED = "escaped character"
SPECIAL = "special character"
EMPTYLINE = "empty line"
NEWLINE = "line break"
INDENT = "indentation"
DEDENT = "end of indentation"
INFERENCE_START = "inference start (--)"
INFERENCE_END = "inference end (--)"
LIST_DELIMITER = "','"
RELATION = "relation"
HEADING = "heading (#)"
STATEMENT_NUMBER = "statement number ((1))"
ORDERED_ITEM = "ordered list item"
UNORDERED_ITEM = "unordered list item"
BOLD_START = "bold start"
BOLD_END = "bold end"
ITALIC_START = "italic start"
ITALIC_END = "italic end"
LINK = "link"
TAG = "tag"
STATEMENT_DEFINITION = "statement definition ([Title]:)"
STATEMENT_REFERENCE = "statement reference ([Title])"
STATEMENT_MENTION = "statement mention (@[Title])"
ARGUMENT_DEFINITION = "argument definition (<Title>:)"
ARGUMENT_REFERENCE = "argument reference (<Title>)"
ARGUMENT_MENTION = "argument mention (@<Title>)"
FREESTYLE = "text"
CONTROL = "control character"
EOF = "end of input"


@attrs.define(slots=True)
class Token:
    """One token: its kind, the text it matched, where it starts, and (for some) a detail.

    ``detail`` is the relation symbol for relations, and ``"*"`` or ``"_"`` for bold and
    italic marks.
    """

    kind: str
    image: str
    line: int
    column: int
    detail: str = ""


# JavaScript's "." (any character but a line terminator) and "\s".
_DOT = r"[^\n\r\u2028\u2029]"
_JS_S = r"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_JS_NOT_S = r"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
# Argdown writes indentation as [' '\t]: a quote counts as indentation there too.
_INDENT = r"[' \t]*"

_COMMENT_BODY = (
    r"(?:<!--[^\u2028\u2029]*?-->)|(?:/\*[^\u2028\u2029]*?\*/)|(?://" + _DOT + r"*?(?=\r\n|\n|\r))"
)
_COMMENT = re.compile(_COMMENT_BODY)
_COMMENT_AFTER_EMPTYLINE = re.compile(r"(?:" + _COMMENT_BODY + r")(?:[ \t]*\r\n|\n|\r)*")
_COMMENT_AFTER_NEWLINE = re.compile(
    r"(?:" + _COMMENT_BODY + r")(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?"
)
_FRONT_MATTER = re.compile(r"===+[\s\S]*?===+")
_DATA = re.compile(r"\{(?:(?!\}" + _JS_S + r"[^,}])(?:" + _DOT + r"|\n))*\}(?!" + _JS_S + "*[,}])")
_ESCAPED = re.compile(r"\\" + _DOT + r"(?: )*")
_SPECIAL = re.compile(r"(?:\." + _JS_NOT_S + r"+?\.[ \t]?)|(?::" + _JS_NOT_S + r"+?:[ \t]?)")
_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_INFERENCE_START = re.compile(_INDENT + r"-{2}")
# The relation symbols, in the order Argdown tries them.
_RELATIONS = [
    (re.compile("(" + _INDENT + r")(\+>)"), "+>"),
    (re.compile("(" + _INDENT + r")(->)"), "->"),
    (re.compile("(" + _INDENT + r")(<?\+)"), "+"),
    (re.compile("(" + _INDENT + r")(<?-)"), "-"),
    (re.compile("(" + _INDENT + r")(><)"), "><"),
    (re.compile("(" + _INDENT + r")(_>)"), "_>"),
    (re.compile("(" + _INDENT + r")(<_|_(?=" + _JS_S + "))"), "_"),
]
_HEADING = re.compile(r"(#+) ")
_STATEMENT_NUMBER = re.compile(_INDENT + r"\([0-9]+\)")
_ORDERED_ITEM = re.compile("(" + _INDENT + r")[0-9]+\.(?=" + _JS_S + ")")
_UNORDERED_ITEM = re.compile("(" + _INDENT + r")\*(?=" + _JS_S + ")")
_END_FOLLOW = r"(?:[ \t]|(?=[\n\r)}_.,!?;:\-*]|\Z))"
_BOLD_ITALIC = [
    # (kind, style, pattern): ends first, then starts, as Argdown tries them.
    (BOLD_END, "*", re.compile(r"\*\*" + _END_FOLLOW)),
    (BOLD_END, "_", re.compile(r"__" + _END_FOLLOW)),
    (ITALIC_END, "*", re.compile(r"\*" + _END_FOLLOW)),
    (ITALIC_END, "_", re.compile(r"_" + _END_FOLLOW)),
    (BOLD_START, "*", re.compile(r"\*\*(?!" + _JS_S + ")")),
    (BOLD_START, "_", re.compile(r"__(?!" + _JS_S + ")")),
    (ITALIC_START, "*", re.compile(r"\*(?!" + _JS_S + ")")),
    (ITALIC_START, "_", re.compile(r"_(?!" + _JS_S + ")")),
]
_TAG_CHARS = r"a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"
_REST = [
    # (kind, pattern, the text it starts with)
    (LINK, re.compile(r"\[[^\]]+?\]\([^)]+?\)[ \t]?"), "["),
    (TAG, re.compile(r"#(?:\([^)]+\)|[" + _TAG_CHARS + r"]+)[ \t]?"), "#"),
    (STATEMENT_DEFINITION, re.compile(r"\[" + _DOT + r"+?\]:"), "["),
    (STATEMENT_REFERENCE, re.compile(r"\[[^-]" + _DOT + r"*?\]"), "["),
    (STATEMENT_MENTION, re.compile(r"@\[" + _DOT + r"+?\][ \t]?"), "@["),
    (ARGUMENT_DEFINITION, re.compile(r"<" + _DOT + r"+?>:"), "<"),
    (ARGUMENT_REFERENCE, re.compile(r"<[^-]" + _DOT + r"*?>"), "<"),
    (ARGUMENT_MENTION, re.compile(r"@<" + _DOT + r"+?>[ \t]?"), "@<"),
]
_STATEMENT_KINDS = {STATEMENT_DEFINITION, STATEMENT_REFERENCE, STATEMENT_MENTION}
_SPACES = re.compile(r"[ \t]+")
_FREESTYLE = re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+")
_CONTROL = re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?")
_INFERENCE_END = re.compile(r"-{2,}")
_LIST_DELIMITER = re.compile(",")
_LINE_BREAK = re.compile(r"\r\n?|\n")
# Where a data block opened before it can no longer close: a "}" followed by a space and
# more text, or a character its body may not hold.
_DATA_STOP = re.compile(r"\}" + _JS_S + r"[^,}]|[\r\u2028\u2029]")
_LINE_TERMINATORS = "\n\r\u2028\u2029"


class _Finder:
    """The next occurrence of a fixed string at or after an offset, remembered.

    The lexer asks where the next ``]`` (or ``-->``, or line end) is at nearly every
    position; searching afresh each time makes a long line of ``[`` quadratic. The last
    answer stays right for every later offset up to it, so the scans add up to one pass.
    """

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle = text, needle
        self.start, self.found = len(text) + 1, len(text)

    def __call__(self, start: int) -> int:
        """Return the offset of the first occurrence at or after ``start``, or the text's length."""
        if self.start <= start <= self.found:
            return self.found
        if start < self.start <= self.found:
            hit = self.text.find(self.needle, start, self.start + len(self.needle) - 1)
            self.found = hit if hit != -1 else self.found
        else:
            hit = self.text.find(self.needle, start)
            self.found = hit if hit != -1 else len(self.text)
        self.start = start
        return self.found


class Lexer:
    """Turns Argdown text into tokens, as Argdown's own lexer does."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.indents = [0]
        self.ranges: list[str] = []
        self.inference_mode = False
        self.last_skipped_end = -1
        self.last_matched_end = -1
        # Line starts, for turning offsets into lines and columns.
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        # Guards that keep lexing linear: see ``could_match`` and ``data``.
        self.finders: dict[str, _Finder] = {}
        self.no_data_before = -1

    def where(self, offset: int) -> tuple[int, int]:
        """The line and column (both from 1) of an offset."""
        lo = max(bisect_right(self.line_starts, offset) - 1, 0)  # the last start <= offset
        return lo + 1, offset - self.line_starts[lo] + 1

    def emit(self, kind: str, image: str, offset: int, detail: str = "") -> None:
        """Add a token of ``kind`` matched at ``offset``."""
        line, column = self.where(offset)
        self.tokens.append(Token(kind, image, line, column, detail))
        self.last_matched_end = offset + len(image)

    def last_kind(self) -> str | None:
        """The kind of the last token, or None before the first."""
        return self.tokens[-1].kind if self.tokens else None

    def dedent_all(self, offset: int) -> None:
        """Close every open indentation (a Dedent token each)."""
        while len(self.indents) > 1:
            self.indents.pop()
            self.emit(DEDENT, "", offset)

    def indent_to(self, width: int, offset: int) -> None:
        """Open an indentation, or close those deeper than ``width``."""
        if width > self.indents[-1]:
            self.indents.append(width)
            self.emit(INDENT, "", offset)
            return
        while len(self.indents) > 1 and width < self.indents[-1]:
            self.indents.pop()
            self.emit(DEDENT, "", offset)

    def run(self) -> list[Token]:
        """Return the tokens of the whole text."""
        text, pos, n = self.text, 0, len(self.text)
        while pos < n:
            step = self.step_inference(pos) if self.inference_mode else self.step(pos)
            if step <= pos:
                line, column = self.where(pos)
                msg = (
                    f"Argdown: line {line}, column {column}: cannot read {text[pos]!r}; "
                    "escape it with a backslash"
                )
                raise FormatError(msg, line=line, column=column)
            pos = step
        if self.tokens and self.tokens[-1].kind == EMPTYLINE:
            self.tokens.pop()
        self.dedent_all(n)
        return self.tokens

    def skipped(self, end: int) -> int:
        """Note text skipped up to ``end`` (spaces, a comment) and return ``end``."""
        self.last_skipped_end = end
        return end

    def next(self, needle: str, start: int) -> int:
        """Return where ``needle`` next occurs at or after ``start`` (else the text's length)."""
        if (finder := self.finders.get(needle)) is None:
            finder = self.finders[needle] = _Finder(self.text, needle)
        return finder(start)

    def line_end(self, start: int) -> int:
        """Return the offset of the first line terminator at or after ``start``."""
        return min(self.next(char, start) for char in _LINE_TERMINATORS)

    def could_comment(self, pos: int) -> bool:
        """Say whether a comment could start at ``pos``: its end lies ahead.

        A necessary condition, checked with remembered searches. Without it, each ``//`` or
        ``<!--`` of a long text would scan to the end before failing, and lexing would take
        quadratic time.
        """
        text, n = self.text, len(self.text)
        if text.startswith("//", pos):
            end = min(self.next("\n", pos + 2), self.next("\r", pos + 2))
        else:
            closer = (
                "-->"
                if text.startswith("<!--", pos)
                else "*/"
                if text.startswith("/*", pos)
                else ""
            )
            if not closer:
                return False
            end = self.next(closer, pos + 4 if closer == "-->" else pos + 2)
        return end < n and end <= min(self.next("\u2028", pos), self.next("\u2029", pos))

    def could_bracket(self, kind: str, pos: int) -> bool:
        """Say whether a link, tag, definition, reference or mention could start at ``pos``.

        A necessary condition, as for comments: the closing mark lies ahead, on the same line
        where the pattern wants it there.
        """
        text = self.text
        opening = text[pos : pos + 2]
        if kind == LINK:
            close = self.next("]", pos + 1)
            if close < pos + 2 or text[close + 1 : close + 2] != "(":
                return False
            return pos + 3 <= self.next(")", close + 2) < len(text)
        if kind == TAG:
            return opening != "#(" or pos + 3 <= self.next(")", pos + 2) < len(text)
        closer = "]" if kind in _STATEMENT_KINDS else ">"
        if kind in {STATEMENT_MENTION, ARGUMENT_MENTION}:
            return self.next(closer, pos + 3) < self.line_end(pos + 2)
        if kind in {STATEMENT_DEFINITION, ARGUMENT_DEFINITION}:
            return self.next(closer + ":", pos + 2) < self.line_end(pos + 1)
        return opening[1:] not in {"", "-"} and self.next(closer, pos + 2) < self.line_end(pos + 2)

    def data(self, pos: int) -> re.Match[str] | None:
        """Match a data block (``{...}``) at ``pos``, remembering where none can start.

        When a block opened at ``pos`` cannot close, no block opened later before the next
        stop (see ``_DATA_STOP``) can close either: its possible ends are a subset.
        """
        if pos < self.no_data_before or not self.text.startswith("{", pos):
            return None
        if match := _DATA.match(self.text, pos):
            return match
        stop = _DATA_STOP.search(self.text, pos + 1)
        self.no_data_before = stop.start() if stop else len(self.text)
        return None

    def comment(self, pos: int) -> int | None:
        """Skip a comment at ``pos``: return where it ends, or None if there is none."""
        if not self.could_comment(pos):
            return None
        last = self.last_kind()
        pattern = (
            _COMMENT_AFTER_EMPTYLINE
            if last == EMPTYLINE
            else _COMMENT_AFTER_NEWLINE
            if last == NEWLINE
            else _COMMENT
        )
        match = pattern.match(self.text, pos)
        return self.skipped(match.end()) if match else None

    def step_inference(self, pos: int) -> int:
        """Read one token inside an inference (between ``--`` lines); return where it ends."""
        text = self.text
        if (end := self.comment(pos)) is not None:
            return end
        for kind, pattern in (
            (NEWLINE, _NEWLINE),
            (ESCAPED, _ESCAPED),
            (SPECIAL, _SPECIAL),
            (INFERENCE_END, _INFERENCE_END),
            (DATA, _DATA),
            (LIST_DELIMITER, _LIST_DELIMITER),
        ):
            if match := (self.data(pos) if kind == DATA else pattern.match(text, pos)):
                self.emit(kind, match.group(), pos)
                if kind == INFERENCE_END:
                    self.inference_mode = False
                return match.end()
        return self.text_or_spaces(pos)

    def step(self, pos: int) -> int:  # noqa: C901, PLR0911, PLR0912 - Argdown's token order
        """Read one token (kinds tried in Argdown's order); return its end, or ``pos`` if none."""
        text = self.text
        if (end := self.comment(pos)) is not None:
            return end
        for kind, pattern in ((FRONT_MATTER, _FRONT_MATTER), (DATA, _DATA)):
            if match := (self.data(pos) if kind == DATA else pattern.match(text, pos)):
                self.emit(kind, match.group(), pos)
                return match.end()
        for kind, pattern in ((ESCAPED, _ESCAPED), (SPECIAL, _SPECIAL)):
            if match := pattern.match(text, pos):
                self.emit(kind, match.group(), pos)
                return match.end()
        last = self.last_kind()
        if last != EMPTYLINE and (match := _EMPTYLINE.match(text, pos)):
            if match.end() < len(text):
                self.dedent_all(pos)
            self.emit(EMPTYLINE, match.group(), pos)
            return match.end()
        if match := _NEWLINE.match(text, pos):
            self.emit(NEWLINE, match.group(), pos)
            return match.end()
        line_start = last is None or last in {NEWLINE, EMPTYLINE}
        if (last is None or last == NEWLINE) and (match := _INFERENCE_START.match(text, pos)):
            self.dedent_all(pos)
            self.emit(INFERENCE_START, match.group(), pos)
            self.inference_mode = True
            return match.end()
        if line_start:
            for pattern, symbol in _RELATIONS:
                if match := pattern.match(text, pos):
                    self.indent_to(len(match.group(1)), pos)
                    self.emit(RELATION, match.group(), pos, symbol)
                    return match.end()
            if match := _HEADING.match(text, pos):
                self.emit(HEADING, match.group(), pos)
                return match.end()
            if match := _STATEMENT_NUMBER.match(text, pos):
                self.dedent_all(pos)
                self.emit(STATEMENT_NUMBER, match.group(), pos)
                return match.end()
            for kind, pattern in ((ORDERED_ITEM, _ORDERED_ITEM), (UNORDERED_ITEM, _UNORDERED_ITEM)):
                if match := pattern.match(text, pos):
                    self.indent_to(len(match.group(1)) + 1, pos)
                    self.emit(kind, match.group(), pos)
                    return match.end()
        for kind, style, pattern in _BOLD_ITALIC:
            if (end := self.bold_or_italic(pos, kind, style, pattern)) is not None:
                return end
        for kind, pattern, opening in _REST if text[pos] in "[<@#" else ():
            if (
                text.startswith(opening, pos)
                and self.could_bracket(kind, pos)
                and (match := pattern.match(text, pos))
            ):
                self.emit(kind, match.group(), pos)
                return match.end()
        return self.text_or_spaces(pos)

    def text_or_spaces(self, pos: int) -> int:
        """Skip spaces, or read text or a control character; return the end (``pos`` if none)."""
        text = self.text
        if match := _SPACES.match(text, pos):
            return self.skipped(match.end())
        for kind, pattern in ((FREESTYLE, _FREESTYLE), (CONTROL, _CONTROL)):
            if match := pattern.match(text, pos):
                self.emit(kind, match.group(), pos)
                return match.end()
        return pos

    def bold_or_italic(
        self, pos: int, kind: str, style: str, pattern: re.Pattern[str]
    ) -> int | None:
        """Read a bold or italic mark at ``pos``, keeping opened marks paired with closing ones."""
        range_name = ("bold" if kind in {BOLD_START, BOLD_END} else "italic") + style
        if kind in {BOLD_END, ITALIC_END}:
            if not self.ranges or self.ranges[-1] != range_name:
                return None
            if not self.tokens or self.last_skipped_end > self.last_matched_end:
                return None
            if match := pattern.match(self.text, pos):
                self.ranges.pop()
                self.emit(kind, match.group(), pos, style)
                return match.end()
            return None
        if match := pattern.match(self.text, pos):
            self.ranges.append(range_name)
            self.emit(kind, match.group(), pos, style)
            return match.end()
        return None


def tokenize(text: str) -> list[Token]:
    """Return the tokens of an Argdown text.

    Raises:
        FormatError: for a character no token can start with (a lone backslash at the end).
    """
    return Lexer(text).run()
