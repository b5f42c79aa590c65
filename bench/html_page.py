"""The interactive page of a map, end to end: write it, open it in headless Chromium.

Usage: python bench/html_page.py [MAP] [RUNS]   (default: asian-nato, the synthesis map; 5)

Prints the page's size, how long ``argmap render MAP -o page.html`` takes, and per run
the time from navigation to first contentful paint and to ``window.argmap`` ready
(``window.argmap.readyAt``: the page's script has built the outline, the badges and the
evaluation), as the browser's own clock measures them (milliseconds from the navigation
start).
Needs Chromium at /usr/bin/chromium and Playwright for Python.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import ARGS, CHROMIUM


def until(page, expression: str) -> None:
    """Poll ``expression`` (wait_for_function's eval() is refused by the page's policy)."""
    deadline = time.monotonic() + 30
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            sys.exit(f"the page never got to: {expression}")
        time.sleep(0.01)


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "asian-nato"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 - this Python running argmap
            [sys.executable, "-m", "argmap", "render", name, "-o", str(path)], check=True
        )
        render = time.perf_counter() - start
        size = path.stat().st_size
        print(f"{name}: {size:,} bytes ({size / 1e6:.2f} MB); argmap render took {render:.2f} s")
        paints, readies = [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                page.goto(path.as_uri())
                until(page, "document.documentElement.dataset.ready === 'true'")
                ready = page.evaluate("window.argmap.readyAt")
                until(page, "performance.getEntriesByName('first-contentful-paint').length > 0")
                paint = page.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0].startTime"
                )
                paints.append(paint)
                readies.append(ready)
                page.close()
            browser.close()
        print(
            f"first contentful paint: median {statistics.median(paints):.0f} ms "
            f"(runs: {', '.join(f'{x:.0f}' for x in paints)})"
        )
        print(
            f"window.argmap ready: median {statistics.median(readies):.0f} ms "
            f"(runs: {', '.join(f'{x:.0f}' for x in readies)})"
        )


if __name__ == "__main__":
    main()
