r"""Terminal summaries: the gist of a map as rich renderables.

:func:`summary` gives a map's header (title, citation, the sources' own verdicts), then for
each thesis its case for and its case against as a tree, then a footer of counts;
:func:`overview` gives one row per map; :func:`agreement_matrix` shows the side each source
argues the shared claims on. Each returns a rich renderable, so ``rich.print(...)`` shows it in a
terminal or a notebook, and :func:`to_text` gives it as plain text:

>>> from argmap import MapBuilder
>>> b = MapBuilder("tea", "Tea or coffee?")
>>> tea = b.thesis("tea", "Tea beats coffee.")
>>> _ = b.claim("calm", "Tea calms [bold]you[/bold].").supports(tea)
>>> text = to_text(summary(b.build()), width=60)
>>> print(text[text.index("Thesis") : text.index("In all")].strip())
Thesis 1 of 1: Tea beats coffee.
tea
├── Case for: 1 reason
│   └── ✚ Tea calms [bold]you[/bold].
└── Case against: none given

Claim text is data: rich markup in it prints literally, and control characters are shown
escaped (``\x1b``), never sent to the terminal.
"""

from __future__ import annotations

import io
import os
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Literal

import attrs
from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from argmap._checks import map_arg, mapping_arg, maps_arg
from argmap.errors import UnknownIdError
from argmap.evaluate import Label
from argmap.model import ArgumentMap, Claim, ClaimId, Relation, Source, Support
from argmap.render._args import evaluation_arg, view_args, width_arg
from argmap.text import clean as _clean

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType, RenderResult

    from argmap.evaluate import Evaluation

__all__ = [
    "DEFAULT_DEPTH",
    "MIN_WIDTH",
    "agreement_matrix",
    "make_console",
    "overview",
    "summary",
    "to_text",
]

#: How many levels of reasons :func:`summary` shows when not told (deeper levels are
#: counted, not shown).
DEFAULT_DEPTH = 10
#: The narrowest width the views are laid out for.
MIN_WIDTH = 20
#: The narrowest a tree line's text may become before deeper levels are hidden.
_MIN_LABEL = 24
#: Columns each tree level indents by (rich's guides are four cells wide).
_INDENT = 4
#: The most cruxes listed per thesis (the rest are counted; ``argmap evaluate`` lists all):
#: on a ladder every claim is a crux of every thesis.
_CRUXES_SHOWN = 10

_Kind = Literal["support", "rebuttal", "undercut"]
_MARK: dict[_Kind, str] = {"support": "✚", "rebuttal": "✖", "undercut": "⊘"}
_MARK_STYLE: dict[_Kind, str] = {"support": "green", "rebuttal": "red", "undercut": "magenta"}
_LABEL_WORD = {"in": "in", "out": "out", "undec": "undecided"}
_LABEL_STYLE = {"in": "green", "out": "red", "undec": "yellow"}
_VERDICT_STYLE = {"for": "green", "against": "red", "mixed": "yellow", "not-argued": "dim"}


# -- plain text, safely (the rule itself is argmap.text.clean) ---------------------------


def _text(text: str, style: str = "") -> Text:
    """A rich Text of data: never parsed as markup, never carrying raw control codes."""
    return Text(_clean(text), style=style)


def make_console(*, width: int | None = None, file: IO[str] | None = None) -> Console:
    """The console argmap prints with.

    No highlighting of numbers or URLs in data; no colour and no escape codes at all when
    the ``NO_COLOR`` environment variable is set, or when the output is not a terminal.

    Args:
        width: columns to lay out for (default: the terminal's, or 80 when piped).
        file: where to write (default: standard output).

    Raises:
        ParameterError: if ``width`` is below :data:`MIN_WIDTH` or not a whole number.
    """
    if width is not None:
        width = width_arg(width, MIN_WIDTH)
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(
        file=file,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if no_color else "auto",
    )


def to_text(renderable: RenderableType, *, width: int = 80) -> str:
    """Render without colour or escape codes, as it would look at ``width`` columns.

    Raises:
        ParameterError: if ``width`` is below :data:`MIN_WIDTH` or not a whole number.
    """
    width = width_arg(width, MIN_WIDTH)
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        highlight=False,
        markup=False,
        emoji=False,
        _environ={},
    )
    console.print(renderable)
    return out.getvalue()


# -- counts and citations ------------------------------------------------------------------


def _citation(s: Source) -> Text:
    parts = [s.author, f"“{s.title}”", s.outlet, s.date]
    line = Text()
    line.append(_clean(s.id), style="bold")
    line.append(": " + _clean(", ".join(p for p in parts if p)))
    if s.url:
        line.append(" " + _clean(s.url), style="blue")
    return line


