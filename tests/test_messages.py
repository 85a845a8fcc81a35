"""Messages that lead a volunteer to the fix on their own (issue 9): each asserted word for word."""

from __future__ import annotations

from scratch import FERIEN_OFFER, ORGANISATION, replace
from sitebuild import build_site

OFFER_LOCATION = (
    'ort:\n  bezeichnung: Hallenbad Auenstadt\n  strasse: Badstraße 3\n  plz: "96201"\n  stadt: Auenstadt\n  stadtteil: Altstadt\n'
)


def test_a_missing_colon_is_named_on_its_own_line(data):
    data.offer(replace(FERIEN_OFFER, "titel: Schwimmkurs für Anfänger", "titel Schwimmkurs für Anfänger"))
    data.offer(replace(FERIEN_OFFER, "gebuehr: 25", "gebuehr 25"), "zweiter.yaml")
    assert data.messages() == [
        "data/ferien/kurs.yaml:1:1: (Datei): YAML-Syntaxfehler: Nach dem Feldnamen „titel“ fehlt der Doppelpunkt. "
        "Richtig ist: „titel: Schwimmkurs für Anfänger“.",
        "data/ferien/zweiter.yaml:15:1: (Datei): YAML-Syntaxfehler: Nach dem Feldnamen „gebuehr“ fehlt der Doppelpunkt. "
        "Richtig ist: „gebuehr: 25“.",
    ]


def test_sub_fields_written_without_indentation_belong_under_their_parent(data):
    data.offer(replace(FERIEN_OFFER, OFFER_LOCATION, OFFER_LOCATION.replace("\n  ", "\n")))
    assert data.messages() == [
        f"data/ferien/kurs.yaml:{line}:1: {key}: „{key}“ gehört zu „ort:“ (Zeile 21) und muss darunter eingerückt werden: "
        f"zwei Leerzeichen mehr vor „{key}:“ als vor „ort:“."
        for line, key in ((22, "bezeichnung"), (23, "strasse"), (24, "plz"), (25, "stadt"), (26, "stadtteil"))
    ]


