"""Time writing and reading Argdown (and writing Mermaid) for a generated map.

Usage:
    python bench/argdown_load.py [--claims N] [--repeat R]

The map has N claims; each after the first supports (60 %) or rebuts (30 %) an earlier
claim or undercuts an earlier relation (10 %), with a quote and text that needs escaping.
Best and median of R runs, in CPU seconds (``time.process_time``, so that other work on
the machine counts less): ``argdown.dumps`` (map to text), ``argdown.loads`` (text to map,
not validated) and ``mermaid.dumps``.

Then where reading's time goes, step by step, CPU seconds (best of R, the collector paused
as ``argdown.loads`` pauses it): the lexer (text to tokens), the parser (tokens to a tree),
the model (the tree to Argdown's statements, arguments and relations), the mapping (the
model to a map) and ``argmap.validate``; and, for scale, ``argmap.loads`` of the same map
as native JSON (parse, build, validate).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable

import argmap
from argmap.io import argdown, mermaid
from argmap.io.argdown import model, reader
from argmap.io.argdown.lexer import Lexer
from argmap.io.argdown.parser import _Parser


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
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
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
    phases(str(text), m, args.repeat)
    return 0


def phases(text: str, m: argmap.ArgumentMap, repeat: int) -> None:
    """Print the CPU time of each step of reading ``text`` (best of ``repeat``)."""
    clock = time.process_time
    best: dict[str, float] = {}
    as_json = argmap.dumps(m)
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            times = [clock()]
            lexer = Lexer(text)
            tokens = lexer.run()
            times.append(clock())
            tree = _Parser(tokens, lexer.where(len(text))).document()
            times.append(clock())
            read = model.Model()
            read.run(tree.paragraphs)
            read.normalise()
            times.append(clock())
            read_map, _ = reader._to_map(read, tree)  # noqa: SLF001 - each step alone
            times.append(clock())
            argmap.validate(read_map)
            times.append(clock())
            argmap.loads(as_json)
            times.append(clock())
        finally:
            gc.enable()
        steps = ["lexer", "parser", "model", "mapping", "validate", "native JSON"]
        for name, start, end in zip(steps, times, times[1:], strict=False):
            best[name] = min(best.get(name, float("inf")), end - start)
    elements = len(m.claims) + len(m.relations)
    print(f"  reading, step by step (CPU s, best of {repeat}; µs per claim or relation):")
    for name, seconds in best.items():
        print(f"    {name:12} {seconds:6.3f}  ({seconds / elements * 1e6:6.1f} µs)")


if __name__ == "__main__":
    sys.exit(main())