def _verdicts_of(m: ArgumentMap, thesis: ClaimId) -> Text:
    """The sources' own verdict on a thesis (and each article's, for a merged map)."""
    verdict = m.verdicts.get(thesis)
    out = Text()
    if verdict is None:
        return out
    out.append(verdict.value, style=_VERDICT_STYLE.get(verdict.value, ""))
    own = _own_verdicts(m).get(thesis, {})
    if own:
        each = ", ".join(f"{_clean(k)}: {_clean(v)}" for k, v in own.items())
        out.append(f" ({each})")
    return out


def _own_verdicts(m: ArgumentMap) -> dict[str, dict[str, str]]:
    """``meta["verdicts"]`` of a merged map (thesis → map id → verdict), where well formed."""
    raw = m.meta.get("verdicts")
    if not isinstance(raw, Mapping):
        return {}
    out: dict[str, dict[str, str]] = {}
    for thesis, per_map in raw.items():
        if isinstance(per_map, Mapping):
            out[str(thesis)] = {str(k): str(v) for k, v in per_map.items()}
    return out


def _badge(evaluation: Evaluation | None, claim_id: str) -> Text:
    """``[in 0.72]``: a claim's status and strength under an evaluation (or nothing)."""
    out = Text()
    if evaluation is None:
        return out
    label = evaluation.labels.get(ClaimId(claim_id))
    strength = evaluation.strengths.get(ClaimId(claim_id))
    words = []
    if label is not None:
        words.append(_LABEL_WORD.get(label.value, label.value))
    if strength is not None:
        words.append(f"{strength:.2f}")
    if words:
        style = _LABEL_STYLE.get(label.value, "") if label is not None else "cyan"
        out.append("[" + " ".join(words) + "]", style=style)
    return out


def _header(m: ArgumentMap) -> Panel:
    lines: list[Text] = [_text(m.title, "bold")]
    if m.description:
        lines.append(_text(m.description, "italic"))
    if m.sources:
        lines.append(Text())
        lines.append(Text("Source:" if len(m.sources) == 1 else "Sources:", style="bold"))
        lines.extend(_citation(s) for s in m.sources)
    verdicts = [(t, _verdicts_of(m, t)) for t in m.theses if t in m.verdicts]
    if verdicts:
        lines.append(Text())
        whose = "The source's" if len(m.sources) == 1 else "The sources'"
        lines.append(Text(f"{whose} own verdict:", style="bold"))
        for thesis, verdict in verdicts:
            line = _text(thesis)
            line.append(": ")
            line.append_text(verdict)
            lines.append(line)
    return Panel(Group(*lines), box=box.ROUNDED, padding=(0, 1))


# -- the trees -----------------------------------------------------------------------------


