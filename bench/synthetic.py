"""Deterministic synthetic data for benchmarks: a complete Börsen data folder of any size.

``write_data(folder, count)`` writes four Börsen (Ferien 40 %, Sport 25 %, Familie 25 %,
KiTa 10 % of ``count`` offers) and 200 organisations, in the same shape volunteers write
them: YAML files with German keys, about a fifth of the offers as ``.md`` files with the
description below the front matter. Every file passes ``boersen validate`` without errors
or warnings when validated on ``TODAY`` (``BOERSEN_HEUTE=2026-11-26``).

Descriptions are 100 to 150 words of German sentences assembled from word lists (Schwimmkurs,
Kinder, Natur, Werkstatt, Ferien, Fußball, Museum, Bücherei, Übernachtung, Kindertagesstätte …),
so the data can also feed search benchmarks.

Determinism: nothing depends on the clock or on hash seeds. Each offer draws from its own
``random.Random`` seeded with ``(seed, Börse, number)``, so offer 17 of the Ferienbörse is
the same whether 1,000 or 10,000 offers are generated. ``generate()`` returns the data
in memory (used by ``hugo_site.py``); ``write_data()`` writes it and returns the same.
"""

from __future__ import annotations

import copy
import datetime
import json
import random
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

YEAR = 2027  # every appointment lies in this year
TODAY = datetime.date(YEAR - 1, 11, 26)  # pin builds with BOERSEN_HEUTE=2026-11-26
TOWN = "Auenstadt"
MARKDOWN_SHARE = 0.2  # offers written as .md (front matter + description) instead of .yaml

# --- The four Börsen ---------------------------------------------------------------

BOERSEN: dict[str, dict[str, Any]] = {
    "ferienboerse": {
        "titel": "Ferienbörse",
        "typ": "ferien",
        "kurzbeschreibung": "Spiel, Sport, Natur und Abenteuer – das Ferienprogramm für Kinder und Jugendliche.",
        "einleitung": "Vereine, Einrichtungen und viele Ehrenamtliche haben sich für die Ferien wieder etwas\n"
        "einfallen lassen. Melden Sie Ihr Kind **direkt beim Veranstalter** an.\n",
        "kategorien": {
            "sport-und-spiel": "Sport und Spiel",
            "natur-und-erlebnis": "Natur und Erlebnis",
            "gemeinschaft": "Gemeinschaft und soziales Lernen",
            "kreativitaet-und-kunst": "Kreativität und Kunst",
            "kultur-und-geschichte": "Kultur und Geschichte",
        },
        "sortierung": "datum",
        "filter": ["kategorien", "alter", "datum", "wochentag", "saison", "stadtteil", "kostenlos", "barrierefrei", "freie_plaetze"],
        "reihenfolge": 1,
    },
    "sportwegweiser": {
        "titel": "Sportwegweiser",
        "typ": "sport",
        "kurzbeschreibung": "Trainingszeiten, Ansprechpersonen und Probetrainings der Vereine.",
        "einleitung": "Vom Bambini-Fußball bis zur Seniorengymnastik: Der Sportwegweiser zeigt, wann und wo\n"
        "trainiert wird. Die meisten Gruppen freuen sich über ein **Probetraining**.\n",
        "kategorien": {
            "ballsport": "Ballsport",
            "kampfsport": "Kampfsport und Selbstverteidigung",
            "wassersport": "Wassersport",
            "turnen-und-tanz": "Turnen und Tanz",
            "fitness-und-gesundheit": "Fitness und Gesundheit",
            "outdoor-und-natur": "Outdoor und Natur",
            "inklusionssport": "Inklusions- und Rehasport",
        },
        "sortierung": "titel",
        "filter": ["kategorien", "sportart", "alter", "wochentag", "stadtteil", "kostenlos", "barrierefrei"],
        "reihenfolge": 2,
    },
    "familienkompass": {
        "titel": "Familienkompass",
        "typ": "familie",
        "kurzbeschreibung": "Beratung, Betreuung und Unterstützung für Familien.",
        "einleitung": "Für viele Fragen gibt es Menschen, die zuhören und weiterhelfen. Die meisten Angebote\n"
        "sind **kostenlos**, viele auch in anderen Sprachen.\n",
        "kategorien": {
            "beratung": "Beratung",
            "betreuung": "Betreuung",
            "bildung": "Bildung und Kurse",
            "gesundheit": "Gesundheit",
            "freizeit": "Freizeit und Begegnung",
            "finanzielle-hilfen": "Finanzielle Hilfen",
        },
        "sortierung": "titel",
        "filter": ["kategorien", "alter", "stadtteil", "kostenlos", "barrierefrei", "sprachen"],
        "reihenfolge": 3,
    },
    "kita-boerse": {
        "titel": "KiTa-Börse",
        "typ": "kita",
        "kurzbeschreibung": "Krippen, Kindergärten, Horte und Tagespflegen – mit gemeldeten freien Plätzen.",
        "einleitung": "Hier stellen sich die Kindertageseinrichtungen vor. Bitte melden Sie Ihr Kind\n**direkt bei der Einrichtung** an.\n",
        "kategorien": {
            "krippe": "Krippe (unter 3 Jahren)",
            "kindergarten": "Kindergarten (3 bis 6 Jahre)",
            "hort": "Hort (Schulkinder)",
            "tagespflege": "Kindertagespflege",
        },
        "sortierung": "titel",
        "filter": ["kategorien", "betreuungsarten", "traegerart", "stadtteil", "freie_plaetze", "barrierefrei", "sprachen"],
        "reihenfolge": 4,
    },
}
SHARES = {"ferienboerse": 0.40, "sportwegweiser": 0.25, "familienkompass": 0.25, "kita-boerse": 0.10}

# --- Places and people -----------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Comma-separated words or phrases, e.g. ``_words("Fußball, Judo")``."""
    return [word.strip() for word in text.split(",") if word.strip()]


def _lines(text: str) -> list[str]:
    """One sentence per line."""
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


