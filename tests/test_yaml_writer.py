"""Files the project writes for people (bridge, issue forms, imports) look hand-written and read back the same."""

from __future__ import annotations

import datetime

import pytest

from boersen import yaml_writer
from boersen.catalog import load_catalog
from boersen.problems import Problems
from boersen.schema import offer_schema
from boersen.schema_check import check_document
from boersen.source import read_document, read_text

from sitebuild import ROOT

SCHEMA = offer_schema("ferien")


def reread(text: str) -> dict:
    problems = Problems()
    document = read_text(text, "data/ferien/x.yaml", problems)
    assert problems.items == []
    return document.data


def test_every_demo_offer_reads_back_the_same():
    catalog, _ = load_catalog(ROOT / "data", datetime.date(2027, 3, 1))
    count = 0
    for boerse in catalog.boersen:
        for file in sorted((ROOT / "data" / boerse.slug).iterdir()):
            if file.name.startswith("_") or file.suffix not in (".yaml", ".md"):  # images beside offers
                continue
            problems = Problems()
            document = read_document(file, str(file), problems)
            check_document(document, boerse.schema, problems)
            written = yaml_writer.dump(document.data, boerse.schema)
            again = read_text(written, "x.yaml", Problems())
            check_document(again, boerse.schema, problems)
            assert again.data == yaml_writer.normalise(document.data), file
            assert problems.errors == [], file
            count += 1
    assert count > 100


def test_the_style_of_hand_written_files():
    data = {
        "alter": {"bis": 8, "von": 5},
        "titel": "Schwimmkurs für Anfänger",
        "kategorien": ["sport-und-spiel"],
        "termine": [{"datum": "2027-08-02", "enddatum": "2027-08-06", "beginn": "9:00", "ende": "12:00"}],
        "gebuehr": 12.5,
        "beschreibung": "Erster Absatz.\r\n\r\nZweiter Absatz.\r\n",
        "ort": {"plz": "96201", "stadt": "Auenstadt"},
        "barrierefrei": True,
        "kurzbeschreibung": "",
    }
    assert yaml_writer.dump(data, SCHEMA) == (
        "titel: Schwimmkurs für Anfänger\n"
        "beschreibung: |\n"
        "  Erster Absatz.\n"
        "\n"
        "  Zweiter Absatz.\n"
        "kategorien: [sport-und-spiel]\n"
        "ort:\n"
        '  plz: "96201"\n'
        "  stadt: Auenstadt\n"
        "barrierefrei: true\n"
        "termine:\n"
        "  - datum: 2027-08-02\n"
        "    enddatum: 2027-08-06\n"
        "    beginn: 9:00\n"
        "    ende: 12:00\n"
        "alter:\n"
        "  von: 5\n"
        "  bis: 8\n"
        "gebuehr: 12.5\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Turnier #2",
        "ja: bitte",
        "- kein Listeneintrag",
        "[keine Liste]",
        "{kein: Feld}",
        "*kein Verweis",
        "&kein Anker",
        "!kein Tag",
        "'halb",
        '"halb',
        "96201",
        "true",
        "null",
        "~",
        "1e3",
        " führendes Leerzeichen",
        "endet mit Doppelpunkt:",
        "<script>alert(1)</script>",
        "Zeile 1\nZeile 2\n",
        "  eingerückt\nZeile 2\n",
        "Tab\tim Text",
        "\tTab am Anfang\nZeile 2\n",
        "unsichtbar\u200b und \u202eumgedreht",
        "Steuerzeichen \x1b[2K",
        "x" * 5000,
    ],
)
def test_any_text_reads_back_as_itself(text):
    data = {"titel": text, "schlagworte": [text, "b"]}
    assert reread(yaml_writer.dump(data, SCHEMA)) == yaml_writer.normalise(data)


def test_invisible_characters_stay_visible_in_the_file():
    written = yaml_writer.dump({"titel": "Kurs\u202e für\u200b alle"}, SCHEMA)
    assert written == 'titel: "Kurs\\u202e für\\u200b alle"\n'
    assert written.isascii() is False and "\u202e" not in written


def test_a_written_file_is_no_path_to_anything_else():
    """Values never become YAML structure: a value that looks like fields stays one value."""
    data = {"titel": "x\nanbieter: evil\nkategorien: [a]", "anbieter": "tsv"}
    assert reread(yaml_writer.dump(data, SCHEMA))["anbieter"] == "tsv"
