"""Start-up: ``argmap --help`` and ``argmap list`` against a bare interpreter and ``import attrs``.

    python bench/startup.py            # hyperfine if installed (apt-get install hyperfine)
    python bench/startup.py --runs 30  # runs per command

Each command is a whole process, timed from start to exit (wall clock): what a user waits
for at the prompt. With hyperfine the figure is its mean after 3 warm-up runs; without it,
the mean of ``--runs`` runs timed here. The interpreter is the one running this script, and
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
        "argmap --help": [*argmap, "--help"],
        "argmap list": [*argmap, "list"],
    }


def with_hyperfine(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        quoted = [" ".join(f"'{a}'" if " " in a else a for a in c) for c in cmds.values()]
        subprocess.run(  # noqa: S603
            ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(out),
             *quoted],
            check=True,
            capture_output=True,
        )  # fmt: skip
        results = json.loads(out.read_text(encoding="utf-8"))["results"]
    return {name: r["mean"] for name, r in zip(cmds, results, strict=True)}


def with_loop(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    found = {}
    for name, command in cmds.items():
        times = []
        for _ in range(runs + 3):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)  # noqa: S603
            times.append(time.perf_counter() - start)
        found[name] = statistics.mean(times[3:])
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
    print(f"# wall clock per process, {how} of {args.runs} runs; PYTHONPATH={os.environ.get('PYTHONPATH', '')}")
    bare, attrs_ = found["python -c pass"], found["python -c 'import attrs'"]
    for name, seconds in found.items():
        note = ""
        if name == "argmap --help":
            note = f"  {seconds / bare:.2f}x python -c pass (goal <= 2x)"
        elif name == "argmap list":
            note = f"  {seconds / attrs_:.2f}x import attrs (goal <= 1.5x)"
        print(f"{name:<28} {seconds * 1e3:7.1f} ms{note}")


if __name__ == "__main__":
    main()
