"""schema.org descriptions of offers (JSON-LD), so search engines show dates, places and prices."""

from __future__ import annotations

import datetime
import json

from markupsafe import Markup

from .model import Location, Offer, WeeklySlot

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def structured_data(offer: Offer, site_url: str = "") -> Markup:
    """A ``<script type="application/ld+json">`` body for the offer's page."""
    data = {"@context": "https://schema.org", **_describe(offer)}
    if site_url.startswith("http"):
        data["url"] = f"{site_url}/{offer.url}"
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # As Jinja's tojson does: no markup characters inside the script element.
    for character, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(character, escaped)
    return Markup(text)


def _describe(offer: Offer) -> dict:
    base = {"name": offer.title, "description": offer.summary}
    organisation = {"@type": "Organization", "name": offer.organisation.name}
    place = _place(offer.location)
    details = offer.details
    if offer.boerse.kind == "ferien":
        events = [
            {
                "@type": "Event",
                **base,
                "startDate": _moment(a.start_date, a.start_time),
                "endDate": _moment(a.end_date, a.end_time),
                "eventStatus": "https://schema.org/EventCancelled"
                if details.get("status") == "abgesagt"
                else "https://schema.org/EventScheduled",
                "organizer": organisation,
                **({"location": place} if place else {}),
                **_ages(offer),
                **_price(offer.cost),
            }
            for a in offer.dates
        ]
        return {"@graph": events}
    if offer.boerse.kind == "sport":
        return {
            "@type": "Event",
            **base,
            "eventSchedule": [_schedule(slot) for slot in details["trainingszeiten"]],
            "organizer": organisation,
            **({"location": place} if place else {}),
            **_ages(offer),
            **_price(offer.cost),
        }
    if offer.boerse.kind == "kita":
        return {
            "@type": "ChildCare",
            **base,
            "parentOrganization": organisation,
            **({"openingHoursSpecification": [_hours(s) for s in details["oeffnungszeiten"]]} if details.get("oeffnungszeiten") else {}),
            **({"address": place["address"]} if place and "address" in place else {}),
        }
    return {
        "@type": "Service",
        **base,
        "provider": organisation,
        **({"areaServed": place} if place else {}),
        **({"hoursAvailable": [_hours(slot) for slot in details["sprechzeiten"]]} if details.get("sprechzeiten") else {}),
    }


def _moment(day: datetime.date, time: datetime.time | None) -> str:
    return f"{day.isoformat()}T{time.strftime('%H:%M')}" if time else day.isoformat()


def _place(location: Location | None) -> dict | None:
    if location is None:
        return None
    address = {"@type": "PostalAddress", "addressLocality": location.city, "addressCountry": "DE"}
    if location.street:
        address["streetAddress"] = location.street
    if location.postcode:
        address["postalCode"] = location.postcode
    place = {"@type": "Place", "name": location.name or location.city, "address": address}
    if location.latitude is not None and location.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": location.latitude, "longitude": location.longitude}
    return place


def _ages(offer: Offer) -> dict:
    return {"typicalAgeRange": f"{offer.ages.minimum}-{offer.ages.maximum}"} if offer.ages else {}


def _price(cost: float | None) -> dict:
    if cost is None:
        return {}
    return {"isAccessibleForFree": cost == 0, "offers": {"@type": "Offer", "price": f"{cost:.2f}", "priceCurrency": "EUR"}}


def _schedule(slot: WeeklySlot) -> dict:
    return {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": f"https://schema.org/{_DAYS[slot.weekday]}",
        "startTime": slot.start.strftime("%H:%M"),
        "endTime": slot.end.strftime("%H:%M"),
    }


def _hours(slot: WeeklySlot) -> dict:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": f"https://schema.org/{_DAYS[slot.weekday]}",
        "opens": slot.start.strftime("%H:%M"),
        "closes": slot.end.strftime("%H:%M"),
    }
