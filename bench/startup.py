"""Start-up: ``argmap --help`` and ``argmap list`` against a bare interpreter and ``import attrs``.

    python bench/startup.py            # hyperfine if installed (apt-get install hyperfine)
    python bench/startup.py --runs 30  # runs per command

Each command is a whole process, timed from start to exit (wall clock): what a user waits
for at the prompt. With hyperfine the figure is its mean after 3 warm-up runs, and beside
it the process's CPU time (user + system, hyperfine's means), which a busy machine
disturbs far less than the wall clock; without hyperfine, the mean of ``--runs`` runs timed
here (wall clock only). The floor row is the least any argparse command pays for help:
``import re, argparse`` (an installer's script imports ``re``) and printing a help text.
The interpreter is the one running this script, and
``argmap`` is the console script beside it (or ``python -m argmap`` when there is none).

Goals (issue 21): ``argmap --help`` at most 2x ``python -c pass``; ``argmap list`` at most
1.5x ``python -c "import attrs"``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def commands() -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("argmap")
    argmap = [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import attrs'": [sys.executable, "-c", "import attrs"],
        "floor: argparse help": [
            sys.executable,
            "-c",
            'import re, argparse; argparse.ArgumentParser(prog="x").print_help()',
        ],
        "argmap --help": [*argmap, "--help"],
        "argmap list": [*argmap, "list"],
    }


def with_hyperfine(cmds: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        quoted = [" ".join(f"'{a}'" if " " in a else a for a in c) for c in cmds.values()]
        hyperfine = shutil.which("hyperfine") or "hyperfine"
        subprocess.run(  # noqa: S603 - our own commands
            [hyperfine, "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(out),
             *quoted],
            check=True,
            capture_output=True,
        )  # fmt: skip
        results = json.loads(out.read_text(encoding="utf-8"))["results"]
    return {
        name: (r["mean"], r["user"] + r["system"]) for name, r in zip(cmds, results, strict=True)
    }


def with_loop(cmds: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    found = {}
    for name, command in cmds.items():
        times = []
        for _ in range(runs + 3):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)  # noqa: S603
            times.append(time.perf_counter() - start)
        found[name] = (statistics.mean(times[3:]), float("nan"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--loop", action="store_true", help="time here, without hyperfine")
    args = parser.parse_args()
    cmds = commands()
    hyperfine = shutil.which("hyperfine") and not args.loop
    found = (with_hyperfine if hyperfine else with_loop)(cmds, args.runs)
    how = "hyperfine -N, mean" if hyperfine else "mean"
    path = os.environ.get("PYTHONPATH", "")
    print(f"# wall clock and CPU per process, {how} of {args.runs} runs; PYTHONPATH={path}")
    bare, attrs_ = found["python -c pass"], found["python -c 'import attrs'"]
    print(f"{'':<28} {'wall':>9} {'CPU':>9}   ratios wall / CPU")
    for name, (wall, cpu) in found.items():
        note = ""
        if name == "argmap --help":
            note = f"  {wall / bare[0]:.2f}x / {cpu / bare[1]:.2f}x python -c pass (goal <= 2x)"
        elif name == "argmap list":
            note = f"  {wall / attrs_[0]:.2f}x / {cpu / attrs_[1]:.2f}x import attrs (goal <= 1.5x)"
        elif name.startswith("floor"):
            note = f"  {wall / bare[0]:.2f}x / {cpu / bare[1]:.2f}x python -c pass"
        print(f"{name:<28} {wall * 1e3:6.1f} ms {cpu * 1e3:6.1f} ms{note}")


if __name__ == "__main__":
    main()
