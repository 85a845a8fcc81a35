"""Translations and Leichte Sprache in offer files: validation messages and the model."""

from __future__ import annotations

from boersen.cli import main
from boersen.model import OfferText

from scratch import FERIEN_OFFER
from sitebuild import ROOT

TRANSLATED = (
    FERIEN_OFFER
    + """\
uebersetzungen:
  en:
    titel: Swimming course for beginners
    kurzbeschreibung: We learn to swim and take the seahorse badge.
    beschreibung: Five mornings at the indoor pool.
  tr:
    titel: Yeni başlayanlar için yüzme kursu
leichte_sprache:
  titel: Schwimmen lernen
  kurzbeschreibung: Hier lernen Kinder schwimmen.
"""
)


def test_translations_are_loaded_into_the_model(data):
    data.offer(TRANSLATED)
    catalog, problems = data.load()
    assert problems.errors == []
    offer = catalog.boersen[0].offers[0]
    assert offer.translations == {
        "en": OfferText(
            "Swimming course for beginners", "We learn to swim and take the seahorse badge.", "Five mornings at the indoor pool."
        ),
        "tr": OfferText("Yeni başlayanlar için yüzme kursu", None, None),
    }
    assert offer.easy_language == OfferText("Schwimmen lernen", "Hier lernen Kinder schwimmen.", None)


def test_text_falls_back_to_german_field_by_field(data):
    data.offer(TRANSLATED)
    offer = data.load()[0].boersen[0].offers[0]
    assert offer.text("tr") == OfferText(
        "Yeni başlayanlar için yüzme kursu", "Wir lernen schwimmen und machen das Seepferdchen.", "Fünf Vormittage im Hallenbad."
    )
    assert offer.text("uk") == offer.text("de") == OfferText(offer.title, offer.summary, offer.description)
    assert [offer.translated("tr", name) for name in ("title", "summary", "description")] == [True, False, False]
    assert offer.translated("en", "description") is True
    assert offer.translated("uk", "title") is False
    assert offer.translated("de", "summary") is True


def test_a_missing_german_description_stays_none_where_untranslated(data):
    without_description = FERIEN_OFFER.replace("beschreibung: Fünf Vormittage im Hallenbad.\n", "")
    data.offer(without_description + "uebersetzungen:\n  ar:\n    titel: دورة سباحة\n")
    offer = data.load()[0].boersen[0].offers[0]
    assert offer.text("ar").description is None
    assert offer.text("ar").title == "دورة سباحة"


def test_offers_without_translations_have_none(data):
    data.offer()
    offer = data.load()[0].boersen[0].offers[0]
    assert (offer.translations, offer.easy_language) == ({}, None)


def test_unknown_language_code_lists_the_allowed_ones(data):
    data.offer(FERIEN_OFFER + "uebersetzungen:\n  fr:\n    titel: Cours de natation\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:33:3: uebersetzungen.fr: „fr“ ist keine Sprache, in die übersetzt werden kann. "
        "Erlaubt sind die Sprachkürzel en (Englisch), tr (Türkisch), ar (Arabisch), uk (Ukrainisch)."
    ]


def test_a_language_name_or_country_code_gets_the_code_suggested(data):
    data.offer(FERIEN_OFFER + "uebersetzungen:\n  Türkisch:\n    titel: Yüzme kursu\n  ua:\n    titel: Курс плавання\n")
    allowed = "Erlaubt sind die Sprachkürzel en (Englisch), tr (Türkisch), ar (Arabisch), uk (Ukrainisch)."
    assert data.messages() == [
        f"data/ferien/kurs.yaml:33:3: uebersetzungen.Türkisch: „Türkisch“ ist keine Sprache, in die übersetzt werden kann. {allowed}"
        " Meinten Sie „tr“?",
        f"data/ferien/kurs.yaml:35:3: uebersetzungen.ua: „ua“ ist keine Sprache, in die übersetzt werden kann. {allowed} Meinten Sie „uk“?",
    ]


