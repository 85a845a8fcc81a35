"""Browser fixtures: the demo site built once, served on localhost, and Debian's Chromium."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitebuild import build_site

TODAY = "2027-01-10"  # demo data unshifted: the whole 2027 programme is ahead


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@dataclass
class Site:
    base: str
    output: Path

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("site") / "output", today=TODAY)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(result.output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(f"http://127.0.0.1:{server.server_address[1]}", result.output)
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    # The pages carry a Content-Security-Policy; bypassing it lets tests inject axe-core.
    # tests/browser/test_theme_security.py checks the pages under the policy.
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()
