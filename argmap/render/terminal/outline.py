"""The outline of one thesis: which lines its tree has, in which order, before any styling.

:func:`plan` lays a thesis's reasons and objections out as a tree of :class:`Line` values;
:mod:`argmap.render.terminal.trees` then gives each line its words, marks and colours.

The tree is built breadth-first, without recursion. Every relation is placed once, under
what it bears on; a claim's own reasons and objections are expanded once, at its
shallowest mention (breadth-first order), and every later mention points there: "see
above" / "see below" where the first mention shows more (its reasons, its quotes), "also
above" / "also below" where it shows nothing more (a leaf claim used twice); a cycle mark
when it is on the same branch, as in mutual rebuttals. So the
tree is linear in the size of the map, and no branch repeats a claim. Levels below
``depth`` are counted, not shown.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Literal

import attrs

from argmap.evaluate import Label
from argmap.model import ArgumentMap, ClaimId, Relation, RelationKind, Support

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation

__all__ = ["Line", "plan"]

#: What a line shows: the thesis at the root, a case (for or against), a claim, a group
#: of linked premises, a relation with no premise (in a map that failed validation), or
#: how many levels are hidden below its parent.
LineKind = Literal["thesis", "case", "claim", "jointly", "no-premise", "more"]


@attrs.define(eq=False)
class Line:
    """One line of an outline, and the lines under it.

    Attributes:
        kind: what the line shows (see :data:`LineKind`).
        claim: the claim shown (thesis and claim lines).
        mark: the kind of relation the line stands for (a claim line's relation to the
            line above; a case's or a group's kind).
        relation: the relation a group of linked premises (or a line without premise)
            stands for.
        count: a case's number of relations; a "more" line's number of hidden levels.
        cycle: the claim is already on this branch, higher up.
        void: the relation the line stands for takes no effect though its premises
            stand (an undercut holds).
        quotes: show the claim's quotes under it (its first mention only).
        see: where the claim's first mention is, for a repeated mention: "above" or
            "below" (None for a first mention).
        hides: a repeated mention leaves out what the first mention shows (the claim's
            own reasons and objections, or its quotes).
        children: the lines under it, in order.
    """

    kind: LineKind
    claim: ClaimId | None = None
    mark: RelationKind | None = None
    relation: Relation | None = None
    count: int = 0
    cycle: bool = False
    void: bool = False
    quotes: bool = False
    see: Literal["above", "below"] | None = None
    hides: bool = False
    children: list[Line] = attrs.field(factory=list)
    parent: Line | None = attrs.field(default=None, repr=False)

    def add(self, child: Line) -> Line:
        """Append ``child`` under this line and return it."""
        child.parent = self
        self.children.append(child)
        return child

    def is_above(self, other: Line) -> bool:
        """Whether this line is ``other`` or one of its ancestors."""
        current: Line | None = other
        while current is not None:
            if current is self:
                return True
            current = current.parent
        return False


def plan(
    m: ArgumentMap,
    thesis: ClaimId,
    *,
    depth: int,
    quotes: bool,
    evaluation: Evaluation | None,
) -> Line:
    """The outline of ``thesis``: its case for, its case against, and all beneath them."""
    return _Planner(m, depth=depth, quotes=quotes, evaluation=evaluation).build(thesis)


# One pending expansion: the line shown (None beyond the depth limit), the claim it shows
# (None for a "jointly" group), the single-premise relation it stands for (whose undercuts
# go under it), its level, whether it expands the claim's own reasons, and the line that
# says "… N more levels" for it (None while it is shown).
_Item = tuple[Line | None, ClaimId | None, Relation | None, int, bool, Line | None]


class _Planner:
    """Builds one thesis's outline breadth-first (the module docstring says how)."""

    def __init__(
        self, m: ArgumentMap, *, depth: int, quotes: bool, evaluation: Evaluation | None
    ) -> None:
        self.m = m
        self.depth = depth
        self.quotes = quotes
        self.evaluation = evaluation
        self.expanded: dict[ClaimId, Line | None] = {}
        self.queue: deque[_Item] = deque()
        self.references: list[tuple[Line, Line]] = []
        self.hidden: dict[Line, int] = {}

    def _void(self, relation: Relation) -> bool:
        """Whether a relation takes no effect though its premises stand (it is undercut)."""
        e = self.evaluation
        if e is None or e.effective.get(relation.id) is not False:
            return False
        return all(e.labels.get(p) is Label.IN for p in relation.premises)

    def _needs_reference(self, claim_id: ClaimId) -> bool:
        """Whether a repeated mention of a claim hides something shown at the first one."""
        claim = self.m.claims_by_id.get(claim_id)
        has_quotes = self.quotes and claim is not None and bool(claim.quotes)
        return bool(self.m.relations_into(claim_id)) or has_quotes

    def _place(  # noqa: PLR0913 - the whole state of one breadth-first step
        self,
        parent: Line | None,
        claim_id: ClaimId,
        *,
        via: Relation | None,
        kind: RelationKind | None,
        level: int,
        frontier: Line | None,
    ) -> None:
        own = claim_id not in self.expanded
        line: Line | None = None
        if parent is not None:
            first = self.expanded.get(claim_id)
            line = parent.add(
                Line(
                    "claim",
                    claim=claim_id,
                    mark=kind,
                    cycle=first is not None and first.is_above(parent),
                    void=via is not None and self._void(via),
                    quotes=own and self.quotes and claim_id in self.m.claims_by_id,
                )
            )
            if first is not None:
                line.hides = self._needs_reference(claim_id)
                self.references.append((line, first))
        if own:
            self.expanded[claim_id] = line
        self.queue.append((line, claim_id, via, level, own, frontier))

    def _attach(
        self,
        parent: Line | None,
        relation: Relation,
        kind: RelationKind,
        level: int,
        frontier: Line | None,
    ) -> None:
        """Place a relation under what it bears on: its premise, or a "jointly" group."""
        if parent is None and frontier is not None:
            self.hidden[frontier] = max(self.hidden[frontier], level)
        if not relation.premises:  # only in a map that failed validation
            if parent is not None:
                parent.add(Line("no-premise", mark=kind, relation=relation))
            return
        if not relation.linked:
            premise = relation.premises[0]
            self._place(parent, premise, via=relation, kind=kind, level=level, frontier=frontier)
            return
        group: Line | None = None
        if parent is not None:
            group = parent.add(
                Line("jointly", mark=kind, relation=relation, void=self._void(relation))
            )
        for premise in relation.premises:
            self._place(group, premise, via=None, kind=None, level=level, frontier=frontier)
        self.queue.append((group, None, relation, level, False, frontier))

    def _children(
        self, claim_id: ClaimId | None, via: Relation | None, own: bool
    ) -> list[Relation]:
        rels: list[Relation] = []
        if via is not None:
            rels.extend(self.m.undercuts(via.id))
        if own and claim_id is not None:
            rels.extend(self.m.relations_into(claim_id))
        return rels

    def _hide_below(self, line: Line) -> Line:
        self.hidden.setdefault(line, self.depth + 1)
        return line

    def build(self, thesis: ClaimId) -> Line:
        """The outline of ``thesis`` (see the module docstring)."""
        root = Line("thesis", claim=thesis)
        self.expanded[thesis] = root
        into = self.m.relations_into(thesis)
        pros: list[Relation] = [r for r in into if isinstance(r, Support)]
        cons: list[Relation] = [r for r in into if not isinstance(r, Support)]
        for relations, kind in ((pros, RelationKind.SUPPORT), (cons, RelationKind.REBUTTAL)):
            case = root.add(Line("case", mark=kind, count=len(relations)))
            if self.depth < 1 and relations:
                self._hide_below(case)
                for r in relations:
                    self._attach(None, r, kind, 1, case)
            else:
                for r in relations:
                    self._attach(case, r, kind, 1, None)
        self._run()
        self._finish(root)
        return root

    def _run(self) -> None:
        while self.queue:
            line, claim_id, via, level, own, frontier = self.queue.popleft()
            children = self._children(claim_id, via, own)
            if not children:
                continue
            if line is not None and level + 1 > self.depth:
                frontier = self._hide_below(line)
                line = None
            for relation in children:
                self._attach(line, relation, self.m.kind(relation), level + 1, frontier)

    def _finish(self, root: Line) -> None:
        """Point repeated mentions at the first one, and say how much the depth hid."""
        order = _preorder(root)
        for line, first in self.references:
            line.see = "above" if order[id(first)] < order[id(line)] else "below"
        for line, deepest in self.hidden.items():
            line.add(Line("more", count=deepest - self.depth))


def _preorder(root: Line) -> dict[int, int]:
    """Each line's position (by ``id``) in reading order, found without recursion."""
    order: dict[int, int] = {}
    stack = [root]
    while stack:
        line = stack.pop()
        order[id(line)] = len(order)
        stack.extend(reversed(line.children))
    return order
