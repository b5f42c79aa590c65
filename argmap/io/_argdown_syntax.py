"""Argdown's syntax: a lexer and a parser that build the tree of an Argdown document.

They follow the grammar of Argdown 1.7 (``@argdown/core``) closely, quirks included, so
that a document parses here exactly when it parses there: the same tokens (relation
symbols only at the start of a line, indentation as Indent and Dedent tokens, empty
lines between paragraphs, an inference mode between ``--`` lines), tried in the same
order, and the same rules. Errors carry the line and column of the token at fault.

The tree (:class:`Paragraph` and its kin) is plain data; :mod:`argmap.io.argdown` turns
it into statements, arguments and relations.
"""

from __future__ import annotations

import re
from typing import TypeAlias

import attrs

from argmap.errors import FormatError

__all__ = ["Document", "parse_tree"]

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


class _Lexer:
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
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.line_starts[lo] + 1

    def emit(self, kind: str, image: str, offset: int, detail: str = "") -> None:
        line, column = self.where(offset)
        self.tokens.append(Token(kind, image, line, column, detail))
        self.last_matched_end = offset + len(image)

    def last_kind(self) -> str | None:
        return self.tokens[-1].kind if self.tokens else None

    def dedent_all(self, offset: int) -> None:
        while len(self.indents) > 1:
            self.indents.pop()
            self.emit(DEDENT, "", offset)

    def indent_to(self, width: int, offset: int) -> None:
        if width > self.indents[-1]:
            self.indents.append(width)
            self.emit(INDENT, "", offset)
            return
        while len(self.indents) > 1 and width < self.indents[-1]:
            self.indents.pop()
            self.emit(DEDENT, "", offset)

    def run(self) -> list[Token]:
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
        if match := _SPACES.match(text, pos):
            return self.skipped(match.end())
        for kind, pattern in ((FREESTYLE, _FREESTYLE), (CONTROL, _CONTROL)):
            if match := pattern.match(text, pos):
                self.emit(kind, match.group(), pos)
                return match.end()
        return pos

    def step(self, pos: int) -> int:  # noqa: C901, PLR0911, PLR0912 - Argdown's token order
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
    return _Lexer(text).run()


# -- the tree ---------------------------------------------------------------------------------


@attrs.define
class Content:
    """Statement text as Argdown reads it.

    Attributes:
        text: the text, tags included (Argdown's own reading).
        plain: the text without its tags.
        tags: the tags, in order.
        mentions: titles mentioned with ``@[...]`` or ``@<...>``.
    """

    text: str = ""
    plain: str = ""
    tags: list[str] = attrs.Factory(list)
    tag_set: set[str] = attrs.field(factory=set, repr=False, eq=False)  # (for speed)


@attrs.define
class Statement:
    """A statement: plain text, a definition ``[T]: text`` or a reference ``[T]``."""

    line: int
    column: int
    title: str | None = None
    is_reference: bool = False
    content: Content = attrs.Factory(Content)
    data: str | None = None
    relations: list[RelationNode] = attrs.Factory(list)


@attrs.define
class ArgumentNode:
    """An argument: a definition ``<T>: text`` or a reference ``<T>``."""

    line: int
    column: int
    title: str
    is_reference: bool = False
    content: Content = attrs.Factory(Content)
    data: str | None = None
    relations: list[RelationNode] = attrs.Factory(list)


@attrs.define
class RelationNode:
    """A relation line: a symbol and the statement or argument it names."""

    line: int
    column: int
    symbol: str
    child: Statement | ArgumentNode


@attrs.define
class Inference:
    """An inference line (``----`` or ``-- rules {data} --``) and the undercuts below it."""

    line: int
    column: int
    rules: list[str] = attrs.Factory(list)
    data: str | None = None
    relations: list[RelationNode] = attrs.Factory(list)


@attrs.define
class PcsStatement:
    """A numbered statement of a premise-conclusion structure."""

    number: int
    statement: Statement
    after_inference: Inference | None = None


@attrs.define
class Pcs:
    """A premise-conclusion structure: numbered statements and inference lines."""

    line: int
    column: int
    statements: list[PcsStatement] = attrs.Factory(list)