DISTRICTS = {  # Stadtteil: Postleitzahl
    "Innenstadt": "96201", "Altstadt": "96201", "Schlossberg": "96202", "Neustadt": "96203", "Bergfeld": "96204",
    "Weidach": "96205", "Mühlbach": "96206", "Lindenau": "96207", "Auwiesen": "96208", "Sonnenhang": "96209",
    "Hofgarten": "96210", "Eichenried": "96211",
}  # fmt: skip
STREETS = _words("""
    Mohrenstraße, Luitpoldstraße, Jahnstraße, Schlossallee, Müllerweg, Bahnhofstraße, Lindenweg, Am Anger, Kirchplatz,
    Gartenstraße, Rosenauer Straße, Goethestraße, Schillerplatz, Am Hofgarten, Auenweg, Mühlgasse, Eichendorffstraße,
    Brunnenweg, Sonnenstraße, Hauptstraße""")
FIRST_NAMES = _words("""
    Sabine, Thomas, Claudia, Michael, Katharina, Stefan, Anna, Jürgen, Lena, Markus, Petra, Andreas, Julia, Matthias,
    Sandra, Tobias, Monika, Florian, Birgit, Sebastian, Ayşe, Mehmet, Olga, Dimitri""")
LAST_NAMES = _words("""
    Keller, Fischer, Seidel, Müller, Schmidt, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf,
    Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Lange, Yılmaz, Nowak""")
LANGUAGES = _words("Englisch, Türkisch, Russisch, Arabisch, Ukrainisch, Polnisch, Rumänisch, Französisch, Kurdisch")

# Organisations: group -> (kind of organisation, name prefixes); names are "<prefix> <Stadtteil or town>".
ORGANISATION_GROUPS = {
    "sport": (
        "Sportverein",
        _words("""
        TSV, SV, FC, TV, Schwimmverein, Judoclub, Kanuclub, Tanzsportclub, Turnerschaft, Radsportverein, Tischtennisclub,
        Handballclub, Karate-Dojo"""),
    ),
    "kita": (
        "Träger",
        _words("""
        Evangelische Kirchengemeinde, Katholische Kirchenstiftung, Elterninitiative Kinderhaus, AWO-Ortsverein,
        Caritasverband, Lebenshilfe, Kita-Verbund"""),
    ),
    "familie": (
        "Beratungsstelle",
        _words("""
        Familienzentrum, Beratungsstelle für Familien, Hebammenzentrum, Mehrgenerationenhaus, Stadtteiltreff,
        Diakonisches Werk, Kinderschutzbund"""),
    ),
    "kultur": (
        "Einrichtung",
        _words("""
        Stadtbücherei, Museum, Jugendzentrum, Naturschutzverein, Musikschule, Jugendkunstschule, Pfadfinderstamm,
        Jugendfeuerwehr, Theaterverein, Heimatverein, Imkerverein, Reitverein"""),
    ),
}
GROUP_SIZES = {"sport": 60, "kita": 40, "familie": 40, "kultur": 60}  # 200 organisations
GROUP_WORDS = {"sport": "sportwegweiser", "kita": "kita-boerse", "familie": "familienkompass", "kultur": "ferienboerse"}
# Which organisations offer in which Börse (a group listed twice is drawn twice as often).
OFFER_GROUPS = {
    "ferienboerse": ("kultur", "kultur", "sport", "familie"),
    "sportwegweiser": ("sport",),
    "familienkompass": ("familie",),
    "kita-boerse": ("kita",),
}

# --- Words for titles and descriptions, per Börse --------------------------------------
#
# A description sentence is "[opener] <modal> <subject> <place> <activity>." (or a fixed
# sentence), e.g. "Danach dürfen die Kinder im Wald Kräuter sammeln."

