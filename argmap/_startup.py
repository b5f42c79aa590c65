"""Ctrl-C while the ``argmap`` command starts up ends it quietly, with status 130.

Python turns Ctrl-C into KeyboardInterrupt. While the package and its dependencies are
being imported, before :func:`argmap.cli.main` can catch it, that ends in a traceback.
So when, and only when, this process is the command (``python -m argmap``, or the
``argmap`` script an installer writes), the package's first act is a SIGINT handler that
exits with status 130 at once. ``main`` puts Python's own handler back while it runs, so
that an interrupted write cleans up after itself, and this one again when it returns.
A program that merely imports argmap is left alone.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import signal
    from types import FrameType
else:
    try:  # the signal module's own C part: the module wraps it in enums, slow to build
        import _signal as signal
    except ImportError:  # pragma: no cover - a Python without it
        import signal

__all__ = ["EXIT_INTERRUPTED", "is_command", "python_handler", "quiet_exit", "quiet_handler"]

#: The status of a command ended by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def quiet_exit(_signum: int, _frame: FrameType | None) -> None:
    """The SIGINT handler outside ``main``: exit 130, with nothing printed."""
    os._exit(EXIT_INTERRUPTED)


_command: list[bool] = []  # whether this process is the argmap command, once known


def is_command() -> bool:
    """Whether this process is the argmap command (then the package imports lazily)."""
    if not _command:
        _command.append(_is_the_command())
    return _command[0]


def python_handler() -> bool:
    """Put Python's own SIGINT handler in place of :func:`quiet_exit`; say if it was there.

    (:func:`argmap.cli.main` runs with Python's, so that an interrupted write cleans up.)
    """
    if signal.getsignal(signal.SIGINT) is not quiet_exit:
        return False
    signal.signal(signal.SIGINT, signal.default_int_handler)
    return True


def quiet_handler() -> None:
    """Put :func:`quiet_exit` back for SIGINT (after :func:`python_handler` said it was)."""
    signal.signal(signal.SIGINT, quiet_exit)


def install() -> None:
    """Install :func:`quiet_exit` for SIGINT if this process is the argmap command."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler and is_command():
        try:  # noqa: SIM105 - no contextlib import before the handler is in place
            signal.signal(signal.SIGINT, quiet_exit)
        except ValueError:  # imported first from a thread: not the command starting up
            pass


def _is_the_command() -> bool:
    argv = getattr(sys, "argv", None) or [""]  # an embedding program may set none
    if argv[:1] == ["-m"]:  # python -m MODULE, while MODULE is being found
        return _module_run(getattr(sys, "orig_argv", [])) == "argmap"
    script = argv[0] if argv else ""
    main = sys.modules.get("__main__")
    if os.path.basename(script) != "argmap" or getattr(main, "__file__", None) != script:
        return False
    try:  # the installer's script, not some other program of the same name
        with open(script, "rb") as fh:
            return b"argmap.cli" in fh.read(4096)
    except OSError:
        return False


def _module_run(orig_argv: list[str]) -> str | None:
    """The MODULE of ``python ... -m MODULE ...``, from the interpreter's own arguments."""
    args = iter(orig_argv[1:])
    for arg in args:
        if arg == "--check-hash-based-pycs":
            next(args, None)
            continue
        if not arg.startswith("-") or arg.startswith("--") or arg == "-":
            return None
        for i, flag in enumerate(arg[1:], start=2):  # a cluster of short options: -Bm
            if flag in "mWX":
                value = arg[i:] or next(args, None)
                if flag == "m":
                    return value
                break
            if flag == "c":
                return None
    return None


install()
