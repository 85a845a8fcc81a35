"""Repeated groups in an issue form: one row per line, in a German format people already write.

Issue forms cannot repeat a group of fields, so dates, weekly times and other lists of groups
are a textarea. Three shapes, chosen from the group's fields:

- dates (``datum``, ``enddatum``, ``beginn``, ``ende``): ``02.08.2027 bis 06.08.2027, 9:00 bis 12:00``
- weekly times (``wochentag``, ``beginn``, ``ende`` and maybe ``ort``): ``Dienstag, 16:30 bis 18:00, Turnhalle``
- anything else: the values separated by semicolons, in the order of the fields.

A line that cannot be read gets a German message naming the line and the format.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..forms import Control, Repeat
from ..schema_check import suggest

DATE = r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2})"
TIME = r"(\d{1,2}(?:[:.]\d{2})?)(?:\s*Uhr)?"
UNTIL = r"\s*(?:bis|–|-)\s*"
DATE_ROW = re.compile(rf"^{DATE}(?:{UNTIL}{DATE})?(?:\s*,\s*{TIME}(?:{UNTIL}{TIME})?)?$", re.IGNORECASE)
WEEKLY_ROW = re.compile(rf"^([^\W\d_]+)\.?\s*,?\s+{TIME}{UNTIL}{TIME}(?:\s*,\s*(.+))?$", re.IGNORECASE)
DATE_FIELDS = ("datum", "enddatum", "beginn", "ende")
WEEKLY_FIELDS = ("wochentag", "beginn", "ende")


@dataclass
class Row:
    line: str  # the line as written (for messages)
    values: dict[str, str]  # field key -> form value


@dataclass
class RowError:
    line: str
    message: str


def _controls(repeat: Repeat) -> list[Control]:
    return [child for child in repeat.rows[0].children if isinstance(child, Control)]


def _keys(repeat: Repeat) -> list[str]:
    return [control.name.rsplit(".", 1)[-1] for control in _controls(repeat)]


def shape(repeat: Repeat) -> str:
    keys = _keys(repeat)
    if "datum" in keys and set(keys) <= set(DATE_FIELDS):
        return "dates"
    if keys[:3] == list(WEEKLY_FIELDS) and set(keys) <= {*WEEKLY_FIELDS, "ort"}:
        return "weekly"
    return "generic"


def explanation(repeat: Repeat) -> str:
    """How to write the rows, for the field's description."""
    kind = shape(repeat)
    if kind == "dates":
        return (
            "Schreiben Sie jeden Termin in eine eigene Zeile: das Datum als TT.MM.JJJJ, bei mehreren Tagen "
            "am Stück „bis“ und den letzten Tag; nach einem Komma die Uhrzeit, z. B. „9:00 bis 12:00“."
        )
    if kind == "weekly":
        venue = "; wenn es woanders stattfindet, nach einem Komma den Ort" if "ort" in _keys(repeat) else ""
        return f"Schreiben Sie jede Zeit in eine eigene Zeile: den Wochentag, dann die Uhrzeit von bis{venue}."
    labels = "; ".join(control.label for control in _controls(repeat))
    return f"Schreiben Sie jeden Eintrag in eine eigene Zeile, die Angaben durch Semikolon getrennt: {labels}."


def placeholder(repeat: Repeat) -> str:
    """Example lines, for the field's placeholder."""
    kind = shape(repeat)
    if kind == "dates":
        return "02.08.2027, 9:00 bis 12:00\n03.08.2027 bis 06.08.2027, 9:00 bis 12:00"
    if kind == "weekly":
        venue = ", Turnhalle Lutherschule" if "ort" in _keys(repeat) else ""
        return f"Dienstag, 16:30 bis 18:00\nDonnerstag, 16:30 bis 18:00{venue}"
    return "; ".join(_shown_example(control) for control in _controls(repeat))


def _shown_example(control: Control) -> str:
    if control.kind == "date":
        return german_date(control.example)
    if control.choices:
        return dict(control.choices).get(control.example, control.example)
    return control.example


