"""Argdown's model of a document, built from its tree as ``@argdown/core``'s ModelPlugin does.

Statements with the same title form one *equivalence class*; arguments gather their
definitions and their premise-conclusion structure; relations are read from the tree,
then normalised as Argdown normalises them (moved off reconstructed arguments onto their
conclusion or inference, repeats dropped). :mod:`.document` shows the result as Argdown's
own view; :mod:`.reader` maps it onto argmap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from argmap._frozen import MAX_META_DEPTH
from argmap.errors import FormatError
from argmap.io.argdown import frontmatter, metadata
from argmap.io.argdown.parser import parse_tree
from argmap.io.argdown.tree import (
    ArgumentNode,
    Heading,
    Inference,
    ListNode,
    Paragraph,
    Pcs,
    RelationNode,
    Statement,
)
from argmap.io.argdown.tree import Document as Tree
from argmap.io.argdown.yaml import YamlError

__all__ = ["Member", "Model", "Node", "PcsItem", "Rel", "canonical", "describe", "read"]


@attrs.define(eq=False)
class Node:
    """A statement class, an argument or an inference, with the relations touching it."""

    type: str  # "statement", "argument" or "inference"
    title: str
    order: int
    # The relations from and to it, in order (a dict as an ordered set: removal is O(1)).
    relations: dict[Rel, None] = attrs.Factory(dict)
    members: list[Member] = attrs.Factory(list)
    tags: dict[str, None] = attrs.Factory(dict)  # (an ordered set)
    data: dict[str, Any] = attrs.Factory(dict)
    section: tuple[str, ...] | None = None
    # Arguments: their premise-conclusion structure; inferences: their argument.
    pcs: list[PcsItem] = attrs.Factory(list)
    owner: Node | None = None
    step: int = 0


@attrs.define(eq=False)
class Member:
    """One appearance of a statement or argument in the document."""

    text: str
    plain: str
    is_reference: bool
    data: dict[str, Any]


@attrs.define(eq=False)
class PcsItem:
    """A numbered statement of an argument's premise-conclusion structure."""

    title: str
    inference: Node | None  # set on conclusions
    rules: tuple[str, ...] = ()
    inference_data: dict[str, Any] = attrs.Factory(dict)


@attrs.define(eq=False)
class Rel:
    """A relation between two nodes, in the order it was read."""

    kind: str
    source: Node
    target: Node
    order: int
    line: int


