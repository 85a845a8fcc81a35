"""The validator's messages, asserted exactly: they are the volunteers' main touch point."""

from __future__ import annotations

import datetime

from scratch import FERIEN_OFFER, replace


def test_valid_offer_has_no_problems(data):
    data.offer()
    assert data.messages(warnings=True) == []


def test_every_error_of_every_file_is_reported_at_once(data):
    data.offer(replace(FERIEN_OFFER, "saison: sommer", "saison: somer"), "eins.yaml")
    data.offer(replace(FERIEN_OFFER, "gebuehr: 25", "gebuehr: 25 Euro"), "zwei.yaml")
    assert data.messages() == [
        "data/ferien/eins.yaml:11:9: saison: „somer“ ist als Ferienzeit nicht erlaubt. "
        "Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter. Meinten Sie „sommer“?",
        "data/ferien/zwei.yaml:15:10: gebuehr: Erwartet wird eine Zahl, gefunden „25 Euro“. Bitte nur die Zahl schreiben: 25",
    ]


def test_unknown_key_suggests_the_ascii_spelling(data):
    data.offer(FERIEN_OFFER + "gültig_bis: 2027-12-31\n")
    assert data.messages() == ["data/ferien/kurs.yaml:32:1: gültig_bis: Unbekanntes Feld. Meinten Sie „gueltig_bis“?"]


def test_misspelt_key_gets_a_suggestion(data):
    data.offer(replace(FERIEN_OFFER, "kurzbeschreibung:", "kurzbeschriebung:"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:1:1: kurzbeschreibung: Pflichtfeld „Kurzbeschreibung“ fehlt. "
        "Ein bis zwei Sätze für die Übersicht (höchstens 300 Zeichen). "
        "Beispiel: Wir lernen gemeinsam schwimmen und machen das Seepferdchen.",
        "data/ferien/kurs.yaml:2:1: kurzbeschriebung: Unbekanntes Feld. Meinten Sie „kurzbeschreibung“?",
    ]


def test_missing_required_field_names_label_help_and_example(data):
    data.offer(replace(FERIEN_OFFER, "titel: Schwimmkurs für Anfänger\n", ""))
    assert data.messages() == [
        "data/ferien/kurs.yaml:1:1: titel: Pflichtfeld „Titel“ fehlt. Kurzer, aussagekräftiger Name des Angebots. "
        "Beispiel: Schwimmkurs für Anfänger"
    ]


def test_wrong_types(data):
    text = replace(FERIEN_OFFER, "  von: 5", "  von: fünf")
    text = replace(text, "kategorien: [sport-und-spiel]", "kategorien: sport-und-spiel")
    text = replace(text, "gebuehr: 25", "gebuehr: 5,50")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:5:13: kategorien: Erwartet wird eine Liste (jeder Eintrag in einer neuen Zeile mit „- “ davor), "
        "gefunden „sport-und-spiel“. Auch ein einzelner Eintrag steht in einer Liste: [sport-und-spiel]",
        "data/ferien/kurs.yaml:13:8: alter.von: Erwartet wird eine ganze Zahl, gefunden „fünf“.",
        "data/ferien/kurs.yaml:15:10: gebuehr: Erwartet wird eine Zahl, gefunden „5,50“. "
        "Bitte mit Punkt und ohne €-Zeichen schreiben: 5.50",
    ]


def test_yaml_11_surprises_do_not_happen(data):
    # 8:00 stays a time (YAML 1.1: 480), "no" stays text (YAML 1.1: False), a bare date in a text field stays text.
    text = replace(FERIEN_OFFER, "beginn: 9:00", "beginn: 8:00")
    text = replace(text, "titel: Schwimmkurs für Anfänger", "titel: no")
    text = replace(text, "kurzbeschreibung: Wir lernen schwimmen und machen das Seepferdchen.", "kurzbeschreibung: 2027-07-01")
    data.offer(text)
    catalog, problems = data.load()
    assert problems.errors == []
    offer = catalog.boersen[0].offers[0]
    assert (offer.title, offer.summary, offer.dates[0].start_time) == ("no", "2027-07-01", datetime.time(8, 0))


