"""Values presented for people: dates, times, ages and prices in the active language.

These are the theme's Jinja filters (see generator.py) and are used in messages too. German is
written by hand as the town writes it ("3. August 2027", "9:00–12:00 Uhr"); the other languages
use Babel's patterns for their locale and the UI catalogue for the words (i18n/catalogues.py).
"""

from __future__ import annotations

import datetime
import functools
import re

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton, get_day_names
from babel.dates import format_time as _babel_time
from babel.numbers import format_currency

from .i18n.catalogues import active, gettext, ngettext
from .i18n.languages import SOURCE
from .model import AgeRange, Appointment, WeeklySlot

LOCALE = "de_DE"
_DAY_NAMES = get_day_names("wide", locale=LOCALE)
_DAY_ABBREVIATIONS = {number: name.rstrip(".") for number, name in get_day_names("abbreviated", locale=LOCALE).items()}


def _german() -> bool:
    return active().code == SOURCE


def format_date(day: datetime.date) -> str:
    """3. August 2027 (en: 3 August 2027)"""
    if _german():
        return _babel_date(day, "d. MMMM y", locale=LOCALE)
    return _babel_date(day, "long", locale=active().locale)


def format_day(day: datetime.date, *, with_year: bool = True) -> str:
    """Di, 3. August 2027 (en: Tue, 3 Aug 2027)"""
    if not _german():
        return format_skeleton("yMMMEd" if with_year else "MMMEd", day, locale=active().locale)
    pattern = "d. MMMM y" if with_year else "d. MMMM"
    return f"{_DAY_ABBREVIATIONS[day.weekday()]}, {_babel_date(day, pattern, locale=LOCALE)}"


def format_short_date(day: datetime.date) -> str:
    """03.08.2027 (en: 03/08/2027)"""
    if not _german():
        return _babel_date(day, "short", locale=active().locale)
    return day.strftime("%d.%m.%Y")


def format_time(moment: datetime.time) -> str:
    """9:00 (en: 09:00)"""
    if not _german():
        return _babel_time(moment, "short", locale=active().locale)
    return f"{moment.hour}:{moment.minute:02d}"


def format_time_range(start: datetime.time | None, end: datetime.time | None) -> str:
    """9:00–12:00 Uhr, ab 9:00 Uhr, or nothing."""
    if start and end:
        return gettext("%(start)s–%(end)s Uhr") % {"start": format_time(start), "end": format_time(end)}
    if start:
        return gettext("ab %(start)s Uhr") % {"start": format_time(start)}
    if end:
        return gettext("bis %(end)s Uhr") % {"end": format_time(end)}
    return ""


def format_appointment(appointment: Appointment) -> str:
    """Di, 3. August 2027, 9:00–12:00 Uhr; several days: Mo, 2. August – Fr, 6. August 2027, jeweils …"""
    times = format_time_range(appointment.start_time, appointment.end_time)
    if appointment.start_date == appointment.end_date:
        text = format_day(appointment.start_date)
        return f"{text}, {times}" if times else text
    same_year = appointment.start_date.year == appointment.end_date.year
    text = f"{format_day(appointment.start_date, with_year=not same_year)} – {format_day(appointment.end_date)}"
    return gettext("%(days)s, jeweils %(times)s") % {"days": text, "times": times} if times else text


def format_weekday(number: int) -> str:
    """Montag"""
    if not _german():
        return get_day_names("wide", locale=active().locale)[number]
    return _DAY_NAMES[number]


def format_slot(slot: WeeklySlot) -> str:
    """Dienstag, 16:30–18:00 Uhr"""
    return f"{format_weekday(slot.weekday)}, {format_time_range(slot.start, slot.end)}"


def format_ages(ages: AgeRange) -> str:
    """6–10 Jahre"""
    if ages.minimum == ages.maximum:
        return ngettext("%(num)d Jahr", "%(num)d Jahre", ages.minimum) % {"num": ages.minimum}
    if ages.maximum >= 99:
        return ngettext("ab %(num)d Jahr", "ab %(num)d Jahren", ages.minimum) % {"num": ages.minimum}
    return gettext("%(minimum)d–%(maximum)d Jahre") % {"minimum": ages.minimum, "maximum": ages.maximum}


def format_money(amount: float | None) -> str:
    """5,00 € or kostenlos"""
    return _money(amount, active().code)


@functools.lru_cache(maxsize=1024)  # few distinct prices, and babel is slow
def _money(amount: float | None, code: str) -> str:
    if amount is None:
        return ""
    if amount == 0:
        return gettext("kostenlos")
    return format_currency(amount, "EUR", locale=LOCALE if code == SOURCE else active().locale)


def tel_uri(phone: str) -> str:
    """tel:+4995718212 for "09571 82-12" or "+49 (9571) 82 12": digits only, a leading + kept;
    the "(0)" of "+49 (0)341 …" is not dialled from abroad."""
    international = phone.strip().startswith("+")
    digits = re.sub(r"\D", "", phone.replace("(0)", "") if international else phone)
    return f"tel:+{digits}" if international else f"tel:{digits}"


def phone_numbers(phone: str) -> list[str]:
    """Each number of a phone field that holds several: "0341 123, 0171 456" -> two numbers."""
    return [part.strip() for part in re.split(r"\s*(?:,|;|\boder\b)\s*", phone) if part.strip()]


FILTERS = {
    "datum": format_date,
    "tag": format_day,
    "kurzdatum": format_short_date,
    "uhrzeit": format_time,
    "termin": format_appointment,
    "wochentag": format_weekday,
    "zeitfenster": format_slot,
    "alter": format_ages,
    "euro": format_money,
    "tel": tel_uri,
    "phones": phone_numbers,
}
