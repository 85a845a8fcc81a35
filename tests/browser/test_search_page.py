"""Search and filters in a real headless Chromium, on the built demo site served from localhost."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect


def result_titles(page: Page) -> list[str]:
    return page.locator(".search-results .offer-title").all_inner_texts()


def wait_for_results(page: Page, status: str | re.Pattern) -> None:
    expect(page.locator(".search-status")).to_have_text(status)


def open_filters(page: Page) -> None:
    """On a phone the filters start folded; a tap on "Filter" opens them."""
    panel = page.locator("details.facet-panel")
    expect(panel).not_to_have_attribute("open", "")
    page.locator("details.facet-panel > summary").click()
    expect(panel).to_have_attribute("open", "")


def test_typing_shows_matching_offers_and_announces_the_count(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    page.get_by_label("Suchbegriff").fill("schwimm")
    wait_for_results(page, re.compile(r"^\d+ Angebote? gefunden$"))
    titles = result_titles(page)
    assert titles and all(re.search("schwimm", t, re.IGNORECASE) or "Wasser" in t or "bad" in t for t in titles)
    assert "Seepferdchen-Ferienkurs im Auenbad" in titles
    status = page.locator(".search-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["schwimm"]}
    # Results show key facts and link to the detail page.
    first = page.locator(".search-results .offer-card").first
    assert first.locator(".facts li").count() >= 3
    first.locator("a").click()
    expect(page.locator("h1")).to_contain_text(titles[0])


def test_german_matching_in_the_page(page: Page, site):
    page.goto(site.url("ferienboerse/?q=Fussbal"))
    wait_for_results(page, re.compile("gefunden"))
    assert "Osterferien-Fußballcamp" in result_titles(page)
    page.goto(site.url("kita-boerse/?q=Kindertagesst%C3%A4tte"))
    wait_for_results(page, re.compile("gefunden"))
    assert len(result_titles(page)) >= 5  # "Kita" and "Kindergarten" are synonyms


def test_facets_filter_and_counts_follow_the_query(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    open_filters(page)
    free = page.get_by_label("nur kostenlos")
    count_all = page.locator(".facet-flag .count").first.inner_text()
    page.get_by_label("Suchbegriff").fill("werkstatt")
    wait_for_results(page, re.compile("gefunden"))
    expect(page.locator(".facet-flag .count").first).not_to_have_text(count_all)
    page.get_by_label("Suchbegriff").fill("")
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    free.check()
    wait_for_results(page, re.compile("gefunden"))
    facts = page.locator(".search-results .offer-card .facts").all_inner_texts()
    assert facts and all("kostenlos" in f for f in facts)
    assert parse_qs(urlsplit(page.url).query) == {"kostenlos": ["ja"]}


def test_age_of_my_child(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    open_filters(page)
    page.get_by_label("Alter des Kindes (Jahre)").fill("7")
    page.get_by_label("Alter des Kindes (Jahre)").dispatch_event("change")
    wait_for_results(page, re.compile("gefunden"))
    ages = [re.search(r"(\d+)–(\d+) Jahre|ab (\d+) Jahren", f) for f in page.locator(".search-results .facts").all_inner_texts()]
    assert ages and all(a and (int(a.group(1)) <= 7 <= int(a.group(2)) if a.group(1) else int(a.group(3)) <= 7) for a in ages)
    assert parse_qs(urlsplit(page.url).query) == {"alter": ["7"]}


def test_shared_link_restores_query_and_facets(page: Page, site):
    page.goto(site.url("ferienboerse/?q=werkstatt&kategorien=kreativitaet-und-kunst"))
    wait_for_results(page, re.compile("gefunden"))
    expect(page.get_by_label("Suchbegriff")).to_have_value("werkstatt")
    expect(page.locator("details.facet-panel")).to_have_attribute("open", "")  # filters set: shown
    expect(page.get_by_label("Kreativität und Kunst")).to_be_checked()
    shared = result_titles(page)
    assert shared
    page.reload()
    wait_for_results(page, re.compile("gefunden"))
    assert result_titles(page) == shared


def test_back_button_walks_back_through_the_states(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    everything = page.locator(".search-status").inner_text()
    page.get_by_label("Suchbegriff").fill("kunst")
    page.get_by_label("Suchbegriff").press("Enter")
    wait_for_results(page, re.compile("gefunden"))
    with_query = result_titles(page)
    open_filters(page)
    page.get_by_label("nur barrierefrei").check()
    expect(page).to_have_url(re.compile("barrierefrei=ja"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=kunst$"))
    expect(page.get_by_label("nur barrierefrei")).not_to_be_checked()
    wait_for_results(page, re.compile("gefunden"))
    assert result_titles(page) == with_query
    page.go_back()
    expect(page.get_by_label("Suchbegriff")).to_have_value("")
    wait_for_results(page, everything)


def test_lunr_syntax_and_stop_words_do_not_break_the_page(page: Page, site):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site.url("ferienboerse/"))
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    everything = page.locator(".search-status").inner_text()
    for query in [":", "~", "^", "*", "+", "-", "titel:x~2^3 +a -b", "der die das", "x" * 300]:
        page.get_by_label("Suchbegriff").fill(query)
        page.get_by_label("Suchbegriff").press("Enter")
        expect(page).to_have_url(re.compile(r"\?q="))
    page.get_by_label("Suchbegriff").fill("der die das")
    page.get_by_label("Suchbegriff").press("Enter")
    wait_for_results(page, everything)
    assert errors == []


def test_keyboard_only(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    page.keyboard.press("Tab")  # skip link
    expect(page.locator(".skip-link")).to_be_focused()
    page.get_by_label("Suchbegriff").focus()
    page.keyboard.type("zelt")
    page.keyboard.press("Enter")
    wait_for_results(page, re.compile("gefunden"))
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Suchen")).to_be_focused()


def test_home_page_searches_all_boersen(page: Page, site):
    page.goto(site.url(""))
    page.get_by_label("Suchbegriff").fill("Kita")
    wait_for_results(page, re.compile("gefunden"))
    groups = page.locator(".result-group h2").all_inner_texts()
    assert any(g.startswith("KiTa-Börse") for g in groups)
    link = page.get_by_role("link", name=re.compile("^Alle .* in: KiTa-Börse"))
    link.click()
    expect(page).to_have_url(re.compile(r"/kita-boerse/\?q=Kita$"))
    wait_for_results(page, re.compile("gefunden"))


def test_without_javascript_everything_is_listed(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url("ferienboerse/"))
    expect(page.locator("noscript")).to_have_count(1)
    assert "Die Suche und die Filter brauchen JavaScript" in page.content()
    # The form keeps its place (no layout shift once the script runs) but cannot be used without it.
    expect(page.get_by_label("Suchbegriff")).to_be_disabled()
    expect(page.get_by_role("button", name="Suchen")).to_be_disabled()
    listed = page.locator(".static-offers .offer-card").count()
    heading = page.locator(".static-offers .list-heading").inner_text()
    assert listed == int(heading.split()[0]) > 20
    context.close()


@pytest.mark.parametrize("path", ["", "ferienboerse/", "ferienboerse/?q=schwimm&alter=7", "kita-boerse/?q=kita"])
def test_no_request_leaves_the_site(page: Page, site, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site.url(path))
    if path:
        wait_for_results(page, re.compile(r"\d+ Angebote?"))
    else:
        page.get_by_label("Suchbegriff").fill("sport")
        wait_for_results(page, re.compile("gefunden"))
    assert requested
    assert [url for url in requested if not url.startswith(site.base)] == []


def test_more_results_keeps_keyboard_focus_on_the_first_new_offer(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    wait_for_results(page, re.compile(r"^\d+ Angebote$"))
    total = int(page.locator(".search-status").inner_text().split()[0])
    assert total > 20
    expect(page.locator(".search-results .offer-card")).to_have_count(20)
    page.get_by_role("button", name="Weitere Angebote anzeigen").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".search-results .offer-card")).to_have_count(min(total, 40))
    expect(page.locator(".search-results .offer-title a").nth(20)).to_be_focused()