def test_yes_no_for_booleans_gets_a_hint(data):
    data.offer(replace(FERIEN_OFFER, "barrierefrei: true", "barrierefrei: ja"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:30:15: barrierefrei: Erwartet wird true (ja) oder false (nein), gefunden „ja“. "
        "Bitte true schreiben, ohne Anführungszeichen."
    ]


def test_numbers_meant_as_text_are_read_as_text(data):
    data.offer(replace(FERIEN_OFFER, 'plz: "96201"', "plz: 96201"))
    catalog, problems = data.load()
    assert problems.errors == []
    assert catalog.boersen[0].offers[0].location.postcode == "96201"


def test_impossible_and_malformed_dates(data):
    text = replace(FERIEN_OFFER, "datum: 2027-08-02", "datum: 2027-02-30")
    text = replace(text, "enddatum: 2027-08-06", "enddatum: 6.8.2027")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:7:12: termine[1].datum: „2027-02-30“ ist kein gültiges Datum: diesen Tag gibt es nicht. "
        "Erwartet wird JJJJ-MM-TT, z. B. 2027-08-03.",
        "data/ferien/kurs.yaml:8:15: termine[1].enddatum: Erwartet wird ein Datum im Format JJJJ-MM-TT, z. B. 2027-08-03, "
        "gefunden „6.8.2027“. Meinten Sie 2027-08-06?",
    ]


def test_malformed_time(data):
    data.offer(replace(FERIEN_OFFER, "beginn: 9:00", "beginn: 9 Uhr"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:9:13: termine[1].beginn: Erwartet wird eine Uhrzeit wie 9:00 oder 14:30, gefunden „9 Uhr“. Meinten Sie 9:00?"
    ]


def test_end_before_start(data):
    text = replace(FERIEN_OFFER, "enddatum: 2027-08-06", "enddatum: 2027-08-01")
    text = replace(text, "ende: 12:00", "ende: 8:30")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:8:15: termine[1].enddatum: Das Enddatum (1. August 2027) liegt vor dem Datum (2. August 2027).",
        "data/ferien/kurs.yaml:10:11: termine[1].ende: Das Ende (8:30) liegt nicht nach dem Beginn (9:00).",
    ]


def test_age_minimum_above_maximum(data):
    data.offer(replace(FERIEN_OFFER, "  bis: 8", "  bis: 4"))
    assert data.messages() == ["data/ferien/kurs.yaml:14:8: alter.bis: Das Höchstalter (4) ist kleiner als das Mindestalter (5)."]


def test_registration_deadline_after_the_event(data):
    data.offer(replace(FERIEN_OFFER, "frist: 2027-07-20", "frist: 2027-08-10"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:20:10: anmeldung.frist: Der Anmeldeschluss (10. August 2027) liegt nach dem ersten Termin (2. August 2027)."
    ]


def test_invalid_contact_details(data):
    text = replace(
        FERIEN_OFFER, "  telefon: 09571 82-1234", "  telefon: ruf an\n  email: info(at)tsv.de\n  webseite: www.tsv-auenstadt.example"
    )
    text = replace(text, 'plz: "96201"', "plz: 9620")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:24:8: ort.plz: Erwartet wird eine fünfstellige Postleitzahl wie 96450, gefunden „9620“.",
        "data/ferien/kurs.yaml:29:12: kontakt.telefon: „ruf an“ ist keine gültige Telefonnummer. "
        "Erwartet werden Ziffern mit Vorwahl, z. B. 09561 89-1234 oder +49 9561 891234.",
        "data/ferien/kurs.yaml:30:10: kontakt.email: „info(at)tsv.de“ ist keine gültige E-Mail-Adresse. "
        "Erwartet wird z. B. info@verein.de.",
        "data/ferien/kurs.yaml:31:13: kontakt.webseite: Die Adresse muss mit https:// beginnen. "
        "Meinten Sie https://www.tsv-auenstadt.example?",
    ]


