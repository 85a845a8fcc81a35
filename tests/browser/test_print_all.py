"""Printing a listing split into pages prints every offer of it (print-all.js, listing_print.html)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from axe_check import violations
from playwright.sync_api import expect
from served import TODAY, served
from test_html_validity import nu_errors

from sitebuild import build_site

# window.print() opens no dialog in headless Chromium; a console message shows it was asked for
# (waiting on the console works under the page's Content-Security-Policy, which forbids eval).
PRINT_SIGNAL = "window.print() called"
REPORT_PRINTS = f"window.print = function () {{ console.log({PRINT_SIGNAL!r}); }};"
# Titles of the offer cards that take room on paper (under emulated print media).
PRINTED_CARDS = """Array.from(document.querySelectorAll('.offer-card'))
  .filter(card => card.getClientRects().length > 0)
  .map(card => card.querySelector('.offer-title a').innerText)"""


@pytest.fixture(scope="module")
def split_site(tmp_path_factory):
    """The demo with three offers per listing page, served over HTTP (the script fetches)."""
    result = build_site(tmp_path_factory.mktemp("split") / "output", today=TODAY, settings={"BOERSEN_PAGE_SIZE": 3})
    assert result.returncode == 0, result.stdout
    with served(result.output) as base:
        yield result, base


def pdf_words(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/run does)")
    file = tmp_path / "print.pdf"
    file.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(file), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def titles_of(page, url: str) -> list[str]:
    page.goto(url)
    return page.locator(".print-all .offer-title a").all_inner_texts()


def test_the_print_view_lists_every_current_offer_of_the_boerse(browser, split_site, tmp_path):
    result, base = split_site
    page = browser.new_page()
    titles = titles_of(page, f"{base}/ferienboerse/drucken/")
    heading = page.locator("main h1").inner_text()
    listed = re.search(r"(\d+) aktuelle Angebote", result.page("ferienboerse/index.html")).group(1)
    assert len(titles) == int(listed) > 3
    assert heading == "Ferienbörse"
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    expect(page.locator(".print-now")).to_be_visible()
    page.emulate_media(media="print")
    text = pdf_words(page.pdf(format="A4"), tmp_path)
    for title in titles:
        assert text.count(" ".join(title.split())) >= 1, title
    assert "Jetzt drucken" not in text
    page.close()


@pytest.mark.parametrize("how", ["Control+p", "Meta+p", "link"])
def test_printing_page_one_prints_every_offer_of_the_listing(browser, split_site, tmp_path, how):
    _, base = split_site
    page = browser.new_page()
    titles = titles_of(page, f"{base}/ferienboerse/drucken/")
    page.add_init_script(REPORT_PRINTS)
    page.goto(f"{base}/ferienboerse/")
    assert page.locator(".static-offers .offer-card").count() == 3
    with page.expect_console_message(lambda message: message.text == PRINT_SIGNAL):
        if how == "link":
            page.get_by_role("link", name=f"Alle {len(titles)} Angebote auf einer Seite drucken").click()
        else:
            page.keyboard.press(how)
    assert page.url == f"{base}/ferienboerse/"  # stays on the page
    first = page.locator(".print-all-offers .offer-title a").first
    assert first.get_attribute("href").startswith("/ferienboerse/")
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED_CARDS)
    assert printed == titles  # all of them, in order, none twice
    text = pdf_words(page.pdf(format="A4"), tmp_path)
    for title in titles:
        assert " ".join(title.split()) in text, title
    assert "Dieser Ausdruck enthält Seite" not in text
    page.emulate_media(media="screen")
    expect(page.locator(".print-all-offers")).to_be_hidden()
    page.close()


def test_without_javascript_the_printout_names_the_print_view_and_the_link_opens_it(browser, split_site, tmp_path):
    _, base = split_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/ferienboerse/kategorie/natur-und-erlebnis/")
    pages = page.locator(".pager li a[aria-current=page]")
    assert pages.inner_text() == "1"
    count = re.search(r"(\d+) aktuelle Angebote", page.locator(".lead").inner_text()).group(1)
    page.emulate_media(media="print")
    text = pdf_words(page.pdf(format="A4"), tmp_path)
    assert f"Alle {count} Angebote auf einer Seite zum Drucken: /ferienboerse/kategorie/natur-und-erlebnis/drucken/" in text
    page.emulate_media(media="screen")
    page.get_by_role("link", name=f"Alle {count} Angebote auf einer Seite drucken").click()
    assert page.url == f"{base}/ferienboerse/kategorie/natur-und-erlebnis/drucken/"
    assert page.locator(".print-all .offer-card").count() == int(count)
    expect(page.locator(".print-now")).to_be_hidden()  # a button only where a script can print
    context.close()


def test_the_print_view_and_the_link_have_no_wcag_violations(browser, split_site):
    _, base = split_site
    context = browser.new_context(bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    for path in ("ferienboerse/drucken/", "ferienboerse/kategorie/natur-und-erlebnis/"):
        page.goto(f"{base}/{path}")
        assert violations(page) == [], path
    context.close()


def test_a_split_listing_and_its_print_views_are_valid_html(split_site):
    result, _ = split_site
    folder = result.output / "ferienboerse"
    pages = [folder / "index.html", folder / "seite" / "2" / "index.html", folder / "drucken" / "index.html"]
    pages.append(folder / "kategorie" / "natur-und-erlebnis" / "drucken" / "index.html")
    assert all(page.is_file() for page in pages)
    assert nu_errors(*pages) == []


def test_printing_from_the_browser_menu_prints_every_offer_too(browser, split_site, tmp_path):
    _, base = split_site
    page = browser.new_page()
    titles = titles_of(page, f"{base}/ferienboerse/drucken/")
    page.goto(f"{base}/ferienboerse/seite/2/")
    expect(page.locator(".print-all-offers")).to_have_count(0)
    # Chromium's printing (here to PDF) fires "beforeprint" as the menu's "Drucken" does.
    text = pdf_words(page.pdf(format="A4"), tmp_path)
    for title in titles:
        assert " ".join(title.split()) in text, title
    assert "Dieser Ausdruck enthält Seite" not in text
    page.emulate_media(media="print")
    assert page.evaluate(PRINTED_CARDS) == titles
    page.close()
