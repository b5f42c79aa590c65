"""Explanations on "ladders": is the time per claim flat as the ladder grows?

    python bench/explain_ladder.py                          # 500 and 2,000 levels; 1 and 10 theses
    python bench/explain_ladder.py --levels 1000 4000 --theses 1 10 --width 2
    python bench/explain_ladder.py --levels 100 400 --width 24   # wider than the memo: cut short

A ladder (``argmap.strategies.ladder_map``) has levels of ``--width`` claims, each claim
resting jointly on the whole level below, and every thesis on level 0: rejecting any claim
sinks everything above it, so a naive crux search climbs the whole ladder once per claim
(quadratic), and again for every thesis.

Each row writes the ladder to a JSON file in a temporary folder and times, end to end as a
user meets them (the map read from the file, output to a string, not a terminal):
``argmap evaluate FILE`` (the report: cruxes and influence of every thesis) and
``argmap show FILE`` (the summary with the evaluation overlaid). Each cell is the best of
``--repeat`` runs in wall-clock seconds and, in brackets, microseconds per claim or
relation: a linear stage keeps that figure flat as the ladder grows. "cut short" counts
the theses whose explanations hit the step limit (``max_explain_steps``; 0 on ladders up
to 16 claims wide, whose changes the crux search memoises).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argmap
from argmap.cli import main
from argmap.strategies import ladder_map


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def quiet(*args: str) -> None:
    """Run the command line with its output going to a string."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    if code != 0:
        msg = f"argmap {' '.join(args)} exited {code}"
        raise SystemExit(msg)


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--theses", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--width", type=int, default=2, help="claims per level")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"# python {sys.version.split()[0]}, argmap {argmap.__version__}")
    print("| levels | width | theses | claims + relations | evaluate | show | cut short |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for theses in args.theses:
            for levels in args.levels:
                m = ladder_map(levels, width=args.width, theses=theses)
                path = Path(folder) / f"ladder-{levels}-{theses}.json"
                argmap.dump(m, path)
                elements = len(m.claims) + len(m.relations)
                cells = []
                for verb in ("evaluate", "show"):
                    seconds = best(lambda v=verb, p=str(path): quiet(v, p), args.repeat)
                    cells.append(f"{seconds:.3f} ({seconds / elements * 1e6:.0f})")
                cut = len(argmap.evaluate(m).cut_short)
                print(
                    f"| {levels:,} | {args.width} | {theses} | {elements:,} | "
                    f"{' | '.join(cells)} | {cut} |",
                    flush=True,
                )


if __name__ == "__main__":
    main_()
