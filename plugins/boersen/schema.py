"""The data model of every Börse type, expressed as JSON Schema (draft 2020-12).

This module is the single source of truth for fields: each field carries its German
label (``title``), help text (``description``) and an example (``examples``). The
validator's messages, the volunteer documentation, ``boersen new`` and the published
``*.schema.json`` files all draw from here.

Custom keywords (ignored by other JSON Schema tools):
- ``x-labels``: German labels for the values of an ``enum``.
- ``x-recommended``: fields that should be filled in (a warning, not an error).
- ``x-translations``, ``x-texts``, ``x-lang``: the map of translations, a group of offer texts
  (a translation or Leichte Sprache) and the language of a translation: for messages and forms.
- ``format``: besides the standard ``date``, ``email`` and ``uri``, our own names
  ``uhrzeit``, ``telefon``, ``plz`` and ``slug`` select a friendly error message;
  the accompanying ``pattern`` does the checking, also in editors.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

from .i18n.languages import TRANSLATION_CODES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Shared value patterns. Kept simple on purpose: they are shown to volunteers.
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^([01]?\d|2[0-3]):[0-5]\d$"
# An address only: "?", "&", "%" or "," would add recipients or a text to the mailto: link.
EMAIL_PATTERN = r"^[A-Za-z0-9._+\-]+@[A-Za-z0-9äöüÄÖÜ\-]+(\.[A-Za-z0-9äöüÄÖÜ\-]+)*\.[A-Za-z]{2,}$"
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
# One or more numbers as people write them: 09571 82-1234, (0341) 123 45, +49 (0)341 12345, 0341 – 12345;
# several separated by a comma, semicolon or "oder".
_PHONE = r"\+?[0-9(][0-9 ()/\-–]{4,}[0-9]"
PHONE_PATTERN = rf"^{_PHONE}(\s*(,|;|oder)\s*{_PHONE})*$"
POSTCODE_PATTERN = r"^\d{5}$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIELD_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
# A plain file name in the data file's own folder (no folder, no "..") of an allowed image type.
IMAGE_FILE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]+)*\.(jpg|jpeg|png|webp|JPG|JPEG|PNG|WEBP)$"

Schema = dict[str, Any]


# --- Field constructors -------------------------------------------------------------


def _field(base: Schema, label: str, help: str, example: Any) -> Schema:
    return {**base, "title": label, "description": help, "examples": [example]}


def text(label: str, help: str, example: str, *, max_length: int = 300) -> Schema:
    return _field({"type": "string", "minLength": 1, "maxLength": max_length}, label, help, example)


def markdown(label: str, help: str, example: str) -> Schema:
    return _field(
        {"type": "string", "maxLength": 20000, "contentMediaType": "text/markdown"},
        label,
        help,
        example,
    )


def integer(label: str, help: str, example: int, *, minimum: int = 0, maximum: int | None = None) -> Schema:
    base: Schema = {"type": "integer", "minimum": minimum}
    if maximum is not None:
        base["maximum"] = maximum
    return _field(base, label, help, example)


def euro(label: str, help: str, example: float) -> Schema:
    return _field({"type": "number", "minimum": 0, "maximum": 100000}, label, help, example)


def boolean(label: str, help: str, example: bool) -> Schema:
    return _field({"type": "boolean"}, label, help, example)


def date(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "date", "pattern": DATE_PATTERN}, label, help, example)


def time(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "uhrzeit", "pattern": TIME_PATTERN}, label, help, example)


def email(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "email", "pattern": EMAIL_PATTERN}, label, help, example)


def url(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "uri", "pattern": URL_PATTERN}, label, help, example)


def phone(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "telefon", "pattern": PHONE_PATTERN}, label, help, example)


def postcode(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "plz", "pattern": POSTCODE_PATTERN}, label, help, example)


def slug(label: str, help: str, example: str) -> Schema:
    return _field({"type": "string", "format": "slug", "pattern": SLUG_PATTERN}, label, help, example)


def choice(label: str, help: str, labels: dict[str, str], example: str) -> Schema:
    return _field({"type": "string", "enum": list(labels), "x-labels": labels}, label, help, example)


def list_of(item: Schema, label: str, help: str, example: list, *, min_items: int = 0, unique: bool = False) -> Schema:
    base: Schema = {"type": "array", "items": item}
    if min_items:
        base["minItems"] = min_items
    if unique:
        base["uniqueItems"] = True
    return _field(base, label, help, example)


def group(
    label: str,
    help: str,
    properties: dict[str, Schema],
    *,
    required: tuple[str, ...] = (),
    recommended: tuple[str, ...] = (),
    example: Any = None,
) -> Schema:
    base: Schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        base["required"] = list(required)
    if recommended:
        base["x-recommended"] = list(recommended)
    if example is None:
        example = {name: field["examples"][0] for name, field in properties.items() if name in required}
    return _field(base, label, help, example)


# --- Building blocks shared by several types ---------------------------------------

WEEKDAYS = {
    "montag": "Montag",
    "dienstag": "Dienstag",
    "mittwoch": "Mittwoch",
    "donnerstag": "Donnerstag",
    "freitag": "Freitag",
    "samstag": "Samstag",
    "sonntag": "Sonntag",
}


def age_range(help: str, example: dict) -> Schema:
    return group(
        "Alter",
        help,
        {
            "von": integer("Alter von", "Mindestalter in Jahren.", example["von"], maximum=120),
            "bis": integer("Alter bis", "Höchstalter in Jahren.", example["bis"], maximum=120),
        },
        required=("von", "bis"),
        example=example,
    )


def weekly_times(label: str, help: str, *, with_venue: bool = False) -> Schema:
    properties = {
        "wochentag": choice("Wochentag", "Der Wochentag, klein geschrieben.", WEEKDAYS, "dienstag"),
        "beginn": time("Beginn", "Uhrzeit im Format Stunde:Minute.", "16:30"),
        "ende": time("Ende", "Uhrzeit im Format Stunde:Minute.", "18:00"),
    }
    example = {"wochentag": "dienstag", "beginn": "16:30", "ende": "18:00"}
    if with_venue:
        properties["ort"] = text("Ort", "Halle oder Platz, falls abweichend vom Hauptort.", "Turnhalle Lutherschule")
    return list_of(
        group("Zeit", "Ein regelmäßiger Termin pro Woche.", properties, required=("wochentag", "beginn", "ende")),
        label,
        help,
        [example],
        min_items=1,
    )


CONTACT = group(
    "Kontakt",
    "Wie Interessierte Sie erreichen. Bitte keine privaten Daten ohne Einverständnis.",
    {
        "name": text("Ansprechperson", "Name der Ansprechperson oder Stelle.", "Sabine Keller", max_length=120),
        "telefon": phone("Telefon", "Telefonnummer mit Vorwahl.", "09561 89-1234"),
        "email": email("E-Mail", "E-Mail-Adresse für Rückfragen.", "ferien@jugendzentrum-domino.de"),
        "webseite": url("Webseite", "Adresse mit https:// am Anfang.", "https://www.jugendzentrum-domino.de"),
    },
    example={"name": "Sabine Keller", "telefon": "09561 89-1234"},
)

LOCATION = group(
    "Ort",
    "Wo das Angebot stattfindet.",
    {
        "bezeichnung": text("Bezeichnung", "Name des Ortes, z. B. eines Gebäudes.", "Jugendzentrum Domino", max_length=120),
        "strasse": text("Straße und Hausnummer", "Straße mit Hausnummer.", "Mohrenstraße 12", max_length=120),
        "plz": postcode("Postleitzahl", "Fünfstellige Postleitzahl.", "96450"),
        "stadt": text("Stadt", "Name der Stadt oder Gemeinde.", "Coburg", max_length=80),
        "stadtteil": text("Stadtteil", "Stadtteil; danach kann gefiltert werden.", "Innenstadt", max_length=80),
        "breite": _field({"type": "number", "minimum": -90, "maximum": 90}, "Breitengrad", "Optional, für Karten.", 50.2585),
        "laenge": _field({"type": "number", "minimum": -180, "maximum": 180}, "Längengrad", "Optional, für Karten.", 10.9642),
    },
    required=("stadt",),
    recommended=("strasse", "plz", "stadtteil"),
    example={
        "bezeichnung": "Jugendzentrum Domino",
        "strasse": "Mohrenstraße 12",
        "plz": "96450",
        "stadt": "Coburg",
        "stadtteil": "Innenstadt",
    },
)

LANGUAGES = list_of(
    text("Sprache", "Name der Sprache auf Deutsch.", "Türkisch", max_length=40),
    "Sprachen",
    "Sprachen, in denen beraten oder betreut wird.",
    ["Deutsch", "Englisch"],
    unique=True,
)


# Languages an offer can carry translations in, with their German names for volunteers.
# German is the offer's own text and never a translation.
_GERMAN_NAMES = {"en": "Englisch", "tr": "Türkisch", "ar": "Arabisch", "uk": "Ukrainisch"}
TRANSLATION_LANGUAGES = {code: _GERMAN_NAMES[code] for code in TRANSLATION_CODES}
TRANSLATION_EXAMPLES = {  # the core examples (Schwimmkurs für Anfänger) in each language
    "en": {
        "titel": "Swimming course for beginners",
        "kurzbeschreibung": "We learn to swim together and earn the Seepferdchen, the beginners' swimming badge.",
    },
    "tr": {
        "titel": "Yeni başlayanlar için yüzme kursu",
        "kurzbeschreibung": "Birlikte yüzmeyi öğreniyor ve yeni başlayanlar için verilen Seepferdchen yüzme rozetini alıyoruz.",
    },
    "ar": {
        "titel": "دورة سباحة للمبتدئين",
        "kurzbeschreibung": "نتعلم السباحة معًا ونحصل على شارة السباحة للمبتدئين Seepferdchen.",
    },
    "uk": {
        "titel": "Курс плавання для початківців",
        "kurzbeschreibung": "Ми разом вчимося плавати й отримуємо Seepferdchen – значок для тих, хто починає плавати.",
    },
}
EASY_LANGUAGE_EXAMPLE = {
    "titel": "Schwimmen lernen",
    "kurzbeschreibung": "Hier lernen Kinder schwimmen. Am Ende gibt es ein Abzeichen.",
    # One sentence a line; a blank line between them keeps them apart on the page too.
    "beschreibung": "Der Kurs ist im Hallenbad.\n\nDer Kurs dauert 5 Tage.\n\nAm Ende gibt es ein Abzeichen.\n\n"
    "Ein Abzeichen ist ein kleines Bild aus Stoff.\n\nDas Bild zeigt: Das Kind kann schon ein bisschen schwimmen.\n",
}


def offer_texts(label: str, help: str, example: dict, *, language: str, phrase: str) -> Schema:
    """Title, summary and description of an offer in another language or in Leichte Sprache.

    Each field is optional and follows the rules of the German one; at least one is needed."""
    texts = group(
        label,
        help,
        {
            "titel": text(f"Titel ({language})", f"Der Titel {phrase}.", example["titel"], max_length=120),
            "kurzbeschreibung": text(
                f"Kurzbeschreibung ({language})",
                f"Ein bis zwei Sätze {phrase} für die Übersicht (höchstens 300 Zeichen).",
                example.get("kurzbeschreibung", example["titel"]),
            ),
            "beschreibung": markdown(
                f"Beschreibung ({language})",
                f"Die ausführliche Beschreibung {phrase} (Markdown wie bei der deutschen).",
                example.get("beschreibung", example["titel"]),
            ),
        },
        example=example,
    )
    texts["minProperties"] = 1
    texts["x-texts"] = True  # messages: an empty version is explained, not "an empty list"
    return texts


def translations() -> Schema:
    languages = {
        code: offer_texts(name, f"Titel und Texte auf {name}.", TRANSLATION_EXAMPLES[code], language=name, phrase=f"auf {name}")
        | {"x-lang": code}
        for code, name in TRANSLATION_LANGUAGES.items()
    }
    field = group(
        "Übersetzungen",
        "Freiwillig: Titel, Kurzbeschreibung und Beschreibung in anderen Sprachen, je unter dem Sprachkürzel "
        + ", ".join(f"{code} ({name})" for code, name in TRANSLATION_LANGUAGES.items())
        + ". Was fehlt, erscheint auf Deutsch mit einem Hinweis.",
        languages,
        example={code: TRANSLATION_EXAMPLES[code] for code in TRANSLATION_LANGUAGES},
    )
    field["minProperties"] = 1
    field["x-translations"] = True  # messages: an unknown key is a language code, "de" is the main text
    return field


def easy_language() -> Schema:
    return offer_texts(
        "Leichte Sprache",
        "Freiwillig: das Angebot in Leichter Sprache, mit kurzen Sätzen und einfachen Wörtern. "
        "Es bekommt eine eigene Seite, die auf der Angebotsseite verlinkt ist.",
        EASY_LANGUAGE_EXAMPLE,
        language="Leichte Sprache",
        phrase="in Leichter Sprache",
    )


def core_properties() -> dict[str, Schema]:
    """Fields every offer of every type has."""
    return {
        "titel": text("Titel", "Kurzer, aussagekräftiger Name des Angebots.", "Schwimmkurs für Anfänger", max_length=120),
        "kurzbeschreibung": text(
            "Kurzbeschreibung",
            "Ein bis zwei Sätze für die Übersicht (höchstens 300 Zeichen).",
            "Wir lernen gemeinsam schwimmen und machen das Seepferdchen.",
        ),
        "beschreibung": markdown(
            "Beschreibung",
            "Ausführliche Beschreibung. Absätze, **fett**, Listen und Links sind möglich (Markdown).",
            "Fünf Vormittage im Hallenbad. Am Ende machen alle, die mögen, das Seepferdchen.",
        ),
        "anbieter": slug(
            "Anbieter",
            "Kurzname des Vereins oder der Einrichtung, wie die Datei in data/anbieter/ heißt (ohne .yaml).",
            "jugendzentrum-domino",
        ),
        "kategorien": list_of(
            slug("Kategorie", "Kurzname einer Kategorie aus _boerse.yaml.", "sport-und-spiel"),
            "Kategorien",
            "Eine oder mehrere Kategorien dieser Börse.",
            ["sport-und-spiel"],
            min_items=1,
            unique=True,
        ),
        "schlagworte": list_of(
            text("Schlagwort", "Ein Stichwort.", "Schwimmen", max_length=40),
            "Schlagworte",
            "Stichworte, die bei der Suche helfen.",
            ["Schwimmen", "Wasser"],
            unique=True,
        ),
        "ort": LOCATION,
        "kontakt": CONTACT,
        "barrierefrei": boolean("Barrierefrei", "true, wenn der Ort ohne Stufen erreichbar ist, sonst false.", True),
        "barrierefreiheit": text(
            "Hinweise zur Barrierefreiheit",
            "Was Menschen mit Behinderung wissen sollten.",
            "Aufzug vorhanden, behindertengerechtes WC im Erdgeschoss.",
            max_length=500,
        ),
        **picture_properties("Bild", "schwimmkurs.jpg", "Kinder üben mit Schwimmbrettern im Lehrschwimmbecken."),
        "gueltig_ab": date("Gültig ab", "Ab diesem Tag wird das Angebot angezeigt (JJJJ-MM-TT).", "2027-01-01"),
        "gueltig_bis": date("Gültig bis", "Nach diesem Tag verschwindet das Angebot (JJJJ-MM-TT).", "2027-12-31"),
        "bestaetigt_am": date(
            "Zuletzt bestätigt am",
            "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT). Nach 12 Monaten erscheint ein Hinweis.",
            "2026-11-01",
        ),
        "uebersetzungen": translations(),
        "leichte_sprache": easy_language(),
    }


PICTURE_FIELDS = ("bild", "bild_alt", "bild_quelle")


def picture_properties(what: str, example: str, alt_example: str) -> dict[str, Schema]:
    """An image beside the data file (``what``: "Bild" or "Logo"), its alt text and its credit."""
    return {
        "bild": _field(
            {"type": "string", "format": "bilddatei", "pattern": IMAGE_FILE_PATTERN, "maxLength": 100, "x-file": True},
            what,
            "Name einer Bilddatei (JPEG, PNG oder WebP, höchstens 10 MB), die im selben Ordner liegt wie diese Datei. "
            "Nur eigene Bilder oder solche, die Sie zeigen dürfen. Die Webseite verkleinert das Bild und entfernt "
            "Aufnahmeort, Kamera und andere versteckte Angaben.",
            example,
        ),
        "bild_alt": _field(
            {"type": "string", "maxLength": 300},
            "Bildbeschreibung (Alternativtext)",
            "Pflicht, wenn ein Bild angegeben ist: ein Satz, was auf dem Bild zu sehen ist. Blinde Menschen hören ihn statt des Bildes.",
            alt_example,
        ),
        "bild_quelle": text(
            "Bildquelle",
            "Wer das Bild gemacht hat und unter welcher Lizenz es steht; erscheint unter dem Bild.",
            "Anna Beispiel, CC BY 4.0",
            max_length=200,
        ),
    }


CORE_REQUIRED = ("titel", "kurzbeschreibung", "anbieter", "kategorien")
CORE_RECOMMENDED = ("beschreibung", "ort", "kontakt", "barrierefrei", "bestaetigt_am")


# --- The four built-in types --------------------------------------------------------

SEASONS = {
    "ostern": "Osterferien",
    "pfingsten": "Pfingstferien",
    "sommer": "Sommerferien",
    "herbst": "Herbstferien",
    "weihnachten": "Weihnachtsferien",
    "winter": "Winterferien",
}


def ferien_properties() -> dict[str, Schema]:
    return {
        "termine": list_of(
            group(
                "Termin",
                "Ein Tag oder mehrere Tage am Stück.",
                {
                    "datum": date("Datum", "Erster Tag im Format JJJJ-MM-TT.", "2027-08-03"),
                    "enddatum": date("Enddatum", "Letzter Tag, nur bei mehrtägigen Terminen.", "2027-08-06"),
                    "beginn": time("Beginn", "Uhrzeit im Format Stunde:Minute.", "9:00"),
                    "ende": time("Ende", "Uhrzeit im Format Stunde:Minute.", "12:00"),
                },
                required=("datum",),
                recommended=("beginn", "ende"),
                example={"datum": "2027-08-03", "beginn": "9:00", "ende": "12:00"},
            ),
            "Termine",
            "Ein oder mehrere Termine.",
            [{"datum": "2027-08-03", "beginn": "9:00", "ende": "12:00"}],
            min_items=1,
        ),
        "saison": choice("Ferienzeit", "In welchen Ferien das Angebot liegt.", SEASONS, "sommer"),
        "alter": age_range("Für welches Alter das Angebot gedacht ist.", {"von": 6, "bis": 10}),
        "teilnehmende": group(
            "Teilnehmende",
            "Wie viele Kinder mitmachen können.",
            {
                "mindestens": integer("Mindestens", "Unter dieser Zahl fällt das Angebot aus.", 5),
                "hoechstens": integer("Höchstens", "Größte Zahl an Teilnehmenden.", 15),
            },
        ),
        "freie_plaetze": choice(
            "Freie Plätze",
            "Wie viele Plätze noch frei sind; bitte aktuell halten.",
            {"viele": "noch viele Plätze frei", "wenige": "nur noch wenige Plätze frei", "keine": "ausgebucht"},
            "viele",
        ),
        "gebuehr": euro("Gebühr", "Kosten pro Kind in Euro, z. B. 5 oder 12.50; 0 heißt kostenlos.", 5),
        "gebuehr_hinweis": text("Hinweis zur Gebühr", "Ermäßigungen, z. B. mit Ferienpass.", "Mit Ferienpass 3 €.", max_length=300),
        "anmeldung": group(
            "Anmeldung",
            "Ob und wie man sich anmeldet.",
            {
                "erforderlich": boolean("Anmeldung erforderlich", "true, wenn man sich anmelden muss.", True),
                "hinweis": text("So melden Sie sich an", "Kurz erklärt, wie die Anmeldung läuft.", "Telefonisch oder per E-Mail."),
                "link": url("Anmeldelink", "Adresse des Anmeldeformulars.", "https://www.beispielverein.de/anmeldung"),
                "telefon": phone("Telefon für die Anmeldung", "Telefonnummer mit Vorwahl.", "09561 89-1234"),
                "email": email("E-Mail für die Anmeldung", "E-Mail-Adresse für Anmeldungen.", "anmeldung@example.org"),
                "frist": date("Anmeldeschluss", "Letzter Tag der Anmeldung (JJJJ-MM-TT).", "2027-07-20"),
                "stornofrist": date("Abmeldung bis", "Bis wann man kostenlos absagen kann (JJJJ-MM-TT).", "2027-07-27"),
            },
            required=("erforderlich",),
            example={"erforderlich": True, "email": "anmeldung@example.org", "frist": "2027-07-20"},
        ),
        "treffpunkt": text("Treffpunkt", "Wo sich die Gruppe trifft, falls nicht am Ort.", "Vor dem Haupteingang"),
        "mitbringen": text("Bitte mitbringen", "Was die Kinder mitbringen sollen.", "Badesachen, Handtuch, Getränk"),
        "hinweise": text("Hinweise", "Sonstiges, z. B. Wetter.", "Findet nur bei gutem Wetter statt."),
        "status": choice(
            "Status",
            "Ob das Angebot stattfindet.",
            {"geplant": "findet statt", "ausgebucht": "ausgebucht", "abgesagt": "abgesagt"},
            "geplant",
        ),
    }


def sport_properties() -> dict[str, Schema]:
    return {
        "sportart": text("Sportart", "Die Sportart, z. B. Fußball oder Judo.", "Judo", max_length=60),
        "alter": age_range("Für welches Alter die Gruppe gedacht ist.", {"von": 8, "bis": 12}),
        "geschlecht": choice(
            "Für wen",
            "Ob die Gruppe für alle oder nur für eine Gruppe offen ist.",
            {"alle": "für alle", "maedchen": "nur Mädchen", "jungen": "nur Jungen", "frauen": "nur Frauen", "maenner": "nur Männer"},
            "alle",
        ),
        "niveau": choice(
            "Niveau",
            "Für wen das Training passt.",
            {
                "einsteiger": "Einsteigerinnen und Einsteiger",
                "fortgeschrittene": "Fortgeschrittene",
                "wettkampf": "Wettkampf",
                "alle": "alle Niveaus",
            },
            "einsteiger",
        ),
        "inklusiv": boolean("Inklusiv", "true, wenn Menschen mit und ohne Behinderung gemeinsam trainieren.", False),
        "trainingszeiten": weekly_times("Trainingszeiten", "Die wöchentlichen Trainingszeiten.", with_venue=True),
        "probetraining": boolean("Probetraining", "true, wenn man unverbindlich mittrainieren kann.", True),
        "beitrag": euro("Beitrag", "Mitgliedsbeitrag in Euro; 0 heißt kostenlos.", 8.5),
        "beitrag_zeitraum": choice(
            "Beitrag pro",
            "Für welchen Zeitraum der Beitrag gilt.",
            {"monat": "pro Monat", "quartal": "pro Quartal", "jahr": "pro Jahr", "kurs": "pro Kurs", "einmalig": "einmalig"},
            "monat",
        ),
        "beitrag_hinweis": text("Hinweis zum Beitrag", "Ermäßigungen, Familienbeitrag.", "Familien zahlen 15 € im Monat."),
    }


def familie_properties() -> dict[str, Schema]:
    return {
        "zielgruppe": text("Zielgruppe", "Für wen das Angebot gedacht ist.", "Eltern mit Kindern unter drei Jahren"),
        "alter": age_range("Alter der Kinder, falls das Angebot für ein Alter gedacht ist.", {"von": 0, "bis": 3}),
        "sprechzeiten": weekly_times("Sprechzeiten", "Regelmäßige Öffnungs- oder Sprechzeiten."),
        "sprechzeiten_hinweis": text("Hinweis zu den Sprechzeiten", "Sonstige Zeiten, Ferien.", "In den Schulferien nur dienstags."),
        "termin_noetig": boolean("Termin nötig", "true, wenn man vorher einen Termin vereinbaren muss.", True),
        "kosten": euro("Kosten", "Kosten in Euro; 0 heißt kostenlos.", 0),
        "kosten_hinweis": text("Hinweis zu den Kosten", "Z. B. einkommensabhängig.", "Die ersten drei Gespräche sind kostenlos."),
        "sprachen": LANGUAGES,
        "anonym": boolean("Anonym möglich", "true, wenn man ohne Namen beraten wird.", True),
    }


CARE_TYPES = {
    "krippe": "Krippe (unter 3 Jahren)",
    "kindergarten": "Kindergarten (3 bis 6 Jahre)",
    "hort": "Hort (Schulkinder)",
    "tagespflege": "Kindertagespflege",
}


def kita_properties() -> dict[str, Schema]:
    return {
        "traegerart": choice(
            "Art des Trägers",
            "Wer die Einrichtung betreibt.",
            {
                "kommunal": "kommunaler Träger",
                "kirchlich": "kirchlicher Träger",
                "frei": "freier Träger",
                "elterninitiative": "Elterninitiative",
                "betrieb": "Betriebskita",
                "privat": "privater Träger",
            },
            "kirchlich",
        ),
        "betreuungsarten": list_of(
            choice("Betreuungsart", "Eine Betreuungsart.", CARE_TYPES, "kindergarten"),
            "Betreuungsarten",
            "Welche Betreuung es gibt.",
            ["krippe", "kindergarten"],
            min_items=1,
            unique=True,
        ),
        "aufnahmealter_monate": integer("Aufnahme ab (Monate)", "Ab welchem Alter in Monaten Kinder aufgenommen werden.", 12, maximum=144),
        "alter": age_range("Alter der betreuten Kinder in Jahren, von der Aufnahme bis zum Wechsel.", {"von": 1, "bis": 6}),
        "plaetze": group(
            "Plätze",
            "Wie viele Plätze es insgesamt gibt.",
            {
                "gesamt": integer("Plätze insgesamt", "Alle Plätze zusammen.", 75),
                "unter_drei": integer("Plätze unter 3 Jahren", "Krippenplätze.", 15),
                "ueber_drei": integer("Plätze ab 3 Jahren", "Kindergarten- und Hortplätze.", 60),
            },
            required=("gesamt",),
        ),
        "oeffnungszeiten": weekly_times(
            "Öffnungszeiten",
            "Öffnungszeiten je Wochentag. Nicht bekannt? Dann lassen Sie das Feld weg; die Seite sagt dann „keine Angabe“.",
        ),
        "oeffnungszeiten_hinweis": text(
            "Hinweis zu den Öffnungszeiten", "Sonstiges zu den Zeiten, z. B. Schließtage.", "In den Sommerferien drei Wochen geschlossen."
        ),
        "buchungszeiten": list_of(
            integer("Stunden pro Woche", "Buchbare Stunden pro Woche.", 35, maximum=60),
            "Buchungszeiten",
            "Buchbare Betreuungsumfänge in Stunden pro Woche.",
            [25, 35, 45],
            unique=True,
        ),
        "konzept": text(
            "Pädagogisches Konzept", "Das Konzept in wenigen Worten.", "Offene Arbeit nach dem Situationsansatz", max_length=200
        ),
        "schwerpunkte": list_of(
            text("Schwerpunkt", "Ein Schwerpunkt.", "Bewegung", max_length=60),
            "Schwerpunkte",
            "Pädagogische Schwerpunkte.",
            ["Bewegung", "Natur"],
            unique=True,
        ),
        "sprachen": LANGUAGES,
        "mittagessen": boolean("Mittagessen", "true, wenn es ein Mittagessen gibt.", True),
        "inklusiv": boolean("Inklusiv", "true, wenn Kinder mit und ohne Behinderung gemeinsam betreut werden.", True),
        "freie_plaetze": list_of(
            group(
                "Freie Plätze",
                "Eine Meldung freier Plätze.",
                {
                    "ab": date("Frei ab", "Ab wann die Plätze frei sind (JJJJ-MM-TT).", "2027-09-01"),
                    "anzahl": integer("Anzahl", "Wie viele Plätze frei sind.", 2),
                    "betreuungsart": choice("Betreuungsart", "Für welche Betreuung.", CARE_TYPES, "krippe"),
                    "gemeldet_am": date("Gemeldet am", "Wann die Meldung gemacht wurde (JJJJ-MM-TT).", "2026-11-15"),
                },
                required=("ab", "anzahl", "betreuungsart", "gemeldet_am"),
            ),
            "Freie Plätze",
            "Freie Plätze, die Sie melden möchten. Bitte aktuell halten.",
            [{"ab": "2027-09-01", "anzahl": 2, "betreuungsart": "krippe", "gemeldet_am": "2026-11-15"}],
        ),
        "belegt_gemeldet_am": date(
            "Alle Plätze belegt, gemeldet am",
            "Wenn zurzeit kein Platz frei ist: der Tag dieser Meldung (JJJJ-MM-TT). Ohne diese Angabe und ohne "
            "freie Plätze steht auf der Seite, dass keine Meldung vorliegt – nicht, dass alles belegt ist.",
            "2026-11-15",
        ),
    }


TYPES: dict[str, dict[str, Any]] = {
    "ferien": {
        "label": "Ferienprogramm",
        "properties": ferien_properties,
        "required": ("termine", "alter", "gebuehr"),
        "recommended": ("saison", "anmeldung", "freie_plaetze"),
    },
    "sport": {
        "label": "Sportangebote",
        "properties": sport_properties,
        "required": ("sportart", "trainingszeiten"),
        "recommended": ("alter", "probetraining", "beitrag"),
    },
    "familie": {
        "label": "Familienangebote",
        "properties": familie_properties,
        "required": (),
        "recommended": ("zielgruppe", "sprechzeiten", "kosten", "termin_noetig"),
    },
    "kita": {
        "label": "Kindertagesstätten",
        "properties": kita_properties,
        "required": ("traegerart", "betreuungsarten"),
        "recommended": ("oeffnungszeiten", "plaetze", "aufnahmealter_monate", "konzept"),
    },
    "allgemein": {
        "label": "Allgemeine Börse",
        "properties": dict,
        "required": (),
        "recommended": (),
    },
}


# --- Extra fields declared in _boerse.yaml ------------------------------------------

EXTRA_FIELD_TYPES = {
    "text": "Text",
    "zahl": "Zahl",
    "ganzzahl": "ganze Zahl",
    "ja_nein": "ja oder nein",
    "datum": "Datum",
    "link": "Link",
    "email": "E-Mail-Adresse",
    "auswahl": "Auswahl aus einer Liste",
    "liste": "Liste von Texten",
}


@cache
def type_field_names(kind: str) -> frozenset[str]:
    """The fields a type adds to the shared core."""
    return frozenset(TYPES[kind]["properties"]())


def extra_field(spec: dict[str, Any]) -> Schema:
    """Turn one validated ``zusatzfelder`` entry of a _boerse.yaml into a field schema."""
    label, help = spec["titel"], spec.get("hilfe", spec["titel"])
    kind = spec["typ"]
    if kind == "auswahl":
        labels = {value: value for value in spec["werte"]}
        return choice(label, help, labels, spec["werte"][0])
    builders = {
        "text": lambda: text(label, help, spec.get("beispiel", label), max_length=500),
        "zahl": lambda: _field({"type": "number"}, label, help, spec.get("beispiel", 1)),
        "ganzzahl": lambda: integer(label, help, spec.get("beispiel", 1)),
        "ja_nein": lambda: boolean(label, help, spec.get("beispiel", True)),
        "datum": lambda: date(label, help, spec.get("beispiel", "2027-01-01")),
        "link": lambda: url(label, help, spec.get("beispiel", "https://www.example.org")),
        "email": lambda: email(label, help, spec.get("beispiel", "info@example.org")),
        "liste": lambda: list_of(text("Eintrag", help, "Eintrag"), label, help, _as_list(spec.get("beispiel", "Eintrag"))),
    }
    return builders[kind]()


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def offer_schema(
    kind: str,
    *,
    categories: dict[str, str] | None = None,
    extra_fields: list[dict[str, Any]] = (),
    title: str | None = None,
    schema_id: str | None = None,
) -> Schema:
    """The JSON Schema of one offer of ``kind``; narrowed to a Börse when its details are given."""
    spec = TYPES[kind]
    properties = core_properties() | spec["properties"]()
    required = list(CORE_REQUIRED) + list(spec["required"])
    for field_spec in extra_fields:
        properties[field_spec["name"]] = extra_field(field_spec)
        if field_spec.get("pflicht"):
            required.append(field_spec["name"])
    if categories:
        item = properties["kategorien"]["items"]
        item.pop("pattern")
        item.pop("format")
        item["enum"] = list(categories)
        item["x-labels"] = dict(categories)
        item["examples"] = [next(iter(categories))]
        properties["kategorien"]["examples"] = [[next(iter(categories))]]
    schema: Schema = {
        "$schema": SCHEMA_DIALECT,
        "title": title or spec["label"],
        "description": f"Ein Angebot der Art „{spec['label']}“.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": required,
        "x-recommended": list(CORE_RECOMMENDED) + list(spec["recommended"]),
    }
    if schema_id:
        schema = {"$id": schema_id, **schema}
    return schema


# --- Börse configuration and organisations ------------------------------------------

SEARCH_PARAMETERS = ("q", "von", "bis")  # kept in the page address by the search (boersen-ui.js), besides the facets

FACETS = {  # name: label; the types each applies to are in FACET_TYPES
    "kategorien": "Kategorie",
    "alter": "Alter",
    "datum": "Datum",
    "wochentag": "Wochentag",
    "saison": "Ferienzeit",
    "stadtteil": "Stadtteil",
    "kostenlos": "kostenlos",
    "barrierefrei": "barrierefrei",
    "freie_plaetze": "freie Plätze",
    "sportart": "Sportart",
    "betreuungsarten": "Betreuungsart",
    "traegerart": "Art des Trägers",
    "sprachen": "Sprachen",
}


_ALL = ("ferien", "sport", "familie", "kita", "allgemein")
FACET_TYPES = {
    "kategorien": _ALL,
    "stadtteil": _ALL,
    "barrierefrei": _ALL,
    "kostenlos": ("ferien", "sport", "familie"),
    "alter": ("ferien", "sport", "familie"),
    "datum": ("ferien",),
    "saison": ("ferien",),
    "wochentag": ("ferien", "sport", "familie"),
    "freie_plaetze": ("ferien", "kita"),
    "sportart": ("sport",),
    "betreuungsarten": ("kita",),
    "traegerart": ("kita",),
    "sprachen": ("familie", "kita"),
}


def facet_applies(facet: str, kind: str) -> bool:
    return kind in FACET_TYPES.get(facet, ())


def re_slug(name: str) -> bool:
    return re.fullmatch(SLUG_PATTERN.removeprefix("^").removesuffix("$"), name) is not None


def boerse_schema() -> Schema:
    """The schema of a ``_boerse.yaml`` file."""
    extra = group(
        "Zusatzfeld",
        "Ein eigenes Feld dieser Börse.",
        {
            "name": _field(
                {"type": "string", "format": "feldname", "pattern": FIELD_NAME_PATTERN},
                "Feldname",
                "Name des Feldes in den Angebotsdateien, klein mit Unterstrichen.",
                "einsatzort",
            ),
            "typ": choice("Feldtyp", "Welche Art von Wert das Feld hat.", EXTRA_FIELD_TYPES, "text"),
            "titel": text("Beschriftung", "So heißt das Feld auf der Webseite.", "Einsatzort", max_length=80),
            "hilfe": text("Hilfetext", "Erklärung für Ausfüllende.", "Wo das Ehrenamt stattfindet."),
            "beispiel": _field(
                {"type": ["string", "number", "boolean", "array"]}, "Beispiel", "Ein Beispielwert in der Art des Feldes.", "Innenstadt"
            ),
            "pflicht": boolean("Pflichtfeld", "true, wenn jedes Angebot das Feld ausfüllen muss.", False),
            "karte": boolean(
                "In der Übersicht", "true, wenn der Wert in der Übersicht und in den Suchergebnissen unter dem Titel steht.", False
            ),
            "filter": boolean(
                "Filter", "true, wenn man auf der Webseite danach filtern kann (ein Eintrag unter filter: ist nicht nötig).", False
            ),
            "werte": list_of(
                text("Wert", "Ein erlaubter Wert.", "Innenstadt", max_length=80),
                "Werte",
                "Nur bei typ: auswahl.",
                ["a"],
                min_items=1,
                unique=True,
            ),
        },
        required=("name", "typ", "titel"),
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Börse",
        "description": "Die Einstellungen einer Börse (Datei _boerse.yaml).",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "titel": text("Titel", "Name der Börse.", "Ferienbörse", max_length=80),
            "typ": choice("Art", "Welche Art von Angeboten die Börse sammelt.", {k: v["label"] for k, v in TYPES.items()}, "ferien"),
            "einleitung": markdown("Einleitung", "Kurzer Text oben auf der Seite der Börse (Markdown).", "Das Ferienprogramm der Stadt."),
            "kurzbeschreibung": text("Kurzbeschreibung", "Ein Satz für die Startseite.", "Spiel, Sport und Abenteuer in den Ferien."),
            "kategorien": _field(
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": SLUG_PATTERN},
                    "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 80},
                },
                "Kategorien",
                "Kurzname: Beschriftung, in der Reihenfolge der Anzeige.",
                {"sport-und-spiel": "Sport und Spiel"},
            ),
            "filter": list_of(
                _field({"type": "string"}, "Filter", "Ein Filter.", "alter"),
                "Filter",
                "Wonach Besucherinnen und Besucher filtern können: " + ", ".join(FACETS) + " oder Zusatzfelder.",
                ["kategorien", "alter"],
                unique=True,
            ),
            "reihenfolge": integer("Reihenfolge", "Position auf der Startseite; kleinere Zahlen stehen weiter vorn.", 1, maximum=1000),
            "sortierung": choice("Sortierung", "Wie die Übersicht sortiert ist.", {"datum": "nach Datum", "titel": "nach Titel"}, "titel"),
            "zusatzfelder": list_of(
                extra, "Zusatzfelder", "Eigene Felder dieser Börse.", [{"name": "einsatzort", "typ": "text", "titel": "Einsatzort"}]
            ),
        },
        "required": ["titel", "typ", "kategorien"],
        "x-recommended": ["kurzbeschreibung", "einleitung"],
    }


def organisation_schema() -> Schema:
    """The schema of an organisation file ``data/anbieter/<slug>.yaml``."""
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Anbieter",
        "description": "Ein Verein, eine Einrichtung oder ein Träger (Datei in data/anbieter/).",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "name": text("Name", "Vollständiger Name.", "Jugendzentrum Domino e. V.", max_length=120),
            "art": text("Art", "Z. B. Verein, Träger, Museum.", "Verein", max_length=60),
            "beschreibung": markdown("Beschreibung", "Wer Sie sind (Markdown).", "Offener Treff für Jugendliche seit 1985."),
            "ort": copy.deepcopy(LOCATION),
            "kontakt": copy.deepcopy(CONTACT),
            **picture_properties("Logo", "jugendzentrum-domino.png", "Ein roter Dominostein mit dem Schriftzug Domino."),
        },
        "required": ["name"],
        "x-recommended": ["beschreibung", "kontakt"],
    }


def settings_schema() -> Schema:
    """The schema of ``data/_einstellungen.yaml`` (optional, for the whole data folder)."""
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Einstellungen",
        "description": "Einstellungen für den ganzen Datenordner.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "demo_bezugsjahr": integer(
                "Demo-Bezugsjahr",
                "Nur für Beispieldaten: Jahr, für das die Daten geschrieben sind. Alle Daten werden "
                "wochenweise verschoben, so dass das Programm immer das kommende ist.",
                2027,
                minimum=2000,
                maximum=2100,
            ),
            "demo_stand": date(
                "Demo-Stand",
                "Nur für Beispieldaten: der Tag, an dem sie geschrieben wurden. Bestätigungs- und "
                "Meldedaten behalten ihren Abstand zum heutigen Tag.",
                "2026-11-26",
            ),
            "synonyme": list_of(
                list_of(
                    _field(
                        {"type": "string", "format": "wort", "pattern": r"^[^\s,;]+( [^\s,;]+)*$", "maxLength": 60},
                        "Wort",
                        "Ein Wort oder eine feste Wortgruppe wie „Offene Ganztagsschule“, mit einfachen Leerzeichen.",
                        "Kita",
                    ),
                    "Gruppe",
                    "Wörter, die bei der Suche als gleich gelten.",
                    ["Kita", "Kindertagesstätte", "Kindergarten"],
                    min_items=2,
                    unique=True,
                ),
                "Synonyme",
                "Gruppen gleichbedeutender Wörter für die Suche: wer eines sucht, findet auch die anderen.",
                [["Kita", "Kindertagesstätte", "Kindergarten"], ["Fußball", "Kicken"]],
            ),
        },
    }


def iter_fields(schema: Schema, prefix: str = ""):
    """Yield (dotted name, field schema) for every field, nested ones included."""
    for name, field in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, field
        if field.get("type") == "object":
            yield from iter_fields(field, path + ".")
        elif field.get("type") == "array" and field["items"].get("type") == "object":
            yield from iter_fields(field["items"], path + "[].")


BOERSE_SCHEMA_FOLDER = "boersen"  # schema/boersen/<börse>.schema.json: a Börse's own offers


def published_schemas(boersen: list | None = None) -> dict[str, Schema]:
    """File name -> schema for editors, in the repository's schema/ folder and on the site: one per
    type, one per Börse of the data folder (its categories and extra fields), and the others."""
    files = {f"{kind}.schema.json": editor_schema(offer_schema(kind, schema_id=f"{kind}.schema.json")) for kind in TYPES}
    files["boerse.schema.json"] = editor_schema(boerse_schema())
    files["anbieter.schema.json"] = editor_schema(organisation_schema())
    files["einstellungen.schema.json"] = editor_schema(settings_schema())
    for boerse in boersen or ():
        name = f"{BOERSE_SCHEMA_FOLDER}/{boerse.slug}.schema.json"
        files[name] = editor_schema({"$id": name, **{key: value for key, value in boerse.schema.items() if key != "$id"}})
    return files


def editor_schema(schema: Schema) -> Schema:
    """The schema as editors should apply it, agreeing with ``boersen validate``.

    The validator reads an unquoted number as text where text is expected (``plz: 96204``,
    ``telefon: 0957112345``), so editors accept numbers there too; a postcode written as a
    number must still have five digits."""
    schema = copy.deepcopy(schema)
    _accept_numbers_as_text(schema)
    return schema


def _accept_numbers_as_text(schema: Schema) -> None:
    if schema.get("type") == "object":
        for child in schema.get("properties", {}).values():
            _accept_numbers_as_text(child)
        if isinstance(schema.get("additionalProperties"), dict):
            _accept_numbers_as_text(schema["additionalProperties"])
    elif schema.get("type") == "array":
        _accept_numbers_as_text(schema["items"])
    elif schema.get("type") == "string" and "enum" not in schema:
        if schema.get("format") == "plz":
            schema["type"] = ["string", "integer"]
            schema["minimum"], schema["maximum"] = 10000, 99999
        elif schema.get("format") in (None, "telefon", "wort"):
            schema["type"] = ["string", "number"]


def write_schemas(folder, files: dict[str, Schema]) -> None:
    """Write ``files`` (from published_schemas) below ``folder``; Börse schemas no longer in the data go."""
    (folder / BOERSE_SCHEMA_FOLDER).mkdir(parents=True, exist_ok=True)
    for stale in (folder / BOERSE_SCHEMA_FOLDER).glob("*.schema.json"):
        if f"{BOERSE_SCHEMA_FOLDER}/{stale.name}" not in files:
            stale.unlink()
    for name, schema in files.items():
        (folder / name).write_text(dump_schema(schema), encoding="utf-8")


def dump_schema(schema: Schema) -> str:
    """Schemas as files: readable, with German text unescaped, in field order."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
