"""Checks of the values public functions are given: a wrong type or range is a ParameterError.

Each check returns the value it was given (so a call reads ``id = text_arg(id, "claim
id")``) and raises :class:`~argmap.errors.ParameterError` with a one-line message that
names the parameter, shows what was given and says what to pass instead.
"""

from __future__ import annotations

import json
import operator
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, SupportsIndex

from argmap._frozen import Meta, freeze_meta, thaw
from argmap.errors import ParameterError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Quote, Verdict

__all__ = [
    "count_arg",
    "flag_arg",
    "lone_surrogate",
    "map_arg",
    "mapping_arg",
    "maps_arg",
    "meta_arg",
    "optional_text_arg",
    "path_arg",
    "quotes_arg",
    "score_arg",
    "shown",
    "text_arg",
    "texts_arg",
    "verdict_arg",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def shown(value: object, limit: int = 40) -> str:
    """A short, one-line description of a value for a message: its type and its repr."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return f"{type(value).__name__} {text}"


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate in ``text`` (no file can hold one), or None."""
    found = _SURROGATE.search(text)
    return None if found is None else found.start()


def text_arg(value: object, what: str) -> str:
    """Return ``value`` if it is text that every format can store.

    Raises:
        ParameterError: if ``value`` is not a string, or holds a lone surrogate.
    """
    if not isinstance(value, str):
        msg = f"{what} must be a string, not {shown(value)}"
        raise ParameterError(msg)
    if (at := lone_surrogate(value)) is not None:
        msg = (
            f"{what} holds a lone surrogate (\\u{ord(value[at]):04x} at index {at}), which "
            "is no character and no file can store; pass valid Unicode text"
        )
        raise ParameterError(msg)
    return value


def map_arg(value: object, what: str = "argument_map") -> ArgumentMap:
    """Return ``value`` if it is an :class:`~argmap.ArgumentMap`.

    Every public function that takes a map checks it first, so a wrong value is one
    line naming the parameter, not an AttributeError from deep inside.

    Raises:
        ParameterError: otherwise.
    """
    from argmap.model import ArgumentMap  # the model checks its own arguments here too

    if not isinstance(value, ArgumentMap):
        msg = (
            f"{what} must be an ArgumentMap (from MapBuilder.build() or argmap.load()), "
            f"not {shown(value)}"
        )
        raise ParameterError(msg)
    return value


def maps_arg(value: object, what: str = "maps") -> list[ArgumentMap]:
    """Return ``value`` as a list if it is an iterable of maps (not a map or a string).

    Raises:
        ParameterError: otherwise, naming the first item that is no map.
    """
    from argmap.model import ArgumentMap

    if isinstance(value, ArgumentMap | str | bytes) or not hasattr(value, "__iter__"):
        msg = f"{what} must be a list of ArgumentMaps, not {shown(value)}"
        raise ParameterError(msg)
    items = list(value)
    for i, item in enumerate(items):
        map_arg(item, f"{what}[{i}]")
    return items


def mapping_arg(value: object, what: str) -> Mapping[object, object]:
    """Return ``value`` if it is a mapping (None gives an empty one).

    Raises:
        ParameterError: otherwise.
    """
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        msg = f"{what} must be a mapping (a dict) or None, not {shown(value)}"
        raise ParameterError(msg)
    return value


def path_arg(value: object, what: str = "path") -> str | os.PathLike[str]:
    """Return ``value`` if it is a file path: a string or an ``os.PathLike`` of one.

    Raises:
        ParameterError: otherwise (bytes paths included: argmap names files by text).
    """
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike) and isinstance(os.fspath(value), str):
        return value
    msg = f"{what} must be a string or a path, not {shown(value)}"
    raise ParameterError(msg)


def flag_arg(value: object, what: str) -> bool:
    """Return ``value`` if it is True or False.

    Raises:
        ParameterError: otherwise (``1`` and ``"yes"`` are not flags here).
    """
    if not isinstance(value, bool):
        msg = f"{what} must be True or False, not {shown(value)}"
        raise ParameterError(msg)
    return value


