"""The Merkliste: mark offers, see them after a reload, share the list as a link, download it as .ics, print it."""

from __future__ import annotations

from pathlib import Path

import icalendar
from axe_check import violations
from playwright.sync_api import Page, expect

OFFER = "ferienboerse/seepferdchen-ferienkurs/"
TITLE = "Seepferdchen-Ferienkurs im Auenbad"


def mark(page: Page, site, path: str) -> None:
    page.goto(site.url(path))
    button = page.get_by_role("button", name="Merken")
    button.click()
    expect(page.get_by_role("button", name="Gemerkt")).to_have_attribute("aria-pressed", "true")


def test_marked_offers_stay_on_the_list_after_a_reload(page: Page, site):
    mark(page, site, OFFER)
    expect(page.get_by_role("status").filter(has_text="Auf die Merkliste gesetzt.")).to_have_count(1)
    page.goto(site.url("merkliste/"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.reload()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_text("Mo, 2. August – Fr, 6. August 2027")).to_be_visible()
    page.get_by_role("button", name=f"„{TITLE}“ von der Merkliste entfernen").click()
    expect(page.get_by_text("Ihre Merkliste ist leer.")).to_be_visible()
    page.goto(site.url(OFFER))
    expect(page.get_by_role("button", name="Merken")).to_have_attribute("aria-pressed", "false")


def test_a_shared_link_shows_the_list_in_another_browser(browser, page: Page, site):
    mark(page, site, OFFER)
    mark(page, site, "sportwegweiser/judo-fuer-kinder/")
    page.goto(site.url("merkliste/"))
    link = page.get_by_label("Link zum Teilen (die Angebote stehen in der Adresse)").input_value()
    assert link.endswith("?angebote=ferienboerse/seepferdchen-ferienkurs,sportwegweiser/judo-fuer-kinder")
    other = browser.new_context(locale="de-DE", bypass_csp=True)  # another person: an empty localStorage
    them = other.new_page()
    them.goto(link)
    expect(them.get_by_role("link", name=TITLE)).to_be_visible()
    expect(them.get_by_role("link", name="Judo für Kinder")).to_be_visible()
    them.get_by_role("button", name="Diese Merkliste übernehmen").click()
    them.goto(site.url("merkliste/"))
    expect(them.locator(".merkliste .offer-card")).to_have_count(2)
    other.close()


def test_the_list_downloads_as_one_calendar_and_prints_without_buttons(page: Page, site):
    mark(page, site, OFFER)
    page.goto(site.url("merkliste/"))
    with page.expect_download() as download:
        page.get_by_role("button", name="In den Kalender (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events and all(str(event["SUMMARY"]) == TITLE for event in events)
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_role("button", name="Drucken")).to_be_hidden()


def test_offers_that_are_over_show_as_such(page: Page, site):
    page.goto(site.url("merkliste/"))
    record = (
        '[{"id": "ferienboerse/alt", "titel": "Altes Angebot", "url": "ferienboerse/alt/", "termin": "", "ics": "", "bis": "2020-01-01"}]'
    )
    page.evaluate(f"window.localStorage.setItem('boersen-merkliste', {record!r})")
    page.reload()
    expect(page.locator(".offer-card", has_text="Altes Angebot")).to_contain_text("Dieses Angebot ist nicht mehr aktuell.")


def test_no_wcag_violations_on_the_merkliste(page: Page, site):
    mark(page, site, OFFER)
    page.goto(site.url("merkliste/"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert violations(page) == []
