"""The shipped mappings import Bochum's real open data into a data folder that validates and builds."""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest

from boersen.catalog import load_catalog
from boersen.cli import main

from scratch import TODAY, DataFolder
from sitebuild import ROOT, build_site

OPEN_DATA = ROOT.parent / "shared" / "data"
KITAS = OPEN_DATA / "bochum_daycare_centers.csv"
SPORTS = OPEN_DATA / "bochum_sports_facilities.csv"

AKAFOE = """\
# Erzeugt mit „boersen import“ (Zuordnung bochum-kitas, Schlüssel "179667").
# Ein neuer Import mit dieser Zuordnung schreibt die Datei neu; Änderungen von Hand gehen dabei verloren.
titel: AKAFÖ UniKids, Kindertageseinrichtung an der RUB
kurzbeschreibung: Kindertageseinrichtung in 44801 Bochum (Sonstige Kindertagesstätten).
anbieter: bochum-kitas-sonstige
kategorien: [kindergarten]
ort:
  strasse: Universitätsstr. 150
  plz: "44801"
  stadt: Bochum
  breite: 51.441865
  laenge: 7.26175
kontakt:
  webseite: https://www.akafoe.de/kinder
bestaetigt_am: 2023-02-09
traegerart: privat
betreuungsarten: [kindergarten]
"""

LOHRHEIDE = """\
# Erzeugt mit „boersen import“ (Zuordnung bochum-sportstaetten, Schlüssel "Stadion|Lohrheidestadion\\n(Sportzentrum)").
# Ein neuer Import mit dieser Zuordnung schreibt die Datei neu; Änderungen von Hand gehen dabei verloren.
titel: Stadion Lohrheidestadion (Sportzentrum)
kurzbeschreibung: Stadion, Lohrheidestraße 80-82
anbieter: stadt-bochum
kategorien: [stadion]
ort:
  strasse: Lohrheidestraße 80-82
  stadt: Bochum
  stadtteil: Wattenscheid
anlagen:
  - Großspielfeld / Rasenplatz / 70,0 x 105,0
  - Großspielfeld / Rasenplatz / 68,0 x 105,1
  - Großspielfeld / Hartplatz / 69,2 x 105,3
  - Großspielfeld / Hartplatz / 69,5 x 105,1
  - Kleinspielfeld / Rasenplatz / nicht meßbar
"""


def import_file(mapping: str, source, data: DataFolder) -> tuple[int, list[str]]:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["import", str(ROOT / "import" / mapping), str(source), "--data-dir", str(data.root), "--heute", TODAY.isoformat()])
    return code, printed.getvalue().splitlines()


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A scratch data folder with the demo's KiTa-Börse and the shipped Sportstätten Börse, both files imported."""
    data = DataFolder(tmp_path_factory.mktemp("bochum"))
    data.write("kita-boerse/_boerse.yaml", (ROOT / "data" / "kita-boerse" / "_boerse.yaml").read_text(encoding="utf-8"))
    data.write("sportstaetten/_boerse.yaml", (ROOT / "import" / "sportstaetten" / "_boerse.yaml").read_text(encoding="utf-8"))
    kitas = import_file("bochum-kitas.yaml", KITAS, data)
    sports = import_file("bochum-sportstaetten.yaml", SPORTS, data)
    return data, kitas, sports


