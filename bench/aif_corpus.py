"""Read every AIF file of a corpus folder and report what argmap makes of it.

Usage:
    python bench/aif_corpus.py [FOLDER]      (default: ../shared/corpora/aif)

Per file: the nodes in the file; the claims, supports, rebuttals and undercuts of the map
argmap reads; how many nodes stay in the AIF layer (dialogue, rephrases, preferences and
anything argmap cannot place); the warnings; the errors ``argmap.validate`` finds; and
whether the round trip AIF → argmap → AIF gives back the identical document (every node,
edge and locution, as parsed JSON). Exit status 1 if a file fails to load or to round-trip.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import argmap
from argmap.io import aif

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "aif"


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"no .json files in {folder}")
        return 1
    header = (
        f"{'file':<30} {'nodes':>5} {'claims':>6} {'supp':>5} {'reb':>4} {'undc':>4} "
        f"{'kept':>5} {'warn':>4} {'err':>3} {'exact':>5} {'ms':>6}"
    )
    print(header)
    print("-" * len(header))
    failed = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", argmap.ArgmapWarning)
            start = time.perf_counter()
            try:
                m = aif.loads(text)
            except argmap.ArgmapError as exc:
                print(f"{path.name:<30} failed to load: {exc}")
                failed += 1
                continue
            ms = (time.perf_counter() - start) * 1000
        undercuts = sum(m.is_undercut(r) for r in m.relations)
        supports = sum(isinstance(r, argmap.Support) for r in m.relations)
        rebuttals = len(m.relations) - supports - undercuts
        errors = sum(p.is_error for p in argmap.validate(m))
        exact = aif.to_dict(m) == data
        failed += not exact
        print(
            f"{path.name:<30} {len(data['nodes']):>5} {len(m.claims):>6} {supports:>5} "
            f"{rebuttals:>4} {undercuts:>4} {len(aif.layer(m).nodes):>5} {len(caught):>4} "
            f"{errors:>3} {'yes' if exact else 'NO':>5} {ms:>6.1f}"
        )
        for w in caught:
            print(f"{'':<30}   warning: {w.message}")
    print(f"\n{len(files)} files, {failed} failed to load or to round-trip exactly")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
