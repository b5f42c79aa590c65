"""Argdown's lexer as it was before its per-character dispatch (argmap 7225897): the reference.

tests/test_argdown_fast_paths.py checks that :mod:`argmap.io.argdown.lexer` gives exactly
the tokens this one gives (kinds, images, lines, columns, details) and the same errors.

Only what the fast paths changed is kept here, as it was (token order and guards
included): the per-token loop (``step``, ``step_inference``, each kind's pattern tried in
turn), the line starts and ``emit``'s lookup of a token's line, ``last_kind`` and
``line_end``, with the patterns only they use. The rest (token kinds, ``Token``, the other
patterns, the guards and the helpers the change left alone, among them ``where``,
``comment``, ``data``, ``could_bracket``, ``bold_or_italic``, and ``run``, whose one new
line only keeps the module's own ``last`` up to date) comes from the module itself: the
comparison checks the fast paths, not those shared parts.
"""

from __future__ import annotations

import re

from argmap.io.argdown import lexer as current
from argmap.io.argdown.lexer import (
    _BOLD_ITALIC,
    _DATA,
    _EMPTYLINE,
    _ESCAPED,
    _FRONT_MATTER,
    _HEADING,
    _INDENT,
    _INFERENCE_END,
    _INFERENCE_START,
    _JS_S,
    _LINE_BREAK,
    _LIST_DELIMITER,
    _NEWLINE,
    _RELATION_SYMBOLS,
    _REST,
    _SPECIAL,
    _STATEMENT_NUMBER,
    DATA,
    EMPTYLINE,
    ESCAPED,
    FRONT_MATTER,
    HEADING,
    INFERENCE_END,
    INFERENCE_START,
    LIST_DELIMITER,
    NEWLINE,
    ORDERED_ITEM,
    RELATION,
    SPECIAL,
    STATEMENT_NUMBER,
    UNORDERED_ITEM,
    Token,
    _Finder,
)

__all__ = ["Lexer", "Token", "tokenize"]

# The relation symbols, in the order Argdown tries them, one pattern each (the module
# joins them into one pattern of what starts a line).
_RELATIONS = [
    (re.compile("(" + _INDENT + ")(" + body + ")"), symbol) for body, symbol in _RELATION_SYMBOLS
]
_ORDERED_ITEM = re.compile("(" + _INDENT + r")[0-9]+\.(?=" + _JS_S + ")")
_UNORDERED_ITEM = re.compile("(" + _INDENT + r")\*(?=" + _JS_S + ")")
_LINE_TERMINATORS = "\n\r\u2028\u2029"


class Lexer(current.Lexer):
    """Turns Argdown text into tokens, as Argdown's own lexer does: the old way."""

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

    def emit(self, kind: str, image: str, offset: int, detail: str = "") -> None:
        """Add a token of ``kind`` matched at ``offset``."""
        line, column = self.where(offset)
        self.tokens.append(Token(kind, image, line, column, detail))
        self.last_matched_end = offset + len(image)

    def last_kind(self) -> str | None:
        """The kind of the last token, or None before the first."""
        return self.tokens[-1].kind if self.tokens else None

    def line_end(self, start: int) -> int:
        """Return the offset of the first line terminator at or after ``start``."""
        return min(self.next(char, start) for char in _LINE_TERMINATORS)

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


def tokenize(text: str) -> list[Token]:
    """Return the tokens of an Argdown text (see :func:`argmap.io.argdown.lexer.tokenize`)."""
    return Lexer(text).run()
