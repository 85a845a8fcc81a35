"""Facets: the filters a Börse offers, and each offer's values for them.

Like Datasette's facet classes, each kind of facet is a small class. A Börse's
``filter`` list in _boerse.yaml names the facets; ``facets_for`` turns it into objects.
The browser receives, per facet, its options and one compact column of values per offer
(see ``FacetTable``), and counts and filters there without a server.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .. import schema as schemas
from ..model import Boerse, ExtraField, Offer

EPOCH = datetime.date(2000, 1, 1)  # dates travel as day numbers since this day


def day_number(day: datetime.date) -> int:
    return (day - EPOCH).days


@dataclass
class Facet:
    """A filter with fixed options; an offer may have several of them (OR within a facet)."""

    name: str
    label: str
    kind: ClassVar[str] = "choice"

    def options(self, offers: list[Offer]) -> list[tuple[str, str]]:
        """(value, label) pairs in display order."""
        raise NotImplementedError

    def values(self, offer: Offer) -> list[str]:
        raise NotImplementedError

    def column(self, offers: list[Offer]) -> dict[str, Any]:
        """What the browser needs: options, and per offer the indices of its options."""
        options = self.options(offers)
        position = {value: index for index, (value, _) in enumerate(options)}
        return {
            "name": self.name,
            "label": self.label,
            "kind": self.kind,
            "options": [label for _, label in options],
            "keys": [value for value, _ in options],
            "values": [sorted(position[v] for v in set(self.values(offer)) if v in position) for offer in offers],
        }


@dataclass
class FixedChoiceFacet(Facet):
    """Options from a list known in advance (categories, an enum of the schema)."""

    labels: dict[str, str] = field(default_factory=dict)
    getter: Any = None

    def options(self, offers):
        return list(self.labels.items())

    def values(self, offer):
        return self.getter(offer)


@dataclass
class OpenChoiceFacet(Facet):
    """Options collected from the offers themselves (districts, sports, languages)."""

    getter: Any = None

    def options(self, offers):
        found = {value for offer in offers for value in self.getter(offer)}
        return [(value, value) for value in sorted(found, key=str.casefold)]

    def values(self, offer):
        return self.getter(offer)


@dataclass
class FlagFacet(Facet):
    """A yes/no filter such as "kostenlos": the browser gets one 0/1 per offer."""

    kind: ClassVar[str] = "flag"
    test: Any = None

    def column(self, offers):
        return {"name": self.name, "label": self.label, "kind": self.kind, "values": [1 if self.test(offer) else 0 for offer in offers]}


@dataclass
class AgeFacet(Facet):
    """ "Mein Kind ist 7": offers whose age range contains the age; [min, max] per offer."""

    kind: ClassVar[str] = "age"

    def column(self, offers):
        values = [[offer.ages.minimum, offer.ages.maximum] if offer.ages else None for offer in offers]
        return {"name": self.name, "label": self.label, "kind": self.kind, "values": values}


@dataclass
class DateFacet(Facet):
    """A date range: offers with a date inside it; per offer [start, end, start, end, …] as day numbers."""

    kind: ClassVar[str] = "dates"

    def column(self, offers):
        values = [[n for a in offer.dates for n in (day_number(a.start_date), day_number(a.end_date))] for offer in offers]
        return {"name": self.name, "label": self.label, "kind": self.kind, "epoch": EPOCH.isoformat(), "values": values}


WEEKDAY_KEYS = list(schemas.WEEKDAYS)  # montag … sonntag, readable in shared links


def offer_weekdays(offer: Offer) -> list[str]:
    """Days of the week an offer takes place: from its dates, or its weekly times."""
    days = set()
    for appointment in offer.dates:
        span = (appointment.end_date - appointment.start_date).days
        for offset in range(min(span, 6) + 1):
            days.add((appointment.start_date + datetime.timedelta(days=offset)).weekday())
    for key in ("trainingszeiten", "sprechzeiten", "oeffnungszeiten"):
        days.update(slot.weekday for slot in offer.details.get(key, []))
    return [WEEKDAY_KEYS[day] for day in sorted(days)]


def has_free_places(offer: Offer) -> bool:
    places = offer.details.get("freie_plaetze")
    if offer.boerse.kind == "kita":
        return any(item.count > 0 for item in places or [])
    return places in ("viele", "wenige") and offer.details.get("status", "geplant") == "geplant"


def _labels(kind: str, field: str) -> dict[str, str]:
    properties = schemas.offer_schema(kind)["properties"]
    spec = properties[field]
    return spec.get("x-labels") or spec["items"]["x-labels"]


def _detail_list(key: str):
    def getter(offer: Offer) -> list[str]:
        value = offer.details.get(key)
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]

    return getter


def _extra_facet(spec: ExtraField) -> Facet:
    def getter(offer: Offer) -> list[str]:
        value = offer.extra.get(spec.name)
        if value is None:
            return []
        return [str(item) for item in value] if isinstance(value, list) else [str(value)]

    if spec.kind == "ja_nein":  # a choice of ja and nein: people may look for either
        answers = {True: "ja", False: "nein"}
        return FixedChoiceFacet(
            spec.name,
            spec.label,
            labels={"ja": "ja", "nein": "nein"},
            getter=lambda offer: [answers[offer.extra[spec.name]]] if isinstance(offer.extra.get(spec.name), bool) else [],
        )
    if spec.kind == "auswahl":
        return FixedChoiceFacet(spec.name, spec.label, labels={value: value for value in spec.values}, getter=getter)
    return OpenChoiceFacet(spec.name, spec.label, getter=getter)


def facets_for(boerse: Boerse) -> list[Facet]:
    """The facets named in the Börse's ``filter`` list, in that order."""
    kind = boerse.kind
    extra = {spec.name: spec for spec in boerse.extra_fields}
    builders = {
        "kategorien": lambda: FixedChoiceFacet(
            "kategorien", "Kategorie", labels={c.slug: c.label for c in boerse.categories}, getter=lambda o: [c.slug for c in o.categories]
        ),
        "alter": lambda: AgeFacet("alter", "Alter"),
        "datum": lambda: DateFacet("datum", "Datum"),
        "wochentag": lambda: FixedChoiceFacet("wochentag", "Wochentag", labels=schemas.WEEKDAYS, getter=offer_weekdays),
        "saison": lambda: FixedChoiceFacet("saison", "Ferienzeit", labels=_labels(kind, "saison"), getter=_detail_list("saison")),
        "stadtteil": lambda: OpenChoiceFacet(
            "stadtteil", "Stadtteil", getter=lambda o: [o.location.district] if o.location and o.location.district else []
        ),
        "kostenlos": lambda: FlagFacet("kostenlos", "kostenlos", test=lambda o: o.free_of_charge),
        "barrierefrei": lambda: FlagFacet("barrierefrei", "barrierefrei", test=lambda o: o.barrier_free is True),
        "freie_plaetze": lambda: FlagFacet("freie_plaetze", "freie Plätze", test=has_free_places),
        "sportart": lambda: OpenChoiceFacet("sportart", "Sportart", getter=_detail_list("sportart")),
        "betreuungsarten": lambda: FixedChoiceFacet(
            "betreuungsarten", "Betreuungsart", labels=_labels(kind, "betreuungsarten"), getter=_detail_list("betreuungsarten")
        ),
        "traegerart": lambda: FixedChoiceFacet(
            "traegerart", "Art des Trägers", labels=_labels(kind, "traegerart"), getter=_detail_list("traegerart")
        ),
        "sprachen": lambda: OpenChoiceFacet("sprachen", "Sprachen", getter=_detail_list("sprachen")),
    }
    facets = []
    for name in boerse.facets:
        if name in extra:
            facets.append(_extra_facet(extra[name]))
        elif name in builders:
            facets.append(builders[name]())
    return facets
