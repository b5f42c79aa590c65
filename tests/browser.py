"""Where the browser tests and bench/html_page.py find Chromium, and how they start it."""

import os
import shutil

#: Debian's chromium (or ``$ARGMAP_CHROMIUM``), driven by Playwright for Python.
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
#: Headless in a container, with nothing of its own reaching the network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