def test_german_is_not_a_translation(data):
    data.offer(FERIEN_OFFER + "uebersetzungen:\n  de:\n    titel: Schwimmkurs\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:33:3: uebersetzungen.de: Deutsch ist der Haupttext des Angebots (titel, kurzbeschreibung, "
        "beschreibung oben in der Datei) und keine Übersetzung. Unter „uebersetzungen“ stehen nur: en (Englisch), tr (Türkisch), "
        "ar (Arabisch), uk (Ukrainisch). Für einfaches Deutsch gibt es das Feld „leichte_sprache“."
    ]


def test_empty_translations_are_refused(data):
    data.offer(FERIEN_OFFER + "uebersetzungen: {}\n")
    data.offer(FERIEN_OFFER + "uebersetzungen:\n  en:\n", "zwei.yaml")
    data.offer(FERIEN_OFFER + "uebersetzungen:\n  en: {}\nleichte_sprache: {}\n", "drei.yaml")
    assert data.messages() == [
        "data/ferien/drei.yaml:33:3: uebersetzungen.en: Für „en“ steht kein Text. Bitte darunter eingerückt mindestens eines von "
        "titel, kurzbeschreibung, beschreibung angeben oder die Zeile löschen.",
        "data/ferien/drei.yaml:34:1: leichte_sprache: Für Leichte Sprache steht kein Text. Bitte darunter eingerückt mindestens eines "
        "von titel, kurzbeschreibung, beschreibung angeben oder die Zeile löschen.",
        "data/ferien/kurs.yaml:32:1: uebersetzungen: Die Übersetzungen sind leer. Bitte darunter eingerückt eine Sprache mit ihren "
        "Texten angeben (z. B. „en:“ und darunter „titel: …“) oder die Zeile „uebersetzungen:“ löschen.",
        "data/ferien/zwei.yaml:32:1: uebersetzungen: Die Übersetzungen sind leer. Bitte darunter eingerückt eine Sprache mit ihren "
        "Texten angeben (z. B. „en:“ und darunter „titel: …“) oder die Zeile „uebersetzungen:“ löschen.",
    ]


def test_translated_fields_follow_the_rules_of_the_german_ones(data):
    text = FERIEN_OFFER + (
        "uebersetzungen:\n"
        "  en:\n"
        f"    titel: {'x' * 121}\n"
        '    kurzbeschreibung: "Swim\\x1b[2J"\n'
        "    beschreibung: |\n"
        "      - > - > - > - > - > - > - > - > - > - > - > - > - > - > - > - > deep\n"
        "    untertitel: Swimming\n"
        "leichte_sprache:\n"
        '  titel: ""\n'
    )
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:34:12: uebersetzungen.en.titel: Der Text ist zu lang (121 Zeichen); erlaubt sind höchstens 120 Zeichen.",
        "data/ferien/kurs.yaml:35:23: uebersetzungen.en.kurzbeschreibung: Der Text enthält das unsichtbare Steuerzeichen \\x1b. "
        "Erlaubt sind nur Zeilenumbrüche und Tabulatoren; bitte das Zeichen entfernen.",
        "data/ferien/kurs.yaml:36:19: uebersetzungen.en.beschreibung: Der Text ist zu tief verschachtelt: Listen und Zitate "
        "(„- “, „> “) in mehr als 16 Ebenen. Bitte einfacher gliedern.",
        "data/ferien/kurs.yaml:38:5: uebersetzungen.en.untertitel: Unbekanntes Feld. Meinten Sie „titel“?",
        "data/ferien/kurs.yaml:40:10: leichte_sprache.titel: Der Wert ist leer. Bitte ausfüllen oder die ganze Zeile löschen.",
    ]


