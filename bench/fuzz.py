"""Run the fuzz targets at the Reliability issue's 10,000 inputs each, and count what ran.

Usage:
    python bench/fuzz.py                      # every target, 10,000 examples each
    python bench/fuzz.py --examples 500       # a short run
    python bench/fuzz.py --jobs 2 -k builder  # two at a time; only targets matching -k

The targets are the Hypothesis tests of tests/test_fuzz_*.py (native JSON, bytes in files,
the builder, the views, the command line: one file each) and tests/test_interchange_fuzz.py
(AIF and Argdown). Each runs in its own pytest process under HYPOTHESIS_PROFILE=fuzz (with
ARGMAP_FUZZ_EXAMPLES=N), with --hypothesis-show-statistics, whose counts the table shows:

    inputs     test cases Hypothesis ran to completion (what max_examples counts)
    invalid    test cases it drew and threw away (a filter or assume() refused them)
    failures   distinct falsifying examples pytest reported (0 when the target passed)
    seconds    the test's own time (pytest's "call" duration)

A failing target's full pytest output is kept in --logs (default: a temporary folder).
Each run draws new inputs from --seed (printed, so a run can be repeated); examples that
failed before are replayed first from Hypothesis's database in .hypothesis/.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = (
    "tests/test_fuzz_json.py",
    "tests/test_fuzz_files.py",
    "tests/test_fuzz_builder.py",
    "tests/test_fuzz_views.py",
    "tests/test_fuzz_cli.py",
    "tests/test_interchange_fuzz.py",
)

_COUNTS = re.compile(r"- (\d+) passing, (\d+) failing, and (\d+) invalid test cases")
_CALL = re.compile(r"^([\d.]+)s call\s+(\S+)$", re.MULTILINE)


def targets(files: tuple[str, ...]) -> list[str]:
    """The node ids of the tests decorated with @given in ``files``, in file order."""
    found = []
    for name in files:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in tree.body:
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
                continue
            names = {
                d.func.id
                for d in node.decorator_list
                if isinstance(d, ast.Call) and isinstance(d.func, ast.Name)
            }
            if "given" in names:
                found.append(f"{name}::{node.name}")
    return found


def run(target: str, examples: int, seed: int, logs: Path) -> dict:
    """Run one target in its own pytest process; return its counts."""
    env = {
        **os.environ,
        "HYPOTHESIS_PROFILE": "fuzz",
        "ARGMAP_FUZZ_EXAMPLES": str(examples),
        "PYTHONHASHSEED": "0",
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        target,
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        f"--hypothesis-seed={seed}",
        "--durations=0",
        "--durations-min=0",
        "-o",
        "addopts=",
    ]
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - this interpreter, our own tests
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    out = done.stdout + done.stderr
    passing = failing = invalid = 0
    for match in _COUNTS.finditer(out):
        passing += int(match[1])
        failing += int(match[2])
        invalid += int(match[3])
    calls = {name: float(seconds) for seconds, name in _CALL.findall(out)}
    failures = out.count("Falsifying example") if done.returncode else 0
    if done.returncode:
        failures = max(failures, 1)
        log = logs / (target.replace("/", "_").replace("::", "__") + ".log")
        log.write_text(out, encoding="utf-8")
    return {
        "target": target,
        "inputs": passing + failing,
        "invalid": invalid,
        "failures": failures,
        "seconds": calls.get(target, wall),
        "status": "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per target")
    parser.add_argument("--jobs", type=int, default=1, help="targets to run at once")
    parser.add_argument("-k", dest="match", default="", help="only targets whose id holds this")
    parser.add_argument("--logs", type=Path, help="folder for the output of failing targets")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="Hypothesis's seed")
    args = parser.parse_args()
    chosen = [t for t in targets(FILES) if args.match in t]
    if not chosen:
        print(f"no target matches {args.match!r}", file=sys.stderr)
        return 2
    logs = args.logs or Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
    logs.mkdir(parents=True, exist_ok=True)
    print(
        f"{len(chosen)} targets, {args.examples:,} examples each, {args.jobs} at a time, "
        f"seed {args.seed}"
    )
    start = time.perf_counter()
    rows = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for row in pool.map(lambda t: run(t, args.examples, args.seed, logs), chosen):
            rows.append(row)
            print(
                f"  {row['target']}: {row['inputs']:,} inputs, {row['failures']} failures, "
                f"{row['seconds']:.0f} s, {row['status']}",
                flush=True,
            )
    width = max(len(r["target"]) for r in rows)
    print()
    print(f"{'target':<{width}}  {'inputs':>7}  {'invalid':>7}  {'failures':>8}  {'seconds':>7}")
    for r in rows:
        note = "" if r["status"] == "ok" else f"  {r['status']}"
        print(
            f"{r['target']:<{width}}  {r['inputs']:>7,}  {r['invalid']:>7,}  "
            f"{r['failures']:>8}  {r['seconds']:>7.1f}{note}"
        )
    total = sum(r["inputs"] for r in rows)
    failed = sum(r["failures"] for r in rows)
    elapsed = time.perf_counter() - start
    print(f"{'total':<{width}}  {total:>7,}  {'':>7}  {failed:>8}  {elapsed:>7.1f} (wall)")
    if failed:
        print(f"output of failing targets: {logs}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