@attrs.define
class Heading:
    """A heading (``#``, ``##``...), with its data."""

    line: int
    column: int
    level: int
    content: Content = attrs.Factory(Content)
    data: str | None = None


@attrs.define
class ListNode:
    """A list of statements or arguments (``*`` or ``1.`` items)."""

    line: int
    column: int
    items: list[Statement | ArgumentNode] = attrs.Factory(list)


Paragraph: TypeAlias = Heading | Statement | ArgumentNode | Pcs | ListNode


@attrs.define
class Document:
    """An Argdown document as a tree: its front matter and its paragraphs."""

    front_matter: str | None = None
    front_matter_line: int = 0
    paragraphs: list[Paragraph] = attrs.Factory(list)


# -- the parser -------------------------------------------------------------------------------

_CONTENT_START = {
    FREESTYLE,
    CONTROL,
    ESCAPED,
    SPECIAL,
    LINK,
    BOLD_START,
    ITALIC_START,
    TAG,
    ARGUMENT_MENTION,
    STATEMENT_MENTION,
    NEWLINE,
}
_FREESTYLE_PARTS = {FREESTYLE, CONTROL, ESCAPED, SPECIAL}
_STATEMENT_START = _CONTENT_START | {STATEMENT_REFERENCE, STATEMENT_DEFINITION}
_ARGUMENT_START = {ARGUMENT_DEFINITION, ARGUMENT_REFERENCE}
_TAG_RE = re.compile(r"#(?:\(([^)]+)\)|([^ \t]+))")


def _shown(token: Token) -> str:
    image = token.image.strip()
    if not image:
        return ""
    return " " + repr(image if len(image) <= 40 else image[:37] + "...")


