"""The map as a Graphviz drawing: deterministic DOT source, built with ``graphviz``.

Conventions (those of Rationale, Argdown and MindMup, where they agree):

* theses on top; reasons and objections below, with arrows pointing up at what they
  support or attack (``rankdir=BT``);
* claims are rounded boxes with their text wrapped; theses have a thick border, bold text
  and a light fill; implicit premises have a dashed border;
* every relation passes through a small junction (a circle marked ``+`` or ``−``): the
  premises of a linked relation all meet at its one junction, and an undercut ends on the
  junction of the relation it attacks, never on a claim;
* supports, rebuttals and undercuts differ in colour (the Okabe–Ito palette, safe for
  colour-blind readers) *and* without colour: a solid line and filled arrowhead for a
  support, a dashed line and a bar for a rebuttal, a dotted line and a bar for an undercut;
* each claim's tooltip holds its full text, its quotes and their sources; a claim links to
  its source only when that source's URL is http(s).

Claim text is data, never markup: labels are never HTML-like, backslashes and ampersands
are escaped, and control characters show as visible symbols.

Only :mod:`argmap.render.svg` runs a layout engine; this module only writes DOT.

>>> from argmap import registry
>>> source = dumps(registry.get("example"))
>>> source.startswith("digraph example {")
True
>>> dumps(registry.get("example")) == source
True
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
import urllib.parse
from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from argmap._checks import count_arg, map_arg, shown
from argmap.errors import ParameterError
from argmap.model import ArgumentMap, Claim, Relation, RelationId, RelationKind
from argmap.render._args import view_args

if TYPE_CHECKING:
    import graphviz

    from argmap.evaluate import Evaluation

__all__ = ["COLOURS", "WRAP_WIDTH", "dumps", "to_dot", "wrap"]

#: Relation colours from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
#: Design"), chosen to stay distinct for the common kinds of colour blindness.
COLOURS: Mapping[str, str] = {
    "support": "#009E73",  # bluish green
    "rebuttal": "#D55E00",  # vermillion
    "undercut": "#CC79A7",  # reddish purple
}

#: Columns per line of a claim box; long texts get wider boxes (up to twice this).
WRAP_WIDTH = 28

_KINDS = tuple(RelationKind)
# What tells the kinds apart without colour: mark, line style and arrowhead.
_MARK = {"support": "+", "rebuttal": "\u2212", "undercut": "\u2212"}
_LINE = {"support": "solid", "rebuttal": "dashed", "undercut": "dotted"}
_HEAD = {"support": "normal", "rebuttal": "tee", "undercut": "tee"}

_FONT = "Helvetica"
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

_SAFE_NAME = re.compile(r"[A-Za-z0-9_.\-]+", re.ASCII)
_SAFE_URL = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.ASCII)

# C0 controls other than whitespace, DEL and C1 controls become visible symbols (the
# Unicode control pictures, or U+FFFD): none can be seen, and XML cannot carry most.
_VISIBLE = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: "\ufffd" for c in range(0x80, 0xA0) if c != 0x85})
_VISIBLE.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
# In a tooltip every line break is a line break, and a page break a space.
_TOOLTIP_BREAKS = {0x0D: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n", 0x0B: " ", 0x0C: " "}


# -- text ----------------------------------------------------------------------------------


def _visible(text: str) -> str:
    """Replace characters that cannot be seen, or carried by XML, by visible symbols."""
    return text.translate(_VISIBLE)


@functools.cache
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _width(text: str) -> int:
    """Display width in columns: wide East Asian characters count 2, combining marks 0."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


def _joins_previous(text: str, i: int) -> bool:
    """True when ``text[i]`` belongs to the same visible character as ``text[i - 1]``."""
    ch = text[i]
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == "\u200d"
        or text[i - 1] == "\u200d"
        or "\ufe00" <= ch <= "\ufe0f"
    )


def _chunks(word: str, width: int) -> list[str]:
    """Split a word wider than ``width``, never inside a visible character."""
    out: list[str] = []
    start = used = 0
    for i, ch in enumerate(word):
        w = _char_width(ch)
        if i > start and used + w > width and not _joins_previous(word, i):
            out.append(word[start:i])
            start, used = i, 0
        used += w
    out.append(word[start:])
    return out


