"""Typed, English-named objects built from validated data files.

Data files use German keys because volunteers write them; from here on the code speaks
English. Every constructor here receives data that already passed the schema check.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from .images.picture import Picture
from .schema import WEEKDAYS

WEEKDAY_NUMBERS = {name: number for number, name in enumerate(WEEKDAYS)}  # montag: 0 … sonntag: 6


def parse_time(text: str | None) -> datetime.time | None:
    if text is None:
        return None
    hours, minutes = text.split(":")
    return datetime.time(int(hours), int(minutes))


@dataclass(frozen=True)
class Category:
    slug: str
    label: str


@dataclass
class Location:
    name: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    district: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @classmethod
    def from_data(cls, data: dict | None) -> Location | None:
        if not data:
            return None
        return cls(
            data.get("bezeichnung"),
            data.get("strasse"),
            data.get("plz"),
            data.get("stadt"),
            data.get("stadtteil"),
            data.get("breite"),
            data.get("laenge"),
        )


@dataclass
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None

    @classmethod
    def from_data(cls, data: dict | None) -> Contact | None:
        if not data:
            return None
        return cls(data.get("name"), data.get("telefon"), data.get("email"), data.get("webseite"))


@dataclass(frozen=True)
class AgeRange:
    minimum: int
    maximum: int

    @classmethod
    def from_data(cls, data: dict | None) -> AgeRange | None:
        return cls(data["von"], data["bis"]) if data else None

    def contains(self, age: int) -> bool:
        return self.minimum <= age <= self.maximum


@dataclass(frozen=True)
class Appointment:
    """One date of a holiday offer: a day, or several days in a row, with optional times."""

    start_date: datetime.date
    end_date: datetime.date
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None

    @classmethod
    def from_data(cls, data: dict, shift: datetime.timedelta) -> Appointment:
        start = datetime.date.fromisoformat(data["datum"]) + shift
        end = datetime.date.fromisoformat(data["enddatum"]) + shift if "enddatum" in data else start
        return cls(start, end, parse_time(data.get("beginn")), parse_time(data.get("ende")))


@dataclass(frozen=True)
class WeeklySlot:
    weekday: int  # 0 = Monday
    start: datetime.time
    end: datetime.time
    venue: str | None = None

    @classmethod
    def from_data(cls, data: dict) -> WeeklySlot:
        return cls(WEEKDAY_NUMBERS[data["wochentag"]], parse_time(data["beginn"]), parse_time(data["ende"]), data.get("ort"))


@dataclass
class Registration:
    required: bool
    note: str | None = None
    link: str | None = None
    phone: str | None = None
    email: str | None = None
    deadline: datetime.date | None = None
    cancellation_deadline: datetime.date | None = None


@dataclass
class FreePlaces:
    """A daycare centre's announcement: "from 1 September, 2 places in the crèche"."""

    available_from: datetime.date
    count: int
    care_type: str
    announced_on: datetime.date


@dataclass
class Organisation:
    slug: str
    source: str
    name: str
    kind: str | None
    description: str | None
    location: Location | None
    contact: Contact | None
    offers: list[Offer] = field(default_factory=list)
    picture: Picture | None = None  # the logo

    @property
    def url(self) -> str:
        return f"anbieter/{self.slug}/"


@dataclass
class ExtraField:
    name: str
    kind: str
    label: str
    help: str | None
    required: bool
    facet: bool
    values: list[str] | None
    on_card: bool = False  # shown under the title in listings and search results

    def shown(self, value) -> str:
        """The value as a listing shows it: ja/nein, a list joined, numbers and text as they are."""
        if isinstance(value, bool):
            return "ja" if value else "nein"
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return str(value)


@dataclass
class Boerse:
    slug: str
    source: str
    title: str
    kind: str
    intro: str | None
    summary: str | None
    categories: list[Category]
    facets: list[str]
    sort_by: str
    extra_fields: list[ExtraField]
    schema: dict[str, Any]
    order: int = 100
    offers: list[Offer] = field(default_factory=list)  # all valid offers, past ones included

    @property
    def url(self) -> str:
        return f"{self.slug}/"

    def category(self, slug: str) -> Category:
        return next(category for category in self.categories if category.slug == slug)


@dataclass(frozen=True)
class OfferText:
    """The texts of an offer in one language: a translation, the Leichte-Sprache version or the
    German original. A field is None where that version does not have it."""

    title: str | None = None
    summary: str | None = None
    description: str | None = None  # Markdown source, rendered by richtext.py like Offer.description

    @classmethod
    def from_data(cls, data: dict | None) -> OfferText | None:
        if not data:
            return None
        return cls(data.get("titel"), data.get("kurzbeschreibung"), data.get("beschreibung"))


TEXT_FIELDS = ("title", "summary", "description")


@dataclass
class Offer:
    """One offer of any type. Type-specific details live in the typed fields below."""

    boerse: Boerse
    slug: str
    source: str
    title: str
    summary: str
    description: str | None
    organisation: Organisation
    categories: list[Category]
    tags: list[str]
    location: Location | None
    contact: Contact | None
    barrier_free: bool | None
    accessibility_note: str | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    confirmed_on: datetime.date | None
    ages: AgeRange | None
    details: dict[str, Any]  # the type-specific German fields, typed (see build_details)
    extra: dict[str, Any]  # values of the Börse's own extra fields
    picture: Picture | None = None
    translations: dict[str, OfferText] = field(default_factory=dict)  # language code (en, tr, ar, uk) -> texts
    easy_language: OfferText | None = None  # the Leichte-Sprache version (German)

    @property
    def german(self) -> OfferText:
        return OfferText(self.title, self.summary, self.description)

    def text(self, lang: str) -> OfferText:
        """The texts to show in ``lang``: each translated field, else the German one (None where German is None)."""
        translation = self.translations.get(lang)
        if translation is None:
            return self.german
        german = self.german
        return OfferText(*(getattr(translation, name) or getattr(german, name) for name in TEXT_FIELDS))

    def translated(self, lang: str, field_name: str) -> bool:
        """Whether ``field_name`` (title, summary, description) has its own text in ``lang``; German always has."""
        if lang == "de":
            return True
        translation = self.translations.get(lang)
        return translation is not None and getattr(translation, field_name) is not None

    @property
    def url(self) -> str:
        return f"{self.boerse.slug}/{self.slug}/"

    @property
    def dates(self) -> list[Appointment]:
        return self.details.get("termine", [])

    @property
    def first_date(self) -> datetime.date | None:
        return min((a.start_date for a in self.dates), default=None)

    @property
    def last_date(self) -> datetime.date | None:
        return max((a.end_date for a in self.dates), default=None)

    @property
    def cost(self) -> float | None:
        """The price field of whatever type this is (fee, membership fee, costs)."""
        for key in ("gebuehr", "beitrag", "kosten"):
            if key in self.details:
                return self.details[key]
        return None

    @property
    def free_of_charge(self) -> bool:
        return self.cost == 0

    def is_current(self, today: datetime.date) -> bool:
        """Still to be listed: not expired, not before its start, dates not all past."""
        if self.valid_until and self.valid_until < today:
            return False
        if self.valid_from and self.valid_from > today:
            return False
        return not (self.dates and self.last_date < today)

    def is_stale(self, today: datetime.date) -> bool:
        """Last confirmed more than twelve months ago."""
        return self.confirmed_on is not None and self.confirmed_on < one_year_before(today)


def one_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
