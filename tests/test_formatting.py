"""Values as people read them, and the injectable today with the demo shift."""

from __future__ import annotations

import datetime

import pytest

from boersen.formatting import format_ages, format_appointment, format_day, format_money, format_slot, tel_uri
from boersen.model import AgeRange, Appointment, WeeklySlot
from boersen.today import DataDays, DateShift, TodayError, demo_shift, resolve_today

D = datetime.date
T = datetime.time


@pytest.mark.parametrize(
    ("appointment", "expected"),
    [
        (Appointment(D(2027, 8, 2), D(2027, 8, 2), T(9), T(12)), "Mo, 2. August 2027, 9:00–12:00 Uhr"),
        (Appointment(D(2027, 8, 2), D(2027, 8, 2), T(14, 30)), "Mo, 2. August 2027, ab 14:30 Uhr"),
        (Appointment(D(2027, 8, 2), D(2027, 8, 2)), "Mo, 2. August 2027"),
        (Appointment(D(2027, 8, 2), D(2027, 8, 6), T(9), T(12)), "Mo, 2. August – Fr, 6. August 2027, jeweils 9:00–12:00 Uhr"),
        (Appointment(D(2027, 12, 30), D(2028, 1, 2)), "Do, 30. Dezember 2027 – So, 2. Januar 2028"),
    ],
)
def test_appointments(appointment, expected):
    assert format_appointment(appointment) == expected


def test_days_and_slots():
    assert format_day(D(2027, 3, 22)) == "Mo, 22. März 2027"
    assert format_slot(WeeklySlot(1, T(16, 30), T(18))) == "Dienstag, 16:30–18:00 Uhr"


@pytest.mark.parametrize(
    ("ages", "expected"),
    [(AgeRange(6, 10), "6–10 Jahre"), (AgeRange(8, 8), "8 Jahre"), (AgeRange(1, 1), "1 Jahr"), (AgeRange(14, 99), "ab 14 Jahren")],
)
def test_ages(ages, expected):
    assert format_ages(ages) == expected


@pytest.mark.parametrize(("amount", "expected"), [(0, "kostenlos"), (5, "5,00\xa0€"), (12.5, "12,50\xa0€"), (1250, "1.250,00\xa0€")])
def test_money(amount, expected):
    assert format_money(amount) == expected


def test_today_is_injectable(monkeypatch):
    monkeypatch.setenv("BOERSEN_HEUTE", "2027-05-04")
    assert resolve_today() == D(2027, 5, 4)
    assert resolve_today("2030-01-02") == D(2030, 1, 2)
    monkeypatch.setenv("BOERSEN_HEUTE", "morgen")
    with pytest.raises(TodayError, match="„morgen“ ist kein Datum im Format JJJJ-MM-TT"):
        resolve_today()


@pytest.mark.parametrize(
    ("today", "weeks"),
    [
        (D(2026, 11, 26), 0),  # the demo data's own year is the coming one
        (D(2027, 6, 1), 0),  # summer 2027 is still ahead
        (D(2027, 10, 15), 52),  # from October on, the next year's programme
        (D(2029, 6, 1), 104),
    ],
)
def test_demo_shift_keeps_the_programme_ahead_and_weekdays_intact(today, weeks):
    shift = demo_shift(2027, None, today)
    assert shift.programme == shift.records == datetime.timedelta(weeks=weeks)
    assert (D(2027, 8, 2) + shift.programme).weekday() == D(2027, 8, 2).weekday()


def test_record_dates_keep_their_age():
    shift = demo_shift(2027, D(2026, 11, 26), D(2027, 9, 20))
    assert shift.programme == datetime.timedelta(0)  # the 2027 programme is still the coming one
    assert shift.records == datetime.timedelta(weeks=43)  # "confirmed a month ago" stays a month ago
    assert shift.data_days(D(2027, 9, 20)) == DataDays(D(2027, 9, 20), D(2027, 9, 20) - datetime.timedelta(weeks=43))


def test_no_shift_without_a_reference_year():
    assert demo_shift(None, D(2026, 11, 26), D(2030, 1, 1)) == DateShift()


@pytest.mark.parametrize(
    ("phone", "uri"),
    [("09571 82-1234", "tel:09571821234"), ("+49 (9571) 82 12", "tel:+4995718212"), ("09561/89-0", "tel:09561890")],
)
def test_phone_links(phone, uri):
    assert tel_uri(phone) == uri
