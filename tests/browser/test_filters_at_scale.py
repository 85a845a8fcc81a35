"""A Börse of 2,500 offers in 100 districts is as easy to use as the demo: short filter lists, results on the first screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from served import served

from scratch import DataFolder
from sitebuild import build_site

KITA_BOERSE = """\
titel: KiTa-Börse
typ: kita
kategorien:
  kindergarten: Kindergarten
  krippe: Krippe
filter: [kategorien, traegerart, stadtteil]
"""


def kita(number: int) -> str:
    district = f"Bezirk {min(number % 137, 99):02d}"  # 100 districts, the first ones more frequent
    category = "krippe" if number % 3 == 0 else "kindergarten"
    return (
        f"titel: Kita Nummer {number}\nkurzbeschreibung: Eine Kindertagesstätte.\nanbieter: tsv\nkategorien: [{category}]\n"
        f"traegerart: {'kommunal' if number % 2 else 'frei'}\nbetreuungsarten: [kindergarten]\n"
        f"ort:\n  stadt: Großstadt\n  stadtteil: {district}\n"
    )


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    data = DataFolder(tmp_path_factory.mktemp("gross"))
    (data.root / "ferien" / "_boerse.yaml").unlink()
    (data.root / "ferien").rmdir()
    data.write("kita/_boerse.yaml", KITA_BOERSE)
    for number in range(2500):
        data.write(f"kita/kita-{number:04d}.yaml", kita(number))
    result = build_site(tmp_path_factory.mktemp("site") / "output", data_dir=data.root, today="2027-03-01")
    assert result.returncode == 0, result.stderr
    with served(result.output) as base:
        yield f"{base}/kita/"


def open_page(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    expect(page.locator(".search-status")).to_have_text(re.compile("Angebot"))
    return context, page


def test_districts_show_the_most_frequent_first_and_the_rest_on_request(browser, big_site):
    context, page = open_page(browser, big_site, 1280, 800)
    districts = page.locator("fieldset.facet-choice", has=page.locator("legend", has_text="Stadtteil"))
    page.locator("details.facet-panel").evaluate("panel => { panel.open = true; }")
    visible = districts.locator("label.option:visible")
    expect(visible).to_have_count(8)
    assert visible.first.inner_text().startswith("Bezirk 99")  # the most frequent: every number from 99 to 136
    more = districts.get_by_role("button", name="alle 100 anzeigen")
    more.click()
    expect(visible).to_have_count(100)
    expect(districts.get_by_role("button", name="weniger anzeigen")).to_have_attribute("aria-expanded", "true")
    districts.get_by_label("Stadtteil suchen").fill("bezirk 42")
    expect(visible).to_have_count(1)
    expect(visible.first).to_contain_text("Bezirk 42")
    context.close()


def test_options_without_offers_hide_under_the_current_search(browser, big_site):
    context, page = open_page(browser, big_site + "?q=Kita+Nummer+2499", 1280, 800)
    page.locator("details.facet-panel").evaluate("panel => { panel.open = true; }")
    districts = page.locator("fieldset.facet-choice", has=page.locator("legend", has_text="Stadtteil"))
    expect(districts.locator("label.option:visible")).to_have_count(1)
    expect(districts.get_by_role("button", name=re.compile("anzeigen"))).to_be_hidden()
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (412, 915)], ids=["desktop", "phone"])
def test_the_first_result_is_on_the_first_screen(browser, big_site, width, height):
    context, page = open_page(browser, big_site, width, height)
    first = page.locator(".search-results .offer-card").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < height
    expect(page.locator(".results-heading")).to_have_text("Alle Angebote (2500)")
    expect(page.locator("a.to-results")).to_have_text("Zu den Ergebnissen (2500)")
    context.close()


def card_files(requests: list[str]) -> list[str]:
    return [url.rsplit("/", 1)[1] for url in requests if "/karten-" in url]


def test_the_next_page_of_cards_is_loaded_before_it_is_asked_for(browser, big_site):
    """Cards lie in listing order, ten per file: the first 20 offers are files 0 and 1, the next
    20 (files 2 and 3) are loaded ahead, so "more results" and a refining keystroke need no wait."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with page.expect_response(re.compile(r"/karten-3\.json$")):
        page.goto(big_site)
    expect(page.locator(".search-results .offer-card")).to_have_count(20)
    assert sorted(card_files(requested)) == ["karten-0.json", "karten-1.json", "karten-2.json", "karten-3.json"]
    with page.expect_response(re.compile(r"/karten-5\.json$")):
        page.get_by_role("button", name="Weitere Angebote anzeigen").click()
        expect(page.locator(".search-results .offer-card")).to_have_count(40)
    assert sorted(card_files(requested)) == [f"karten-{n}.json" for n in range(6)]  # each file once
    context.close()


def test_a_card_file_that_failed_to_load_ahead_is_loaded_again_when_needed(browser, big_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    failures: list[str] = []

    def fail_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route(re.compile(r"/karten-2\.json$"), fail_once)
    with page.expect_event("requestfailed", lambda request: request.url.endswith("/karten-2.json")):
        page.goto(big_site)
    expect(page.locator(".search-results .offer-card")).to_have_count(20)
    page.get_by_role("button", name="Weitere Angebote anzeigen").click()
    expect(page.locator(".search-results .offer-card")).to_have_count(40)
    twenty_first = context.request.get(big_site + "suche/karten-2.json").json()[0]["titel"]
    expect(page.locator(".search-results .offer-title").nth(20)).to_have_text(twenty_first)
    expect(page.locator(".search-status")).to_have_text("2500 Angebote")
    assert len(failures) == 1
    context.close()