class Model:
    """Walks the tree and builds statements, arguments and relations."""

    def __init__(self) -> None:
        self.statements: dict[str, Node] = {}
        self.arguments: dict[str, Node] = {}
        self.relations: list[Rel] = []
        self.sections: list[dict[str, Any]] = []
        self.section_stack: list[dict[str, Any]] = []
        self.path: tuple[str, ...] | None = None  # section_path, until the next heading
        self.untitled = 0
        self.order = 0
        self.inference: Node | None = None  # the last inference seen (Argdown keeps it)
        self.warnings: list[str] = []
        self.strict = False  # the front matter's model: {mode: strict}
        # Indexes of the relations (see ``link``), and the premises of each argument.
        self.edges: Counter[tuple[Node, Node, str]] = Counter()
        self.into: Counter[tuple[Node, str]] = Counter()
        self.premise_titles: dict[Node, set[str]] = {}

    def tick(self) -> int:
        """The next number in document order."""
        self.order += 1
        return self.order

    def untitled_title(self) -> str:
        """A fresh title for a statement or argument that has none."""
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def section_path(self) -> tuple[str, ...]:
        """The titles of the headings the reader is under, outermost first."""
        if self.path is None:
            self.path = tuple(s["title"] for s in self.section_stack)
        return self.path

    def statement_class(self, title: str) -> Node:
        """The equivalence class of statements titled ``title`` (new if need be)."""
        node = self.statements.get(title)
        if node is None:
            node = self.statements[title] = Node("statement", title, self.tick())
        return node

    def argument_node(self, title: str | None) -> Node:
        """The argument titled ``title`` (new, and untitled if ``title`` is None)."""
        if title is not None and title in self.arguments:
            return self.arguments[title]
        title = title if title is not None else self.untitled_title()
        node = self.arguments[title] = Node("argument", title, self.tick())
        return node

    def data(
        self, raw: str | None, line: int, column: int, *, at: int = 3, own: bool = True
    ) -> dict[str, Any]:
        """The metadata ``{...}`` of a statement, argument, inference or heading.

        What argmap cannot read, or could not write back, is kept as text with a warning:
        YAML beyond what :mod:`.yaml` reads, and data that would make a map's
        metadata nest more than :data:`~argmap._frozen.MAX_META_DEPTH` levels. The data
        is kept at level ``at`` of the metadata; with ``own``, its ``argmap`` entry is
        argmap's own data (whose ``meta`` becomes the item's metadata).
        """
        if raw is None:
            return {}
        try:
            value = metadata.read(raw, at, own=own)
        except (YamlError, RecursionError) as exc:
            why = str(exc) if isinstance(exc, YamlError) else "nested too deeply"
            self.warnings.append(
                f"line {line}, column {column}: metadata {raw[:40]!r} is not YAML argmap "
                f"can read ({why}); it is kept as text"
            )
            return {"yaml": raw}
        if not isinstance(value, dict):
            return {"yaml": raw}
        return value

    # -- paragraphs -------------------------------------------------------------------------

    def run(self, paragraphs: Iterable[Paragraph]) -> None:
        """Read the paragraphs of a document, in order."""
        previous: Paragraph | None = None
        for paragraph in paragraphs:
            if isinstance(paragraph, Heading):
                self.heading(paragraph)
            elif isinstance(paragraph, Statement):
                self.statement(paragraph)
            elif isinstance(paragraph, ArgumentNode):
                self.argument(paragraph)
            elif isinstance(paragraph, Pcs):
                owner = (
                    self.arguments.get(previous.title)
                    if isinstance(previous, ArgumentNode)
                    else None
                )
                self.pcs(paragraph, owner)
            elif isinstance(paragraph, ListNode):
                for item in paragraph.items:
                    if isinstance(item, Statement):
                        self.statement(item)
                    else:
                        self.argument(item)
            previous = paragraph

    def heading(self, h: Heading) -> None:
        """Open a section (closing those at its level or deeper)."""
        title = h.content.text.strip()
        while self.section_stack and self.section_stack[-1]["level"] >= h.level:
            self.section_stack.pop()
        # The sections are kept in the map's meta["argdown"]["sections"], each one two
        # levels below its parent, with its data one level below it.
        nested = len(self.section_stack) + 1
        if 3 + 2 * nested > MAX_META_DEPTH:
            msg = (
                f"Argdown: line {h.line}, column {h.column}: headings nest more than "
                f"{(MAX_META_DEPTH - 3) // 2} levels deep, and argmap keeps them in "
                f"metadata, which nests at most {MAX_META_DEPTH}; use fewer levels"
            )
            raise FormatError(msg, line=h.line, column=h.column)
        self.path = None
        section = {
            "title": title,
            "level": h.level,
            "children": [],
            "data": self.data(h.data, h.line, h.column, at=3 + 2 * nested, own=False),
        }
        if self.section_stack:
            self.section_stack[-1]["children"].append(section)
        else:
            self.sections.append(section)
        self.section_stack.append(section)

    def statement(self, s: Statement) -> Node:
        """Read a statement and the relations below it; return its class."""
        if s.relations and s.title is None:
            s.title = self.untitled_title()
        if s.relations:
            parent = self.statement_class(s.title or "")
            self.relations_of(parent, s.relations)
        if s.title is None:
            s.title = self.untitled_title()
        return self.member(self.statement_class(s.title), s)

    def argument(self, a: ArgumentNode) -> Node:
        """Read an argument and the relations below it; return it."""
        if a.relations:
            self.relations_of(self.argument_node(a.title), a.relations)
        return self.member(self.argument_node(a.title), a)

    def member(self, node: Node, element: Statement | ArgumentNode) -> Node:
        """Add a statement or argument of the tree to its class: text, tags, data, section."""
        content = element.content
        if content.tags:
            node.tags.update(dict.fromkeys(content.tags))
        data = {} if element.data is None else self.data(element.data, element.line, element.column)
        if data:
            node.data = metadata.deep_merge(node.data, data)
        node.members.append(Member(content.text, content.plain, element.is_reference, data))
        if node.section is None and not element.is_reference:
            node.section = self.section_path()
        return node

    def pcs(self, p: Pcs, owner: Node | None) -> None:
        """Read a premise-conclusion structure into its argument (the one above, or a new one)."""
        argument = owner if owner is not None else self.argument_node(None)
        if argument.section is None:
            argument.section = self.section_path()
        if argument.pcs:
            msg = (
                f"Argdown: line {p.line}, column {p.column}: argument <{argument.title}> "
                "already has a premise-conclusion structure; give this one its own title"
            )
            raise FormatError(msg, line=p.line, column=p.column)
        step = 0
        for item in p.statements:
            inference_node = None
            if item.after_inference is not None:
                step += 1
                inference_node = Node(
                    "inference", argument.title, self.tick(), owner=argument, step=step
                )
                self.inference = inference_node
                self.inference_relations(inference_node, item.after_inference)
            self.statement(item.statement)  # (which gives it a title, and a class)
            title = item.statement.title or ""
            inference = item.after_inference
            argument.pcs.append(
                PcsItem(
                    title,
                    inference_node,
                    tuple(inference.rules) if inference else (),
                    self.data(inference.data, inference.line, inference.column, own=False)
                    if inference
                    else {},
                )
            )

    def inference_relations(self, node: Node, inference: Inference) -> None:
        """Read the relations below an inference line (undercuts of that step)."""
        for r in inference.relations:
            self.relation(node, r)

    def relations_of(self, parent: Node, relations: list[RelationNode]) -> None:
        """Read the relations below a statement or argument."""
        for r in relations:
            self.relation(parent, r)

    def relation(self, parent: Node, r: RelationNode) -> None:
        """Read one relation line: its kind, and which way it points."""
        child = r.child
        member = self.statement(child) if isinstance(child, Statement) else self.argument(child)
        symbol = r.symbol
        kind = {
            "+>": "support",
            "+": "support",
            "->": "attack",
            "-": "attack",
            "><": "contradictory",
        }.get(symbol, "undercut")
        if symbol in {"+>", "->", "><", "_>"}:
            source, target = parent, member
        else:
            source, target = member, parent
            if symbol == "_" and parent.type == "statement" and self.inference is not None:
                # Argdown aims an undercut below a statement at the last inference it read.
                target = self.inference
        self.add(Rel(kind, source, target, self.tick(), r.line))

    def add(self, rel: Rel) -> bool:
        """Add a relation unless it repeats one (Argdown keeps the first); say if it was added.

        A repeat is a relation of the same kind between the same two (as Argdown checks
        it: another relation of the source that has the same target and kind, or a
        contradiction the other way).
        """
        source, target, kind = rel.source, rel.target, rel.kind
        if (
            self.edges[source, target, kind]
            or (target is source and self.into[target, kind])
            or (kind == "contradictory" and self.edges[target, source, kind])
        ):
            return False
        self.relations.append(rel)
        self.link(rel)
        return True

    # Every relation is in its source's and its target's ``relations`` and counted in
    # ``edges`` (by source, target and kind) and ``into`` (by target and kind), so that
    # each "is there already such a relation?" is one lookup: with a scan of a node's
    # relations instead, a statement with 40,000 relations took a minute to read.

    def link(self, rel: Rel) -> None:
        """Index a relation: in its ends' relations, and counted by ends and kind."""
        rel.source.relations[rel] = None
        rel.target.relations[rel] = None
        self.edges[rel.source, rel.target, rel.kind] += 1
        self.into[rel.target, rel.kind] += 1

    def unlink(self, rel: Rel) -> None:
        """Take a relation out of the indexes (see link)."""
        rel.source.relations.pop(rel, None)
        rel.target.relations.pop(rel, None)
        self.edges[rel.source, rel.target, rel.kind] -= 1
        self.into[rel.target, rel.kind] -= 1

    def release(self) -> None:
        """Break the model's reference cycles, so that it is freed as soon as it is dropped.

        Nodes and their relations refer to each other (and inferences to their arguments);
        left so, a large model waits for the cycle collector, which then walks every part
        of it (0.5 s for 35,000 elements). The model is of no use afterwards.
        """
        for node in (*self.statements.values(), *self.arguments.values()):
            node.relations = {}
            for item in node.pcs:
                if item.inference is not None:
                    item.inference.relations = {}
                    item.inference.owner = None
        self.relations = []
        self.inference = None

    # -- Argdown's normalisation ----------------------------------------------------------

    def normalise(self) -> None:
        """Move relations off reconstructed arguments, as Argdown does, and drop repeats."""
        kept = [rel for rel in self.relations if self.move(rel)]
        if self.strict:
            kept = self.strict_statement_relations(kept)
        final: list[Rel] = []
        for rel in kept:
            if (
                rel.source.type == "statement"
                and rel.kind == "attack"
                and rel.target.type == "argument"
                and rel.target.pcs
                and self.redundant(rel)
            ):
                self.unlink(rel)
                continue
            final.append(rel)
        self.relations = final

    def move(self, rel: Rel) -> bool:
        """Move a relation as Argdown does; return False if that makes it a repeat.

        A relation from a reconstructed argument comes from its conclusion; an undercut of
        one attacks its last inference. (It is a repeat if its new end already has a
        relation of its kind with its other end, itself included when it now starts
        where it ends, as Argdown checks.)
        """
        if rel.source.type == "argument" and rel.source.pcs:
            conclusion = self.statements[rel.source.pcs[-1].title]
            target, kind = rel.target, rel.kind
            if self.edges[conclusion, target, kind] or (
                target is conclusion and self.into[target, kind]
            ):
                self.unlink(rel)
                return False
            self.unlink(rel)
            rel.source = conclusion
            self.link(rel)
        if rel.target.type == "argument" and rel.target.pcs and rel.kind == "undercut":
            inference = rel.target.pcs[-1].inference
            if inference is not None:
                self.unlink(rel)
                if self.edges[rel.source, inference, rel.kind]:
                    return False
                rel.target = inference
                self.link(rel)
        return True

    def strict_statement_relations(self, relations: list[Rel]) -> list[Rel]:
        """In strict mode, a statement supports one it entails and attacks a contrary one."""
        kept = []
        for rel in relations:
            if rel.source.type == "statement" and rel.target.type == "statement":
                source, target = rel.source, rel.target
                self.unlink(rel)
                if rel.kind == "support":
                    rel.kind = "entails"
                elif rel.kind == "attack":
                    if (
                        self.edges[source, target, "contrary"]
                        or self.edges[target, source, "contrary"]
                    ):
                        continue
                    rel.kind = "contrary"
                self.link(rel)
            kept.append(rel)
        return kept

    def redundant(self, rel: Rel) -> bool:
        """An attack on an argument that its source already makes on one of its premises.

        (Or a contradiction or contrariety between its source and a premise.)
        """
        source = rel.source
        premises = self.premises_of(rel.target)
        if len(premises) > len(source.relations):
            others = ((o.target if o.source is source else o.source) for o in source.relations)
            candidates: Iterable[Node] = [p for p in others if p.title in premises]
        else:
            candidates = [n for t in premises if (n := self.statements.get(t)) is not None]
        for premise in candidates:
            if premise.type != "statement":
                continue
            if self.edges[source, premise, "attack"] or any(
                self.edges[source, premise, kind] or self.edges[premise, source, kind]
                for kind in ("contradictory", "contrary")
            ):
                return True
        return False

    def premises_of(self, argument: Node) -> set[str]:
        """The titles of the premises of an argument's premise-conclusion structure."""
        found = self.premise_titles.get(argument)
        if found is None:
            found = {item.title for item in argument.pcs if item.inference is None}
            self.premise_titles[argument] = found
        return found


def canonical(node: Node) -> Member | None:
    """The member whose text is the node's: the last definition, or the one marked canonical."""
    chosen = None
    for member in reversed(node.members):
        if member.is_reference:
            continue
        if member.data.get("isCanonical"):
            return member
        if chosen is None:
            chosen = member
    return chosen


def describe(node: Node) -> str:
    """A node as a message names it: ``[statement]``, ``<argument>``, or an inference."""
    if node.type == "argument":
        return f"<{node.title}>"
    if node.type == "inference":
        return f"the inference of <{node.title}>"
    return f"[{node.title}]"


def read(text: str) -> tuple[Model, Tree]:
    """Parse Argdown text, and build and normalise its model.

    Raises:
        FormatError: for text that is not Argdown, with its line and column.
    """
    tree = parse_tree(text)
    model = Model()
    settings = frontmatter.settings(frontmatter.text_of(tree.front_matter))
    model_settings = settings.get("model")
    if isinstance(model_settings, dict) and model_settings.get("mode") == "strict":
        model.strict = True
    model.run(tree.paragraphs)
    model.normalise()
    return model, tree
