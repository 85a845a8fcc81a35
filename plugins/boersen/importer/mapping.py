"""The mapping file: which column of an export becomes which field of an offer or organisation.

A mapping is a YAML file in the same safe dialect as the data files (German keys)::

    boerse: kita-boerse                # the folder of the Börse in data/
    quelle:                            # all optional: recognised when left out
      kodierung: iso-8859-1            # utf-8, windows-1252 or iso-8859-1
      trennzeichen: ";"                # ";" or ","
      fortsetzung_wenn_leer: Adresse   # a row with this cell empty continues the row before
    schluessel: poi_id                 # column(s) that name an offer for good (re-imports)
    dateiname: name                    # how the file name is built (made a valid name)
    felder:                            # field (dotted for groups) -> column or rule
      titel: name
      ort.plz: {spalte: plz_ort, muster: '^(\\d{5})'}
      traegerart: {spalte: kategorie, werte: {Kommunale Kitas: kommunal}}
      kategorien: {wert: [kindergarten]}
    koordinaten: {utm_zone: 32, rechts: rechts_utm, hoch: hoch_utm}
    anbieter:                          # organisation files written alongside
      dateiname: {spalte: kategorie, werte: {…}}
      felder: {name: kategorie}

A rule (instead of a column name) has one source: ``spalte`` (a column, or a list: the first
one filled in), ``teile`` (the filled-in cells of several columns, joined by spaces or by
``verbinden``: ``,`` gives ", ", ``/`` gives " / "), ``vorlage`` (text with
``{Spalte}``; empty when one of them is) or ``wert`` (a fixed value); and may add ``muster``
(a regular expression; its first group is taken), ``werte`` (a table of values), ``standard``
(the value when the source is empty), ``trenner`` (splits a cell into a list, default ","; with
``je_zeile`` only when given) and
``je_zeile`` (a list with one entry per row, continuation rows included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema as schemas
from ..problems import FILE_LEVEL, Problems
from ..schema_check import check_document
from ..source import Document, FieldPath, field_name, read_document

RULE_KEYS = ("spalte", "teile", "verbinden", "vorlage", "wert", "muster", "werte", "standard", "trenner", "je_zeile")
SOURCES = ("spalte", "teile", "vorlage", "wert")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass
class Rule:
    """How one field's value comes from a record."""

    at: FieldPath  # where the rule stands in the mapping file, for messages
    columns: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    join: str = " "
    template: str | None = None
    fixed: Any = None
    has_fixed: bool = False
    values: dict[str, Any] | None = None
    default: Any = None
    pattern: re.Pattern | None = None
    split: str | None = None  # None: a cell for a list is split at commas, a per-row entry is not split
    per_row: bool = False

    def used_columns(self) -> list[str]:
        return [*self.columns, *self.parts, *(_PLACEHOLDER.findall(self.template) if self.template else [])]

    def first_column(self) -> str | None:
        used = self.used_columns()
        return used[0] if used else None


@dataclass
class OrganisationMapping:
    file_name: Rule
    fields: dict[str, Rule]


@dataclass
class Mapping:
    name: str  # the mapping's file name without suffix: marks the files it wrote
    path: str
    document: Document
    boerse: str
    encoding: str | None
    separator: str | None
    kind: str | None
    continuation: str | None
    key: list[str]
    file_name: Rule
    fields: dict[str, Rule]
    coordinates: dict[str, Any] | None
    organisation: OrganisationMapping | None

    def rules(self):
        """Every rule with the name it is reported under."""
        yield "dateiname", self.file_name
        yield from self.fields.items()
        if self.organisation:
            yield "anbieter.dateiname", self.organisation.file_name
            for name, rule in self.organisation.fields.items():
                yield f"anbieter.felder.{name}", rule


def _rule_schema() -> dict:
    return {"type": ["string", "object"]}


