"""Standard output for one command: failures end it with one line, never a traceback.

Maps, drawings and JSON go to standard output as UTF-8 whatever the locale, byte for byte
what ``-o`` would write (:func:`write_output`); text for people is written in the
terminal's encoding, with ``?`` for characters it lacks (:func:`stdout_for_people`).
"""

from __future__ import annotations

import os
import sys

# Imported by the command at start-up, ``argmap --help`` too: typing and argmap.files (and
# its threading) only where used.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import IO, Any, TextIO

__all__ = [
    "Stdout",
    "StdoutError",
    "silence_failed_streams",
    "stdout_for_people",
    "write_output",
]


def write_output(text: str | bytes, out: str | None, *, inputs: Sequence[str] = ()) -> None:
    """Write to ``out`` (see :func:`argmap.files.write_atomic`), or to standard output.

    Standard output (``out`` None or ``-``) gets the same UTF-8 bytes as a file would,
    whatever the locale's encoding.
    """
    from argmap.files import encode, write_atomic

    if out is None or out == "-":
        payload = encode(text, "to standard output")
        sys.stdout.flush()
        if (buffer := getattr(sys.stdout, "buffer", None)) is not None:
            buffer.write(payload)
            buffer.flush()
        else:  # a stand-in stream that takes text only
            sys.stdout.write(payload.decode("utf-8"))
            sys.stdout.flush()
        return
    write_atomic(out, text, protect=[i for i in inputs if i != "-"])


class StdoutError(Exception):
    """Standard output is closed, or writing to it failed (a full disk, an I/O error)."""


def _guarded(write: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401 - any stream call
    try:
        return write(*args)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutError(exc.strerror or str(exc)) from None
    except ValueError:  # "I/O operation on closed file"
        raise StdoutError("it is closed") from None


class Stdout:
    """Standard output for one command, whose failures end it with one line, not a traceback.

    Python gives ``None`` for a standard output that was closed when it started
    (``argmap list >&-``); writing to that is an error here, as it is for cat. Text goes
    to the binary buffer below Python's text layer, which would drop what a pipe's
    reader left unread and say nothing (a write cut short by the reader's going away
    reports the bytes it wrote, not the broken pipe); here the rest is written again, so
    the broken pipe shows.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def _open(self) -> TextIO:
        if self._stream is None:
            msg = "it is closed"
            raise StdoutError(msg)
        return self._stream

    def write(self, text: str) -> int:
        """Write all of ``text`` (see the class docstring); return its length."""
        stream = self._open()
        buffer = getattr(stream, "buffer", None)
        if buffer is None or os.linesep != "\n":  # a stand-in, or newlines to translate
            written: int = _guarded(stream.write, text)
            return written
        _guarded(stream.flush)  # what went through the text layer comes first
        _write_fully(buffer, text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
        if stream.line_buffering and "\n" in text:
            _guarded(buffer.flush)
        return len(text)

    def flush(self) -> None:
        """Flush the stream, if there is one."""
        if self._stream is not None:
            _guarded(self._stream.flush)

    def isatty(self) -> bool:
        """Whether the stream is a terminal (a closed one is not)."""
        return self._stream is not None and self._stream.isatty()

    @property
    def buffer(self) -> _StdoutBuffer:
        """The binary side, guarded the same way."""
        return _StdoutBuffer(self._open().buffer)

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - the stream's own attributes
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


class _StdoutBuffer:
    """The binary side of :class:`Stdout`."""

    def __init__(self, buffer: IO[bytes]) -> None:
        self._buffer = buffer

    def write(self, data: bytes) -> int:
        _write_fully(self._buffer, data)
        return len(data)

    def flush(self) -> None:
        _guarded(self._buffer.flush)


def _write_fully(buffer: IO[bytes], data: bytes) -> None:
    """Write all of ``data``: a short write is followed by another, which shows the error."""
    view = memoryview(data)
    while view:
        written = _guarded(buffer.write, view)
        if not written:  # None: it would block; 0: it takes nothing more
            msg = "it takes no more output"
            raise StdoutError(msg)
        view = view[written:]


def stdout_for_people(stream: TextIO | None) -> _ForPeople:
    """Replace characters the output's encoding lacks with ``?`` (text for people only).

    A context manager: the stream's own error handler comes back when it ends.
    """
    return _ForPeople(stream)


class _ForPeople:
    """What :func:`stdout_for_people` returns (a class: no contextlib at start-up)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        self._old: str | None = None

    def __enter__(self) -> None:
        self._old = getattr(self._stream, "errors", None)
        if self._old is not None:
            _reconfigure(self._stream, "replace")

    def __exit__(self, *_: object) -> None:
        if self._old is not None:
            _reconfigure(self._stream, self._old)


def _reconfigure(stream: TextIO | None, errors: str) -> None:
    """Set the stream's error handler, if it has one to set (failures change nothing)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:  # noqa: SIM105 - no contextlib at start-up
        reconfigure(errors=errors)
    except (OSError, ValueError):
        pass


def silence_failed_streams(stdout: TextIO | None) -> None:
    """After a broken pipe or a failed write, point the failing streams at the null device.

    Python flushes standard output and error once more on the way out; what they still
    hold would fail again, print a warning and change the exit status to 120. (This is
    Python's own advice, in the signal module's notes on SIGPIPE.) Streams other than
    the process's own, as in tests, are left alone.
    """
    own = [s for s in (sys.__stdout__, sys.__stderr__) if s is not None]
    for stream in (stdout, sys.stderr):
        if stream is None or not any(stream is s for s in own):
            continue
        try:
            stream.flush()
        except OSError:
            import contextlib

            with contextlib.suppress(OSError, ValueError):
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, stream.fileno())
                os.close(null)
