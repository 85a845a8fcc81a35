"""Data model gaps found with real data (issue 9): what a Kita or a family service can leave out or say."""

from __future__ import annotations

import json
import re

import pytest

from boersen import schema as schemas

from scratch import FERIEN_OFFER
from sitebuild import build_site

KITA_BOERSE = """\
titel: KiTa-Börse
typ: kita
kategorien:
  kindergarten: Kindergarten
filter: [kategorien, traegerart, stadtteil, freie_plaetze]
"""

FAMILIE_BOERSE = """\
titel: Familienkompass
typ: familie
kategorien:
  beratung: Beratung
filter: [kategorien, stadtteil]
"""

# A Kita as an open-data list knows it: no opening hours, no announcement about free places.
KITA_MINIMAL = """\
titel: Kita Sonnenblume
kurzbeschreibung: Private Kindertagesstätte im Westen.
anbieter: tsv
kategorien: [kindergarten]
traegerart: privat
betreuungsarten: [kindergarten]
"""

KITA_FULL = """\
titel: Kita Regenbogen
kurzbeschreibung: Kindergarten mit Garten.
anbieter: tsv
kategorien: [kindergarten]
traegerart: kommunal
betreuungsarten: [kindergarten]
alter: {von: 2, bis: 6}
belegt_gemeldet_am: 2027-02-15
oeffnungszeiten_hinweis: Im August drei Wochen geschlossen.
ort:
  strasse: Gartenweg 3
  plz: "96201"
  stadt: Auenstadt
  stadtteil: Weidach
  breite: 50.2585
  laenge: 10.9642
kontakt:
  name: Frau Kern
  telefon: 09571 82-4411
barrierefrei: false
barrierefreiheit: Drei Stufen am Eingang, eine Rampe ist bestellt.
bestaetigt_am: 2025-12-01
"""

FAMILIE_WITHOUT_TARGET_GROUP = """\
titel: Familienpaten
kurzbeschreibung: Ehrenamtliche helfen Familien im Alltag.
anbieter: tsv
kategorien: [beratung]
ort:
  stadt: Auenstadt
  stadtteil: Weidach
"""


def test_every_offer_type_has_an_address_with_district_and_optional_coordinates():
    for kind in schemas.TYPES:
        place = schemas.offer_schema(kind)["properties"]["ort"]
        assert {"strasse", "plz", "stadt", "stadtteil", "breite", "laenge"} <= set(place["properties"]), kind
        assert place["required"] == ["stadt"], kind


def test_kita_fields_have_a_home(data):
    kita = schemas.offer_schema("kita")
    assert kita["properties"]["traegerart"]["x-labels"]["privat"] == "privater Träger"
    assert "oeffnungszeiten" not in kita["required"] and "oeffnungszeiten" in kita["x-recommended"]
    for field in ("alter", "kontakt", "barrierefreiheit", "bestaetigt_am", "belegt_gemeldet_am", "oeffnungszeiten_hinweis"):
        assert field in kita["properties"], field
    assert "zielgruppe" not in schemas.offer_schema("familie")["required"]


def test_kita_without_opening_hours_or_announcement_is_valid(data):
    data.write("kita/_boerse.yaml", KITA_BOERSE)
    data.write("kita/sonnenblume.yaml", KITA_MINIMAL)
    data.write("familie/_boerse.yaml", FAMILIE_BOERSE)
    data.write("familie/paten.yaml", FAMILIE_WITHOUT_TARGET_GROUP)
    assert data.messages() == []
    catalog, _ = data.load()
    (kita,) = next(b for b in catalog.boersen if b.slug == "kita").offers
    assert kita.details["traegerart"] == "privat"


def test_a_stale_kita_is_warned_about(data):
    data.write("kita/_boerse.yaml", KITA_BOERSE)
    data.write("kita/regenbogen.yaml", KITA_FULL)
    warnings = data.messages(warnings=True)
    expected = "bestaetigt_am: Warnung: Die Angaben wurden zuletzt am 1. Dezember 2025 bestätigt"
    assert any(message.startswith("data/kita/regenbogen.yaml:") and expected in message for message in warnings), warnings


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from scratch import DataFolder

    data = DataFolder(tmp_path_factory.mktemp("modell"))
    data.write("kita/_boerse.yaml", KITA_BOERSE)
    data.write("kita/sonnenblume.yaml", KITA_MINIMAL)
    data.write("kita/regenbogen.yaml", KITA_FULL)
    data.write("familie/_boerse.yaml", FAMILIE_BOERSE)
    data.write("familie/paten.yaml", FAMILIE_WITHOUT_TARGET_GROUP)
    result = build_site(tmp_path_factory.mktemp("site") / "output", data_dir=data.root, today="2027-03-01")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_not_reported_is_not_none_free(built):
    page = text_of(built.page("kita/sonnenblume/index.html"))
    assert "Freie Plätze Keine Meldung. Ob ein Platz frei ist, erfahren Sie direkt bei der Einrichtung." in page
    assert "Öffnungszeiten Keine Angabe – bitte bei der Einrichtung erfragen." in page
    assert "privater Träger" in page
    assert "keine freien Plätze" not in page


def test_all_places_taken_says_so_with_its_date(built):
    html = built.page("kita/regenbogen/index.html")
    page = text_of(html)
    assert "Freie Plätze Zurzeit sind alle Plätze belegt (gemeldet am 15. Februar 2027) ." in page
    assert "Alter 2–6 Jahre" in page
    assert "Öffnungszeiten Im August drei Wochen geschlossen." in page
    assert "Drei Stufen am Eingang, eine Rampe ist bestellt." in page
    assert "Frau Kern" in page
    assert "Gartenweg 3 96201 Auenstadt (Weidach)" in page
    assert "Die Angaben wurden zuletzt am 1. Dezember 2025 bestätigt" in page
    assert "openingHoursSpecification" not in html


def test_family_service_without_target_group_is_filtered_by_district(built):
    page = text_of(built.page("familie/paten/index.html"))
    assert "Familienpaten" in page and "Zielgruppe" not in page
    facets = json.loads((built.output / "familie/suche/facetten.json").read_text(encoding="utf-8"))
    assert "Weidach" in json.dumps(facets, ensure_ascii=False)


def test_contradicting_announcements_are_reported(data):
    data.write("kita/_boerse.yaml", KITA_BOERSE)
    places = "freie_plaetze:\n  - ab: 2027-09-01\n    anzahl: 2\n    betreuungsart: kindergarten\n    gemeldet_am: 2027-02-20\n"
    data.write("kita/regenbogen.yaml", KITA_FULL + places)
    data.offer(FERIEN_OFFER + "status: ausgebucht\n", "voll.yaml")
    assert data.messages() == [
        "data/ferien/voll.yaml:16:16: freie_plaetze: „freie_plaetze: viele“ passt nicht zu „status: ausgebucht“. Bitte eines ändern.",
        "data/kita/regenbogen.yaml:8:21: belegt_gemeldet_am: Es sind freie Plätze eingetragen und zugleich „alle Plätze belegt“. "
        "Bitte eines von beiden entfernen.",
    ]
