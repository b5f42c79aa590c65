"""Safe file output: every file argmap writes is written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import OutputError

__all__ = ["write_atomic"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Readers never see a half-written file, and if anything fails the old file is untouched.

    Args:
        path: where to write.
        data: text (written as UTF-8) or bytes.
        protect: files that must not be overwritten (a command's inputs).

    Raises:
        OutputError: if the folder does not exist, ``path`` is a folder or a protected
            file, the text cannot be encoded as UTF-8, or the write fails.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        msg = (
            f"cannot write {str(target)!r}: folder {str(folder)!r} does not exist; create it first"
        )
        raise OutputError(msg)
    if target.is_dir():
        msg = f"cannot write {str(target)!r}: it is a folder; give a file name"
        raise OutputError(msg)
    for p in protect:
        if _same_file(target, Path(p)):
            msg = f"refusing to write over the input {str(target)!r}; choose another output file"
            raise OutputError(msg)
    try:
        payload = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        msg = (
            f"cannot write {str(target)!r}: the text holds a lone surrogate "
            f"({exc.object[exc.start : exc.end]!a}), which UTF-8 cannot store; remove it"
        )
        raise OutputError(msg) from None
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        msg = f"cannot write {str(target)!r}: {exc.strerror or exc}"
        raise OutputError(msg) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).chmod(mode)
        Path(tmp).replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        if isinstance(exc, OSError):
            msg = f"cannot write {str(target)!r}: {exc.strerror or exc}"
            raise OutputError(msg) from None
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
