"""Defaults that do not hang: ``argmap.evaluate(m)`` as called, against ``explain=False``.

    python bench/explain_default.py                        # 10k and 200k claims
    python bench/explain_default.py --sizes 1000000 --timeout 600

On each graph of ``bench/_graphs.py`` (``attack``: a random attack graph; ``mixed``) it
times, in a fresh process each (CPU seconds, ``time.process_time``, the map built
untimed first):

* ``evaluate(m, explain=False)``;
* ``evaluate(m)`` with every default, and then reading ``e.labels`` and
  ``e.strengths`` of every thesis (what a first call on a corpus does);
* the same, then ``e.reasons``, ``e.cruxes`` and ``e.influence`` of the first thesis
  (what asking for one explanation costs);

and, on the command line, the whole process of ``argmap evaluate FILE`` and of ``argmap
evaluate FILE --json`` (wall clock, start-up included, output captured and thrown away)
against a process that runs ``argmap.load(FILE)`` and ``argmap.evaluate(m, explain=False)``
(the least the command must do). ``--cli-only`` times the command-line columns alone. A
job that runs past ``--timeout`` seconds is stopped and shown as such.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _graphs

clock = time.process_time
JOBS = ("explain off", "defaults", "defaults + one thesis explained")


def run_job(job: str, graph: str, n: int) -> float:
    import argmap

    m = _graphs.build_map(_graphs.generate(graph, n))
    start = clock()
    e = argmap.evaluate(m, explain=False) if job == "explain off" else argmap.evaluate(m)
    for t in m.theses:
        e.labels[t], e.strengths[t]
    if job.endswith("explained"):
        t = m.theses[0]
        e.reasons[t], e.cruxes.get(t), e.influence.get(t)
    return clock() - start


def spawn(command: list[str], timeout: float) -> float | None:
    start = time.perf_counter()
    try:
        done = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-2000:])
    return time.perf_counter() - start if "--job" not in command else float(done.stdout)


def shown(seconds: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} (stopped)" if seconds is None else f"{seconds:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 200_000])
    parser.add_argument("--graphs", nargs="+", default=["attack", "mixed"])
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--job", choices=JOBS)
    parser.add_argument("--cli-only", action="store_true", help="time the command alone")
    args = parser.parse_args()
    if args.job:
        print(run_job(args.job, args.graphs[0], args.sizes[0]))
        return
    print(f"# CPU s in the process (CLI: wall s per process); stopped after {args.timeout:.0f} s")
    print(
        "| claims | graph | explain=False | defaults | ratio | defaults + one thesis "
        "explained | CLI `argmap evaluate FILE` | CLI `... --json` | CLI least work | ratios |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in args.sizes:
        for graph in args.graphs:
            row: dict[str, float | None] = dict.fromkeys(JOBS)
            for job in () if args.cli_only else JOBS:
                cmd = [sys.executable, __file__, "--job", job, "--graphs", graph]
                row[job] = spawn([*cmd, "--sizes", str(n)], args.timeout)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "map.json"
                _graphs.write_json(_graphs.generate(graph, n), path)
                command = [sys.executable, "-m", "argmap", "evaluate", str(path)]
                cli = spawn(command, args.timeout)
                cli_json = spawn([*command, "--json"], args.timeout)
                least = spawn(
                    [
                        sys.executable,
                        "-c",
                        (
                            "import sys, argmap; "
                            "argmap.evaluate(argmap.load(sys.argv[1]), explain=False)"
                        ),
                        str(path),
                    ],
                    args.timeout,
                )
            off, on = row["explain off"], row["defaults"]
            skipped = "-" if args.cli_only else None
            ratio = f"{on / off:.2f}x" if on is not None and off else "-"
            cli_ratio = " / ".join(
                f"{t / least:.2f}x" if t is not None and least else "-" for t in (cli, cli_json)
            )
            print(
                f"| {n:,} | {graph} | {skipped or shown(off, args.timeout)} | "
                f"{skipped or shown(on, args.timeout)} | {ratio} | "
                f"{skipped or shown(row[JOBS[2]], args.timeout)} | {shown(cli, args.timeout)} | "
                f"{shown(cli_json, args.timeout)} | {shown(least, args.timeout)} | {cli_ratio} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
