"""Calendars (RFC 5545, written with icalendar): one ``.ics`` per offer with dates, one per
Börse and one per category to subscribe to.

- Holiday dates become events in Europe/Berlin (with its VTIMEZONE); a date over several days
  with times ("2 to 6 August, 9 to 12") is one event repeated daily, a date without times an
  all-day event.
- Weekly times (training, consultation, opening hours) become a weekly RRULE from the offer's
  ``gueltig_ab`` (else ``bestaetigt_am``, else 1 January) until its ``gueltig_bis``, else the
  end of the year.
- UIDs are made of Börse, offer and date (or weekday and time), so a calendar app recognises
  an event again after every build. DTSTAMP and LAST-MODIFIED are the offer's
  ``bestaetigt_am`` (else ``gueltig_ab``, else 1 January 2000), SEQUENCE the days since
  1 January 2000 to that day: it grows whenever a provider confirms a change.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from ..catalog import Catalog
from ..model import WEEKDAY_NUMBERS, Boerse, Offer, WeeklySlot
from .common import Site, offer_modified, write_bytes

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC
EPOCH = datetime.date(2000, 1, 1)
FOLDER = "kalender"  # inside a Börse: kalender/<börse>.ics, kalender/kategorie/<kategorie>.ics
WEEKLY_KEYS = ("trainingszeiten", "sprechzeiten", "oeffnungszeiten")
WEEKDAY_NAMES = {number: name for name, number in WEEKDAY_NUMBERS.items()}
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def offer_calendar_path(offer: Offer) -> str:
    """Where an offer's own calendar lives, relative to the site root."""
    return f"{offer.url}{offer.slug}.ics"


def boerse_calendar_path(boerse: Boerse) -> str:
    return f"{boerse.slug}/{FOLDER}/{boerse.slug}.ics"


def category_calendar_path(boerse: Boerse, category_slug: str) -> str:
    return f"{boerse.slug}/{FOLDER}/kategorie/{category_slug}.ics"


def weekly_slots(offer: Offer) -> list[WeeklySlot]:
    return [slot for key in WEEKLY_KEYS for slot in offer.details.get(key, [])]


def has_calendar(offer: Offer) -> bool:
    """Whether the offer has anything for a calendar: dates or weekly times."""
    return bool(offer.dates or weekly_slots(offer))


def offer_events(offer: Offer, site: Site, today: datetime.date) -> list[Event]:
    modified = offer_modified(offer) or EPOCH
    stamp = datetime.datetime.combine(modified, datetime.time(0, 0), UTC)
    base = f"{offer.slug}-{offer.boerse.slug}@{site.domain}"
    events = []
    for appointment in offer.dates:
        event = _event(offer, site, stamp, modified, f"{appointment.start_date:%Y%m%d}-{base}")
        days = (appointment.end_date - appointment.start_date).days + 1
        if appointment.start_time is None:
            event.add("dtstart", appointment.start_date)
            event.add("dtend", appointment.end_date + datetime.timedelta(days=1))
        else:
            start = datetime.datetime.combine(appointment.start_date, appointment.start_time, BERLIN)
            event.add("dtstart", start)
            if appointment.end_time is not None:
                event.add("dtend", datetime.datetime.combine(appointment.start_date, appointment.end_time, BERLIN))
            if days > 1:
                event.add("rrule", {"freq": "daily", "count": days})
        events.append(event)
    first = offer.valid_from or offer.confirmed_on or datetime.date(today.year, 1, 1)
    last = offer.valid_until or datetime.date(max(first.year, today.year), 12, 31)
    for slot in weekly_slots(offer):
        day = first + datetime.timedelta(days=(slot.weekday - first.weekday()) % 7)
        if day > last:
            continue
        uid = f"{WEEKDAY_NAMES[slot.weekday]}-{slot.start:%H%M}-{base}"
        event = _event(offer, site, stamp, modified, uid)
        event.add("dtstart", datetime.datetime.combine(day, slot.start, BERLIN))
        event.add("dtend", datetime.datetime.combine(day, slot.end, BERLIN))
        until = datetime.datetime.combine(last, datetime.time(23, 59, 59), BERLIN).astimezone(UTC)
        event.add("rrule", {"freq": "weekly", "byday": RRULE_DAYS[slot.weekday], "until": until})
        if slot.venue:
            event.pop("location", None)
            place = _place(offer)
            event.add("location", slot.venue if not place or place.startswith(slot.venue) else f"{slot.venue}, {place}")
        events.append(event)
    return events


def _event(offer: Offer, site: Site, stamp: datetime.datetime, modified: datetime.date, uid: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", (modified - EPOCH).days if modified > EPOCH else 0)
    event.add("summary", offer.title)
    description = offer.summary
    if site.absolute:
        address = site.address(offer.url)
        description += f"\n\n{address}"
        event.add("url", address)
    event.add("description", description)
    place = _place(offer)
    if place:
        event.add("location", place)
    if offer.details.get("status") == "abgesagt":
        event.add("status", "CANCELLED")
    return event


def _place(offer: Offer) -> str:
    location = offer.location
    if location is None:
        return ""
    town = " ".join(part for part in (location.postcode, location.city) if part)
    return ", ".join(part for part in (location.name, location.street, town) if part)


def calendar(name: str, events: list[Event]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Börsen//Kalender//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    years = [_year(event) for event in events]
    if any(isinstance(event.decoded("dtstart"), datetime.datetime) for event in events):
        zone = Timezone.from_tzinfo(BERLIN, "Europe/Berlin", datetime.date(min(years), 1, 1), datetime.date(max(years) + 2, 1, 1))
        cal.add_component(zone)
    for event in sorted(events, key=lambda e: str(e["uid"])):
        cal.add_component(event)
    return cal.to_ical()


def _year(event: Event) -> int:
    return event.decoded("dtstart").year


def write_calendars(output: Path, catalog: Catalog, site: Site) -> None:
    today = catalog.today
    for boerse in catalog.boersen:
        events_of = {offer.slug: offer_events(offer, site, today) for offer in boerse.offers if has_calendar(offer)}
        for offer in boerse.offers:
            if offer.slug in events_of:
                write_bytes(output / offer_calendar_path(offer), calendar(f"{offer.title} – {site.name}", events_of[offer.slug]))
        current = [offer for offer in catalog.current_offers(boerse) if offer.slug in events_of]
        everything = [event for offer in current for event in events_of[offer.slug]]
        write_bytes(output / boerse_calendar_path(boerse), calendar(f"{boerse.title} – {site.name}", everything))
        for category in boerse.categories:
            chosen = [event for offer in current if category in offer.categories for event in events_of[offer.slug]]
            name = f"{boerse.title}: {category.label} – {site.name}"
            write_bytes(output / category_calendar_path(boerse, category.slug), calendar(name, chosen))
