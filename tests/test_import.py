"""`boersen import`: CSV and JSON exports -> offer and organisation files through a mapping."""

from __future__ import annotations

import json
import textwrap

import pytest

from boersen.cli import main
from boersen.importer.conversion import ConversionError, german_date, german_time, utm_to_wgs84
from boersen.importer.reading import decode, detect_separator

from scratch import TODAY, DataFolder
from sitebuild import ROOT

MAPPING = """\
boerse: ferien
schluessel: Nr
dateiname: Titel
felder:
  titel: Titel
  kurzbeschreibung: Beschreibung
  anbieter:
    wert: tsv
  kategorien:
    spalte: Kategorie
    werte:
      Sport: sport-und-spiel
      Natur: natur-und-erlebnis
  termine.datum: Datum
  termine.beginn: Beginn
  termine.ende: Ende
  alter.von: Alter von
  alter.bis: Alter bis
  gebuehr: Gebühr
  ort.plz: PLZ
  ort.stadt: Ort
"""

HEADER = "Nr;Titel;Beschreibung;Datum;Beginn;Ende;Alter von;Alter bis;Gebühr;Kategorie;PLZ;Ort\n"
GOOD_ROW = (
    "1;Schwimmkurs „Seepferdchen“;Fünf Vormittage im Hallenbad – mit Abzeichen.;"
    "03.08.2027;9.00 Uhr;12:00;5;8;25,50 €;Sport;96201;Auenstadt\n"
)
BAD_ROWS = (
    "2;Waldtag;Wir bauen Hütten.;31.02.2027;9 Uhr;15 Uhr;6;10;0;Natur;96201;Auenstadt\n"
    "3;Kanutag;Paddeln auf der Aue.;10.08.2027;25:00;16:00;8;12;5;Wasser;96201;Auenstadt\n"
    "4;Töpfern;Wir töpfern.;12.08.2027;10:00;12:00;6;9;3;Sport;9620;Auenstadt\n"
)

EXPECTED_OFFER = """\
# Erzeugt mit „boersen import“ (Zuordnung zuordnung, Schlüssel "1").
# Ein neuer Import mit dieser Zuordnung schreibt die Datei neu; Änderungen von Hand gehen dabei verloren.
titel: Schwimmkurs „Seepferdchen“
kurzbeschreibung: Fünf Vormittage im Hallenbad – mit Abzeichen.
anbieter: tsv
kategorien: [sport-und-spiel]
ort:
  plz: "96201"
  stadt: Auenstadt
termine:
  - datum: 2027-08-03
    beginn: 9:00
    ende: 12:00
alter:
  von: 5
  bis: 8
gebuehr: 25.5
"""


def run(data, source, mapping=MAPPING, *extra, name="export.csv", capsys=None):
    (data.root.parent / "zuordnung.yaml").write_text(textwrap.dedent(mapping), encoding="utf-8")
    path = data.root.parent / name
    if isinstance(source, str):
        source = source.encode("utf-8")
    path.write_bytes(source)
    code = main(
        ["import", str(data.root.parent / "zuordnung.yaml"), str(path), "--data-dir", str(data.root), "--heute", TODAY.isoformat(), *extra]
    )
    return code


def output(capsys) -> list[str]:
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


def test_windows_1252_semicolons_german_dates_times_and_numbers(data, capsys):
    code = run(data, (HEADER + GOOD_ROW).encode("windows-1252"))
    assert output(capsys) == [
        "Gelesen: export.csv (windows-1252, Trennzeichen „;“), 1 Zeile mit Daten.",
        f"Angebote in {data.root}/ferien/: 1 neu, 0 geändert, 0 unverändert.",
    ]
    assert code == 0
    written = data.root / "ferien" / "schwimmkurs-seepferdchen.yaml"
    assert written.read_text(encoding="utf-8") == EXPECTED_OFFER
    assert data.messages() == []


