"""Forms from the schema: every field with its label and help, and submitted values back into data."""

from __future__ import annotations

from boersen.forms import Control, FormValues, Group, Repeat, form_data, form_fields, form_name
from boersen.schema import PICTURE_FIELDS, offer_schema

SCHEMA = offer_schema("ferien", categories={"sport-und-spiel": "Sport und Spiel", "natur": "Natur"})


def by_name(nodes, name):
    for node in nodes:
        if node.name == name:
            return node
        children = node.children if isinstance(node, Group) else node.rows if isinstance(node, Repeat) else []
        found = by_name(children, name)
        if found:
            return found
    return None


def test_every_field_but_the_automatic_ones_is_in_the_form():
    nodes = form_fields(SCHEMA)
    # an image is a file, not typed: its alt text and credit are asked for only where there is one
    assert [node.name for node in nodes] == [name for name in SCHEMA["properties"] if name not in ("bestaetigt_am", *PICTURE_FIELDS)]
    with_image = form_fields(SCHEMA, {"bild": "kurs.jpg", "bild_alt": "Kinder im Becken."})
    assert [node.name for node in with_image if node.name.startswith("bild")] == ["bild_alt", "bild_quelle"]
    assert by_name(with_image, "bild_alt").value == "Kinder im Becken."
    titel = by_name(nodes, "titel")
    assert (titel.label, titel.kind, titel.required, titel.example, titel.max_length) == (
        "Titel",
        "text",
        True,
        "Schwimmkurs für Anfänger",
        120,
    )
    kategorien = by_name(nodes, "kategorien")
    assert (kategorien.kind, kategorien.choices) == ("choices", [("sport-und-spiel", "Sport und Spiel"), ("natur", "Natur")])
    assert by_name(nodes, "saison").choices[2] == ("sommer", "Sommerferien")
    assert by_name(nodes, "beschreibung").kind == "markdown"
    assert by_name(nodes, "termine.0.datum").kind == "date"
    assert by_name(nodes, "termine.0.beginn").kind == "time"
    assert by_name(nodes, "ort.plz").kind == "plz"
    assert by_name(nodes, "barrierefrei").kind == "boolean"
    assert by_name(nodes, "gebuehr").kind == "number"
    assert by_name(nodes, "alter.von").required is True
    assert isinstance(by_name(nodes, "termine"), Repeat)


def test_a_form_shows_existing_data_and_extra_rows():
    data = {"titel": "Kurs", "gebuehr": 12.5, "barrierefrei": False, "termine": [{"datum": "2027-08-02"}, {"datum": "2027-08-09"}]}
    nodes = form_fields(SCHEMA, data, extra_rows={"termine": 1})
    termine = by_name(nodes, "termine")
    assert [row.label for row in termine.rows] == ["Termin 1", "Termin 2", "Termin 3"]
    assert by_name(nodes, "termine.1.datum").value == "2027-08-09"
    assert by_name(nodes, "termine.2.datum").value == ""
    assert by_name(nodes, "gebuehr").value == "12,5"
    assert by_name(nodes, "barrierefrei").value == "nein"
    assert isinstance(by_name(nodes, "titel"), Control)


def test_submitted_values_become_typed_data():
    values = FormValues(
        [
            ("titel", "  Schwimmkurs  "),
            ("kategorien", "natur"),
            ("kategorien", "sport-und-spiel"),
            ("schlagworte", "Schwimmen\r\nWasser\r\n\r\n"),
            ("termine.0.datum", "2027-08-02"),
            ("termine.0.beginn", "9:00"),
            ("termine.1.datum", ""),
            ("termine.3.datum", "2027-08-16"),
            ("alter.von", "5"),
            ("alter.bis", "acht"),
            ("gebuehr", "12,50"),
            ("barrierefrei", "ja"),
            ("ort.stadt", ""),
            ("bestaetigt_am", "2000-01-01"),
        ]
    )
    assert form_data(SCHEMA, values) == {
        "titel": "Schwimmkurs",
        "kategorien": ["natur", "sport-und-spiel"],
        "schlagworte": ["Schwimmen", "Wasser"],
        "termine": [{"datum": "2027-08-02", "beginn": "9:00"}, {"datum": "2027-08-16"}],
        "alter": {"von": 5, "bis": "acht"},  # the validator explains what is wrong with "acht"
        "gebuehr": 12.5,
        "barrierefrei": True,
    }


def test_message_fields_name_form_controls():
    assert form_name("termine[2].datum") == "termine.1.datum"
    assert form_name("titel") == "titel"
    assert form_name("zusatzfelder[1].werte[3]") == "zusatzfelder.0.werte.2"


def test_a_boerses_own_extra_fields_are_in_its_form():
    extra = [
        {"name": "einsatzort", "typ": "auswahl", "titel": "Einsatzort", "werte": ["Innenstadt", "Auenhof"], "pflicht": True},
        {"name": "stunden", "typ": "ganzzahl", "titel": "Stunden pro Woche"},
    ]
    schema = offer_schema("allgemein", categories={"soziales": "Soziales"}, extra_fields=extra)
    nodes = form_fields(schema)
    einsatzort = by_name(nodes, "einsatzort")
    assert (einsatzort.kind, einsatzort.required, einsatzort.choices) == (
        "choice",
        True,
        [("Innenstadt", "Innenstadt"), ("Auenhof", "Auenhof")],
    )
    assert by_name(nodes, "stunden").kind == "integer"
    assert form_data(schema, FormValues([("einsatzort", "Auenhof"), ("stunden", "3")])) == {"einsatzort": "Auenhof", "stunden": 3}