WORDS: dict[str, dict[str, list[str]]] = {
    "ferienboerse": {
        "titles": _words("""
            Schwimmkurs, Fußballcamp, Kletterkurs, Naturforscher-Tag, Comic-Werkstatt, Trickfilm-Werkstatt, Museumsrallye,
            Bücherei-Rallye, Bücherei-Lesenacht, Zirkuswoche, Kanutour, Theaterworkshop, Töpferkurs, Waldabenteuer,
            Backstube, Sternwarten-Abend, Ritterfest, Forscherwerkstatt, Ponytag, Zeltlager, Kräuterwanderung, Schatzsuche,
            Fahrradwerkstatt, Graffiti-Workshop, Kochwerkstatt, Spieletag, Tanzworkshop, Holzwerkstatt,
            Feuerwehr-Erlebnistag, Bienentag, Stadtführung, Schachkurs, Trommelworkshop, Nähwerkstatt, Fotokurs,
            Programmierkurs, Erste-Hilfe-Kurs, Minigolf-Turnier, Bogenschießen, Museumsdetektive"""),
        "suffixes": [""]
        + _words("""
            für Anfänger, für Kinder, für Jugendliche, für Mädchen, für Einsteiger, für die Kleinen, am Fluss,
            im Stadtpark, in der Altstadt, in den Ferien, im Wald, für Fortgeschrittene"""),
        "subjects": _words(
            "die Kinder, alle Teilnehmenden, die Mädchen und Jungen, kleine Gruppen, die jungen Forscherinnen und Forscher, wir"
        ),
        "places": _words("""
            im Hallenbad, in der Bücherei, im Museum, in der Werkstatt, auf dem Sportplatz, im Wald, am Fluss, im Jugendzentrum,
            in der Turnhalle, auf dem Bauernhof, im Gemeindehaus, im Stadtpark, auf dem Abenteuerspielplatz, in der Sternwarte,
            im Schlosshof, im Atelier, auf der Streuobstwiese, im Feuerwehrhaus"""),
        "activities": _words("""
            Fußball spielen, schwimmen lernen, Drachen bauen, Brot backen, Geschichten erfinden, Insekten beobachten,
            Masken basteln, ein Floß bauen, Lieder singen, Kräuter sammeln, Comics zeichnen, Theater spielen, Spuren lesen,
            Knoten üben, Vogelhäuser bauen, Steine bemalen, ein Zelt aufbauen, Ton formen, Kanu fahren, Sterne beobachten,
            alte Handschriften entdecken, Bücher ausleihen, eine Schatzkarte zeichnen, Pizza backen, Trickfilme drehen,
            Fahrräder reparieren, Bäume bestimmen, Wassertiere keschern, Pfeil und Bogen ausprobieren,
            kleine Roboter programmieren, Verbände anlegen, Rhythmen trommeln, Kostüme nähen"""),
        "sentences": _lines("""
            Für eine kleine Stärkung zwischendurch ist gesorgt.
            Eine Übernachtung im Zelt ist möglich, wenn das Wetter mitspielt.
            Die Ferien sind die beste Zeit, um Neues auszuprobieren.
            Vorkenntnisse sind nicht nötig.
            Mit dem Ferienpass ist die Teilnahme günstiger.
            Bei schlechtem Wetter weichen wir in die Halle aus.
            Erfahrene Betreuerinnen und Betreuer begleiten die Gruppe den ganzen Tag.
            Am Ende bekommen alle eine Urkunde.
            Eltern sind zur Abschlussvorführung herzlich eingeladen.
            Bitte gebt bei der Anmeldung an, ob euer Kind Allergien hat.
            Die Natur vor der Haustür steckt voller Überraschungen.
            In der Werkstatt liegt alles Werkzeug bereit.
            Das Museum öffnet für uns seine Schatzkammer."""),
        "keywords": _words("""
            Schwimmen, Wasser, Fußball, Natur, Wald, Basteln, Malen, Museum, Geschichte, Bücher, Lesen, Theater, Musik, Tiere,
            Kochen, Backen, Technik, Forschen, Abenteuer, Übernachtung, Zelten, Klettern, Zirkus, Werkstatt, Sterne, Feuerwehr"""),
    },
    "sportwegweiser": {
        "titles": [],  # built from SPORTS
        "suffixes": _words("""
            für Kinder, für Jugendliche, für Erwachsene, für Einsteiger, für Seniorinnen und Senioren, für Mädchen,
            für Familien, in der Freizeitgruppe, in der Leistungsgruppe, für Eltern und Kinder"""),
        "subjects": _words("die Trainierenden, alle Mitglieder, Kinder und Jugendliche, unsere Gruppen, wir, Anfängerinnen und Anfänger"),
        "places": _words("""
            in der Turnhalle, auf dem Sportplatz, im Hallenbad, im Vereinsheim, auf der Laufbahn, im Kraftraum, im Dojo,
            am Bootshaus, im Stadtpark"""),
        "activities": _words("""
            die Ausdauer trainieren, neue Techniken lernen, im Team spielen, an Wettkämpfen teilnehmen,
            die Koordination verbessern, Kraft aufbauen, die Beweglichkeit trainieren, Fairness üben,
            das Sportabzeichen ablegen, kleine Turniere bestreiten, Fußball spielen, schwimmen lernen"""),
        "sentences": _lines("""
            Ein Probetraining ist jederzeit möglich.
            Unsere Übungsleiterinnen und Übungsleiter haben eine Trainerlizenz.
            Sportkleidung und Hallenschuhe genügen für den Anfang.
            Der Verein freut sich über neue Mitglieder jeden Alters.
            In den Schulferien findet kein Training statt.
            Für Familien gibt es einen ermäßigten Beitrag.
            Leihmaterial ist vorhanden.
            Gemeinschaft wird bei uns großgeschrieben.
            Nach dem Training sitzen viele noch im Vereinsheim zusammen."""),
        "keywords": _words("Bewegung, Verein, Mannschaft, Training, Gesundheit, Wettkampf, Fitness, Ausdauer, Teamgeist"),
    },
    "familienkompass": {
        "titles": _words("""
            Erziehungsberatung, Elterncafé, Krabbelgruppe, Stillgruppe, Schwangerenberatung, Familienpaten,
            Hausaufgabenhilfe, Schuldnerberatung, Babymassage, Eltern-Kind-Turnen, Familienfrühstück, Trennungsberatung,
            Sprechstunde der Familienhebamme, Lernpatenschaften, Offener Spieletreff, Beratung zum Kinderzuschlag,
            Leseförderung, Kochkurs, Vätertreff, Alleinerziehenden-Treff, Sprachkurs für Eltern, Familienbildung"""),
        "suffixes": [""]
        + _words("""
            im Familienzentrum, in der Innenstadt, für Eltern mit Babys, für Familien, für Alleinerziehende, am Vormittag,
            für Väter, für Großeltern, mit Kinderbetreuung"""),
        "subjects": _words("Eltern, Mütter und Väter, Familien, Alleinerziehende, Großeltern, wir"),
        "places": _words("""
            im Familienzentrum, in der Beratungsstelle, im Gemeindehaus, in der Kindertagesstätte, im Elterncafé,
            in der Bücherei, im Stadtteiltreff, in der Hebammenpraxis"""),
        "activities": _words("""
            Fragen zur Erziehung besprechen, andere Eltern kennenlernen, Anträge gemeinsam ausfüllen, über Sorgen sprechen,
            Tipps zur Ernährung bekommen, miteinander frühstücken, Spiele für zu Hause kennenlernen,
            Hilfe bei Behördengängen bekommen, Kontakte knüpfen, Kinderlieder singen"""),
        "sentences": _lines("""
            Die Beratung ist vertraulich.
            Sie können Ihr Kind gern mitbringen.
            Während des Treffens gibt es eine Kinderbetreuung.
            Bei Bedarf vermitteln wir weitere Hilfen.
            Die Fachkräfte unterliegen der Schweigepflicht.
            Eine Dolmetscherin kann nach Absprache dazukommen.
            Niemand muss mit seinen Fragen allein bleiben.
            Das Angebot richtet sich an alle Familien, egal woher sie kommen."""),
        "keywords": _words(
            "Beratung, Eltern, Familie, Baby, Erziehung, Schwangerschaft, Hilfe, Treffpunkt, Frühstück, Lernen, Gesundheit, Geld"
        ),
    },
    "kita-boerse": {
        "titles": [],  # built from KITA_KINDS and KITA_NAMES
        "suffixes": [],
        "subjects": _words("die Kinder, die Krippenkinder, die Vorschulkinder, die Hortkinder, alle Gruppen, wir"),
        "places": _words("""
            im Garten, im Bewegungsraum, in der Kinderküche, im Atelier, im Wald, in der Bücherei, im Gruppenraum,
            auf dem Spielplatz"""),
        "activities": _words("""
            Sandburgen bauen, Lieder singen, Bilderbücher anschauen, Gemüse pflanzen, Bewegungsspiele machen, Kuchen backen,
            Experimente machen, Feste feiern, Ausflüge planen, Musik machen"""),
        "sentences": _lines("""
            Die Eingewöhnung erfolgt behutsam nach dem Berliner Modell.
            Das Mittagessen wird täglich frisch zubereitet.
            Wir arbeiten eng mit den Eltern zusammen.
            Der Elternbeirat unterstützt unsere Feste.
            Unser Team besteht aus erfahrenen Erzieherinnen und Erziehern.
            Die Kindertagesstätte liegt ruhig und ist gut mit dem Bus erreichbar.
            Vor der Einschulung besuchen die Vorschulkinder die Grundschule.
            Anmeldungen nehmen wir das ganze Jahr über entgegen."""),
        "keywords": _words("Kinderbetreuung, Krippe, Kindergarten, Hort, Natur, Bewegung, Sprache, Musik, Inklusion, Mittagessen"),
    },
}
COMMON_SENTENCES = _lines("""
    Die Anfahrt mit Bus und Fahrrad ist einfach.
    Weitere Informationen gibt es beim Anbieter.
    Das Angebot wird von der Stadt Auenstadt gefördert.
    Wir freuen uns auf euch!
    Neue Gesichter sind jederzeit willkommen.""")
