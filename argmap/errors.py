"""The exceptions argmap raises on bad input; all derive from :class:`ArgmapError`."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.problems import Problem


class ArgmapError(Exception):
    """The root of every error argmap raises on bad input."""


class UnknownIdError(ArgmapError, LookupError):
    """An id names no claim, relation or source of the map.

    Attributes:
        id: the id that names nothing.
        suggestions: the ids most like it, best first (see :mod:`argmap.suggest`); the
            message ends with them ("did you mean 'grant'?"). They are found when first
            asked for, so a look-up that fails and is caught costs no search.
    """

    def __init__(
        self,
        message: str,
        id: str,  # noqa: A002 - the domain word
        *,
        suggest: Callable[[], Sequence[str]] | Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.id = id
        self._suggest = suggest

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The ids most like :attr:`id`, best first (none if nothing is close)."""
        if callable(self._suggest):
            self._suggest = tuple(self._suggest())
        return tuple(self._suggest)

    def __str__(self) -> str:
        from argmap.suggest import did_you_mean

        return super().__str__() + did_you_mean(self.suggestions)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (super().__str__(), self.id), {"_suggest": self.suggestions})


class UnknownMapError(ArgmapError, LookupError):
    """A name is neither a built-in map nor a readable file.

    Attributes:
        suggestions: the built-in maps most like the name, best first.
    """

    def __init__(self, message: str, *, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.suggestions = tuple(suggestions)


class DuplicateIdError(ArgmapError, ValueError):
    """An id is given to two things of the same map."""


class InvalidMapError(ArgmapError, ValueError):
    """A map has errors; ``problems`` holds every one of them."""

    def __init__(self, problems: Sequence[Problem], *, subject: str = "map") -> None:
        self.problems = tuple(problems)
        self.subject = subject
        errors = [p for p in self.problems if p.is_error]
        shown = errors or list(self.problems)
        head = f"{subject} has {len(errors)} error{'s' if len(errors) != 1 else ''}"
        lines = [head + ":"] + [f"  {p}" for p in shown[:20]]
        if len(shown) > 20:
            lines.append(f"  ... and {len(shown) - 20} more")
        super().__init__("\n".join(lines))


class FormatError(ArgmapError, ValueError):
    """Input cannot be read in the format asked for (bad syntax, wrong types, unknown format).

    Attributes:
        messages: one line per problem found (at least one).
        line: the 1-based line of the first problem, where known.
        column: the 1-based column of the first problem, where known.
    """

    def __init__(
        self,
        message: str,
        *,
        messages: Sequence[str] = (),
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.messages = tuple(messages) or (message,)
        self.line = line
        self.column = column

    def about(self, where: str) -> FormatError:
        """Return the same error with ``where`` (a file name) in front of every message."""
        return FormatError(
            f"{where}: {self}",
            messages=[f"{where}: {m}" for m in self.messages],
            line=self.line,
            column=self.column,
        )


class ParameterError(ArgmapError, TypeError, ValueError):
    """A function was given a value of the wrong type or out of range (a number as an id)."""


class EvaluationError(ParameterError):
    """An evaluation was asked for with an unknown semantics or an unusable setting.

    It is a :class:`ParameterError`, as every bad parameter is; the name stays for code
    that catches it.
    """


class RenderError(ArgmapError, RuntimeError):
    """A map cannot be drawn: no layout engine can run, or the engine failed."""


class OutputError(ArgmapError, OSError):
    """An output file cannot be written where it was asked for."""


class ArgmapWarning(UserWarning):
    """Something odd but readable in the input (lenient loading goes on after it)."""


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep  # noqa: PTH100, PTH120


def warn(message: str, category: type[Warning] = ArgmapWarning) -> None:
    """Warn, naming the line of the caller's code that called argmap (not argmap's own).

    However deep inside argmap the warning starts, Python shows it at the first frame
    outside the package, as ``stacklevel`` would for a direct call.
    """
    level = 2  # 1 is this function, 2 its caller
    frame = sys._getframe(1)  # noqa: SLF001 - the one way to walk the caller's stack
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, category, stacklevel=level)
