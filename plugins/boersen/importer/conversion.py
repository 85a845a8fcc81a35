"""From records to offer and organisation data: rules applied, values in the data files' form.

The form of a value follows the field it goes to: German dates (``31.07.2027``) become
``2027-07-31``, times (``9.30 Uhr``) ``9:30``, numbers (``12,50``) 12.5, yes and no
(``ja``, ``x``, ``nein``) true and false, web addresses without ``https://`` get it, a cell
for a list is split at commas. What cannot be converted is reported with its row and column,
and that row's offer is left out.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..schema import Schema
from .mapping import Mapping, Rule
from .reading import Record, Table

MISSING = object()
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:\s*Uhr)?$", re.IGNORECASE)
_YES = {"ja", "j", "x", "true", "wahr", "1", "yes"}
_NO = {"nein", "n", "false", "falsch", "0", "no", "-"}


class ConversionError(Exception):
    def __init__(self, column: str | None, message: str):
        super().__init__(message)
        self.column, self.message = column, message


@dataclass
class RowError:
    number: int
    column: str | None
    message: str
    field: str | None = None


@dataclass
class Item:
    """One offer to write: from one row, or several (continuation rows, the same key)."""

    number: int
    rows: list[Record]
    key: str
    slug: str
    data: dict[str, Any]
    columns: dict[str, str]  # field -> the column its value came from, for messages
    organisation: str | None = None


@dataclass
class Organisation:
    slug: str
    number: int
    data: dict[str, Any]
    columns: dict[str, str] = field(default_factory=dict)


def slugify(text: str) -> str:
    """A file name from a text: ``Kita Zauberwürfel (Süd)`` -> ``kita-zauberwuerfel-sued``."""
    text = text.strip().lower()
    for umlaut, ascii_form in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ascii_form)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:80].rstrip("-")


def field_schema(schema: Schema, name: str) -> Schema | None:
    """The schema of a dotted field (``ort.plz``, ``termine.datum``), or None when there is none."""
    current = schema
    for part in name.split("."):
        if current.get("type") == "array":
            current = current["items"]
        current = current.get("properties", {}).get(part)
        if current is None:
            return None
    return current


def group_records(table: Table, mapping: Mapping, errors: list[RowError]) -> list[list[Record]]:
    """Rows that belong together: continuation rows join the row before, rows with the same key join the first."""
    groups: list[list[Record]] = []
    for record in table.records:
        if mapping.continuation and not record.cells.get(mapping.continuation):
            if groups:
                groups[-1].append(record)
            else:
                errors.append(
                    RowError(
                        record.number,
                        mapping.continuation,
                        "Die Spalte ist leer, also setzt die Zeile die Zeile davor fort – davor steht aber keine.",
                    )
                )
            continue
        groups.append([record])
    if not mapping.key:
        return groups
    by_key: dict[str, list[Record]] = {}
    for rows in groups:
        by_key.setdefault(record_key(mapping, rows[0]), []).extend(rows)
    return list(by_key.values())


def record_key(mapping: Mapping, record: Record) -> str:
    return "|".join(record.cells.get(column, "") for column in mapping.key)


def convert(
    table: Table, mapping: Mapping, offer_schema: Schema, organisation_schema: Schema
) -> tuple[list[Item], dict[str, Organisation], list[RowError]]:
    errors: list[RowError] = []
    items: list[Item] = []
    organisations: dict[str, Organisation] = {}
    for rows in group_records(table, mapping, errors):
        found: list[RowError] = []
        number = rows[0].number
        if mapping.key and not any(rows[0].cells.get(column) for column in mapping.key):
            names = ", ".join(f"„{column}“" for column in mapping.key)
            found.append(
                RowError(
                    number, mapping.key[0], f"Die Schlüsselspalte ist leer ({names}); ohne Schlüssel lässt sich die Zeile nicht zuordnen."
                )
            )
        slug = _slug(mapping.file_name, rows, "dateiname", found)
        data, columns = _apply(mapping.fields, rows, offer_schema, found)
        _coordinates(mapping, rows, data, found)
        organisation = None
        if mapping.organisation and not found:
            organisation = _slug(mapping.organisation.file_name, rows, "anbieter.dateiname", found)
            if organisation and organisation not in organisations:
                org_data, org_columns = _apply(mapping.organisation.fields, rows, organisation_schema, found)
                organisations[organisation] = Organisation(organisation, number, org_data, org_columns)
            if organisation and "anbieter" not in mapping.fields:
                data["anbieter"] = organisation
        if found:
            errors.extend(found)
            continue
        key = record_key(mapping, rows[0]) if mapping.key else slug
        items.append(Item(number, rows, key, slug, data, columns, organisation))
    return items, organisations, errors


def _slug(rule: Rule, rows: list[Record], name: str, found: list[RowError]) -> str | None:
    try:
        value = _value(rule, rows, {"type": "string"})
    except ConversionError as error:
        found.append(RowError(rows[0].number, error.column, error.message, name))
        return None
    slug = slugify(str(value)) if value is not MISSING else ""
    if not slug:
        found.append(RowError(rows[0].number, rule.first_column(), f"Aus „{name}“ ergibt sich kein Dateiname: die Quelle ist leer."))
        return None
    return slug


def _apply(rules: dict[str, Rule], rows: list[Record], schema: Schema, found: list[RowError]) -> tuple[dict, dict[str, str]]:
    data: dict[str, Any] = {}
    columns: dict[str, str] = {}
    for name, rule in rules.items():
        target = field_schema(schema, name) or {}
        try:
            value = _value(rule, rows, target)
        except ConversionError as error:
            found.append(RowError(_row_of(rule, rows), error.column, error.message, name))
            continue
        if value is MISSING:
            continue
        _set(data, name, value, schema)
        if column := rule.first_column():
            columns[name] = column
    return data, columns


def _row_of(rule: Rule, rows: list[Record]) -> int:
    """The row a rule's value came from: the first with its column filled in."""
    for record in rows:
        if any(record.cells.get(column) for column in rule.used_columns()):
            return record.number
    return rows[0].number


