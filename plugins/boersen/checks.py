"""Checks the schema cannot express: the order of dates, ranges, and what has gone stale.

Each check reads a Document that already passed its schema and reports in the same
``path:line:column: field: message`` shape.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .formatting import format_date
from .model import one_year_before
from .problems import Problems
from .schema import TRANSLATION_LANGUAGES, Schema
from .source import Document, FieldPath, field_name
from .today import DataDays


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _minutes(value: str | None) -> int | None:
    if value is None:
        return None
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


class _Reporter:
    def __init__(self, document: Document, problems: Problems):
        self.document, self.problems = document, problems

    def error(self, path: FieldPath, message: str) -> None:
        line, column = self.document.position(path)
        self.problems.error(self.document.path, line, column, field_name(path), message)

    def warning(self, path: FieldPath, message: str, *, at_key: bool = False) -> None:
        line, column = self.document.key_position(path) if at_key else self.document.position(path)
        self.problems.warning(self.document.path, line, column, field_name(path), message)


def check_offer(document: Document, schema: Schema, days: DataDays, problems: Problems) -> None:
    """Consistency checks and warnings for one offer of any type."""
    data, report = document.data, _Reporter(document, problems)
    _check_range(report, data, ("alter",), "von", "bis", "Das Höchstalter ({high}) ist kleiner als das Mindestalter ({low}).")
    _check_range(
        report,
        data,
        ("teilnehmende",),
        "mindestens",
        "hoechstens",
        "Die Höchstzahl ({high}) ist kleiner als die Mindestzahl ({low}).",
    )
    valid_from, valid_until = _date(data.get("gueltig_ab")), _date(data.get("gueltig_bis"))
    if valid_from and valid_until and valid_until < valid_from:
        report.error(("gueltig_bis",), f"„Gültig bis“ ({format_date(valid_until)}) liegt vor „Gültig ab“ ({format_date(valid_from)}).")
    first_day = _check_appointments(report, data)
    _check_registration(report, data, first_day)
    for key in ("trainingszeiten", "sprechzeiten", "oeffnungszeiten"):
        for index, slot in enumerate(data.get(key, [])):
            if _minutes(slot["ende"]) <= _minutes(slot["beginn"]):
                report.error((key, index, "ende"), f"Das Ende ({slot['ende']}) liegt nicht nach dem Beginn ({slot['beginn']}).")
    if isinstance(data.get("freie_plaetze"), list) and data["freie_plaetze"] and data.get("belegt_gemeldet_am"):
        report.error(
            ("belegt_gemeldet_am",),
            "Es sind freie Plätze eingetragen und zugleich „alle Plätze belegt“. Bitte eines von beiden entfernen.",
        )
    if data.get("status") == "ausgebucht" and data.get("freie_plaetze") in ("viele", "wenige"):
        message = f"„freie_plaetze: {data['freie_plaetze']}“ passt nicht zu „status: ausgebucht“. Bitte eines ändern."
        report.error(("freie_plaetze",), message)
    places = data.get("plaetze", {})
    if "gesamt" in places and places.get("unter_drei", 0) + places.get("ueber_drei", 0) > places["gesamt"]:
        report.error(("plaetze", "gesamt"), "Plätze unter 3 und ab 3 Jahren ergeben zusammen mehr als „Plätze insgesamt“.")
    _warn_past(report, data, valid_until, days.programme)
    _warn_stale(report, data, days.records)
    _warn_half_translated_cards(report, data)
    warn_recommended(document, schema, problems)


def _check_range(report: _Reporter, data: dict, path: FieldPath, low_key: str, high_key: str, message: str) -> None:
    values = data.get(path[0], {})
    low, high = values.get(low_key), values.get(high_key)
    if low is not None and high is not None and high < low:
        report.error(path + (high_key,), message.format(low=low, high=high))


def _check_appointments(report: _Reporter, data: dict) -> datetime.date | None:
    first_day = None
    for index, appointment in enumerate(data.get("termine", [])):
        start, end = _date(appointment["datum"]), _date(appointment.get("enddatum"))
        if end and end < start:
            report.error(("termine", index, "enddatum"), f"Das Enddatum ({format_date(end)}) liegt vor dem Datum ({format_date(start)}).")
        begins, ends = _minutes(appointment.get("beginn")), _minutes(appointment.get("ende"))
        if begins is not None and ends is not None and ends <= begins:
            report.error(
                ("termine", index, "ende"),
                f"Das Ende ({appointment['ende']}) liegt nicht nach dem Beginn ({appointment['beginn']}).",
            )
        first_day = min(first_day or start, start)
    return first_day


def _check_registration(report: _Reporter, data: dict, first_day: datetime.date | None) -> None:
    registration = data.get("anmeldung", {})
    if not first_day:
        return
    for key, label in (("frist", "Der Anmeldeschluss"), ("stornofrist", "Die Abmeldefrist")):
        deadline = _date(registration.get(key))
        if deadline and deadline > first_day:
            report.error(
                ("anmeldung", key),
                f"{label} ({format_date(deadline)}) liegt nach dem ersten Termin ({format_date(first_day)}).",
            )


def _warn_past(report: _Reporter, data: dict, valid_until: datetime.date | None, today: datetime.date) -> None:
    if valid_until and valid_until < today:
        report.warning(("gueltig_bis",), f"Das Angebot ist seit {format_date(valid_until)} abgelaufen und wird nicht mehr angezeigt.")
        return
    ends = [_date(a.get("enddatum") or a["datum"]) for a in data.get("termine", [])]
    if ends and max(ends) < today:
        report.warning(("termine",), "Alle Termine liegen in der Vergangenheit; das Angebot wird nicht mehr angezeigt.", at_key=True)


def _warn_stale(report: _Reporter, data: dict, today: datetime.date) -> None:
    confirmed = _date(data.get("bestaetigt_am"))
    if confirmed and confirmed < one_year_before(today):
        report.warning(
            ("bestaetigt_am",),
            f"Die Angaben wurden zuletzt am {format_date(confirmed)} bestätigt, vor mehr als 12 Monaten. "
            "Bitte prüfen und das Datum aktualisieren.",
        )
    elif confirmed and confirmed > today:
        report.warning(("bestaetigt_am",), f"Das Datum {format_date(confirmed)} liegt in der Zukunft.")


def _warn_half_translated_cards(report: _Reporter, data: dict) -> None:
    """Title and summary make the card in listings and search results: a translation without one of
    them shows a card in two languages."""
    for code, texts in data.get("uebersetzungen", {}).items():
        missing = [key for key in ("titel", "kurzbeschreibung") if key not in texts]
        if not missing or code not in TRANSLATION_LANGUAGES:
            continue
        language = TRANSLATION_LANGUAGES[code].lower() + "e"  # englische, türkische …
        lacks = " und ".join({"titel": "keinen Titel", "kurzbeschreibung": "keine Kurzbeschreibung"}[key] for key in missing)
        fields = " und ".join(f"„{key}“" for key in missing)
        report.warning(
            ("uebersetzungen", code),
            f"Die {language} Übersetzung hat {lacks}: in der Übersicht steht dort dann der deutsche Text. Bitte {fields} ergänzen.",
            at_key=True,
        )


def warn_recommended(document: Document, schema: Schema, problems: Problems) -> None:
    """Warn about recommended fields left out, at every level of the document."""
    report = _Reporter(document, problems)
    for path, field, value in _objects(schema, document.data, ()):
        for name in field.get("x-recommended", []):
            if name not in value:
                label = field["properties"][name]["title"]
                report.warning(path + (name,), f"Empfohlenes Feld „{label}“ fehlt. {field['properties'][name]['description']}")


def _objects(schema: Schema, value, path: FieldPath) -> Iterator[tuple[FieldPath, Schema, dict]]:
    if schema.get("type") == "object" and isinstance(value, dict):
        yield path, schema, value
        for key, item in value.items():
            if key in schema.get("properties", {}):
                yield from _objects(schema["properties"][key], item, path + (key,))
    elif schema.get("type") == "array" and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _objects(schema["items"], item, path + (index,))
