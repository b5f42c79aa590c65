"""The console argmap prints with, and plain text of any renderable.

:func:`make_console` writes to a terminal (colour unless ``NO_COLOR`` is set or the output
is not one); :func:`to_text` renders without colour or escape codes, as a file or a test
reads it. A width narrower than :data:`MIN_WIDTH` is refused, never squeezed.
"""

from __future__ import annotations

import io
import os
from typing import IO, TYPE_CHECKING

from rich.console import Console

from argmap.render._args import width_arg

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["MIN_WIDTH", "make_console", "to_text"]

#: The narrowest width the views are laid out for.
MIN_WIDTH = 20


def make_console(*, width: int | None = None, file: IO[str] | None = None) -> Console:
    """The console argmap prints with.

    No highlighting of numbers or URLs in data; no colour and no escape codes at all when
    the ``NO_COLOR`` environment variable is set, or when the output is not a terminal.

    Args:
        width: columns to lay out for (default: the terminal's, or 80 when piped).
        file: where to write (default: standard output).

    Raises:
        ParameterError: if ``width`` is below :data:`MIN_WIDTH` or not a whole number.
    """
    if width is not None:
        width = width_arg(width, MIN_WIDTH)
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(
        file=file,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        color_system=None if no_color else "auto",
    )


def to_text(renderable: RenderableType, *, width: int = 80) -> str:
    """Render without colour or escape codes, as it would look at ``width`` columns.

    Raises:
        ParameterError: if ``width`` is below :data:`MIN_WIDTH` or not a whole number.
    """
    width = width_arg(width, MIN_WIDTH)
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        highlight=False,
        markup=False,
        emoji=False,
        _environ={},
    )
    console.print(renderable)
    return out.getvalue()
