"""Argdown: read Argdown text into a map, and write maps as Argdown.

`Argdown <https://argdown.org>`_ writes argument maps as text: statements (``[Title]:
text``), arguments (``<Title>: text``), relations indented below them (``+`` support,
``-`` attack, ``_`` undercut, ``><`` contradiction, and ``+>``, ``->``, ``_>`` for the
other direction), premise-conclusion structures (numbered statements with ``----``
inference lines), headings, tags, comments and YAML metadata.

Reading (:func:`loads`) parses the whole Argdown 1.7 syntax with argmap's own parser
(:func:`parse` gives Argdown's own view: statements, arguments, relations, sections) and
then maps it onto argmap:

* Each statement (an *equivalence class*: every statement with the same title) becomes a
  claim, with its last defined text, its tags and its title as id (spaces become hyphens).
* An argument with a premise-conclusion structure becomes a support from its premises to
  its conclusion (one per inference step, each step using the statements since the last
  conclusion, and that conclusion). An argument without one becomes a claim: its text is
  the argument's gist.
* Relations become supports and rebuttals, read as Argdown reads them: a relation from an
  argument with premises comes from its conclusion; an undercut of such an argument
  attacks its inference; an attack on it undercuts its inference too (Argdown does not
  say which premise), and a support of it supports its conclusion (both marked in
  ``meta["argdown"]``). A contradiction becomes two rebuttals, one each way.
* Tags, headings (as the claim's ``section``), metadata and the front matter are kept in
  ``meta["argdown"]``; the claims no relation uses as a premise become the theses.

Writing (:func:`dumps`) gives an Argdown document that Argdown's own tool reads without
error: a front matter with the title and what Argdown has no syntax for (``argmap:`` the
map's id, description, sources, theses and verdicts), each claim as ``[id]: text #tags``
with its quotes and other fields as ``{"argmap": ...}`` data, then each relation in map
order: a single premise as ``+``, ``-`` or ``_`` below its target, and linked premises (or
a relation that is undercut, or has a label, scheme, metadata or an id of its own) as an
argument with a premise-conclusion structure. A rebuttal in that form concludes a
statement that says it is not so, which attacks the target (``->``) or undercuts the
relation (``_>``).

Argdown cannot carry line breaks inside a text (each, with the spaces around it, is
written as one space), nor spaces and tabs at its ends; runs of spaces and tabs are
escaped. Everything else survives argmap → Argdown → argmap: an id Argdown would read as
syntax gets a stand-in title (the id travels as data), what ``meta["argdown"]`` holds
beyond what the syntax says travels as argmap's data too (reading takes it instead of
what the syntax says), and the kept front matter is written back only where it cannot
change the map. A map that cannot be written so (no claim, a claim without text, a
repeated id, a relation with no, a repeated or an unknown premise, an unknown target...)
is refused with a :class:`~argmap.FormatError` naming what cannot be written.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from argmap._checks import shown
from argmap._frozen import MAX_META_DEPTH, FrozenMap, JSONValue, freeze_meta, nesting, thaw
from argmap.errors import ArgmapWarning, FormatError, ParameterError
from argmap.io._argdown_syntax import (
    ArgumentNode,
    Heading,
    Inference,
    ListNode,
    Pcs,
    RelationNode,
    Statement,
    parse_tree,
)
from argmap.io._shared import IdPool, derived_theses, refuse_lone_surrogates, slug
from argmap.io._yaml import MAX_DEPTH as YAML_MAX_DEPTH
from argmap.io._yaml import NOT_READ, YamlError, front_matter_blocks, load_block, load_flow
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    RelationId,
    Source,
    Support,
    Verdict,
)
from argmap.validate import validate

__all__ = [
    "DEFAULT_ID",
    "DEFAULT_TITLE",
    "ArgdownArgument",
    "ArgdownRelation",
    "ArgdownStatement",
    "Document",
    "Section",
    "dumps",
    "loads",
    "parse",
]

#: The id a map read from Argdown gets unless its front matter says otherwise.
DEFAULT_ID = "argdown"
#: The title a map read from Argdown gets unless its front matter names one.
DEFAULT_TITLE = "Argdown document"


# -- Argdown's own view of a document ------------------------------------------------------


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


# -- building Argdown's model, as @argdown/core's ModelPlugin does ------------------------


@attrs.define(eq=False)
class _Node:
    """A statement class, an argument or an inference, with the relations touching it."""

    type: str  # "statement", "argument" or "inference"
    title: str
    order: int
    # The relations from and to it, in order (a dict as an ordered set: removal is O(1)).
    relations: dict[_Rel, None] = attrs.Factory(dict)
    members: list[_Member] = attrs.Factory(list)
    tags: dict[str, None] = attrs.Factory(dict)  # (an ordered set)
    data: dict[str, Any] = attrs.Factory(dict)
    section: tuple[str, ...] | None = None
    # Arguments: their premise-conclusion structure; inferences: their argument.
    pcs: list[_PcsItem] = attrs.Factory(list)
    owner: _Node | None = None
    step: int = 0


@attrs.define(eq=False)
class _Member:
    text: str
    plain: str
    is_reference: bool
    data: dict[str, Any]


@attrs.define(eq=False)
class _PcsItem:
    title: str
    inference: _Node | None  # set on conclusions
    rules: tuple[str, ...] = ()
    inference_data: dict[str, Any] = attrs.Factory(dict)


@attrs.define(eq=False)
class _Rel:
    kind: str
    source: _Node
    target: _Node
    order: int
    line: int


def _json_keys(value: Any) -> Any:  # noqa: ANN401 - YAML in, JSON out
    """YAML allows keys of any type; JSON (and argmap's metadata) only strings."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else json.dumps(k): _json_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_keys(v) for v in value]
    return value


def _read_data(raw: str, at: int, *, own: bool) -> Any:  # noqa: ANN401 - YAML in, JSON out
    """The value of a ``{...}`` block (see ``_Model.data``).

    Raises:
        YamlError: if it is not YAML argmap reads, or would nest metadata too deeply.
    """
    value = _json_keys(load_flow(raw))
    if isinstance(value, dict) and _too_deep(value, at, own=own):
        msg = f"it would nest metadata more than {MAX_META_DEPTH} levels deep"
        raise YamlError(msg)
    return value


def _too_deep(data: Mapping[str, Any], at: int, *, own: bool) -> bool:
    """Whether ``data`` kept at level ``at`` of metadata would nest it too deeply.

    With ``own``, its ``argmap`` entry is not kept there, but that entry's ``meta`` becomes
    an item's metadata.
    """
    kept = {k: v for k, v in data.items() if not (own and k == "argmap")}
    if at - 1 + nesting(kept) > MAX_META_DEPTH:
        return True
    mine = data.get("argmap") if own else None
    return isinstance(mine, dict) and nesting(mine.get("meta")) > MAX_META_DEPTH


def _deep_merge(into: dict[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    for k, v in more.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _deep_merge(into[k], v)
        else:
            into[k] = v
    return into


class _Model:
    """Walks the tree and builds statements, arguments and relations."""

    def __init__(self) -> None:
        self.statements: dict[str, _Node] = {}
        self.arguments: dict[str, _Node] = {}
        self.relations: list[_Rel] = []
        self.sections: list[dict[str, Any]] = []
        self.section_stack: list[dict[str, Any]] = []
        self.untitled = 0
        self.order = 0
        self.inference: _Node | None = None  # the last inference seen (Argdown keeps it)
        self.warnings: list[str] = []
        self.strict = False  # the front matter's model: {mode: strict}
        # Indexes of the relations (see ``link``), and the premises of each argument.
        self.edges: Counter[tuple[_Node, _Node, str]] = Counter()
        self.into: Counter[tuple[_Node, str]] = Counter()
        self.premise_titles: dict[_Node, set[str]] = {}

    def tick(self) -> int:
        self.order += 1
        return self.order

    def untitled_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def section_path(self) -> tuple[str, ...]:
        return tuple(s["title"] for s in self.section_stack)

    def statement_class(self, title: str) -> _Node:
        node = self.statements.get(title)
        if node is None:
            node = self.statements[title] = _Node("statement", title, self.tick())
        return node

    def argument_node(self, title: str | None) -> _Node:
        if title is not None and title in self.arguments:
            return self.arguments[title]
        title = title if title is not None else self.untitled_title()
        node = self.arguments[title] = _Node("argument", title, self.tick())
        return node

    def data(
        self, raw: str | None, line: int, column: int, *, at: int = 3, own: bool = True
    ) -> dict[str, Any]:
        """The metadata ``{...}`` of a statement, argument, inference or heading.

        What argmap cannot read, or could not write back, is kept as text with a warning:
        YAML beyond what :mod:`argmap.io._yaml` reads, and data that would make a map's
        metadata nest more than :data:`~argmap._frozen.MAX_META_DEPTH` levels. The data
        is kept at level ``at`` of the metadata; with ``own``, its ``argmap`` entry is
        argmap's own data (whose ``meta`` becomes the item's metadata).
        """
        if raw is None:
            return {}
        try:
            value = _read_data(raw, at, own=own)
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

    def run(self, paragraphs: Iterable[Any]) -> None:
        previous: Any = None
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

    def statement(self, s: Statement) -> _Node:
        if s.relations and s.title is None:
            s.title = self.untitled_title()
        if s.relations:
            parent = self.statement_class(s.title or "")
            self.relations_of(parent, s.relations)
        if s.title is None:
            s.title = self.untitled_title()
        node = self.statement_class(s.title)
        node.tags.update(dict.fromkeys(s.content.tags))
        data = self.data(s.data, s.line, s.column)
        if data:
            node.data = _deep_merge(node.data, data)
        node.members.append(_Member(s.content.text, s.content.plain, s.is_reference, data))
        if node.section is None and not s.is_reference:
            node.section = self.section_path()
        return node

    def argument(self, a: ArgumentNode) -> _Node:
        if a.relations:
            self.relations_of(self.argument_node(a.title), a.relations)
        node = self.argument_node(a.title)
        node.tags.update(dict.fromkeys(a.content.tags))
        data = self.data(a.data, a.line, a.column)
        if data:
            node.data = _deep_merge(node.data, data)
        node.members.append(_Member(a.content.text, a.content.plain, a.is_reference, data))
        if node.section is None and not a.is_reference:
            node.section = self.section_path()
        return node

    def pcs(self, p: Pcs, owner: _Node | None) -> None:
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
                inference_node = _Node(
                    "inference", argument.title, self.tick(), owner=argument, step=step
                )
                self.inference = inference_node
                self.inference_relations(inference_node, item.after_inference)
            self.statement(item.statement)
            title = item.statement.title or ""
            self.statement_class(title)
            inference = item.after_inference
            argument.pcs.append(
                _PcsItem(
                    title,
                    inference_node,
                    tuple(inference.rules) if inference else (),
                    self.data(inference.data, inference.line, inference.column, own=False)
                    if inference
                    else {},
                )
            )

    def inference_relations(self, node: _Node, inference: Inference) -> None:
        for r in inference.relations:
            self.relation(node, r)

    def relations_of(self, parent: _Node, relations: list[RelationNode]) -> None:
        for r in relations:
            self.relation(parent, r)

    def relation(self, parent: _Node, r: RelationNode) -> None:
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
        self.add(_Rel(kind, source, target, self.tick(), r.line))

    def add(self, rel: _Rel) -> bool:
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

    def link(self, rel: _Rel) -> None:
        rel.source.relations[rel] = None
        rel.target.relations[rel] = None
        self.edges[rel.source, rel.target, rel.kind] += 1
        self.into[rel.target, rel.kind] += 1

    def unlink(self, rel: _Rel) -> None:
        rel.source.relations.pop(rel, None)
        rel.target.relations.pop(rel, None)
        self.edges[rel.source, rel.target, rel.kind] -= 1
        self.into[rel.target, rel.kind] -= 1

    # -- Argdown's normalisation ----------------------------------------------------------

    def normalise(self) -> None:
        """Move relations off reconstructed arguments, as Argdown does, and drop repeats."""
        kept = [rel for rel in self.relations if self.move(rel)]
        if self.strict:
            kept = self.strict_statement_relations(kept)
        final: list[_Rel] = []
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

    def move(self, rel: _Rel) -> bool:
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

    def strict_statement_relations(self, relations: list[_Rel]) -> list[_Rel]:
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

    def redundant(self, rel: _Rel) -> bool:
        """An attack on an argument that its source already makes on one of its premises.

        (Or a contradiction or contrariety between its source and a premise.)
        """
        source = rel.source
        premises = self.premises_of(rel.target)
        if len(premises) > len(source.relations):
            others = ((o.target if o.source is source else o.source) for o in source.relations)
            candidates: Iterable[_Node] = [p for p in others if p.title in premises]
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

    def premises_of(self, argument: _Node) -> set[str]:
        """The titles of the premises of an argument's premise-conclusion structure."""
        found = self.premise_titles.get(argument)
        if found is None:
            found = {item.title for item in argument.pcs if item.inference is None}
            self.premise_titles[argument] = found
        return found


def _canonical(node: _Node) -> _Member | None:
    chosen = None
    for member in reversed(node.members):
        if member.is_reference:
            continue
        if member.data.get("isCanonical"):
            return member
        if chosen is None:
            chosen = member
    return chosen


def _section_of(raw: Mapping[str, Any]) -> Section:
    return Section(raw["title"], raw["level"], tuple(_section_of(c) for c in raw["children"]))


def _read(text: str) -> tuple[_Model, Any]:
    tree = parse_tree(text)
    model = _Model()
    settings = _front_settings(_front_matter_text(tree.front_matter))
    model_settings = settings.get("model")
    if isinstance(model_settings, dict) and model_settings.get("mode") == "strict":
        model.strict = True
    model.run(tree.paragraphs)
    model.normalise()
    return model, tree


def _front_settings(text: str | None) -> dict[str, Any]:
    if text is None:
        return {}
    blocks = front_matter_blocks(text)
    return {k: _json_keys(v) for k, _, v in blocks if k is not None and v is not NOT_READ}


def _check_own_entry(text: str | None, line: int) -> None:
    """Refuse a front matter whose ``argmap`` entry (the map's id, sources, theses...) is bad.

    Other entries argmap cannot read are kept as text; argmap's own entry holds what the
    map needs, so it must read as an object whose metadata nests no deeper than metadata
    may (:data:`~argmap._frozen.MAX_META_DEPTH`).
    """
    if text is None:
        return
    for key, body, value in front_matter_blocks(text):
        if key == "argmap" and (why := _own_entry_problem(body, value)):
            msg = (
                f"Argdown: line {line}: the front matter's argmap entry cannot be read: "
                f"{why}; fix it, or remove it (it holds the map's id, sources and theses)"
            )
            raise FormatError(msg, line=line)
        line += body.count("\n")


def _own_entry_problem(body: str, value: Any) -> str:  # noqa: ANN401 - YAML
    """What is wrong with the front matter's ``argmap`` entry (``body``), or ""."""
    if value is NOT_READ:
        try:
            load_block(body.splitlines(keepends=True))
        except YamlError as exc:
            return f"it is not YAML argmap can read ({exc})"
        except RecursionError:
            return "it is nested too deeply"
        return "it is not YAML argmap can read"
    if not isinstance(value, dict):
        return "it is not an object"
    if nesting(value.get("meta")) > MAX_META_DEPTH:
        return f"its metadata nests more than {MAX_META_DEPTH} levels deep"
    return ""


def _front_matter_text(raw: str | None) -> str | None:
    if raw is None:
        return None
    body = re.sub(r"^\s*={3,}", "", raw)
    return re.sub(r"={3,}\s*$", "", body)


def parse(text: str) -> Document:
    """Read Argdown text as Argdown itself does: statements, arguments, relations, sections.

    The counts agree with what ``argdown json`` (``@argdown/cli`` 1.7) exports.

    Raises:
        FormatError: for text that is not Argdown, with its line and column.
    """
    try:
        model, tree = _read(text)
    except RecursionError:
        raise FormatError("not readable Argdown: it is nested too deeply") from None
    for message in model.warnings:
        warnings.warn(f"Argdown: {message}", ArgmapWarning, stacklevel=2)
    return _document(model, tree)


def _document(model: _Model, tree: Any) -> Document:  # noqa: ANN401 - the parse tree
    statements = tuple(
        ArgdownStatement(
            n.title,
            (c.text if (c := _canonical(n)) else ""),
            tuple(n.tags),
            freeze_meta(n.data, max_depth=YAML_MAX_DEPTH),
            n.section or (),
            len(n.members),
        )
        for n in model.statements.values()
    )
    arguments = tuple(
        ArgdownArgument(
            n.title,
            (c.text if (c := _canonical(n)) else ""),
            tuple(n.tags),
            freeze_meta(n.data, max_depth=YAML_MAX_DEPTH),
            n.section or (),
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
        _front_matter_text(tree.front_matter),
    )


# -- reading into a map -----------------------------------------------------------------------

_SUPPORTS = {"support", "entails"}
_VERBS = {
    "support": "supports",
    "entails": "supports",
    "attack": "rebuts",
    "undercut": "undercuts",
    "contradictory": "contradicts",
    "contrary": "contradicts",
}


def _argmap_data(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split metadata into argmap's own ``argmap`` entry and the rest."""
    rest = dict(data)
    own = rest.pop("argmap", None)
    if not isinstance(own, dict):
        if own is not None:
            rest["argmap"] = own
        own = {}
    return own, rest


def _text_of(node: _Node) -> str:
    member = _canonical(node)
    return member.plain.strip(" \t") if member is not None else ""


def _score(value: object, node: _Node) -> float | None:
    """A base score from argmap's data: a number that is a float, or None."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        return float(value)
    except OverflowError:
        msg = (
            f"Argdown: {_shown(node)} has a base score beyond the largest float in its "
            "data; use a number from 0 to 1"
        )
        raise FormatError(msg) from None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


class _Mapper:
    """Turns Argdown's model into a map."""

    def __init__(self, model: _Model, front: Mapping[str, Any]) -> None:
        self.model = model
        self.front = front
        own = front.get("argmap")
        self.extra: dict[str, Any] = own if isinstance(own, dict) else {}
        self.pool = IdPool()
        self.claim_of: dict[int, str] = {}  # id() of a node -> claim id
        self.relation_of: dict[int, str] = {}  # id() of an inference -> relation id
        self.synthetic: dict[int, _Node] = {}  # id() of a synthetic conclusion -> its argument
        self.rebuttal_forms: dict[int, _Rel] = {}  # id() of an argument -> its attack
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # -- claims --------------------------------------------------------------------------

    def find_rebuttal_forms(self) -> None:
        """Arguments argmap wrote for a rebuttal: premises, a stand-in conclusion, an attack."""
        for argument in self.model.arguments.values():
            own, _ = _argmap_data(argument.data)
            if own.get("kind") != "rebuttal" or not argument.pcs:
                continue
            conclusion = self.model.statements.get(argument.pcs[-1].title)
            if conclusion is None or len(conclusion.members) != 1:
                continue
            outgoing = [r for r in conclusion.relations if r.source is conclusion]
            incoming = [r for r in conclusion.relations if r.target is conclusion]
            steps = sum(1 for item in argument.pcs if item.inference is not None)
            attacks = len(outgoing) == 1 and outgoing[0].kind in {"attack", "undercut", "contrary"}
            if attacks and not incoming and steps == 1:
                self.synthetic[id(conclusion)] = argument
                self.rebuttal_forms[id(argument)] = outgoing[0]

    def claims(self) -> list[Claim]:
        nodes = [n for n in self.model.statements.values() if id(n) not in self.synthetic]
        nodes += [a for a in self.model.arguments.values() if not a.pcs]
        nodes.sort(key=lambda n: n.order)
        out = []
        for node in nodes:
            own, rest = _argmap_data(node.data)
            wanted = _str(own.get("id")) or slug(node.title, default="statement")
            cid = self.pool.take(wanted)
            self.claim_of[id(node)] = cid
            out.append(self.claim(node, cid, own, rest))
        return out

    def claim(self, node: _Node, cid: str, own: Mapping[str, Any], rest: dict[str, Any]) -> Claim:
        text = _text_of(node) or node.title
        tags = own.get("tags")
        tags = (
            [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else list(node.tags)
        )
        argdown: dict[str, Any] = {}
        if node.type == "argument":
            argdown["argument"] = True
        if node.title != cid and not own.get("id"):
            argdown["title"] = node.title
        if rest:
            argdown["data"] = rest
        if node.section:
            argdown["section"] = list(node.section)
        quotes = [
            Quote(q["source"], q["text"])
            for q in own.get("quotes", [])
            if isinstance(own.get("quotes"), list)
            if isinstance(q, dict)
            and isinstance(q.get("source"), str)
            and isinstance(q.get("text"), str)
        ]
        meta = dict(own.get("meta", {})) if isinstance(own.get("meta"), dict) else {}
        if argdown and "argdown" not in meta:  # (argmap's data, if it has one, wins)
            meta["argdown"] = argdown
        score = own.get("baseScore")
        return Claim(
            cid,
            text,
            implicit=own.get("implicit") is True,
            tags=tags,
            quotes=quotes,
            note=_str(own.get("note")),
            qualifier=_str(own.get("qualifier")),
            base_score=_score(score, node),
            meta=meta,
        )

    # -- relations -------------------------------------------------------------------------

    def argument_ids(self) -> None:
        """Ids for each inference step of the reconstructed arguments."""
        for argument in sorted(self.model.arguments.values(), key=lambda a: a.order):
            if not argument.pcs:
                continue
            own, _ = _argmap_data(argument.data)
            main = self.pool.take(_str(own.get("id")) or slug(argument.title, default="argument"))
            steps = [item.inference for item in argument.pcs if item.inference is not None]
            for k, inference in enumerate(steps, start=1):
                rid = main if k == len(steps) else self.pool.take(f"{main}--step-{k}")
                self.relation_of[id(inference)] = rid

    def relations(self) -> list[Relation]:
        found: list[tuple[int, Relation]] = []
        for argument in self.model.arguments.values():
            if argument.pcs:
                found.extend(self.argument_relations(argument))
        for rel in self.model.relations:
            if id(rel.source) in self.synthetic:
                continue
            found.extend(self.relation(rel))
        found.sort(key=lambda pair: pair[0])
        return [r for _, r in found]

    def argument_relations(self, argument: _Node) -> list[tuple[int, Relation]]:
        """One relation per inference step.

        The statements since the last conclusion, and that conclusion, support the next
        conclusion (or, in argmap's own rebuttal form, attack the target).
        """
        out: list[tuple[int, Relation]] = []
        premises: list[str] = []
        previous: str | None = None
        last = [item for item in argument.pcs if item.inference is not None][-1]
        for item in argument.pcs:
            if item.inference is None:
                premises.append(item.title)
                continue
            used = ([previous] if previous is not None else []) + premises
            premises, previous = [], item.title
            relation = self.step(argument, item, used, is_main=item is last)
            if relation is not None:
                out.append((item.inference.order, relation))
        return out

    def step(  # noqa: C901 - the step's premises, metadata and kind
        self, argument: _Node, item: _PcsItem, used: list[str], *, is_main: bool
    ) -> Relation | None:
        own, rest = _argmap_data(argument.data)
        if item.inference is None:  # pragma: no cover - steps end at conclusions
            return None
        rid = self.relation_of[id(item.inference)]
        premise_ids = []
        for title in dict.fromkeys(used):
            pid = self.claim_of.get(id(self.model.statements[title]))
            if title == item.title:
                self.warn(
                    f"argument <{argument.title}> concludes its own premise [{title}]; that "
                    "premise is left out"
                )
            elif pid is not None:
                premise_ids.append(pid)
        meta: dict[str, Any] = {}
        argdown: dict[str, Any] = {}
        if is_main:
            meta.update(own.get("meta", {}) if isinstance(own.get("meta"), dict) else {})
            more = {
                "argument": argument.title
                if slug(argument.title) != rid and not own.get("id")
                else None,
                "data": rest,
                "tags": list(argument.tags),
                "section": list(argument.section or ()),
            }
            argdown.update((k, v) for k, v in more.items() if v)
        if item.inference_data:
            argdown["inference"] = item.inference_data
        if argdown and "argdown" not in meta:  # (argmap's data, if it has one, wins)
            meta["argdown"] = argdown
        scheme = ", ".join(r for r in item.rules if r)
        label = _text_of(argument) if is_main else ""
        if is_main and id(argument) in self.rebuttal_forms:
            target = self.target_of(self.rebuttal_forms[id(argument)])
            if target is None:
                return None
            return Rebuttal(rid, premise_ids, target, label=label, scheme=scheme, meta=meta)
        conclusion = self.claim_of.get(id(self.model.statements[item.title]))
        if conclusion is None:
            return None
        return Support(rid, premise_ids, conclusion, label=label, scheme=scheme, meta=meta)

    def target_of(self, rel: _Rel) -> str | None:
        target = rel.target
        if target.type == "inference":
            return self.relation_of.get(id(target))
        if target.type == "argument" and target.pcs:
            inference = target.pcs[-1].inference
            return self.relation_of.get(id(inference)) if inference is not None else None
        return self.claim_of.get(id(target))

    def relation(self, rel: _Rel) -> list[tuple[int, Relation]]:
        source = self.claim_of.get(id(rel.source))
        if source is None:
            return []
        target_node = rel.target
        meta: dict[str, Any] = {}
        kind = rel.kind
        if target_node.type == "argument" and target_node.pcs:
            # Argdown does not say which premise: an attack undercuts the argument's
            # inference, a support supports its conclusion.
            meta = {"argdown": {"relation": kind, "to": target_node.title}}
            if kind in _SUPPORTS:
                conclusion = self.model.statements[target_node.pcs[-1].title]
                target = self.claim_of.get(id(conclusion))
            else:
                target = self.target_of(rel)
                kind = "undercut"
        else:
            target = self.target_of(rel)
            if kind == "undercut" and target_node.type != "inference":
                meta = {"argdown": {"relation": "undercut"}}
                self.warn(
                    f"line {rel.line}: an undercut of {_shown(target_node)} has no inference to "
                    "attack; read as a rebuttal of it"
                )
        if target is None:
            return []
        if source == target:
            if kind not in _SUPPORTS:
                self.warn(f"line {rel.line}: {_shown(rel.source)} attacks itself; left out")
            return []
        if kind in {"contradictory", "contrary"}:
            meta = {"argdown": {"relation": kind}}
            first = Rebuttal(
                self.pool.take(f"{source}--contradicts--{target}"), [source], target, meta=meta
            )
            second = Rebuttal(
                self.pool.take(f"{target}--contradicts--{source}"), [target], source, meta=meta
            )
            return [(rel.order, first), (rel.order, second)]
        rid = self.pool.take(f"{source}--{_VERBS[kind]}--{target}")
        if kind in _SUPPORTS:
            return [(rel.order, Support(rid, [source], target, meta=meta))]
        return [(rel.order, Rebuttal(rid, [source], target, meta=meta))]


def _shown(node: _Node) -> str:
    if node.type == "argument":
        return f"<{node.title}>"
    if node.type == "inference":
        return f"the inference of <{node.title}>"
    return f"[{node.title}]"


def _to_map(model: _Model, tree: Any) -> tuple[ArgumentMap, list[str]]:  # noqa: ANN401
    front_text = _front_matter_text(tree.front_matter)
    _check_own_entry(front_text, tree.front_matter_line)
    front = _front_settings(front_text)
    mapper = _Mapper(model, front)
    mapper.find_rebuttal_forms()
    claims = mapper.claims()
    mapper.argument_ids()
    relations = mapper.relations()
    extra = mapper.extra
    sources = [
        Source(
            s["id"],
            _str(s.get("title")),
            **{k: _str(s.get(k)) for k in ("author", "outlet", "date", "url")},
        )
        for s in _list(extra.get("sources"))
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
    meta = dict(extra.get("meta", {})) if isinstance(extra.get("meta"), dict) else {}
    argdown: dict[str, Any] = {}
    if front_text is not None:
        others = "".join(
            body
            for key, body, _ in front_matter_blocks(front_text)
            if key not in {"title", "argmap"}
        )
        if others.strip():
            argdown["frontMatter"] = others
    if model.sections:
        argdown["sections"] = [_plain_section(s) for s in model.sections]
    if argdown and "argdown" not in meta:  # (argmap's data, if it has one, wins)
        meta["argdown"] = argdown
    m = ArgumentMap(
        _str(extra.get("id"), DEFAULT_ID),
        _str(front.get("title"), DEFAULT_TITLE),
        description=_str(extra.get("description")),
        sources=sources,
        claims=claims,
        relations=relations,
        meta=meta,
    )
    theses = extra.get("theses")
    verdicts = extra.get("verdicts")
    valid = {v.value for v in Verdict}
    return (
        attrs.evolve(
            m,
            theses=[t for t in theses if isinstance(t, str)]
            if isinstance(theses, list)
            else derived_theses(m),
            verdicts={k: v for k, v in verdicts.items() if isinstance(v, str) and v in valid}
            if isinstance(verdicts, dict)
            else {},
        ),
        mapper.warnings,
    )


def _plain_section(raw: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"title": raw["title"], "level": raw["level"]}
    if raw.get("data"):
        out["data"] = raw["data"]
    if raw["children"]:
        out["children"] = [_plain_section(c) for c in raw["children"]]
    return out


def loads(text: str) -> ArgumentMap:
    """Read a map from Argdown text (see the module docstring for how it maps).

    The map is not validated here; :func:`argmap.loads` does that.

    Raises:
        FormatError: for text that is not Argdown; the message names the line and column.
        ParameterError: if ``text`` is not a string.
    """
    if not isinstance(text, str):
        msg = f"Argdown text must be a string, not {shown(text)}"
        raise ParameterError(msg)
    refuse_lone_surrogates(text)
    try:
        model, tree = _read(text)
        m, notes = _to_map(model, tree)
    except RecursionError:
        raise FormatError("not readable Argdown: it is nested too deeply") from None
    for message in [*model.warnings, *notes]:
        warnings.warn(f"Argdown: {message}", ArgmapWarning, stacklevel=3)
    return m


# -- writing ----------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*")
_ALWAYS_ESCAPED = frozenset("\\[]<{}#*_")
_SPECIAL_AT = re.compile(
    r"(?:\.[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+?\.)"
    r"|(?::[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+?:)"
)
# Characters YAML (as Argdown's js-yaml reads it) or Argdown's data token cannot hold raw;
# and ">", lest a ">:" in the data after an argument reference (``<title> {...}``) make
# Argdown read the line up to it as an argument definition.
_JSON_UNSAFE = re.compile(r"[{}=>\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_SIMPLE_TAG = re.compile(r"[a-zA-Z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")


def flatten(text: str) -> str:
    """What Argdown keeps of a text's whitespace.

    A line break, with the spaces and tabs around it, becomes one space, and spaces and
    tabs at either end go; other spaces and tabs stay as they are.
    """
    return _LINE_BREAKS.sub(" ", text).strip(" \t")


def _escape(text: str, *, inference: bool = False) -> str:
    """Escape what Argdown would read as syntax, so that the text reads back as it is."""
    text = flatten(text)
    out: list[str] = []
    n = len(text)
    for i, c in enumerate(text):
        nxt = text[i + 1] if i + 1 < n else ""
        prev = text[i - 1] if i else ""
        escape = (
            c in _ALWAYS_ESCAPED
            # Argdown skips spaces between tokens: runs of them, and tabs, are escaped.
            or c == "\t"
            or (c == " " and (prev in {" ", "\t"} or nxt in {" ", "\t"}))
            or (c == "/" and nxt in {"/", "*"})
            or (c == "=" and "=" in {prev, nxt})
            or (c in ".:" and _SPECIAL_AT.match(text, i) is not None)
            or (inference and (c == "," or (c == "-" and "-" in {prev, nxt})))
        )
        out.append("\\" + c if escape else c)
    return "".join(out)


def _json(value: Any) -> str:  # noqa: ANN401 - any JSON value
    """JSON that is also YAML Argdown reads safely, inside ``{...}`` data or a front matter."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_json(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    if isinstance(value, str):
        encoded = json.dumps(value, ensure_ascii=False)
        return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
    try:
        return json.dumps(value, allow_nan=False)
    except ValueError:
        msg = "Argdown's YAML cannot carry NaN or infinity; use a number from 0 to 1"
        raise FormatError(msg) from None


def _statement_title_ok(title: str) -> bool:
    """Whether ``[title]`` reads back as this title, and the title as this id.

    A ``]`` would end it early; ``[-`` is no reference; whitespace or control characters
    would change the id read from it.
    """
    return bool(title) and "]" not in title and title[0] != "-" and slug(title) == title


def _argument_title_ok(title: str) -> bool:
    """Whether ``<title>`` reads back as this title, and the title as this id.

    A ``>`` would end it early; at the start of a line ``<+``, ``<-`` and ``<_`` are
    relation symbols and ``<!--`` opens a comment.
    """
    return (
        bool(title)
        and ">" not in title
        and title[0] not in "+-_"
        and not title.startswith("!--")
        and slug(title) == title
    )


def _tags(tags: tuple[str, ...]) -> tuple[str, list[str] | None]:
    """Tags as Argdown text, or (if some cannot be written so) as data."""
    written = []
    for tag in tags:
        if _SIMPLE_TAG.fullmatch(tag):
            written.append(f"#{tag}")
        elif tag and ")" not in tag and tag.strip(" \t") == tag and flatten(tag) == tag:
            written.append(f"#({tag})")
        else:
            return "", list(tags)
    if len(set(tags)) != len(tags):
        return "", list(tags)
    return " ".join(written), None


class _Writer:
    """Lays out the document: front matter, claims, then relations in map order."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.used_titles: set[str] = {c.id for c in m.claims} | {r.id for r in m.relations}
        self.statement_title: dict[str, str] = {}
        self.argument_title: dict[str, str] = {}
        self.as_argument: set[str] = set()
        self.pairs: dict[str, str] = {}
        self.seconds: set[str] = set()
        self.compact: set[str] = set()
        self.loose: set[str] = set()
        # The relations written as arguments, by title; the claims each statement is
        # written attacking or contradicting (for _loose_line).
        self.by_title: dict[str, Relation] = {}
        self.attacks: dict[str, set[str]] = {}
        self.counter = 0

    def fresh(self, base: str) -> str:
        candidate = base
        while candidate in self.used_titles:
            self.counter += 1
            candidate = f"{base}-{self.counter}"
        self.used_titles.add(candidate)
        return candidate

    def claim_ref(self, cid: str) -> str:
        if cid in self.as_argument:
            return f"<{self.argument_title[cid]}>"
        return f"[{self.statement_title.get(cid, cid)}]"

    def argument_form(self, rid: str) -> bool:
        """Whether a relation is written as an argument with premises and a conclusion."""
        return rid in self.argument_title and not (
            rid in self.compact or rid in self.pairs or rid in self.seconds or rid in self.loose
        )

    def relation_ref(self, rid: str) -> str:
        return f"<{self.argument_title[rid]}>"


def _argdown_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    raw = meta.get("argdown")
    value = thaw(raw) if raw is not None else {}
    return value if isinstance(value, dict) else {}


def _other_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    return {k: thaw(v) for k, v in meta.items() if k != "argdown"}


def _native_data(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    """``meta["argdown"]["data"]`` if it can be written as the item's own ``{...}`` data.

    It must be an object, and hold no ``argmap`` key (argmap's own entry goes there).
    """
    data = _argdown_meta(meta).get("data")
    if isinstance(data, dict) and data and "argmap" not in data:
        return data
    return {}


def _meta_to_carry(meta: Mapping[str, JSONValue], derived: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata to write in argmap's own data: all of it but what Argdown syntax carries.

    ``meta["argdown"]`` says how the item was written in Argdown. Reading gives it back
    from the syntax (``derived``: what the writer expressed); if that is not all of it,
    the whole entry travels in argmap's own data, which reading then takes instead.
    """
    other = _other_meta(meta)
    own = meta.get("argdown")
    if own is not None and (not derived or own != freeze_meta(derived)):
        other["argdown"] = thaw(own)
    return other


def _is_compact(m: ArgumentMap, r: Relation, undercut_targets: set[str]) -> bool:
    """Whether a relation can be one relation line (``+``, ``-`` or ``_``)."""
    if len(r.premises) != 1 or r.id in undercut_targets or r.label or r.scheme or r.meta:
        return False
    premise = r.premises[0]
    if isinstance(r, Support):
        return r.target in m.claims_by_id and r.id == f"{premise}--supports--{r.target}"
    if r.target in m.claims_by_id:
        return r.id == f"{premise}--rebuts--{r.target}"
    return r.target in m.relations_by_id and r.id == f"{premise}--undercuts--{r.target}"


def _looks_loose(r: Relation) -> bool:
    """Whether a relation may be one of Argdown's looser forms (see :func:`_loose_line`)."""
    return set(r.meta) == {"argdown"} and "relation" in _argdown_meta(r.meta)


def _contradiction_pairs(m: ArgumentMap) -> dict[str, str]:
    """Rebuttals read from one Argdown contradiction (``><``), by id: first -> second."""
    pairs: dict[str, str] = {}
    for r in m.relations:
        # (In strict mode Argdown reads "contrary" relations, which argmap writes as
        # arguments: ">< " reads back as "contradictory".)
        if not isinstance(r, Rebuttal) or r.meta != {"argdown": {"relation": "contradictory"}}:
            continue
        if len(r.premises) != 1 or r.label or r.scheme or r.target not in m.claims_by_id:
            continue
        a, b = r.premises[0], r.target
        if r.id != f"{a}--contradicts--{b}":
            continue
        mirror = m.relations_by_id.get(RelationId(f"{b}--contradicts--{a}"))
        if (
            isinstance(mirror, Rebuttal)
            and mirror.premises == (b,)
            and mirror.target == a
            and mirror.meta == r.meta
            and not mirror.label
            and not mirror.scheme
            and mirror.id not in pairs
            and r.id not in pairs.values()
        ):
            pairs[r.id] = mirror.id
    return pairs


def _plan(m: ArgumentMap) -> _Writer:  # noqa: C901 - a few passes over the relations
    """Decide how each relation is written, and each claim's and argument's title."""
    w = _Writer(m)
    undercut_targets: set[str] = {r.target for r in m.relations if r.target in m.relations_by_id}
    w.pairs = _contradiction_pairs(m)
    w.seconds = set(w.pairs.values())
    special = set(w.pairs) | w.seconds
    w.compact = {
        r.id for r in m.relations if r.id not in special and _is_compact(m, r, undercut_targets)
    }
    # Titles: ids where Argdown can write them, stand-ins (with the id as data) where not.
    for c in m.claims:
        w.statement_title[c.id] = c.id if _statement_title_ok(c.id) else w.fresh("claim")
    for r in m.relations:
        if r.id not in w.compact:
            w.argument_title[r.id] = r.id if _argument_title_ok(r.id) else w.fresh("argument")
    for r in m.relations:
        if r.id in special or (r.id in w.compact and isinstance(r, Rebuttal)):
            w.attacks.setdefault(r.premises[0], set()).add(r.target)
            if r.id in special:
                w.attacks.setdefault(r.target, set()).add(r.premises[0])
    loose: set[str] = {
        str(r.id) for r in m.relations if r.id not in special | w.compact and _looks_loose(r)
    }
    while True:
        w.loose = loose
        in_pcs: set[str] = set()
        for r in m.relations:
            if r.id in special or r.id in w.compact or r.id in loose:
                continue
            in_pcs.update(r.premises)
            if isinstance(r, Support):
                in_pcs.add(r.target)
        # A claim read from an argument's gist is written as one, unless a premise-conclusion
        # structure needs it as a statement.
        w.as_argument = {
            c.id
            for c in m.claims
            if _argdown_meta(c.meta).get("argument") is True
            and c.id not in in_pcs
            and _argument_title_ok(c.id)
        }
        for cid in w.as_argument:
            w.argument_title[cid] = cid
        w.by_title = {w.argument_title[r.id]: r for r in m.relations if w.argument_form(r.id)}
        written = {rid for rid in loose if _loose_line(w, m.relations_by_id[RelationId(rid)])}
        if written == loose:
            return w
        loose = written


def _front_matter(m: ArgumentMap) -> str:
    """The front matter: the title, and what Argdown has no syntax for (as JSON).

    The other entries of a front matter read from Argdown (``meta["argdown"]
    ["frontMatter"]``) are written back as they were, unless that would change what the
    document says (see :func:`_kept_front_matter`); then they travel as data.
    """
    title = f"title: {_json(m.title)}"
    kept = _argdown_meta(m.meta).get("frontMatter")
    native = _kept_front_matter(title, kept) if isinstance(kept, str) else None
    derived = {"frontMatter": native[1]} if native is not None and native[1].strip() else {}
    extra: dict[str, Any] = {
        "id": m.id if m.id != DEFAULT_ID else None,
        "description": m.description,
        "sources": [
            {"id": s.id, "title": s.title}
            | {k: getattr(s, k) for k in ("author", "outlet", "date", "url") if getattr(s, k)}
            for s in m.sources
        ],
        "theses": list(m.theses) if m.theses != derived_theses(m) else None,
        "verdicts": {k: str(v) for k, v in m.verdicts.items()},
        "meta": _meta_to_carry(m.meta, derived),
    }
    # (An id of "" and theses of [] are written: reading would give the default id and
    # the derived theses.)
    extra = {k: v for k, v in extra.items() if v or (k in {"id", "theses"} and v in ("", []))}
    lines = ["===", title]
    if extra:
        lines.append(f"argmap: {_json(extra)}")
    if native is not None and native[0]:
        lines.append(native[0])
    lines.append("===")
    return "\n".join(lines)


def _kept_front_matter(title: str, kept: str) -> tuple[str, str] | None:
    """Kept front matter entries as they can be written, and what reading then gives back.

    Returns ``None`` when writing them would change what the document says: a ``===``
    would end the front matter early (what follows it would be read as statements), an
    entry named ``title`` or ``argmap`` would replace argmap's own, an indented first line
    would join argmap's entry, or ``model: {mode: strict}`` would make Argdown read the
    relations as entailment and contrariety.
    """
    text = kept.strip("\r\n")
    if "===" in text:
        return None
    reading = f"\n{title}\n{text}\n" if text else f"\n{title}\n"
    others = "".join(
        body for key, body, _ in front_matter_blocks(reading) if key not in {"title", "argmap"}
    )
    if others != (f"\n{text}\n" if text else "\n"):
        return None
    model = _front_settings(reading).get("model")
    if isinstance(model, dict) and model.get("mode") == "strict":
        return None
    return text, others


def _claim_line(w: _Writer, c: Claim) -> str:
    """A claim's definition: title, text, tags, and its other fields as data."""
    tag_text, tag_data = _tags(c.tags)
    data = dict(_native_data(c.meta))
    derived: dict[str, Any] = {"argument": True} if c.id in w.as_argument else {}
    if data:
        derived["data"] = data
    fields: dict[str, Any] = {
        "id": c.id if c.id not in w.as_argument and w.statement_title[c.id] != c.id else None,
        "tags": tag_data,
        "implicit": c.implicit or None,
        "quotes": [{"source": q.source, "text": q.text} for q in c.quotes],
        "note": c.note,
        "qualifier": c.qualifier,
        "baseScore": c.base_score,
        "meta": _meta_to_carry(c.meta, derived),
    }
    own = {k: v for k, v in fields.items() if v is not None and v not in ("", [], {})}
    if own:
        data["argmap"] = own
    if c.id in w.as_argument:
        opening = f"<{w.argument_title[c.id]}>:"
    else:
        opening = f"[{w.statement_title[c.id]}]:"
    line = f"{opening} {_escape(c.text)}"
    if tag_text:
        line += f" {tag_text}"
    if data:
        line += f" {_json(data)}"
    return line


def _relation_blocks(w: _Writer, r: Relation) -> list[str]:  # noqa: PLR0911 - one per form
    """A relation as a relation line below its target, or as an argument."""
    m = w.m
    if r.id in w.seconds:
        return []
    if r.id in w.pairs:
        return [f"{w.claim_ref(r.premises[0])}\n  >< {w.claim_ref(r.target)}"]
    if r.id in w.loose and (line := _loose_line(w, r)) is not None:
        return [line]
    if r.id not in w.compact:
        return _argument_blocks(w, r)
    premise = w.claim_ref(r.premises[0])
    if isinstance(r, Support):
        return [f"{w.claim_ref(r.target)}\n  + {premise}"]
    if r.target in m.claims_by_id:
        return [f"{w.claim_ref(r.target)}\n  - {premise}"]
    return [f"{w.relation_ref(r.target)}\n  _ {premise}"]


def dumps(argument_map: ArgumentMap) -> str:
    """Return the map as an Argdown document (see the module docstring for the layout).

    What is written reads back as the same map (but for the whitespace Argdown cannot
    carry); a map that cannot be written so is refused.

    Raises:
        FormatError: for a map Argdown cannot carry: one with no claim, a claim without
            text, two items with one id, a relation without a premise, with a repeated
            or unknown premise, an unknown target or its target among its premises, a
            support of a relation, or a number that is NaN or infinite. The message
            names the first such thing.
    """
    _refuse_what_cannot_be_written(argument_map)
    w = _plan(argument_map)
    blocks = [_front_matter(argument_map)]
    blocks.extend(_claim_line(w, c) for c in argument_map.claims)
    for r in argument_map.relations:
        blocks.extend(_relation_blocks(w, r))
    return "\n\n".join(blocks) + "\n"


# The problems of a map (see argmap.validate) that would make the Argdown read back as
# another map: statements would appear from nowhere, or relations vanish or merge.
_UNWRITABLE = frozenset(
    {
        "duplicate-id",
        "no-premises",
        "repeated-premise",
        "unknown-premise",
        "unknown-target",
        "support-of-relation",
        "self-premise",
        "self-undercut",
    }
)


def _refuse_what_cannot_be_written(m: ArgumentMap) -> None:
    if not m.claims:
        msg = f"Argdown cannot carry map {m.id!r}: it has no claim, and a document needs one"
        raise FormatError(msg)
    for c in m.claims:
        if not flatten(c.text):
            msg = f"Argdown cannot carry claim {c.id!r}: it has no text; write the claim"
            raise FormatError(msg)
    for problem in validate(m):
        if problem.code in _UNWRITABLE:
            raise FormatError(f"Argdown cannot carry this map: {problem.message}")


def _loose_line(w: _Writer, r: Relation) -> str | None:
    """The relation line for a relation read from Argdown's looser forms, if it is one.

    Those are an attack or a support aimed at a reconstructed argument (read as an
    undercut of it, or a support of its conclusion) and an undercut of an argument's
    gist (read as a rebuttal of it); ``meta["argdown"]`` says which, and nothing else.
    """
    m = w.m
    info = _argdown_meta(r.meta)
    if set(r.meta) != {"argdown"} or len(r.premises) != 1 or r.label or r.scheme:
        return None
    premise = r.premises[0]
    to = info.get("to")
    if info == {"relation": "attack", "to": to} and isinstance(r, Rebuttal):
        target = m.relations_by_id.get(RelationId(r.target))
        ok = target is not None and w.argument_form(target.id) and w.argument_title[target.id] == to
        if ok and target is not None and _attacks_a_premise(w, premise, target):
            ok = False  # Argdown would drop the line (see _Model.redundant)
        if ok and r.id == f"{premise}--undercuts--{r.target}":
            return f"<{to}>\n  - {w.claim_ref(premise)}"
    if info == {"relation": "support", "to": to} and isinstance(r, Support):
        argument = w.by_title.get(to) if isinstance(to, str) else None
        ok = isinstance(argument, Support) and argument.target == r.target
        if ok and r.id == f"{premise}--supports--{r.target}":
            return f"<{to}>\n  + {w.claim_ref(premise)}"
    gist = isinstance(r, Rebuttal) and r.target in w.as_argument
    if info == {"relation": "undercut"} and gist and r.id == f"{premise}--undercuts--{r.target}":
        return f"{w.claim_ref(r.target)}\n  _ {w.claim_ref(premise)}"
    return None


def _attacks_a_premise(w: _Writer, source: str, argument: Relation) -> bool:
    """Whether statement ``source`` is written attacking or contradicting a premise of ``argument``.

    Argdown then drops an attack of ``source`` on the argument as a repeat.
    """
    if source in w.as_argument:
        return False
    return not w.attacks.get(source, set()).isdisjoint(argument.premises)


def _argument_blocks(w: _Writer, r: Relation) -> list[str]:
    """A relation as an argument: its title and data, then its premise-conclusion structure."""
    m = w.m
    title = w.argument_title[r.id]
    own: dict[str, Any] = {}
    if title != r.id:
        own["id"] = r.id
    if isinstance(r, Rebuttal):
        own["kind"] = "rebuttal"
    data = dict(_native_data(r.meta))
    if other := _meta_to_carry(r.meta, {"data": data} if data else {}):
        own["meta"] = other
    if own:
        data["argmap"] = own
    head = f"<{title}>: {_escape(r.label)}" if flatten(r.label) else f"<{title}>"
    if data:
        head += f" {_json(data)}"
    lines = [f"({i}) [{w.statement_title.get(p, p)}]" for i, p in enumerate(r.premises, start=1)]
    rules = _escape(r.scheme, inference=True)
    lines.append(f"-- {rules} --" if rules else "----")
    number = len(r.premises) + 1
    if isinstance(r, Support):
        lines.append(f"({number}) [{w.statement_title.get(r.target, r.target)}]")
    else:
        wanted = f"{r.id}--not"
        stand_in = w.fresh(wanted if _statement_title_ok(wanted) else "not")
        if r.target in m.relations_by_id:
            text = f"The premises of {r.target} do not support its conclusion."
            relation = f"  _> {w.relation_ref(r.target)}"
        else:
            target = m.claims_by_id.get(ClaimId(r.target))
            text = "It is not the case that: " + (target.text if target else r.target)
            relation = f"  -> {w.claim_ref(r.target)}"
        lines.append(f"({number}) [{stand_in}]: {_escape(text)}")
        lines.append(relation)
    return [head, "\n".join(lines)]
