"""Safe file output: every file argmap writes is written whole or not at all.

The rule, the one Unix tools follow (README, "Reliability"):

- a new file, or an existing regular file, is written to a temporary file beside it and
  renamed over it once complete, so readers never see half a file and a failure leaves the
  old one as it was;
- a symbolic link to a regular file stays a link: its target is replaced that way, in the
  target's folder;
- anything else that exists (a character device, a pipe, a socket, or a link such as
  ``/dev/stdout`` to one of this process's file descriptors) is written through, never
  replaced;
- a regular file that is read-only or has other hard links, and a block device, are
  refused with one line;
- the temporary file is removed on any error and on the signals a user sends (SIGINT,
  SIGTERM, SIGHUP), after which the signal takes its usual course.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from types import FrameType, TracebackType
from typing import Self

from argmap.errors import OutputError, ParameterError

__all__ = ["check_file_name", "encode", "write_atomic"]

# /proc/<pid>/fd/N (what /dev/stdout, /dev/fd/N and /proc/self/fd/N lead to on Linux)
# and /dev/fd/N (a device of its own on the BSDs and macOS).
_FD_LINK = re.compile(r"/proc/(?P<pid>\d+)(?:/task/\d+)?/fd/(?P<fd>\d+)|/dev/fd/(?P<own>\d+)")
_MAX_LINKS = 40  # as Linux's MAXSYMLINKS
_NAME_ROOM = 200  # bytes of the target's name kept in the temporary file's name
_USER_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def check_file_name(path: object, *, verb: str = "write") -> str:
    """Return ``path`` as a string if it can name a file at all.

    Raises:
        ParameterError: if ``path`` is not a string or a path.
        OutputError: if it is empty or holds a NUL character.
    """
    if not isinstance(path, str | os.PathLike):
        msg = f"a path must be a string or a path, not {type(path).__name__} {path!r:.40}"
        raise ParameterError(msg)
    name = os.fspath(path)
    if not isinstance(name, str):
        msg = f"a path must be text, not bytes {name!r:.40}"
        raise ParameterError(msg)
    if not name:
        msg = f"cannot {verb} '': give a file name"
        raise OutputError(msg)
    if "\0" in name:
        msg = f"cannot {verb} {name!r}: a file name cannot hold a NUL character"
        raise OutputError(msg)
    return name


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
    mode: int | None = None,
) -> None:
    """Write ``data`` to ``path`` by the rule in this module's docstring.

    Args:
        path: where to write.
        data: text (written as UTF-8) or bytes.
        protect: files that must not be overwritten (a command's inputs).
        mode: permissions for a file argmap creates or replaces (default: those of the
            file it replaces, or 0o666 less the umask for a new one).

    Raises:
        ParameterError: if ``path`` is not a string or a path.
        OutputError: if the folder does not exist, ``path`` is a folder, a protected,
            read-only or hard-linked file or a block device, its name is empty, too long
            or holds a NUL character, the text cannot be encoded as UTF-8, or the write
            fails. Its ``errno`` is ``errno.EPIPE`` when a pipe's reader went away.
    """
    name = check_file_name(path)
    payload = encode(data, repr(name))
    try:
        plan = _resolve(name)
    except OSError as exc:
        raise _failure(repr(name), exc) from None
    shown = _shown(name, plan.where)
    if plan.fd is not None:
        _write_descriptor(shown, plan.fd, payload)
    elif plan.stat is not None and (plan.through or not stat.S_ISREG(plan.stat.st_mode)):
        _write_through(shown, plan, payload)
    else:
        _check_replaceable(name, shown, plan, protect)
        _replace(shown, plan, payload, mode)


# -- where the bytes go -------------------------------------------------------------------


class _Plan:
    """Where a write lands: a file descriptor of ours, or a path and what is there now.

    ``through`` marks another process's descriptor link (/proc/PID/fd/N), which is
    opened and written like a device whatever it leads to.
    """

    __slots__ = ("fd", "stat", "through", "where")

    def __init__(
        self,
        where: str,
        st: os.stat_result | None = None,
        *,
        fd: int | None = None,
        through: bool = False,
    ) -> None:
        self.where = where
        self.stat = st
        self.fd = fd
        self.through = through


def _resolve(name: str) -> _Plan:
    """Follow ``name`` through its symbolic links to what a write should reach.

    Raises:
        OSError: if a link cannot be read, the links loop, a name is too long, or ``name``
            is a folder (EISDIR).
    """
    if name.endswith(os.sep) or (os.altsep and name.endswith(os.altsep)):
        raise IsADirectoryError(errno.EISDIR, "a folder", name)
    path = os.path.abspath(name)
    for _ in range(_MAX_LINKS):
        where = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        if (match := _FD_LINK.fullmatch(where)) is not None:
            own = match["own"] is not None or int(match["pid"]) == os.getpid()
            if own:
                return _Plan(where, fd=int(match["own"] or match["fd"]))
            return _Plan(where, os.stat(where), through=True)
        try:
            st = os.lstat(where)
        except (FileNotFoundError, NotADirectoryError):
            return _Plan(where)  # a new file (its folder is checked before writing)
        if stat.S_ISLNK(st.st_mode):
            path = os.path.join(os.path.dirname(where), os.readlink(where))
            continue
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "a folder", where)
        return _Plan(where, st)
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), name)


def _write_descriptor(shown: str, fd: int, payload: bytes) -> None:
    """Write to one of this process's own file descriptors, where the shell pointed it."""
    for stream in (sys.stdout, sys.stderr):  # what Python holds for fd 1 and 2 goes first
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    try:
        _write_all(fd, payload)
    except OSError as exc:
        if exc.errno == errno.EBADF:
            msg = f"cannot write {shown}: file descriptor {fd} is not open for writing"
            raise OutputError(msg) from None
        raise _failure(shown, exc) from None


def _write_through(shown: str, plan: _Plan, payload: bytes) -> None:
    """Write into a device, a pipe or a socket that exists, without replacing it."""
    assert plan.stat is not None  # noqa: S101 - the caller's check, for mypy
    kind = stat.S_IFMT(plan.stat.st_mode)
    if kind == stat.S_IFBLK:
        msg = f"cannot write {shown}: it is a block device (a disk); choose a file"
        raise OutputError(msg)
    if kind == stat.S_IFSOCK:
        _send_to_socket(shown, plan.where, payload)
        return
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if kind == stat.S_IFREG:  # through another process's descriptor: as `>` would
        flags |= os.O_TRUNC
    try:
        fd = os.open(plan.where, flags)  # a pipe waits here for its reader, as with `>`
    except OSError as exc:
        raise _failure(shown, exc) from None
    try:
        if stat.S_IFMT(os.fstat(fd).st_mode) != kind:
            msg = f"cannot write {shown}: it changed while argmap was writing; try again"
            raise OutputError(msg)
        _write_all(fd, payload)
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise _failure(shown, exc) from None
    finally:
        os.close(fd)


def _send_to_socket(shown: str, where: str, payload: bytes) -> None:
    """Write to a Unix socket the way ``socat - UNIX-CONNECT:`` would."""
    import socket

    # A socket's address is limited to about 100 bytes: reach it the shorter way.
    address = where
    with contextlib.suppress(ValueError):  # no relative path to another drive
        address = min(where, os.path.relpath(where), key=len)
    last: OSError | None = None
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        with socket.socket(socket.AF_UNIX, kind) as sock:
            try:
                sock.connect(address)
            except OSError as exc:
                last = exc
                if exc.errno == errno.EPROTOTYPE:
                    continue
                break
            try:
                sock.sendall(payload)
            except OSError as exc:
                raise _failure(shown, exc) from None
            return
    reason = (last.strerror or str(last)) if last is not None else "it takes no connection"
    msg = f"cannot write {shown}: it is a socket, and connecting to it failed: {reason}"
    raise OutputError(msg)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


# -- replacing a regular file -------------------------------------------------------------


def _check_replaceable(
    name: str, shown: str, plan: _Plan, protect: Iterable[str | os.PathLike[str]]
) -> None:
    folder = os.path.dirname(plan.where)
    if not os.path.isdir(folder):
        what = "is not a folder" if os.path.lexists(folder) else "does not exist; create it first"
        given = (os.path.dirname(name) or ".") if os.path.abspath(name) == plan.where else folder
        msg = f"cannot write {shown}: folder {given!r} {what}"
        raise OutputError(msg)
    st = plan.stat
    if st is None:
        return
    if any(_same_file(p, st) for p in protect):
        msg = f"refusing to write over the input {shown}; choose another output file"
        raise OutputError(msg)
    if not st.st_mode & 0o222 or not os.access(plan.where, os.W_OK):
        msg = f"cannot write {shown}: it is read-only; make it writable or choose another file"
        raise OutputError(msg)
    if st.st_nlink > 1:
        msg = (
            f"cannot write {shown}: it has {st.st_nlink} hard links, which a new file would "
            "split and writing in place would change; remove the others or choose another file"
        )
        raise OutputError(msg)


def _same_file(path: str | os.PathLike[str], st: os.stat_result) -> bool:
    try:
        other = os.stat(path)
    except (OSError, ValueError, TypeError):
        return False
    return (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino)


def _replace(shown: str, plan: _Plan, payload: bytes, mode: int | None) -> None:
    """Write a temporary file beside ``plan.where`` and rename it over that name."""
    folder, base = os.path.split(plan.where)
    st = plan.stat
    if mode is None and st is not None:
        mode = stat.S_IMODE(st.st_mode) & 0o777
    with _SignalGuard() as guard:
        with guard.critical():
            try:
                fd, tmp = _create_temporary(folder, base)
            except OSError as exc:
                raise _failure(shown, exc) from None
            guard.temporary = tmp
        try:  # the guard removes the temporary file if this fails or is interrupted
            with os.fdopen(fd, "wb") as fh:
                if mode is not None:
                    _chmod(fh.fileno(), tmp, mode)
                if st is not None and hasattr(os, "fchown"):
                    with contextlib.suppress(OSError):  # only root may give a file away
                        if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                            os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            with guard.critical():
                os.replace(tmp, plan.where)
                guard.temporary = None
        except OSError as exc:
            raise _failure(shown, exc) from None


def _chmod(fd: int, path: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows before Python 3.13
        os.chmod(path, mode)


def _create_temporary(folder: str, base: str) -> tuple[int, str]:
    """Create an empty file of a fresh name in ``folder``; the umask sets its mode."""
    stem = os.fsdecode(os.fsencode(base)[:_NAME_ROOM])
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".{stem}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)


class _Signalled(BaseException):
    """A user's signal arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _SignalGuard:
    """Remove the temporary file on SIGINT, SIGTERM or SIGHUP, then let the signal act.

    Only signals whose handling is Python's default are taken over (a program's own
    handlers and ignored signals are left alone), only in the main thread (the only one
    that may set handlers), and only for the length of one write; the old handlers come
    back before the signal is delivered again, so the process ends with the usual status.
    """

    def __init__(self) -> None:
        self.previous: dict[int, object] = {}
        self.temporary: str | None = None
        self._critical = False
        self._pending: int | None = None

    def __enter__(self) -> Self:
        if threading.current_thread() is not threading.main_thread():
            return self
        for signum in _USER_SIGNALS:
            old = signal.getsignal(signum)
            if old not in (signal.SIG_DFL, signal.default_int_handler):
                continue
            try:
                signal.signal(signum, self._handle)
            except (ValueError, OSError):  # not the main interpreter
                continue
            self.previous[signum] = old
        return self

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self._critical:
            self._pending = self._pending or signum
            return
        raise _Signalled(signum)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        """Hold signals back while a temporary file is made, renamed or removed."""
        self._critical = True
        try:
            yield
        finally:
            self._critical = False

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._critical = True  # from here on a signal waits until the old handler is back
        if self.temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)
            self.temporary = None
        for number, old in self.previous.items():
            signal.signal(number, old)  # type: ignore[arg-type] # what getsignal gave
        signum = exc.signum if isinstance(exc, _Signalled) else self._pending
        if signum is None:
            return
        if self.previous.get(signum) is signal.default_int_handler:
            raise KeyboardInterrupt from None
        signal.raise_signal(signum)  # the default action: the process ends here
        raise SystemExit(128 + signum) from None


# -- messages -----------------------------------------------------------------------------


def _shown(name: str, where: str) -> str:
    """The name as given, and where links led if elsewhere."""
    if os.path.abspath(name) == where or _FD_LINK.fullmatch(where):
        return repr(name)
    return f"{name!r} (which is {where!r})"


def _failure(shown: str, exc: OSError) -> OutputError:
    """One line for an OSError met while writing the file ``shown`` names."""
    if exc.errno == errno.ENAMETOOLONG:
        msg = (
            f"cannot write {shown}: a name in it is longer than the file system allows "
            "(usually 255 bytes); choose a shorter name"
        )
    elif exc.errno == errno.EISDIR:
        msg = f"cannot write {shown}: it is a folder; give a file name"
    else:
        msg = f"cannot write {shown}: {exc.strerror or exc}"
    error = OutputError(msg)
    error.errno = exc.errno
    return error


def encode(data: str | bytes, shown: str) -> bytes:
    """``data`` as the bytes argmap writes: text as UTF-8 (``shown`` names the target).

    Raises:
        OutputError: if the text holds a lone surrogate, which UTF-8 cannot store.
    """
    if isinstance(data, bytes):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as exc:
        msg = (
            f"cannot write {shown}: the text holds a lone surrogate "
            f"({exc.object[exc.start : exc.end]!a}), which UTF-8 cannot store; remove it"
        )
        raise OutputError(msg) from None
