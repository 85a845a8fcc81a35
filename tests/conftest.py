"""Shared fixtures. Test data lives in scratch.py (a second conftest.py would shadow this one's name)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from served import TODAY, Site, served

from boersen.chromium import CHROMIUM, CHROMIUM_FLAGS

from scratch import DataFolder
from sitebuild import build_site


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The demo site (pelicanconf.py, all its languages) built once and served on localhost."""
    result = build_site(tmp_path_factory.mktemp("site") / "output", today=TODAY)
    assert result.returncode == 0, result.stderr
    with served(result.output) as base:
        yield Site(base, result.output)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, once for the whole run: a second sync_playwright()
    while one is running fails, so every browser test (tests/browser/, tests/i18n/, tests/search/)
    shares this one."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    assert shutil.which(str(CHROMIUM))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