def _set(data: dict, name: str, value: Any, schema: Schema) -> None:
    parts = name.split(".")
    current, current_schema = data, schema
    for part in parts[:-1]:
        current_schema = current_schema.get("properties", {}).get(part, {})
        if current_schema.get("type") == "array":
            current = current.setdefault(part, [{}])[0]
            current_schema = current_schema["items"]
        else:
            current = current.setdefault(part, {})
    current[parts[-1]] = value


def _raw(rule: Rule, record: Record) -> tuple[str, str | None]:
    """The text a rule reads from one row, and the column it came from."""
    cells = record.cells
    if rule.columns:
        for column in rule.columns:
            if cells.get(column):
                return cells[column], column
        return "", rule.columns[0]
    if rule.parts:
        return rule.join.join(cells[c] for c in rule.parts if cells.get(c)), rule.parts[0]
    if rule.template is not None:
        names = re.findall(r"\{([^{}]+)\}", rule.template)
        if not all(cells.get(name) for name in names):
            return "", names[0]
        return re.sub(r"\{([^{}]+)\}", lambda m: cells[m.group(1)], rule.template), names[0]
    return "", None


def _value(rule: Rule, rows: list[Record], target: Schema) -> Any:
    if rule.has_fixed:
        return rule.fixed
    is_list = target.get("type") == "array"
    if rule.per_row:
        values = []
        for record in rows:
            text, column = _raw(rule, record)
            if text:
                values.extend(_items(rule, _extract(rule, text, column), column, target, split=False))
        return _unique(values, target) if values else _default(rule, target)
    for record in rows:
        text, column = _raw(rule, record)
        if text:
            text = _extract(rule, text, column)
            if is_list:
                return _unique(_items(rule, text, column, target, split=True), target)
            return _convert(_mapped(rule, text, column), target, column)
    return _default(rule, target)


def _default(rule: Rule, target: Schema) -> Any:
    if rule.default is None:
        return MISSING
    return rule.default


def _unique(values: list, target: Schema) -> list:
    if not target.get("uniqueItems"):
        return values
    seen: list = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _extract(rule: Rule, text: str, column: str | None) -> str:
    if rule.pattern is None:
        return text
    match = rule.pattern.search(text)
    if match is None:
        raise ConversionError(column, f"„{text}“ passt nicht zum Muster „{rule.pattern.pattern}“ der Zuordnung.")
    return (match.group(1) if rule.pattern.groups else match.group(0)).strip()


def _items(rule: Rule, text: str, column: str | None, target: Schema, *, split: bool) -> list:
    item_schema = target.get("items", {}) if target.get("type") == "array" else target
    if rule.values and text in rule.values and isinstance(rule.values[text], list):
        return [_convert(value, item_schema, column) for value in rule.values[text]]
    separator = rule.split if rule.split is not None else ("," if split else None)
    parts = [part.strip() for part in text.split(separator)] if separator else [text]
    return [_convert(_mapped(rule, part, column), item_schema, column) for part in parts if part]


def _mapped(rule: Rule, text: str, column: str | None) -> Any:
    if rule.values is None:
        return text
    if text in rule.values:
        return rule.values[text]
    known = ", ".join(f"„{value}“" for value in rule.values)
    raise ConversionError(column, f"„{text}“ steht nicht in der Wertetabelle (werte) der Zuordnung. Dort stehen: {known}.")


