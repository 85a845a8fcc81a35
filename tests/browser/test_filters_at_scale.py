"""A Börse of 2,500 offers in 100 districts is as easy to use as the demo: short filter lists, results on the first screen."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from served import served

from boersen.search.query import BoerseSearch

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
def big_build(tmp_path_factory):
    data = DataFolder(tmp_path_factory.mktemp("gross"))
    (data.root / "ferien" / "_boerse.yaml").unlink()
    (data.root / "ferien").rmdir()
    data.write("kita/_boerse.yaml", KITA_BOERSE)
    for number in range(2500):
        data.write(f"kita/kita-{number:04d}.yaml", kita(number))
    result = build_site(tmp_path_factory.mktemp("site") / "output", data_dir=data.root, today="2027-03-01")
    assert result.returncode == 0, result.stderr
    with served(result.output) as base:
        yield result.output, base


@pytest.fixture(scope="module")
def big_site(big_build):
    return f"{big_build[1]}/kita/"


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


def card_files_of(output, query: str, results: slice) -> list[str]:
    """The card files holding the given results of a query, as the Python twin ranks them."""
    folder = output / "kita" / "suche"
    load = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))  # noqa: E731
    manifest = load("index.json")
    positions = [position for position, _ in BoerseSearch(manifest, load).search(query)[results]]
    return sorted({f"karten-{position // manifest['kartenProDatei']}.json" for position in positions})


def wait_until_idle(page) -> None:
    """Idle callbacks run in the order they were asked for: the page's own (loading ahead) first."""
    page.evaluate("() => new Promise((resolve) => requestIdleCallback(() => resolve()))")


def test_the_next_page_of_cards_is_loaded_ahead_under_a_query(browser, big_build):
    """Cards lie in listing order, ten per file, so a query's results spread over many files:
    after showing the first 20 the page loads the files of the next 20, and "more results" (or a
    refining keystroke) waits for none. Without a query the first page loads nothing ahead."""
    output, base = big_build
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[1]))
    page.goto(f"{base}/kita/")
    expect(page.locator(".results-heading")).to_have_text("Alle Angebote (2500)")
    wait_until_idle(page)
    assert sorted(name for name in requested if name.startswith("karten-")) == ["karten-0.json", "karten-1.json"]

    first_page = card_files_of(output, "Kindertagesstätte", slice(0, 20))
    two_pages = card_files_of(output, "Kindertagesstätte", slice(0, 40))
    assert len(two_pages) > len(first_page)
    requested.clear()
    page.get_by_label("Suchbegriff").fill("Kindertagesstätte")
    expect(page.locator(".results-heading")).to_have_text("Suchergebnisse (2500)")
    wait_until_idle(page)
    cards = [name for name in requested if name.startswith("karten-")]
    assert sorted(cards) == sorted(set(two_pages) - {"karten-0.json", "karten-1.json"})  # each once
    page.route(re.compile(r"/karten-\d+\.json$"), lambda route: route.abort())  # nothing more may be needed
    page.get_by_role("button", name="Weitere Angebote anzeigen").click()
    expect(page.locator(".search-results .offer-card")).to_have_count(40)
    expect(page.locator(".search-status")).to_have_text("2500 Angebote gefunden")
    context.close()


def test_a_card_file_that_failed_to_load_ahead_is_loaded_again_when_needed(browser, big_build):
    output, base = big_build
    ahead = sorted(
        set(card_files_of(output, "Kindertagesstätte", slice(20, 40))) - set(card_files_of(output, "Kindertagesstätte", slice(0, 20)))
    )
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    requests: list[str] = []

    def fail_first(route):
        requests.append(route.request.url)
        if len(requests) == 1:
            route.abort()
        else:
            route.continue_()

    page.route(re.compile(f"/{re.escape(ahead[0])}$"), fail_first)
    page.goto(f"{base}/kita/?q=Kindertagesst%C3%A4tte")
    expect(page.locator(".search-results .offer-card")).to_have_count(20)
    wait_until_idle(page)
    page.get_by_role("button", name="Weitere Angebote anzeigen").click()
    expect(page.locator(".search-results .offer-card")).to_have_count(40)
    expect(page.locator(".search-status")).to_have_text("2500 Angebote gefunden")
    assert len(requests) == 2  # failed ahead, loaded again for "more results"
    context.close()


def test_a_query_shows_its_first_ten_results_before_the_rest_of_the_page_arrives(browser, big_build):
    output, base = big_build
    first_ten = set(card_files_of(output, "Krippe", slice(0, 10)))
    rest = set(card_files_of(output, "Krippe", slice(10, 20))) - first_ten - {"karten-0.json", "karten-1.json"}
    assert rest
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = context.new_page()
    held, released = [], []

    def hold_the_rest(route):
        if route.request.url.rsplit("/", 1)[1] in rest and not released:
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r"/karten-\d+\.json$"), hold_the_rest)
    page.goto(f"{base}/kita/")
    expect(page.locator(".results-heading")).to_have_text("Alle Angebote (2500)")
    with page.expect_request(lambda request: request.url.rsplit("/", 1)[1] in rest):  # asked for once the page is idle
        page.get_by_label("Suchbegriff").fill("Krippe")
    cards = page.locator(".search-results .offer-card")
    expect(cards).to_have_count(10)
    expect(page.locator(".results-heading")).to_have_text("Suchergebnisse (834)")
    expect(page.get_by_role("button", name="Weitere Angebote anzeigen")).to_have_count(0)
    released.append(True)
    for route in held:
        route.continue_()
    expect(cards).to_have_count(20)
    expect(page.get_by_role("button", name="Weitere Angebote anzeigen")).to_be_visible()
    expect(page.locator(".search-status")).to_have_text("834 Angebote gefunden")
    folder = output / "kita" / "suche"
    load = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))  # noqa: E731
    expected = [load(f"karten-{p // 10}.json")[p % 10]["titel"] for p, _ in BoerseSearch(load("index.json"), load).search("Krippe")[:20]]
    assert page.locator(".search-results .offer-title").all_inner_texts() == expected
    context.close()
