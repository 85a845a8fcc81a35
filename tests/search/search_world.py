"""A small data folder made for the matching rules, its built search files, and the JS engine.

Each offer exists to show one rule (compounds, umlauts, typos, synonyms, ranking).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from boersen.catalog import Catalog, load_catalog
from boersen.search.index import search_files, write_search_files
from boersen.search.query import BoerseSearch

from search_oracle import ask

TODAY = datetime.date(2027, 3, 1)
ENGINE = Path(__file__).resolve().parent / "js" / "engine.js"

FERIEN = """\
titel: Ferienbörse
typ: ferien
kategorien:
  sport: Sport und Spiel
  kultur: Kultur
filter: [kategorien, alter, datum, wochentag, stadtteil, kostenlos, barrierefrei, freie_plaetze]
"""

KITA = """\
titel: KiTa-Börse
typ: kita
kategorien:
  kindergarten: Kindergarten
filter: [kategorien, betreuungsarten, traegerart, stadtteil, freie_plaetze]
"""

FAMILIE = """\
titel: Familienkompass
typ: familie
kategorien:
  beratung: Beratung
filter: [kategorien, alter]
"""

FAMILIE_OFFERS = {
    "babymassage": "titel: Babymassage\nkurzbeschreibung: Für Eltern mit Babys.\nanbieter: verein\nkategorien: [beratung]\n"
    "zielgruppe: Eltern mit Babys\nalter:\n  von: 0\n  bis: 1\n",
    "lebensberatung": "titel: Lebensberatung\nkurzbeschreibung: Für alle, die Rat suchen.\nanbieter: verein\n"
    "kategorien: [beratung]\nzielgruppe: alle\n",
    "elternabend": "titel: Elternabend\nkurzbeschreibung: Für Eltern aller Kitas im Norden.\nanbieter: verein\n"
    "kategorien: [beratung]\nzielgruppe: Eltern\n",
}

SETTINGS = """\
synonyme:
  - [Kita, Kindertagesstätte, Kindergarten]
  - [Bücherei, Bibliothek, Stadtbücherei]
  - [Sprachferien, Deutsch lernen]
"""


def ferien_offer(
    title: str, summary: str, *, day: str = "2027-08-02", ages=(6, 10), fee: float = 5, district="Altstadt", street="", more=""
) -> str:
    age = f"alter:\n  von: {ages[0]}\n  bis: {ages[1]}\n" if ages else ""
    address = f"  strasse: {street}\n" if street else ""
    return f"""\
titel: {title}
kurzbeschreibung: {summary}
anbieter: verein
kategorien: [sport]
termine:
  - datum: {day}
    beginn: 9:00
    ende: 12:00
{age}gebuehr: {fee}
ort:
  stadt: Auenstadt
  stadtteil: {district}
{address}{more}"""


def kita_offer(title: str, summary: str, care: str = "kindergarten") -> str:
    return f"""\
titel: {title}
kurzbeschreibung: {summary}
anbieter: verein
kategorien: [kindergarten]
traegerart: kommunal
betreuungsarten: [{care}]
oeffnungszeiten:
  - wochentag: montag
    beginn: 7:00
    ende: 16:00