MODALS = _words("können, dürfen, werden, wollen, sollen")
OPENERS = [""] + _words("Außerdem, Danach, Zum Abschluss, Jede Woche, Gemeinsam mit unserem Team, Mit viel Geduld, Zuerst")

SPORTS = {  # Sportart: Kategorie
    "Fußball": "ballsport", "Handball": "ballsport", "Basketball": "ballsport", "Volleyball": "ballsport",
    "Tischtennis": "ballsport", "Judo": "kampfsport", "Karate": "kampfsport", "Taekwondo": "kampfsport",
    "Selbstverteidigung": "kampfsport", "Schwimmen": "wassersport", "Kanu": "wassersport", "Rudern": "wassersport",
    "Kinderturnen": "turnen-und-tanz", "Geräteturnen": "turnen-und-tanz", "Jazztanz": "turnen-und-tanz",
    "Rückengymnastik": "fitness-und-gesundheit", "Yoga": "fitness-und-gesundheit", "Nordic Walking": "fitness-und-gesundheit",
    "Klettern": "outdoor-und-natur", "Orientierungslauf": "outdoor-und-natur", "Radsport": "outdoor-und-natur",
    "Rollstuhlbasketball": "inklusionssport", "Rehasport": "inklusionssport",
}  # fmt: skip
KITA_KINDS = {  # Bezeichnung: possible Betreuungsarten
    "Kinderkrippe": ["krippe"],
    "Kindergarten": ["kindergarten", "krippe"],
    "Waldkindergarten": ["kindergarten"],
    "Hort": ["hort"],
    "Tagespflege": ["tagespflege"],
    "Kindertagesstätte": ["krippe", "kindergarten", "hort"],
    "Kinderhaus": ["krippe", "kindergarten", "hort"],
    "Integrative Kindertagesstätte": ["krippe", "kindergarten"],
}
KITA_NAMES = _words("""
    Sonnenschein, Regenbogen, Pusteblume, Spatzennest, Schatzkiste, Löwenzahn, Wurzelwerk, Arche Noah, St. Marien,
    St. Johannis, Wichtelburg, Zwergenland, Kunterbunt, Abenteuerland, Lindenbaum, Purzelbaum, Sternschnuppe, Bewegungsnest,
    Kleine Strolche, Villa Kunterbunt""")
FAMILY_TARGETS = _words("""
    Eltern mit Kindern unter drei Jahren, Schwangere und junge Familien, Alleinerziehende, Familien mit Schulkindern,
    Eltern und Großeltern, Familien mit wenig Geld, Väter und ihre Kinder""")
SEASONS = {  # Ferienzeit: (first, last day of the Bavarian school holidays in YEAR)
    "winter": (datetime.date(YEAR, 2, 8), datetime.date(YEAR, 2, 12)),
    "ostern": (datetime.date(YEAR, 3, 22), datetime.date(YEAR, 4, 2)),
    "pfingsten": (datetime.date(YEAR, 5, 18), datetime.date(YEAR, 5, 28)),
    "sommer": (datetime.date(YEAR, 8, 2), datetime.date(YEAR, 9, 13)),
    "herbst": (datetime.date(YEAR, 11, 2), datetime.date(YEAR, 11, 5)),
}
SEASON_WEIGHTS = {"winter": 10, "ostern": 15, "pfingsten": 15, "sommer": 45, "herbst": 15}
WEEKDAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]


# --- The data set ------------------------------------------------------------------------


@dataclass
class OfferFile:
    boerse: str  # folder name
    slug: str  # file name without suffix
    data: dict[str, Any]  # exactly what the file holds, beschreibung included
    markdown: bool = False  # written as .md with the description as body

    @property
    def filename(self) -> str:
        return f"{self.slug}.{'md' if self.markdown else 'yaml'}"


@dataclass
class Dataset:
    boersen: dict[str, dict[str, Any]]  # folder name: _boerse.yaml contents
    organisations: dict[str, dict[str, Any]]  # slug: anbieter/<slug>.yaml contents
    offers: list[OfferFile] = field(default_factory=list)


def generate(count: int, seed: int = 1, translated: float = 0.0) -> Dataset:
    """All files of a data folder with ``count`` offers, in memory; the share ``translated``
    of them carries ``uebersetzungen`` into every other language (en, tr, ar, uk)."""
    organisations, groups = _organisations(seed)
    dataset = Dataset(boersen=copy.deepcopy(BOERSEN), organisations=organisations)
    for boerse, number in _split(count).items():
        for index in range(1, number + 1):
            rng = random.Random(f"{seed}:{boerse}:{index}")
            group = rng.choice(OFFER_GROUPS[boerse])
            organisation = rng.choice(groups[group])
            data = OFFER_BUILDERS[boerse](rng, organisation, organisations[organisation])
            # A separate generator, so the German data is the same at every share.
            chooser = random.Random(f"{seed}:{boerse}:{index}:translated")
            if chooser.random() < translated:
                data["uebersetzungen"] = _translations(chooser)
            slug = f"{slugify(data['titel'])}-{index}"
            dataset.offers.append(OfferFile(boerse, slug, data, markdown=rng.random() < MARKDOWN_SHARE))
    return dataset


