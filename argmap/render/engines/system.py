"""The system engine: Graphviz's own ``dot`` program, run through the graphviz package."""

from __future__ import annotations

from argmap.errors import RenderError
from argmap.render.engines import GET_GRAPHVIZ

__all__ = ["render"]


def render(source: str, format: str) -> bytes:  # noqa: A002 - Graphviz's word
    """Lay out DOT source with the ``dot`` program; return the output file's bytes.

    Raises:
        RenderError: if ``dot`` is not on ``PATH``, or fails.
    """
    import graphviz

    try:
        data: bytes = graphviz.pipe("dot", format, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        msg = f"Graphviz's 'dot' program is not on PATH; {GET_GRAPHVIZ}"
        raise RenderError(msg) from None
    except graphviz.CalledProcessError as exc:
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else ""
        first = next((line for line in err.splitlines() if line.strip()), "no message")
        msg = f"Graphviz's dot failed: {first.strip()}"
        raise RenderError(msg) from None
    return data
