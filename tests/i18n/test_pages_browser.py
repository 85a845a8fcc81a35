"""Every language's pages in Debian's Chromium: axe-core, Arabic mirrored (geometry, screenshots), 320 px, script texts."""

from __future__ import annotations

import json
import re

import pytest
from axe_check import violations
from playwright.sync_api import Page, expect

from boersen.i18n.scripts import script_texts

LANGUAGES = ["de", "en", "tr", "ar", "uk"]
# Every page type: home, Börse, category, offer (translated), offer (German only), organisations,
# organisation, Merkliste, 404.
PAGE_TYPES = [
    "",
    "familienkompass/",
    "familienkompass/kategorie/beratung/",
    "familienkompass/deutschkurs-mit-kinderbetreuung/",
    "ferienboerse/seepferdchen-ferienkurs/",
    "anbieter/",
    "anbieter/familienzentrum-lindenhaus/",
    "merkliste/",
    "404.html",
]
SCROLLS_SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # bypass: axe is injected
    page = context.new_page()
    yield page
    context.close()


def url(site, code: str, path: str) -> str:
    return site.url(path if code == "de" else f"{code}/{path}")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_wcag_violations_on_any_page_type_in_any_language(page: Page, site, code, path):
    page.goto(url(site, code, path))
    expect(page.locator("html")).to_have_attribute("lang", code)
    assert violations(page) == []


def box(page: Page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_arabic_pages_mirror_the_layout(page: Page, site, tmp_path_factory):
    """Start edges on the right: site name, navigation, the search field's label, cards, notices."""
    shots = tmp_path_factory.mktemp("screenshots")
    layout = {}
    for code in ("de", "ar"):
        page.goto(url(site, code, "familienkompass/"))
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if code == "ar" else "ltr")
        page.screenshot(path=str(shots / f"familienkompass-{code}.png"), full_page=True)
        wrap = box(page, "main.wrap")
        inner_start, inner_end = wrap["x"] + 16, wrap["x"] + wrap["width"] - 16  # .wrap has 1rem padding
        layout[code] = {
            "site name": box(page, ".site-name"),
            "label": box(page, "label[for='suche-eingabe']"),
            "card": box(page, ".offer-card"),
            "card title": box(page, ".offer-card .offer-title a"),
            "first nav": box(page, ".main-nav li:nth-child(1)"),
            "second nav": box(page, ".main-nav li:nth-child(2)"),
            "edges": (inner_start, inner_end),
        }
    start, end = layout["de"]["edges"]
    for name in ("site name", "label", "card"):
        assert abs(layout["de"][name]["x"] - start) <= 2, name  # German: on the left edge
    start, end = layout["ar"]["edges"]
    for name in ("site name", "label", "card"):
        right = layout["ar"][name]["x"] + layout["ar"][name]["width"]
        assert abs(right - end) <= 2, name  # Arabic: on the right edge
    # Inside the card, the title starts at the card's start edge too (its padding: 1.1rem + 1px border).
    de_card, ar_card = layout["de"]["card"], layout["ar"]["card"]
    assert abs(layout["de"]["card title"]["x"] - (de_card["x"] + 18.6)) <= 2
    ar_title = layout["ar"]["card title"]
    assert abs(ar_title["x"] + ar_title["width"] - (ar_card["x"] + ar_card["width"] - 18.6)) <= 2
    assert layout["de"]["second nav"]["x"] > layout["de"]["first nav"]["x"]
    assert layout["ar"]["second nav"]["x"] < layout["ar"]["first nav"]["x"]
    assert (shots / "familienkompass-ar.png").stat().st_size > 10_000


def test_notices_put_their_bar_on_the_start_side(page: Page, site):
    widths = {}
    for code in ("en", "ar"):
        page.goto(url(site, code, "ferienboerse/seepferdchen-ferienkurs/"))
        note = page.locator(".notice-language")
        expect(note).to_be_visible()
        widths[code] = note.evaluate("n => [getComputedStyle(n).borderLeftWidth, getComputedStyle(n).borderRightWidth]")
    assert widths == {"en": ["4px", "0px"], "ar": ["0px", "4px"]}


