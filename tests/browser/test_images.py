"""Images in Chromium: the right variant for a phone, thumbnails in search results, no layout shift."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from test_layout_shift import OBSERVER

LOADED = "image => image.complete && image.naturalWidth > 0"


def test_a_phone_loads_the_webp_that_fits(page: Page, site):
    # 412 CSS pixels at device pixel ratio 1: the picture is 380 px wide, so the 640 px WebP is enough.
    loaded = []
    page.on("response", lambda response: loaded.append(response.url) if "/bild-" in response.url else None)
    page.goto(site.url("ferienboerse/seepferdchen-ferienkurs/"))
    image = page.locator(".offer-figure img")
    page.wait_for_function(LOADED, arg=image.element_handle())
    assert [url.rsplit("/", 2)[-2:] for url in loaded] == [["seepferdchen-ferienkurs", "bild-640.webp"]]
    assert image.evaluate("image => [image.currentSrc.split('/').pop(), Math.round(image.getBoundingClientRect().width)]") == [
        "bild-640.webp",
        380,
    ]


def test_search_results_show_a_thumbnail_with_its_size(page: Page, site):
    page.goto(site.url("ferienboerse/"))
    page.get_by_label("Suchbegriff").fill("Seepferdchen")
    expect(page.locator(".search-status")).to_have_text(re.compile("gefunden"))
    card = page.locator(".search-results .offer-card", has_text="Seepferdchen-Ferienkurs im Auenbad")
    thumbnail = card.locator("img.card-picture")
    expect(thumbnail).to_have_attribute("alt", "Zeichnung eines blauen Sees mit Wellen unter einer gelben Sonne.")
    assert (thumbnail.get_attribute("width"), thumbnail.get_attribute("height")) == ("320", "213")
    thumbnail.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=thumbnail.element_handle())
    assert thumbnail.evaluate("image => image.currentSrc.split('/').slice(-2)") == ["seepferdchen-ferienkurs", "bild-320.webp"]


FIRST_PAINT = "performance.getEntriesByType('paint').some(entry => entry.name === 'first-contentful-paint')"


@pytest.mark.parametrize("path", ["ferienboerse/seepferdchen-ferienkurs/", "anbieter/pfadfinder-falkenhorst/", "ferienboerse/?q=Zeltlager"])
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (412, 915)], ids=["desktop", "phone"])
def test_images_do_not_shift_the_layout(browser, site, path, width, height):
    """The images arrive only after the text was painted (held back until the first paint, as on a slow
    connection): their place must be kept by width and height, or the text below them jumps."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    held, painted = [], []

    def image_request(route):
        if painted:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"/(bild|logo)-\d+\.(webp|jpg|png)$"), image_request)
    page.add_init_script(OBSERVER)
    page.goto(site.url(path), wait_until="domcontentloaded")
    page.wait_for_function(FIRST_PAINT)
    if "?q=" in path:  # the search shows its results, with thumbnails, in place of the list
        expect(page.locator("section.search")).to_have_attribute("data-render-count", "1", timeout=60_000)
    painted.append(True)
    for route in held:
        route.continue_()
    images = page.locator("img:visible")
    assert images.count() >= 1
    for index in range(images.count()):  # scrolling is no input that excuses a shift; it brings lazy images in
        images.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(LOADED, arg=images.nth(index).element_handle(), timeout=60_000)
    assert page.evaluate("window.__layoutShift") < 0.05
    context.close()


def test_print_shows_the_image_small(page: Page, site):
    page.goto(site.url("ferienboerse/seepferdchen-ferienkurs/"))
    image = page.locator(".offer-figure img")
    screen = image.evaluate("image => image.getBoundingClientRect().width")
    page.emulate_media(media="print")
    printed = image.evaluate("image => [image.getBoundingClientRect().width, image.getBoundingClientRect().height]")
    assert screen > 300
    assert printed == [pytest.approx(6 / 2.54 * 96, abs=1), pytest.approx(6 / 2.54 * 96 * 683 / 1024, abs=1)]  # 6 cm, in proportion
