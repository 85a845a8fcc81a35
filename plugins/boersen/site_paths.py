"""Addresses the site uses itself, which a Börse or offer folder must not take.

A Börse folder becomes ``/<folder>/`` and an offer file ``/<boerse>/<file>/``. A Börse named
like a page (``impressum``) or a folder the build writes (``theme``) would overwrite it, so
validation refuses such names: the fixed ones below, and the pages in ``content/pages/``.
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

# Folders the build writes at the top of the site, now or in planned outputs, and the
# language prefixes of translated versions.
SITE_FOLDERS = {
    "anbieter",
    "hilfe",
    "schema",
    "theme",
    "static",
    "pages",
    "suche",
    "index",
    "merkliste",
    "offene-daten",
    "programmheft",
    "kalender",
    "feed",
    "sitemap",
    "robots",
    "favicon",
    "manifest",
    "404",
    "well-known",
    "en",
    "tr",
    "ar",
    "uk",
}
# The demo's pages; a town's own pages are read from content/pages/.
SITE_PAGES = {"impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "mitmachen", "angebot-eintragen", "kontakt"}
RESERVED_BOERSE_NAMES = SITE_FOLDERS | SITE_PAGES
# Folders inside a Börse: categories, search files, calendars, feeds, open data, pages of the listing
# and its print view.
RESERVED_OFFER_NAMES = {"kategorie", "index", "schema", "suche", "kalender", "feed", "daten", "seite", "drucken", "programmheft"}


def content_pages(content_dir: Path) -> dict[str, str]:
    """Slug -> title of the pages in ``content_dir/pages``, read as Pelican reads their metadata."""
    pages = {}
    folder = content_dir / "pages"
    if not folder.is_dir():
        return pages
    for file in sorted(folder.glob("*.md")):
        if file.is_symlink() or not file.is_file():
            continue
        metadata = {}
        for line in file.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            metadata[key.strip().lower()] = value.strip()
        title = metadata.get("title", file.stem)
        pages[metadata.get("slug") or slugify(title, DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])] = title
    return pages


def free_name(base: str, taken) -> str:
    """``base``, or ``base-2``, ``base-3`` … : the first that is not in ``taken``."""
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name