def write_data(folder: Path, count: int, seed: int = 1, translated: float = 0.0) -> Dataset:
    """Write a complete data folder with ``count`` offers into ``folder`` (created if needed)."""
    dataset = generate(count, seed, translated)
    folder = Path(folder)
    (folder / "anbieter").mkdir(parents=True, exist_ok=True)
    for slug, data in dataset.organisations.items():
        (folder / "anbieter" / f"{slug}.yaml").write_text(to_yaml(data), encoding="utf-8")
    for slug, config in dataset.boersen.items():
        (folder / slug).mkdir(exist_ok=True)
        (folder / slug / "_boerse.yaml").write_text(to_yaml(config), encoding="utf-8")
    for offer in dataset.offers:
        if offer.markdown:
            front = {key: value for key, value in offer.data.items() if key != "beschreibung"}
            text = f"---\n{to_yaml(front)}---\n\n{offer.data['beschreibung']}"
        else:
            text = to_yaml(offer.data)
        (folder / offer.boerse / offer.filename).write_text(text, encoding="utf-8")
    return dataset


def _split(count: int) -> dict[str, int]:
    """Offers per Börse; the last one takes the rounding remainder."""
    numbers = {slug: round(count * share) for slug, share in SHARES.items()}
    last = list(SHARES)[-1]
    numbers[last] = count - sum(number for slug, number in numbers.items() if slug != last)
    return numbers


# --- Organisations -----------------------------------------------------------------------


def _organisations(seed: int) -> tuple[dict[str, dict], dict[str, list[str]]]:
    rng = random.Random(f"{seed}:anbieter")
    places = [TOWN, *DISTRICTS]
    organisations, groups = {}, {}
    for group, (kind, prefixes) in ORGANISATION_GROUPS.items():
        combinations = [(prefix, place) for prefix in prefixes for place in places]
        rng.shuffle(combinations)
        groups[group] = []
        for prefix, place in combinations[: GROUP_SIZES[group]]:
            name = f"{prefix} {place}" + (" e. V." if kind == "Sportverein" else "")
            slug = slugify(f"{prefix} {place}")
            district = place if place in DISTRICTS else rng.choice(list(DISTRICTS))
            organisations[slug] = {
                "name": name,
                "art": kind,
                "beschreibung": _paragraphs(rng, GROUP_WORDS[group], 35, 60),
                "ort": _location(rng, district, name=name),
                "kontakt": {
                    "name": rng.choice(["Geschäftsstelle", "Sekretariat", "Leitung", _person(rng)]),
                    "telefon": _phone(rng),
                    "email": f"info@{slug}.example",
                    "webseite": f"https://www.{slug}.example",
                },
            }
            groups[group].append(slug)
    return organisations, groups


# --- Offers --------------------------------------------------------------------------------


def _core(rng: random.Random, boerse: str, title: str, organisation: str, org: dict, categories: list[str]) -> dict:
    """The fields every offer has, in the order volunteers write them."""
    words = WORDS[boerse]
    data: dict[str, Any] = {
        "titel": title,
        "kurzbeschreibung": _summary(rng, boerse),
        "beschreibung": _paragraphs(rng, boerse, 100, 150),
        "anbieter": organisation,
        "kategorien": categories,
        "schlagworte": rng.sample(words["keywords"], rng.randint(2, 4)),
    }
    if rng.random() < 0.3:
        data["ort"] = dict(org["ort"])
    else:
        data["ort"] = _location(rng, rng.choice(list(DISTRICTS)), coordinates=rng.random() < 0.5)
    contact = {"name": _person(rng), "telefon": _phone(rng)}
    if rng.random() < 0.7:
        contact["email"] = f"{_ascii(contact['name'].split()[0]).lower()}@{organisation}.example"
    if rng.random() < 0.3:
        contact["webseite"] = org["kontakt"]["webseite"]
    data["kontakt"] = contact
    data["barrierefrei"] = rng.random() < 0.6
    if rng.random() < 0.4:
        data["barrierefreiheit"] = rng.choice(
            [
                "Der Eingang ist über eine Rampe erreichbar.",
                "Ein Aufzug und ein barrierefreies WC sind vorhanden.",
                "Bitte sprechen Sie uns an, wenn Ihr Kind Unterstützung braucht.",
                "Der Raum liegt im ersten Stock ohne Aufzug.",
            ]
        )
    if boerse != "ferienboerse" and rng.random() < 0.15:
        data["gueltig_bis"] = rng.choice([f"{YEAR}-07-31", f"{YEAR}-12-31"])
    if rng.random() < 0.1:
        data["gueltig_ab"] = f"{YEAR - 1}-09-01"
    data["bestaetigt_am"] = _day_between(rng, datetime.date(YEAR - 1, 1, 15), TODAY - datetime.timedelta(days=3)).isoformat()
    return data


