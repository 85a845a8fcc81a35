"""Open data per Börse (CSV for German spreadsheets, JSON) and the DCAT-AP.de catalogue."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from output_world import SITEURL, build_world

from boersen.outputs.opendata import OFFER_COLUMNS, ORGANISATION_COLUMNS, to_csv, to_json


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from scratch import DataFolder

    root = tmp_path_factory.mktemp("opendata")
    return build_world(DataFolder(root), root / "output")


def read_csv(raw: bytes) -> list[dict]:
    """As a spreadsheet would: the BOM says UTF-8, then ';'-separated rows."""
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_is_utf8_with_bom_semicolons_and_quotes_values_with_separators_and_line_breaks():
    raw = to_csv([{"a": "Kanutag; mit Picknick", "b": "Zwei Tage.\nMit Übernachtung.", "c": 12.5, "d": True}], ("a", "b", "c", "d"))
    assert raw == (b"\xef\xbb\xbfa;b;c;d\r\n" + '"Kanutag; mit Picknick";"Zwei Tage.\nMit Übernachtung.";12,5;ja\r\n'.encode())
    assert read_csv(raw) == [{"a": "Kanutag; mit Picknick", "b": "Zwei Tage.\nMit Übernachtung.", "c": "12,5", "d": "ja"}]


def test_csv_cells_a_spreadsheet_would_run_as_a_formula_get_an_apostrophe():
    raw = to_csv(
        [{"a": '=HYPERLINK("https://böse.example")', "b": "@SUMME(A1)", "c": "+49 9571 82-1234", "d": "-Tanz", "e": -2.5}], tuple("abcde")
    )
    (row,) = read_csv(raw)
    assert row == {"a": '\'=HYPERLINK("https://böse.example")', "b": "'@SUMME(A1)", "c": "+49 9571 82-1234", "d": "'-Tanz", "e": "-2,5"}
    assert json.loads(to_json([{"a": "=1+1"}])) == [{"a": "=1+1"}]  # JSON keeps the text as it is


def test_offers_csv_reads_back_with_documented_columns_and_file_names_as_ids(site):
    rows = read_csv((site.output / "ferien/daten/angebote.csv").read_bytes())
    assert tuple(rows[0]) == OFFER_COLUMNS
    by_id = {row["id"]: row for row in rows}
    assert sorted(by_id) == ["kanutag", "kurs", "waldtage"]
    assert by_id["kanutag"]["titel"] == "Kanutag; mit Picknick"
    assert by_id["waldtage"]["kurzbeschreibung"] == "Zwei Tage im Wald.\nMit Übernachtung."
    kurs = by_id["kurs"]
    assert kurs["termine"] == "2027-08-02 bis 2027-08-06 09:00–12:00"
    assert by_id["waldtage"]["termine"] == "2027-08-02 bis 2027-08-06, 2027-08-20"
    assert (kurs["alter_von"], kurs["alter_bis"], kurs["kosten"], kurs["barrierefrei"]) == ("5", "8", "25", "ja")
    assert (kurs["anbieter_id"], kurs["anbieter"], kurs["kategorien"]) == ("tsv", "TSV Auenstadt 1862 e. V.", "Sport und Spiel")
    assert (kurs["plz"], kurs["bestaetigt_am"], kurs["url"]) == ("96201", "2027-01-15", f"{SITEURL}/ferien/kurs/")
    sport = read_csv((site.output / "sport/daten/angebote.csv").read_bytes())
    assert sport[0]["wochenzeiten"] == "Freitag 16:00–17:00 (Kunstrasenplatz)"


def test_json_holds_the_same_records_with_types(site):
    offers = json.loads((site.output / "ferien/daten/angebote.json").read_text(encoding="utf-8"))
    assert [offer["id"] for offer in offers] == ["kanutag", "kurs", "waldtage"]
    kurs = offers[1]
    assert tuple(kurs) == OFFER_COLUMNS
    assert kurs["termine"] == [{"datum": "2027-08-02", "enddatum": "2027-08-06", "beginn": "09:00", "ende": "12:00"}]
    assert (kurs["kosten"], kurs["barrierefrei"], kurs["alter_von"], kurs["gueltig_bis"]) == (25, True, 5, None)
    organisations = json.loads((site.output / "ferien/daten/anbieter.json").read_text(encoding="utf-8"))
    assert organisations == [
        {
            "id": "tsv",
            "name": "TSV Auenstadt 1862 e. V.",
            "art": None,
            "strasse": None,
            "plz": None,
            "stadt": None,
            "stadtteil": None,
            "telefon": None,
            "email": "info@tsv-auenstadt.example",
            "webseite": None,
            "angebote": ["kanutag", "kurs", "waldtage"],
            "url": f"{SITEURL}/anbieter/tsv/",
        }
    ]
    rows = read_csv((site.output / "ferien/daten/anbieter.csv").read_bytes())
    assert tuple(rows[0]) == ORGANISATION_COLUMNS
    assert rows[0]["angebote"] == "kanutag, kurs, waldtage"


def test_dcat_catalogue_describes_every_file_with_licence_publisher_and_date_from_the_data(site):
    document = json.loads((site.output / "offene-daten/catalog.jsonld").read_text(encoding="utf-8"))
    assert document["@type"] == "dcat:Catalog"
    assert document["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert document["dct:publisher"] == {"@type": "foaf:Organization", "foaf:name": "Börsen der Stadt Auenstadt"}
    assert document["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0"}
    assert document["dct:modified"] == {"@value": "2027-02-10", "@type": "xsd:date"}
    datasets = {dataset["dct:identifier"]: dataset for dataset in document["dcat:dataset"]}
    assert sorted(datasets) == ["ferien", "sport"]
    ferien = datasets["ferien"]
    assert ferien["dct:modified"] == {"@value": "2027-01-15", "@type": "xsd:date"}
    assert ferien["dct:spatial"]["locn:geographicName"] == "Auenstadt"
    files = {d["dcat:downloadURL"]["@id"]: d for d in ferien["dcat:distribution"]}
    assert sorted(files) == [
        f"{SITEURL}/ferien/daten/{name}" for name in ("anbieter.csv", "anbieter.json", "angebote.csv", "angebote.json")
    ]
    for url, distribution in files.items():
        assert (site.output / url.removeprefix(f"{SITEURL}/")).is_file()
        assert distribution["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0"}
    assert files[f"{SITEURL}/ferien/daten/angebote.csv"]["dct:format"] == {
        "@id": "http://publications.europa.eu/resource/authority/file-type/CSV"
    }


def test_boerse_page_and_open_data_page_link_the_files(site):
    boerse = site.page("ferien/index.html")
    for name in ("angebote.csv", "angebote.json", "anbieter.csv", "anbieter.json"):
        assert f'href="{SITEURL}/ferien/daten/{name}"' in boerse
    assert f'<a href="{SITEURL}/ferien/kalender/ferien.ics" type="text/calendar">Kalender mit allen Terminen</a>' in boerse
    assert f'<a href="{SITEURL}/offene-daten/">Spalten und Lizenz</a>' in boerse
    page = site.page("offene-daten/index.html")
    assert "<h1>Offene Daten</h1>" in page
    assert f'<a href="{SITEURL}/offene-daten/catalog.jsonld">catalog.jsonld</a>' in page
    assert f'<a href="{SITEURL}/sport/daten/angebote.csv">Sportwegweiser: Angebote als CSV</a>' in page
    assert "<code>kontakt_name</code>" in page


def test_licence_is_a_setting():
    from boersen.catalog import Catalog, DateShift
    from boersen.outputs.common import Site
    from boersen.outputs.opendata import dcat_catalog

    site = Site.from_settings({"SITENAME": "Börsen", "TOWN": "Auenstadt", "SITEURL": SITEURL, "BOERSEN_OPEN_DATA_LICENCE": "cc-by/4.0"})
    assert site.licence == "cc-by/4.0"
    document = dcat_catalog(Catalog(datetime.date(2027, 3, 1), DateShift()), site)
    assert document["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/cc-by/4.0"}
    assert "dct:modified" not in document  # no offers, no date: none is made up
    assert Site.from_settings({}).licence == "dl-de/by-2-0"
