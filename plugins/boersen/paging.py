"""Listings split into pages, so a Börse of thousands of offers stays light without JavaScript.

With JavaScript the search shows and pages the results itself; without it, and for search
engines, the listing of a Börse or category is cut into pages of ``BOERSEN_PAGE_SIZE`` offers:
``/<boerse>/``, ``/<boerse>/seite/2/`` … A split listing also gets one print view with all its
offers, ``/<boerse>/drucken/``: printing page 1 would otherwise print only the first hundred.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_FOLDER = "seite"
PRINT_FOLDER = "drucken"  # the whole listing on one page, for printing (not in the sitemap)
DEFAULT_PAGE_SIZE = 100


@dataclass(frozen=True)
class Pager:
    number: int  # this page, from 1
    count: int  # pages in all
    base: str  # the listing's folder, e.g. "ferienboerse/" or "ferienboerse/kategorie/natur/"

    def path(self, number: int) -> str:
        """The page's folder relative to the site: the first page is the listing itself."""
        return self.base if number == 1 else f"{self.base}{PAGE_FOLDER}/{number}/"

    @property
    def print_path(self) -> str:
        return f"{self.base}{PRINT_FOLDER}/"

    @property
    def numbers(self) -> range:
        return range(1, self.count + 1)


def paginate(items: list, size: int, base: str) -> list[tuple[Pager, list]]:
    """(pager, the items on that page) for every page; a listing without items has one empty page."""
    size = max(1, size)
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [[]]
    return [(Pager(number, len(chunks), base), chunk) for number, chunk in enumerate(chunks, start=1)]