def test_every_row_that_cannot_be_converted_is_reported_and_not_written(data, capsys):
    code = run(data, HEADER + GOOD_ROW + BAD_ROWS)
    assert output(capsys) == [
        "Gelesen: export.csv (utf-8, Trennzeichen „;“), 4 Zeilen mit Daten.",
        "export.csv, Zeile 3, Spalte „Datum“ (Feld termine.datum): Den 31.02.2027 gibt es nicht im Kalender.",
        "export.csv, Zeile 4, Spalte „Kategorie“ (Feld kategorien): „Wasser“ steht nicht in der Wertetabelle (werte) der Zuordnung. "
        "Dort stehen: „Sport“, „Natur“.",
        "export.csv, Zeile 4, Spalte „Beginn“ (Feld termine.beginn): „25:00“ ist keine Uhrzeit. "
        "Erwartet wird z. B. 9:30, 9.30 Uhr oder 14 Uhr.",
        "export.csv, Zeile 5, Spalte „PLZ“ (Feld ort.plz): Erwartet wird eine fünfstellige Postleitzahl wie 96450, gefunden „9620“.",
        f"Angebote in {data.root}/ferien/: 1 neu, 0 geändert, 0 unverändert.",
        "Nicht übernommen: 3 Zeilen (3, 4, 5).",
    ]
    assert code == 1
    assert sorted(p.name for p in (data.root / "ferien").iterdir()) == ["_boerse.yaml", "schwimmkurs-seepferdchen.yaml"]
    assert data.messages() == []


def test_rerun_updates_its_files_and_never_duplicates_them(data, capsys):
    run(data, HEADER + GOOD_ROW)
    output(capsys)
    assert run(data, HEADER + GOOD_ROW) == 0
    assert output(capsys)[1] == f"Angebote in {data.root}/ferien/: 0 neu, 0 geändert, 1 unverändert."
    renamed = GOOD_ROW.replace("Schwimmkurs „Seepferdchen“", "Schwimmkurs für Anfänger").replace("25,50 €", "30")
    assert run(data, HEADER + renamed) == 0
    assert output(capsys)[1] == f"Angebote in {data.root}/ferien/: 0 neu, 1 geändert, 0 unverändert."
    assert sorted(p.name for p in (data.root / "ferien").iterdir()) == ["_boerse.yaml", "schwimmkurs-seepferdchen.yaml"]
    text = (data.root / "ferien" / "schwimmkurs-seepferdchen.yaml").read_text(encoding="utf-8")
    assert "titel: Schwimmkurs für Anfänger\n" in text and "gebuehr: 30\n" in text


def test_a_file_written_by_hand_is_never_overwritten(data, capsys):
    by_hand = data.offer(name="schwimmkurs-seepferdchen.yaml")
    before = by_hand.read_text(encoding="utf-8")
    assert run(data, HEADER + GOOD_ROW) == 0
    assert by_hand.read_text(encoding="utf-8") == before
    assert (data.root / "ferien" / "schwimmkurs-seepferdchen-2.yaml").read_text(encoding="utf-8") == EXPECTED_OFFER
    assert data.messages() == []


def test_utf8_with_bom_and_commas_are_recognised(data, capsys):
    text = (HEADER + GOOD_ROW).replace(";", ",").replace("25,50 €", '"25,50 €"')
    assert run(data, b"\xef\xbb\xbf" + text.encode("utf-8")) == 0
    assert output(capsys)[0] == "Gelesen: export.csv (utf-8, Trennzeichen „,“), 1 Zeile mit Daten."
    assert (data.root / "ferien" / "schwimmkurs-seepferdchen.yaml").read_text(encoding="utf-8") == EXPECTED_OFFER


def test_encoding_and_separator_can_be_named(data, capsys):
    source = (HEADER + GOOD_ROW.replace("„", "'").replace("“", "'").replace("–", "-").replace(" €", "")).encode("iso-8859-1")
    assert run(data, source, MAPPING, "--kodierung", "ISO-8859-1", "--trennzeichen", ";") == 0
    assert output(capsys)[0] == "Gelesen: export.csv (iso-8859-1, Trennzeichen „;“), 1 Zeile mit Daten."
    assert run(data, source, MAPPING, "--kodierung", "utf-8") == 2
    assert output(capsys) == [
        "export.csv: Die Datei ist nicht in utf-8 geschrieben (Byte 0xfc an Stelle 64). Ohne Angabe der Kodierung wird sie erkannt.",
        "Nichts importiert.",
    ]


def test_mistakes_in_the_mapping_stop_before_anything_is_written(data, capsys):
    mapping = MAPPING.replace("  titel: Titel\n", "  tittel: Titel\n").replace("  ort.stadt: Ort\n", "  ort.stadt: Stadt\n")
    assert run(data, HEADER + GOOD_ROW, mapping) == 2
    path = data.root.parent / "zuordnung.yaml"
    assert output(capsys) == [
        f"{path}:5:3: felder.tittel: Das Feld „tittel“ gibt es in der Börse „ferien“ nicht. Meinten Sie „titel“?",
        f"{path}:21:14: felder.ort.stadt: Die Spalte „Stadt“ gibt es in export.csv nicht. Vorhanden: Nr, Titel, Beschreibung, Datum, "
        "Beginn, Ende, Alter von, Alter bis, Gebühr, Kategorie, PLZ, Ort.",
        "Nichts importiert.",
    ]
    assert sorted(p.name for p in (data.root / "ferien").iterdir()) == ["_boerse.yaml"]