def test_a_sub_field_without_its_parent(data):
    data.offer(replace(FERIEN_OFFER, "ort:\n  bezeichnung: Hallenbad Auenstadt\n", "bezeichnung: Hallenbad Auenstadt\nort:\n"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:21:1: bezeichnung: „bezeichnung“ gibt es nur als Unterfeld von „ort“. "
        "Bitte so schreiben: „ort:“ und in der Zeile darunter eingerückt „bezeichnung: …“."
    ]


def test_the_right_shape_instead_of_a_wrong_suggestion(data):
    text = replace(FERIEN_OFFER, "alter:\n  von: 5\n  bis: 8\n", "alter: ab 6 Jahre\n")
    data.offer(replace(text, "gebuehr: 25", "gebuehr: kostenlos"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:12:8: alter: „Alter“ besteht aus Unterfeldern, gefunden „ab 6 Jahre“. "
        "So sieht es aus: alter: {von: 6, bis: 10}",
        "data/ferien/kurs.yaml:13:10: gebuehr: Erwartet wird eine Zahl, gefunden „kostenlos“. "
        "Für ein kostenloses Angebot bitte 0 schreiben.",
    ]


def test_several_values_where_one_is_allowed(data):
    data.offer(replace(FERIEN_OFFER, "saison: sommer", "saison: sommer, herbst"))
    sport = "titel: Judo\nkurzbeschreibung: Judo für Kinder.\nanbieter: tsv\nkategorien: [sport]\nsportart: Judo\n"
    sport += "trainingszeiten:\n  - wochentag: dienstag, donnerstag\n    beginn: 16:00\n    ende: 17:00\n"
    data.write("sport/_boerse.yaml", "titel: Sport\ntyp: sport\nkategorien:\n  sport: Sport\n")
    data.write("sport/judo.yaml", sport)
    assert data.messages() == [
        "data/ferien/kurs.yaml:11:9: saison: „sommer, herbst“ sind 2 Werte, hier ist nur einer erlaubt. Bitte nur einen angeben.",
        "data/sport/judo.yaml:7:16: trainingszeiten[1].wochentag: „dienstag, donnerstag“ sind 2 Werte, hier ist nur einer erlaubt. "
        "Bitte für jeden Wert einen eigenen Listeneintrag schreiben, jeweils mit „- wochentag: …“.",
    ]


def test_text_lost_to_a_comment_or_to_folding_is_warned_about(data):
    text = replace(FERIEN_OFFER, "titel: Schwimmkurs für Anfänger", "titel: Turnier #2")
    data.offer(replace(text, "beschreibung: Fünf Vormittage im Hallenbad.", "beschreibung: Fünf Vormittage\n  im Hallenbad."))
    warnings = [message for message in data.messages(warnings=True) if "Warnung" in message]
    assert warnings == [
        "data/ferien/kurs.yaml:1:8: titel: Warnung: Alles ab „ #“ gilt in YAML als Kommentar und fehlt im Wert, der jetzt nur "
        '„Turnier“ lautet. Gehört „#2“ dazu, bitte den ganzen Wert in Anführungszeichen setzen: "Turnier #2"',
        "data/ferien/kurs.yaml:3:15: beschreibung: Warnung: Der Text geht über mehrere Zeilen, ist aber nicht mit „|“ eingeleitet: "
        "die Zeilenumbrüche gehen verloren. Für Zeilen und Absätze bitte so schreiben: „beschreibung: |“ und darunter eingerückt der Text.",
    ]


def test_an_organisation_with_errors_is_named_as_such_in_its_offers(data):
    data.write("anbieter/tsv.yaml", ORGANISATION + "gruendung: 1862\n")
    data.offer()
    assert data.messages() == [
        "data/anbieter/tsv.yaml:5:1: gruendung: Unbekanntes Feld. "
        "Erlaubt sind hier: name, art, beschreibung, ort, kontakt, bild, bild_alt, bild_quelle.",
        "data/ferien/kurs.yaml:4:11: anbieter: Die Datei des Anbieters „tsv“ (data/anbieter/tsv.yaml) hat Fehler (siehe dort). "
        "Sobald sie behoben sind, gilt auch dieses Angebot.",
    ]


def test_spaces_around_a_quoted_value_are_dropped_and_other_invisible_characters_shown(data):
    text = replace(FERIEN_OFFER, "  telefon: 09571 82-1234", '  telefon: "09571 82-1234 "')
    data.offer(replace(text, "  name: Sabine Keller", '  name: "Sabine\\u00a0Keller\\u200b"'))
    catalog, problems = data.load()
    assert problems.errors == []
    offer = catalog.boersen[0].offers[0]
    assert offer.contact.phone == "09571 82-1234"
    data.offer(replace(FERIEN_OFFER, "saison: sommer", 'saison: "sommer\\u00a0"'), "zweiter.yaml")
    assert data.messages() == [
        "data/ferien/zweiter.yaml:11:9: saison: „sommer\\xa0“ ist als Ferienzeit nicht erlaubt. "
        "Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter. Meinten Sie „sommer“?"
    ]


def test_phone_numbers_as_people_write_them(data, tmp_path):
    for number, name in (("(0341) 123 45", "a"), ("+49 (0)341 12345", "b"), ("0341 – 12345", "c"), ("09571 82-1234, 0171 2345678", "d")):
        data.offer(replace(FERIEN_OFFER, "  telefon: 09571 82-1234", f"  telefon: {number}"), f"{name}.yaml")
    data.offer(replace(FERIEN_OFFER, "  telefon: 09571 82-1234", "  telefon: ruft an"), "e.yaml")
    assert data.messages() == [
        "data/ferien/e.yaml:29:12: kontakt.telefon: „ruft an“ ist keine gültige Telefonnummer. "
        "Erwartet werden Ziffern mit Vorwahl, z. B. 09561 89-1234 oder +49 9561 891234."
    ]
    (data.root / "ferien" / "e.yaml").unlink()
    site = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01")
    page = site.page("ferien/d/index.html")
    assert 'Telefon: <a href="tel:09571821234">09571 82-1234</a>, <a href="tel:01712345678">0171 2345678</a>' in page
    assert '<a href="tel:+4934112345">+49 (0)341 12345</a>' in site.page("ferien/b/index.html")


def test_a_postcode_with_the_town_after_it_gets_the_fix(data):
    data.offer(replace(FERIEN_OFFER, '  plz: "96201"', "  plz: 96201 Auenstadt"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:24:8: ort.plz: Bitte nur die Postleitzahl angeben: „plz: 96201“; der Ort gehört in „stadt: Auenstadt“."
    ]


GENERAL_BOERSE = """\
titel: Ehrenamtsbörse
typ: allgemein
kategorien:
  soziales: Soziales
zusatzfelder:
  - name: einsatzort
    typ: auswahl
    titel: Einsatzort
    werte: [Innenstadt, Auenhof]
    filter: true
  - name: mit_kindern
    typ: ja_nein
    titel: Mit Kindern
    beispiel: false
  - name: sprachen_im_team
    typ: liste
    titel: Sprachen im Team
    beispiel: [Deutsch, Türkisch]
"""


def test_filter_true_on_an_extra_field_is_enough_and_examples_have_the_fields_kind(data):
    data.write("ehrenamt/_boerse.yaml", GENERAL_BOERSE)
    catalog, problems = data.load()
    assert problems.errors == []
    boerse = next(boerse for boerse in catalog.boersen if boerse.slug == "ehrenamt")
    assert boerse.facets == ["kategorien", "einsatzort"]
    assert boerse.schema["properties"]["sprachen_im_team"]["examples"] == [["Deutsch", "Türkisch"]]
    data.write("ehrenamt/_boerse.yaml", GENERAL_BOERSE.replace("beispiel: false", "beispiel: vielleicht"))
    assert data.messages() == [
        "data/ehrenamt/_boerse.yaml:14:15: zusatzfelder[2].beispiel: Das Beispiel passt nicht zur Art des Feldes („ja oder nein“)."
    ]
