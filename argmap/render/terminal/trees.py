r"""The summary of a map: its header, one tree of reasons per thesis, and a footer.

The trees are planned by :mod:`argmap.render.terminal.outline` (which lines, in which
order); this module gives each line its words, marks and colours, and fits the tree to
the width it is printed at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from argmap._checks import map_arg
from argmap.errors import UnknownIdError
from argmap.model import ArgumentMap, ClaimId, similar_ids
from argmap.render._args import view_args
from argmap.render.terminal import marks
from argmap.render.terminal._style import (
    MARK,
    MARK_STYLE,
    badge,
    citation,
    plural,
    text,
    verdicts_of,
)
from argmap.render.terminal.outline import Line, plan
from argmap.text import clean

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType, RenderResult

    from argmap.evaluate import Evaluation

__all__ = ["DEFAULT_DEPTH", "summary"]

#: How many levels of reasons :func:`summary` shows when not told (deeper levels are
#: counted, not shown).
DEFAULT_DEPTH = 10
#: The narrowest a tree line's text may become before deeper levels are hidden.
_MIN_LABEL = 24
#: Columns each tree level indents by (rich's guides are four cells wide).
_INDENT = 4
#: The most cruxes listed per thesis (the rest are counted; ``argmap evaluate`` lists all):
#: on a ladder every claim is a crux of every thesis.
_CRUXES_SHOWN = 10


def _header(m: ArgumentMap) -> Panel:
    lines: list[Text] = [text(m.title, "bold")]
    if m.description:
        lines.append(text(m.description, "italic"))
    if m.sources:
        lines.append(Text())
        lines.append(Text("Source:" if len(m.sources) == 1 else "Sources:", style="bold"))
        lines.extend(citation(s) for s in m.sources)
    verdicts = [(t, verdicts_of(m, t)) for t in m.theses if t in m.verdicts]
    if verdicts:
        lines.append(Text())
        whose = "The source's" if len(m.sources) == 1 else "The sources'"
        lines.append(Text(f"{whose} own verdict:", style="bold"))
        for thesis, verdict in verdicts:
            line = text(thesis)
            line.append(": ")
            line.append_text(verdict)
            lines.append(line)
    return Panel(Group(*lines), box=box.ROUNDED, padding=(0, 1))


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


class _Styler:
    """Gives each line of an outline its text; remembers which marks were used (for the key)."""

    def __init__(self, m: ArgumentMap, evaluation: Evaluation | None, *, ids: bool) -> None:
        self.m = m
        self.evaluation = evaluation
        self.ids = ids
        self.used: set[str] = set()

    def tree(self, outline: Line, heading: Text) -> Tree:
        """The outline as a rich tree under ``heading``, fitted to the width it gets."""
        root = _FittedTree(heading)
        stack: list[tuple[Line, Tree]] = [(outline, root)]
        while stack:
            line, node = stack.pop()
            for child in line.children:
                sub = Tree(self.label(child))
                node.children.append(sub)
                stack.append((child, sub))
        return root

    def label(self, line: Line) -> Text:
        """The text of one line."""
        if line.kind == "case":
            return self._case(line)
        if line.kind == "more":
            return Text(f"… {line.count} more level{'s' * (line.count != 1)}", style="dim")
        if line.kind == "no-premise" and line.relation is not None and line.mark is not None:
            r = line.relation
            note = f"{MARK[line.mark]} ({r.kind} {clean(repr(r.id))} has no premise)"
            return Text(note, style="bold red")
        out = self._jointly(line) if line.kind == "jointly" else self._claim(line)
        if line.void:
            out.append(" (no effect)", style="dim")
            self.used.add("void")
        if line.see is not None and line.claim is not None:
            word = "see" if line.hides else "also"
            out.append(f" ({word} {line.see}: {clean(line.claim)})", style="dim")
            self.used.update((word, f"{word} {line.see}"))
        if line.quotes and line.claim is not None:
            for q in self.m.claim(line.claim).quotes:
                out.append("\n")
                out.append(f"“{clean(q.text)}” — {clean(q.source)}", style="dim italic")
        return out

    @staticmethod
    def _case(line: Line) -> Text:
        word, words = (
            ("Case for", ("reason", "reasons"))
            if line.mark == "support"
            else ("Case against", ("objection", "objections"))
        )
        n = line.count
        out = Text.assemble((word, "bold"))
        out.append(f": {n} {words[n != 1]}" if n else ": none given")
        return out

    def _jointly(self, line: Line) -> Text:
        kind, relation = line.mark, line.relation
        out = Text()
        if kind is None or relation is None:  # pragma: no cover - the planner sets both
            return out
        out.append(MARK[kind] + " ", style=MARK_STYLE[kind])
        out.append("jointly", style="bold")
        if relation.label:
            out.append(f" ({clean(relation.label)})", style="dim")
        out.append(":")
        self.used.update((kind, "jointly"))
        return out

    def _claim(self, line: Line) -> Text:
        out = Text()
        kind, claim_id = line.mark, line.claim
        if kind is not None:
            out.append(MARK[kind] + " ", style=MARK_STYLE[kind])
            self.used.add(kind)
        if line.cycle:
            out.append("↻ ", style="dim")
            self.used.add("cycle")
        mark = badge(self.evaluation, claim_id or "")
        if mark:
            out.append_text(mark)
            out.append(" ")
            self.used.add("evaluation")
        claim = self.m.claims_by_id.get(claim_id) if claim_id is not None else None
        if claim is None:
            out.append(f"(unknown claim {clean(repr(claim_id))})", style="bold red")
            return out
        if self.ids:
            out.append(clean(claim.id), style="cyan")
            out.append(": ")
        if claim.implicit:
            out.append("(implicit) ", style="dim italic")
            out.append(clean(claim.text), style="dim italic")
            self.used.add("implicit")
        else:
            out.append(clean(claim.text))
        out.append_text(_hedge(claim.qualifier))
        if claim.qualifier:
            self.used.add("hedged")
        return out


def _legend(used: set[str], evaluation: Evaluation | None) -> Text:
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
        ("hedged", "(hedged: …): the source's own hedge on the claim"),
        ("cycle", "↻ already on this branch"),
        ("see", f"({_where('see', used)}: id): its reasons are shown there"),
        ("also", f"({_where('also', used)}: id): the same claim, used again"),
        ("evaluation", _marks_key(evaluation)),
        ("void", "(no effect): the claim stands but this reason or objection does not hold"),
    ]
    out = Text.assemble(("Key: ", "bold"))
    shown = [text for key, text in parts if key in used]
    out.append(" · ".join(shown), style="dim")
    return out


def _where(word: str, used: set[str]) -> str:
    """The words for where repeats point: "see above", "see below" or "see above/below"."""
    ways = [way for way in ("above", "below") if f"{word} {way}" in used]
    return f"{word} {'/'.join(ways)}"


def _marks_key(evaluation: Evaluation | None) -> str:
    """What the marks say, naming each semantics that ran: ``[grounded: …]: in (stands)…``."""
    ran = marks.ran(evaluation)
    shown = " · ".join(f"{s.name}: {s.sample}" for s in ran)
    meanings = "; ".join(f"{s.name}: {s.meaning}" for s in ran)
    return f"[{shown}]: argmap's evaluation under each semantics; {meanings}"


def _hedge(qualifier: str) -> Text:
    """`` (hedged: while still informal)``, dim, for a claim with a qualifier (else nothing)."""
    out = Text()
    if qualifier:
        out.append(f" (hedged: {clean(qualifier)})", style="dim italic")
    return out


def _thesis_heading(m: ArgumentMap, thesis: ClaimId, evaluation: Evaluation | None) -> Text:
    if thesis in m.theses:
        position = f"Thesis {m.theses.index(thesis) + 1} of {len(m.theses)}: "
    else:
        position = "Claim: "
    out = Text.assemble((position, "bold"))
    shown = badge(evaluation, thesis)
    if shown:
        out.append_text(shown)
        out.append(" ")
    claim = m.claims_by_id.get(thesis)
    out.append(clean(claim.text) if claim else f"(unknown claim {thesis!r})", style="bold")
    if claim is not None:
        out.append_text(_hedge(claim.qualifier))
    out.append("\n" + clean(thesis), style="dim")
    verdict = verdicts_of(m, thesis)
    if verdict:
        out.append(" · own verdict: ", style="dim")
        out.append_text(verdict)
    return out


def _footer(m: ArgumentMap) -> Text:
    """The counts, as one line that wraps (a table of seven columns would not fit)."""
    c = m.counts()
    line = Text.assemble(("In all: ", "bold"))
    line.append(
        " · ".join(
            (
                plural(c.claims, "claim", "claims"),
                plural(c.supports, "support", "supports"),
                plural(c.rebuttals, "rebuttal", "rebuttals"),
                plural(c.undercuts, "undercut", "undercuts"),
                plural(c.linked, "linked group", "linked groups"),
                plural(c.implicit, "implicit premise", "implicit premises"),
                plural(c.depth, "level", "levels") + " deep",
            )
        )
    )
    return line


def _crux_grid(
    m: ArgumentMap, cruxes: Sequence[ClaimId], evaluation: Evaluation, *, ids: bool
) -> Table:
    """The first cruxes, one bullet each with its marks (and id), the rest counted."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for crux in cruxes[:_CRUXES_SHOWN]:
        claim = m.claims_by_id.get(crux)
        row = Text()
        shown = badge(evaluation, crux)
        if shown:
            row.append_text(shown)
            row.append(" ")
        if ids:
            row.append(clean(crux), style="cyan")
            row.append(": ")
        row.append(clean(claim.text if claim else crux))
        grid.add_row("•", row)
    if len(cruxes) > _CRUXES_SHOWN:
        more = len(cruxes) - _CRUXES_SHOWN
        grid.add_row("", Text(f"… and {more} more (argmap evaluate lists them all)", "dim"))
    return grid