def test_german_text_on_arabic_pages_runs_left_to_right(page: Page, site):
    page.goto(url(site, "ar", "ferienboerse/seepferdchen-ferienkurs/"))
    title = page.locator("h1 [lang='de']")
    expect(title).to_have_attribute("dir", "ltr")
    assert title.evaluate("n => getComputedStyle(n).direction") == "ltr"
    assert page.locator("main").evaluate("n => getComputedStyle(n).direction") == "rtl"


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_arabic_page_scrolls_sideways_at_320_px(browser, site, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url(site, "ar", path))
    assert not page.evaluate(SCROLLS_SIDEWAYS)
    context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_scripts_write_in_the_pages_language(page: Page, site, code):
    texts = script_texts(code)["texte"]
    empty = "Ihre Merkliste ist leer. Auf jeder Angebotsseite können Sie „Merken“ wählen."
    page.goto(url(site, code, "merkliste/"))
    expect(page.locator(".merkliste-eintraege .empty")).to_have_text(texts.get(empty, empty))
    page.goto(url(site, code, "ferienboerse/seepferdchen-ferienkurs/"))
    expect(page.locator("button[data-merken]")).to_have_text(texts.get("Merken", "Merken"))


def test_the_texts_file_is_what_the_build_wrote(site):
    written = json.loads((site.output / "tr" / "texte.json").read_text(encoding="utf-8"))
    assert written == script_texts("tr")


ONLY_IN_THE_INDEX = """async (word) => {
  const base = document.querySelector("[data-search]").getAttribute("data-search");
  const load = (name) => fetch(base + name).then((response) => response.json());
  const index = new BoersenSearch.BoerseIndex(await load("index.json"), load);
  return (await index.search(word)).length;
}"""


def test_an_english_page_finds_english_words_and_german_ones(page: Page, site):
    """ "Wassergewöhnen" stands only in the German summary of a translated offer: the English index
    does not know it, the German index (searched alongside) does; the card stays English."""
    page.goto(url(site, "en", "sportwegweiser/?q=Wassergew%C3%B6hnen"))
    titles = page.locator(".search-results .offer-title a")
    expect(titles).to_have_text(["Seepferdchen swimming course"])
    expect(titles.first).to_have_attribute("href", re.compile(r"/en/sportwegweiser/schwimmkurs-seepferdchen/$"))
    assert page.evaluate(ONLY_IN_THE_INDEX, "Wassergewöhnen") == 0
    assert page.evaluate(ONLY_IN_THE_INDEX, "swimming") > 0
    page.goto(url(site, "en", "sportwegweiser/?q=swimming"))
    expect(page.locator(".search-results .offer-title a").first).to_be_visible()
    expect(page.locator(".search-status")).to_have_text(re.compile(r"^\d+ offers? found$"))


def test_untranslated_result_cards_are_marked_german(page: Page, site):
    page.goto(url(site, "ar", "familienkompass/?q=Babymassage"))
    title = page.locator(".search-results .offer-title a").first
    expect(title).to_have_text("Babymassage-Kurs")
    expect(title).to_have_attribute("lang", "de")
    expect(title).to_have_attribute("dir", "ltr")


def test_filters_and_home_results_mark_german_values(page: Page, site):
    page.goto(url(site, "ar", "ferienboerse/"))
    page.locator("details.facet-panel > summary").click()
    category = page.locator(".facet-choice .option span[lang]").first
    expect(category).to_have_attribute("lang", "de")
    expect(category).to_have_attribute("dir", "ltr")
    assert violations(page) == []
    page.goto(url(site, "en", "?q=Schwimmkurs"))
    heading = page.locator(".result-group h2 span").first
    expect(heading).to_have_attribute("lang", "de")
    page.goto(url(site, "de", "ferienboerse/"))
    page.locator("details.facet-panel > summary").click()
    expect(page.locator(".facet-choice .option span").first).to_be_visible()
    assert page.locator(".facet-choice .option span[lang]").count() == 0
