"""Reading a CSV or JSON export: encoding, separator, header, one record per row.

Exports come from spreadsheets and databases: UTF-8 with or without BOM, Windows-1252 or
ISO-8859-1; ``;`` or ``,`` between cells; header cells spanning two lines; spacer rows.
Rows are numbered as a spreadsheet shows them (the header is row 1, a cell with a line break
stays in its row); JSON entries are numbered from 1.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

ENCODINGS = {  # accepted spellings -> the name we report and decode with
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "windows-1252": "windows-1252",
    "cp1252": "windows-1252",
    "iso-8859-1": "iso-8859-1",
    "latin-1": "iso-8859-1",
    "latin1": "iso-8859-1",
}
SEPARATORS = {";": ";", ",": ",", "semikolon": ";", "komma": ","}
_BOM = b"\xef\xbb\xbf"
# Bytes 0x80-0x9F are control characters in ISO-8859-1, never in real text; Windows-1252 has
# letters and signs there ("€", "„", "–"). These five are undefined in Windows-1252.
_UNDEFINED_IN_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


class ReadError(Exception):
    """A source that cannot be read at all; the message is German and names the file."""


@dataclass
class Record:
    number: int  # row in the spreadsheet (header = 1) or entry in a JSON list (from 1)
    cells: dict[str, str]  # column -> text, stripped


@dataclass
class Table:
    name: str  # file name, for messages
    unit: str  # "Zeile" or "Eintrag"
    columns: list[str]
    records: list[Record]
    encoding: str
    separator: str | None = None


def read_table(path: Path, *, encoding: str | None = None, separator: str | None = None, kind: str | None = None) -> Table:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ReadError(f"{path}: Die Datei lässt sich nicht lesen ({error.strerror or error}).") from None
    text, used = decode(raw, path.name, encoding)
    if (kind or ("json" if path.suffix.lower() == ".json" else "csv")) == "json":
        return _read_json(text, path.name, used)
    return _read_csv(text, path.name, used, separator)


def decode(raw: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``raw`` and the encoding it was read with (named, or recognised)."""
    if encoding is not None:
        chosen = ENCODINGS.get(encoding.strip().lower())
        if chosen is None:
            raise ReadError(f"{name}: Die Kodierung „{encoding}“ ist unbekannt. Möglich: utf-8, windows-1252, iso-8859-1.")
        try:
            return _strip_bom(raw, chosen).decode(chosen), chosen
        except UnicodeDecodeError as error:
            raise ReadError(
                f"{name}: Die Datei ist nicht in {chosen} geschrieben (Byte 0x{raw[error.start]:02x} an Stelle {error.start + 1}). "
                "Ohne Angabe der Kodierung wird sie erkannt."
            ) from None
    if raw.startswith(_BOM):
        return raw[len(_BOM) :].decode("utf-8", errors="strict"), "utf-8"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= byte <= 0x9F for byte in raw) and not any(byte in _UNDEFINED_IN_1252 for byte in raw):
        return raw.decode("windows-1252"), "windows-1252"
    return raw.decode("iso-8859-1"), "iso-8859-1"


def _strip_bom(raw: bytes, encoding: str) -> bytes:
    return raw[len(_BOM) :] if encoding == "utf-8" and raw.startswith(_BOM) else raw


def detect_separator(text: str) -> str:
    """``;`` or ``,``: whichever separates more cells of the header row (outside quotes)."""
    counts = {";": 0, ",": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char in counts and not quoted:
            counts[char] += 1
        elif char == "\n" and not quoted and any(counts.values()):
            break
    return ";" if counts[";"] > counts[","] else ","


def _read_csv(text: str, name: str, encoding: str, separator: str | None) -> Table:
    if separator is not None:
        chosen = SEPARATORS.get(separator.strip().lower())
        if chosen is None:
            raise ReadError(f"{name}: Das Trennzeichen „{separator}“ ist nicht vorgesehen. Möglich: „;“ oder „,“.")
    else:
        chosen = detect_separator(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=chosen, quotechar='"', strict=False))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ReadError(f"{name}: Die erste Zeile muss die Spaltennamen enthalten, sie ist aber leer.")
    columns = [" ".join(cell.split()) for cell in rows[0]]
    seen: set[str] = set()
    for column in columns:
        if column and column in seen:
            raise ReadError(f"{name}: Die Spalte „{column}“ steht zweimal in der ersten Zeile. Jede Spalte braucht einen eigenen Namen.")
        seen.add(column)
    records = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {column: (row[index].strip() if index < len(row) else "") for index, column in enumerate(columns) if column}
        if any(cells.values()):
            records.append(Record(number, cells))
    return Table(name, "Zeile", [c for c in columns if c], records, encoding, chosen)


def _read_json(text: str, name: str, encoding: str) -> Table:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(f"{name}: Kein gültiges JSON (Zeile {error.lineno}, Spalte {error.colno}: {error.msg}).") from None
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) != 1:
            raise ReadError(f"{name}: Erwartet wird eine Liste von Einträgen, oder ein Objekt mit genau einer solchen Liste.")
        data = lists[0]
    if not isinstance(data, list):
        raise ReadError(f"{name}: Erwartet wird eine Liste von Einträgen, oder ein Objekt mit genau einer solchen Liste.")
    records, columns = [], {}
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise ReadError(f"{name}: Eintrag {number} ist kein Objekt mit Feldern.")
        cells = {key: value for key, value in _flatten(entry, "") if value}
        columns.update(dict.fromkeys(cells))
        records.append(Record(number, cells))
    return Table(name, "Eintrag", list(columns), records, encoding)


def _flatten(value: object, prefix: str):
    """Nested objects as dotted columns (``adresse.plz``); lists of values joined with commas."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}{key}" if not prefix else f"{prefix}.{key}")
    elif isinstance(value, list):
        yield prefix, ", ".join(text for item in value if (text := _text(item)))
    else:
        yield prefix, _text(value)


def _text(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if value is True or value is False:
        return "ja" if value else "nein"
    return str(value).strip()
