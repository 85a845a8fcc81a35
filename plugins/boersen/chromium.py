"""Debian's Chromium as the project runs it headless: printing the Programmheft, tests, benchmarks.

Without the networking flags Chromium reaches out to Google at every start.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
