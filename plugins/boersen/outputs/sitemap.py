"""``sitemap.xml`` (sitemaps.org 0.9) and ``robots.txt``.

The sitemap lists every page the build wrote (every ``index.html``, the 404 page aside), so
it also knows Pelican's own pages; ``lastmod`` comes from the data: an offer's
``bestaetigt_am`` (else ``gueltig_ab``), for a listing or an organisation the newest of its
offers. A sitemap needs absolute addresses: without an absolute SITEURL (local preview)
there is none, and robots.txt does not name one.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from ..catalog import Catalog
from ..paging import PRINT_FOLDER
from .common import Site, offer_modified, write_bytes

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_FILE = "sitemap.xml"
NOT_FOUND_PAGE = "404.html"


def page_dates(catalog: Catalog) -> dict[str, datetime.date]:
    """Page path (``ferienboerse/kurs/``) -> the newest data date behind it."""
    dates: dict[str, datetime.date] = {}

    def note(path: str, day: datetime.date | None) -> None:
        if day and (path not in dates or dates[path] < day):
            dates[path] = day

    for boerse in catalog.boersen:
        for offer in boerse.offers:
            note(offer.url, offer_modified(offer))
        for offer in catalog.current_offers(boerse):
            day = offer_modified(offer)
            note("", day)
            note(boerse.url, day)
            note(offer.organisation.url, day)
            note("anbieter/", day)
            for category in offer.categories:
                note(f"{boerse.slug}/kategorie/{category.slug}/", day)
    return dates


def pages(output: Path) -> list[str]:
    """Every page written so far, as paths relative to the site root (``""`` is the home page).

    Print views repeat their listing and are left out."""
    found = []
    for file in output.rglob("index.html"):
        if file.parent.name == PRINT_FOLDER:
            continue
        relative = file.parent.relative_to(output).as_posix()
        found.append("" if relative == "." else f"{relative}/")
    return sorted(found)


def sitemap(output: Path, catalog: Catalog, site: Site) -> bytes:
    dates = page_dates(catalog)
    ET.register_namespace("", SITEMAP)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for path in pages(output):
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = site.address(path)
        if path in dates:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = dates[path].isoformat()
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots(site: Site) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if site.absolute:
        lines.append(f"Sitemap: {site.address(SITEMAP_FILE)}")
    return ("\n".join(lines) + "\n").encode()


def write_sitemap(output: Path, catalog: Catalog, site: Site) -> None:
    """Call last: the sitemap lists the pages already in ``output``."""
    if site.absolute:
        write_bytes(output / SITEMAP_FILE, sitemap(output, catalog, site))
    write_bytes(output / "robots.txt", robots(site))
