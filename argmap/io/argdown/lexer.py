"""Argdown's lexer: the tokens of an Argdown document, as Argdown 1.7 makes them.

It follows ``@argdown/core``'s lexer closely, quirks included, so that a document parses
here exactly when it parses there: the same tokens (relation symbols only at the start of
a line, indentation as Indent and Dedent tokens, empty lines between paragraphs, an
inference mode between ``--`` lines), tried in the same order. :mod:`.parser` reads the
tokens into a tree.

For speed, each kind is tried only at a character it can start with (text, the most
common, in one step where nothing else can start), what only starts a line is one
pattern, and plain titles (``[T]:``, ``<T>``) are read without trying each pattern; the
order and the outcome are Argdown's all the same. ``tests/test_argdown_fast_paths.py``
checks every token, line and column against the lexer as it was before (kept in
``tests/argdown_reference_lexer.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

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
_RELATION_SYMBOLS = [
    (r"\+>", "+>"),
    (r"->", "->"),
    (r"<?\+", "+"),
    (r"<?-", "-"),
    (r"><", "><"),
    (r"_>", "_>"),
    (r"<_|_(?=" + _JS_S + ")", "_"),
]
_HEADING = re.compile(r"(#+) ")
_STATEMENT_NUMBER = re.compile(_INDENT + r"\([0-9]+\)")
# What only starts a line, in Argdown's order, as one pattern: an alternation takes the
# first alternative that matches, as trying each pattern in turn does. Group ``i`` is the
# indentation; the name of the group that matched says what it is (``r0``... a relation).
_LINE_START_PARTS = [
    *(f"(?P<r{k}>(?P<i{k}>{_INDENT})(?:{body}))" for k, (body, _) in enumerate(_RELATION_SYMBOLS)),
    f"(?P<heading>{_HEADING.pattern})",
    f"(?P<number>{_STATEMENT_NUMBER.pattern})",
    f"(?P<ordered>(?P<io>{_INDENT})[0-9]+\\.(?={_JS_S}))",
    f"(?P<unordered>(?P<iu>{_INDENT})\\*(?={_JS_S}))",
]
_LINE_START_RE = re.compile("|".join(_LINE_START_PARTS))
# After a line break (or at the start), an inference line comes first.
_LINE_START_AFTER_BREAK = re.compile(
    "|".join([f"(?P<inference>{_INFERENCE_START.pattern})", *_LINE_START_PARTS])
)
_RELATION_GROUPS = {f"r{k}": (f"i{k}", symbol) for k, (_, symbol) in enumerate(_RELATION_SYMBOLS)}
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
_TERMINATOR = re.compile(r"[\n\r\u2028\u2029]")
# What str.splitlines takes for a line break besides "\n" (and Argdown's "\r"): with none
# in a text, its line starts are found in one C-level pass (see Lexer.__init__).
_OTHER_BREAKS = re.compile(r"[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# The characters a token other than text (``_FREESTYLE``) may start with, in the middle of
# a line, and at its start (where a quote, ``+``, ``>`` or a digit may begin a relation, an
# inference line, a numbered statement or a list item). Text starts where no other may.
_NOT_TEXT = frozenset("\\@#*_[],.:;</>-\r\n(){}= \t")
_NOT_TEXT_AT_LINE_START = _NOT_TEXT | frozenset("'+0123456789")
_LINE_START = frozenset({None, NEWLINE, EMPTYLINE})


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
        self.last: str | None = None  # the kind of the last token
        # Line starts, for turning offsets into lines and columns (with a stop past the
        # end), and the line ``emit`` was last at: tokens come in order, so it moves on.
        # Where the only line terminator is "\n" (which splitlines then finds alone, fast),
        # the first terminator after an offset is just before the next line start.
        self.only_newlines = _OTHER_BREAKS.search(text) is None
        if self.only_newlines:
            self.line_starts = [0, *accumulate(map(len, text.splitlines(keepends=True)))]
            if text and not text.endswith("\n"):
                self.line_starts.pop()  # (the end of a last line without a line break)
        else:
            self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.line_starts.append(len(text) + 1)
        self.line = 0
        # Guards that keep lexing linear: see ``could_match`` and ``data``.
        self.finders: dict[str, _Finder] = {}
        self.no_data_before = -1
        self.terminators = (
            [] if self.only_newlines else [m.start() for m in _TERMINATOR.finditer(text)]
        )

    def where(self, offset: int) -> tuple[int, int]:
        """The line and column (both from 1) of an offset."""
        lo = max(bisect_right(self.line_starts, offset) - 1, 0)  # the last start <= offset
        return lo + 1, offset - self.line_starts[lo] + 1

    def emit(self, kind: str, image: str, offset: int, detail: str = "") -> None:
        """Add a token of ``kind`` matched at ``offset`` (at or after the last token's)."""
        starts, line = self.line_starts, self.line
        while starts[line + 1] <= offset:
            line += 1
        self.line = line
        self.tokens.append(Token(kind, image, line + 1, offset - starts[line] + 1, detail))
        self.last = kind
        self.last_matched_end = offset + len(image)

    def last_kind(self) -> str | None:
        """The kind of the last token, or None before the first."""
        return self.last

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
            self.last = self.tokens[-1].kind if self.tokens else None
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
        """Return where the first line terminator at or after ``start`` is (else the length)."""
        if self.only_newlines:
            starts = self.line_starts
            return starts[bisect_right(starts, start)] - 1
        ends = self.terminators
        i = bisect_left(ends, start)
        return ends[i] if i < len(ends) else len(self.text)

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
        char = text[pos]
        if char not in _NOT_TEXT:  # text: no other token starts with this character
            return self.text_or_spaces(pos)
        if char in "/<" and (end := self.comment(pos)) is not None:
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
        """Read one token (kinds tried in Argdown's order); return its end, or ``pos`` if none.

        Each kind is tried only at a character it can start with, which leaves the order
        and the outcome as they were and saves trying most of them at most characters.
        """
        text = self.text
        char = text[pos]
        last = self.last
        line_start = last in _LINE_START
        if char not in (_NOT_TEXT_AT_LINE_START if line_start else _NOT_TEXT):
            match = _FREESTYLE.match(text, pos)
            if match is None:  # pragma: no cover - every character outside _NOT_TEXT is text
                return pos
            self.emit(FREESTYLE, match.group(), pos)
            return match.end()
        if char in {"[", "<"} and (end := self.title(pos, char)) is not None:
            return end
        if char in "/<" and (end := self.comment(pos)) is not None:
            return end
        if char == "=" and (match := _FRONT_MATTER.match(text, pos)):
            self.emit(FRONT_MATTER, match.group(), pos)
            return match.end()
        if char == "{" and (match := self.data(pos)):
            self.emit(DATA, match.group(), pos)
            return match.end()
        if char == "\\" and (match := _ESCAPED.match(text, pos)):
            self.emit(ESCAPED, match.group(), pos)
            return match.end()
        if char in ".:" and (match := _SPECIAL.match(text, pos)):
            self.emit(SPECIAL, match.group(), pos)
            return match.end()
        if char in " \t\r\n":
            if last != EMPTYLINE and (match := _EMPTYLINE.match(text, pos)):
                if match.end() < len(text):
                    self.dedent_all(pos)
                self.emit(EMPTYLINE, match.group(), pos)
                return match.end()
            if match := _NEWLINE.match(text, pos):
                self.emit(NEWLINE, match.group(), pos)
                return match.end()
        if (
            line_start
            and char in "' \t+-<>_#(*0123456789"
            and (end := self.line_start(pos, last)) is not None
        ):
            return end
        if char in "*_":
            for kind, style, pattern in _BOLD_ITALIC:
                if (end := self.bold_or_italic(pos, kind, style, pattern)) is not None:
                    return end
        elif char in "[<@#":
            for kind, pattern, opening in _REST:
                if (
                    text.startswith(opening, pos)
                    and self.could_bracket(kind, pos)
                    and (match := pattern.match(text, pos))
                ):
                    self.emit(kind, match.group(), pos)
                    return match.end()
        return self.text_or_spaces(pos)

    def title(self, pos: int, opening: str) -> int | None:
        """Read a plain definition or reference (``[T]:``, ``[T]``, ``<T>:``, ``<T>``) at ``pos``.

        The common case, read without trying each pattern: the title is not empty, does
        not start with ``-`` and closes on its line, and what follows leaves no doubt (not
        ``(``, which may make a link, and no ``]:`` or ``>:`` later on the line, where the
        lazy definition pattern would reach). Anything else returns None for the patterns
        to decide; where this reads a token they read the same one.
        """
        text = self.text
        second = text[pos + 1 : pos + 2]
        if opening == "<" and second in {"!", "+", "-", "_"}:  # a comment or a relation
            return None
        if second in {"", "-"}:
            return None
        closer = "]" if opening == "[" else ">"
        close = self.next(closer, pos + 1)
        end = self.line_end(pos + 1)
        if not pos + 1 < close < end:
            return None
        after = text[close + 1 : close + 2]
        if after == ":":
            kind = STATEMENT_DEFINITION if opening == "[" else ARGUMENT_DEFINITION
            self.emit(kind, text[pos : close + 2], pos)
            return close + 2
        if after == "(" or self.next(closer + ":", close + 1) < end:
            return None
        kind = STATEMENT_REFERENCE if opening == "[" else ARGUMENT_REFERENCE
        self.emit(kind, text[pos : close + 1], pos)
        return close + 1

    def line_start(self, pos: int, last: str | None) -> int | None:
        """Read what only starts a line; return its end, or None if there is none at ``pos``.

        That is an inference line, a relation, a heading, a numbered statement or a list
        item, tried in Argdown's order (one pattern, see ``_LINE_START_RE``).
        """
        pattern = _LINE_START_AFTER_BREAK if last is None or last == NEWLINE else _LINE_START_RE
        match = pattern.match(self.text, pos)
        if match is None:
            return None
        name, image = match.lastgroup, match.group()
        if name in _RELATION_GROUPS:
            indent, symbol = _RELATION_GROUPS[name]
            self.indent_to(len(match.group(indent)), pos)
            self.emit(RELATION, image, pos, symbol)
        elif name == "number":
            self.dedent_all(pos)
            self.emit(STATEMENT_NUMBER, image, pos)
        elif name == "inference":
            self.dedent_all(pos)
            self.emit(INFERENCE_START, image, pos)
            self.inference_mode = True
        elif name == "heading":
            self.emit(HEADING, image, pos)
        elif name == "ordered":
            self.indent_to(len(match.group("io")) + 1, pos)
            self.emit(ORDERED_ITEM, image, pos)
        else:
            self.indent_to(len(match.group("iu")) + 1, pos)
            self.emit(UNORDERED_ITEM, image, pos)
        return match.end()

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