def test_unsafe_urls_are_refused(data):
    text = replace(FERIEN_OFFER, "  telefon: 09571 82-1234", "  webseite: javascript:alert(1)")
    text = replace(text, "  email: anmeldung@tsv-auenstadt.example", "  link: data:text/html,<script>alert(1)</script>")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:19:9: anmeldung.link: Unsichere oder ungültige Adresse „data:text/html,<script>alert(1)</script>“: "
        "erlaubt sind nur Adressen, die mit https:// oder http:// beginnen.",
        "data/ferien/kurs.yaml:29:13: kontakt.webseite: Unsichere oder ungültige Adresse „javascript:alert(1)“: "
        "erlaubt sind nur Adressen, die mit https:// oder http:// beginnen.",
    ]


def test_unknown_organisation_and_category(data):
    text = replace(FERIEN_OFFER, "anbieter: tsv", "anbieter: tsw")
    text = replace(text, "kategorien: [sport-und-spiel]", "kategorien: [sport]")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:4:11: anbieter: Den Anbieter „tsw“ gibt es nicht. Anbieter werden als Datei in data/anbieter/ angelegt. "
        "Meinten Sie „tsv“?",
        "data/ferien/kurs.yaml:5:14: kategorien[1]: „sport“ ist als Kategorie nicht erlaubt. "
        "Erlaubt: sport-und-spiel, natur-und-erlebnis. Meinten Sie „sport-und-spiel“?",
    ]


def test_duplicate_slugs_and_bad_file_names(data):
    data.offer(name="kurs.yaml")
    data.write("ferien/kurs.md", "---\n" + FERIEN_OFFER + "---\n")
    data.offer(name="Schwimm Kurs.yaml")
    data.offer(name="kategorie.yaml")
    assert data.messages() == [
        "data/ferien/Schwimm Kurs.yaml:1:1: (Datei): Der Name „Schwimm Kurs.yaml“ ist als Adresse ungeeignet: "
        "erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, z. B. „schwimm-kurs.yaml“.",
        "data/ferien/kategorie.yaml:1:1: (Datei): Der Name „kategorie“ ist für die Webseite reserviert. Bitte einen anderen wählen.",
        "data/ferien/kurs.yaml:1:1: (Datei): „kurs“ gibt es doppelt: auch data/ferien/kurs.md. Jeder Name darf nur einmal vorkommen.",
    ]


def test_markdown_file_body_is_the_description(data):
    front = replace(FERIEN_OFFER, "beschreibung: Fünf Vormittage im Hallenbad.\n", "")
    data.write("ferien/kurs.md", "---\n" + front + "---\n\nFünf **Vormittage** im Hallenbad.\n")
    catalog, problems = data.load()
    assert problems.items == []
    assert catalog.boersen[0].offers[0].description == "Fünf **Vormittage** im Hallenbad."


def test_markdown_file_with_two_descriptions(data):
    data.write("ferien/kurs.md", "---\n" + FERIEN_OFFER + "---\nNoch eine Beschreibung.\n")
    assert data.messages() == [
        "data/ferien/kurs.md:4:1: beschreibung: Die Beschreibung steht doppelt: oben als Feld und unten als Text. "
        "Bitte nur eines von beiden."
    ]


def test_markdown_line_numbers_count_the_opening_dashes(data):
    data.write("ferien/kurs.md", "---\n" + replace(FERIEN_OFFER, "saison: sommer", "saison: herbstferien") + "---\n")
    assert data.messages() == [
        "data/ferien/kurs.md:12:9: saison: „herbstferien“ ist als Ferienzeit nicht erlaubt. "
        "Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter. Meinten Sie „herbst“?"
    ]


def test_warnings_for_past_stale_and_missing_recommended(data):
    text = replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2025-12-01")
    text = replace(text, "freie_plaetze: viele\n", "")
    data.offer(text)
    assert data.messages(datetime.date(2027, 8, 10), warnings=True) == [
        "data/ferien/kurs.yaml:1:1: freie_plaetze: Warnung: Empfohlenes Feld „Freie Plätze“ fehlt. "
        "Wie viele Plätze noch frei sind; bitte aktuell halten.",
        "data/ferien/kurs.yaml:6:1: termine: Warnung: Alle Termine liegen in der Vergangenheit; das Angebot wird nicht mehr angezeigt.",
        "data/ferien/kurs.yaml:30:16: bestaetigt_am: Warnung: Die Angaben wurden zuletzt am 1. Dezember 2025 bestätigt, "
        "vor mehr als 12 Monaten. Bitte prüfen und das Datum aktualisieren.",
    ]