def _ferien(rng: random.Random, organisation: str, org: dict) -> dict:
    words = WORDS["ferienboerse"]
    title = f"{rng.choice(words['titles'])} {rng.choice(words['suffixes'])}".strip()
    categories = rng.sample(list(BOERSEN["ferienboerse"]["kategorien"]), rng.choice([1, 1, 1, 2]))
    data = _core(rng, "ferienboerse", title, organisation, org, categories)
    season = rng.choices(list(SEASON_WEIGHTS), weights=list(SEASON_WEIGHTS.values()))[0]
    appointments = _appointments(rng, *SEASONS[season])
    first_day = datetime.date.fromisoformat(appointments[0]["datum"])
    low = rng.randint(3, 12)
    details: dict[str, Any] = {
        "saison": season,
        "termine": appointments,
        "alter": {"von": low, "bis": min(low + rng.randint(2, 6), 16)},
        "teilnehmende": {"mindestens": (least := rng.randint(3, 8)), "hoechstens": least + rng.randint(4, 20)},
        "gebuehr": rng.choice([0, 0, 0, 2, 3, 5, 8, 10, 12.5, 15, 20, 25, 35, 45, 60, 80]),
    }
    if details["gebuehr"] and rng.random() < 0.4:
        details["gebuehr_hinweis"] = rng.choice(
            ["Mit Ferienpass die Hälfte.", "Material ist im Preis enthalten.", "Geschwister zahlen weniger.", "Inklusive Mittagessen."]
        )
    status = rng.choices(["geplant", "ausgebucht", "abgesagt"], weights=[92, 5, 3])[0]
    details["freie_plaetze"] = "keine" if status == "ausgebucht" else rng.choice(["viele", "viele", "wenige"])
    details["anmeldung"] = _registration(rng, organisation, first_day)
    if rng.random() < 0.3:
        details["treffpunkt"] = rng.choice(["Vor dem Haupteingang", "Am Parkplatz", "An der Bushaltestelle", "Im Foyer"])
    if rng.random() < 0.6:
        details["mitbringen"] = rng.choice(
            [
                "Badesachen, Handtuch, etwas zu trinken",
                "Wetterfeste Kleidung und Brotzeit",
                "Kleidung, die schmutzig werden darf",
                "Schlafsack und Isomatte",
                "Fahrrad und Helm",
            ]
        )
    if rng.random() < 0.2:
        details["hinweise"] = rng.choice(
            ["Findet nur bei gutem Wetter statt.", "Bitte an Sonnenschutz denken.", "Eltern können gern zuschauen."]
        )
    if status != "geplant" or rng.random() < 0.5:
        details["status"] = status
    return _merge(data, details)


def _appointments(rng: random.Random, first: datetime.date, last: datetime.date) -> list[dict]:
    weekdays = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    weekdays = [day for day in weekdays if day.weekday() < 5]
    begin = rng.choice([8, 9, 9, 10, 10, 13, 14]) * 60 + rng.choice([0, 0, 30])
    times = {"beginn": _clock(begin), "ende": _clock(begin + rng.choice([90, 120, 180, 240]))}
    kind = rng.random()
    if kind < 0.6:  # one day
        return [{"datum": rng.choice(weekdays).isoformat(), **times}]
    if kind < 0.85:  # several days in a row, within one week
        start = rng.choice(weekdays)
        end = min(start + datetime.timedelta(days=rng.randint(1, 4 - start.weekday())) if start.weekday() < 4 else start, last)
        item = {"datum": start.isoformat()}
        if end > start:
            item["enddatum"] = end.isoformat()
        return [{**item, **times}]
    days = sorted(rng.sample(weekdays, min(len(weekdays), rng.randint(2, 3))))
    return [{"datum": day.isoformat(), **times} for day in days]


def _registration(rng: random.Random, organisation: str, first_day: datetime.date) -> dict:
    if rng.random() < 0.2:
        return {"erforderlich": False, "hinweis": "Einfach vorbeikommen, eine Anmeldung ist nicht nötig."}
    registration: dict[str, Any] = {
        "erforderlich": True,
        "hinweis": rng.choice(["Telefonisch oder per E-Mail.", "Online über unsere Webseite.", "Anmeldung im Büro zu den Öffnungszeiten."]),
    }
    channel = rng.random()
    if channel < 0.4:
        registration["email"] = f"anmeldung@{organisation}.example"
    elif channel < 0.7:
        registration["link"] = f"https://www.{organisation}.example/ferien"
    else:
        registration["telefon"] = _phone(rng)
    deadline = first_day - datetime.timedelta(days=rng.randint(3, 21))
    registration["frist"] = deadline.isoformat()
    if rng.random() < 0.4:
        registration["stornofrist"] = _day_between(rng, deadline, first_day - datetime.timedelta(days=1)).isoformat()
    return registration


def _sport(rng: random.Random, organisation: str, org: dict) -> dict:
    sport = rng.choice(list(SPORTS))
    title = f"{sport} {rng.choice(WORDS['sportwegweiser']['suffixes'])}"
    categories = [SPORTS[sport]]
    inclusive = SPORTS[sport] == "inklusionssport" or rng.random() < 0.1
    if inclusive and "inklusionssport" not in categories:
        categories.append("inklusionssport")
    data = _core(rng, "sportwegweiser", title, organisation, org, categories)
    adults = "Erwachsene" in title or "Senior" in title
    low = rng.randint(18, 50) if adults else rng.randint(4, 14)
    details: dict[str, Any] = {
        "sportart": sport,
        "alter": {"von": low, "bis": 99 if adults else low + rng.randint(2, 6)},
        "geschlecht": "maedchen" if "Mädchen" in title else rng.choice(["alle", "alle", "alle", "jungen"]),
        "niveau": rng.choice(["einsteiger", "fortgeschrittene", "wettkampf", "alle"]),
        "inklusiv": inclusive,
        "trainingszeiten": _slots(rng, 15, 20, rng.randint(1, 3), venue=True),
        "probetraining": rng.random() < 0.85,
    }
    fee = rng.choice([0, 3, 5, 8, 8.5, 10, 12, 15, 20, 25, 30, 45, 60, 90, 120])
    details["beitrag"] = fee
    if fee:
        details["beitrag_zeitraum"] = "jahr" if fee >= 60 else rng.choice(["monat", "monat", "quartal"])
        if rng.random() < 0.3:
            details["beitrag_hinweis"] = rng.choice(
                ["Familien zahlen weniger.", "Schüler und Studenten zahlen die Hälfte.", "Die Aufnahmegebühr entfällt im ersten Jahr."]
            )
    return _merge(data, details)


