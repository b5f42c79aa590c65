"""The loaders' benches share this: time reading a generated document at several sizes."""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable

import argmap


def run(
    description: str,
    first_column: str,
    make: Callable[[int], str],
    read: Callable[[str], argmap.ArgumentMap],
) -> None:
    """Print a table: per size, the best and median seconds of ``read(make(n))``.

    The timer covers ``read`` alone (parsing, building the map and whatever checks ``read``
    runs), with warnings silenced, best of ``--repeat`` runs.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"| {first_column} | characters | best (s) | median (s) | µs per claim (best) |")
    print("| --- | --- | --- | --- | --- |")
    for n in args.sizes:
        text = make(n)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m = read(text)
            times.append(time.perf_counter() - t)
        best = min(times)
        print(
            f"| {len(m.claims):,} | {len(text):,} | {best:.3f} | {statistics.median(times):.3f} "
            f"| {best / len(m.claims) * 1e6:.0f} |"
        )