MAPPING_SCHEMA = {
    "$schema": schemas.SCHEMA_DIALECT,
    "title": "Zuordnung für boersen import",
    "type": "object",
    "additionalProperties": False,
    "required": ["boerse", "dateiname", "felder"],
    "properties": {
        "boerse": schemas.slug("Börse", "Ordnername der Börse in data/.", "kita-boerse"),
        "quelle": schemas.group(
            "Quelle",
            "Wie die Quelldatei gelesen wird; ohne Angabe wird es erkannt.",
            {
                "kodierung": schemas.choice(
                    "Kodierung",
                    "Zeichenkodierung der Quelldatei.",
                    {"utf-8": "UTF-8", "windows-1252": "Windows-1252", "iso-8859-1": "ISO-8859-1"},
                    "utf-8",
                ),
                "trennzeichen": schemas.choice("Trennzeichen", "Zeichen zwischen den Zellen.", {";": "Semikolon", ",": "Komma"}, ";"),
                "format": schemas.choice("Format", "Art der Quelldatei.", {"csv": "CSV", "json": "JSON"}, "csv"),
                "fortsetzung_wenn_leer": schemas.text(
                    "Fortsetzungszeilen", "Eine Zeile, in der diese Spalte leer ist, gehört zur Zeile davor.", "Adresse"
                ),
            },
        ),
        "schluessel": {"type": ["string", "array"], "items": {"type": "string"}, "minItems": 1},
        "dateiname": _rule_schema(),
        "felder": {"type": "object", "minProperties": 1, "additionalProperties": _rule_schema()},
        "koordinaten": schemas.group(
            "Koordinaten",
            "UTM-Koordinaten aus zwei Spalten, umgerechnet in ort.breite und ort.laenge.",
            {
                "utm_zone": schemas.integer("UTM-Zone", "Zone der Koordinaten, in Deutschland 32 oder 33.", 32, minimum=1, maximum=60),
                "rechts": schemas.text("Rechtswert", "Spalte mit dem Rechtswert (Ost).", "rechts_utm"),
                "hoch": schemas.text("Hochwert", "Spalte mit dem Hochwert (Nord).", "hoch_utm"),
            },
            required=("utm_zone", "rechts", "hoch"),
        ),
        "anbieter": {
            "type": "object",
            "additionalProperties": False,
            "required": ["dateiname", "felder"],
            "properties": {
                "dateiname": _rule_schema(),
                "felder": {"type": "object", "minProperties": 1, "additionalProperties": _rule_schema()},
            },
        },
    },
}


def load_mapping(path: Path, problems: Problems) -> Mapping | None:
    """The mapping in ``path``, or None with every mistake in ``problems``."""
    display = str(path)
    read = Problems()  # warnings meant for volunteers' data files (a " #" comment after a value) do not apply here
    document = read_document(path, display, read)
    if document is not None:
        check_document(document, MAPPING_SCHEMA, read)
    for problem in read.errors:
        problems.error(problem.path, problem.line, problem.column, problem.field, problem.message)
    if document is None or read.errors:
        return None
    data = document.data
    found = Problems()

    def rule(value: Any, at: FieldPath) -> Rule:
        return _rule(value, at, document, found)

    source = data.get("quelle", {})
    key = data.get("schluessel", [])
    organisation = None
    if "anbieter" in data:
        organisation = OrganisationMapping(
            rule(data["anbieter"]["dateiname"], ("anbieter", "dateiname")),
            {name: rule(value, ("anbieter", "felder", name)) for name, value in data["anbieter"]["felder"].items()},
        )
    mapping = Mapping(
        name=path.stem,
        path=display,
        document=document,
        boerse=data["boerse"],
        encoding=source.get("kodierung"),
        separator=source.get("trennzeichen"),
        kind=source.get("format"),
        continuation=source.get("fortsetzung_wenn_leer"),
        key=[key] if isinstance(key, str) else list(key),
        file_name=rule(data["dateiname"], ("dateiname",)),
        fields={name: rule(value, ("felder", name)) for name, value in data["felder"].items()},
        coordinates=data.get("koordinaten"),
        organisation=organisation,
    )
    problems.extend(found)
    return None if found else mapping


