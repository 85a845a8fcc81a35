"""Writing the converted offers and organisations: only files that pass the validator, each once.

Every file the import writes starts with a comment naming the mapping and the record's key.
A second run finds its files by that comment and writes them again (or leaves them alone when
nothing changed), so a key keeps its file even when its title – and so the file name it would
get today – has changed. Files not written by this mapping are never overwritten: an offer
whose name is taken gets ``-2``, ``-3`` …; an organisation file that exists is used as it is.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema as schemas
from ..catalog import DATA_SUFFIXES, ORGANISATIONS_FOLDER, Catalog, check_offer_text, check_organisation_text
from ..model import Boerse
from ..site_paths import RESERVED_OFFER_NAMES, free_name
from ..yaml_writer import dump
from .conversion import Item, Organisation, RowError

_MARKER = re.compile(r'^# Erzeugt mit „boersen import“ \(Zuordnung (?P<mapping>[^,()]+), Schlüssel (?P<key>".*")\)\.$')


def header(mapping_name: str, key: str) -> str:
    return (
        f"# Erzeugt mit „boersen import“ (Zuordnung {mapping_name}, Schlüssel {json.dumps(key, ensure_ascii=False)}).\n"
        "# Ein neuer Import mit dieser Zuordnung schreibt die Datei neu; Änderungen von Hand gehen dabei verloren.\n"
    )


def written_by(path: Path) -> tuple[str, str] | None:
    """(mapping, key) of a file this import wrote, from its first line."""
    try:
        with path.open(encoding="utf-8") as file:
            first = file.readline().rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return None
    match = _MARKER.match(first)
    if match is None:
        return None
    try:
        return match["mapping"], json.loads(match["key"])
    except json.JSONDecodeError:
        return None


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    existing: int = 0  # organisations kept as they were (not written by this mapping)


@dataclass
class Outcome:
    offers: Counts = field(default_factory=Counts)
    organisations: Counts = field(default_factory=Counts)
    errors: list[RowError] = field(default_factory=list)
    failed: set[int] = field(default_factory=set)  # first rows of offers not written


def _data_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file() and not p.name.startswith(("_", ".")))


def assign_names(items: list[Item], folder: Path, mapping_name: str) -> None:
    """Each item's file name: the one this mapping wrote for its key before, else a free one."""
    ours: dict[str, str] = {}
    taken = set(RESERVED_OFFER_NAMES)
    for path in _data_files(folder):
        taken.add(path.stem)
        mark = written_by(path)
        if mark and mark[0] == mapping_name:
            ours[mark[1]] = path.stem
    for item in items:
        if item.key in ours:
            item.slug = ours[item.key]
    taken |= {item.slug for item in items if item.key in ours}
    for item in items:
        if item.key in ours:
            continue
        item.slug = free_name(item.slug, taken)
        taken.add(item.slug)


def write_all(
    items: list[Item], organisations: dict[str, Organisation], catalog: Catalog, boerse: Boerse, data_dir: Path, mapping_name: str
) -> Outcome:
    outcome = Outcome()
    organisation_schema = schemas.organisation_schema()
    available: list[str] = []
    for slug, organisation in organisations.items():
        path = data_dir / ORGANISATIONS_FOLDER / f"{slug}.yaml"
        mark = written_by(path) if path.exists() else None
        if (path.exists() or path.with_suffix(".md").exists()) and (mark is None or mark[0] != mapping_name):
            outcome.organisations.existing += 1
            available.append(slug)
            continue
        text = header(mapping_name, slug) + dump(organisation.data, organisation_schema)
        problems = check_organisation_text(path.name, text)
        if problems.errors:
            for problem in problems.errors:
                field_path = _plain_field(problem.field)
                outcome.errors.append(
                    RowError(organisation.number, organisation.columns.get(field_path), problem.message, f"anbieter.felder.{field_path}")
                )
            continue
        _write(path, text, outcome.organisations)
        available.append(slug)
    folder = data_dir / boerse.slug
    for item in items:
        text = header(mapping_name, item.key) + dump(item.data, boerse.schema)
        problems = check_offer_text(catalog, boerse, f"{item.slug}.yaml", text, new_organisations=tuple(available))
        if problems.errors:
            outcome.failed.add(item.number)
            for problem in problems.errors:
                field_path = _plain_field(problem.field)
                outcome.errors.append(RowError(item.number, item.columns.get(field_path), problem.message, field_path))
            continue
        _write(folder / f"{item.slug}.yaml", text, outcome.offers)
    return outcome


def _plain_field(name: str) -> str:
    """``termine[1].datum`` -> ``termine.datum``, as the mapping names fields."""
    return re.sub(r"\[\d+\]", "", name)


def _write(path: Path, text: str, counts: Counts) -> None:
    if path.exists():
        if path.read_text(encoding="utf-8") == text:
            counts.unchanged += 1
            return
        counts.changed += 1
    else:
        counts.new += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.import")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
