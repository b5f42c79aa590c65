"""Time the terminal summary: each built-in map, a 100,000-deep chain, a wide random map.

Run: python bench/terminal.py  (prints seconds per case, best of 3)
"""

import random
import time

from argmap import ArgumentMap, Claim, Rebuttal, Support, registry
from argmap.render.terminal import summary, to_text


def best_of(fn, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def chain(n):
    claims = [Claim(f"c{i}", f"Claim number {i}.") for i in range(n + 1)]
    relations = [Support(f"r{i}", [f"c{i + 1}"], f"c{i}") for i in range(n)]
    return ArgumentMap("chain", "Chain", theses=["c0"], claims=claims, relations=relations)


def wide(n, seed=1):
    """n claims, each attached to a random earlier one; one in five attacks it."""
    rng = random.Random(seed)
    text = "Claim number {} says something of moderate length."
    claims = [Claim(f"c{i}", text.format(i)) for i in range(n)]
    relations = []
    for i in range(1, n):
        target = f"c{rng.randrange(i)}"
        kind = Rebuttal if rng.random() < 0.2 else Support
        relations.append(kind(f"r{i}", [f"c{i}"], target))
    return ArgumentMap("wide", "Wide", theses=["c0"], claims=claims, relations=relations)


def main():
    for name in registry.names():
        m = registry.get(name)
        secs = best_of(lambda m=m: to_text(summary(m), width=80))
        print(f"{name:<24} {len(m.claims):>7} claims  {secs * 1000:8.1f} ms")
    large = (("chain 100,000 deep", chain(100_000)), ("random 10,000 claims", wide(10_000)))
    for label, m in large:
        secs = best_of(lambda m=m: to_text(summary(m), width=80), n=1)
        print(f"{label:<24} {len(m.claims):>7} claims  {secs * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
