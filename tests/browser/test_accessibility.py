"""WCAG checks with axe-core (npm, pinned) in Chromium on the pages citizens use most."""

from __future__ import annotations

import re

import pytest
from axe_check import violations
from playwright.sync_api import Page, expect

PAGES = [
    "",
    "ferienboerse/",
    "ferienboerse/?q=wald&alter=8",
    "ferienboerse/kategorie/natur-und-erlebnis/",
    "ferienboerse/seepferdchen-ferienkurs/",
    "sportwegweiser/kanu-jugendgruppe/",
    "anbieter/pfadfinder-falkenhorst/",
    "kita-boerse/",
    "anbieter/",
    "hilfe/",
    "barrierefreiheit/",
    "leichte-sprache/",
    "ferienboerse/programmheft/",
    "offene-daten/",
    "404.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(page: Page, site, path):
    page.goto(site.url(path))
    if "?" in path:
        expect(page.locator(".search-status")).to_have_text(re.compile("gefunden"))
    assert violations(page) == []


def test_no_wcag_violations_with_filters_open(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    expect(page.locator(".search-status")).to_have_text(re.compile("Angebote"))
    page.locator("details.facet-panel > summary").click()
    assert violations(page) == []


def as_without_javascript(html: str) -> str:
    """The page as a browser without JavaScript shows it: no scripts, <noscript> content shown."""
    html = re.sub(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script>", "", html, flags=re.S)
    return re.sub(r"</?noscript>", "", html)


@pytest.mark.parametrize("path", [p for p in PAGES if "?" not in p])
def test_no_wcag_violations_without_javascript(page: Page, site, path):
    """axe-core needs JavaScript itself, so the page's own scripts are taken out instead."""
    document = site.url(path)

    def serve_without_scripts(route):
        if route.request.url == document:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=as_without_javascript(route.fetch().text()))
        else:
            route.continue_()

    page.route("**/*", serve_without_scripts)
    page.goto(document)
    assert page.locator("script[src]").count() == 0
    assert violations(page) == []
