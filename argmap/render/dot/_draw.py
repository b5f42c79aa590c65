"""The drawing itself: a map's claims, relations and stubs as a ``graphviz.Digraph``.

The map is drawn as an outline turned on its side: the theses in the left-hand column,
each claim's reasons and then its objections in the column to its right, and theirs
further right (``rankdir=RL``, arrows pointing left at what they bear on). An argument
map is much broader than it is deep (the article maps have up to 28 claims on one level
and six levels), so drawn top-down it is a strip many screens wide; on its side its
breadth becomes height, and the reader scrolls down, never sideways.

A claim used by several relations sits beside the one that reached it first from the top
(its other uses are drawn as lines that do not move it), so direct reasons and objections
of a thesis stay next to it. What the drawing leaves out (:mod:`argmap.render.dot._fold`
chooses) is counted in stubs beside the claim it lies beneath, with the command that
draws it.

Every statement goes through the graphviz package (``Digraph.node``, ``edge``, ``attr``,
``subgraph``), which quotes names and values as DOT needs; the texts it is given are made
safe first by :mod:`argmap.render.dot._labels`, and each distinct one is quoted once
(:mod:`argmap.render.dot._digraph`).

(Longer than the house's guide of 500 lines: the drawing is one concern, the boxes, badges,
junctions and edges of one layout and their evaluation overlay; what to draw is chosen in
:mod:`argmap.render.dot._select` and :mod:`argmap.render.dot._fold`, the legend drawn in
:mod:`argmap.render.dot._legend`, the texts fitted in :mod:`argmap.render.dot._labels`.)
"""

from __future__ import annotations

import itertools
import math
import shlex
from collections import deque
from typing import TYPE_CHECKING, TypedDict, Unpack

from argmap._checks import map_arg
from argmap.errors import ParameterError
from argmap.evaluate import SEMANTICS_NAMES
from argmap.model import ArgumentMap, Claim, ClaimId, Relation, RelationId, RelationKind
from argmap.render._args import view_args
from argmap.render.dot import _digraph, _fold, _labels, _legend, _select, _style
from argmap.render.dot._style import COLOURS

if TYPE_CHECKING:
    import graphviz

    from argmap.evaluate import Evaluation

__all__ = ["BOX_WIDTH", "COLOURS", "Drawing", "dumps", "to_dot"]

#: Columns per line of a claim box: every box has the same width, so columns line up.
BOX_WIDTH = 28

_KINDS = tuple(RelationKind)
_FOCUS_FILL = "#E8F1FA"
_FADED = "66"  # alpha appended to a colour for relations that take no effect

# Above this many boxes and junctions, the layout trades some polish for time.
_LARGE = 3000
#: The weight of the path from a thesis to its first reason, which lifts the thesis to the top.
_PULL = "20"

# A claim with this many reasons and objections or more is crowded: see _Drawing.relation.
_CROWDED = 6
# Unconnected claims lie in rows from this many on.
_GRID_FROM = 4
# Columns of a thesis's text in the title's list of theses.
_CONTENTS_WIDTH = 64
# The most theses the title lists, and their boxes number; past it, the title counts them.
_CONTENTS_MAX = 6
# How many of the words that open every thesis alike the title's list keeps.
_SHARED_WORDS = 3

# Node names outside the map's ids: ids hold no spaces, these all do.
_MORE_THESES = "stub more theses"

# Evaluation labels: what the box says, its fill and its ink.
_STATUS = {
    "in": ("\u2714 accepted", None, None),
    "out": ("\u2718 rejected", "#E6E6E6", "#666666"),
    "undec": ("? undecided", None, None),
}


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


