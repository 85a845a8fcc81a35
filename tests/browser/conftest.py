"""Browser fixtures: a page at phone size (the demo site and Chromium: tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def page(browser):
    # The pages carry a Content-Security-Policy; bypassing it lets tests inject axe-core.
    # tests/browser/test_theme_security.py checks the pages under the policy.
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()