class _FittedTree(Tree):
    """A Tree that hides the levels it has no room for, and says so, rather than overflow.

    rich indents each level by four columns and silently drops what no longer fits; this
    tree keeps every line at least ``_MIN_LABEL`` columns wide and marks where it cut.
    """

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(0, (options.max_width - _MIN_LABEL) // _INDENT)
        yield from Tree.__rich_console__(self._pruned(room), console, options)

    def _pruned(self, room: int) -> Tree:
        """A copy of the tree without levels deeper than ``room`` (the root is level 0)."""
        if _height(self) <= room:
            return self
        copy = Tree(self.label, style=self.style, guide_style=self.guide_style)
        stack: list[tuple[Tree, Tree, int]] = [(self, copy, 0)]
        while stack:
            node, new, level = stack.pop()
            if not node.children:
                continue
            if level >= room:
                label = Text.assemble(
                    node.label if isinstance(node.label, Text) else Text(str(node.label)),
                    Text("\n… more below (too narrow to show)", style="dim"),
                )
                new.label = label
                continue
            for child in node.children:
                child_copy = Tree(child.label, style=child.style, guide_style=child.guide_style)
                new.children.append(child_copy)
                stack.append((child, child_copy, level + 1))
        return copy


def _height(tree: Tree) -> int:
    """The deepest level of a tree (the root alone is 0), found without recursion."""
    deepest = 0
    stack: list[tuple[Tree, int]] = [(tree, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.children)
    return deepest


def _preorder(tree: Tree) -> dict[int, int]:
    """Each node's position (by ``id``) in reading order, found without recursion."""
    order: dict[int, int] = {}
    stack = [tree]
    while stack:
        node = stack.pop()
        order[id(node)] = len(order)
        stack.extend(reversed(node.children))
    return order


# One pending expansion: the node shown (None beyond the depth limit), the claim it shows
# (None for a "jointly" group), the single-premise relation it stands for (whose undercuts
# go under it), its level, whether it expands the claim's own reasons, and the node that
# says "… N more levels" for it (None while it is shown).
_Item = tuple[Tree | None, ClaimId | None, Relation | None, int, bool, Tree | None]


class _Outline:
    """Builds one thesis's tree breadth-first, without recursion.

    Every relation is placed once, under what it bears on; a claim's own reasons and
    objections are expanded once, at its shallowest mention (breadth-first order), and
    later mentions point there ("see above" / "see below"; "↻" when it is on the same
    branch, as in mutual rebuttals). So the tree is linear in the size of the map, and no
    branch repeats a claim. Levels below ``depth`` are counted, not shown.
    """

    def __init__(
        self,
        m: ArgumentMap,
        *,
        depth: int,
        quotes: bool,
        evaluation: Evaluation | None,
    ) -> None:
        self.m = m
        self.depth = depth
        self.quotes = quotes
        self.evaluation = evaluation
        self.expanded: dict[ClaimId, Tree | None] = {}
        self.parent: dict[int, Tree] = {}
        self.queue: deque[_Item] = deque()
        self.references: list[tuple[Text, Tree, Tree]] = []
        self.hidden: dict[int, tuple[Tree, int]] = {}
        self.used: set[str] = set()

    # -- labels --

    def _claim_label(self, claim_id: ClaimId, kind: _Kind | None, *, cycle: bool) -> Text:
        out = Text()
        if kind is not None:
            out.append(_MARK[kind] + " ", style=_MARK_STYLE[kind])
            self.used.add(kind)
        if cycle:
            out.append("↻ ", style="dim")
            self.used.add("cycle")
        badge = _badge(self.evaluation, claim_id)
        if badge:
            out.append_text(badge)
            out.append(" ")
            self.used.add("evaluation")
        claim = self.m.claims_by_id.get(claim_id)
        if claim is None:
            out.append(f"(unknown claim {_clean(repr(claim_id))})", style="bold red")
            return out
        if claim.implicit:
            out.append("(implicit) ", style="dim italic")
            out.append(_clean(claim.text), style="dim italic")
            self.used.add("implicit")
        else:
            out.append(_clean(claim.text))
        return out

    def _mark_void(self, label: Text, relation: Relation) -> None:
        """Say so when a relation takes no effect though its premises stand (it is undercut)."""
        e = self.evaluation
        if e is None or e.effective.get(relation.id) is not False:
            return
        if all(e.labels.get(p) is Label.IN for p in relation.premises):
            label.append(" (no effect)", style="dim")
            self.used.add("void")

    def _add_quotes(self, label: Text, claim: Claim) -> None:
        for q in claim.quotes:
            label.append("\n")
            label.append(f"“{_clean(q.text)}” — {_clean(q.source)}", style="dim italic")

    def _add(self, parent: Tree, label: Text) -> Tree:
        node = Tree(label)
        parent.children.append(node)
        self.parent[id(node)] = parent
        return node

    def _is_ancestor(self, node: Tree, of: Tree) -> bool:
        current: Tree | None = of
        while current is not None:
            if current is node:
                return True
            current = self.parent.get(id(current))
        return False

    # -- placing claims and relations --

    def _needs_reference(self, claim_id: ClaimId) -> bool:
        """Whether a repeated mention of a claim hides something shown at the first one."""
        claim = self.m.claims_by_id.get(claim_id)
        has_quotes = self.quotes and claim is not None and bool(claim.quotes)
        return bool(self.m.relations_into(claim_id)) or has_quotes

    def _place(  # noqa: PLR0913 - the whole state of one breadth-first step
        self,
        parent: Tree | None,
        claim_id: ClaimId,
        *,
        via: Relation | None,
        kind: _Kind | None,
        level: int,
        frontier: Tree | None,
    ) -> None:
        own = claim_id not in self.expanded
        node: Tree | None = None
        if parent is not None:
            first = self.expanded.get(claim_id)
            cycle = first is not None and self._is_ancestor(first, parent)
            label = self._claim_label(claim_id, kind, cycle=cycle)
            if via is not None:
                self._mark_void(label, via)
            claim = self.m.claims_by_id.get(claim_id)
            if own and self.quotes and claim is not None:
                self._add_quotes(label, claim)
            node = self._add(parent, label)
            if first is not None and self._needs_reference(claim_id):
                self.references.append((label, node, first))
        if own:
            self.expanded[claim_id] = node
        self.queue.append((node, claim_id, via, level, own, frontier))

    def _attach(
        self,
        parent: Tree | None,
        relation: Relation,
        kind: _Kind,
        level: int,
        frontier: Tree | None,
    ) -> None:
        """Place a relation under what it bears on: its premise, or a "jointly" group."""
        if parent is None and frontier is not None:
            _, deepest = self.hidden[id(frontier)]
            self.hidden[id(frontier)] = (frontier, max(deepest, level))
        if not relation.premises:  # only in a map that failed validation
            if parent is not None:
                note = f"{_MARK[kind]} ({relation.kind} {_clean(repr(relation.id))} has no premise)"
                self._add(parent, Text(note, style="bold red"))
            return
        if not relation.linked:
            premise = relation.premises[0]
            self._place(parent, premise, via=relation, kind=kind, level=level, frontier=frontier)
            return
        group: Tree | None = None
        if parent is not None:
            label = Text()
            label.append(_MARK[kind] + " ", style=_MARK_STYLE[kind])
            label.append("jointly", style="bold")
            if relation.label:
                label.append(f" ({_clean(relation.label)})", style="dim")
            label.append(":")
            self._mark_void(label, relation)
            group = self._add(parent, label)
            self.used.update((kind, "jointly"))
        for premise in relation.premises:
            self._place(group, premise, via=None, kind=None, level=level, frontier=frontier)
        self.queue.append((group, None, relation, level, False, frontier))

    def _children(
        self, claim_id: ClaimId | None, via: Relation | None, own: bool
    ) -> list[tuple[Relation, _Kind]]:
        rels: list[tuple[Relation, _Kind]] = []
        if via is not None:
            rels.extend((u, "undercut") for u in self.m.undercuts(via.id))
        if own and claim_id is not None:
            rels.extend(
                (r, "support" if isinstance(r, Support) else "rebuttal")
                for r in self.m.relations_into(claim_id)
            )
        return rels

    def _hide_below(self, node: Tree) -> Tree:
        self.hidden.setdefault(id(node), (node, self.depth + 1))
        return node

    # -- the whole tree --

    def build(self, thesis: ClaimId, heading: Text) -> Tree:
        root = _FittedTree(heading)
        self.expanded[thesis] = root
        into = self.m.relations_into(thesis)
        pros: list[Relation] = [r for r in into if isinstance(r, Support)]
        cons: list[Relation] = [r for r in into if not isinstance(r, Support)]
        cases: tuple[tuple[list[Relation], _Kind, str, tuple[str, str]], ...] = (
            (pros, "support", "Case for", ("reason", "reasons")),
            (cons, "rebuttal", "Case against", ("objection", "objections")),
        )
        for relations, kind, word, words in cases:
            n = len(relations)
            label = Text.assemble((word, "bold"))
            label.append(f": {n} {words[n != 1]}" if n else ": none given")
            case = self._add(root, label)
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
            node, claim_id, via, level, own, frontier = self.queue.popleft()
            children = self._children(claim_id, via, own)
            if not children:
                continue
            if node is not None and level + 1 > self.depth:
                frontier = self._hide_below(node)
                node = None
            for relation, kind in children:
                self._attach(node, relation, kind, level + 1, frontier)

    def _finish(self, root: Tree) -> None:
        """Point repeated mentions at the first one, and say how much the depth hid."""
        order = _preorder(root)
        for label, node, first in self.references:
            where = "above" if order[id(first)] < order[id(node)] else "below"
            label.append(f" (see {where})", style="dim")
        for node, deepest in self.hidden.values():
            n = deepest - self.depth
            more = Text(f"… {n} more level{'s' * (n != 1)}", style="dim")
            self._add(node, more)


def _legend(used: set[str]) -> Text:
    parts = [
        ("support", "✚ a reason for the claim it is under"),
        ("rebuttal", "✖ an objection to it"),
        (
            "undercut",
            (
                "⊘ undercut: even if the line it is under is true, it does not bear on the "
                "claim above that line"
            ),
        ),
        ("jointly", "jointly: premises that count only together"),
        ("implicit", "(implicit): a premise the source leaves unstated"),
        ("cycle", "↻ already on this branch"),
        (
            "evaluation",
            (
                "[in 0.72]: argmap's evaluation, in (stands), out (defeated) or undecided, "
                "and strength from 0 to 1"
            ),
        ),
        ("void", "(no effect): the claim stands but this reason or objection does not hold"),
    ]
    out = Text.assemble(("Key: ", "bold"))
    shown = [text for key, text in parts if key in used]
    out.append(" · ".join(shown), style="dim")
    return out


def _thesis_heading(
    m: ArgumentMap, thesis: ClaimId, position: str, evaluation: Evaluation | None
) -> Text:
    is_thesis = thesis in m.theses
    out = Text.assemble((f"Thesis {position}: " if is_thesis else "Claim: ", "bold"))
    badge = _badge(evaluation, thesis)
    if badge:
        out.append_text(badge)
        out.append(" ")
    claim = m.claims_by_id.get(thesis)
    out.append(_clean(claim.text) if claim else f"(unknown claim {thesis!r})", style="bold")
    out.append("\n" + _clean(thesis), style="dim")
    verdict = _verdicts_of(m, thesis)
    if verdict:
        out.append(" · own verdict: ", style="dim")
        out.append_text(verdict)
    return out


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _footer(m: ArgumentMap) -> Text:
    """The counts, as one line that wraps (a table of seven columns would not fit)."""
    c = m.counts()
    line = Text.assemble(("In all: ", "bold"))
    line.append(
        " · ".join(
            (
                _plural(c.claims, "claim", "claims"),
                _plural(c.supports, "support", "supports"),
                _plural(c.rebuttals, "rebuttal", "rebuttals"),
                _plural(c.undercuts, "undercut", "undercuts"),
                _plural(c.linked, "linked group", "linked groups"),
                _plural(c.implicit, "implicit premise", "implicit premises"),
                _plural(c.depth, "level", "levels") + " deep",
            )
        )
    )
    return line


def _evaluation_lines(m: ArgumentMap, theses: Sequence[ClaimId], evaluation: Evaluation) -> Group:
    """Each thesis's status and strength, and its cruxes, each crux with a hanging indent."""
    parts: list[RenderableType] = [
        Text.assemble((f"Evaluation ({_clean(evaluation.semantics)}):", "bold"))
    ]
    for thesis in theses:
        line = Text(_clean(thesis) + ": ")
        badge = _badge(evaluation, thesis)
        line.append_text(badge or Text("not evaluated", style="dim"))
        cruxes = evaluation.cruxes.get(thesis, ())
        if cruxes:
            line.append(" · cruxes (rejecting one would change this):")
        elif "cruxes" in evaluation.cut_short.get(thesis, ()):
            line.append(" · cruxes cut short (see the note below)", style="italic")
        parts.append(line)
        if not cruxes:
            continue
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(width=3, justify="right")
        grid.add_column(ratio=1)
        for crux in cruxes[:_CRUXES_SHOWN]:
            claim = m.claims_by_id.get(crux)
            row = Text()
            badge = _badge(evaluation, crux)
            if badge:
                row.append_text(badge)
                row.append(" ")
            row.append(_clean(claim.text if claim else crux))
            grid.add_row("•", row)
        if len(cruxes) > _CRUXES_SHOWN:
            more = len(cruxes) - _CRUXES_SHOWN
            grid.add_row("", Text(f"… and {more} more (argmap evaluate lists them all)", "dim"))
        parts.append(grid)
    if not evaluation.converged:
        parts.append(
            Text(
                "The strengths did not settle (the map has a cycle); read them with care.",
                style="italic",
            )
        )
    if evaluation.cut_short:
        parts.append(Text(f"Note: {_clean(evaluation.cut_short_note)}", style="italic"))
    return Group(*parts)


def summary(
    m: ArgumentMap,
    *,
    thesis: str | None = None,
    depth: int | None = None,
    quotes: bool = False,
    evaluation: Evaluation | None = None,
) -> Group:
    """The terminal summary of a map: header, one tree per thesis, footer.

    Each thesis's tree has its case for (supports) and its case against (rebuttals); under
    every reason come its own reasons (✚) and objections (✖), and the undercuts (⊘) of the
    inference it makes; linked premises are grouped ("jointly:"), implicit ones marked.

    Args:
        m: the map.
        thesis: show only this thesis (any claim of the map may be given).
        depth: how many levels of reasons to show (default :data:`DEFAULT_DEPTH`); deeper
            levels are counted ("… 3 more levels").
        quotes: show each claim's quotes under it, with their source.
        evaluation: overlay its status and strength on every claim, and its cruxes.

    Raises:
        UnknownIdError: if ``thesis`` is not a claim of the map.
        ParameterError: if ``m`` is not a map, ``depth`` is negative or not a whole
            number, ``thesis`` is not a string, or ``evaluation`` is not an evaluation.
    """
    m = map_arg(m, "m")
    depth, thesis, evaluation = view_args(depth, thesis, evaluation, claim_name="thesis")
    if thesis is not None and thesis not in m.claims_by_id:
        known = ", ".join(repr(t) for t in m.theses) or "none"
        msg = f"map {m.id!r} has no claim {thesis!r}; its theses are {known}"
        raise UnknownIdError(msg, thesis)
    theses = [ClaimId(thesis)] if thesis is not None else list(m.theses)
    parts: list[RenderableType] = [_header(m)]
    used: set[str] = set()
    trees: list[RenderableType] = []
    for n, t in enumerate(theses, 1):
        outline = _Outline(
            m,
            depth=DEFAULT_DEPTH if depth is None else depth,
            quotes=quotes,
            evaluation=evaluation,
        )
        heading = _thesis_heading(m, t, f"{n} of {len(theses)}", evaluation)
        trees.extend((outline.build(t, heading), Text()))
        used |= outline.used
    if not theses:
        trees.append(Text("This map names no thesis.", style="italic"))
    if used:
        parts.append(_legend(used))
    parts.append(Text())
    parts.extend(trees)
    parts.append(_footer(m))
    if evaluation is not None and theses:
        parts.append(_evaluation_lines(m, theses, evaluation))
    return Group(*parts)


# -- the overview of several maps ----------------------------------------------------------


def _short_ids(theses: Sequence[str]) -> dict[str, str]:
    """Thesis ids without their shared prefix ("asian-nato-likely" → "likely")."""
    if len(theses) < 2:
        return {t: t for t in theses}
    first, last = min(theses), max(theses)
    n = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
    prefix = first[: first.rfind("-", 0, n) + 1]
    return {t: t[len(prefix) :] or t for t in theses}


def _source_cell(m: ArgumentMap) -> Text:
    if len(m.sources) != 1:
        return Text(f"{len(m.sources)} sources", style="dim")
    s = m.sources[0]
    return _text(", ".join(p for p in (s.author, s.outlet, s.date) if p), "dim")


class _FittedTable(Table):
    """A table that gives way to a one-column layout where its columns would not fit.

    rich squeezes columns that do not fit down to nothing; this table shows its
    ``stacked`` form instead when the console is narrower than ``needed``.
    """

    needed: int = 0
    stacked: Table | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.stacked is not None and options.max_width < self.needed:
            yield self.stacked
            return
        yield from super().__rich_console__(console, options)


_COUNT_COLUMNS = ("claims", "✚", "✖", "⊘", "impl.", "depth")
_COUNT_KEYS = ("claims", "supports", "rebuttals", "undercuts", "implicit", "depth")


def _verdict_lines(m: ArgumentMap, evaluation: Evaluation | None) -> Text:
    short = _short_ids(m.theses)
    out = Text()
    for i, t in enumerate(m.theses):
        if i:
            out.append("\n")
        out.append(_clean(short[t]) + ": ")
        v = m.verdicts.get(t)
        out.append(v.value if v else "—", style=_VERDICT_STYLE.get(v, "") if v else "")
        if evaluation is not None:
            out.append("\n  status: ")
            out.append_text(_badge(evaluation, t) or Text("—"))
    return out


def _map_cell(m: ArgumentMap) -> Text:
    out = Text()
    out.append(_clean(m.id), style="bold")
    out.append("\n" + _clean(m.title))
    source = _source_cell(m)
    if source:
        out.append("\n")
        out.append_text(source)
    return out


def overview(
    maps: Iterable[ArgumentMap], *, evaluations: Mapping[str, Evaluation] | None = None
) -> Table:
    """One row per map: title, source, the sources' verdicts, counts and depth.

    Below about 70 columns the table turns into one column, a block per map.

    Args:
        maps: the maps, in the order to show them.
        evaluations: by map id, an evaluation whose status and strength of each thesis
            are shown under the verdicts.

    Raises:
        ParameterError: if ``maps`` is not a list of maps, or ``evaluations`` not a
            mapping of evaluations.
    """
    maps = maps_arg(maps)
    checked: dict[str, Evaluation] = {}
    for key, value in mapping_arg(evaluations, "evaluations").items():
        if (e := evaluation_arg(value)) is not None:
            checked[str(key)] = e
    evaluations = checked
    caption = Text(
        "verdict: the source's own on each thesis · ✚ supports · ✖ rebuttals · ⊘ undercuts"
        " · impl.: implicit premises · depth: levels of reasons",
        style="dim",
    )
    if evaluations:
        caption.append(
            " · status: argmap's evaluation (in / out / undecided, strength)", style="dim"
        )
    caption.append("\nargmap show MAP shows one map in full.", style="dim")
    table = _FittedTable(
        title=Text("The maps", style="bold"),
        title_justify="left",
        caption=caption,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        show_lines=True,
        collapse_padding=True,
    )
    stacked = Table(
        title=Text("The maps", style="bold"),
        title_justify="left",
        caption=caption,
        caption_justify="left",
        box=box.SIMPLE,
        show_header=False,
        show_lines=True,
        pad_edge=False,
        show_edge=False,
    )
    stacked.add_column(overflow="fold")
    longest_id = max((len(_clean(m.id)) for m in maps), default=3)
    verdict_cells = [_verdict_lines(m, evaluations.get(m.id)) for m in maps]
    longest_verdict = max(
        (len(line) for cell in verdict_cells for line in cell.plain.splitlines()), default=7
    )
    table.add_column("map", overflow="fold", min_width=longest_id)
    table.add_column("verdict", no_wrap=True, min_width=longest_verdict)
    for name in _COUNT_COLUMNS:
        table.add_column(name, justify="right", no_wrap=True)
    widths = [len(name) for name in _COUNT_COLUMNS]
    for m, verdicts in zip(maps, verdict_cells, strict=True):
        c = m.counts()
        values = [str(getattr(c, k)) for k in _COUNT_KEYS]
        widths = [max(w, len(v)) for w, v in zip(widths, values, strict=True)]
        table.add_row(_map_cell(m), verdicts, *(Text(v) for v in values))
        block = _map_cell(m)
        block.append("\n")
        block.append_text(verdicts)
        block.append(
            "\n"
            + " · ".join(
                (
                    _plural(c.claims, "claim", "claims"),
                    f"{c.supports} ✚",
                    f"{c.rebuttals} ✖",
                    f"{c.undercuts} ⊘",
                    f"{c.implicit} impl.",
                    f"depth {c.depth}",
                )
            ),
            style="dim",
        )
        stacked.add_row(block)
    # The columns and the gaps between them (a blank divider and a space of padding):
    # any narrower, and rich would squeeze the counts.
    table.needed = longest_id + longest_verdict + sum(widths) + 2 * (len(widths) + 1)
    table.stacked = stacked
    return table


# -- the agreement matrix ------------------------------------------------------------------

_VERDICT_MARK = {"for": "✚", "against": "✖", "mixed": "±", "not-argued": "·"}
#: A source's side on a thesis for a claim it makes; "·" where it makes the claim without
#: arguing it for or against that thesis.
_SIDE_MARK = {"pro": "✚", "con": "✖", "both": "±", None: "·"}
_SIDE_STYLE = {"pro": "green", "con": "red", "both": "yellow", None: "dim"}


def _letters(n: int) -> list[str]:
    """Column keys: A, B, ..., Z, AA, AB, ..."""
    out = []
    for i in range(1, n + 1):
        key, rest = "", i
        while rest:
            rest, r = divmod(rest - 1, 26)
            key = chr(ord("A") + r) + key
        out.append(key)
    return out


def _sides(m: ArgumentMap, sources: Sequence[str]) -> dict[str, dict[str, dict[str, str]]]:
    """Per source, per thesis, each claim's side through that source's own relations.

    A relation is a source's own when its provenance (``meta["maps"]``, see
    :func:`argmap.merge.provenance`) names one of the maps the source came from, or when
    it records none (a map never merged: every relation is its sources' own). What a
    synthesis added itself counts for no source.
    """
    from argmap.merge import provenance, source_maps

    maps_of = source_maps(m)
    relation_maps = {r.id: set(provenance(m, r.id)) for r in m.relations}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for sid in sources:
        mine = set(maps_of.get(sid, (sid,)))
        own = [r for r in m.relations if not relation_maps[r.id] or relation_maps[r.id] & mine]
        restricted = attrs.evolve(m, relations=own)
        out[sid] = {t: {c: p.value for c, p in restricted.polarity(t).items()} for t in m.theses}
    return out


def _makers(m: ArgumentMap, claim: Claim, sources: Sequence[str]) -> set[str]:
    """The sources that make a claim: quoted for it, or its provenance names their map."""
    from argmap.merge import provenance, source_maps

    maps_of = source_maps(m)
    came_from = set(provenance(m, claim.id))
    quoted = set(m.sources_of(claim.id))
    return {s for s in sources if s in quoted or came_from & set(maps_of.get(s, (s,)))}


def _marks(lines: Sequence[tuple[str, str]]) -> Text:
    """A cell of one mark per line (one line per thesis), each with its style."""
    cell = Text()
    for i, (mark, style) in enumerate(lines):
        cell.append(("\n" if i else "") + mark, style=style)
    return cell


def _verdict_row(m: ArgumentMap, sources: Sequence[str], short: Mapping[str, str]) -> list[Text]:
    """The row of each source's own verdict on each thesis (empty when none is known)."""
    own = _own_verdicts(m)
    if not own and len(sources) == 1:
        own = {t: {sources[0]: v.value} for t, v in m.verdicts.items()}
    theses = [t for t in m.theses if t in own]
    if not theses:
        return []
    cells = []
    for sid in sources:
        verdicts = [own[t].get(sid) or "" for t in theses]
        cells.append(
            _marks(
                [
                    (_VERDICT_MARK.get(v, "?") if v else "", _VERDICT_STYLE.get(v, ""))
                    for v in verdicts
                ]
            )
        )
    names = Text("\n".join(_clean(short[t]) for t in theses), style="dim")
    return [Text("own verdict", style="bold"), names, *cells]


def agreement_matrix(m: ArgumentMap) -> Table:
    """For or against: how each source argues the claims that two or more sources make.

    One row per claim that two or more sources make (quote it, or, in a merged map, have it
    in their map: see :func:`argmap.merge.provenance`), and a column per source. For each
    thesis, a cell shows the side the source argues the claim on, through the source's own
    relations only: ✚ for the thesis, ✖ against it, ± both ways, · made but not argued
    for or against it; blank where the source does not make the claim. Rows where two
    sources argue a claim on opposite sides of a thesis come first. For a merged map the
    first row gives each article's own verdict on each thesis (``meta["verdicts"]``).

    The caption says which source each column is.

    Raises:
        ParameterError: if ``m`` is not a map.
    """
    sources = [s.id for s in map_arg(m, "m").sources]
    keys = dict(zip(sources, _letters(len(sources)), strict=True))
    theses = list(m.theses)
    short = _short_ids(theses)
    makers = {c.id: _makers(m, c, sources) for c in m.claims if c.id not in theses}
    shared = [c for c in m.claims if len(makers.get(c.id, ())) >= 2]
    sides = _sides(m, sources) if shared else {}

    def side(sid: str, t: str, cid: str) -> str | None:
        return sides[sid][t].get(cid)

    def disputed(c: Claim) -> bool:
        return any({"pro", "con"} <= {side(s, t, c.id) for s in makers[c.id]} for t in theses)

    # Stable sorts: disputes first, then by how many sources make the claim, map order last.
    shared.sort(key=lambda c: (not disputed(c), -len(makers[c.id])))
    n = len(shared)
    table = Table(
        title=Text(
            f"For or against: how each source argues the {n} claim{'s' * (n != 1)} "
            "two or more sources make",
            style="bold",
        ),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        expand=True,
        leading=1,
    )
    table.add_column("claim", ratio=1, overflow="fold")
    table.add_column("thesis", no_wrap=True)
    for sid in sources:
        table.add_column(keys[sid], justify="center", no_wrap=True)
    verdicts = _verdict_row(m, sources, short)
    if verdicts:
        table.add_row(*verdicts, end_section=True)
    names = Text("\n".join(_clean(short[t]) for t in theses), style="dim")
    for c in shared:
        cells = [
            _marks(
                [
                    (_SIDE_MARK[side(sid, t, c.id)], _SIDE_STYLE[side(sid, t, c.id)])
                    if sid in makers[c.id]
                    else ("", "")
                    for t in theses
                ]
            )
            for sid in sources
        ]
        label = _text(c.text, "dim italic" if c.implicit else "")
        label.append("\n" + _clean(c.id), style="dim")
        table.add_row(label, names.copy(), *cells)
    caption = Text()
    if not shared:
        caption.append("No claim is made by two or more sources of this map.\n")
    if sources:
        caption.append("Columns: ", style="bold")
        caption.append(" · ".join(f"{keys[s]} {_clean(s)}" for s in sources) + "\n")
    caption.append(
        "Through each source's own relations: ✚ argued for the thesis · ✖ against it · "
        "± both ways · · made, not argued either way · blank: not made; claims argued on "
        "opposite sides come first",
        style="dim",
    )
    if verdicts:
        caption.append("\nown verdict: ✚ for, ✖ against, ± mixed, · not argued", style="dim")
    table.caption = caption
    table.caption_justify = "left"
    return table
