"""The printed programme (Programmheft) of a holiday Börse: a print view, and a PDF made from it.

The print view ``/<boerse>/programmheft/`` lists every current offer once, grouped by the week
its first date falls in (offers without dates last), with a table of contents; the stylesheet
keeps each offer on one page and numbers the pages. ``make programmheft`` prints it with
Debian's headless Chromium to ``/<boerse>/programmheft.pdf``.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from ..chromium import CHROMIUM, CHROMIUM_FLAGS
from ..formatting import format_date
from ..model import Boerse, Offer

FOLDER = "programmheft"


@dataclass
class Week:
    anchor: str
    title: str
    offers: list[Offer]


def has_programme(boerse: Boerse) -> bool:
    return boerse.kind == "ferien"


def weeks(offers: list[Offer]) -> list[Week]:
    """The offers grouped by the week (Monday to Sunday) of their first date, in date order."""
    by_monday: dict[datetime.date | None, list[Offer]] = {}
    for offer in sorted(offers, key=lambda o: (o.first_date or datetime.date.max, o.title.casefold(), o.slug)):
        first = offer.first_date
        by_monday.setdefault(first - datetime.timedelta(days=first.weekday()) if first else None, []).append(offer)
    found = []
    for monday, listed in by_monday.items():
        if monday is None:
            found.append(Week("ohne-termin", "Ohne festen Termin", listed))
            continue
        sunday = monday + datetime.timedelta(days=6)
        found.append(Week(f"woche-{monday.isoformat()}", f"Woche vom {format_date(monday)} bis {format_date(sunday)}", listed))
    return found


def programme_path(boerse: Boerse) -> str:
    return f"{boerse.slug}/{FOLDER}/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def print_pdfs(output: Path, chromium: Path = CHROMIUM) -> list[Path]:
    """Print every Programmheft of the built site in ``output`` to PDF, served on loopback so the
    page's own stylesheet applies (the site's Content-Security-Policy allows only its own origin)."""
    views = sorted(output.glob(f"*/{FOLDER}/index.html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    written = []
    try:
        for view in views:
            slug = view.parent.parent.name
            target = output / f"{slug}/{FOLDER}.pdf"
            url = f"http://127.0.0.1:{server.server_address[1]}/{slug}/{FOLDER}/"
            subprocess.run(
                [str(chromium), *CHROMIUM_FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={target}", url],
                check=True,
                capture_output=True,
                timeout=300,
            )
            written.append(target)
    finally:
        server.shutdown()
        server.server_close()
    return written


def main(argv: list[str] | None = None) -> int:
    import sys

    output = Path((argv or sys.argv[1:] or ["output"])[0])
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} fehlt: bitte Debians Paket chromium installieren (apt-get install chromium).", file=sys.stderr)
        return 2
    written = print_pdfs(output)
    if not written:
        print(f"In {output}/ gibt es kein Programmheft: bitte zuerst die Seite bauen (make html).", file=sys.stderr)
        return 1
    for path in written:
        print(f"Programmheft geschrieben: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