def wrap(text: str, width: int | None = None) -> list[str]:
    """Wrap text into the lines of a box; words stay whole unless wider than a line.

    Runs of whitespace become single spaces. Without ``width``, the width grows with the
    text from :data:`WRAP_WIDTH` columns to twice that, so a long claim gets a wider box
    rather than a very tall one.

    >>> wrap("Protected lanes cut cyclist injuries where they have been built.")
    ['Protected lanes cut cyclist', 'injuries where they have', 'been built.']

    Raises:
        ParameterError: if ``text`` is not a string or ``width`` not a whole number of
            1 or more.
    """
    if not isinstance(text, str):
        msg = f"text must be a string, not {shown(text)}"
        raise ParameterError(msg)
    if width is not None:
        width = count_arg(width, "width", minimum=1)
    words = _visible(text).split()
    widths = [_width(w) for w in words]
    if width is None:
        total = sum(widths) + len(widths)
        width = max(WRAP_WIDTH, min(2 * WRAP_WIDTH, math.ceil(math.sqrt(total * 4))))
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word, w in zip(words, widths, strict=True):
        if line and used + 1 + w <= width:
            line.append(word)
            used += 1 + w
            continue
        if line:
            lines.append(" ".join(line))
        if w <= width:
            line, used = [word], w
            continue
        *whole, rest = _chunks(word, width)
        lines.extend(whole)
        line, used = [rest], _width(rest)
    if line:
        lines.append(" ".join(line))
    return lines


def _label(lines: Iterable[str]) -> str:
    r"""A plain label, never HTML-like: lines centred, joined by ``\n``.

    Backslashes are doubled (Graphviz reads escapes such as ``\N`` in labels) and ``&`` is
    written ``&amp;`` (Graphviz reads entities such as ``&lt;``), so text shows as itself.
    """
    import graphviz

    text = "\\n".join(line.replace("\\", "\\\\").replace("&", "&amp;") for line in lines)
    # nohtml: a str that graphviz's quoting never takes for an HTML-like label.
    return cast("str", graphviz.nohtml(text))


def _tooltip(text: str) -> str:
    r"""A tooltip; lines are kept, and no backslash is left in it.

    Graphviz reads escapes in tooltips twice (``\\N`` still becomes the node's name),
    so a backslash is shown as U+29F5, which looks the same.
    """
    import graphviz

    text = _visible(text).replace("\r\n", "\n")
    lines = text.translate(_TOOLTIP_BREAKS).split("\n")
    escaped = (line.replace("&", "&amp;").replace("\\", "\u29f5") for line in lines)
    return cast("str", graphviz.nohtml("\\n".join(escaped)))


def _http_url(url: str) -> str | None:
    """The URL, escaped for DOT, if it is a plain http(s) URL; else None."""
    if not url or _SAFE_URL.fullmatch(url) is None:
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.replace("&", "&amp;")


def _name(id_: str) -> str:
    """The node name of an id: the id itself when plain, else percent-encoded.

    Plain ids never contain ``%`` and encoded ones always do, so distinct ids get distinct
    names; no name holds ``:`` (a port in DOT edges), a backslash, a quote or a space.
    """
    if _SAFE_NAME.fullmatch(id_):
        return id_
    return urllib.parse.quote(id_, safe="")


# DOT's ID syntax and keywords, as the graphviz package's quoting reads them.
_DOT_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def _quote(value: str) -> str:
    """Quote a name or value exactly as ``graphviz.quoting.quote(nohtml(value))`` does.

    The statements for claims and relations are written with this rather than through
    ``Digraph.node``, which costs several times more per call on big maps; a test checks
    that both write the same bytes. It suits only the values built here, whose
    backslashes come in escape pairs (so no quote is ever preceded by an odd run).
    """
    if _DOT_ID.match(value) and value.lower() not in _DOT_KEYWORDS:
        return value
    return '"' + value.replace('"', '\\"') + '"'


def _attr_list(label: str | None, attrs: Mapping[str, str]) -> str:
    parts = [f"label={_quote(label)}"] if label is not None else []
    parts += [f"{key}={_quote(value)}" for key, value in sorted(attrs.items())]
    return f" [{' '.join(parts)}]" if parts else ""


def _node(g: graphviz.Digraph, name: str, label: str | None = None, **attrs: str) -> None:
    """``g.node(name, label, **attrs)``, written faster (see :func:`_quote`)."""
    g.body.append(f"\t{_quote(name)}{_attr_list(label, attrs)}\n")


def _edge(
    g: graphviz.Digraph, tail: str, head: str, label: str | None = None, **attrs: str
) -> None:
    """``g.edge(tail, head, label, **attrs)`` for names without ports, written faster."""
    g.body.append(f"\t{_quote(tail)} -> {_quote(head)}{_attr_list(label, attrs)}\n")


# -- what to draw --------------------------------------------------------------------------


def _neighbourhood(m: ArgumentMap, focus: str, depth: int) -> tuple[set[str], set[str]]:
    """Claims and relations within ``depth`` relation steps of the claim ``focus``.

    A step goes from a claim through a relation to another claim of it (a premise or the
    target); an undercut is a step away from the relation it attacks.
    """
    m.claim(focus)
    hops: dict[str, int] = {focus: 0}
    queue: deque[str] = deque([focus])
    limit = 2 * depth  # a claim is two hops from the next: claim, relation, claim
    relations = m.relations_by_id
    while queue:
        node = queue.popleft()
        if hops[node] >= limit:
            continue
        near: list[str] = [r.id for r in m.relations_into(node)]
        if node in relations:
            r = relations[RelationId(node)]
            near += [*r.premises, r.target]
        else:
            near += [r.id for r in m.relations_from(node)]
        for n in near:
            if n not in hops and (n in m.claims_by_id or n in relations):
                hops[n] = hops[node] + 1
                queue.append(n)
    claims = {c for c in hops if c in m.claims_by_id}
    drawn: set[str] = {r for r, h in hops.items() if h < limit and r in relations}
    return claims, drawn


