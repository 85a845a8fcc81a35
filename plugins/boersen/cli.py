"""The ``boersen`` command: validate data, start a new offer, write the JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import schema as schemas
from .catalog import BOERSE_FILE, ORGANISATIONS_FOLDER, load_catalog
from .ci.formats import FORMATS, emit
from .offer_template import render_template
from .problems import Problems, readable_lines
from .schema_check import check_document
from .source import read_document
from .today import TodayError, resolve_today

SCHEMA_FOLDER = "schema"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="boersen", description="Werkzeuge für die Daten der Börsen.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    validate = commands.add_parser("validate", help="Prüft alle Datendateien und meldet jeden Fehler.")
    validate.add_argument("data_dir", nargs="?", default="data", help="Datenordner (Standard: data)")
    validate.add_argument("--strict", action="store_true", help="Auch Warnungen lassen die Prüfung scheitern.")
    validate.add_argument("--verbose", action="store_true", help="Jede Warnung einzeln statt zusammengefasst.")
    validate.add_argument("--heute", help="Stichtag JJJJ-MM-TT statt des heutigen Datums.")
    validate.add_argument("--format", choices=FORMATS, default="text", help="Ausgabe: text (Standard), github oder gitlab.")
    validate.add_argument("--report", type=Path, metavar="DATEI", help="Datei für den Code-Quality-Bericht (nur mit --format gitlab).")
    validate.add_argument(
        "--changed-files", type=Path, metavar="DATEI", help="Liste der geänderten Dateien, eine je Zeile (für --format github)."
    )

    new = commands.add_parser("new", help="Legt eine kommentierte Vorlage für ein neues Angebot oder einen Anbieter an.")
    new.add_argument("boerse", help="Ordnername der Börse, z. B. ferienboerse, oder anbieter für einen neuen Anbieter")
    new.add_argument("name", nargs="?", default="neues-angebot", help="Dateiname ohne Endung (Standard: neues-angebot)")
    new.add_argument("--data-dir", default="data", help="Datenordner (Standard: data)")

    schema = commands.add_parser("schema", help="Schreibt die JSON-Schemas der Datentypen und Börsen in einen Ordner.")
    schema.add_argument("folder", nargs="?", default=SCHEMA_FOLDER, help="Zielordner (Standard: schema)")
    schema.add_argument("--data-dir", default="data", help="Datenordner mit den Börsen (Standard: data)")

    importing = commands.add_parser("import", help="Macht aus einer CSV- oder JSON-Datei Angebots- und Anbieterdateien.")
    importing.add_argument("mapping", type=Path, metavar="ZUORDNUNG", help="Zuordnung (YAML): welche Spalte welches Feld wird")
    importing.add_argument("source", type=Path, metavar="QUELLE", help="CSV- oder JSON-Datei")
    importing.add_argument("--data-dir", default="data", help="Datenordner (Standard: data)")
    importing.add_argument("--kodierung", help="utf-8, windows-1252 oder iso-8859-1 (sonst erkannt)")
    importing.add_argument("--trennzeichen", help="; oder , (sonst erkannt)")
    importing.add_argument("--heute", help="Stichtag JJJJ-MM-TT für die Prüfung statt des heutigen Datums.")

    args = parser.parse_args(argv)
    if args.command == "import":
        return _import(args)
    if args.command == "validate":
        if (args.format == "gitlab") != (args.report is not None):
            validate.error("--report DATEI gehört zu --format gitlab, und --format gitlab braucht --report DATEI.")
        return _validate(Path(args.data_dir), args.strict, args.heute, args.format, args.report, args.changed_files, args.verbose)
    if args.command == "new":
        return _new(Path(args.data_dir), args.boerse, args.name)
    return _write_schemas(Path(args.folder), Path(args.data_dir))


def _validate(
    data_dir: Path,
    strict: bool,
    today: str | None,
    output_format: str = "text",
    report: Path | None = None,
    changed: Path | None = None,
    verbose: bool = False,
) -> int:
    try:
        day = resolve_today(today)
    except TodayError as error:
        print(error, file=sys.stderr)
        return 2
    catalog, problems = load_catalog(data_dir, day)
    headline = summary(catalog, problems)
    if output_format == "text":
        for line in readable_lines(problems, verbose=verbose):
            print(line)
    else:
        emit(output_format, problems.sorted(), data_dir, headline, changed_files=changed, report=report)
    print(headline)
    failed = problems.errors or (strict and problems.warnings)
    return 1 if failed else 0


def summary(catalog, problems: Problems) -> str:
    offers = sum(len(boerse.offers) for boerse in catalog.boersen)
    checked = f"{len(catalog.boersen)} Börsen, {offers} gültige Angebote, {len(catalog.organisations)} Anbieter"
    if not problems:
        return f"Alles in Ordnung: {checked}."
    return f"{_count(len(problems.errors), 'Fehler', 'Fehler')}, {_count(len(problems.warnings), 'Warnung', 'Warnungen')} ({checked})."


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _new(data_dir: Path, boerse: str, name: str) -> int:
    if boerse == ORGANISATIONS_FOLDER:
        return _new_organisation(data_dir, name)
    config = data_dir / boerse / BOERSE_FILE
    if not config.exists():
        existing = sorted(p.parent.name for p in data_dir.glob(f"*/{BOERSE_FILE}"))
        print(f"Die Börse „{boerse}“ gibt es nicht (keine Datei {config}). Vorhanden: {', '.join(existing) or 'keine'}.", file=sys.stderr)
        return 2
    target = _new_file(data_dir / boerse, name)
    if target is None:
        return 2
    problems = Problems()
    document = read_document(config, str(config), problems)
    if document is None or not check_document(document, schemas.boerse_schema(), problems):
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        return 1
    data = document.data
    offer_schema = schemas.offer_schema(
        data["typ"], categories=data["kategorien"], extra_fields=data.get("zusatzfelder", []), title=data["titel"]
    )
    modeline = f"../../{SCHEMA_FOLDER}/{schemas.BOERSE_SCHEMA_FOLDER}/{boerse}.schema.json"  # the Börse's own schema
    target.write_text(render_template(offer_schema, modeline), encoding="utf-8")
    print(f"Vorlage geschrieben: {target}")
    return 0


def _new_file(folder: Path, name: str) -> Path | None:
    """Where a new template goes; None (and the reason printed) for a bad or taken name."""
    if not schemas.re_slug(name):
        print(f"„{name}“ ist als Dateiname ungeeignet: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche.", file=sys.stderr)
        return None
    target = folder / f"{name}.yaml"
    if target.exists() or target.with_suffix(".md").exists():
        print(f"{target} gibt es schon; sie wird nicht überschrieben. Bitte einen anderen Namen angeben.", file=sys.stderr)
        return None
    return target


def _new_organisation(data_dir: Path, name: str) -> int:
    """``boersen new anbieter NAME``: a commented template for an organisation."""
    target = _new_file(data_dir / ORGANISATIONS_FOLDER, name)
    if target is None:
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    text = render_template(schemas.organisation_schema(), f"../../{SCHEMA_FOLDER}/anbieter.schema.json", "Neuer Anbieter")
    target.write_text(text, encoding="utf-8")
    print(f"Vorlage geschrieben: {target}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importer import run_import

    try:
        day = resolve_today(args.heute)
    except TodayError as error:
        print(error, file=sys.stderr)
        return 2
    result = run_import(args.mapping, args.source, Path(args.data_dir), day, encoding=args.kodierung, separator=args.trennzeichen)
    for line in result.lines:
        print(line, file=sys.stderr if result.code == 2 else sys.stdout)
    return result.code


def _write_schemas(folder: Path, data_dir: Path) -> int:
    catalog, problems = load_catalog(data_dir, resolve_today(None))
    if problems.errors:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        print(f"Die Daten haben Fehler; die Schemas wurden nicht geschrieben ({len(problems.errors)} Fehler).", file=sys.stderr)
        return 1
    files = schemas.published_schemas(catalog.boersen)
    schemas.write_schemas(folder, files)
    print(f"{len(files)} Schemas geschrieben nach {folder}/")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