def test_a_translation_without_title_or_summary_gets_a_warning(data):
    text = FERIEN_OFFER + (
        "uebersetzungen:\n"
        "  en:\n"
        "    titel: Swimming course\n"
        "    kurzbeschreibung: We learn to swim.\n"
        "  tr:\n"
        "    titel: Yüzme kursu\n"
        "  uk:\n"
        "    kurzbeschreibung: Ми вчимося плавати.\n"
        "  ar:\n"
        "    beschreibung: خمسة صباحات في المسبح.\n"
    )
    data.offer(text)
    assert data.messages(warnings=True) == [
        "data/ferien/kurs.yaml:36:3: uebersetzungen.tr: Warnung: Die türkische Übersetzung hat keine Kurzbeschreibung: "
        "in der Übersicht steht dort dann der deutsche Text. Bitte „kurzbeschreibung“ ergänzen.",
        "data/ferien/kurs.yaml:38:3: uebersetzungen.uk: Warnung: Die ukrainische Übersetzung hat keinen Titel: "
        "in der Übersicht steht dort dann der deutsche Text. Bitte „titel“ ergänzen.",
        "data/ferien/kurs.yaml:40:3: uebersetzungen.ar: Warnung: Die arabische Übersetzung hat keinen Titel und keine "
        "Kurzbeschreibung: in der Übersicht steht dort dann der deutsche Text. Bitte „titel“ und „kurzbeschreibung“ ergänzen.",
    ]


def test_new_offer_template_shows_translations_and_easy_language_commented(data):
    assert main(["new", "ferien", "schwimmkurs", "--data-dir", str(data.root)]) == 0
    target = data.root / "ferien" / "schwimmkurs.yaml"
    template = target.read_text(encoding="utf-8")
    assert (
        "# Übersetzungen: Freiwillig: Titel, Kurzbeschreibung und Beschreibung in anderen Sprachen, je unter dem Sprachkürzel "
        "en (Englisch), tr (Türkisch), ar (Arabisch), uk (Ukrainisch). Was fehlt, erscheint auf Deutsch mit einem Hinweis.\n"
        "# uebersetzungen:\n"
        "#   en:\n"
        "#     titel: Swimming course for beginners\n"
    ) in template
    assert "#   ar:\n#     titel: دورة سباحة للمبتدئين\n" in template
    assert "# leichte_sprache:\n#   titel: Schwimmen lernen\n" in template
    assert "#   beschreibung: |\n#     Der Kurs ist im Hallenbad.\n#\n#     Der Kurs dauert 5 Tage.\n" in template
    # Removing the "#" in front of both blocks gives a valid offer with all four translations.
    blocks = template.split("\n\n")
    chosen = [block for block in blocks if block.startswith(("# Übersetzungen:", "# Leichte Sprache:"))]
    for block in chosen:
        first, *rest = block.split("\n")
        template = template.replace(block, "\n".join([first] + [line[2:] for line in rest]))
    target.write_text(template.replace("jugendzentrum-domino", "tsv"), encoding="utf-8")
    catalog, problems = data.load()
    assert problems.errors == []
    offer = next(offer for offer in catalog.boersen[0].offers if offer.slug == "schwimmkurs")
    assert sorted(offer.translations) == ["ar", "en", "tr", "uk"]
    assert offer.translations["uk"].title == "Курс плавання для початківців"
    assert offer.easy_language.description.startswith("Der Kurs ist im Hallenbad.\n\nDer Kurs dauert 5 Tage.\n")


def test_the_demo_data_marks_its_machine_made_translations():
    """README: machine-made translations carry the comment line, the demo data's included."""
    translated = [
        path
        for path in sorted((ROOT / "data").rglob("*.*"))
        if path.suffix in {".yaml", ".md"} and "\nuebersetzungen:" in path.read_text(encoding="utf-8")
    ]
    assert len(translated) >= 5
    for path in translated:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[lines.index("uebersetzungen:") - 1].startswith("# maschinell übersetzt, bitte prüfen"), path.name
