"""Long output on a terminal goes through a pager, as git does.

Text longer than the terminal is tall goes to the pager named by ``ARGMAP_PAGER``, else
``PAGER``, else ``less``; with ``LESS`` unset, less gets ``FRX`` (quit if it fits on one
screen, keep colours, leave the text on the screen) and lv gets ``-c``, as git sets them.
An empty pager or ``cat`` means none. Nothing is paged when standard output is not a
terminal (a pipe or a file gets the text as it is), nor with ``--no-pager``, nor when
the pager's program cannot be found. While the pager runs, Ctrl-C is the pager's: argmap
waits for it to end, and a pager quit before it read everything is no error.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys

__all__ = ["pager_command", "write_paged"]


def pager_command(environ: dict[str, str] | None = None) -> str | None:
    """The pager to run (a shell command), or None for none."""
    env = os.environ if environ is None else environ
    command = env.get("ARGMAP_PAGER", env.get("PAGER", "less")).strip()
    if not command or command == "cat":
        return None
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) is not None else None


def write_paged(text: str, *, page: bool = True) -> None:
    """Write ``text`` to standard output, through the pager if it is long and a terminal."""
    command = pager_command() if page and sys.stdout.isatty() else None
    rows = shutil.get_terminal_size((80, 24)).lines
    if command is None or text.count("\n") < rows:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    data = text.encode(encoding, errors="replace")
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the pager's now
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602 - PAGER is a shell command, as for git and man
        stdin = pager.stdin
        if stdin is not None:
            with contextlib.suppress(BrokenPipeError):  # quit before the end: fine
                stdin.write(data)
            with contextlib.suppress(BrokenPipeError):
                stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, interrupt)
