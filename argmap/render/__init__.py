"""Views of a map: DOT and SVG drawings, and terminal summaries.

Each view reads a map (and, optionally, an evaluation) and produces output; no view imports
another, and each imports its heavy library (graphviz, rich) only when it runs.
"""
