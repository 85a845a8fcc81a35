"""Dates, times, ages and prices in the active language; German exactly as before."""

from __future__ import annotations

import datetime

import pytest

from boersen.formatting import format_ages, format_appointment, format_date, format_day, format_money, format_slot, format_time_range
from boersen.i18n import catalogues
from boersen.model import AgeRange, Appointment, WeeklySlot

DAY = datetime.date(2027, 8, 3)
NINE, NOON = datetime.time(9, 0), datetime.time(12, 0)


@pytest.fixture
def language():
    def activate(code: str) -> None:
        catalogues.activate(code)

    yield activate
    catalogues.activate("de")


def test_german_is_written_as_the_town_writes_it(language):
    language("de")
    assert format_date(DAY) == "3. August 2027"
    assert format_day(DAY) == "Di, 3. August 2027"
    assert format_time_range(NINE, NOON) == "9:00–12:00 Uhr"
    assert format_money(12.5) == "12,50\xa0€"
    assert format_money(0) == "kostenlos"


@pytest.mark.parametrize(
    ("code", "date", "day", "money"),
    [
        ("en", "3 August 2027", "Tue, 3 Aug 2027", "€12.50"),
        ("tr", "3 Ağustos 2027", "3 Ağu 2027 Sal", "€12,50"),
        ("uk", "3 серпня 2027\u202fр.", "вт, 3 серп. 2027\u202fр.", "12,50\xa0EUR"),
    ],
)
def test_dates_and_prices_follow_the_locale(language, code, date, day, money):
    language(code)
    assert format_date(DAY) == date
    assert format_day(DAY) == day
    assert format_money(12.5) == money


def test_arabic_dates_use_arabic_month_names(language):
    language("ar")
    assert "أغسطس" in format_date(DAY)
    assert "2027" in format_date(DAY)


def test_the_cache_of_prices_does_not_mix_languages(language):
    language("de")
    assert format_money(5) == "5,00\xa0€"
    language("en")
    assert format_money(5) == "€5.00"
    language("de")
    assert format_money(5) == "5,00\xa0€"


def test_words_come_from_the_catalogue(language):
    """German stays the msgid; a language without a catalogue entry falls back to it."""
    language("de")
    assert format_ages(AgeRange(6, 10)) == "6–10 Jahre"
    assert format_ages(AgeRange(1, 99)) == "ab 1 Jahr"
    assert format_ages(AgeRange(5, 99)) == "ab 5 Jahren"
    assert format_slot(WeeklySlot(1, NINE, NOON)) == "Dienstag, 9:00–12:00 Uhr"
    several = Appointment(DAY, DAY + datetime.timedelta(days=3), NINE, NOON)
    assert format_appointment(several) == "Di, 3. August – Fr, 6. August 2027, jeweils 9:00–12:00 Uhr"