def joiner(word: str) -> str:
    """What stands between parts: ``,`` -> ``", "``, ``/`` -> ``" / "``, ``und`` -> ``" und "``
    (a value in the mapping loses surrounding spaces, so they are added here)."""
    word = word.strip()
    if not word:
        return " "
    return f"{word} " if word in (",", ";", ".", ":") else f" {word} "


def report(mapping: Mapping, at: FieldPath, message: str, problems: Problems, *, at_key: bool = False) -> None:
    """A mistake in the mapping file, at the line of ``at`` (its value, or its name when ``at_key``)."""
    line, column = mapping.document.key_position(at) if at_key else mapping.document.position(at)
    problems.error(mapping.path, line, column, field_name(at) if at else FILE_LEVEL, message)


def _rule(value: Any, at: FieldPath, document: Document, problems: Problems) -> Rule:
    def error(path: FieldPath, message: str, *, at_key: bool = False) -> None:
        line, column = document.key_position(path) if at_key else document.position(path)
        problems.error(document.path, line, column, field_name(path), message)

    if isinstance(value, str):
        return Rule(at, columns=[value])
    unknown = [key for key in value if key not in RULE_KEYS]
    for key in unknown:
        error((*at, key), f"„{key}“ ist in einer Regel nicht vorgesehen. Möglich: {', '.join(RULE_KEYS)}.", at_key=True)
    sources = [key for key in SOURCES if key in value]
    if len(sources) != 1:
        error(
            at,
            "Eine Regel braucht genau eine Quelle: spalte, teile, vorlage oder wert."
            + (f" Hier: {', '.join(sources)}." if sources else ""),
        )
    rule = Rule(at)
    if "spalte" in value:
        columns = value["spalte"]
        rule.columns = [columns] if isinstance(columns, str) else [str(c) for c in columns] if isinstance(columns, list) else []
        if not rule.columns:
            error((*at, "spalte"), "Erwartet wird ein Spaltenname oder eine Liste von Spaltennamen.")
    if "teile" in value:
        parts = value["teile"]
        rule.parts = [str(p) for p in parts] if isinstance(parts, list) and parts else []
        if not rule.parts:
            error((*at, "teile"), "Erwartet wird eine Liste von Spaltennamen, z. B. teile: [Art, Bezeichnung].")
    if "verbinden" in value:
        rule.join = joiner(str(value["verbinden"]))
    if "vorlage" in value:
        rule.template = str(value["vorlage"])
        if not _PLACEHOLDER.search(rule.template):
            error((*at, "vorlage"), "Eine Vorlage nennt mindestens eine Spalte in geschweiften Klammern, z. B. „Kita in {plz_ort}“.")
    if "wert" in value:
        rule.fixed, rule.has_fixed = value["wert"], True
    if "werte" in value:
        if not isinstance(value["werte"], dict) or not value["werte"]:
            error((*at, "werte"), "Erwartet wird eine Tabelle „Wert in der Quelle: Wert im Angebot“.")
        else:
            rule.values = {str(key).strip(): item for key, item in value["werte"].items()}
    rule.default = value.get("standard")
    if "muster" in value:
        try:
            rule.pattern = re.compile(str(value["muster"]))
        except re.error as problem:
            error((*at, "muster"), f"Das Muster ist kein gültiger regulärer Ausdruck ({problem}).")
    if "trenner" in value:
        rule.split = str(value["trenner"])
    if "je_zeile" in value:
        if not isinstance(value["je_zeile"], bool):
            error((*at, "je_zeile"), "Erwartet wird true oder false.")
        rule.per_row = value["je_zeile"] is True
    return rule
