"""Argdown's parser: recursive descent over the tokens, one method per grammar rule.

It follows the grammar of Argdown 1.7 (``@argdown/core``) closely, so that a document
parses here exactly when it parses there. Errors carry the line and column of the token
at fault.
"""

from __future__ import annotations

import re

from argmap.errors import FormatError
from argmap.io.argdown.lexer import (
    ARGUMENT_DEFINITION,
    ARGUMENT_MENTION,
    ARGUMENT_REFERENCE,
    BOLD_END,
    BOLD_START,
    CONTROL,
    DATA,
    DEDENT,
    EMPTYLINE,
    EOF,
    ESCAPED,
    FREESTYLE,
    FRONT_MATTER,
    HEADING,
    INDENT,
    INFERENCE_END,
    INFERENCE_START,
    ITALIC_END,
    ITALIC_START,
    LINK,
    LIST_DELIMITER,
    NEWLINE,
    ORDERED_ITEM,
    RELATION,
    SPECIAL,
    STATEMENT_DEFINITION,
    STATEMENT_MENTION,
    STATEMENT_NUMBER,
    STATEMENT_REFERENCE,
    TAG,
    UNORDERED_ITEM,
    Lexer,
    Token,
)
from argmap.io.argdown.tree import (
    ArgumentNode,
    Content,
    Document,
    Heading,
    Inference,
    ListNode,
    Paragraph,
    Pcs,
    PcsStatement,
    RelationNode,
    Statement,
)

__all__ = ["parse_tree"]

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
_ITEMS = {ORDERED_ITEM, UNORDERED_ITEM}
_PCS_NEXT = {STATEMENT_NUMBER, INFERENCE_START}
_TAG_RE = re.compile(r"#(?:\(([^)]+)\)|([^ \t]+))")


def _shown(token: Token) -> str:
    image = token.image.strip()
    if not image:
        return ""
    return " " + repr(image if len(image) <= 40 else image[:37] + "...")


