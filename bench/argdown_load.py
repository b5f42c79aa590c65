"""Time writing and reading Argdown (and writing Mermaid) for a generated map.

Usage:
    python bench/argdown_load.py [--claims N] [--repeat R] [--baseline DIR]

The map has N claims; each after the first supports (60 %) or rebuts (30 %) an earlier
claim or undercuts an earlier relation (10 %), with a quote and text that needs escaping.
Best and median of R runs, in CPU seconds (``time.process_time``, so that other work on
the machine counts less): ``argdown.dumps`` (map to text), ``argdown.loads`` (text to map,
not validated: what argmap wrote is read straight, see ``argmap.io.argdown.written``), the
same with the straight reader switched off (the general reader: lexer, parser, Argdown's
model, mapping), with ``--baseline DIR`` ``argdown.loads`` of the checkout in DIR (another
process, the same text, timed the same way), and ``mermaid.dumps``.

Then where the general reader's time goes, step by step, CPU seconds (best of R, the
collector paused as ``argdown.loads`` pauses it): the lexer (text to tokens), the parser
(tokens to a tree), the model (the tree to Argdown's statements, arguments and
relations), the mapping (the model to a map) and ``argmap.validate``; and, for scale,
``argmap.loads`` of the same map as native JSON (parse, build, validate).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

import argmap
from argmap.io import argdown, mermaid
from argmap.io.argdown import model, reader, written
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
    parser.add_argument("--baseline", type=str, default=None, help="another checkout")
    args = parser.parse_args()
    m = generate(args.claims)
    best, median, text = timed(lambda: argdown.dumps(m), args.repeat)
    size = len(str(text)) / 1e6
    print(f"{args.claims} claims, {len(m.relations)} relations, Argdown {size:.2f} MB")
    print(f"  argdown.dumps   best {best:6.3f}  median {median:6.3f}")
    best, median, back = timed(lambda: argdown.loads(str(text)), args.repeat)
    print(f"  argdown.loads   best {best:6.3f}  median {median:6.3f}  (same map: {back == m})")
    straight = written.read_written(str(text)) is not None
    print(f"    (read straight: {straight})")
    switched_off, reader.read_written = reader.read_written, lambda _: None
    try:
        best, median, slow = timed(lambda: argdown.loads(str(text)), args.repeat)
    finally:
        reader.read_written = switched_off
    print(f"  general reader  best {best:6.3f}  median {median:6.3f}  (same map: {slow == back})")
    if args.baseline is not None:
        best, median = baseline(str(text), args.baseline, args.repeat)
        print(f"  baseline        best {best:6.3f}  median {median:6.3f}  ({args.baseline})")
    best, median, _ = timed(lambda: mermaid.dumps(m), args.repeat)
    print(f"  mermaid.dumps   best {best:6.3f}  median {median:6.3f}")
    phases(str(text), m, args.repeat)
    return 0


_CHILD = """
import json, statistics, sys, time
from argmap.io import argdown
text = open(sys.argv[1], encoding="utf-8").read()
argdown.loads(argdown.dumps(argdown.loads("[a]: b")))  # imports, untimed
times = []
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    argdown.loads(text)
    times.append(time.process_time() - start)
print(json.dumps([min(times), statistics.median(times), argdown.__file__]))
"""


def baseline(text: str, checkout: str, repeat: int) -> tuple[float, float]:
    """Best and median CPU seconds of ``argdown.loads(text)`` with another checkout's argmap."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "map.argdown")  # noqa: PTH118 - a plain path
        with open(path, "w", encoding="utf-8") as out:  # noqa: PTH123
            out.write(text)
        env = {**os.environ, "PYTHONPATH": os.path.abspath(checkout)}  # noqa: PTH100
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-c", _CHILD, path, str(repeat)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=folder,  # (not this checkout's folder, which "-c" would put first)
        )
    best, median, where = json.loads(done.stdout)
    if not where.startswith(os.path.abspath(checkout)):  # noqa: PTH100
        msg = f"the baseline's argmap came from {where}, not {checkout}"
        raise SystemExit(msg)
    return best, median


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
