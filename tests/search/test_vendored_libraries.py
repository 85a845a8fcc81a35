"""The site serves lunr.js and lunr-languages itself: the copies must be the pinned npm files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "theme" / "static" / "vendor"
COPIES = {
    "lunr-2.3.9.min.js": "lunr/lunr.min.js",
    "lunr-languages-1.22.0.stemmer.support.min.js": "lunr-languages/min/lunr.stemmer.support.min.js",
    "lunr-languages-1.22.0.de.min.js": "lunr-languages/min/lunr.de.min.js",
    "lunr-languages-1.22.0.tr.min.js": "lunr-languages/min/lunr.tr.min.js",
    "lunr-languages-1.22.0.ar.min.js": "lunr-languages/min/lunr.ar.min.js",
}


@pytest.mark.parametrize("copy", COPIES)
def test_vendored_file_is_the_npm_file(copy):
    original = ROOT / "node_modules" / COPIES[copy]
    if not original.is_file():
        pytest.fail(f"{original} is missing: run `npm ci` (make test does)")
    assert (VENDOR / copy).read_bytes() == original.read_bytes(), "run `make vendor`"


def test_versions_in_file_names_are_the_pinned_ones():
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]
    assert pinned == {"lunr": "2.3.9", "lunr-languages": "1.22.0"}
    templates = (ROOT / "theme" / "templates" / "search_scripts.html").read_text()
    for copy in COPIES:
        assert f"/theme/vendor/{copy}" in templates