class _Parser:
    """Recursive descent over the tokens, one method per rule of Argdown's grammar."""

    def __init__(self, tokens: list[Token], eof: tuple[int, int]) -> None:
        self.eof = Token(EOF, "", *eof)
        # The tokens, then end-of-input tokens enough that ``tokens[pos + 1]`` is one at
        # the end (the hot paths index the list without a bounds check).
        self.tokens = [*tokens, self.eof, self.eof, self.eof]
        self.count = len(tokens)
        self.pos = 0

    def peek(self, ahead: int = 0) -> Token:
        i = self.pos + ahead
        return self.tokens[i] if i < self.count else self.eof

    def at(self, *kinds: str) -> bool:
        return self.tokens[self.pos].kind in kinds

    def take(self) -> Token:
        token = self.tokens[self.pos]
        if self.pos < self.count:  # (past the end, it stays at the end)
            self.pos += 1
        return token

    def skip(self, kind: str) -> None:
        """Take the next token if it is of ``kind``."""
        if self.tokens[self.pos].kind == kind:
            self.pos += 1

    def expect(self, kind: str, what: str | None = None) -> Token:
        token = self.tokens[self.pos]
        if token.kind != kind:
            raise self.error(what or kind)
        self.pos += 1
        return token

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
        # Newline? Emptyline? (FrontMatter Newline? (Emptyline | EOF))?
        # (paragraph (Emptyline paragraph)*)? EOF
        doc = Document()
        self.skip(NEWLINE)
        if self.at(EMPTYLINE):
            self.take()
        if self.at(FRONT_MATTER):
            token = self.take()
            doc.front_matter = token.image
            doc.front_matter_line = token.line
            self.skip(NEWLINE)
            if self.at(EOF):  # front matter alone: a map with no claim
                return doc
            self.expect(EMPTYLINE, "an empty line after the front matter")
        if self.at(EOF):  # an empty document, as Argdown allows: a map with no claim
            return doc
        paragraphs, tokens = doc.paragraphs, self.tokens
        paragraphs.append(self.paragraph())
        while tokens[self.pos].kind == EMPTYLINE:
            self.pos += 1
            paragraphs.append(self.paragraph())
        if not self.at(EOF):
            raise self.error("an empty line before a new paragraph, or the end of the text")
        return doc

    def paragraph(self) -> Paragraph:
        token = self.tokens[self.pos]
        if token.kind == HEADING:
            return self.heading()
        if token.kind == STATEMENT_NUMBER:
            return self.pcs()
        if token.kind in _ARGUMENT_START:
            return self.argument()
        if token.kind == INDENT and self.tokens[self.pos + 1].kind in _ITEMS:
            return self.list_()
        if token.kind in _STATEMENT_START:
            return self.statement()
        raise self.error("a statement, an argument, a heading or a numbered premise")

    def heading(self) -> Heading:
        token = self.take()
        node = Heading(token.line, token.column, len(token.image) - 1)
        if self.tokens[self.pos].kind not in _CONTENT_START:
            raise self.error("the heading's text")
        self.content(node.content)
        if self.at(DATA) or (self.at(NEWLINE) and self.peek(1).kind == DATA):
            self.skip(NEWLINE)
            node.data = self.take().image
            self.skip(NEWLINE)
        return node

    def pcs(self) -> Pcs:
        tokens = self.tokens
        first = tokens[self.pos]
        node = Pcs(first.line, first.column)
        statements = node.statements
        statements.append(self.pcs_statement(None))
        if tokens[self.pos].kind not in _PCS_NEXT:
            raise self.error("another numbered statement or an inference line (--)")
        while tokens[self.pos].kind in _PCS_NEXT:
            while tokens[self.pos].kind == STATEMENT_NUMBER:
                statements.append(self.pcs_statement(None))
            inference = self.inference()
            if tokens[self.pos].kind != STATEMENT_NUMBER:
                raise self.error("the numbered conclusion after the inference line")
            statements.append(self.pcs_statement(inference))
        return node

    def pcs_statement(self, inference: Inference | None) -> PcsStatement:
        token = self.expect(STATEMENT_NUMBER)
        number = int(token.image.strip(" \t'")[1:-1])
        if self.tokens[self.pos].kind not in _STATEMENT_START:
            raise self.error("a statement after the number")
        return PcsStatement(number, self.statement(), inference)

    def inference(self) -> Inference:
        token = self.expect(INFERENCE_START)
        node = Inference(token.line, token.column)
        if self.tokens[self.pos].kind in _FREESTYLE_PARTS or (
            self.at(NEWLINE) and self.peek(1).kind in _FREESTYLE_PARTS
        ):
            self.skip(NEWLINE)
            node.rules.append(self.freestyle().strip(" \t"))
            while self.at(LIST_DELIMITER):
                self.take()
                if self.tokens[self.pos].kind not in _FREESTYLE_PARTS:
                    raise self.error("an inference rule after ','")
                node.rules.append(self.freestyle().strip(" \t"))
        self.skip(NEWLINE)
        if self.at(DATA):
            node.data = self.take().image
            self.skip(NEWLINE)
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
            if self.tokens[self.pos].kind in _ARGUMENT_START:
                node.items.append(self.argument())
            elif self.tokens[self.pos].kind in _STATEMENT_START:
                node.items.append(self.statement())
            else:
                raise self.error("a statement or an argument after the list mark")
        self.expect(DEDENT, "the end of the list")
        return node

    def argument(self) -> ArgumentNode:
        token = self.take()
        if token.kind == ARGUMENT_DEFINITION:
            node = ArgumentNode(token.line, token.column, token.image[1:-2])
            if self.tokens[self.pos].kind not in _CONTENT_START:
                raise self.error("the argument's text after ':'")
            self.content(node.content)
        else:
            node = ArgumentNode(token.line, token.column, token.image[1:-1], is_reference=True)
            self.ref_tags(node.content)
        self.data_and_relations(node)
        return node

    def statement(self) -> Statement:
        token = self.tokens[self.pos]
        kind = token.kind
        if kind == STATEMENT_REFERENCE:
            self.pos += 1
            node = Statement(token.line, token.column, token.image[1:-1], is_reference=True)
            self.ref_tags(node.content)
        elif kind == STATEMENT_DEFINITION:
            self.pos += 1
            node = Statement(token.line, token.column, token.image[1:-2])
            if self.tokens[self.pos].kind not in _CONTENT_START:
                raise self.error("the statement's text after ':'")
            self.content(node.content)
        else:
            node = Statement(token.line, token.column)
            self.content(node.content)
        self.data_and_relations(node)
        return node

    def ref_tags(self, content: Content) -> None:
        tokens = self.tokens
        while tokens[self.pos].kind == TAG:
            self.add_tag(content, tokens[self.pos].image)
            self.pos += 1
        if tokens[self.pos].kind == NEWLINE:
            self.pos += 1

    def data_and_relations(self, node: Statement | ArgumentNode) -> None:
        tokens = self.tokens
        token = tokens[self.pos]
        if token.kind == DATA:
            node.data = token.image
            self.pos += 1
            if tokens[self.pos].kind == NEWLINE:
                self.pos += 1
            token = tokens[self.pos]
        if token.kind == INDENT and tokens[self.pos + 1].kind == RELATION:
            self.pos += 1
            while tokens[self.pos].kind == RELATION:
                node.relations.append(self.relation())
            self.expect(DEDENT, "a relation at this indentation, or less indentation")

    def relation(self) -> RelationNode:
        token = self.take()
        kind = self.tokens[self.pos].kind
        if token.detail == "><":
            if kind not in _STATEMENT_START:
                raise self.error("a statement after '><' (only statements contradict)")
            return RelationNode(token.line, token.column, token.detail, self.statement())
        if kind in _ARGUMENT_START:
            return RelationNode(token.line, token.column, token.detail, self.argument())
        if kind in _STATEMENT_START:
            return RelationNode(token.line, token.column, token.detail, self.statement())
        raise self.error(f"a statement or an argument after {token.image.strip()!r}")

    # statementContent: (freestyle | link | bold | italic | tag | mention | Newline)+
    def content(self, out: Content) -> None:
        start = self.pos
        tokens = self.tokens
        while (kind := (token := tokens[self.pos]).kind) in _CONTENT_START:
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
                last = self.tokens[self.pos].kind not in _CONTENT_START
                if not last and not out.text.endswith(" "):
                    out.text += " "
                if not last and not out.plain.endswith(" "):
                    out.plain += " "
        if self.pos == start:
            raise self.error("text")

    def bold_or_italic(self, out: Content) -> None:
        start = self.take()
        end_kind = BOLD_END if start.kind == BOLD_START else ITALIC_END
        if self.tokens[self.pos].kind in _CONTENT_START:
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
        tokens, pos = self.tokens, self.pos
        while (kind := (token := tokens[pos]).kind) in _FREESTYLE_PARTS:
            parts.append(token.image[1:] if kind == ESCAPED else token.image)
            pos += 1
        self.pos = pos
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
    lexer = Lexer(text)
    tokens = lexer.run()
    return _Parser(tokens, lexer.where(len(text))).document()