def test_json_with_nested_objects_and_new_organisations(data, capsys):
    mapping = """\
    boerse: ferien
    schluessel: id
    dateiname: name
    felder:
      titel: name
      kurzbeschreibung: text
      kategorien: {wert: [natur-und-erlebnis]}
      termine.datum: wann.tag
      alter.von: {wert: 6}
      alter.bis: {wert: 12}
      gebuehr: preis
      barrierefrei: rollstuhl
    anbieter:
      dateiname: verein.name
      felder:
        name: verein.name
        kontakt.webseite: verein.web
    """
    entries = {
        "angebote": [
            {
                "id": 7,
                "name": "Waldtag",
                "text": "Hütten bauen.",
                "wann": {"tag": "05.08.2027"},
                "preis": 0,
                "rollstuhl": "x",
                "verein": {"name": "Naturfreunde Weidach", "web": "www.naturfreunde-weidach.example"},
            },
        ]
    }
    assert run(data, json.dumps(entries), mapping, name="export.json") == 0
    assert output(capsys) == [
        "Gelesen: export.json (utf-8), 1 Eintrag mit Daten.",
        f"Angebote in {data.root}/ferien/: 1 neu, 0 geändert, 0 unverändert.",
        "Anbieter: 1 neu, 0 geändert, 0 unverändert, 0 schon vorhanden (nicht verändert).",
    ]
    organisation = (data.root / "anbieter" / "naturfreunde-weidach.yaml").read_text(encoding="utf-8")
    assert organisation.endswith("name: Naturfreunde Weidach\nkontakt:\n  webseite: https://www.naturfreunde-weidach.example\n")
    offer = (data.root / "ferien" / "waldtag.yaml").read_text(encoding="utf-8")
    assert "anbieter: naturfreunde-weidach\n" in offer and "barrierefrei: true\n" in offer and "gebuehr: 0\n" in offer
    assert data.messages() == []


def test_an_organisation_file_that_exists_is_used_as_it_is(data, capsys):
    mapping = (
        MAPPING.replace("  anbieter:\n    wert: tsv\n", "")
        + "anbieter:\n  dateiname: {wert: tsv}\n  felder:\n    name: {wert: Anderer Name}\n"
    )
    before = (data.root / "anbieter" / "tsv.yaml").read_text(encoding="utf-8")
    assert run(data, HEADER + GOOD_ROW, mapping) == 0
    assert output(capsys)[-1] == "Anbieter: 0 neu, 0 geändert, 0 unverändert, 1 schon vorhanden (nicht verändert)."
    assert (data.root / "anbieter" / "tsv.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("text", "expected"), [("31.07.2027", "2027-07-31"), ("1.8.2027", "2027-08-01"), ("2027-07-31", "2027-07-31")])
def test_german_dates(text, expected):
    assert german_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("9.30 Uhr", "9:30"), ("09:30", "9:30"), ("14 Uhr", "14:00"), ("7:05", "7:05")])
def test_german_times(text, expected):
    assert german_time(text) == expected


def test_wrong_dates_and_times_are_explained():
    with pytest.raises(ConversionError) as raised:
        german_date("31.7.27")
    assert raised.value.message == "„31.7.27“ ist kein Datum. Erwartet wird z. B. 31.07.2027 oder 2027-07-31."
    with pytest.raises(ConversionError) as raised:
        german_time("halb neun")
    assert raised.value.message == "„halb neun“ ist keine Uhrzeit. Erwartet wird z. B. 9:30, 9.30 Uhr oder 14 Uhr."


def test_encodings_are_recognised():
    assert decode("Grüße".encode(), "x") == ("Grüße", "utf-8")
    assert decode(b"\xef\xbb\xbf" + "Grüße".encode(), "x") == ("Grüße", "utf-8")
    assert decode("„Grüße“ – 5 €".encode("windows-1252"), "x") == ("„Grüße“ – 5 €", "windows-1252")
    assert decode("Grüße".encode("iso-8859-1"), "x") == ("Grüße", "iso-8859-1")


def test_separators_are_recognised_outside_quotes():
    assert detect_separator('"a;b","c"\n1;2;3;4;5\n') == ","
    assert detect_separator('"a,b";"c";"d"\n') == ";"


