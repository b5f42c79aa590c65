"""Time reading Kialo exports of 1,000 and 10,000 claims (time per claim should stay flat).

Usage:
    python bench/kialo_load.py [--sizes 1000 10000] [--repeat R]

The exports are generated in Kialo's current layout: a root thesis, each further claim a
Pro or Con of a random earlier claim (so the tree has every depth a real discussion has),
texts of 4 to 30 words on two indented lines, a paragraph break in one claim in ten, a
``[n]`` footnote in one in twenty with a final ``Sources:`` list whose entries carry an
excerpt, and a ``-> See`` link in one node in fifty. Each size is read with
``argmap.loads(text, "kialo")`` (reading plus validation), best and median of R runs, in
seconds and microseconds per claim.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _loadtime
from _generate import WORDS

import argmap


def export(n: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    paths = ["1"]
    kids: dict[str, int] = {"1": 0}
    lines = ["Discussion Name:", "A generated discussion", "", "1. Thesis:", "    The thesis."]
    sources: list[str] = []
    for i in range(1, n):
        parent = paths[rng.randrange(len(paths))]
        kids[parent] += 1
        path = f"{parent}.{kids[parent]}"
        kids[path] = 0
        marker = "Pro" if rng.random() < 0.6 else "Con"
        lines.append(f"{path}. {marker}:")
        if i % 50 == 0:
            lines.append(f"    -> See {paths[rng.randrange(len(paths))]}.")
            continue
        paths.append(path)
        words = rng.choices(WORDS, k=rng.randint(4, 30))
        half = len(words) // 2
        lines.append("    " + " ".join(words[:half]))
        if i % 10 == 0:
            lines.append("    ")
        tail = " ".join(words[half:]) + "."
        if i % 20 == 0:
            sources.append(f"Report {len(sources) + 1}, https://example.org/{len(sources) + 1}")
            tail += f"[{len(sources)}]"
        lines.append("    " + tail)
    lines += ["", "Sources:"]
    for k, s in enumerate(sources, 1):
        lines += [f"{k}. {s}", f'    "An excerpt from report {k}."']
    return "\n".join(lines) + "\n"


def main() -> None:
    _loadtime.run(__doc__ or "", "claims", export, lambda text: argmap.loads(text, "kialo"))


if __name__ == "__main__":
    main()