def _familie(rng: random.Random, organisation: str, org: dict) -> dict:
    words = WORDS["familienkompass"]
    title = f"{rng.choice(words['titles'])} {rng.choice(words['suffixes'])}".strip()
    categories = rng.sample(list(BOERSEN["familienkompass"]["kategorien"]), rng.choice([1, 1, 2]))
    data = _core(rng, "familienkompass", title, organisation, org, categories)
    details: dict[str, Any] = {"zielgruppe": rng.choice(FAMILY_TARGETS)}
    if rng.random() < 0.6:
        details["alter"] = {"von": 0, "bis": rng.choice([1, 3, 6, 10, 14])}
    details["sprechzeiten"] = _slots(rng, 8, 17, rng.randint(1, 3))
    if rng.random() < 0.3:
        details["sprechzeiten_hinweis"] = "In den Schulferien nach Vereinbarung."
    details["termin_noetig"] = rng.random() < 0.5
    details["kosten"] = 0 if rng.random() < 0.7 else rng.choice([2, 3, 5, 10, 25, 40])
    if rng.random() < 0.3:
        details["kosten_hinweis"] = rng.choice(
            ["Einkommensabhängig.", "Die ersten drei Gespräche sind kostenlos.", "Mit Familienpass kostenlos."]
        )
    details["sprachen"] = ["Deutsch", *rng.sample(LANGUAGES, rng.randint(0, 3))]
    if rng.random() < 0.4:
        details["anonym"] = rng.random() < 0.7
    return _merge(data, details)


def _kita(rng: random.Random, organisation: str, org: dict) -> dict:
    kind = rng.choice(list(KITA_KINDS))
    title = f"{kind} {rng.choice(KITA_NAMES)}"
    if rng.random() < 0.5:
        title += f" {rng.choice(list(DISTRICTS))}"
    care = sorted(rng.sample(KITA_KINDS[kind], rng.randint(1, len(KITA_KINDS[kind]))), key=KITA_KINDS[kind].index)
    data = _core(rng, "kita-boerse", title, organisation, org, list(care))
    total = rng.randint(3, 5) if care == ["tagespflege"] else rng.randint(20, 150)
    places: dict[str, int] = {"gesamt": total}
    if "krippe" in care:
        places["unter_drei"] = total if care == ["krippe"] else total // rng.randint(3, 5)
    if "kindergarten" in care or "hort" in care:
        places["ueber_drei"] = total - places.get("unter_drei", 0)
    opens = rng.choice([390, 420, 450])
    closes = rng.choice([960, 990, 1020])
    hours = [{"wochentag": day, "beginn": _clock(opens), "ende": _clock(840 if day == "freitag" else closes)} for day in WEEKDAYS[:5]]
    details: dict[str, Any] = {
        "traegerart": rng.choice(["kommunal", "kirchlich", "kirchlich", "frei", "elterninitiative", "betrieb"]),
        "betreuungsarten": care,
        "aufnahmealter_monate": {"krippe": rng.choice([6, 9, 12]), "kindergarten": 36, "hort": 72, "tagespflege": rng.choice([3, 6, 12])}[
            care[0]
        ],
        "plaetze": places,
        "oeffnungszeiten": hours,
        "buchungszeiten": sorted(rng.sample([20, 25, 30, 35, 40, 45], rng.randint(2, 4))),
        "konzept": rng.choice(
            [
                "Offene Arbeit nach dem Situationsansatz",
                "Montessori-Pädagogik",
                "Naturpädagogik mit täglichem Waldtag",
                "Reggio-Pädagogik",
                "Bewegte Kita mit Sportschwerpunkt",
            ]
        ),
        "schwerpunkte": rng.sample(["Bewegung", "Natur", "Sprache", "Musik", "Forschen", "Inklusion", "Ernährung"], rng.randint(1, 3)),
        "sprachen": ["Deutsch", *rng.sample(LANGUAGES, rng.randint(0, 2))],
        "mittagessen": rng.random() < 0.9,
        "inklusiv": rng.random() < 0.4,
    }
    free = []
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        free.append(
            {
                "ab": f"{YEAR}-{rng.choice(['01', '03', '09'])}-01",
                "anzahl": rng.randint(1, 5),
                "betreuungsart": rng.choice(care),
                "gemeldet_am": _day_between(rng, TODAY - datetime.timedelta(days=60), TODAY).isoformat(),
            }
        )
    if free:
        details["freie_plaetze"] = free
    return _merge(data, details)


OFFER_BUILDERS = {"ferienboerse": _ferien, "sportwegweiser": _sport, "familienkompass": _familie, "kita-boerse": _kita}


def _merge(core: dict, details: dict) -> dict:
    """Type-specific fields after the summary, the long description and contact last, as in the demo files."""
    head = {key: core[key] for key in ("titel", "kurzbeschreibung", "beschreibung", "anbieter", "kategorien", "schlagworte")}
    tail = {key: value for key, value in core.items() if key not in head}
    return {**head, **details, **tail}


# Words of the translations: enough for titles, summaries and a short description per language.
TRANSLATION_WORDS = {
    "en": _words("""swimming, course, children, family, holiday, nature, workshop, football, museum, library,
        painting, music, theatre, climbing, cooking, counselling, help, parents, garden, forest, games"""),
    "tr": _words("""yüzme, kursu, çocuklar, aile, tatil, doğa, atölye, futbol, müze, kütüphane,
        resim, müzik, tiyatro, tırmanma, yemek, danışmanlık, yardım, ebeveynler, bahçe, orman, oyunlar"""),
    "ar": _words("""سباحة, دورة, أطفال, عائلة, عطلة, طبيعة, ورشة, كرة, متحف, مكتبة,
        رسم, موسيقى, مسرح, تسلق, طبخ, استشارة, مساعدة, والدين, حديقة, غابة, ألعاب"""),
    "uk": _words("""плавання, курс, діти, родина, канікули, природа, майстерня, футбол, музей, бібліотека,
        малювання, музика, театр, скелелазіння, кулінарія, консультація, допомога, батьки, сад, ліс, ігри"""),
}


def _translations(rng: random.Random) -> dict[str, dict[str, str]]:
    """Title, summary and a short description in every other language."""
    texts = {}
    for lang, words in TRANSLATION_WORDS.items():
        title = " ".join(rng.sample(words, 3)).capitalize()
        summary = " ".join(rng.sample(words, 8)).capitalize() + "."
        description = " ".join(rng.choice(words) for _ in range(40)).capitalize() + "."
        texts[lang] = {"titel": title, "kurzbeschreibung": summary, "beschreibung": description}
    return texts