class _Parser:
    """Recursive descent over the tokens, one method per rule of Argdown's grammar."""

    def __init__(self, tokens: list[Token], eof: tuple[int, int]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.eof = Token(EOF, "", *eof)

    def peek(self, ahead: int = 0) -> Token:
        i = self.pos + ahead
        return self.tokens[i] if i < len(self.tokens) else self.eof

    def at(self, *kinds: str) -> bool:
        return self.peek().kind in kinds

    def take(self) -> Token:
        token = self.peek()
        self.pos += 1
        return token

    def expect(self, kind: str, what: str | None = None) -> Token:
        if not self.at(kind):
            raise self.error(what or kind)
        return self.take()

    def error(self, expected: str) -> FormatError:
        token = self.peek()
        found = "the end of the text" if token.kind == EOF else f"{token.kind}{_shown(token)}"
        if token.kind in {INDENT, DEDENT}:
            after = self.peek(1)
            found = f"a change of indentation (before {after.kind}{_shown(after)})"
        hint = ""
        if token.kind == RELATION:
            hint = (
                "; a relation belongs indented under the statement or argument it starts "
                "from, in the same paragraph (no empty line before it)"
            )
        elif token.kind in _ARGUMENT_START:
            hint = "; an argument cannot be a premise or conclusion: use a statement ([Title])"
        msg = (
            f"Argdown: line {token.line}, column {token.column}: expected {expected}, "
            f"found {found}{hint}"
        )
        return FormatError(msg, line=token.line, column=token.column)

    def document(self) -> Document:
        # Newline? Emptyline? (FrontMatter Newline? Emptyline)? paragraph (Emptyline paragraph)*
        doc = Document()
        if self.at(NEWLINE):
            self.take()
        if self.at(EMPTYLINE):
            self.take()
        if self.at(FRONT_MATTER):
            token = self.take()
            doc.front_matter = token.image
            doc.front_matter_line = token.line
            if self.at(NEWLINE):
                self.take()
            self.expect(EMPTYLINE, "an empty line after the front matter")
        doc.paragraphs.append(self.paragraph())
        while self.at(EMPTYLINE):
            self.take()
            doc.paragraphs.append(self.paragraph())
        if not self.at(EOF):
            raise self.error("an empty line before a new paragraph, or the end of the text")
        return doc

    def paragraph(self) -> Paragraph:
        token = self.peek()
        if token.kind == HEADING:
            return self.heading()
        if token.kind == STATEMENT_NUMBER:
            return self.pcs()
        if token.kind in _ARGUMENT_START:
            return self.argument()
        if token.kind == INDENT and self.peek(1).kind in {ORDERED_ITEM, UNORDERED_ITEM}:
            return self.list_()
        if token.kind in _STATEMENT_START:
            return self.statement()
        raise self.error("a statement, an argument, a heading or a numbered premise")

    def heading(self) -> Heading:
        token = self.take()
        node = Heading(token.line, token.column, len(token.image) - 1)
        if not self.at(*_CONTENT_START):
            raise self.error("the heading's text")
        self.content(node.content)
        if self.at(DATA) or (self.at(NEWLINE) and self.peek(1).kind == DATA):
            if self.at(NEWLINE):
                self.take()
            node.data = self.take().image
            if self.at(NEWLINE):
                self.take()
        return node

    def pcs(self) -> Pcs:
        first = self.peek()
        node = Pcs(first.line, first.column)
        node.statements.append(self.pcs_statement(None))
        if not self.at(STATEMENT_NUMBER, INFERENCE_START):
            raise self.error("another numbered statement or an inference line (--)")
        while self.at(STATEMENT_NUMBER, INFERENCE_START):
            while self.at(STATEMENT_NUMBER):
                node.statements.append(self.pcs_statement(None))
            inference = self.inference()
            if not self.at(STATEMENT_NUMBER):
                raise self.error("the numbered conclusion after the inference line")
            node.statements.append(self.pcs_statement(inference))
        return node

    def pcs_statement(self, inference: Inference | None) -> PcsStatement:
        token = self.expect(STATEMENT_NUMBER)
        number = int(token.image.strip(" \t'")[1:-1])
        if not self.at(*_STATEMENT_START):
            raise self.error("a statement after the number")
        return PcsStatement(number, self.statement(), inference)

    def inference(self) -> Inference:  # noqa: C901 - the inference rule has many optional parts
        token = self.expect(INFERENCE_START)
        node = Inference(token.line, token.column)
        if self.at(*_FREESTYLE_PARTS) or (
            self.at(NEWLINE) and self.peek(1).kind in _FREESTYLE_PARTS
        ):
            if self.at(NEWLINE):
                self.take()
            node.rules.append(self.freestyle().strip(" \t"))
            while self.at(LIST_DELIMITER):
                self.take()
                if not self.at(*_FREESTYLE_PARTS):
                    raise self.error("an inference rule after ','")
                node.rules.append(self.freestyle().strip(" \t"))
        if self.at(NEWLINE):
            self.take()
        if self.at(DATA):
            node.data = self.take().image
            if self.at(NEWLINE):
                self.take()
        self.expect(INFERENCE_END, "the end of the inference line (--)")
        self.expect(NEWLINE, "a line break after the inference line")
        if self.at(INDENT) and self.peek(1).kind == RELATION:
            self.take()
            while self.at(RELATION):
                if self.peek().detail != "_":
                    raise self.error("an undercut (<_ or _): only those can hang on an inference")
                node.relations.append(self.relation())
            self.expect(DEDENT, "the end of the indented relations")
        return node

    def list_(self) -> ListNode:
        indent = self.take()
        node = ListNode(indent.line, indent.column)
        kind = self.peek().kind
        while self.at(kind):
            self.take()
            if self.at(*_ARGUMENT_START):
                node.items.append(self.argument())
            elif self.at(*_STATEMENT_START):
                node.items.append(self.statement())
            else:
                raise self.error("a statement or an argument after the list mark")
        self.expect(DEDENT, "the end of the list")
        return node

    def argument(self) -> ArgumentNode:
        token = self.take()
        if token.kind == ARGUMENT_DEFINITION:
            node = ArgumentNode(token.line, token.column, token.image[1:-2])
            if not self.at(*_CONTENT_START):
                raise self.error("the argument's text after ':'")
            self.content(node.content)
        else:
            node = ArgumentNode(token.line, token.column, token.image[1:-1], is_reference=True)
            self.ref_tags(node.content)
        self.data_and_relations(node)
        return node

    def statement(self) -> Statement:
        token = self.peek()
        node = Statement(token.line, token.column)
        if token.kind == STATEMENT_REFERENCE:
            self.take()
            node.title = token.image[1:-1]
            node.is_reference = True
            self.ref_tags(node.content)
        elif token.kind == STATEMENT_DEFINITION:
            self.take()
            node.title = token.image[1:-2]
            if not self.at(*_CONTENT_START):
                raise self.error("the statement's text after ':'")
            self.content(node.content)
        else:
            self.content(node.content)
        self.data_and_relations(node)
        return node

    def ref_tags(self, content: Content) -> None:
        while self.at(TAG):
            self.add_tag(content, self.take().image)
        if self.at(NEWLINE):
            self.take()

    def data_and_relations(self, node: Statement | ArgumentNode) -> None:
        if self.at(DATA):
            node.data = self.take().image
            if self.at(NEWLINE):
                self.take()
        if self.at(INDENT) and self.peek(1).kind == RELATION:
            self.take()
            while self.at(RELATION):
                node.relations.append(self.relation())
            self.expect(DEDENT, "a relation at this indentation, or less indentation")

    def relation(self) -> RelationNode:
        token = self.take()
        if token.detail == "><":
            if not self.at(*_STATEMENT_START):
                raise self.error("a statement after '><' (only statements contradict)")
            return RelationNode(token.line, token.column, token.detail, self.statement())
        if self.at(*_ARGUMENT_START):
            return RelationNode(token.line, token.column, token.detail, self.argument())
        if self.at(*_STATEMENT_START):
            return RelationNode(token.line, token.column, token.detail, self.statement())
        raise self.error(f"a statement or an argument after {token.image.strip()!r}")

    # statementContent: (freestyle | link | bold | italic | tag | mention | Newline)+
    def content(self, out: Content) -> None:
        start = self.pos
        while self.at(*_CONTENT_START):
            token = self.peek()
            kind = token.kind
            if kind in _FREESTYLE_PARTS:
                text = self.freestyle()
                out.text += text
                out.plain += text
            elif kind == LINK:
                self.take()
                close = token.image.index("](")
                text = token.image[1:close] + (" " if token.image.endswith((" ", "\t")) else "")
                out.text += text
                out.plain += text
            elif kind in {BOLD_START, ITALIC_START}:
                self.bold_or_italic(out)
            elif kind == TAG:
                self.take()
                self.add_tag(out, token.image)
                out.text += token.image
            elif kind in {ARGUMENT_MENTION, STATEMENT_MENTION}:
                self.take()
                out.text += token.image
                out.plain += token.image
            else:  # a line break
                self.take()
                last = not self.at(*_CONTENT_START)
                if not last and not out.text.endswith(" "):
                    out.text += " "
                if not last and not out.plain.endswith(" "):
                    out.plain += " "
        if self.pos == start:
            raise self.error("text")

    def bold_or_italic(self, out: Content) -> None:
        start = self.take()
        end_kind = BOLD_END if start.kind == BOLD_START else ITALIC_END
        if self.at(*_CONTENT_START):
            self.content(out)
        if not self.at(end_kind) or self.peek().detail != start.detail:
            mark = start.image.strip()
            raise self.error(
                f"{mark!r} to close the {'bold' if end_kind == BOLD_END else 'italic'} text"
            )
        end = self.take()
        if end.image.endswith((" ", "\t")):
            out.text += " "
            out.plain += " "

    def freestyle(self) -> str:
        parts = []
        while self.at(*_FREESTYLE_PARTS):
            token = self.take()
            parts.append(token.image[1:] if token.kind == ESCAPED else token.image)
        return "".join(parts)

    @staticmethod
    def add_tag(out: Content, image: str) -> None:
        match = _TAG_RE.match(image.strip())
        if match:
            tag = match.group(1) if match.group(1) is not None else match.group(2)
            if tag not in out.tag_set:
                out.tags.append(tag)
                out.tag_set.add(tag)


def parse_tree(text: str) -> Document:
    """Parse Argdown text into its tree.

    Raises:
        FormatError: for text that is not Argdown; the message, ``line`` and ``column``
            say where.
    """
    lexer = _Lexer(text)
    tokens = lexer.run()
    return _Parser(tokens, lexer.where(len(text))).document()
