"""The theme in Chromium: reflow at 320 px and text spacing, focus ring contrast, tap targets,
dark mode, forced colours and print."""

from __future__ import annotations

import re

import pytest
from axe_check import violations
from playwright.sync_api import Page, expect

from sitebuild import build_site

# WCAG 1.4.12: the text must still fit with these overrides.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
SCROLLS_SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


def every_page(site) -> list[str]:
    paths = sorted(str(p.parent.relative_to(site.output)) for p in site.output.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in paths]


def test_no_page_scrolls_sideways_at_320_px_even_with_wcag_text_spacing(browser, site):
    pages = every_page(site)
    assert len(pages) > 150
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    sideways, with_spacing = [], []
    for path in pages:
        page.goto(site.url(path))
        if page.evaluate(SCROLLS_SIDEWAYS):
            sideways.append(path)
        page.add_style_tag(content=TEXT_SPACING)
        assert page.evaluate("() => getComputedStyle(document.body).wordSpacing") != "0px"  # the overrides apply
        if page.evaluate(SCROLLS_SIDEWAYS):
            with_spacing.append(path)
    context.close()
    assert sideways == []
    assert with_spacing == []


def test_the_check_sees_a_page_that_scrolls_sideways(browser, site):
    """The measurement itself: a word longer than the screen that may not break is caught."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, bypass_csp=True)
    page = context.new_page()
    page.goto(site.url("impressum/"))
    assert not page.evaluate(SCROLLS_SIDEWAYS)
    page.add_style_tag(content="main h1 { overflow-wrap: normal !important; hyphens: none !important; }")
    page.evaluate("() => { document.querySelector('main h1').textContent = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen'; }")
    assert page.evaluate(SCROLLS_SIDEWAYS)
    context.close()


def test_german_hyphenation_is_on_for_german_pages(page: Page, site):
    page.goto(site.url("familienkompass/"))
    assert page.evaluate("() => document.documentElement.lang") == "de"
    assert page.evaluate("() => getComputedStyle(document.querySelector('main p')).hyphens") == "auto"
    page.goto(site.url("anbieter/stadtbuecherei-auenstadt/"))
    assert page.evaluate("() => getComputedStyle(document.querySelector('a[href^=\"mailto:\"]')).overflowWrap") == "anywhere"


# --- Focus ring --------------------------------------------------------------------------------

FOCUS_PROBE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let node = el.parentElement, background = null;
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) { background = bg; break; }
    node = node.parentElement;
  }
  return {
    tag: el.tagName, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
    outline: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
    background: background || 'rgb(255, 255, 255)',
  };
}"""


def rgb(value: str) -> tuple[float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)[:3]]
    return numbers[0], numbers[1], numbers[2]


def luminance(value: str) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_wcag():
    assert round(contrast("rgb(249, 176, 0)", "rgb(255, 255, 255)"), 2) == 1.87  # the old ring on white
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0


def focus_stops(page: Page, limit: int = 120) -> list[dict]:
    """Tabs through the page as a keyboard user does and notes the ring of every stop."""
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_PROBE)
        if stop is None:
            continue
        key = page.evaluate("() => { const e = document.activeElement; return e.outerHTML.slice(0, 200) + e.getBoundingClientRect().top; }")
        if key in seen:
            break
        seen.add(key)
        stops.append(stop)
    return stops


FOCUS_PAGES = ["", "ferienboerse/", "ferienboerse/kategorie/natur-und-erlebnis/", "ferienboerse/band-camp/"]
FOCUS_PAGES += ["anbieter/stadtbuecherei-auenstadt/", "impressum/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_ring_has_3_to_1_against_the_background_it_sits_on(browser, site, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", color_scheme=scheme)
    page = context.new_page()
    weak = []
    count = 0
    for path in FOCUS_PAGES:
        page.goto(site.url(path))
        if path == "ferienboerse/":
            expect(page.locator(".search-status")).to_have_text(re.compile("Angebote"))
            page.locator("details.facet-panel > summary").click()
        for stop in focus_stops(page):
            count += 1
            ratio = contrast(stop["outline"], stop["background"])
            if stop["style"] == "none" or stop["width"] < 2 or ratio < 3:
                weak.append((path, stop["tag"], stop["text"], stop["outline"], stop["background"], round(ratio, 2)))
    context.close()
    assert count > 100
    assert weak == []


