"""Regenerate the README's speed figures from the bench scripts that make them.

    python bench/speed_section.py                 # run every block's command, rewrite README.md
    python bench/speed_section.py --list          # the blocks and their commands, nothing run
    python bench/speed_section.py --only from_file evaluate   # the blocks of these scripts
    python bench/speed_section.py --readme OTHER.md

The README holds each figure in a block that names the command printing it::

    <!-- bench: python bench/from_file.py --sizes 200000 --graphs attack mixed -->
    (what the command printed, written here by this script)
    <!-- /bench -->

For every block this script runs the command (``python`` is this interpreter; only scripts
in ``bench/`` are run, without a shell), then writes what it printed between the markers:
its Markdown tables as they are, its ``#`` lines (what the timers cover, best of how many)
as italic lines, anything else in a text block; then one line naming the command and
saying when, on what commit and with which peer versions the figures were made.
Everything outside the blocks is left byte for byte, so the prose that reads the figures
must say which block it reads.

Each command runs on its own, one after another, so that the peer's figures in a table
come from the same run as argmap's beside them. A command that fails stops the script
before anything is written, and the README stays as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import platform
import re
import shlex
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BLOCK = re.compile(
    r"^<!-- bench: (?P<command>[^\n]*?) -->\n(?P<body>.*?)^<!-- /bench -->$",
    re.MULTILINE | re.DOTALL,
)
PEERS = ("formal-argumentation", "arguebuf")


class Block(NamedTuple):
    """One figure's place in the README: its command and the span of what it printed."""

    command: str
    start: int  # where the body begins (after the opening marker's line)
    end: int  # where the closing marker begins

    @property
    def script(self) -> str:
        """The bench script's name without ``.py`` (``from_file``)."""
        return Path(self.argv()[1]).stem

    def argv(self) -> list[str]:
        """The command's words; refused unless it is ``python bench/NAME.py ...``."""
        words = shlex.split(self.command)
        if (
            len(words) < 2
            or words[0] != "python"
            or not re.fullmatch(r"bench/[a-z_]+\.py", words[1])
            or not (ROOT / words[1]).is_file()
        ):
            msg = f"block command {self.command!r} is not `python bench/NAME.py ...` of bench/"
            raise SystemExit(msg)
        return words


def blocks(text: str) -> list[Block]:
    """The README's bench blocks, in order."""
    return [Block(m["command"], m.start("body"), m.end("body")) for m in BLOCK.finditer(text)]


def rendered(printed: str, stamp: str) -> str:
    """What a command printed, as the Markdown of a block body (ending with a newline)."""
    parts: list[str] = []
    for paragraph in re.split(r"\n\s*\n", printed.strip("\n")):
        lines = paragraph.splitlines()
        captions = [f"*{line[2:].strip()}*" for line in lines if line.startswith("# ")]
        rest = [line for line in lines if not line.startswith("# ")]
        if captions:
            parts.append("\n".join(captions))
        if rest and all(line.startswith("|") for line in rest):
            parts.append("\n".join(rest))  # a Markdown table, as printed
        elif rest:
            parts.append("```text\n" + "\n".join(rest) + "\n```")
    parts.append(stamp)
    return "\n\n".join(parts) + "\n"


def rewrite(text: str, bodies: dict[int, str]) -> str:
    """``text`` with the body of each block numbered in ``bodies`` replaced, the rest kept."""
    out: list[str] = []
    at = 0
    for number, block in enumerate(blocks(text)):
        if number in bodies:
            out += [text[at : block.start], bodies[number]]
            at = block.end
    out.append(text[at:])
    return "".join(out)


def git(*words: str) -> str:
    """What a git command prints in this checkout (nothing if git is not there)."""
    try:
        done = subprocess.run(  # noqa: S603 - fixed words, no shell
            ["git", "-C", str(ROOT), *words],  # noqa: S607 - git as the user's PATH finds it
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip()


def stamp(command: str) -> str:
    """What printed the figures, and when, where and with what."""
    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no")
    versions = []
    for peer in PEERS:
        try:
            versions.append(f"{peer} {metadata.version(peer)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{peer} not installed")
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    where = f"commit {commit or 'unknown'}{' with changes' if dirty else ''}"
    return (
        f"<sub>Printed by <code>{html.escape(command)}</code> on {when}, {where}, "
        f"{os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {'; '.join(versions)}.</sub>"
    )


def run(block: Block) -> str:
    """What the block's command prints; stops the script if it fails."""
    argv = [sys.executable, *block.argv()[1:]]
    print(f"running: {block.command}", file=sys.stderr, flush=True)
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603 - a bench script (Block.argv), no shell
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        msg = f"{block.command!r} failed (exit {done.returncode}); README.md left as it was\n{tail}"
        raise SystemExit(msg)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    parser.add_argument("--only", nargs="+", metavar="SCRIPT", help="only these scripts' blocks")
    parser.add_argument("--list", action="store_true", help="list the blocks; run nothing")
    args = parser.parse_args()
    text = args.readme.read_text(encoding="utf-8")
    found = blocks(text)
    if not found:
        raise SystemExit(f"{args.readme} has no <!-- bench: ... --> blocks")
    chosen = [(n, b) for n, b in enumerate(found) if args.only is None or b.script in args.only]
    if args.list:
        for _, block in chosen:
            block.argv()
            print(block.command)
        return
    bodies = {n: rendered(run(block), stamp(block.command)) for n, block in chosen}
    args.readme.write_text(rewrite(text, bodies), encoding="utf-8")
    print(f"{args.readme}: {len(bodies)} of {len(found)} blocks rewritten", file=sys.stderr)


if __name__ == "__main__":
    main()
