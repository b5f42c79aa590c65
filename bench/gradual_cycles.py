"""The two gradual semantics on maps that are one big web of cycles.

    python bench/gradual_cycles.py                 # webs of 1,000 and 10,000 claims
    python bench/gradual_cycles.py --sizes 100 1000

``bench/evaluate.py`` times the semantics on acyclic maps, where both take one pass. Here
every claim rebuts 8 random others (``argmap.strategies.cyclic_map``), so every node is
solved by the cyclic part: DF-QuAD by Jacobi rounds, the quadratic energy model by RK4
steps (four evaluations of the rule each). Each cell is the best of ``--repeat`` runs of
``argmap.evaluate(m, semantics, explain=False)`` in CPU seconds, with the rounds (steps)
run and whether it converged within the default 1000.
"""

from __future__ import annotations

import argparse
import gc
import time

import argmap
from argmap.strategies import cyclic_map


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| claims | semantics | evaluate (s) | rounds | converged |")
    print("| --- | --- | --- | --- | --- |")
    for n in args.sizes:
        m = cyclic_map(n)
        for semantics in ("dfquad", "quadratic"):
            best = float("inf")
            for _ in range(args.repeat):
                gc.collect()
                t = time.process_time()
                e = argmap.evaluate(m, semantics, explain=False)
                best = min(best, time.process_time() - t)
            print(f"| {n:,} | {semantics} | {best:.3f} | {e.iterations} | {e.converged} |")


if __name__ == "__main__":
    main()