def test_focus_ring_is_seen_in_the_header_and_on_the_page_in_its_own_colours(page: Page, site):
    page.goto(site.url(""))
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name, in the dark header
    header = page.evaluate(FOCUS_PROBE)
    assert header["tag"] == "A" and "Börsen" in header["text"]
    assert contrast(header["outline"], header["background"]) >= 3
    assert header["background"] == "rgb(7, 55, 99)"
    page.locator("main a").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    body = page.evaluate(FOCUS_PROBE)
    assert body["background"] == "rgb(255, 255, 255)"
    assert contrast(body["outline"], body["background"]) >= 3
    assert header["outline"] != body["outline"]


# --- Tap targets -------------------------------------------------------------------------------

TARGET_PAGES = ["", "ferienboerse/", "ferienboerse/band-camp/", "anbieter/", "anbieter/stadtbuecherei-auenstadt/"]
TARGET_PAGES += ["familienkompass/hebammensprechstunde/"]
TARGETS = (
    ".main-nav a, .site-name, .site-footer a, .breadcrumbs a, .category-nav a, ul.plain a, .organisation-list a,"
    " .offer-title a, .boerse-card h2 a, .offer-meta a, .pager a, .downloads a, button, input, select, summary"
)


def test_links_and_controls_in_lists_and_forms_are_at_least_24_px(page: Page, site):
    small = []
    measured = 0
    for path in TARGET_PAGES:
        page.goto(site.url(path))
        if path == "ferienboerse/":
            expect(page.locator(".search-status")).to_have_text(re.compile("Angebote"))
            page.locator("details.facet-panel > summary").click()
        boxes = page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)]
                 .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
                 .map(e => {
                   const r = e.getBoundingClientRect();
                   return [e.tagName + ' ' + (e.textContent || e.name || e.type).trim().slice(0, 30), r.width, r.height];
                 })""",
            TARGETS,
        )
        measured += len(boxes)
        small += [(path, name, round(w, 1), round(h, 1)) for name, w, h in boxes if w < 24 or h < 24]
    assert measured > 150
    assert small == []


# --- Dark mode and forced colours -------------------------------------------------------------

DARK_PAGES = [
    "",
    "ferienboerse/",
    "ferienboerse/?q=wald&alter=8",
    "ferienboerse/kategorie/natur-und-erlebnis/",
    "ferienboerse/band-camp/",
    "familienkompass/hebammensprechstunde/",
    "kita-boerse/",
    "anbieter/",
    "anbieter/stadtbuecherei-auenstadt/",
    "hilfe/",
    "impressum/",
]


@pytest.fixture
def dark_page(browser):
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="de-DE", color_scheme="dark", bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", DARK_PAGES)
def test_dark_mode_has_no_wcag_violations(dark_page: Page, site, path):
    dark_page.goto(site.url(path))
    assert dark_page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(21, 24, 28)"
    if "?" in path:
        expect(dark_page.locator(".search-status")).to_have_text(re.compile("gefunden"))
    if path == "ferienboerse/":
        expect(dark_page.locator(".search-status")).to_have_text(re.compile("Angebote"))
        dark_page.locator("details.facet-panel > summary").click()
    assert violations(dark_page) == []


def test_forced_colours_keep_focus_rings_and_borders(browser, site):
    context = browser.new_context(locale="de-DE", forced_colors="active")
    page = context.new_page()
    page.goto(site.url("ferienboerse/"))
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    expect(page.locator(".search-status")).to_have_text(re.compile("Angebote"))
    page.locator(".offer-title a").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate(FOCUS_PROBE)
    assert ring["style"] == "solid" and ring["width"] >= 3
    assert page.evaluate("() => getComputedStyle(document.querySelector('.offer-card')).borderTopStyle") == "solid"
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.category-nav a')).borderTopWidth)") >= 1
    context.close()


# --- Print -------------------------------------------------------------------------------------


def visible_count(page: Page, selector: str) -> int:
    return page.evaluate("(s) => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length > 0).length", selector)


@pytest.mark.parametrize("path", ["ferienboerse/?q=wald", "ferienboerse/kategorie/natur-und-erlebnis/"])
def test_printing_a_listing_prints_every_current_offer_without_search_filters_and_buttons(page: Page, site, path):
    page.goto(site.url(path))
    if "?" in path:
        expect(page.locator(".search-status")).to_have_text(re.compile("gefunden"))
        expect(page.locator(".static-offers")).to_be_hidden()  # the screen shows only the results
    listed = int(re.search(r"(\d+) aktuelle Angebote", page.locator("main").text_content()).group(1))
    page.emulate_media(media="print")
    for hidden in [".search", ".search-form", ".facet-panel", "button", ".category-nav", ".site-header nav", ".contribute", ".downloads"]:
        assert visible_count(page, hidden) == 0, hidden
    assert listed > 1
    assert visible_count(page, ".offer-card") == listed  # the full list, not the search results
    assert page.evaluate("() => getComputedStyle(document.querySelector('.offer-card')).breakInside") == "avoid"


AFTER = "(e) => getComputedStyle(e, '::after').content"
PAGES_IN = rb"/Type\s*/Page(?!s)"


def test_printed_offer_shows_link_addresses_and_fits_one_page(page: Page, site):
    page.goto(site.url("ferienboerse/band-camp/"))
    page.emulate_media(media="print")
    button = page.locator("a.button", has_text="Zur Anmeldung")
    assert button.get_attribute("href") == "https://www.leuchtturm-auenstadt.example/bandcamp"
    shown = page.evaluate(AFTER, button.element_handle())
    assert shown in {'" (" attr(href) ")"', '" (https://www.leuchtturm-auenstadt.example/bandcamp)"'}
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(PAGES_IN, pdf)) == 1
    page.emulate_media(media="screen")
    assert page.evaluate(AFTER, button.element_handle()) == "none"


def test_printed_website_link_shows_its_address_and_a_long_listing_takes_several_pages(page: Page, site):
    page.goto(site.url("ferienboerse/sternschnuppen-nacht/"))
    website = page.locator(".contact a[href^='http']")
    assert website.inner_text() == "Webseite von www.sternwarte-auenstadt.example"
    assert website.get_attribute("rel") == "noopener noreferrer"
    page.emulate_media(media="print")
    assert page.evaluate(AFTER, website.element_handle()) in {'" (" attr(href) ")"', '" (https://www.sternwarte-auenstadt.example)"'}
    assert len(re.findall(PAGES_IN, page.pdf(format="A4"))) == 1
    # The count of pages is real: the whole Börse prints on several.
    page.goto(site.url("ferienboerse/"))
    page.emulate_media(media="print")
    assert len(re.findall(PAGES_IN, page.pdf(format="A4"))) > 1


def test_page_links_of_a_split_listing_are_large_and_not_printed(browser, tmp_path):
    result = build_site(tmp_path / "output", today="2027-01-10", settings={"BOERSEN_PAGE_SIZE": 3})
    assert result.returncode == 0, result.stdout
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="de-DE")
    page = context.new_page()
    page.goto((result.output / "ferienboerse" / "index.html").as_uri())
    links = page.locator(".pager a")
    assert links.count() >= 3
    for box in [links.nth(i).bounding_box() for i in range(links.count())]:
        assert box["width"] >= 24 and box["height"] >= 24
    assert not page.evaluate(SCROLLS_SIDEWAYS)
    page.emulate_media(media="print")
    expect(page.locator(".pager")).to_be_hidden()
    context.close()