class _Drawing:
    """Builds one map's graph: the claims, the relations, the stubs and the legend."""

    def __init__(  # noqa: PLR0913 - the options of to_dot
        self,
        m: ArgumentMap,
        evaluation: Evaluation | None,
        focus: str | None,
        depth: int | None,
        thesis: str | None,
        *,
        full: bool,
    ) -> None:
        self.m = m
        self.evaluation = evaluation
        self.focus = focus
        scope: list[str] = []
        claims: set[str] = set(m.claims_by_id)
        relations: set[str] = set(m.relations_by_id)
        levels = None if full else _fold.LEVELS
        if thesis is not None:
            claims, relations = _select.case(m, thesis)
            scope.append(f"the case for and against {thesis!r}")
            if depth is not None:
                levels = depth
                scope.append(f"{_plural(depth, 'level')} deep")
        if focus is not None:
            depth = 2 if depth is None else depth
            near, near_relations = _select.neighbourhood(m, focus, depth)
            claims &= near
            relations &= near_relations
            scope.append(f"around {focus!r}, {_plural(depth, 'step')}")
        elif depth is not None and thesis is None:
            claims, relations = _select.top_levels(m, depth)
            scope.append(f"{_plural(depth, 'level')} below the theses")
        relation_ids = _select.drawable(m, claims, relations)
        for rid in relation_ids:
            claims.update(m.relations_by_id[RelationId(rid)].premises)
        claims &= set(m.claims_by_id)
        self.forest = _fold.forest(m, claims, relation_ids)
        kept = _fold.fold(self.forest, budget=None if full else _fold.BUDGET, levels=levels)
        if kept != claims:
            relation_ids = {
                r
                for r in relation_ids
                if all(p in kept for p in m.relations_by_id[RelationId(r)].premises)
            }
            relation_ids = _select.drawable(m, kept, relation_ids)
            hidden = len(m.claims) - len(kept)
            if not scope:
                scope.append(
                    f"{len(kept):,} of {len(m.claims):,} claims; "
                    f"{hidden:,} folded into \u22ef stubs"
                )
        self.partial = bool(scope) or kept != set(m.claims_by_id)
        self.scope = "; ".join(scope)
        self.claim_ids = kept
        self.relation_ids = relation_ids
        self._drawn_into: dict[str, int] = {}  # target -> drawn relations into it, when asked
        rank = {c: i for i, c in enumerate(self.forest.level)}
        self.claims = sorted(
            (m.claims_by_id[ClaimId(c)] for c in kept), key=lambda c: rank.get(c.id, len(rank))
        )
        self.relations = [r for r in m.relations_by_id.values() if r.id in relation_ids]
        self.gridded: list[str] = []
        self.anchored: set[str] = set()
        self.column: set[str] = set()
        self.many = 0
        self.numbers = self.numbered()

    def numbered(self) -> dict[str, int]:
        """The theses drawn in the left-hand column, numbered from the top (none if one).

        A map with several theses draws them one below the other, each above its case, so
        a thesis may stand below another's whole case, screens down. The title names each,
        with its number and the size of its case, and its box says its number, so that the
        first screen points to every thesis. Numbers follow the map's order of theses.
        """
        premises = {p for r in self.relations for p in r.premises}
        touched = premises | {r.target for r in self.relations}
        alone = [c for c in self.claims if c.id not in touched]
        top = [
            t
            for t in dict.fromkeys(self.m.theses)
            if t in self.claim_ids
            and t not in premises
            and not (len(alone) >= _GRID_FROM and t not in touched)
        ]
        self.column = set(top)
        self.many = len(top) if len(top) > _CONTENTS_MAX else 0
        return {t: i for i, t in enumerate(top, 1)} if 1 < len(top) <= _CONTENTS_MAX else {}

    def contents(self) -> list[str]:
        """A line per numbered thesis: its number, its text, its case's size, its option."""
        if self.many:  # a dialogue's many conclusions: the column of theses shows them
            return [f"{self.many:,} theses, one below the other, each above its case"]
        lines = []
        if self.numbers:
            lines.append(f"{len(self.numbers)} theses, one below the other, each above its case:")
        words = [self.m.claims_by_id[ClaimId(t)].text.split() for t in self.numbers]
        # Theses often open alike ("An Asian NATO ... should be formed", "... is likely"):
        # past a few words, what they share gives way to an ellipsis, so each reads apart.
        shared = 0
        while len(words) > 1 and all(
            len(w) > shared and w[shared] == words[0][shared] for w in words
        ):
            shared += 1
        # How many claims each drawn claim holds in the drawing, itself included.
        shown = dict.fromkeys(self.claim_ids, 1)
        for anchor, premises in reversed(self.forest.units):
            if anchor in shown:
                shown[anchor] += sum(shown.get(p, 0) for p in premises)
        for (t, i), text in zip(self.numbers.items(), words, strict=True):
            size = _plural(self.forest.size.get(t, 1) - 1, "claim")
            if shown[t] < self.forest.size.get(t, 1):
                size += f", {shown[t] - 1:,} drawn"
            if shared > _SHARED_WORDS and shared < len(text):
                text = [*text[:_SHARED_WORDS], "\u2026", *text[shared:]]  # noqa: PLW2901
            wrapped = _labels.wrap(" ".join(text), _CONTENTS_WIDTH)
            head = wrapped[0] + ("\u2026" if len(wrapped) > 1 else "")
            lines.append(f"{i}. {head} ({size}; --thesis {shlex.quote(t)})")
        return lines

    # -- claims --------------------------------------------------------------------------

    def side(self, claim: Claim) -> _style.Side:
        """Where the claim stands wherever the map uses it (drawn or not)."""
        uses = self.m.relations_from(claim.id)
        return _style.side_of((self.m.kind(r) for r in uses), thesis=claim.id in self.m.theses)

    def claim(self, g: graphviz.Digraph, claim: Claim) -> None:
        m = self.m
        side = self.side(claim)
        labels = [r.label for r in m.relations_from(claim.id)]
        badge = _style.badge(side, labels)
        if claim.id in self.numbers:
            badge = f"{badge} {self.numbers[claim.id]} of {len(self.numbers)}"
        lines = _labels.wrap(badge, BOX_WIDTH)
        # Bold glyphs are wider than Graphviz's estimate without fonts: shorter lines.
        lines += _labels.wrap(claim.text, BOX_WIDTH - 4 * (side is _style.Side.THESIS))
        if claim.qualifier:
            lines += _labels.wrap(f"(hedged: {claim.qualifier})", BOX_WIDTH)
        fill, border = _style.box_colours(side)
        attrs: dict[str, str] = {
            "id": f"claim-{_labels.node_name(claim.id)}",
            "class": f"claim side-{side}",
            "fillcolor": fill,
            "color": border,
        }
        if side is _style.Side.THESIS:
            # Bold glyphs are wider than Graphviz's estimate without fonts: more margin.
            attrs |= {"penwidth": "2.5", "fontname": f"{_style.FONT}-Bold", "margin": "0.1,0.08"}
        if claim.implicit:
            attrs["style"] = "rounded,filled,dashed"
        if claim.id == self.focus:
            attrs |= {"peripheries": "2", "fillcolor": _FOCUS_FILL}
        notes = self.overlay(claim, lines, attrs)
        url = self.source_url(claim)
        if url:
            attrs |= {"URL": url, "target": "_blank"}
        tooltip = _labels.tooltip(self.claim_tooltip(claim, side, notes))
        g.node(
            _labels.node_name(claim.id), _labels.label(lines, left=True), tooltip=tooltip, **attrs
        )

    def overlay(self, claim: Claim, lines: list[str], attrs: dict[str, str]) -> list[str]:
        """Add the evaluation's verdict and strength to a claim; return tooltip notes."""
        evaluation = self.evaluation
        if evaluation is None:
            return []
        notes: list[str] = []
        label = evaluation.labels.get(claim.id)
        if label is not None:
            word, fill, ink = _STATUS[str(label)]
            lines.append(word)
            notes.append(f"grounded: {word[2:]}")
            if fill and claim.id not in self.m.theses:
                attrs["fillcolor"] = fill
            if ink:
                attrs["fontcolor"] = ink
        strength = evaluation.strengths.get(claim.id)
        if strength is not None and math.isfinite(strength):
            filled = max(0, min(10, round(strength * 10)))
            lines.append("\u2588" * filled + "\u2591" * (10 - filled) + f" {strength:.2f}")
            name = SEMANTICS_NAMES.get(evaluation.strength_semantics, "strength")
            notes.append(f"{name}: {strength:.3f}")
        reason = evaluation.reasons.get(claim.id)
        if reason:
            notes.append(reason)
        return notes

    def claim_tooltip(self, claim: Claim, side: _style.Side, notes: list[str]) -> str:
        m = self.m
        head = f"[{claim.id}]"
        if claim.id in m.theses:
            verdict = m.verdicts.get(claim.id)
            head += " thesis" + (f" (the source's verdict: {verdict})" if verdict else "")
        if claim.implicit:
            head += " implicit premise"
        parts = [claim.text, head]
        if claim.qualifier:
            parts.append(f"hedged: {claim.qualifier}")
        uses = [f"{m.kind(r).verb} {r.target!r}" for r in m.relations_from(claim.id)]
        if uses:
            parts.append(f"{_style.badge(side)}: " + "; ".join(uses))
        for q in claim.quotes:
            parts.append(f"\u201c{q.text}\u201d")
            source = m.sources_by_id.get(q.source)
            if source is None:
                parts.append(f"\u2014 {q.source}")
                continue
            fields = (source.author, source.title, source.outlet, source.date)
            cite = ", ".join(x for x in fields if x)
            parts.append(f"\u2014 {cite}" + (f" <{source.url}>" if source.url else ""))
        if claim.note:
            parts.append(f"Note: {claim.note}")
        parts.extend(notes)
        return "\n".join(parts)

    def source_url(self, claim: Claim) -> str | None:
        """The first http(s) URL among the sources a claim quotes."""
        for q in claim.quotes:
            source = self.m.sources_by_id.get(q.source)
            url = _labels.http_url(source.url) if source else None
            if url:
                return url
        return None

    # -- relations -----------------------------------------------------------------------

    def relations_by_kind(self, g: graphviz.Digraph) -> None:
        """Every relation, grouped by kind in subgraphs whose defaults carry the style.

        Supports come first, so each claim's reasons sit above its objections.
        """
        groups: dict[RelationKind, list[Relation]] = {kind: [] for kind in _KINDS}
        rank = {c.id: i for i, c in enumerate(self.claims)}
        for r in sorted(self.relations, key=lambda r: rank.get(r.premises[0], len(rank))):
            groups[self.m.kind(r)].append(r)
        with g.subgraph() as junctions:
            junctions.attr("node", style="filled", fillcolor="white", **_style.JUNCTION)
            for kind, group in groups.items():
                if not group:
                    continue
                colour = COLOURS[kind]
                with junctions.subgraph() as sub:
                    sub.attr("node", label=_style.MARK[kind], color=colour, fontcolor=colour)
                    sub.attr(
                        "edge",
                        color=colour,
                        fontcolor=colour,
                        style=_style.LINE[kind],
                        arrowhead="none",
                    )
                    for r in group:
                        self.relation(sub, r, kind)

    def relation(self, g: graphviz.Digraph, r: Relation, kind: RelationKind) -> None:
        """A relation's junction, the lines from its premises, and its arrow."""
        label = f"{r.label} \u2014 " if r.label else ""
        tip = [f"{r.id}: {label}{kind.verb} {r.target!r}"]
        if r.linked:
            tip.append("linked premises: " + ", ".join(r.premises))
        if r.scheme:
            tip.append(f"scheme: {r.scheme}")
        faded: dict[str, str] = {}
        if self.evaluation is not None:
            if self.evaluation.effective.get(r.id) is False:
                tip.append(f"takes no effect ({self.evaluation.semantics})")
                faded = {"color": COLOURS[kind] + _FADED, "fontcolor": COLOURS[kind] + _FADED}
            reason = self.evaluation.reasons.get(r.id)
            if reason:
                tip.append(reason)
        name = _labels.node_name(r.id)
        g.node(name, id=f"relation-{name}", tooltip=_labels.tooltip("\n".join(tip)), **faded)
        # Each claim stands level with its first reason (the top of its case), not halfway
        # down a long case, as in an outline: a reader meets a thesis first, then its case
        # below it. Weight that one path.
        pull = {}
        if r.target in self.claim_ids and r.target not in self.anchored:
            self.anchored.add(r.target)
            pull = {"weight": _PULL}
        for p in dict.fromkeys(r.premises):
            if p in self.claim_ids:
                # A claim sits beside the relation that reached it first from the top; its
                # other uses are lines that do not move it.
                free = {} if self.forest.via.get(p) == r.id else {"constraint": "false"}
                g.edge(_labels.node_name(p), name, **faded, **free, **(pull if not free else {}))
        # An undercut's junction stands beside the junction it attacks, in the same column,
        # so that its premises line up with the premises of the relation it attacks.
        beside = {"minlen": "0"} if r.target in self.m.relations_by_id else {}
        port = {} if beside else self.head_port(r, kind, pulled=bool(pull))
        g.edge(
            name,
            _labels.node_name(r.target),
            arrowhead=_style.HEAD[kind],
            **faded,
            **beside,
            **port,
            **pull,
        )

    def head_port(self, r: Relation, kind: RelationKind, *, pulled: bool) -> dict[str, str]:
        """Where a relation's arrow reaches the claim it bears on.

        Arrows reach a claim on its right-hand side, facing its reasons. Into a crowded
        claim, though, a dozen lines running up the gutter side by side piled their
        arrowheads onto one spot: there its reasons meet at one arrowhead and its
        objections at another (a corner), two fans a reader tells apart. A thesis in the
        left-hand column takes its objections at its lower left corner, from the empty
        column below it. The first reason, level with the claim, keeps the right-hand side.
        """
        if pulled or not self.crowded(r.target):
            return {"headport": "e"}
        if kind is not RelationKind.REBUTTAL:
            return {"samehead": "for"}
        return {"headport": "sw" if r.target in self.column else "se"}

    def crowded(self, target: str) -> bool:
        """Whether :data:`_CROWDED` or more drawn relations bear on ``target``.

        Counted once per target: asked once per relation, a count per ask made a claim with
        n reasons cost n² (a 20,000-wide fan-in took 19 s to draw).
        """
        count = self._drawn_into.get(target)
        if count is None:
            drawn = self.relation_ids
            count = sum(x.id in drawn for x in self.m.relations_into(target))
            self._drawn_into[target] = count
        return count >= _CROWDED

    # -- stubs: what a drawing leaves out ------------------------------------------------

    def stubs(self, g: graphviz.Digraph) -> None:
        """Say ``⋯ N more`` where the drawing leaves relations out, with the command to see them.

        Beside a claim or junction with hidden relations into it: how many, how many claims
        they bring that are not drawn (each counted once, at the first stub that reaches
        it), and ``--focus`` on the claim. Around a focus, beside a claim that is a premise
        of hidden relations: how many more uses it has.
        """
        m, drawn = self.m, self.relation_ids
        counted: set[str] = set(self.claim_ids)
        for node_id in [*(c.id for c in self.claims), *(r.id for r in self.relations)]:
            hidden = [r for r in m.relations_into(node_id) if r.id not in drawn]
            if hidden:
                self.stub(g, node_id, len(hidden), self.beneath(hidden, counted))
            # Uses left out matter around a focus; in a folded overview every claim's uses
            # lead back toward the top, which is drawn, so they would only add clutter.
            uses = sum(r.id not in drawn for r in m.relations_from(node_id))
            if uses and self.focus is not None:
                self.stub(g, node_id, uses, None)
        self.more_theses(g, counted)

    def beneath(self, hidden: list[Relation], counted: set[str]) -> int:
        """How many claims not yet counted lie beneath these relations; count them."""
        m = self.m
        queue: deque[Relation] = deque(hidden)
        seen: set[str] = {r.id for r in hidden}
        found = 0
        while queue:
            r = queue.popleft()
            for p in r.premises:
                if p in counted or p not in m.claims_by_id:
                    continue
                counted.add(p)
                found += 1
                queue.extend(x for x in m.relations_into(p) if x.id not in seen)
                seen.update(x.id for x in m.relations_into(p))
            for u in m.relations_into(r.id):
                if u.id not in seen:
                    seen.add(u.id)
                    queue.append(u)
        return found

    def command(self, *options: str) -> str:
        """The command line that draws this map with these options."""
        return " ".join(["argmap render", shlex.quote(self.m.id or "MAP"), *options])

    def stub(self, g: graphviz.Digraph, node_id: str, count: int, claims: int | None) -> None:
        m = self.m
        relation = m.relations_by_id.get(RelationId(node_id))
        target = node_id if relation is None else self.claim_of(relation)
        where = "below" if claims is not None else "above"
        if claims is not None:
            what = _plural(count, "more reason or objection", "more reasons and objections")
            head = f"\u22ef {count:,} more" + (f", {_plural(claims, 'claim')}" if claims else "")
            tip = f"{what} of {node_id!r}" + (
                f", {_plural(claims, 'claim')} not drawn" if claims else ""
            )
        else:
            head = f"\u22ef {_plural(count, 'more use')}"
            tip = f"{node_id!r} has {_plural(count, 'more use')} as a premise, not drawn"
        focus = f"--focus {shlex.quote(target)}"
        tip += f"; to see them: {self.command(focus)}"
        base = _labels.node_name(node_id)
        stub = f"{base} {where}"
        g.node(
            stub,
            _labels.label([head, focus], left=True),
            id=f"stub-{base}-{where}",
            shape="plaintext",
            style="",
            fontsize="10",
            fontcolor=_style.MUTED,
            tooltip=_labels.tooltip(tip),
        )
        tail, head_node = (stub, base) if where == "below" else (base, stub)
        g.edge(tail, head_node, style="dotted", color=_style.MUTED, arrowhead="none")

    def claim_of(self, relation: Relation) -> str:
        """The claim a relation (or the relation it undercuts, and so on) bears on."""
        target: str = relation.target
        seen: set[str] = set()
        while target in self.m.relations_by_id and target not in seen:
            seen.add(target)
            target = self.m.relations_by_id[RelationId(target)].target
        return target

    def more_theses(self, g: graphviz.Digraph, counted: set[str]) -> None:
        """One stub for the topmost claims the drawing leaves out, with their claims."""
        tops = [p[0] for anchor, p in self.forest.units if anchor is None]
        left = [t for t in tops if t not in self.claim_ids]
        if not left:
            return
        claims = 0
        for t in left:
            if t not in counted:
                counted.add(t)
                claims += 1 + self.beneath(list(self.m.relations_into(t)), counted)
        head = (
            f"\u22ef {_plural(len(left), 'more thesis', 'more theses')}, {_plural(claims, 'claim')}"
        )
        tip = (
            f"{_plural(len(left), 'more thesis or unused claim', 'more theses and unused claims')}"
            f" ({_plural(claims, 'claim')}), not drawn; to see them: {self.command('--full')}"
        )
        g.node(
            _MORE_THESES,
            _labels.label([head, "--full draws them all"], left=True),
            id="stub-more-theses",
            shape="plaintext",
            style="",
            fontsize="10",
            fontcolor=_style.MUTED,
            tooltip=_labels.tooltip(tip),
        )

    # -- the whole -----------------------------------------------------------------------

    def grid(self, g: graphviz.Digraph) -> list[str]:
        """Lay claims that no drawn relation touches in rows, not in one long column.

        Dialogue corpora hold many statements no reason or objection touches; each would
        otherwise take a row of its own. Returns the first claim of each row, which goes
        in the theses' column.
        """
        touched = {p for r in self.relations for p in r.premises} | {
            r.target for r in self.relations
        }
        alone: list[str] = [c.id for c in self.claims if c.id not in touched]
        if len(alone) < _GRID_FROM:
            return []
        self.gridded = alone
        box = _digraph.digraph("cluster_unconnected")
        box.attr(
            label=_labels.label(
                [f"{_plural(len(alone), 'claim')} with no reason or objection drawn"]
            ),
            labeljust="l",
            fontsize="11",
            fontname=_style.FONT,
            fontcolor=_style.MUTED,
            color="#BBBBBB",
            style="rounded,dashed",
            id="unconnected",
        )
        columns = _fold.LEVELS + 1
        firsts: list[str] = []
        for start in range(0, len(alone), columns):
            row = [_labels.node_name(c) for c in alone[start : start + columns]]
            firsts.append(row[0])
            for right, left in itertools.pairwise(row[::-1]):
                box.edge(right, left, style="invis", minlen="2")
        g.subgraph(box)
        return firsts

    def graph(self, *, legend: bool) -> graphviz.Digraph:
        m = self.m
        g = _digraph.digraph(_labels.node_name(m.id) if m.id else "argmap")
        g.attr(
            label=_labels.label(
                _labels.wrap(m.title, 80)
                + ([f"({self.scope})"] if self.scope else [])
                + self.contents(),
                left=bool(self.numbers or self.many),
            ),
            tooltip=_labels.tooltip(m.description or m.title or m.id),
            labelloc="t",
            labeljust="l",
            fontsize="16",
            fontname=_style.FONT,
            rankdir="RL",
            newrank="true",
            ordering="in",
            nodesep="0.12",
            ranksep="0.15",
            bgcolor="white",
            pad="0.2",
            outputorder="edgesfirst",
        )
        g.attr(
            "node",
            shape="box",
            style="rounded,filled",
            fillcolor="white",
            color=_style.INK,
            fontcolor=_style.INK,
            fontname=_style.FONT,
            fontsize="10",
            margin="0.1,0.05",
            penwidth="1.4",
            width="2.1",
        )
        g.attr("edge", penwidth="1.6", arrowsize="0.8", fontname=_style.FONT)
        if len(self.claims) + len(self.relations) > _LARGE:
            # Placing nodes across is what grows fastest on big maps: cap its iterations.
            g.attr(nslimit="0.1")
        for c in self.claims:
            self.claim(g, c)
        self.relations_by_kind(g)
        if self.partial:
            self.stubs(g)
        rows = self.grid(g)
        column = _legend.legend(g, self.evaluation) if legend else []
        # The theses share the left-hand column (but those drawn as premises too, which
        # sit right of what they bear on), and so do the rows of unconnected claims.
        premises = {p for r in self.relations for p in r.premises}
        gridded = set(self.gridded)
        top = [
            _labels.node_name(t)
            for t in dict.fromkeys(m.theses)
            if t in self.claim_ids and t not in premises and t not in gridded
        ]
        top += rows
        if column or top:
            with g.subgraph() as first:
                first.attr(rank="max")
                for name in column + top:
                    first.node(name)
                # The legend above the first thesis, its samples in order.
                # (In this direction of layout a flat edge puts its head above its tail.)
                for upper, lower in itertools.pairwise(column + top[:1]):
                    first.edge(lower, upper, style="invis")
        return g


