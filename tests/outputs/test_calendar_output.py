"""Calendars (.ics) per offer, per Börse and per category, parsed back with icalendar."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from output_world import build_world

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from scratch import DataFolder

    root = tmp_path_factory.mktemp("calendar")
    return build_world(DataFolder(root), root / "output")


def read(site, relative: str) -> Calendar:
    return Calendar.from_ical((site.output / relative).read_bytes())


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_an_offer_over_several_mornings_is_one_daily_event_in_berlin_time(site):
    calendar = read(site, "ferien/kurs/kurs.ics")
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == "20270802-kurs-ferien@boersen.auenstadt.example"
    assert event.decoded("dtstart") == datetime.datetime(2027, 8, 2, 9, 0, tzinfo=BERLIN)
    assert event.decoded("dtend") == datetime.datetime(2027, 8, 2, 12, 0, tzinfo=BERLIN)
    assert event["rrule"]["FREQ"] == ["DAILY"] and event["rrule"]["COUNT"] == [5]
    assert str(event["summary"]) == "Schwimmkurs für Anfänger"
    assert str(event["location"]) == "Hallenbad Auenstadt, Badstraße 3, 96201 Auenstadt"
    assert str(event["url"]) == "https://boersen.auenstadt.example/ferien/kurs/"
    # From bestaetigt_am (2027-01-15), not from the clock.
    assert event.decoded("dtstamp") == datetime.datetime(2027, 1, 15, tzinfo=datetime.UTC)
    assert event.decoded("last-modified") == datetime.datetime(2027, 1, 15, tzinfo=datetime.UTC)
    assert event["sequence"] == (datetime.date(2027, 1, 15) - datetime.date(2000, 1, 1)).days
    # The converted time is right in summer time.
    assert event.decoded("dtstart").astimezone(datetime.UTC).hour == 7


def test_every_date_of_an_offer_is_in_its_calendar_all_day_without_times(site):
    found = events(read(site, "ferien/waldtage/waldtage.ics"))
    assert sorted(found) == ["20270802-waldtage-ferien@boersen.auenstadt.example", "20270820-waldtage-ferien@boersen.auenstadt.example"]
    first = found["20270802-waldtage-ferien@boersen.auenstadt.example"]
    assert (first.decoded("dtstart"), first.decoded("dtend")) == (datetime.date(2027, 8, 2), datetime.date(2027, 8, 7))
    assert str(first["description"]) == "Zwei Tage im Wald.\nMit Übernachtung.\n\nhttps://boersen.auenstadt.example/ferien/waldtage/"
    assert not read(site, "ferien/waldtage/waldtage.ics").walk("VTIMEZONE")  # all-day dates need no time zone


def test_weekly_training_repeats_until_the_offer_ends(site):
    (event,) = read(site, "sport/bambini/bambini.ics").walk("VEVENT")
    assert str(event["uid"]) == "freitag-1600-bambini-sport@boersen.auenstadt.example"
    assert event.decoded("dtstart") == datetime.datetime(2027, 1, 8, 16, 0, tzinfo=BERLIN)  # first Friday from gueltig_ab
    assert event.decoded("dtend") == datetime.datetime(2027, 1, 8, 17, 0, tzinfo=BERLIN)
    rule = event["rrule"]
    assert (rule["FREQ"], rule["BYDAY"]) == (["WEEKLY"], ["FR"])
    assert rule["UNTIL"] == [datetime.datetime(2027, 7, 31, 21, 59, 59, tzinfo=datetime.UTC)]  # 31 July, 23:59:59 in Berlin
    assert str(event["location"]) == "Kunstrasenplatz"


def test_boerse_and_category_calendars_collect_their_current_offers(site):
    boerse = read(site, "ferien/kalender/ferien.ics")
    assert str(boerse["x-wr-calname"]) == "Ferienbörse – Börsen der Stadt Auenstadt"
    assert len(events(boerse)) == 4  # kurs, kanutag, waldtage (two dates)
    assert set(events(read(site, "ferien/kalender/kategorie/sport-und-spiel.ics"))) == set(events(boerse))
    assert events(read(site, "ferien/kalender/kategorie/natur-und-erlebnis.ics")) == {}
    assert list(events(read(site, "sport/kalender/kategorie/ballsport.ics"))) == ["freitag-1600-bambini-sport@boersen.auenstadt.example"]


def test_offer_page_links_its_calendar(site):
    page = site.page("ferien/kurs/index.html")
    assert '<a href="https://boersen.auenstadt.example/ferien/kurs/kurs.ics" type="text/calendar" download>In den Kalender</a>' in page
