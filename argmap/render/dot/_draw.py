"""The drawing itself: a map's claims, relations, marks and legend as a ``graphviz.Digraph``.

Every statement goes through the graphviz package (``Digraph.node``, ``edge``, ``attr``,
``subgraph``), which quotes names and values as DOT needs; the texts it is given are made
safe first by :mod:`argmap.render.dot._labels`, and what is drawn is chosen by
:mod:`argmap.render.dot._select`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict, Unpack

from argmap._checks import map_arg
from argmap.model import ArgumentMap, Claim, Relation, RelationId, RelationKind
from argmap.render._args import view_args
from argmap.render.dot import _labels, _select

if TYPE_CHECKING:
    import graphviz

    from argmap.evaluate import Evaluation

__all__ = ["COLOURS", "Drawing", "dumps", "to_dot"]

#: Relation colours from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
#: Design"), chosen to stay distinct for the common kinds of colour blindness.
COLOURS: Mapping[str, str] = {
    "support": "#009E73",  # bluish green
    "rebuttal": "#D55E00",  # vermillion
    "undercut": "#CC79A7",  # reddish purple
}

_KINDS = tuple(RelationKind)
# What tells the kinds apart without colour: mark, line style and arrowhead.
_MARK = {"support": "+", "rebuttal": "\u2212", "undercut": "\u2212"}
_LINE = {"support": "solid", "rebuttal": "dashed", "undercut": "dotted"}
_HEAD = {"support": "normal", "rebuttal": "tee", "undercut": "tee"}

_FONT = "Helvetica"
# A junction: the small circle every relation passes through (and the legend's samples).
_JUNCTION = {
    "shape": "circle",
    "fixedsize": "true",
    "width": "0.24",
    "fontsize": "12",
    "fontname": f"{_FONT}-Bold",
    "penwidth": "1.4",
    "margin": "0",
}
_INK = "#222222"
_MUTED = "#888888"
_THESIS_FILL = "#FFF2CC"
_FOCUS_FILL = "#E8F1FA"
_FADED = "66"  # alpha appended to a colour for relations that take no effect

# Above this many boxes and junctions, the layout trades some polish for time.
_LARGE = 3000

# Node names outside the map's ids: ids hold no spaces, these all do.
_LEGEND_TOP = "legend support from"

# Evaluation labels: what the box says, its fill and its ink.
_STATUS = {
    "in": ("\u2714 accepted", None, None),
    "out": ("\u2718 rejected", "#E6E6E6", "#666666"),
    "undec": ("? undecided", None, None),
}


class _Drawing:
    """Builds one map's graph: the claims, the relations, the marks and the legend."""

    def __init__(
        self,
        m: ArgumentMap,
        evaluation: Evaluation | None,
        focus: str | None,
        depth: int | None,
    ) -> None:
        self.m = m
        self.evaluation = evaluation
        self.focus = focus
        self.partial = focus is not None or depth is not None
        self.scope = ""
        if focus is not None:
            depth = 2 if depth is None else depth
            claims, relations = _select.neighbourhood(m, focus, depth)
            self.scope = f"around {focus!r}, {depth} step{'s' * (depth != 1)}"
        elif depth is not None:
            claims, relations = _select.top_levels(m, depth)
            self.scope = f"{depth} level{'s' * (depth != 1)} below the theses"
        else:
            claims, relations = set(m.claims_by_id), set(m.relations_by_id)
        self.relation_ids = _select.drawable(m, claims, relations)
        for rid in self.relation_ids:
            claims.update(m.relations_by_id[RelationId(rid)].premises)
        self.claim_ids = claims & set(m.claims_by_id)
        self.claims = [c for c in m.claims_by_id.values() if c.id in self.claim_ids]
        self.relations = [r for r in m.relations_by_id.values() if r.id in self.relation_ids]

    # -- claims --------------------------------------------------------------------------

    def claim(self, g: graphviz.Digraph, claim: Claim) -> None:
        m = self.m
        lines = _labels.wrap(claim.text)
        attrs: dict[str, str] = {"id": f"claim-{_labels.node_name(claim.id)}"}
        if claim.id in m.theses:
            # Bold glyphs are wider than Graphviz's estimate without fonts: more margin.
            attrs |= {
                "penwidth": "2.5",
                "fontname": f"{_FONT}-Bold",
                "fillcolor": _THESIS_FILL,
                "margin": "0.22,0.08",
            }
        if claim.implicit:
            attrs["style"] = "rounded,filled,dashed"
        if claim.id == self.focus:
            attrs |= {"peripheries": "2", "fillcolor": _FOCUS_FILL}
        notes = self.overlay(claim, lines, attrs)
        url = self.source_url(claim)
        if url:
            attrs |= {"URL": url, "target": "_blank"}
        tooltip = _labels.tooltip(self.claim_tooltip(claim, notes))
        g.node(_labels.node_name(claim.id), _labels.label(lines), tooltip=tooltip, **attrs)

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
            notes.append(f"{evaluation.semantics}: {word[2:]}")
            if fill and claim.id not in self.m.theses:
                attrs["fillcolor"] = fill
            if ink:
                attrs["fontcolor"] = ink
        strength = evaluation.strengths.get(claim.id)
        if strength is not None and math.isfinite(strength):
            filled = max(0, min(10, round(strength * 10)))
            lines.append("\u2588" * filled + "\u2591" * (10 - filled) + f" {strength:.2f}")
            notes.append(f"strength: {strength:.3f}")
        reason = evaluation.reasons.get(claim.id)
        if reason:
            notes.append(reason)
        return notes

    def claim_tooltip(self, claim: Claim, notes: list[str]) -> str:
        m = self.m
        head = f"[{claim.id}]"
        if claim.id in m.theses:
            verdict = m.verdicts.get(claim.id)
            head += " thesis" + (f" (the source's verdict: {verdict})" if verdict else "")
        if claim.implicit:
            head += " implicit premise"
        parts = [claim.text, head]
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
        """Every relation, grouped by kind in subgraphs whose defaults carry the style."""
        groups: dict[RelationKind, list[Relation]] = {kind: [] for kind in _KINDS}
        for r in self.relations:
            groups[self.m.kind(r)].append(r)
        with g.subgraph() as junctions:
            junctions.attr("node", style="filled", fillcolor="white", **_JUNCTION)
            for kind, group in groups.items():
                if not group:
                    continue
                colour = COLOURS[kind]
                with junctions.subgraph() as sub:
                    sub.attr("node", label=_MARK[kind], color=colour, fontcolor=colour)
                    sub.attr(
                        "edge", color=colour, fontcolor=colour, style=_LINE[kind], arrowhead="none"
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
        for p in dict.fromkeys(r.premises):
            if p in self.claim_ids:
                g.edge(_labels.node_name(p), name, **faded)
        named = (
            {"label": _labels.label(_labels.wrap(r.label, 24)), "fontsize": "10"} if r.label else {}
        )
        g.edge(name, _labels.node_name(r.target), arrowhead=_HEAD[kind], **faded, **named)

    # -- marks for what a partial drawing leaves out -------------------------------------

    def stubs(self, g: graphviz.Digraph) -> None:
        """Show ``⋯ N more`` where a partial drawing leaves relations out.

        Below a claim or junction with hidden relations into it, and above a claim that is
        a premise of hidden relations.
        """
        m, drawn = self.m, self.relation_ids
        for node_id in [*(c.id for c in self.claims), *(r.id for r in self.relations)]:
            below = sum(r.id not in drawn for r in m.relations_into(node_id))
            above = sum(r.id not in drawn for r in m.relations_from(node_id))
            for count, where in ((below, "below"), (above, "above")):
                if count:
                    self.stub(g, node_id, count, where)

    def stub(self, g: graphviz.Digraph, node_id: str, count: int, where: str) -> None:
        base = _labels.node_name(node_id)
        stub = f"{base} {where}"
        what = "relation" if where == "below" else "use as a premise"
        tip = f"{count} more {what}{'s' * (count != 1)} of {node_id!r}, not drawn"
        g.node(
            stub,
            _labels.label([f"\u22ef {count} more"]),
            shape="plaintext",
            style="",
            fontsize="9",
            fontcolor=_MUTED,
            tooltip=_labels.tooltip(tip),
        )
        tail, head = (stub, base) if where == "below" else (base, stub)
        g.edge(tail, head, style="dotted", color=_MUTED, arrowhead="none")

    # -- the legend ----------------------------------------------------------------------

    def legend(self, g: graphviz.Digraph) -> None:
        """A small legend: a sample of each relation beside a sample of each kind of box.

        Its first row shares the top rank with the theses, where there is room, so the map
        keeps its shape.
        """
        import graphviz

        legend = graphviz.Digraph(name="cluster_legend")
        legend.attr(
            label="Legend",
            labeljust="l",
            fontsize="10",
            fontname=_FONT,
            fontcolor=_MUTED,
            color="#BBBBBB",
            style="rounded",
            margin="6",
            id="legend",
        )
        legend.attr("node", fontsize="9", margin="0.06,0.03", height="0.3")
        legend.attr("edge", penwidth="1.4")
        words = {"support": "supports", "rebuttal": "rebuts", "undercut": "undercuts an inference"}
        boxes: list[tuple[str, dict[str, str]]] = [
            ("thesis", {"penwidth": "2.5", "fillcolor": _THESIS_FILL}),
            ("claim", {}),
            ("implicit premise", {"style": "rounded,filled,dashed"}),
        ]
        firsts: list[str] = []
        for kind, (box, box_style) in zip(_KINDS, boxes, strict=True):
            colour = COLOURS[kind]
            row = [f"legend {kind} {part}" for part in ("from", "mark", "text", "box")]
            with legend.subgraph() as same:
                same.attr(rank="same")
                same.node(row[0], "", shape="point", width="0.05", color=colour)
                same.node(row[1], _MARK[kind], color=colour, fontcolor=colour, **_JUNCTION)
                same.node(row[2], words[kind], shape="plaintext", style="")
                same.node(row[3], box, **box_style)
                same.edge(
                    row[0],
                    row[1],
                    color=colour,
                    style=_LINE[kind],
                    arrowhead=_HEAD[kind],
                    minlen="2",
                )
                same.edge(row[1], row[2], style="invis", minlen="0")
                same.edge(row[2], row[3], style="invis", minlen="0")
            firsts.append(row[0])
        notes = self.legend_notes()
        if notes:
            legend.node("legend evaluation", _labels.label(notes), shape="plaintext", style="")
            firsts.append("legend evaluation")
        for upper, lower in itertools.pairwise(firsts):
            legend.edge(lower, upper, style="invis")
        g.subgraph(legend)

    def legend_notes(self) -> list[str]:
        evaluation = self.evaluation
        if evaluation is None:
            return []
        notes = []
        if evaluation.labels:
            notes.append("\u2714 accepted  \u2718 rejected  ? undecided")
        if evaluation.strengths:
            notes.append("\u2588\u2588\u2588\u2591 strength")
        if evaluation.effective:
            notes.append("faded: takes no effect")
        return notes

    # -- the whole -----------------------------------------------------------------------

    def graph(self, *, legend: bool) -> graphviz.Digraph:
        import graphviz

        m = self.m
        g = graphviz.Digraph(name=_labels.node_name(m.id) if m.id else "argmap")
        g.attr(
            label=_labels.label(
                _labels.wrap(m.title, 80) + ([f"({self.scope})"] if self.scope else [])
            ),
            tooltip=_labels.tooltip(m.description or m.title or m.id),
            labelloc="t",
            fontsize="16",
            fontname=_FONT,
            rankdir="BT",
            newrank="true",
            nodesep="0.25",
            ranksep="0.3",
            bgcolor="white",
            pad="0.2",
            outputorder="edgesfirst",
        )
        g.attr(
            "node",
            shape="box",
            style="rounded,filled",
            fillcolor="white",
            color=_INK,
            fontcolor=_INK,
            fontname=_FONT,
            fontsize="11",
            margin="0.12,0.06",
        )
        g.attr("edge", penwidth="1.6", arrowsize="0.8", fontname=_FONT)
        if len(self.claims) + len(self.relations) > _LARGE:
            # Placing nodes across is what grows fastest on big maps: cap its iterations.
            g.attr(nslimit="0.1")
        for c in self.claims:
            self.claim(g, c)
        self.relations_by_kind(g)
        if self.partial:
            self.stubs(g)
        # The theses share the top rank, unless one is also a premise; the legend's first
        # row joins them there.
        top = [_labels.node_name(t) for t in dict.fromkeys(m.theses) if t in self.claim_ids]
        if any(p in m.theses for r in self.relations for p in r.premises):
            top = []
        if legend:
            self.legend(g)
            top.append(_LEGEND_TOP)
        if top:
            with g.subgraph() as first:
                first.attr(rank="max")
                for name in top:
                    first.node(name)
        return g


class Drawing(TypedDict, total=False):
    """What a drawing shows: the options of :func:`to_dot`, as the SVG functions pass them on.

    Attributes:
        evaluation: an evaluation to overlay.
        focus: a claim whose neighbourhood alone is drawn.
        depth: how far from ``focus``, or how far below the theses, to draw.
        legend: whether to add a legend.
    """

    evaluation: Evaluation | None
    focus: str | None
    depth: int | None
    legend: bool


def to_dot(
    m: ArgumentMap,
    *,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    legend: bool = True,
) -> graphviz.Digraph:
    """Draw a map as a Graphviz graph (no layout runs here).

    The same map and options always give the same DOT source, byte for byte.

    Args:
        m: the map.
        evaluation: an evaluation to overlay: accepted, rejected or undecided on each
            claim, strengths as bars, and relations that take no effect faded.
        focus: draw only the neighbourhood of this claim (``depth`` steps, default 2).
        depth: with ``focus``, how many relation steps from it to draw; without, how many
            levels below the theses. What is left out shows as ``⋯ N more``.
        legend: add a small legend.

    Returns:
        A :class:`graphviz.Digraph`; its ``.source`` is the DOT text.

    Raises:
        UnknownIdError: if ``focus`` is not a claim of the map.
        ParameterError: if ``m`` is not a map, ``depth`` is negative or not a whole
            number, ``focus`` is not a string, or ``evaluation`` is not an evaluation.
    """
    m = map_arg(m, "m")
    depth, focus, evaluation = view_args(depth, focus, evaluation, claim_name="focus")
    return _Drawing(m, evaluation, focus, depth).graph(legend=legend)


def dumps(argument_map: ArgumentMap, **options: Unpack[Drawing]) -> str:
    """Return the DOT source of :func:`to_dot` (the ``dot`` export format)."""
    return str(to_dot(argument_map, **options).source)
