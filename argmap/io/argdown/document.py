"""Argdown's own view of a document: what ``argdown json`` exports, and :func:`parse`.

A :class:`Document` holds the statements (equivalence classes), arguments, relations
(after Argdown's normalisation) and sections of a document, with the counts
``@argdown/cli`` 1.7 gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap._frozen import FrozenMap, JSONValue, freeze_meta
from argmap.errors import FormatError, warn
from argmap.io.argdown import frontmatter
from argmap.io.argdown.model import Model, Node, canonical, read
from argmap.io.argdown.tree import Document as Tree
from argmap.io.argdown.yaml import MAX_DEPTH

__all__ = [
    "ArgdownArgument",
    "ArgdownRelation",
    "ArgdownStatement",
    "Document",
    "Section",
    "parse",
]


@attrs.frozen
class ArgdownStatement:
    """An equivalence class: every statement of a document with the same title.

    Attributes:
        title: the title (``Untitled N`` for statements that have none).
        text: the text of the last statement of the class that defines one ("" if none).
        tags: every tag of its members, in order.
        data: its members' metadata, merged.
        section: the titles of the headings it first appears under, outermost first.
        members: how many times it appears.
    """

    title: str
    text: str
    tags: tuple[str, ...] = ()
    data: FrozenMap[str, JSONValue] = attrs.field(factory=FrozenMap)
    section: tuple[str, ...] = ()
    members: int = 1


@attrs.frozen
class ArgdownArgument:
    """An argument, with its premise-conclusion structure if it has one.

    Attributes:
        title: the title.
        text: the text of its last definition ("" if none).
        tags: its tags.
        data: its metadata.
        section: the headings it first appears under.
        pcs: the titles of its numbered statements, in order.
        conclusions: the positions (0-based) of the statements that follow an inference.
    """

    title: str
    text: str
    tags: tuple[str, ...] = ()
    data: FrozenMap[str, JSONValue] = attrs.field(factory=FrozenMap)
    section: tuple[str, ...] = ()
    pcs: tuple[str, ...] = ()
    conclusions: tuple[int, ...] = ()


@attrs.frozen
class ArgdownRelation:
    """A relation as Argdown reads it, after its own normalisation.

    Attributes:
        kind: ``support``, ``attack``, ``undercut`` or ``contradictory`` (and, in
            Argdown's strict mode, ``entails`` and ``contrary`` between statements).
        source: the title of where it starts (a statement or argument).
        source_type: ``statement`` or ``argument``.
        target: the title of where it ends.
        target_type: ``statement``, ``argument`` or ``inference`` (of the argument
            ``target``).
        line: the line it was first written on.
    """

    kind: str
    source: str
    source_type: str
    target: str
    target_type: str
    line: int = 0


@attrs.frozen
class Section:
    """A heading and the headings below it.

    Attributes:
        title: the heading's text.
        level: 1 for ``#``, 2 for ``##``...
        children: the sections below it.
    """

    title: str
    level: int
    children: tuple[Section, ...] = ()


@attrs.frozen
class Document:
    """An Argdown document as Argdown itself sees it (what ``argdown json`` exports).

    Attributes:
        statements: the equivalence classes, in the order they first appear.
        arguments: the arguments, in the order they first appear.
        relations: the relations, after Argdown's normalisation.
        sections: the top-level sections.
        front_matter: the front matter's text (without the ``===`` lines), if any.
    """

    statements: tuple[ArgdownStatement, ...]
    arguments: tuple[ArgdownArgument, ...]
    relations: tuple[ArgdownRelation, ...]
    sections: tuple[Section, ...]
    front_matter: str | None = None


def _section_of(raw: Mapping[str, Any]) -> Section:
    return Section(raw["title"], raw["level"], tuple(_section_of(c) for c in raw["children"]))


def parse(text: str) -> Document:
    """Read Argdown text as Argdown itself does: statements, arguments, relations, sections.

    The counts agree with what ``argdown json`` (``@argdown/cli`` 1.7) exports.

    Raises:
        FormatError: for text that is not Argdown, with its line and column.
    """
    try:
        model, tree = read(text)
    except RecursionError:
        raise FormatError("not readable Argdown: it is nested too deeply") from None
    for message in model.warnings:
        warn(f"Argdown: {message}")
    return _document(model, tree)


def _described(
    n: Node,
) -> tuple[str, str, tuple[str, ...], FrozenMap[str, JSONValue], tuple[str, ...]]:
    """What a statement class and an argument both say: title, text, tags, data, section."""
    c = canonical(n)
    return (
        n.title,
        c.text if c else "",
        tuple(n.tags),
        freeze_meta(n.data, max_depth=MAX_DEPTH),
        n.section or (),
    )


def _document(model: Model, tree: Tree) -> Document:
    """Argdown's view of a model: its classes, arguments, relations and sections."""
    statements = tuple(
        ArgdownStatement(*_described(n), len(n.members)) for n in model.statements.values()
    )
    arguments = tuple(
        ArgdownArgument(
            *_described(n),
            tuple(item.title for item in n.pcs),
            tuple(i for i, item in enumerate(n.pcs) if item.inference is not None),
        )
        for n in model.arguments.values()
    )
    relations = tuple(
        ArgdownRelation(
            r.kind,
            r.source.title,
            r.source.type,
            r.target.owner.title if r.target.owner is not None else r.target.title,
            r.target.type,
            r.line,
        )
        for r in model.relations
    )
    return Document(
        statements,
        arguments,
        relations,
        tuple(_section_of(s) for s in model.sections),
        frontmatter.text_of(tree.front_matter),
    )
