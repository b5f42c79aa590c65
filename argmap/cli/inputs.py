"""The maps a command reads: a file, ``-`` for standard input, or a built-in map."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Set as AbstractSet
from pathlib import Path

import argmap
from argmap import registry
from argmap.cli.status import print_error
from argmap.errors import ArgmapError, ArgmapWarning, FormatError, InvalidMapError, UnknownMapError
from argmap.io import MAX_INPUT_BYTES, decode_input, input_too_large, shown_path
from argmap.model import ArgumentMap
from argmap.suggest import close_ids, did_you_mean

__all__ = ["STDIN", "TOLERATED", "builtin_maps", "open_map", "read_stdin"]

#: How messages name standard input.
STDIN = "standard input"


def read_stdin() -> str:
    """Read standard input as UTF-8 text, no more than argmap's input limit of it.

    Raises:
        FormatError: if it is longer than the limit, or not UTF-8.
    """
    name = STDIN
    if sys.stdin is None:
        raise FormatError(f"{name}: it is closed; give a file, or pipe a map in")
    if (stream := getattr(sys.stdin, "buffer", None)) is not None:
        return decode_input(stream, name)
    text = sys.stdin.read(MAX_INPUT_BYTES + 1)  # a stand-in stream that holds text already
    if len(text) > MAX_INPUT_BYTES:
        raise FormatError(input_too_large(name))
    return text


#: The errors a verb can work around, reported as warnings by :func:`open_map`: a map
#: without a thesis (an empty AIF document) can still be shown, converted and drawn, and a
#: circle of supports (``+ [X]`` written for ``+> [X]``) evaluated, shown and drawn.
TOLERATED = frozenset({"no-thesis", "circular-support"})


def open_map(
    spec: str, fmt: str | None = None, *, check: bool = True, tolerate: AbstractSet[str] = TOLERATED
) -> ArgumentMap:
    """Open MAP as the CLI understands it: a file path, ``-`` (stdin) or a built-in id.

    An existing file wins over a built-in map of the same name. With ``check``, a map
    with errors is refused, but for the problems in ``tolerate``, which are warnings here.

    Raises:
        ArgmapError: if nothing can be opened, or the input is bad.
    """
    name = STDIN if spec == "-" else shown_path(spec)
    if spec == "-":
        text = read_stdin()
        try:
            m = argmap.loads(text, fmt or "json", check=False)
        except FormatError as exc:
            raise exc.about(STDIN) from None
    elif _names_a_file(spec):
        m = argmap.load(spec, fmt, check=False)
    elif spec in registry.names():
        return registry.get(spec)
    elif os.sep in spec or "." in spec:
        raise FormatError(f"{name}: no such file")
    else:
        known = ", ".join(registry.names()) or "none are installed"
        close = close_ids(spec, registry.names())
        msg = f"{name}: neither a file nor a built-in map{did_you_mean(close)} (built-in: {known})"
        raise UnknownMapError(msg, suggestions=close)
    if check:
        problems = argmap.validate(m)
        errors = [p for p in problems if p.is_error]
        if any(p.code not in tolerate for p in errors):
            raise InvalidMapError(problems, subject=name)
        for p in errors:
            warnings.warn(f"{name}: {p.message}", ArgmapWarning, stacklevel=2)
    return m


def _names_a_file(spec: str) -> bool:
    """Whether MAP names a file: one that exists, or one only reading it can explain.

    A name too long or holding a NUL character is left for :func:`argmap.load`, which
    says what is wrong with it in one line.
    """
    try:
        Path(spec).stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return True


def builtin_maps() -> tuple[list[ArgumentMap], bool]:
    """Every built-in map that builds, and whether all did (each failure is one line)."""
    maps: list[ArgumentMap] = []
    for name in registry.names():
        try:
            maps.append(registry.get(name))
        except ArgmapError as exc:
            print_error(exc, prefix="" if repr(name) in str(exc) else f"{shown_path(name)}: ")
    return maps, len(maps) == len(registry.names())
