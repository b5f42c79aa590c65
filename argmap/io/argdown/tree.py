"""The tree of an Argdown document, as :mod:`.parser` builds it: plain data.

A document is its front matter and its paragraphs: headings, statements, arguments,
premise-conclusion structures and lists, with the relations indented below them.
:mod:`.model` turns it into statements, arguments and relations.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

__all__ = [
    "ArgumentNode",
    "Content",
    "Document",
    "Heading",
    "Inference",
    "ListNode",
    "Paragraph",
    "Pcs",
    "PcsStatement",
    "RelationNode",
    "Statement",
]


@attrs.define
class Content:
    """Statement text as Argdown reads it.

    Attributes:
        text: the text, tags included (Argdown's own reading).
        plain: the text without its tags.
        tags: the tags, in order.
        tag_set: the same tags as a set, to find repeats fast.
    """

    text: str = ""
    plain: str = ""
    tags: list[str] = attrs.Factory(list)
    tag_set: set[str] = attrs.field(factory=set, repr=False, eq=False)  # (for speed)


@attrs.define
class _Element:
    """What statements and arguments share: where, their text and data, the relations below."""

    line: int
    column: int
    is_reference: bool = attrs.field(default=False, kw_only=True)
    content: Content = attrs.field(factory=Content, kw_only=True)
    data: str | None = attrs.field(default=None, kw_only=True)
    relations: list[RelationNode] = attrs.field(factory=list, kw_only=True)


@attrs.define
class Statement(_Element):
    """A statement: plain text, a definition ``[T]: text`` or a reference ``[T]``."""

    title: str | None = None


@attrs.define
class ArgumentNode(_Element):
    """An argument: a definition ``<T>: text`` or a reference ``<T>``."""

    title: str


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
