"""A built site served on localhost for the browser tests (the demo site itself: the `site` fixture)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TODAY = "2027-01-10"  # demo data unshifted: the whole 2027 programme is ahead


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@dataclass
class Site:
    base: str
    output: Path

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` on an HTTP server of its own; yields its address, e.g. ``http://127.0.0.1:40123``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
