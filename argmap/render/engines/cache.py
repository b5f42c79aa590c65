"""The compiled WebAssembly module, kept per user so that only the first process compiles it.

A cache file is used only when it says it holds this very module (by its SHA-256)
compiled by this wasmtime version for this platform, and its checksum holds; anything
else is compiled afresh and the cache rewritten. Files are written atomically and readable
only by their owner, and a file or folder others could write is never trusted. Processes
that start together wait on a lock file beside the cache for the first one's compilation.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import sys
import time
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.files import write_atomic

__all__ = [
    "LOCK_WAIT",
    "MAGIC",
    "cache_dir",
    "compiling",
    "identity",
    "key",
    "read",
    "runtime_version",
    "trusted",
    "write",
]

# Version 2 names the module and runtime inside the file (version 1 files are compiled
# afresh and replaced).
MAGIC = b"argmap-cwasm-2\n"
# How long a process waits for another one's compilation before compiling itself.
LOCK_WAIT = 300.0


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


def runtime_version() -> str:
    """The installed wasmtime's version (what compiled modules depend on)."""
    try:
        return version("wasmtime")
    except PackageNotFoundError:  # pragma: no cover - wasmtime imported fine
        return "unknown"


def key(wasm: bytes) -> str:
    """The cache file's name: the module's digest, the wasmtime version and the platform."""
    digest = hashlib.sha256(wasm).hexdigest()[:16]
    return (
        f"graphviz-{digest}-wasmtime-{runtime_version()}-{sys.platform}-{platform.machine()}.cwasm"
    )


def identity(wasm: bytes) -> bytes:
    """What a cache file must say it holds: this module, this runtime, this platform."""
    return (
        f"sha256={hashlib.sha256(wasm).hexdigest()} wasmtime={runtime_version()} "
        f"platform={sys.platform}-{platform.machine()}\n"
    ).encode("ascii", "replace")


def trusted(path: Path) -> bool:
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


def read(path: Path, wasm: bytes) -> bytes | None:
    """The serialized module stored at ``path``, if trusted, intact and of ``wasm`` itself.

    The file must name this module's SHA-256, this wasmtime version and this platform, and
    its payload must match its checksum: a file holding any other module, or written by
    any other runtime, is not used, whatever its name.
    """
    if not trusted(path):
        return None
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = MAGIC + identity(wasm)
    digest, payload = blob[len(head) : len(head) + 32], blob[len(head) + 32 :]
    if blob[: len(head)] != head or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def write(path: Path, wasm: bytes, payload: bytes) -> None:
    """Store a serialized module; any failure only means the next process compiles again."""
    blob = MAGIC + identity(wasm) + hashlib.sha256(payload).digest() + payload
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, blob)
        path.chmod(0o600)
    except (OSError, ArgmapError):
        return


@contextlib.contextmanager
def compiling(path: Path | None) -> Iterator[None]:
    """Hold the cache's lock file while compiling, so that processes compile one at a time.

    A process that finds the lock held waits (at most :data:`LOCK_WAIT` seconds) and then
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
    if not trusted(lock):  # a lock others can hold is no lock: do not wait on it
        os.close(fd)
        yield
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT
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
