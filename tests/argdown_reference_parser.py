"""Argdown's parser as it was before its hot paths read the token list directly (argmap 7225897).

The reference for tests/test_argdown_fast_paths.py, which checks that
:mod:`argmap.io.argdown.parser` builds the same tree (and raises the same errors) from
the tokens of the reference lexer.

Only what the change touched is kept here, as it was: the token primitives (``peek``,
``at``, ``take``, ``expect``, bounds-checked, over the token list as the lexer gave it)
and every grammar rule that used them. The token sets, ``_shown``, the error messages
(``error``) and ``add_tag``, which it left alone, come from the module itself.
"""

from __future__ import annotations

from argdown_reference_lexer import Lexer

from argmap.io.argdown import parser as current
from argmap.io.argdown.lexer import (
    ARGUMENT_DEFINITION,
    ARGUMENT_MENTION,
    BOLD_END,
    BOLD_START,
    DATA,
    DEDENT,
    EMPTYLINE,
    EOF,
    ESCAPED,
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
    STATEMENT_DEFINITION,
    STATEMENT_MENTION,
    STATEMENT_NUMBER,
    STATEMENT_REFERENCE,
    TAG,
    UNORDERED_ITEM,
    Token,
)
from argmap.io.argdown.parser import (
    _ARGUMENT_START,
    _CONTENT_START,
    _FREESTYLE_PARTS,
    _STATEMENT_START,
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


class _Parser(current._Parser):
    """Recursive descent over the tokens, one method per rule of Argdown's grammar: the old way."""

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

    def document(self) -> Document:
        # Newline? Emptyline? (FrontMatter Newline? (Emptyline | EOF))?
        # (paragraph (Emptyline paragraph)*)? EOF
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
            if self.at(EOF):  # front matter alone: a map with no claim
                return doc
            self.expect(EMPTYLINE, "an empty line after the front matter")
        if self.at(EOF):  # an empty document, as Argdown allows: a map with no claim
            return doc
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


def parse_tree(text: str) -> Document:
    """Parse Argdown text into its tree.

    Raises:
        FormatError: for text that is not Argdown; the message, ``line`` and ``column``
            say where.
    """
    lexer = Lexer(text)
    tokens = lexer.run()
    return _Parser(tokens, lexer.where(len(text))).document()