# --- Small generators ---------------------------------------------------------------


def _slots(rng: random.Random, first_hour: int, last_hour: int, count: int, *, venue: bool = False) -> list[dict]:
    slots = []
    for day in sorted(rng.sample(WEEKDAYS[:6], count), key=WEEKDAYS.index):
        begin = rng.randint(first_hour, last_hour) * 60 + rng.choice([0, 30])
        slot = {"wochentag": day, "beginn": _clock(begin), "ende": _clock(begin + rng.choice([60, 90, 120]))}
        if venue and rng.random() < 0.3:
            slot["ort"] = rng.choice(["Turnhalle Lutherschule", "Sportpark Nord", "Dreifachhalle Neustadt", "Hallenbad"])
        slots.append(slot)
    return slots


def _location(rng: random.Random, district: str, *, name: str | None = None, coordinates: bool = False) -> dict:
    location = {
        "bezeichnung": name
        or rng.choice(
            [
                "Hallenbad",
                "Stadtbücherei",
                "Bürgerhaus",
                "Jugendzentrum",
                "Gemeindehaus",
                "Naturerlebnisgarten",
                "Stadtmuseum",
                "Alte Tuchfabrik",
                "Sportpark",
            ]
        )
        + ("" if name else f" {district}"),
        "strasse": f"{rng.choice(STREETS)} {rng.randint(1, 80)}",
        "plz": DISTRICTS[district],
        "stadt": TOWN,
        "stadtteil": district,
    }
    if coordinates:
        location["breite"] = round(50.2585 + rng.uniform(-0.03, 0.03), 4)
        location["laenge"] = round(10.9642 + rng.uniform(-0.05, 0.05), 4)
    return location


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _phone(rng: random.Random) -> str:
    return f"09571 {rng.randint(10, 99)}-{rng.randint(1000, 9999)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _sentence(rng: random.Random, boerse: str) -> str:
    words = WORDS[boerse]
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(words["sentences"])
    if roll < 0.25:
        return rng.choice(COMMON_SENTENCES)
    opener, subject, modal = rng.choice(OPENERS), rng.choice(words["subjects"]), rng.choice(MODALS)
    rest = f"{rng.choice(words['places'])} {rng.choice(words['activities'])}"
    if opener:
        return f"{opener} {modal} {subject} {rest}."
    return f"{subject[0].upper()}{subject[1:]} {modal} {rest}."


def _summary(rng: random.Random, boerse: str) -> str:
    """One or two sentences, well under the 300 characters allowed."""
    text = _sentence(rng, boerse)
    second = rng.choice(WORDS[boerse]["sentences"])
    return f"{text} {second}" if len(text) + len(second) < 250 else text


def _paragraphs(rng: random.Random, boerse: str, low: int, high: int) -> str:
    """Markdown of ``low`` to ``high`` words: paragraphs wrapped at 100 columns, sometimes a list or bold text."""
    target = rng.randint(low, high)
    sentences, words = [], 0
    while words < target:
        sentence = _sentence(rng, boerse)
        sentences.append(sentence)
        words += len(sentence.split())
    if rng.random() < 0.15:
        sentences[0] = f"**{sentences[0]}**"
    cut = sorted(rng.sample(range(1, len(sentences)), min(len(sentences) - 1, rng.randint(1, 2))))
    blocks = [" ".join(sentences[a:b]) for a, b in zip([0, *cut], [*cut, len(sentences)], strict=True)]
    blocks = [textwrap.fill(block, width=100) for block in blocks]
    if low >= 100 and rng.random() < 0.2:
        items = rng.sample(WORDS[boerse]["activities"], 3)
        blocks.insert(1, "Das erwartet euch:\n\n" + "\n".join(f"- {item[0].upper()}{item[1:]}" for item in items))
    return "\n\n".join(blocks) + "\n"


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ş": "s", "ı": "i"})


def _ascii(text: str) -> str:
    return text.translate(_UMLAUTS).encode("ascii", "ignore").decode()


def slugify(text: str) -> str:
    """``Töpferkurs für Anfänger`` -> ``toepferkurs-fuer-anfaenger``"""
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


# --- A small YAML writer, producing what volunteers write by hand ----------------------
#
# PyYAML's dumper quotes dates and times and cannot write block scalars nicely; real data
# files look like the demo files: plain dates, flow lists of short words, ``|`` for Markdown.

_RESOLVES_TO_OTHER = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
    r"|[-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$"
)


def _plain_ok(text: str, *, in_flow: bool = False) -> bool:
    return (
        bool(text)
        and text == text.strip()
        and "\n" not in text
        and text[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _RESOLVES_TO_OTHER.match(text)
        and not (in_flow and any(char in text for char in ",[]{}"))
    )


def _scalar(value: Any, *, in_flow: bool = False, quote_strings: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if not quote_strings and _plain_ok(value, in_flow=in_flow):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_yaml(data: dict[str, Any], *, quote_strings: bool = False) -> str:
    """Block-style YAML of nested dicts, lists and scalars. ``quote_strings`` double-quotes every string."""
    return "".join(line + "\n" for line in _mapping_lines(data, 0, quote_strings))


def _mapping_lines(data: dict[str, Any], indent: int, quote: bool) -> list[str]:
    pad, lines = " " * indent, []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(_mapping_lines(value, indent + 2, quote))
        elif isinstance(value, list) and all(isinstance(item, dict) for item in value) and value:
            lines.append(f"{pad}{key}:")
            for item in value:
                item_lines = _mapping_lines(item, indent + 4, quote)
                item_lines[0] = f"{pad}  - {item_lines[0].lstrip()}"
                lines.extend(item_lines)
        elif isinstance(value, list):
            items = [_scalar(item, in_flow=True, quote_strings=quote) for item in value]
            lines.append(f"{pad}{key}: [{', '.join(items)}]")
        elif isinstance(value, str) and "\n" in value and not quote:
            lines.append(f"{pad}{key}: |")
            lines.extend(f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n"))
        else:
            lines.append(f"{pad}{key}: {_scalar(value, quote_strings=quote)}")
    return lines