def _convert(value: Any, target: Schema, column: str | None) -> Any:
    """A cell's text in the form of the field it goes to."""
    if not isinstance(value, str):
        return value
    kind, form = target.get("type"), target.get("format")
    if kind == "integer":
        number = _number(value, column, "ganze Zahl")
        if not float(number).is_integer():
            raise ConversionError(column, f"„{value}“ ist keine ganze Zahl.")
        return int(number)
    if kind == "number":
        return _number(value, column, "Zahl")
    if kind == "boolean":
        word = value.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        raise ConversionError(column, f"„{value}“ ist weder ja noch nein. Erwartet wird z. B. ja, nein, x oder leer.")
    if form == "date":
        return german_date(value, column)
    if form == "uhrzeit":
        return german_time(value, column)
    if form == "uri" and not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        return "https://" + value
    if target.get("contentMediaType") == "text/markdown":
        return value
    return " ".join(value.split())


def _number(text: str, column: str | None, what: str) -> float:
    cleaned = text.replace("€", "").replace("\u00a0", "").replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")  # 1.234,50
    try:
        number = float(cleaned)
    except ValueError:
        raise ConversionError(column, f"„{text}“ ist keine {what}.") from None
    if not math.isfinite(number):
        raise ConversionError(column, f"„{text}“ ist keine {what}.")
    return int(number) if number.is_integer() else number


def german_date(text: str, column: str | None = None) -> str:
    """``31.07.2027`` or ``2027-07-31`` -> ``2027-07-31``."""
    value = text.strip()
    if match := _GERMAN_DATE.match(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ConversionError(column, f"„{text}“ ist kein Datum. Erwartet wird z. B. 31.07.2027 oder 2027-07-31.")
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ConversionError(column, f"Den {text} gibt es nicht im Kalender.") from None


def german_time(text: str, column: str | None = None) -> str:
    """``9.30 Uhr``, ``09:30`` or ``9 Uhr`` -> ``9:30``, ``9:00``."""
    match = _TIME.match(text.strip())
    if match is None or int(match.group(1)) > 23:
        raise ConversionError(column, f"„{text}“ ist keine Uhrzeit. Erwartet wird z. B. 9:30, 9.30 Uhr oder 14 Uhr.")
    return f"{int(match.group(1))}:{match.group(2) or '00'}"


def _coordinates(mapping: Mapping, rows: list[Record], data: dict, found: list[RowError]) -> None:
    spec = mapping.coordinates
    if not spec or "ort" not in data:
        return
    cells = rows[0].cells
    east, north = cells.get(spec["rechts"], ""), cells.get(spec["hoch"], "")
    if not east or not north:
        return
    try:
        easting, northing = _number(east, spec["rechts"], "Zahl"), _number(north, spec["hoch"], "Zahl")
    except ConversionError as error:
        found.append(RowError(rows[0].number, error.column, f"{error.message} Erwartet wird ein UTM-Wert in Metern.", "koordinaten"))
        return
    latitude, longitude = utm_to_wgs84(easting, northing, spec["utm_zone"])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or not 100000 <= easting <= 900000:
        found.append(
            RowError(rows[0].number, spec["rechts"], f"„{east}“ / „{north}“ liegt nicht in UTM-Zone {spec['utm_zone']}.", "koordinaten")
        )
        return
    data["ort"]["breite"], data["ort"]["laenge"] = round(latitude, 6), round(longitude, 6)


def utm_to_wgs84(easting: float, northing: float, zone: int) -> tuple[float, float]:
    """UTM (northern hemisphere, ETRS89/WGS84 ellipsoid) to latitude and longitude in degrees."""
    a, f, k0 = 6378137.0, 1 / 298.257223563, 0.9996
    e2 = f * (2 - f)
    ep2 = e2 / (1 - e2)
    x, m = easting - 500000.0, northing / k0
    mu = m / (a * (1 - e2 / 4 - 3 * e2**2 / 64 - 5 * e2**3 / 256))
    e1 = (1 - math.sqrt(1 - e2)) / (1 + math.sqrt(1 - e2))
    phi = (
        mu
        + (3 * e1 / 2 - 27 * e1**3 / 32) * math.sin(2 * mu)
        + (21 * e1**2 / 16 - 55 * e1**4 / 32) * math.sin(4 * mu)
        + (151 * e1**3 / 96) * math.sin(6 * mu)
        + (1097 * e1**4 / 512) * math.sin(8 * mu)
    )
    sin, cos, tan = math.sin(phi), math.cos(phi), math.tan(phi)
    n = a / math.sqrt(1 - e2 * sin**2)
    t, c = tan**2, ep2 * cos**2
    r = a * (1 - e2) / (1 - e2 * sin**2) ** 1.5
    d = x / (n * k0)
    latitude = phi - (n * tan / r) * (
        d**2 / 2
        - (5 + 3 * t + 10 * c - 4 * c**2 - 9 * ep2) * d**4 / 24
        + (61 + 90 * t + 298 * c + 45 * t**2 - 252 * ep2 - 3 * c**2) * d**6 / 720
    )
    longitude = (d - (1 + 2 * t + c) * d**3 / 6 + (5 - 2 * c + 28 * t - 3 * c**2 + 8 * ep2 + 24 * t**2) * d**5 / 120) / cos
    return math.degrees(latitude), (zone - 1) * 6 - 180 + 3 + math.degrees(longitude)
