"""Build a small map with the Python API, check it, and write it as JSON.

Run it with ``python examples/quickstart.py [OUTPUT.json]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import argmap


def build() -> argmap.ArgumentMap:
    """A four-day week, argued in six claims."""
    b = argmap.MapBuilder("four-day-week", "Should our team try a four-day week?")
    b.source("retro", "Team retrospective notes", date="2026-10-02")
    week = b.thesis("four-day-week", "Our team should try a four-day week.", verdict="mixed")

    focus = b.claim(
        "focus",
        "People say they would focus better with a longer weekend.",
        quote="I'd come back sharper after three days off",
    )
    trials = b.implicit("trials-worked", "Trials elsewhere kept output steady with fewer hours.")
    b.linked(focus, trials).supports(week)  # only jointly: sharper AND no loss of output

    support = b.claim(
        "support-rota",
        "Customers expect replies on Fridays.",
        quote="Friday is our busiest support day",
    )
    support.rebuts(week)
    b.claim(
        "rota-covers",
        "A Friday rota of two people covers the support load.",
        quote="two people on a rota could cover Fridays",
    ).rebuts(support)
    return b.build(strict=True)


def main() -> int:
    """Build, check and export; print what happened."""
    m = build()
    problems = argmap.validate(m)
    print(f"{m.title}: {len(m.claims)} claims, {len(problems)} problems")
    for claim_id, side in m.polarity("four-day-week").items():
        print(f"  {side:>4}  {m.claim(claim_id).text}")

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "map.json"
    argmap.dump(m, out)
    assert argmap.load(out) == m  # noqa: S101 - the example shows the round trip
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
