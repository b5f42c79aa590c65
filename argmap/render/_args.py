"""Checks of the options the views share: a depth, a claim id, an evaluation, a width.

Like :mod:`argmap._checks`, each returns what it was given and raises
:class:`~argmap.errors.ParameterError` in one line; these know the analyses' types,
which the model's checks must not.
"""

from __future__ import annotations

from argmap._checks import count_arg, shown, text_arg
from argmap.errors import ParameterError
from argmap.evaluate import Evaluation

__all__ = ["evaluation_arg", "view_args", "width_arg"]


def evaluation_arg(value: object) -> Evaluation | None:
    """Return ``value`` if it is None or an :class:`~argmap.evaluate.Evaluation`.

    Raises:
        ParameterError: otherwise.
    """
    if value is not None and not isinstance(value, Evaluation):
        msg = f"evaluation must be what argmap.evaluate() returns, or None, not {shown(value)}"
        raise ParameterError(msg)
    return value


def view_args(
    depth: object, claim: object, evaluation: object, *, claim_name: str
) -> tuple[int | None, str | None, Evaluation | None]:
    """Check the options every view of a map takes: a depth, a claim id, an evaluation.

    Returns them as given (None stays None); ``claim_name`` names the claim option in
    messages (``focus``, ``thesis``).

    Raises:
        ParameterError: if ``depth`` is negative or not a whole number, the claim is not a
            string, or ``evaluation`` is not an evaluation.
    """
    return (
        None if depth is None else count_arg(depth, "depth"),
        None if claim is None else text_arg(claim, claim_name),
        evaluation_arg(evaluation),
    )


def width_arg(value: object, minimum: int) -> int:
    """Return ``value`` if it is a whole number of columns, at least ``minimum``.

    Every terminal view has a narrowest width it is laid out for; a narrower one is an
    error, never clamped (the command line gives it as a usage error).

    Raises:
        ParameterError: otherwise.
    """
    return count_arg(value, "width", minimum=minimum)
