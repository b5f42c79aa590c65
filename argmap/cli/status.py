"""The command's exit statuses, and how it reports errors and warnings: one line each."""

from __future__ import annotations

import sys
import warnings
from typing import TextIO

from argmap import _startup
from argmap.errors import ArgmapWarning, FormatError, InvalidMapError

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "UsageError",
    "print_error",
    "show_warning",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = _startup.EXIT_INTERRUPTED  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


class UsageError(Exception):
    """A command line that parses but makes no sense."""


#: The most problems of an invalid map printed (``argmap check`` lists them all).
PROBLEMS_SHOWN = 20


def print_error(exc: BaseException, *, prefix: str = "") -> None:
    """Print an error as ``argmap: error: ...`` lines on standard error (one per message).

    An invalid map's problems are one line each, named by what the map was read from:
    ``argmap: error: notes.argdown: claims support each other in a circle: ...``.
    """
    if isinstance(exc, InvalidMapError):
        _print_problems(exc, prefix)
        return
    lines = str(exc).splitlines() or [type(exc).__name__]
    if isinstance(exc, FormatError) and len(exc.messages) > 1:
        lines = [lines[0], *exc.messages]
    for line in lines:
        print(f"argmap: error: {prefix}{line.strip()}", file=sys.stderr)


def _print_problems(exc: InvalidMapError, prefix: str) -> None:
    shown = [p for p in exc.problems if p.is_error] or list(exc.problems)
    for p in shown[:PROBLEMS_SHOWN]:
        print(f"argmap: {p.severity}: {prefix}{exc.subject}: {p.message}", file=sys.stderr)
    if len(shown) > PROBLEMS_SHOWN:
        more = len(shown) - PROBLEMS_SHOWN
        print(
            f"argmap: error: {prefix}{exc.subject}: ... and {more} more (argmap check lists "
            "them all)",
            file=sys.stderr,
        )


_python_showwarning = warnings.showwarning


def show_warning(  # noqa: PLR0913, PLR0917 - the signature warnings.showwarning has
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print argmap's own warnings as one line each; leave others to Python."""
    if issubclass(category, ArgmapWarning):
        for text in str(message).splitlines() or [""]:
            print(f"argmap: warning: {text}", file=sys.stderr)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)
