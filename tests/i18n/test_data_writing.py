"""Translations written by the bridge, issue forms and imports: hand-written style, read back the same."""

from __future__ import annotations

from boersen import yaml_writer
from boersen.problems import Problems
from boersen.schema import offer_schema
from boersen.schema_check import check_document
from boersen.source import read_text

SCHEMA = offer_schema("ferien")

DATA = {
    "leichte_sprache": {"titel": "Schwimmen lernen", "beschreibung": "Das ist ein Kurs.\n\nDer Kurs ist im Hallenbad.\n"},
    "uebersetzungen": {
        "uk": {"titel": "Курс плавання для початківців", "kurzbeschreibung": "Ми вчимося плавати: разом і весело."},
        "en": {"titel": "Swimming course", "kurzbeschreibung": "We learn to swim.", "beschreibung": "Five mornings.\n\n- towel\n- drink\n"},
        "ar": {"titel": "دورة سباحة للمبتدئين", "kurzbeschreibung": "نتعلم السباحة معًا."},
    },
    "titel": "Schwimmkurs",
}


def test_translations_are_written_in_schema_order_and_read_back_the_same():
    text = yaml_writer.dump(DATA, SCHEMA)
    assert text == (
        "titel: Schwimmkurs\n"
        "uebersetzungen:\n"
        "  en:\n"
        "    titel: Swimming course\n"
        "    kurzbeschreibung: We learn to swim.\n"
        "    beschreibung: |\n"
        "      Five mornings.\n"
        "\n"
        "      - towel\n"
        "      - drink\n"
        "  ar:\n"
        "    titel: دورة سباحة للمبتدئين\n"
        "    kurzbeschreibung: نتعلم السباحة معًا.\n"
        "  uk:\n"
        "    titel: Курс плавання для початківців\n"
        '    kurzbeschreibung: "Ми вчимося плавати: разом і весело."\n'
        "leichte_sprache:\n"
        "  titel: Schwimmen lernen\n"
        "  beschreibung: |\n"
        "    Das ist ein Kurs.\n"
        "\n"
        "    Der Kurs ist im Hallenbad.\n"
    )
    problems = Problems()
    document = read_text(text, "data/ferien/x.yaml", problems)
    check_document(document, {**SCHEMA, "required": []}, problems)
    assert problems.items == []
    assert document.data == yaml_writer.normalise(DATA)
