"""The schema is the single source of truth: every field documented, examples valid, files current."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest

from boersen import schema as schemas
from boersen.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
ALL_SCHEMAS = {
    **{kind: schemas.offer_schema(kind) for kind in schemas.TYPES},
    "boerse": schemas.boerse_schema(),
    "anbieter": schemas.organisation_schema(),
    "einstellungen": schemas.settings_schema(),
}
ALL_FIELDS = [(name, path, field) for name, schema in ALL_SCHEMAS.items() for path, field in schemas.iter_fields(schema)]


@pytest.mark.parametrize("name", ALL_SCHEMAS)
def test_schemas_are_valid_draft_2020_12(name):
    jsonschema.Draft202012Validator.check_schema(ALL_SCHEMAS[name])
    assert ALL_SCHEMAS[name]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(("schema_name", "path", "field"), ALL_FIELDS, ids=[f"{n}:{p}" for n, p, _ in ALL_FIELDS])
def test_every_field_has_german_label_help_and_a_valid_example(schema_name, path, field):
    assert field["title"].strip(), path
    assert len(field["description"]) >= 10, path
    assert field["description"].rstrip()[-1] in ".!?)", f"{path}: help text should be a sentence"
    example = field["examples"][0]
    assert list(jsonschema.Draft202012Validator(field).iter_errors(example)) == [], path


def test_field_keys_are_lower_case_ascii_snake_case():
    for _, path, _ in ALL_FIELDS:
        for part in path.replace("[]", "").split("."):
            assert part.isascii() and part == part.lower() and " " not in part and "-" not in part, path


def test_enum_values_have_labels():
    for _, path, field in ALL_FIELDS:
        if "enum" in field:
            assert set(field["x-labels"]) == set(field["enum"]), path


def test_committed_schema_files_are_current():
    """schema/ is what editors point at, one file per type and per Börse; `make schema` regenerates it."""
    catalog, _ = load_catalog(ROOT / "data", datetime.date(2027, 3, 1))
    published = schemas.published_schemas(catalog.boersen)
    for name, schema in published.items():
        committed = ROOT / "schema" / name
        assert committed.read_text(encoding="utf-8") == schemas.dump_schema(schema), f"{name} is outdated: run make schema"
    assert sorted(p.relative_to(ROOT / "schema").as_posix() for p in (ROOT / "schema").rglob("*.json")) == sorted(published)
    assert {f"boersen/{boerse.slug}.schema.json" for boerse in catalog.boersen} <= set(published)


def test_published_schema_validates_a_demo_offer_in_plain_jsonschema():
    """A YAML language server sees what our validator sees (for values already typed as in JSON)."""
    schema = json.loads(schemas.dump_schema(schemas.offer_schema("sport")))
    offer = {
        "titel": "Judo für Kinder",
        "kurzbeschreibung": "Fallen lernen und fair kämpfen.",
        "anbieter": "judoclub-auenstadt",
        "kategorien": ["kampfsport"],
        "sportart": "Judo",
        "trainingszeiten": [{"wochentag": "dienstag", "beginn": "16:30", "ende": "18:00"}],
    }
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(offer)) == []
    offer["trainingszeiten"][0]["wochentag"] = "Dienstag"
    assert [e.validator for e in jsonschema.Draft202012Validator(schema).iter_errors(offer)] == ["enum"]
