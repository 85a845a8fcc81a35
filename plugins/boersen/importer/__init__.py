"""``boersen import``: a town's CSV or JSON export -> offer and organisation files, through a mapping.

reading.py     bytes -> records (encoding and separator named or recognised, rows numbered)
mapping.py     the mapping file (YAML) -> rules, checked with German messages
conversion.py  records -> data in the data files' form; what cannot be converted, per row and column
writing.py     data -> files (yaml_writer), each checked as the validator checks it before it is written;
               re-runs find their files by a header comment and update them
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema as schemas
from ..catalog import load_catalog
from ..problems import Problems
from ..schema_check import suggest
from .conversion import RowError, convert, field_schema
from .mapping import Mapping, load_mapping, report
from .reading import ReadError, Table, read_table
from .writing import Outcome, assign_names, write_all


@dataclass
class ImportResult:
    lines: list[str] = field(default_factory=list)  # what the command prints, in order
    code: int = 0  # 0: every row imported, 1: some rows not, 2: nothing done (mapping, source or data folder)


def run_import(
    mapping_file: Path,
    source_file: Path,
    data_dir: Path,
    today: datetime.date,
    *,
    encoding: str | None = None,
    separator: str | None = None,
) -> ImportResult:
    result = ImportResult()
    problems = Problems()
    mapping = load_mapping(mapping_file, problems)
    if mapping is None:
        return _stop(result, [str(p) for p in problems.sorted()])
    try:
        table = read_table(source_file, encoding=encoding or mapping.encoding, separator=separator or mapping.separator, kind=mapping.kind)
    except ReadError as error:
        return _stop(result, [str(error)])
    catalog, _ = load_catalog(data_dir, today)
    boerse = next((b for b in catalog.boersen if b.slug == mapping.boerse), None)
    if boerse is None:
        message = f"Die Börse „{mapping.boerse}“ gibt es in {data_dir}/ nicht"
        known = [b.slug for b in catalog.boersen]
        if (data_dir / mapping.boerse / "_boerse.yaml").exists():
            message += " fehlerfrei; bitte zuerst „boersen validate“ ausführen und die Fehler beheben"
        message += f". Vorhanden: {', '.join(known) or 'keine'}."
        report(mapping, ("boerse",), message, problems)
        return _stop(result, [str(p) for p in problems.sorted()])
    _check_against(mapping, table, boerse.schema, problems)
    if problems:
        return _stop(result, [str(p) for p in problems.sorted()])

    separator_note = f", Trennzeichen „{table.separator}“" if table.separator else ""
    count = len(table.records)
    unit = {"Zeile": "Zeilen", "Eintrag": "Einträge"}[table.unit] if count != 1 else table.unit
    result.lines.append(f"Gelesen: {table.name} ({table.encoding}{separator_note}), {count} {unit} mit Daten.")
    items, organisations, errors = convert(table, mapping, boerse.schema, schemas.organisation_schema())
    assign_names(items, data_dir / boerse.slug, mapping.name)
    outcome = write_all(items, organisations, catalog, boerse, data_dir, mapping.name)
    all_errors = sorted([*errors, *outcome.errors], key=lambda e: e.number)
    result.lines.extend(_row_line(table, error) for error in all_errors)
    result.lines.extend(_summary(outcome, data_dir / boerse.slug, bool(mapping.organisation)))
    failed = sorted({error.number for error in all_errors})
    if failed:
        word = "Zeile" if table.unit == "Zeile" else "Eintrag"
        plural = {"Zeile": "Zeilen", "Eintrag": "Einträge"}[word] if len(failed) > 1 else word
        result.lines.append(f"Nicht übernommen: {len(failed)} {plural} ({', '.join(str(n) for n in failed)}).")
        result.code = 1
    return result


def _stop(result: ImportResult, lines: list[str]) -> ImportResult:
    result.lines.extend(lines)
    result.lines.append("Nichts importiert.")
    result.code = 2
    return result


def _check_against(mapping: Mapping, table: Table, offer_schema: dict, problems: Problems) -> None:
    """Every field the mapping fills exists in the Börse (or for organisations), every column in the source."""
    organisation_schema = schemas.organisation_schema()
    for name in mapping.fields:
        if field_schema(offer_schema, name) is None:
            _unknown(
                mapping, ("felder", name), f"Das Feld „{name}“ gibt es in der Börse „{mapping.boerse}“ nicht.", name, offer_schema, problems
            )
    if mapping.organisation:
        for name in mapping.organisation.fields:
            if field_schema(organisation_schema, name) is None:
                at = ("anbieter", "felder", name)
                _unknown(mapping, at, f"Das Feld „{name}“ gibt es für Anbieter nicht.", name, organisation_schema, problems)
    columns = [*mapping.key, *([mapping.continuation] if mapping.continuation else [])]
    for _, rule in mapping.rules():
        columns.extend(rule.used_columns())
    if mapping.coordinates:
        columns.extend((mapping.coordinates["rechts"], mapping.coordinates["hoch"]))
    for column in dict.fromkeys(columns):
        if column not in table.columns:
            hint = suggest(column, table.columns)
            message = f"Die Spalte „{column}“ gibt es in {table.name} nicht." + (f" Meinten Sie „{hint}“?" if hint else "")
            report(mapping, _where_column(mapping, column), message + f" Vorhanden: {', '.join(table.columns)}.", problems)


def _where_column(mapping: Mapping, column: str) -> tuple:
    for _, rule in mapping.rules():
        if column in rule.used_columns():
            return rule.at
    return ("quelle",) if column == mapping.continuation else ("koordinaten",) if mapping.coordinates else ("schluessel",)


def _unknown(mapping: Mapping, at: tuple, message: str, name: str, schema: dict, problems: Problems) -> None:
    names = [path.replace("[].", ".") for path, _ in schemas.iter_fields(schema)]
    hint = suggest(name, names)
    report(mapping, at, message + (f" Meinten Sie „{hint}“?" if hint else ""), problems, at_key=True)


def _row_line(table: Table, error: RowError) -> str:
    where = f"{table.name}, {table.unit} {error.number}"
    if error.column:
        where += f", Spalte „{error.column}“"
    if error.field:
        where += f" (Feld {error.field})"
    return f"{where}: {error.message}"


def _summary(outcome: Outcome, folder: Path, with_organisations: bool) -> list[str]:
    offers = outcome.offers
    lines = [f"Angebote in {folder}/: {offers.new} neu, {offers.changed} geändert, {offers.unchanged} unverändert."]
    if with_organisations:
        organisations = outcome.organisations
        lines.append(
            f"Anbieter: {organisations.new} neu, {organisations.changed} geändert, {organisations.unchanged} unverändert, "
            f"{organisations.existing} schon vorhanden (nicht verändert)."
        )
    return lines
