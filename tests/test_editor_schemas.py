"""The JSON Schemas in schema/ (what editors check while typing) agree with `boersen validate`."""

from __future__ import annotations

import copy
import datetime
import json

import jsonschema
import pytest

from boersen import schema as schemas
from boersen.catalog import load_catalog
from boersen.problems import Problems
from boersen.schema_check import check_document
from boersen.source import read_document, read_text

from scratch import FERIEN_OFFER, replace
from sitebuild import ROOT

EXTRA = """\
zusatzfelder:
  - name: einsatzort
    typ: auswahl
    titel: Einsatzort
    werte: [Innenstadt, Auenhof]
  - name: stunden
    typ: ganzzahl
    titel: Stunden pro Woche
"""


def verdicts(document, boerse) -> tuple[bool, bool]:
    """(the editor finds no error, the validator finds no error) for one file."""
    published = schemas.published_schemas([boerse])[f"boersen/{boerse.slug}.schema.json"]
    editor = list(jsonschema.Draft202012Validator(json.loads(json.dumps(published))).iter_errors(copy.deepcopy(document.data)))
    problems = Problems()
    check_document(document, boerse.schema, problems)
    return not editor, not problems.errors


def test_every_demo_file_passes_both():
    catalog, _ = load_catalog(ROOT / "data", datetime.date(2027, 3, 1))
    checked = 0
    for boerse in catalog.boersen:
        for file in sorted((ROOT / "data" / boerse.slug).glob("*.yaml")):
            if file.name.startswith("_"):
                continue
            assert verdicts(read_document(file, str(file), Problems()), boerse) == (True, True), file
            checked += 1
    assert checked > 80


CORPUS = {  # change to the complete offer -> whether it is valid
    "unverändert": ("titel: Schwimmkurs für Anfänger", "titel: Schwimmkurs für Anfänger", True),
    "plz als Zahl": ('  plz: "96201"', "  plz: 96201", True),
    "plz vierstellig": ('  plz: "96201"', "  plz: 9620", False),
    "plz vierstellig als Text": ('  plz: "96201"', '  plz: "9620"', False),
    "plz mit Ort": ('  plz: "96201"', "  plz: 96201 Auenstadt", False),
    "Telefon als Zahl": ("  telefon: 09571 82-1234", "  telefon: 0957182123", True),
    "Titel als Zahl": ("titel: Schwimmkurs für Anfänger", "titel: 2027", True),
    "unbekannte Kategorie": ("kategorien: [sport-und-spiel]", "kategorien: [basteln]", False),
    "unbekanntes Feld": ("saison: sommer", "saison: sommer\nfarbe: blau", False),
    "Pflichtfeld fehlt": ("titel: Schwimmkurs für Anfänger\n", "", False),
    "Datum falsch geschrieben": ("  - datum: 2027-08-02", "  - datum: 2.8.2027", False),
    "Uhrzeit": ("    beginn: 9:00", "    beginn: 09:00", True),
    "Uhrzeit falsch": ("    beginn: 9:00", "    beginn: 9 Uhr", False),
    "E-Mail mit Zusatz": ("  email: anmeldung@tsv-auenstadt.example", "  email: anmeldung@tsv-auenstadt.example?bcc=x@y.de", False),
    "Zahl als Text": ("gebuehr: 25", 'gebuehr: "25"', False),
    "Alter als Text": ("  von: 5", '  von: "5"', False),
    "Ferienzeit groß": ("saison: sommer", "saison: Sommer", False),
    "ja statt true": ("barrierefrei: true", "barrierefrei: ja", False),
    "Liste statt Wert": ("gebuehr: 25", "gebuehr: [25]", False),
    "Schlagwort als Zahl": ("saison: sommer", "saison: sommer\nschlagworte: [Schwimmen, 2027]", True),
}


@pytest.mark.parametrize("case", CORPUS)
def test_editor_and_validator_agree_on_a_corpus_of_mistakes(data, case):
    old, new, valid = CORPUS[case]
    data.write("ferien/_boerse.yaml", data.root.joinpath("ferien/_boerse.yaml").read_text() + EXTRA)
    catalog, _ = data.load()
    document = read_text(replace(FERIEN_OFFER, old, new), "data/ferien/kurs.yaml", Problems())
    assert verdicts(document, catalog.boersen[0]) == (valid, valid)


@pytest.mark.parametrize(("value", "valid"), [("einsatzort: Auenhof", True), ("einsatzort: Mond", False), ("stunden: drei", False)])
def test_a_boerses_extra_fields_are_in_its_schema(data, value, valid):
    data.write("ferien/_boerse.yaml", data.root.joinpath("ferien/_boerse.yaml").read_text() + EXTRA)
    catalog, _ = data.load()
    document = read_text(FERIEN_OFFER + value + "\n", "data/ferien/kurs.yaml", Problems())
    assert verdicts(document, catalog.boersen[0]) == (valid, valid)