def test_boerse_config_errors(data):
    data.write(
        "ferien/_boerse.yaml",
        """\
        titel: Ferienbörse
        typ: ferien
        kategorien:
          sport-und-spiel: Sport und Spiel
          Natur: Natur
        filter: [kategorien, alterr]
        zusatzfelder:
          - name: titel
            typ: text
            titel: Noch ein Titel
          - name: farbe
            typ: auswahl
            titel: Farbe
        """,
    )
    assert data.messages() == [
        "data/ferien/_boerse.yaml:5:3: kategorien.Natur: „Natur“ ist als Kurzname ungeeignet: "
        "erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, z. B. „natur“.",
    ]
    data.write("ferien/_boerse.yaml", (data.root / "ferien/_boerse.yaml").read_text().replace("Natur: Natur", "natur: Natur"))
    assert data.messages() == [
        "data/ferien/_boerse.yaml:6:22: filter[2]: Den Filter „alterr“ gibt es für diese Börse nicht. Möglich: kategorien, "
        "alter, datum, wochentag, saison, stadtteil, kostenlos, barrierefrei, freie_plaetze. Meinten Sie „alter“?",
        "data/ferien/_boerse.yaml:8:11: zusatzfelder[1].name: Das Feld „titel“ gibt es schon. Bitte einen anderen Namen wählen.",
        "data/ferien/_boerse.yaml:11:5: zusatzfelder[2]: Bei typ: auswahl fehlt die Liste „werte“.",
    ]


def test_extra_fields_of_a_general_boerse(data):
    data.write(
        "ehrenamt/_boerse.yaml",
        """\
        titel: Ehrenamtsbörse
        typ: allgemein
        kategorien:
          soziales: Soziales
        filter: [kategorien, einsatzort]
        zusatzfelder:
          - name: einsatzort
            typ: auswahl
            titel: Einsatzort
            werte: [Innenstadt, Auenhof]
            filter: true
          - name: stunden_pro_woche
            typ: ganzzahl
            titel: Stunden pro Woche
            pflicht: true
        """,
    )
    data.write(
        "ehrenamt/lesepate.yaml",
        """\
        titel: Lesepatin oder Lesepate
        kurzbeschreibung: Einmal pro Woche Kindern vorlesen.
        anbieter: tsv
        kategorien: [soziales]
        einsatzort: Altstadt
        """,
    )
    assert data.messages() == [
        "data/ehrenamt/lesepate.yaml:1:1: stunden_pro_woche: Pflichtfeld „Stunden pro Woche“ fehlt. Beispiel: 1",
        "data/ehrenamt/lesepate.yaml:5:13: einsatzort: „Altstadt“ ist als Einsatzort nicht erlaubt. Erlaubt: Innenstadt, Auenhof.",
    ]


def test_offers_are_checked_even_when_the_boerse_config_is_broken(data):
    data.write("ferien/_boerse.yaml", FERIEN_BOERSE_BROKEN)
    data.offer(replace(FERIEN_OFFER, "  bis: 8", "  bis: 4") + "farbe: blau\n")
    assert data.messages() == [
        "data/ferien/_boerse.yaml:1:1: titel: Pflichtfeld „Titel“ fehlt. Name der Börse. Beispiel: Ferienbörse",
        "data/ferien/_boerse.yaml:2:1: titl: Unbekanntes Feld. Meinten Sie „titel“?",
        "data/ferien/kurs.yaml:14:8: alter.bis: Das Höchstalter (4) ist kleiner als das Mindestalter (5).",
    ]


FERIEN_BOERSE_BROKEN = """\
typ: ferien
titl: Ferienbörse
kategorien:
  sport-und-spiel: Sport und Spiel
"""
