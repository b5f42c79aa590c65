"""The legend: a sample of each relation and box, drawn exactly as the map draws them.

Each sample is a premise box with its badge, the junction the relation passes through, and
the arrow from the junction to what it bears on (a claim, or another relation's junction
for an undercut): the arrowhead comes after the junction, as in the map. The legend is a
small cluster of its own in the top left-hand corner: the targets of its samples share the
theses' column, above the first thesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.evaluate import SEMANTICS_NAMES
from argmap.model import RelationKind
from argmap.render.dot import _digraph, _labels, _style

if TYPE_CHECKING:
    import graphviz

    from argmap.evaluate import Evaluation

__all__ = ["legend"]

_SAMPLE_FONT = "10"


def _box(g: graphviz.Digraph, name: str, side: _style.Side, text: str, **extra: str) -> None:
    fill, border = _style.box_colours(side)
    g.node(
        name,
        _labels.label([text], left=True),
        fillcolor=fill,
        color=border,
        fontsize=_SAMPLE_FONT,
        margin="0.08,0.03",
        height="0.3",
        **extra,
    )


def legend(g: graphviz.Digraph, evaluation: Evaluation | None) -> list[str]:
    """Add the legend to ``g``; return its nodes for the theses' column, top first.

    (Node names hold spaces, so they never clash with a map's ids.)
    """
    box = _digraph.digraph("cluster_legend")
    box.attr(
        label="Legend",
        labeljust="l",
        labelloc="t",
        fontsize=_SAMPLE_FONT,
        fontname=_style.FONT,
        fontcolor=_style.MUTED,
        color="#BBBBBB",
        style="rounded",
        margin="8",
        id="legend",
    )
    box.attr("edge", penwidth="1.4")
    samples = (
        (RelationKind.SUPPORT, _style.Side.REASON, "THESIS"),
        (RelationKind.REBUTTAL, _style.Side.OBJECTION, "claim"),
        (RelationKind.UNDERCUT, _style.Side.UNDERCUT, None),
    )
    column: list[str] = []
    for kind, side, target in samples:
        colour = _style.COLOURS[kind]
        name = f"legend {kind} "
        _box(box, name + "from", side, _style.badge(side))
        box.node(
            name + "mark",
            _style.MARK[kind],
            color=colour,
            fontcolor=colour,
            style="filled",
            fillcolor="white",
            **_style.JUNCTION,
        )
        line = {"color": colour, "style": _style.LINE[kind]}
        box.edge(name + "from", name + "mark", arrowhead="none", **line)
        if target is None:  # an undercut ends on the junction of the relation it attacks
            box.node(
                name + "to",
                _style.MARK["support"],
                color=_style.COLOURS["support"],
                fontcolor=_style.COLOURS["support"],
                style="filled",
                fillcolor="white",
                **_style.JUNCTION,
            )
        elif target == "THESIS":
            _box(box, name + "to", _style.Side.THESIS, target, penwidth="2.5")
        else:
            _box(box, name + "to", _style.Side.UNUSED, target)
        box.edge(name + "mark", name + "to", arrowhead=_style.HEAD[kind], **line)
        column.append(name + "to")
    both = _style.Side.BOTH
    _box(box, "legend both", both, _style.badge(both))
    _box(
        box,
        "legend implicit",
        _style.Side.UNUSED,
        "implicit premise",
        style="rounded,dashed,filled",
    )
    column += ["legend both", "legend implicit"]
    notes = _notes(evaluation)
    if notes:
        box.node(
            "legend evaluation",
            _labels.label(notes, left=True),
            shape="plaintext",
            style="",
            fontsize=_SAMPLE_FONT,
        )
        column.append("legend evaluation")
    g.subgraph(box)
    return column


def _notes(evaluation: Evaluation | None) -> list[str]:
    if evaluation is None:
        return []
    notes = []
    if evaluation.labels:
        notes.append("\u2714 accepted  \u2718 rejected  ? undecided")
    if evaluation.strengths:
        name = SEMANTICS_NAMES.get(evaluation.strength_semantics, "")
        notes.append(f"\u2588\u2588\u2588\u2591 {name} strength".replace("  ", " "))
    if evaluation.effective:
        notes.append("faded: takes no effect")
    return notes