def test_both_files_import_without_a_rejected_row(imported):
    data, kitas, sports = imported
    assert kitas == (
        0,
        [
            "Gelesen: bochum_daycare_centers.csv (utf-8, Trennzeichen „;“), 195 Zeilen mit Daten.",
            f"Angebote in {data.root}/kita-boerse/: 193 neu, 0 geändert, 0 unverändert.",
            "Anbieter: 9 neu, 0 geändert, 0 unverändert, 0 schon vorhanden (nicht verändert).",
        ],
    )
    assert sports == (
        0,
        [
            "Gelesen: bochum_sports_facilities.csv (iso-8859-1, Trennzeichen „;“), 128 Zeilen mit Daten.",
            f"Angebote in {data.root}/sportstaetten/: 68 neu, 0 geändert, 0 unverändert.",
            "Anbieter: 1 neu, 0 geändert, 0 unverändert, 0 schon vorhanden (nicht verändert).",
        ],
    )
    catalog, problems = load_catalog(data.root, TODAY)
    assert problems.errors == []
    counts = {boerse.slug: len(boerse.offers) for boerse in catalog.boersen}
    assert counts == {"ferien": 0, "kita-boerse": 193, "sportstaetten": 68}
    kita = data.root / "kita-boerse"
    assert (kita / "akafoe-unikids-kindertageseinrichtung-an-der-rub.yaml").read_text(encoding="utf-8") == AKAFOE
    # Listed twice (same poi_id, two categories): one offer, the first row's operator type.
    twice = (kita / "outlaw-betriebs-grosskindertagespflege-eickhoff-kueken.yaml").read_text(encoding="utf-8")
    assert "traegerart: betrieb\n" in twice
    assert not (kita / "outlaw-betriebs-grosskindertagespflege-eickhoff-kueken-2.yaml").exists()
    folder = data.root / "sportstaetten"
    assert (folder / "stadion-lohrheidestadion-sportzentrum.yaml").read_text(encoding="utf-8") == LOHRHEIDE
    # The row without "Art" starts the facility; the next one (without address) adds its second
    # pitch, and its "Art" is the first one filled in.
    querenburg = (folder / "querenburger-strasse.yaml").read_text(encoding="utf-8")
    assert "kategorien: [sportplatz]\n" in querenburg
    assert 'anlagen: ["Großspielfeld / Rasenplatz / 70,0 x 105,1", "Kleinspielfeld / Hartplatz / 31,0 x 55,0"]\n' in querenburg
    assert (folder / "sporthalle-gluecksburger-strasse.yaml").exists() and (folder / "sportplatzanlage-gluecksburger-strasse.yaml").exists()


def test_a_second_run_changes_nothing_and_adds_nothing(imported):
    data = imported[0]
    code, lines = import_file("bochum-kitas.yaml", KITAS, data)
    assert (code, lines[1]) == (0, f"Angebote in {data.root}/kita-boerse/: 0 neu, 0 geändert, 193 unverändert.")
    code, lines = import_file("bochum-sportstaetten.yaml", SPORTS, data)
    assert (code, lines[1]) == (0, f"Angebote in {data.root}/sportstaetten/: 0 neu, 0 geändert, 68 unverändert.")
    assert len(list((data.root / "kita-boerse").glob("*.yaml"))) == 194
    assert len(list((data.root / "anbieter").glob("*.yaml"))) == 11  # tsv + 9 Kita operators + the city


def test_the_imported_folder_builds(imported, tmp_path):
    result = build_site(tmp_path / "output", data_dir=imported[0].root, today=TODAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    kita = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", result.page("kita-boerse/akafoe-unikids-kindertageseinrichtung-an-der-rub/index.html"))
    )
    assert "Keine Meldung. Ob ein Platz frei ist, erfahren Sie direkt bei der Einrichtung." in kita
    assert "privater Träger" in kita
    assert "https://www.openstreetmap.org/?mlat=51.441865&amp;mlon=7.26175" in result.page(
        "kita-boerse/akafoe-unikids-kindertageseinrichtung-an-der-rub/index.html"
    )
    stadium = result.page("sportstaetten/stadion-lohrheidestadion-sportzentrum/index.html")
    assert "Großspielfeld / Rasenplatz / 70,0 x 105,0" in stadium
    facets = json.loads((result.output / "sportstaetten" / "suche" / "facetten.json").read_text(encoding="utf-8"))
    assert "Wattenscheid" in json.dumps(facets, ensure_ascii=False)