def count_arg(value: object, what: str, *, minimum: int = 0) -> int:
    """Return ``value`` as an int if it is a whole number of at least ``minimum``.

    ``True`` and ``False`` are not numbers here, nor is ``2.0``.

    Raises:
        ParameterError: if ``value`` is not an integer, or is below ``minimum``.
    """
    if type(value) is int and value >= minimum:  # the common case, without the Protocol check
        return value
    if isinstance(value, bool) or not isinstance(value, SupportsIndex):
        msg = f"{what} must be a whole number of {minimum} or more, not {shown(value)}"
        raise ParameterError(msg)
    number = operator.index(value)
    if number < minimum:
        msg = f"{what} must be {minimum} or more, not {number}"
        raise ParameterError(msg)
    return number


def texts_arg(value: object, what: str) -> tuple[str, ...]:
    """Return one string or an iterable of strings as a tuple (``"ab"`` is one, not two).

    Raises:
        ParameterError: if ``value`` is neither, or one of the strings is not text every
            format can store.
    """
    if isinstance(value, str):
        return (text_arg(value, what),)
    if not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        msg = f"{what} must be a string or a list of strings, not {shown(value)}"
        raise ParameterError(msg)
    return tuple(text_arg(v, f"each of {what}") for v in value)


def optional_text_arg(value: object, what: str) -> str | None:
    """Return ``value`` if it is None or text every format can store (see :func:`text_arg`)."""
    return None if value is None else text_arg(value, what)


def score_arg(value: object, what: str) -> float | None:
    """Return ``value`` if it is None or a number (a base score; validate checks its range).

    Raises:
        ParameterError: otherwise (``True`` is no number here).
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"{what} must be a number from 0 to 1 or None, not {shown(value)}"
        raise ParameterError(msg)
    return value


def verdict_arg(value: object, what: str) -> Verdict:
    """Return ``value`` as a :class:`~argmap.model.Verdict` if it is one, or names one.

    Raises:
        ParameterError: otherwise, listing the verdicts there are.
    """
    from argmap.model import Verdict

    if isinstance(value, Verdict):
        return value
    allowed = ", ".join(repr(v.value) for v in Verdict)
    if not isinstance(value, str) or value not in {v.value for v in Verdict}:
        msg = f"{what} must be one of {allowed}, not {shown(value)}"
        raise ParameterError(msg)
    return Verdict(value)


def quotes_arg(value: object, what: str) -> list[Quote]:
    """Return ``value`` as a list if it is an iterable of quotes with text every format stores.

    Raises:
        ParameterError: otherwise, naming the first item that is wrong.
    """
    from argmap.model import Quote

    if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
        msg = f"{what} must be a list of Quote values, not {shown(value)}"
        raise ParameterError(msg)
    out = list(value)
    for q in out:
        if not isinstance(q, Quote):
            msg = f"each of {what} must be a Quote, not {shown(q)}"
            raise ParameterError(msg)
        text_arg(q.source, f"the source of a quote in {what}")
        text_arg(q.text, f"the text of a quote in {what}")
    return out


def meta_arg(value: object, what: str) -> Meta:
    """Return free-form metadata frozen, if it is a mapping of what JSON can carry.

    Raises:
        ParameterError: otherwise (NaN, infinity, lone surrogates, nesting too deep).
    """
    if value is not None and not isinstance(value, Mapping):
        msg = f"{what} must be a mapping of JSON values, not {shown(value)}"
        raise ParameterError(msg)
    try:
        frozen = freeze_meta(value)
        json.dumps(thaw(frozen), allow_nan=False, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        msg = f"{what} must hold only JSON values (no NaN or infinity): {reason}"
        raise ParameterError(msg) from None
    except RecursionError:
        msg = f"{what} is nested too deeply to be stored as JSON"
        raise ParameterError(msg) from None
    return frozen
