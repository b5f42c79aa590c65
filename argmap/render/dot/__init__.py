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

Only :mod:`argmap.render.svg` runs a layout engine; this package only writes DOT. It is made
of three parts: ``_labels`` fits and escapes text, ``_select`` chooses what to draw
(``focus``, ``depth``), and ``_draw`` builds the graph with the graphviz package.

>>> from argmap import registry
>>> source = dumps(registry.get("example"))
>>> source.startswith("digraph example {")
True
>>> dumps(registry.get("example")) == source
True
"""

from __future__ import annotations

from argmap.render.dot._draw import BOX_WIDTH, COLOURS, Drawing, dumps, to_dot
from argmap.render.dot._fold import BUDGET, LEVELS
from argmap.render.dot._labels import WRAP_WIDTH, wrap

__all__ = [
    "BOX_WIDTH",
    "BUDGET",
    "COLOURS",
    "LEVELS",
    "WRAP_WIDTH",
    "Drawing",
    "dumps",
    "to_dot",
    "wrap",
]