"""


FERIEN_OFFERS = {
    "schwimmkurs": ferien_offer("Schwimmkurs für Anfänger", "Wir lernen schwimmen und machen das Seepferdchen."),
    "fussballcamp": ferien_offer("Fußballcamp in den Osterferien", "Training für Kinder mit Turnier am Ende.", day="2027-03-22", fee=0),
    "muenchen": ferien_offer("Ausflug nach München", "Mit dem Zug ins Deutsche Museum.", ages=(10, 14), district="Neustadt"),
    "basteln": ferien_offer("Basteln mit Kindern", "Ein Nachmittag mit Papier, Schere und Kleber.", day="2027-08-09", ages=(4, 7)),
    "zirkus": ferien_offer("Zirkus zum Mitmachen", "Jonglieren und Balancieren lernen.", day="2027-08-10"),
    "sommerfest": ferien_offer("Sommerfest im Park", "Spiele, Musik und eine Zirkus-Vorführung am Abend.", day="2027-08-11"),
    "fechten": ferien_offer("Fechten für Einsteiger", "Mit Maske und Florett die ersten Schritte wagen.", day="2027-08-12", ages=(8, 12)),
    "flechten": ferien_offer("Flechten mit Weiden", "Wir flechten kleine Körbe und Zäune.", day="2027-08-13", ages=(8, 12)),
    "cafe": ferien_offer("Kinder-Café am Markt", "Kuchen backen und Gäste bewirten.", day="2027-08-16", street="Sonnenallee 12"),
    "sprache": ferien_offer(
        "Sprachferien für Neuankömmlinge",
        "Ein Integrationskurs mit Spielen, dazu Migrationsberatung für die Eltern.",
        day="2027-08-17",
        district="Kreuzberg",
    ),
    "lesenacht": ferien_offer("Lesenacht in der Bücherei", "Taschenlampe mitbringen!", day="2027-08-18"),
}

KITA_OFFERS = {
    "sonnenschein": kita_offer("Städtische Kindertagesstätte Sonnenschein", "Eine Einrichtung für 60 Kinder mit großem Garten."),
    "regenbogen": kita_offer("Kindergarten Regenbogen", "Drei Gruppen, offenes Konzept."),
    "spatzennest": kita_offer("Spatzennest", "Kleine Gruppe mit Waldorfpädagogik.", care="krippe"),
    "sternschnuppe": kita_offer("Krippe Sternschnuppe", "Für Kinder unter drei Jahren.", care="krippe"),
    "lindenhof": kita_offer("Familienzentrum Lindenhof", "Beratung und Betreuung unter einem Dach."),
    "ogs": kita_offer("Offene Ganztagsschule Am Park", "Betreuung nach dem Unterricht bis 16 Uhr."),
}


def write_world(root: Path) -> Path:
    data = root / "data"
    files = {
        "_einstellungen.yaml": SETTINGS,
        "anbieter/verein.yaml": "name: Förderverein Auenstadt\n",
        "ferien/_boerse.yaml": FERIEN,
        "kita/_boerse.yaml": KITA,
        "familie/_boerse.yaml": FAMILIE,
        "leer/_boerse.yaml": FERIEN.replace("Ferienbörse", "Leere Börse"),
        "eins/_boerse.yaml": FERIEN.replace("Ferienbörse", "Börse mit einem Angebot"),
        "eins/einzig.yaml": FERIEN_OFFERS["schwimmkurs"],
    }
    files |= {f"ferien/{name}.yaml": text for name, text in FERIEN_OFFERS.items()}
    files |= {f"kita/{name}.yaml": text for name, text in KITA_OFFERS.items()}
    files |= {f"familie/{name}.yaml": text for name, text in FAMILIE_OFFERS.items()}
    for name, text in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    return data


class World:
    """The catalog, each Börse's written search files, and searches over them."""

    def __init__(self, root: Path):
        self.catalog: Catalog
        self.catalog, problems = load_catalog(write_world(root), TODAY)
        assert problems.errors == [], problems.errors
        self.folders: dict[str, Path] = {}
        self.offers: dict[str, list] = {}
        for boerse in self.catalog.boersen:
            offers = self.catalog.current_offers(boerse)
            folder = root / "output" / boerse.slug / "suche"
            write_search_files(folder, search_files(boerse, offers, self.catalog.synonyms))
            self.folders[boerse.slug] = folder
            self.offers[boerse.slug] = offers

    def python(self, boerse: str) -> BoerseSearch:
        folder = self.folders[boerse]
        manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        return BoerseSearch(manifest, lambda name: json.loads((folder / name).read_text(encoding="utf-8")))

    def titles(self, boerse: str, query: str) -> list[str] | None:
        found = self.python(boerse).search(query)
        return None if found is None else [self.offers[boerse][position].title for position, _ in found]

    def javascript(self, boerse: str, queries: list[str], filters: list[dict] | None = None) -> dict:
        return run_engine({"folder": str(self.folders[boerse]) + "/", "queries": queries, "filters": filters or []})


def run_engine(request: dict) -> dict:
    """The browser's search engine (tests/search/js/engine.js) over built files, in node."""
    return ask(request, ENGINE)
