"""Views of a map: the drawing (DOT, and SVG laid out from it) and the terminal views.

Each view reads a map (and, optionally, an evaluation) and produces output, importing its
heavy library (graphviz, rich, wasmtime) only when it runs. The drawing is one view in
several modules (:mod:`~argmap.render.dot`, and :mod:`~argmap.render.svg` with its
engines and check, which lay the DOT out); the terminal views are the other
(:mod:`~argmap.render.terminal`); neither imports the other (docs/architecture.md).
"""
