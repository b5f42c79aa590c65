"""Argdown reading time on statements and arguments with very many relations: is it linear?

    python bench/argdown_fanout.py                   # 10,000 and 40,000 relations
    python bench/argdown_fanout.py --sizes 5000 20000 --repeat 1

Each document hangs N relations on one statement or one reconstructed argument:

* ``out``: ``[a]`` with N ``+> [bI]: ...`` lines (supports from ``a``);
* ``in``: ``[a]`` with N ``+ [bI]: ...`` lines (supports of ``a``);
* ``contra``: ``[a]`` with N ``>< [bI]: ...`` lines (contradictions, two rebuttals each);
* ``argument``: an argument with a premise-conclusion structure, with N attacks on it
  (read as undercuts) and N relations from it (moved to its conclusion).

Reading checks each new relation against those already there (Argdown drops repeats),
and moves relations off reconstructed arguments; when each check scanned the node's
relations, 40,000 of them took 62 s. The time is ``argmap.load`` of the file, as
``argmap check`` meets it (reading, mapping, validating), in CPU seconds
(``time.process_time``, so that other work on a shared machine counts less), the best of
``--repeat`` runs; in brackets, microseconds per relation, which stays flat when reading
is linear, and the file's size.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import argmap


def document(shape: str, n: int) -> str:
    if shape == "out":
        return "[a]: A.\n" + "".join(f"  +> [b{i}]: B {i}.\n" for i in range(n))
    if shape == "in":
        return "[a]: A.\n" + "".join(f"  + [b{i}]: B {i}.\n" for i in range(n))
    if shape == "contra":
        return "[a]: A.\n" + "".join(f"  >< [b{i}]: B {i}.\n" for i in range(n))
    head = "<r>: R.\n\n(1) [p]: P.\n----\n(2) [c]: C.\n\n<r>\n"
    attacks = "".join(f"  - [b{i}]: B {i}.\n" for i in range(n // 2))
    moved = "".join(f"  +> [d{i}]: D {i}.\n" for i in range(n - n // 2))
    return head + attacks + moved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| shape | " + " | ".join(f"{n:,} relations" for n in args.sizes) + " |")
    print("| --- |" + " --- |" * len(args.sizes))
    with tempfile.TemporaryDirectory() as folder:
        for shape in ("out", "in", "contra", "argument"):
            cells = []
            for n in args.sizes:
                path = Path(folder) / f"{shape}-{n}.argdown"
                size = path.write_bytes(document(shape, n).encode("utf-8"))
                best = float("inf")
                for _ in range(args.repeat):
                    start = time.process_time()
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", argmap.ArgmapWarning)
                        argmap.validate(argmap.load(path, check=False))
                    best = min(best, time.process_time() - start)
                cells.append(f"{best:.2f} ({best / n * 1e6:.0f}; {size / 2**20:.2f} MiB)")
            print(f"| {shape} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
