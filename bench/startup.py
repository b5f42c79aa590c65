"""Start-up: ``argmap --help`` and ``argmap list`` against a bare interpreter and ``import attrs``.

    python bench/startup.py --runs 30                    # this environment's argmap
    python bench/startup.py --before /path/to/venv/bin   # and another install's, same run
    python bench/startup.py --hyperfine                  # timed by hyperfine instead

Each command is a whole process, timed from start to exit: what a user waits for at the
prompt. The commands take turns (one run of each, then the next round), so that a change
in the machine's load falls on all of them alike, after 3 warm-up rounds. Each run's
CPU time (user + system, from ``os.wait4``) is the figure a busy machine disturbs least;
the wall clock is shown beside it. Means and medians of ``--runs`` runs; the ratios are
of the means and, in brackets, of the medians. With ``--hyperfine``: hyperfine's means
(``-N``, 3 warm-up runs), each command's runs in one block.

The commands run in a temporary folder (``python -m argmap`` run in a checkout would
import the checkout's argmap, not the install's) and with ``PYTHONDONTWRITEBYTECODE``
unset, so that argmap's modules are read from the ``.pyc`` files Python keeps (an
installer writes them; an editable install writes them on its first run, here a warm-up
run), as on a user's machine. With it set, an editable install compiles the modules it
imports on every run.

Rows: ``python -c pass``; ``import re`` (the first line of the script an installer
writes for ``argmap``, so the least that script costs); the floor of any argparse
command's help (``import re, argparse`` and printing a help); ``python -c "import attrs"``;
``argmap --help`` (the console script beside this interpreter); ``python -m argmap
--help``; ``argmap list``. ``--before BIN`` adds the same three argmap rows for the
``argmap`` and ``python`` in BIN (a virtual environment's bin folder), timed in the same
rounds. The first line says whether each argmap is an editable install.

Goals (issue 21): ``argmap --help`` at most 2x ``python -c pass``; ``argmap list`` at most
1.5x ``python -c "import attrs"``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def argmap_commands(bin_dir: Path, label: str) -> dict[str, list[str]]:
    """``argmap --help``, ``python -m argmap --help`` and ``argmap list`` of one install."""
    python = str(bin_dir / "python")
    script = bin_dir / "argmap"
    argmap = [str(script)] if script.exists() else [python, "-m", "argmap"]
    return {
        f"{label}argmap --help": [*argmap, "--help"],
        f"{label}python -m argmap --help": [python, "-m", "argmap", "--help"],
        f"{label}argmap list": [*argmap, "list"],
    }


def commands(before: Path | None) -> dict[str, list[str]]:
    here = Path(sys.executable).parent
    cmds = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import re'": [sys.executable, "-c", "import re"],
        "floor: argparse help": [
            sys.executable,
            "-c",
            'import re, argparse; argparse.ArgumentParser(prog="x").print_help()',
        ],
        "python -c 'import attrs'": [sys.executable, "-c", "import attrs"],
    }
    if before is not None:
        cmds |= argmap_commands(before, "before: ")
    return cmds | argmap_commands(here, "")


def editable(python: Path) -> str:
    """Whether argmap is installed editable for ``python`` (from its direct_url.json)."""
    code = (
        "import json, importlib.metadata as m\n"
        "t = m.distribution('argmap').read_text('direct_url.json')\n"
        "print(json.loads(t or '{}').get('dir_info', {}).get('editable', False))"
    )
    found = subprocess.run(  # noqa: S603 - our own interpreter
        [str(python), "-c", code], capture_output=True, text=True, check=False
    )
    return "editable" if found.stdout.strip() == "True" else "not editable"


def with_hyperfine(cmds: dict[str, list[str]], runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        quoted = [" ".join(f"'{a}'" if " " in a else a for a in c) for c in cmds.values()]
        hyperfine = shutil.which("hyperfine") or "hyperfine"
        subprocess.run(  # noqa: S603 - our own commands
            [hyperfine, "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(out),
             *quoted],
            check=True,
            capture_output=True,
            cwd=tmp,
        )  # fmt: skip
        results = json.loads(out.read_text(encoding="utf-8"))["results"]
    return {
        name: {"wall": r["mean"], "cpu": r["user"] + r["system"], "cpu_median": float("nan")}
        for name, r in zip(cmds, results, strict=True)
    }


def _run(command: list[str]) -> tuple[float, float]:
    """One run: (wall, CPU) seconds; the command must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - our own commands
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tempfile.gettempdir()
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read() if child.stderr else b""
    if child.returncode:
        sys.exit(f"{' '.join(command)} failed ({child.returncode}): {err.decode()[:300]}")
    return wall, usage.ru_utime + usage.ru_stime


def in_turns(cmds: dict[str, list[str]], runs: int) -> dict[str, dict[str, float]]:
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    for round_ in range(runs + 3):
        for name, command in cmds.items():
            wall, cpu = _run(command)
            if round_ >= 3:  # warm-up rounds: caches, and the .pyc files written
                walls[name].append(wall)
                cpus[name].append(cpu)
    return {
        name: {
            "wall": statistics.mean(walls[name]),
            "cpu": statistics.mean(cpus[name]),
            "cpu_median": statistics.median(cpus[name]),
        }
        for name in cmds
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--hyperfine", action="store_true", help="time with hyperfine")
    parser.add_argument(
        "--before", type=Path, help="also time the argmap in this bin folder (a venv's)"
    )
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: .pyc files
    cmds = commands(args.before)
    if args.hyperfine and not shutil.which("hyperfine"):
        sys.exit("hyperfine is not installed (apt-get install hyperfine)")
    found = (with_hyperfine if args.hyperfine else in_turns)(cmds, args.runs)
    how = "hyperfine -N, means" if args.hyperfine else "in turns, means (medians)"
    path = os.environ.get("PYTHONPATH", "")
    installs = f"this argmap {editable(Path(sys.executable))}"
    if args.before is not None:
        installs += f", before: {editable(args.before / 'python')} ({args.before})"
    print(f"# per process, {how} of {args.runs} runs; {installs}; PYTHONPATH={path}")
    bare, attrs_ = found["python -c pass"], found["python -c 'import attrs'"]
    print(f"{'':<34} {'wall':>9} {'CPU':>9} {'(median)':>9}   CPU ratio")

    def ratio(row: dict[str, float], base: dict[str, float]) -> str:
        median = row["cpu_median"] / base["cpu_median"]
        shown = "" if math.isnan(median) else f" ({median:.2f}x)"
        return f"{row['cpu'] / base['cpu']:.2f}x{shown}"

    for name, row in found.items():
        note = ""
        if name.endswith("argmap --help"):
            note = f"{ratio(row, bare)} python -c pass (goal <= 2x)"
        elif name.endswith("argmap list"):
            note = f"{ratio(row, attrs_)} import attrs (goal <= 1.5x)"
        elif name.startswith(("floor", "python -c 'import re'")):
            note = f"{ratio(row, bare)} python -c pass"
        print(
            f"{name:<34} {row['wall'] * 1e3:6.1f} ms {row['cpu'] * 1e3:6.1f} ms "
            f"{row['cpu_median'] * 1e3:6.1f} ms   {note}"
        )


if __name__ == "__main__":
    main()
