"""Small scratch data folders for tests: a Ferien Börse, one organisation, one complete offer."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

from boersen.catalog import load_catalog

TODAY = datetime.date(2027, 3, 1)

FERIEN_BOERSE = """\
titel: Ferienbörse
typ: ferien
kurzbeschreibung: Ferienprogramm für Kinder.
einleitung: Viel Spaß in den Ferien.
kategorien:
  sport-und-spiel: Sport und Spiel
  natur-und-erlebnis: Natur und Erlebnis
filter: [kategorien, alter, datum]
sortierung: datum
"""

ORGANISATION = """\
name: TSV Auenstadt 1862 e. V.
beschreibung: Der große Sportverein der Stadt.
kontakt:
  email: info@tsv-auenstadt.example
"""

# A complete, valid holiday offer: tests change one thing at a time.
FERIEN_OFFER = """\
titel: Schwimmkurs für Anfänger
kurzbeschreibung: Wir lernen schwimmen und machen das Seepferdchen.
beschreibung: Fünf Vormittage im Hallenbad.
anbieter: tsv
kategorien: [sport-und-spiel]
termine:
  - datum: 2027-08-02
    enddatum: 2027-08-06
    beginn: 9:00
    ende: 12:00
saison: sommer
alter:
  von: 5
  bis: 8
gebuehr: 25
freie_plaetze: viele
anmeldung:
  erforderlich: true
  email: anmeldung@tsv-auenstadt.example
  frist: 2027-07-20
ort:
  bezeichnung: Hallenbad Auenstadt
  strasse: Badstraße 3
  plz: "96201"
  stadt: Auenstadt
  stadtteil: Altstadt
kontakt:
  name: Sabine Keller
  telefon: 09571 82-1234
barrierefrei: true
bestaetigt_am: 2027-01-15
"""


class DataFolder:
    """A scratch data folder with one Ferien Börse and one organisation."""

    def __init__(self, root: Path):
        self.root = root / "data"
        self.write("ferien/_boerse.yaml", FERIEN_BOERSE)
        self.write("anbieter/tsv.yaml", ORGANISATION)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, relative: str, content: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    def offer(self, text: str = FERIEN_OFFER, name: str = "kurs.yaml") -> Path:
        return self.write(f"ferien/{name}", text)

    def load(self, today: datetime.date = TODAY):
        return load_catalog(self.root, today)

    def messages(self, today: datetime.date = TODAY, *, warnings: bool = False) -> list[str]:
        _, problems = self.load(today)
        chosen = problems.items if warnings else problems.errors
        return [str(p) for p in sorted(chosen, key=lambda p: (p.path, p.line, p.column, p.field, p.message))]


def replace(text: str, old: str, new: str) -> str:
    """Change one line of a fixture, failing loudly if the line is not there."""
    assert old in text, old
    return text.replace(old, new, 1)
