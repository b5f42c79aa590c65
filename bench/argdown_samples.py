"""Read Argdown's own sample files and compare argmap's counts with Argdown's.

Usage:
    python bench/argdown_samples.py [FOLDER]      (default: ../shared/argdown-samples)

FOLDER holds .argdown files and a MANIFEST.txt whose last column has, per file, what
@argdown/core 1.7.5 reported: lexer and parser errors, statements (equivalence classes),
arguments, relations and sections. For every file Argdown parses without error, the
table shows those counts beside argmap's own reading (``argmap.io.argdown.parse``), then
what the map holds (claims, relations, validation errors) and the warnings argmap gave.
Files Argdown rejects must be rejected here too, with a line and column. Exit status 1
on any difference not explained by a warning.
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

import argmap
from argmap.io import argdown

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "argdown-samples"
_STATS = re.compile(r"(\w+)=(\d+)")


def manifest(folder: Path) -> dict[str, dict[str, int]]:
    rows = {}
    for line in (folder / "MANIFEST.txt").read_text(encoding="utf-8").splitlines():
        if " | " in line and "lex=" in line:
            name = line.split(" | ")[0].strip()
            rows[name] = {k: int(v) for k, v in _STATS.findall(line.rsplit(" | ", 1)[1])}
    return rows


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    expected = manifest(folder)
    header = (
        f"{'file':<58} {'Argdown s/a/r/sec':>17} {'argmap s/a/r/sec':>17} "
        f"{'claims':>6} {'rels':>4} {'err':>3}"
    )
    print(header)
    print("-" * len(header))
    unexplained = 0
    rejected = []
    for name, stats in sorted(expected.items()):
        text = (folder / name).read_text(encoding="utf-8")
        if stats["lex"] or stats["parse"]:
            try:
                argdown.parse(text)
            except argmap.FormatError as exc:
                rejected.append(f"{name}: {exc}")
            else:
                rejected.append(f"{name}: ACCEPTED, but Argdown reports errors")
                unexplained += 1
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", argmap.ArgmapWarning)
            doc = argdown.parse(text)
            m = argdown.loads(text)
        theirs = (stats["stmts"], stats["args"], stats["rels"], stats["sections"])
        ours = (len(doc.statements), len(doc.arguments), len(doc.relations), len(doc.sections))
        errors = sum(p.is_error for p in argmap.validate(m))
        mark = "" if theirs == ours else "  <- differs"
        notes = sorted({str(w.message) for w in caught})
        if theirs != ours and not notes:
            unexplained += 1
        print(
            f"{name:<58} {'/'.join(map(str, theirs)):>17} {'/'.join(map(str, ours)):>17} "
            f"{len(m.claims):>6} {len(m.relations):>4} {errors:>3}{mark}"
        )
        for note in notes:
            print(f"{'':<60}warning: {note}")
    print("\nFiles Argdown rejects (argmap rejects them too):")
    for line in rejected:
        print(f"  {line}")
    print(f"\n{unexplained} difference(s) without an explanation")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
