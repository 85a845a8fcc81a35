"""What every output needs to know of the site, and the one "modified" date of an offer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pelican.utils import slugify

from ..model import Offer

DEFAULT_LICENCE = "dl-de/by-2-0"


@dataclass(frozen=True)
class Site:
    name: str  # SITENAME
    town: str  # TOWN
    url: str  # SITEURL as configured: absolute ("https://…"), root-relative ("/sub") or empty
    licence: str = DEFAULT_LICENCE

    @classmethod
    def from_settings(cls, settings: dict) -> Site:
        return cls(
            settings.get("SITENAME", ""),
            settings.get("TOWN", ""),
            (settings.get("SITEURL") or "").rstrip("/"),
            settings.get("BOERSEN_OPEN_DATA_LICENCE") or DEFAULT_LICENCE,
        )

    @property
    def absolute(self) -> bool:
        return is_absolute(self.url)

    def address(self, path: str) -> str:
        """``path`` (relative to the site root, e.g. ``ferienboerse/kurs/``) under SITEURL."""
        return f"{self.url}/{path.lstrip('/')}"

    @property
    def domain(self) -> str:
        """A name for calendar UIDs: the site's host, or one made from the town's name."""
        if self.absolute:
            return urlsplit(self.url).hostname or "boersen"
        return f"{slugify(self.town or self.name or 'boersen')}.boersen"


def is_absolute(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def offer_modified(offer: Offer) -> datetime.date | None:
    """The day an offer last changed, as far as its data says: confirmed on, else valid from."""
    return offer.confirmed_on or offer.valid_from


def write_bytes(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
