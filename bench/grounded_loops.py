"""Grounded labelling: the worklists shaped for plain maps against the general one alone.

    python bench/grounded_loops.py                      # 200k claims, every graph, best of 5
    python bench/grounded_loops.py --sizes 10000 200000 --repeat 3

argmap/_grounded.py writes the grounded rule in three loops: a general one, one for maps
whose every relation is plain (one premise, no undercut), and one for plain rebuttals of
claims alone (a Dung framework). This script measures what the two shaped loops save, to
decide whether the rule can be written once without losing speed.

Each graph (``bench/_graphs.py``) is built once as a map and indexed once
(``argmap._graph.Graph``); then ``label(g)`` (the loop the map's shape picks) and
``label(g, shaped=False)`` (the general loop on every map) run in turn, ``--repeat``
times, with the garbage collector off. The timers cover the labelling alone (CPU seconds,
``time.process_time``, best of the runs), not building the map or its index, nor
wrapping the labels as ``argmap.evaluate`` does. The two labellings are asserted equal.

The graphs: ``attack`` and ``attack-cyclic`` take the attack loop, ``bipolar`` the plain
loop, ``mixed`` (linked premises, undercuts) the general loop either way.
"""

from __future__ import annotations

import argparse
import gc
import time

import _graphs

from argmap._graph import SUPPORT, Graph
from argmap._grounded import label


def cpu(g: Graph, *, shaped: bool) -> float:
    """The CPU seconds of one labelling of ``g``."""
    start = time.process_time()
    label(g, shaped=shaped)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000])
    parser.add_argument("--graphs", nargs="+", default=list(_graphs.KINDS))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    print("| graph | claims | loop taken | shaped ms | general loop ms | general / shaped |")
    print("| --- | --- | --- | --- | --- | --- |")
    for n in args.sizes:
        for kind in args.graphs:
            g = Graph(_graphs.build_map(_graphs.generate(kind, n)))
            taken = "general"
            if not g.more and not g.undercut_by:
                taken = "plain" if SUPPORT in g.kind else "attack"
            if label(g) != label(g, shaped=False):
                raise SystemExit(f"{kind} {n}: the loops disagree")
            gc.disable()
            try:
                timed = {"shaped": 1e9, "general": 1e9}
                for _ in range(args.repeat):  # in turn, so that both meet the same load
                    timed["shaped"] = min(timed["shaped"], cpu(g, shaped=True))
                    timed["general"] = min(timed["general"], cpu(g, shaped=False))
            finally:
                gc.enable()
            shaped, general = timed["shaped"], timed["general"]
            print(
                f"| {kind} | {n:,} | {taken} | {shaped * 1000:.0f} | {general * 1000:.0f} "
                f"| {general / shaped:.2f}x |",
                flush=True,
            )


if __name__ == "__main__":
    main()