def _evaluation_lines(
    m: ArgumentMap, theses: Sequence[ClaimId], evaluation: Evaluation, *, ids: bool
) -> Group:
    """Each thesis's marks, and its cruxes, each crux with a hanging indent."""
    parts: list[RenderableType] = [Text.assemble(("Evaluation:", "bold"))]
    for thesis in theses:
        line = Text(clean(thesis) + ": ")
        shown = badge(evaluation, thesis)
        line.append_text(shown or Text("not evaluated", style="dim"))
        cruxes = evaluation.cruxes.get(thesis, ())
        if cruxes:
            line.append(" · cruxes (rejecting one would change this):")
        elif "cruxes" in evaluation.cut_short.get(thesis, ()):
            line.append(" · cruxes cut short (see the note below)", style="italic")
        parts.append(line)
        if cruxes:
            parts.append(_crux_grid(m, cruxes, evaluation, ids=ids))
    if not evaluation.converged:
        parts.append(
            Text(
                "The strengths did not settle (the map has a cycle); read them with care.",
                style="italic",
            )
        )
    if evaluation.cut_short:
        parts.append(Text(f"Note: {clean(evaluation.cut_short_note)}", style="italic"))
    return Group(*parts)


def summary(  # noqa: PLR0913 - the map, then keyword options only
    m: ArgumentMap,
    *,
    thesis: str | None = None,
    depth: int | None = None,
    quotes: bool = False,
    evaluation: Evaluation | None = None,
    ids: bool = False,
) -> Group:
    """The terminal summary of a map: header, one tree per thesis, footer.

    Each thesis's tree has its case for (supports) and its case against (rebuttals); under
    every reason come its own reasons (✚) and objections (✖), and the undercuts (⊘) of the
    inference it makes; linked premises are grouped ("jointly:"), implicit ones marked, and
    a claim's qualifier follows it ("(hedged: …)").

    Args:
        m: the map.
        thesis: show only this thesis (any claim of the map may be given), under its own
            heading: the map's header and footer are left out.
        depth: how many levels of reasons to show (default :data:`DEFAULT_DEPTH`); deeper
            levels are counted ("… 3 more levels").
        quotes: show each claim's quotes under it, with their source (and the claims' ids).
        evaluation: overlay each semantics' value on every claim, and list the cruxes.
        ids: show each claim's id before its text.

    Raises:
        UnknownIdError: if ``thesis`` is not a claim of the map (it suggests the closest).
        ParameterError: for a value of the wrong type (a map, a whole number of 0 or more
            as ``depth``, a string as ``thesis``, an evaluation or None).
    """
    m = map_arg(m, "m")
    depth, thesis, evaluation = view_args(depth, thesis, evaluation, claim_name="thesis")
    if thesis is not None and thesis not in m.claims_by_id:
        known = ", ".join(repr(t) for t in m.theses) or "none"
        msg = f"map {m.id!r} has no claim {thesis!r} (its theses: {known})"
        raise UnknownIdError(msg, thesis, suggest=similar_ids(m, thesis))
    theses = [ClaimId(thesis)] if thesis is not None else list(m.theses)
    styler = _Styler(m, evaluation, ids=ids or quotes)
    trees: list[RenderableType] = []
    for t in theses:
        outline = plan(
            m,
            t,
            depth=DEFAULT_DEPTH if depth is None else depth,
            quotes=quotes,
            evaluation=evaluation,
        )
        trees.extend((styler.tree(outline, _thesis_heading(m, t, evaluation)), Text()))
    if not theses:
        trees.append(Text("This map names no thesis.", style="italic"))
    parts: list[RenderableType] = [] if thesis is not None else [_header(m)]
    if styler.used:
        parts.append(_legend(styler.used, evaluation))
    parts.append(Text())
    parts.extend(trees)
    if thesis is None:
        parts.append(_footer(m))
    if evaluation is not None and theses:
        parts.append(_evaluation_lines(m, theses, evaluation, ids=ids or quotes))
    return Group(*parts)
