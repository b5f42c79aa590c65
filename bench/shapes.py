"""Extreme shapes through every stage: is each one linear, and free of recursion limits?

    python bench/shapes.py                      # 10,000 and 100,000 claims (web: 1,000 and 10,000)
    python bench/shapes.py --sizes 1000 10000 --web-sizes 100 1000
    python bench/shapes.py --stages validate dot

Shapes (from ``argmap.strategies``): a support chain and a rebuttal chain (``n - 1``
levels deep), a fan-in (``n - 1`` reasons of one thesis), and a web of mutual attacks
(every claim rebuts 8 random others, odd and even cycles everywhere). Stages: validate;
evaluate without and with explanations (reasons, cruxes, influence); native JSON out and
back in; DOT (what ``argmap render`` lays out); the terminal summary (as ``argmap show``
prints it: every relation once, to the default depth).

Each cell is the best of ``--repeat`` runs (wall-clock seconds) and, in brackets,
microseconds per element (claims plus relations). Every run gets a fresh copy of the map
(``attrs.evolve``, untimed), so no run reuses the indexes an earlier run built on it (the
map's id look-ups, its evaluation index); "json in" reads the same text each time. A
linear stage keeps the per-element figure flat as the map grows.
The web has nine relations per claim, so it runs at a tenth the size.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable

import attrs

import argmap
from argmap.render import dot, terminal
from argmap.strategies import chain_map, cyclic_map, fan_in_map

SHAPES: dict[str, Callable[[int], argmap.ArgumentMap]] = {
    "support chain": chain_map,
    "rebuttal chain": lambda n: chain_map(n, kind="rebuttal"),
    "fan-in": fan_in_map,
    "attack web": cyclic_map,
}

STAGES: dict[str, Callable[[argmap.ArgumentMap], object]] = {
    "validate": argmap.validate,
    "evaluate": lambda m: argmap.evaluate(m, explain=False),
    "evaluate+explain": argmap.evaluate,
    "json out": argmap.dumps,
    "json in": None,  # type: ignore[dict-item]  # filled per map below
    # full=True: the whole map (by default a drawing folds to 80 claims, which is fast).
    "dot": lambda m: dot.dumps(m, legend=False, full=True),
    "terminal": lambda m: terminal.to_text(terminal.summary(m)),
}


def best(fn: Callable[[argmap.ArgumentMap], object], m: argmap.ArgumentMap, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        fresh = attrs.evolve(m)  # a new map: no index built by an earlier run
        gc.collect()
        start = time.perf_counter()
        fn(fresh)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--web-sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"# python {sys.version.split()[0]}, argmap {argmap.__version__}")
    print("| shape | claims | relations | " + " | ".join(args.stages) + " |")
    print("| --- " * (3 + len(args.stages)) + "|")
    for shape in args.shapes:
        for n in args.web_sizes if shape == "attack web" else args.sizes:
            m = SHAPES[shape](n)
            text = argmap.dumps(m)
            elements = len(m.claims) + len(m.relations)
            cells = []
            for stage in args.stages:
                fn = STAGES[stage]
                run = (lambda _: argmap.loads(text)) if stage == "json in" else fn  # noqa: B023
                seconds = best(run, m, args.repeat)
                cells.append(f"{seconds:.3f} ({seconds / elements * 1e6:.1f})")
            row = [shape, f"{n:,}", f"{len(m.relations):,}", *cells]
            print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