@pytest.mark.parametrize(
    ("easting", "northing", "expected"),
    [
        (500000, 0, (0, 9)),  # the equator on the zone's central meridian
        (383872, 5702663, (51.46321, 7.328286)),  # ASB-Kita In der Schornau, Bochum; reference values from PROJ 9 (EPSG:25832)
        (700000, 6000000, (54.109206, 12.059594)),  # far from the meridian, same source
    ],
)
def test_utm_coordinates_agree_with_proj(easting, northing, expected):
    latitude, longitude = utm_to_wgs84(easting, northing, 32)
    assert (round(latitude, 6), round(longitude, 6)) == expected


def test_the_readme_example_works_as_shown(tmp_path, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Eine Liste importieren") :]
    mapping = section[section.index("```yaml\n") + 8 : section.index("```\n")]
    data = DataFolder(tmp_path)
    data.write("ferienboerse/_boerse.yaml", (ROOT / "data" / "ferienboerse" / "_boerse.yaml").read_text(encoding="utf-8"))
    data.write("anbieter/tsv-auenstadt.yaml", (ROOT / "data" / "anbieter" / "tsv-auenstadt.yaml").read_text(encoding="utf-8"))
    source = (
        "Nr;Titel;Text;Art;Datum;Beginn;Alter von;Alter bis;Preis\n7;Waldtag;Wir bauen Hütten.;Natur;31.07.2027;9.30 Uhr;6;10;12,50 €\n"
    )
    assert run(data, source, mapping) == 0
    assert output(capsys)[1] == f"Angebote in {data.root}/ferienboerse/: 1 neu, 0 geändert, 0 unverändert."
    text = (data.root / "ferienboerse" / "waldtag.yaml").read_text(encoding="utf-8")
    assert "  - datum: 2027-07-31\n    beginn: 9:30\n" in text and "gebuehr: 12.5\n" in text
    assert "kategorien: [natur-und-erlebnis]\n" in text
    assert data.messages() == []


def test_a_rule_needs_exactly_one_source(data, capsys):
    mapping = MAPPING.replace("  titel: Titel\n", "  titel:\n    spalte: Titel\n    wert: Kurs\n    spallte: Nr\n")
    assert run(data, HEADER + GOOD_ROW, mapping) == 2
    path = data.root.parent / "zuordnung.yaml"
    assert output(capsys) == [
        f"{path}:6:5: felder.titel: Eine Regel braucht genau eine Quelle: spalte, teile, vorlage oder wert. Hier: spalte, wert.",
        f"{path}:8:5: felder.titel.spallte: „spallte“ ist in einer Regel nicht vorgesehen. Möglich: spalte, teile, verbinden, vorlage, "
        "wert, muster, werte, standard, trenner, je_zeile.",
        "Nichts importiert.",
    ]


def test_defaults_lists_and_continuation_rows(data, capsys):
    mapping = """\
    boerse: ferien
    quelle:
      fortsetzung_wenn_leer: Titel
    dateiname: Titel
    felder:
      titel: Titel
      kurzbeschreibung: {vorlage: "Ferienkurs: {Titel}"}
      anbieter: {wert: tsv}
      kategorien: {spalte: Art, standard: [natur-und-erlebnis]}
      schlagworte: {spalte: Stichworte, trenner: /, je_zeile: true}
      termine.datum: Datum
      alter.von: {wert: 6}
      alter.bis: {wert: 12}
      gebuehr: {spalte: Preis, standard: 0}
    """
    source = (
        "Titel;Art;Stichworte;Datum;Preis\n"
        ";;Vorweg;01.08.2027;\n"
        "Waldtag;;Wald / Hütten;05.08.2027;\n"
        ";;Natur;;\n"
        "Schwimmen;sport-und-spiel;Wasser;06.08.2027;5\n"
    )
    assert run(data, source, mapping) == 1
    assert output(capsys) == [
        "Gelesen: export.csv (utf-8, Trennzeichen „;“), 4 Zeilen mit Daten.",
        "export.csv, Zeile 2, Spalte „Titel“: Die Spalte ist leer, also setzt die Zeile die Zeile davor fort – davor steht aber keine.",
        f"Angebote in {data.root}/ferien/: 2 neu, 0 geändert, 0 unverändert.",
        "Nicht übernommen: 1 Zeile (2).",
    ]
    forest = (data.root / "ferien" / "waldtag.yaml").read_text(encoding="utf-8")
    assert 'kurzbeschreibung: "Ferienkurs: Waldtag"\n' in forest
    assert "kategorien: [natur-und-erlebnis]\n" in forest and "gebuehr: 0\n" in forest
    assert "schlagworte: [Wald, Hütten, Natur]\n" in forest
    assert "gebuehr: 5\n" in (data.root / "ferien" / "schwimmen.yaml").read_text(encoding="utf-8")
    assert data.messages() == []
