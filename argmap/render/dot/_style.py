"""How a drawing looks: the palette, the marks and lines of each kind, and each box's side.

Supports, rebuttals and undercuts differ in colour (the Okabe–Ito palette, safe for the
common kinds of colour blindness) *and* without colour: a mark (``+`` or ``−``), a line
style and an arrowhead. A claim box takes the colour of the side it stands on where it is
used, as a tinted fill and a border, and says the same in words on its first line (its
badge), so that colour is never the only cue.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

from argmap.model import RelationKind

__all__ = [
    "COLOURS",
    "FONT",
    "HEAD",
    "INK",
    "JUNCTION",
    "LINE",
    "MARK",
    "MUTED",
    "THESIS_FILL",
    "Side",
    "badge",
    "box_colours",
    "side_of",
]

#: Relation colours from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
#: Design"), chosen to stay distinct for the common kinds of colour blindness.
COLOURS: Mapping[str, str] = {
    "support": "#009E73",  # bluish green
    "rebuttal": "#D55E00",  # vermillion
    "undercut": "#CC79A7",  # reddish purple
}

# What tells the kinds apart without colour: mark, line style and arrowhead.
MARK = {"support": "+", "rebuttal": "\u2212", "undercut": "\u2212"}
LINE = {"support": "solid", "rebuttal": "dashed", "undercut": "dotted"}
HEAD = {"support": "normal", "rebuttal": "tee", "undercut": "tee"}

FONT = "Helvetica"
# A junction: the small circle every relation passes through (and the legend's samples).
JUNCTION = {
    "shape": "circle",
    "fixedsize": "true",
    "width": "0.24",
    "fontsize": "12",
    "fontname": f"{FONT}-Bold",
    "penwidth": "1.4",
    "margin": "0",
}
INK = "#222222"
MUTED = "#666666"
THESIS_FILL = "#FFF2CC"


class Side(enum.StrEnum):
    """Where a claim stands, seen from what it is used for."""

    THESIS = "thesis"
    REASON = "reason"
    OBJECTION = "objection"
    #: An objection to an inference (the premise of an undercut).
    UNDERCUT = "undercut"
    #: A reason somewhere and an objection somewhere else.
    BOTH = "both"
    #: A claim that is neither a thesis nor used by any relation drawn.
    UNUSED = "unused"


# The words of each badge: a mark the colour-blind can read, then the side in words.
_BADGE = {
    Side.THESIS: "THESIS",
    Side.REASON: "+ reason",
    Side.OBJECTION: "\u2212 objection",
    Side.UNDERCUT: "\u2212 objection to the inference",
    Side.BOTH: "\u00b1 reason and objection",
    Side.UNUSED: "\u00b7 not used",
}
# Fill (a light tint of the side's colour) and border of each side's box.
_TINT = {
    Side.REASON: ("#DDF1EA", COLOURS["support"]),
    Side.OBJECTION: ("#FBE4D5", COLOURS["rebuttal"]),
    Side.UNDERCUT: ("#F7E4EF", COLOURS["undercut"]),
    Side.BOTH: ("#EDEDED", INK),
    Side.THESIS: (THESIS_FILL, INK),
    Side.UNUSED: ("white", INK),
}
_SIDE_OF_KIND = {
    RelationKind.SUPPORT: Side.REASON,
    RelationKind.REBUTTAL: Side.OBJECTION,
    RelationKind.UNDERCUT: Side.UNDERCUT,
}


def side_of(kinds: Iterable[RelationKind], *, thesis: bool = False) -> Side:
    """The side of a claim used as a premise of relations of these kinds.

    A thesis stays a thesis when it is also used; a claim used both for and against
    something is on both sides; an objection to a claim and one to an inference are both
    objections, and count as one side.
    """
    sides = {_SIDE_OF_KIND[k] for k in kinds}
    if thesis:
        return Side.THESIS
    if not sides:
        return Side.UNUSED
    if len(sides) == 1:
        return sides.pop()
    return Side.OBJECTION if Side.REASON not in sides else Side.BOTH


def badge(side: Side, labels: Iterable[str] = ()) -> str:
    """The first line of a claim box: the side in words, and the relation's own label."""
    names = list(dict.fromkeys(x for x in labels if x))
    return _BADGE[side] + (": " + "; ".join(names) if names else "")


def box_colours(side: Side) -> tuple[str, str]:
    """The fill and the border colour of a claim box on this side."""
    return _TINT[side]
