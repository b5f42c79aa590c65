"""Time writing and reading Argdown (and writing Mermaid) for a generated map.

Usage:
    python bench/argdown_load.py [--claims N] [--repeat R]

The map has N claims; each after the first supports (60 %) or rebuts (30 %) an earlier
claim or undercuts an earlier relation (10 %), with a quote and text that needs escaping.
Best and median of R runs, in seconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable

import argmap
from argmap.io import argdown, mermaid


def generate(claims: int, seed: int = 3) -> argmap.ArgumentMap:
    rng = random.Random(seed)
    b = argmap.MapBuilder("big", "A generated map")
    b.source("s", "A source")
    b.thesis("c0", "The thesis.")
    relations = []
    for i in range(1, claims):
        claim = b.claim(f"c{i}", f"Claim {i} says, e.g., #{i} [in brackets].", quote=f"q {i}")
        target = f"c{rng.randrange(i)}"
        roll = rng.random()
        if roll < 0.6 or (roll >= 0.9 and not relations):
            relations.append(claim.supports(target))
        elif roll < 0.9:
            relations.append(claim.rebuts(target))
        else:
            claim.undercuts(rng.choice(relations))
    return b.build()


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    m = generate(args.claims)
    best, median, text = timed(lambda: argdown.dumps(m), args.repeat)
    size = len(str(text)) / 1e6
    print(f"{args.claims} claims, {len(m.relations)} relations, Argdown {size:.2f} MB")
    print(f"  argdown.dumps   best {best:6.3f}  median {median:6.3f}")
    best, median, back = timed(lambda: argdown.loads(str(text)), args.repeat)
    print(f"  argdown.loads   best {best:6.3f}  median {median:6.3f}  (same map: {back == m})")
    best, median, _ = timed(lambda: mermaid.dumps(m), args.repeat)
    print(f"  mermaid.dumps   best {best:6.3f}  median {median:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
