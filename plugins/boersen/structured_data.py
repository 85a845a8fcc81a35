"""schema.org descriptions (JSON-LD), so search engines show dates, places and prices.

Offers: holiday programmes as Events (one per date, with time-zone offsets and their status),
sport groups as Courses with their weekly CourseInstances, daycare centres as ChildCare,
family services as Services. Organisation pages describe the Organization, the home page the
WebSite (with a SearchAction that opens the search with ?q=) and the town.
"""

from __future__ import annotations

import datetime
import json
from zoneinfo import ZoneInfo

from markupsafe import Markup

from .model import Location, Offer, Organisation, WeeklySlot

BERLIN = ZoneInfo("Europe/Berlin")

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def structured_data(offer: Offer, site_url: str = "") -> Markup:
    """A ``<script type="application/ld+json">`` body for the offer's page."""
    data = {"@context": "https://schema.org", **_describe(offer)}
    if site_url.startswith("http"):
        data["url"] = f"{site_url}/{offer.url}"
        if offer.picture:
            data["image"] = f"{site_url}/{offer.picture.largest(offer.picture.fallback)}"
    return _script_json(data)


def organisation_data(organisation: Organisation, site_url: str = "") -> Markup:
    """The Organization of an organisation page."""
    data = {"@context": "https://schema.org", "@type": "Organization", "name": organisation.name}
    if organisation.description:
        data["description"] = organisation.description
    place = _place(organisation.location)
    if place:
        data["address"] = place["address"]
    contact = organisation.contact
    if contact:
        data |= {key: value for key, value in (("telephone", contact.phone), ("email", contact.email)) if value}
        if contact.website:
            data["sameAs"] = contact.website
    if site_url.startswith("http"):
        data["url"] = f"{site_url}/{organisation.url}"
        if organisation.picture:
            data["logo"] = f"{site_url}/{organisation.picture.largest(organisation.picture.fallback)}"
    return _script_json(data)


def site_data(site_name: str, town: str, site_url: str = "") -> Markup:
    """The home page: the WebSite, whose search takes ?q=, and the town that publishes it."""
    website = {"@type": "WebSite", "name": site_name, "inLanguage": "de"}
    if site_url.startswith("http"):
        website["url"] = f"{site_url}/"
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{site_url}/?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
    town_hall = {"@type": "GovernmentOrganization", "name": f"Stadt {town}", "address": {"@type": "PostalAddress", "addressLocality": town}}
    website["publisher"] = town_hall
    return _script_json({"@context": "https://schema.org", "@graph": [website, town_hall]})


def _script_json(data: dict) -> Markup:
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
    if offer.boerse.kind == "sport":  # a weekly group: a Course held in CourseInstances, one per training time
        instances = [
            {
                "@type": "CourseInstance",
                "courseMode": "onsite",
                "courseSchedule": _schedule(slot, offer),
                **({"location": place} if place else {}),
            }
            for slot in details["trainingszeiten"]
        ]
        return {"@type": "Course", **base, "provider": organisation, "hasCourseInstance": instances, **_ages(offer), **_price(offer.cost)}
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
    """A day, or a day and time with the offset that holds in Berlin then (+01:00 or +02:00)."""
    if not time:
        return day.isoformat()
    return datetime.datetime.combine(day, time, tzinfo=BERLIN).isoformat(timespec="minutes")


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


def _schedule(slot: WeeklySlot, offer: Offer) -> dict:
    schedule = {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": f"https://schema.org/{_DAYS[slot.weekday]}",
        "startTime": slot.start.strftime("%H:%M"),
        "endTime": slot.end.strftime("%H:%M"),
        "scheduleTimezone": "Europe/Berlin",
    }
    if offer.valid_from:
        schedule["startDate"] = offer.valid_from.isoformat()
    if offer.valid_until:
        schedule["endDate"] = offer.valid_until.isoformat()
    return schedule


def _hours(slot: WeeklySlot) -> dict:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": f"https://schema.org/{_DAYS[slot.weekday]}",
        "opens": slot.start.strftime("%H:%M"),
        "closes": slot.end.strftime("%H:%M"),
    }