def german_date(iso: str) -> str:
    """``2027-08-02`` -> ``02.08.2027``."""
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def parse(repeat: Repeat, text: str) -> tuple[list[Row], list[RowError]]:
    """The rows written in ``text`` as form values, and a message for each line that cannot be read."""
    parsed, errors = [], []
    reader = {"dates": _date_row, "weekly": _weekly_row, "generic": _generic_row}[shape(repeat)]
    for raw in text.splitlines():
        line = re.sub(r"^\s*[-*•]\s+", "", raw).strip()
        if not line:
            continue
        try:
            parsed.append(Row(line, reader(repeat, line)))
        except ValueError as error:
            errors.append(RowError(line, str(error)))
    return parsed, errors


def iso_date(text: str) -> str:
    """``2.8.2027`` or ``2027-08-02`` -> ``2027-08-02``; ValueError with a German message otherwise."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ValueError(f"„{text}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ schreiben, z. B. „02.08.2027“.")


def _time(text: str | None) -> str:
    if not text:
        return ""
    hours, _, minutes = text.replace(".", ":").partition(":")
    return f"{int(hours)}:{minutes or '00'}"


def _date_row(repeat: Repeat, line: str) -> dict[str, str]:
    match = DATE_ROW.match(line)
    if not match:
        raise ValueError(
            "Diese Zeile lässt sich nicht lesen. Bitte einen Termin je Zeile, "
            "z. B. „02.08.2027, 9:00 bis 12:00“ oder „03.08.2027 bis 06.08.2027“."
        )
    first, last, begin, end = match.groups()
    values = {"datum": iso_date(first), "enddatum": iso_date(last) if last else "", "beginn": _time(begin), "ende": _time(end)}
    keys = _keys(repeat)
    if any(values[key] for key in values if key not in keys):
        raise ValueError(f"Die Zeile enthält mehr Angaben, als hier vorgesehen sind ({', '.join(keys)}).")
    return {key: value for key, value in values.items() if value}


def _weekly_row(repeat: Repeat, line: str) -> dict[str, str]:
    match = WEEKLY_ROW.match(line)
    keys = _keys(repeat)
    if not match or (match.group(4) and "ort" not in keys):
        venue = ", Turnhalle Lutherschule" if "ort" in keys else ""
        raise ValueError(f"Diese Zeile lässt sich nicht lesen. Bitte eine Zeit je Zeile, z. B. „Dienstag, 16:30 bis 18:00{venue}“.")
    day, begin, end, venue_text = match.groups()
    weekday = next(control for control in _controls(repeat) if control.name.endswith(".wochentag"))
    values = {"wochentag": _weekday(day, weekday.choices), "beginn": _time(begin), "ende": _time(end)}
    if venue_text:
        values["ort"] = venue_text.strip()
    return values


def _weekday(text: str, choices: list[tuple[str, str]]) -> str:
    wanted = text.casefold()
    for value, label in choices:
        if wanted in (value.casefold(), label.casefold(), label[:2].casefold()):
            return value
    hint = suggest(text, [label for _, label in choices])
    advice = f" Meinten Sie „{hint}“?" if hint else " Bitte den Wochentag ausschreiben, z. B. „Dienstag“."
    raise ValueError(f"„{text}“ ist kein Wochentag.{advice}")


def _generic_row(repeat: Repeat, line: str) -> dict[str, str]:
    controls = _controls(repeat)
    parts = [part.strip() for part in line.split(";")]
    if len(parts) > len(controls):
        labels = "; ".join(control.label for control in controls)
        raise ValueError(f"Die Zeile hat {len(parts)} Angaben, vorgesehen sind höchstens {len(controls)}: {labels}.")
    values = {}
    for control, part in zip(controls, parts, strict=False):
        key = control.name.rsplit(".", 1)[-1]
        if not part:
            continue
        if control.kind == "date":
            values[key] = iso_date(part)
        elif control.choices:
            values[key] = choice_value(part, control.choices)
        else:
            values[key] = part
    return values


def choice_value(text: str, choices: list[tuple[str, str]]) -> str:
    """The value of the option written as its label (or its value); ValueError with a German message otherwise."""
    wanted = text.strip().casefold()
    for value, label in choices:
        if wanted in (label.casefold(), value.casefold()):
            return value
    labels = [label for _, label in choices]
    by_value = dict(choices)
    hint = suggest(text, labels) or by_value.get(suggest(text, list(by_value)) or "")
    allowed = ", ".join(f"„{label}“" for label in labels)
    raise ValueError(f"„{text}“ ist keine der Möglichkeiten. Erlaubt: {allowed}." + (f" Meinten Sie „{hint}“?" if hint else ""))