def _top_levels(m: ArgumentMap, depth: int) -> tuple[set[str], set[str]]:
    """Claims at most ``depth`` levels below a thesis, and the relations among them."""
    claims: set[str] = {c for c, d in m.depths().items() if d <= depth}
    relations: set[str] = {r.id for r in m.relations if all(p in claims for p in r.premises)}
    return claims, relations


def _drawable(m: ArgumentMap, claims: set[str], relations: set[str]) -> set[str]:
    """The relations whose target is drawn: a drawn claim, or a drawn relation in turn."""
    verdicts: dict[str, bool] = {}
    for start in relations:
        path: list[str] = []
        node = start
        while True:
            if node in verdicts:
                verdict = verdicts[node]
                break
            if node in claims:
                verdict = True
                break
            if node not in relations or node in path:
                verdict = False
                break
            path.append(node)
            node = m.relations_by_id[RelationId(node)].target
        verdicts.update(dict.fromkeys(path, verdict))
    return {r for r in relations if verdicts[r]}


# -- the drawing ---------------------------------------------------------------------------


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
            claims, relations = _neighbourhood(m, focus, depth)
            self.scope = f"around {focus!r}, {depth} step{'s' * (depth != 1)}"
        elif depth is not None:
            claims, relations = _top_levels(m, depth)
            self.scope = f"{depth} level{'s' * (depth != 1)} below the theses"
        else:
            claims, relations = set(m.claims_by_id), set(m.relations_by_id)
        self.relation_ids = _drawable(m, claims, relations)
        for rid in self.relation_ids:
            claims.update(m.relations_by_id[RelationId(rid)].premises)
        self.claim_ids = claims & set(m.claims_by_id)
        self.claims = [c for c in m.claims_by_id.values() if c.id in self.claim_ids]
        self.relations = [r for r in m.relations_by_id.values() if r.id in self.relation_ids]

    # -- claims --------------------------------------------------------------------------

    def claim(self, g: graphviz.Digraph, claim: Claim) -> None:
        m = self.m
        lines = wrap(claim.text)
        attrs: dict[str, str] = {"id": f"claim-{_name(claim.id)}"}
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
        tooltip = _tooltip(self.claim_tooltip(claim, notes))
        _node(g, _name(claim.id), _label(lines), tooltip=tooltip, **attrs)

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
            url = _http_url(source.url) if source else None
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
            junctions.attr(
                "node",
                shape="circle",
                fixedsize="true",
                width="0.24",
                style="filled",
                fillcolor="white",
                fontsize="12",
                fontname=f"{_FONT}-Bold",
                penwidth="1.4",
                margin="0",
            )
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
        name = _name(r.id)
        _node(g, name, id=f"relation-{name}", tooltip=_tooltip("\n".join(tip)), **faded)
        for p in dict.fromkeys(r.premises):
            if p in self.claim_ids:
                _edge(g, _name(p), name, **faded)
        named = {"label": _label(wrap(r.label, 24)), "fontsize": "10"} if r.label else {}
        _edge(g, name, _name(r.target), arrowhead=_HEAD[kind], **faded, **named)

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
        base = _name(node_id)
        stub = f"{base} {where}"
        what = "relation" if where == "below" else "use as a premise"
        tip = f"{count} more {what}{'s' * (count != 1)} of {node_id!r}, not drawn"
        g.node(
            stub,
            _label([f"\u22ef {count} more"]),
            shape="plaintext",
            style="",
            fontsize="9",
            fontcolor=_MUTED,
            tooltip=_tooltip(tip),
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
                same.node(
                    row[1],
                    _MARK[kind],
                    shape="circle",
                    fixedsize="true",
                    width="0.24",
                    fontsize="12",
                    fontname=f"{_FONT}-Bold",
                    penwidth="1.4",
                    margin="0",
                    color=colour,
                    fontcolor=colour,
                )
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
            legend.node("legend evaluation", _label(notes), shape="plaintext", style="")
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
        g = graphviz.Digraph(name=_name(m.id) if m.id else "argmap")
        g.attr(
            label=_label(wrap(m.title, 80) + ([f"({self.scope})"] if self.scope else [])),
            tooltip=_tooltip(m.description or m.title or m.id),
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
        top = [_name(t) for t in dict.fromkeys(m.theses) if t in self.claim_ids]
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


def dumps(argument_map: ArgumentMap, **options: Any) -> str:  # noqa: ANN401 - to_dot's keywords
    """Return the DOT source of :func:`to_dot` (the ``dot`` export format)."""
    return str(to_dot(argument_map, **options).source)
