"""Atom feeds, sitemap.xml, robots.txt, the 404 page, canonical links, Open Graph and descriptions."""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree as ET

import pytest
from output_world import SITEURL, build_world

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from scratch import DataFolder

    root = tmp_path_factory.mktemp("published")
    return build_world(DataFolder(root), root / "output")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    from scratch import DataFolder

    root = tmp_path_factory.mktemp("preview")
    return build_world(DataFolder(root), root / "output", published=False)


def meta(page: str, attribute: str, name: str) -> str:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
    assert found, name
    return html.unescape(found.group(1))


def test_feed_lists_current_offers_newest_change_first_with_dates_from_the_data(site):
    feed = ET.parse(site.output / "sport/feed/atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Sportwegweiser: neue und geänderte Angebote"
    assert feed.findtext(f"{ATOM}updated") == "2027-02-10T00:00:00Z"  # bestaetigt_am of the newest offer
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Bambini-Fußball"
    assert entry.findtext(f"{ATOM}updated") == "2027-02-10T00:00:00Z"
    assert entry.findtext(f"{ATOM}published") == "2027-01-04T00:00:00Z"  # gueltig_ab
    assert entry.find(f"{ATOM}link").get("href") == f"{SITEURL}/sport/bambini/"
    assert entry.findtext(f"{ATOM}summary") == "Fußball für Vier- bis Sechsjährige; mit Spiel und Spaß."
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "TSV Auenstadt 1862 e. V."
    assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
    ferien = ET.parse(site.output / "ferien/feed/atom.xml").getroot()
    ids = [entry.findtext(f"{ATOM}id") for entry in ferien.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == 3


def test_boerse_page_head_links_its_feed(site):
    page = site.page("sport/index.html")
    title = "Sportwegweiser: neue und geänderte Angebote"
    expected = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{SITEURL}/sport/feed/atom.xml">'
    assert expected in page


def test_sitemap_lists_every_page_with_dates_from_the_data(site):
    root = ET.parse(site.output / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    entries = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.findall(f"{SITEMAP}url")}
    pages = sorted(p.parent.relative_to(site.output).as_posix() for p in site.output.rglob("index.html"))
    expected = {f"{SITEURL}/" if page == "." else f"{SITEURL}/{page}/" for page in pages}
    assert set(entries) == expected
    assert {f"{SITEURL}/", f"{SITEURL}/impressum/", f"{SITEURL}/sport/bambini/", f"{SITEURL}/anbieter/tsv/"} <= set(entries)
    assert entries[f"{SITEURL}/sport/bambini/"] == "2027-02-10"
    assert entries[f"{SITEURL}/ferien/kurs/"] == "2027-01-15"
    assert entries[f"{SITEURL}/anbieter/tsv/"] == "2027-02-10"  # the newest of its offers
    assert entries[f"{SITEURL}/impressum/"] is None  # no date in the data
    assert f"{SITEURL}/404.html" not in entries
    # What the sitemaps.org schema allows: url elements with loc and an optional W3C date, nothing else.
    for url in root:
        assert url.tag == f"{SITEMAP}url"
        assert [child.tag for child in url] in ([f"{SITEMAP}loc"], [f"{SITEMAP}loc", f"{SITEMAP}lastmod"])
        assert url.findtext(f"{SITEMAP}loc").startswith(f"{SITEURL}/")
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) for day in entries.values() if day)


def test_robots_txt_names_the_sitemap(site, preview):
    assert (site.output / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {SITEURL}/sitemap.xml\n"
    # A local preview has no address to give: no sitemap, robots.txt without one.
    assert (preview.output / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    assert not (preview.output / "sitemap.xml").exists()


def test_404_page_is_in_the_sites_layout_with_links_from_the_root(site, preview):
    page = site.page("404.html")
    assert "<h1>Seite nicht gefunden</h1>" in page
    assert '<header class="site-header">' in page and '<footer class="site-footer">' in page
    assert f'<link rel="stylesheet" href="{SITEURL}/theme/css/style.css">' in page
    assert f'<a href="{SITEURL}/sport/">Sportwegweiser</a>' in page
    assert 'rel="canonical"' not in page
    # Served for a missing address at any depth: the preview's links start at "/", not "..".
    assert '<link rel="stylesheet" href="/theme/css/style.css">' in preview.page("404.html")


def test_canonical_link_and_open_graph_only_with_an_absolute_siteurl(site, preview):
    page = site.page("ferien/kurs/index.html")
    assert f'<link rel="canonical" href="{SITEURL}/ferien/kurs/">' in page
    assert meta(page, "property", "og:url") == f"{SITEURL}/ferien/kurs/"
    assert meta(page, "property", "og:title") == "Schwimmkurs für Anfänger – Ferienbörse – Börsen der Stadt Auenstadt"
    assert meta(page, "property", "og:description") == meta(page, "name", "description")
    assert meta(page, "property", "og:locale") == "de_DE"
    assert f'<link rel="canonical" href="{SITEURL}/impressum/">' in site.page("impressum/index.html")
    assert f'<link rel="canonical" href="{SITEURL}/">' in site.page("index.html")
    assert "canonical" not in preview.page("ferien/kurs/index.html")
    assert "og:" not in preview.page("ferien/kurs/index.html")


def test_category_and_organisation_pages_have_their_own_description(site):
    category = meta(site.page("ferien/kategorie/sport-und-spiel/index.html"), "name", "description")
    assert category == (
        "Ferienbörse, Kategorie „Sport und Spiel“: 3 aktuelle Angebote in Auenstadt, zum Beispiel "
        "Kanutag; mit Picknick, Schwimmkurs für Anfänger, Schwimmkurs für Anfänger."
    )
    assert meta(site.page("ferien/kategorie/natur-und-erlebnis/index.html"), "name", "description") == (
        "Ferienbörse, Kategorie „Natur und Erlebnis“: 0 aktuelle Angebote in Auenstadt."
    )
    assert meta(site.page("anbieter/tsv/index.html"), "name", "description") == "Der große Sportverein der Stadt."
