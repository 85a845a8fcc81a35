"""Every page type works under the site's strict Content-Security-Policy, in Chromium, with no violation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy")


class Watched:
    """A page under the policy (bypass_csp=False) whose console reports count as violations."""

    def __init__(self, page: Page):
        self.page = page
        self.violations: list[str] = []
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message) -> None:
        if any(word in message.text for word in POLICY_WORDS):
            self.violations.append(message.text)


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="de-DE", bypass_csp=False)
    yield Watched(context.new_page())
    context.close()


def test_every_page_carries_the_policy(site):
    pages = sorted(site.output.rglob("index.html"))
    assert len(pages) > 150
    missing = [
        str(p.relative_to(site.output))
        for p in pages
        if 'http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;' not in p.read_text(encoding="utf-8")
    ]
    assert missing == []
    inline = [
        str(p.relative_to(site.output))
        for p in pages
        if re.search(r"<script(?![^>]*\b(src=|type=\"application/ld\+json\"))|\sstyle=|\son[a-z]+=", p.read_text(encoding="utf-8"))
    ]
    assert inline == []


def test_the_listener_sees_a_violation(watched: Watched, site):
    """The count below is real: an inline style added to a page under the policy is reported."""
    page = watched.page
    page.goto(site.url("impressum/"))
    page.evaluate("() => { const s = document.createElement('style'); s.textContent = 'body { color: red }'; document.head.append(s); }")
    expect(page.locator("body")).not_to_have_css("color", "rgb(255, 0, 0)")
    page.evaluate("() => new Promise(requestAnimationFrame)")
    assert len(watched.violations) == 1
    assert "style-src 'self'" in watched.violations[0]


def test_home_and_search_across_all_boersen(watched: Watched, site):
    page = watched.page
    page.goto(site.url(""))
    page.get_by_label("Suchbegriff").fill("schwimm")
    page.get_by_role("button", name="Suchen").click()
    expect(page.locator(".search-status")).to_have_text(re.compile("gefunden"))
    assert page.locator(".search-results .offer-card").count() > 0
    assert watched.violations == [] and watched.errors == []


def test_boerse_with_a_query_typed_and_a_filter_used(watched: Watched, site):
    page = watched.page
    page.goto(site.url("ferienboerse/"))
    expect(page.locator(".search-status")).to_have_text(re.compile(r"^\d+ Angebote$"))
    page.get_by_label("Suchbegriff").fill("werkstatt")
    expect(page.locator(".search-status")).to_have_text(re.compile("gefunden"))
    page.locator("details.facet-panel > summary").click()
    before = page.locator(".search-status").inner_text()
    page.get_by_label("nur kostenlos").check()
    expect(page.locator(".search-status")).not_to_have_text(before)
    assert "kostenlos=ja" in page.url
    assert watched.violations == [] and watched.errors == []


@pytest.mark.parametrize(
    "path, heading",
    [
        ("ferienboerse/kategorie/natur-und-erlebnis/", "Natur und Erlebnis"),
        ("ferienboerse/band-camp/", "Band-Camp"),  # carries JSON-LD, which is data and not run
        ("kita-boerse/betriebskita-klinikzwerge/", "Betriebskita Klinikzwerge"),
        ("anbieter/stadtbuecherei-auenstadt/", "Stadtbücherei"),
        ("anbieter/", "Anbieter"),
        ("hilfe/", "Hilfe"),
        ("impressum/", "Impressum"),
        ("barrierefreiheit/", "Barrierefreiheit"),
    ],
)
def test_page_types_load_without_violation(watched: Watched, site, path, heading):
    page = watched.page
    response = page.goto(site.url(path))
    assert response.ok
    expect(page.locator("h1")).to_contain_text(heading)
    # The stylesheet applied: the header has the theme's colour.
    expect(page.locator(".site-header")).to_have_css("background-color", "rgb(7, 55, 99)")
    page.evaluate("() => new Promise(requestAnimationFrame)")
    assert watched.violations == [] and watched.errors == []