class Drawing(TypedDict, total=False):
    """What a drawing shows: the options of :func:`to_dot`, as the SVG functions pass them on.

    Attributes:
        evaluation: an evaluation to overlay.
        focus: a claim whose neighbourhood alone is drawn.
        depth: how far from ``focus``, or how far below the theses, to draw.
        thesis: a thesis whose case alone is drawn.
        full: draw every claim selected, however many (no folding).
        legend: whether to add a legend.
    """

    evaluation: Evaluation | None
    focus: str | None
    depth: int | None
    thesis: str | None
    full: bool
    legend: bool


def to_dot(  # noqa: PLR0913 - the drawing's options, all keywords
    m: ArgumentMap,
    *,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    thesis: str | None = None,
    full: bool = False,
    legend: bool = True,
) -> graphviz.Digraph:
    """Draw a map as a Graphviz graph (no layout runs here).

    The same map and options always give the same DOT source, byte for byte. A drawing
    holds at most 80 claims, six levels below its topmost ones, unless ``full`` is set;
    what it leaves out shows as ``⋯ N more`` stubs that give the command to draw it.

    Args:
        m: the map.
        evaluation: an evaluation to overlay: accepted, rejected or undecided on each
            claim, strengths as bars, and relations that take no effect faded.
        focus: draw only the neighbourhood of this claim (``depth`` steps, default 2).
        depth: with ``focus``, how many relation steps from it to draw; with ``thesis``,
            how many levels below it; with neither, how many levels below the theses.
        thesis: draw only this claim's case: its reasons and objections, theirs, and so on.
        full: draw every claim selected, however wide or tall the drawing grows.
        legend: add a small legend.

    Returns:
        A :class:`graphviz.Digraph`; its ``.source`` is the DOT text.

    Raises:
        UnknownIdError: if ``focus`` or ``thesis`` is not a claim of the map.
        ParameterError: if ``m`` is not a map, ``depth`` is negative or not a whole
            number, ``focus`` or ``thesis`` is not a string, ``full`` or ``legend`` not a
            bool, or ``evaluation`` is not an evaluation.
    """
    m = map_arg(m, "m")
    depth, focus, evaluation = view_args(depth, focus, evaluation, claim_name="focus")
    _, thesis, _ = view_args(None, thesis, None, claim_name="thesis")
    if thesis is not None:
        m.claim(thesis)
    for name, flag in (("full", full), ("legend", legend)):
        if not isinstance(flag, bool):
            msg = f"{name} must be True or False, not {flag!r}"
            raise ParameterError(msg)
    return _Drawing(m, evaluation, focus, depth, thesis, full=full).graph(legend=legend)


def dumps(argument_map: ArgumentMap, **options: Unpack[Drawing]) -> str:
    """Return the DOT source of :func:`to_dot` (the ``dot`` export format)."""
    return str(to_dot(argument_map, **options).source)
