"""Time `argmap diff` on the synthesis: against itself renamed, and against 20 random edits.

Run: python bench/diff.py [--map asian-nato | --size N] [--edits 20] [--seed 1] [--runs 5]
     [--baseline CHECKOUT]

``--size N`` diffs a generated map of N claims (``bench/_generate.py``) in place of a
built-in one; the map is written to the temporary folder too, so the command reads both
maps from files (the built-in map is read by its name).

Writes the two edited copies as JSON into a temporary folder, then times, best of
``--runs``:

* the command as a user runs it (``python -m argmap diff MAP FILE``, a new process, the
  report as text and as JSON), and with ``--baseline CHECKOUT`` the same command
  importing that checkout's argmap (for a before -> after in one run);
* the library call alone (``argmap.diff(a, b)``, the evaluation delta included), and the
  same without the evaluation (``semantics=None``).

Each as wall-clock seconds and, in brackets, processor seconds (the process's and its
children's): on a shared machine the wall clock also counts the time others had the
processors. The load average is printed first.

The copies: every id renamed (``argmap.strategies.rename_ids``), and ``--edits`` random
edits of every kind (``argmap.strategies.edit_map``, seeded).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _generate import generated_map

import argmap
from argmap import registry
from argmap.strategies import edit_map, rename_ids


def cpu():
    """Processor seconds of this process and of the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(fn, runs):
    """The best wall-clock and the best processor time of ``runs`` runs, in seconds."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), cpu()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(cpu() - c)
    return min(walls), min(cpus)


def command(*args, checkout=None):
    """Run ``python -m argmap diff ...``; the status must be 1 (the maps differ).

    With ``checkout``, the command imports that checkout's argmap (``PYTHONPATH``).
    """
    env = None if checkout is None else {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(  # noqa: S603 - this interpreter, argmap's own command
        [sys.executable, "-m", "argmap", "diff", *args],
        capture_output=True,
        check=False,
        env=env,
    )
    if done.returncode != 1:
        raise SystemExit(f"argmap diff {' '.join(args)} gave {done.returncode}: {done.stderr}")
    return done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", default="asian-nato")
    parser.add_argument("--size", type=int, help="a generated map of this many claims")
    parser.add_argument(
        "--baseline", type=Path, help="also run the command with this checkout's argmap"
    )
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    m = registry.get(args.map) if args.size is None else generated_map(args.size, args.seed)
    copies = {
        "every id renamed": rename_ids(m),
        f"{args.edits} random edits": edit_map(m, args.edits, random.Random(args.seed)),
    }
    name = args.map if args.size is None else f"generated {args.size}"
    print(f"{name}: {len(m.claims)} claims, {len(m.relations)} relations")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors", end="")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("; PYTHONDONTWRITEBYTECODE is set, so each new process compiles argmap", end="")
    print("\nseconds, best of", args.runs, "runs: wall clock (processor)")
    with tempfile.TemporaryDirectory() as folder:
        first = args.map
        if args.size is not None:
            first = str(Path(folder) / "map.argmap.json")
            argmap.dump(m, first)
        for label, copy in copies.items():
            path = Path(folder) / "copy.argmap.json"
            argmap.dump(copy, path)
            d = argmap.diff(m, copy)
            print(
                f"\n{label}: {len(d.claims.renamed)} claims renamed, "
                f"{len(d.claims.added)} added, {len(d.claims.removed)} removed, "
                f"{len(d.claims.changed)} changed; {len(d.relations.renamed)} relations "
                f"renamed, {len(d.relations.changed)} changed; "
                f"{len(d.evaluation)} evaluation changes"
            )
            cases = {
                "argmap diff (text), new process": lambda p=path: command(first, str(p)),
                "argmap diff --json, new process": lambda p=path: command(first, str(p), "--json"),
            }
            if args.baseline is not None:
                cases["  the same with --baseline (text)"] = lambda p=path: command(
                    first, str(p), checkout=args.baseline
                )
                cases["  the same with --baseline (--json)"] = lambda p=path: command(
                    first, str(p), "--json", checkout=args.baseline
                )
            cases |= {
                "argmap.diff(a, b)": lambda c=copy: argmap.diff(m, c),
                "argmap.diff(a, b, semantics=None)": lambda c=copy: argmap.diff(
                    m, c, semantics=None
                ),
            }
            for name, fn in cases.items():
                wall, processor = best_of(fn, args.runs)
                print(f"  {name:<36} {wall:7.3f} ({processor:.3f})")


if __name__ == "__main__":
    main()
