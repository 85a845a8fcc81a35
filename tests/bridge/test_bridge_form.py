"""The forms: drawn from the schema, errors next to their fields, everything typed kept, changes to existing offers."""

from __future__ import annotations

import re

import pytest

from bridge_world import NEW_OFFER, reference_number

pytestmark = pytest.mark.anyio


def replaced(values, **changes):
    return [(name, changes.get(name.replace(".", "_"), value)) for name, value in values]


async def test_the_form_has_every_field_of_the_boerse_with_label_help_and_example(github):
    page = (await github.get("/ferien/neu")).text
    assert '<label for="f-titel">Titel <span class="required">(Pflichtfeld)</span></label>' in page
    assert "Kurzer, aussagekräftiger Name des Angebots. Beispiel: Schwimmkurs für Anfänger" in page
    assert '<input type="checkbox" name="kategorien" value="sport-und-spiel"> Sport und Spiel' in " ".join(page.split())
    assert '<option value="sommer">Sommerferien</option>' in page
    assert 'name="termine.0.datum"' in page and 'type="date"' in page
    assert '<button type="submit" class="secondary" name="_zeile" value="termine">Weitere Zeile: Termine</button>' in page
    assert '<option value="tsv">TSV Auenstadt 1862 e. V.</option>' in page
    assert 'name="neuer_anbieter.name"' in page
    assert "bestaetigt_am" not in page  # set by the bridge: the day of the submission
    assert "<script" not in page


async def test_errors_stand_next_to_their_fields_and_everything_typed_is_kept(github):
    values = replaced(NEW_OFFER, titel="", termine_0_datum="10.08.2027", alter_bis="acht", gebuehr="zwölf Euro")
    answer = await github.submit("/ferien/neu", values)
    assert answer.status_code == 422
    page = answer.text
    assert "<h2>Bitte prüfen Sie 4 Angaben</h2>" in page
    assert (
        '<p class="error" id="e-termine-0-datum"><strong>Fehler:</strong> Erwartet wird ein Datum im Format JJJJ-MM-TT, '
        "z. B. 2027-08-03, gefunden „10.08.2027“. Meinten Sie 2027-08-10?</p>"
    ) in page
    assert '<a href="#f-titel">Titel</a>: Pflichtfeld „Titel“ fehlt.' in page
    assert "Erwartet wird eine ganze Zahl, gefunden „acht“." in page
    assert "Erwartet wird eine Zahl, gefunden „zwölf Euro“." in page
    assert 'value="Wir paddeln gemeinsam von Auenstadt nach Rödental."' in page
    assert 'value="10.08.2027"' in page and 'value="acht"' in page
    assert re.search(r'<input id="f-rueckfrage-email" name="rueckfrage.email" type="email" value="petra@example.org"', page)
    assert github.store.counts() == {}


async def test_adding_a_row_keeps_the_values_and_submits_nothing(github):
    form = await github.get("/ferien/neu")
    token = re.search(r'name="_token" value="([^"]+)"', form.text).group(1)
    answer = await github.client.post(
        "/ferien/neu", data={"_token": token, "titel": "Kanutag", "termine.0.datum": "2027-08-10", "_zeile": "termine"}
    )
    assert answer.status_code == 200
    assert 'name="termine.1.datum"' in answer.text and 'name="termine.2.datum"' not in answer.text
    assert 'value="Kanutag"' in answer.text and 'value="2027-08-10"' in answer.text
    assert github.store.counts() == {}


async def test_a_new_organisation_arrives_with_its_offer(github):
    values = replaced(NEW_OFFER, anbieter="__neu__") + [
        ("neuer_anbieter.name", "Kanuclub Itzgrund e. V."),
        ("neuer_anbieter.kontakt.email", "info@kanu-itzgrund.example"),
    ]
    number = reference_number((await github.submit("/ferien/neu", values)).text)
    await github.bridge.deliverer.deliver_due()
    branch = f"formular/{number.lower()}"
    assert github.repository.read(branch, "data/anbieter/kanuclub-itzgrund-e-v.yaml") == (
        "name: Kanuclub Itzgrund e. V.\nkontakt:\n  email: info@kanu-itzgrund.example\n"
    )
    assert "anbieter: kanuclub-itzgrund-e-v\n" in github.repository.read(branch, "data/ferien/kanutag-auf-der-itz.yaml")


async def test_a_new_organisation_with_errors_is_shown_at_its_fields(github):
    values = replaced(NEW_OFFER, anbieter="__neu__") + [("neuer_anbieter.kontakt.email", "keine-adresse")]
    page = (await github.submit("/ferien/neu", values)).text
    assert '<a href="#f-neuer_anbieter-name">Name</a>: Pflichtfeld „Name“ fehlt.' in page
    assert "„keine-adresse“ ist keine gültige E-Mail-Adresse." in page


async def test_the_submitter_must_leave_a_way_to_ask_back(github):
    values = [(name, value) for name, value in NEW_OFFER if not name.startswith("rueckfrage.")]
    page = (await github.submit("/ferien/neu", values)).text
    assert "Bitte geben Sie eine E-Mail-Adresse oder Telefonnummer an, damit die Redaktion nachfragen kann." in page


async def test_names_never_overwrite_another_offer_and_come_from_the_server(github):
    first = await github.submit("/ferien/neu", replaced(NEW_OFFER, titel="Schwimmkurs für Anfänger"))
    second = await github.submit("/ferien/neu", replaced(NEW_OFFER, titel="../../.ssh/authorized_keys"))
    paths = [github.store.by_number(reference_number(answer.text)).path for answer in (first, second)]
    assert paths == ["data/ferien/schwimmkurs-fuer-anfaenger.yaml", "data/ferien/ssh-authorized-keys.yaml"]
    third = await github.submit("/ferien/neu", replaced(NEW_OFFER, titel="Schwimmkurs für Anfänger"))
    assert github.store.by_number(reference_number(third.text)).path == "data/ferien/schwimmkurs-fuer-anfaenger-2.yaml"


async def test_a_change_is_prefilled_and_modifies_the_file(github):
    form = (await github.get("/ferien/kurs/aendern")).text
    assert 'value="Schwimmkurs für Anfänger"' in form
    assert '<option value="tsv" selected>' in form
    values = re.findall(
        r'<input id="f-([^"]+)" name="([^"]+)" aria-describedby="[^"]*" type="(?:text|date|time|email|url|tel|number)" value="([^"]*)"',
        form,
    )
    fields = [(name, value) for _, name, value in values if value]
    fields += [
        ("anbieter", "tsv"),
        ("kategorien", "sport-und-spiel"),
        ("saison", "sommer"),
        ("freie_plaetze", "viele"),
        ("barrierefrei", "ja"),
    ]
    fields += [("kurzbeschreibung", "Wir lernen schwimmen und machen das Seepferdchen."), ("beschreibung", "Jetzt an sechs Vormittagen.")]
    fields += [("anmeldung.erforderlich", "ja"), ("rueckfrage.telefon", "09571 12345")]
    answer = await github.submit("/ferien/kurs/aendern", fields)
    assert answer.status_code == 200, answer.text
    submission = github.store.by_number(reference_number(answer.text))
    assert (submission.kind, submission.path) == ("aenderung", "data/ferien/kurs.yaml")
    await github.bridge.deliverer.deliver_due()
    written = github.repository.read(f"formular/{submission.number.lower()}", "data/ferien/kurs.yaml")
    assert "beschreibung: Jetzt an sechs Vormittagen.\n" in written
    assert "titel: Schwimmkurs für Anfänger\n" in written and "bestaetigt_am: 2027-03-01\n" in written
    assert github.fake.pull_requests()[0]["title"] == f"Änderung: Schwimmkurs für Anfänger ({submission.number})"


async def test_a_change_is_refused_when_the_file_changed_meanwhile(github):
    form = await github.get("/ferien/kurs/aendern")
    github.data.offer((github.data.root / "ferien" / "kurs.yaml").read_text() + "hinweise: Neu.\n", "kurs.yaml")
    github.clock.advance(10)
    basis = re.search(r'name="_basis" value="([^"]+)"', form.text).group(1)
    token = re.search(r'name="_token" value="([^"]+)"', form.text).group(1)
    answer = await github.client.post("/ferien/kurs/aendern", data={"_token": token, "_basis": basis, "titel": "x"})
    assert "Das Angebot wurde geändert, seit Sie das Formular geöffnet haben." in answer.text
    assert github.store.counts() == {}


async def test_unknown_boersen_and_offers_get_a_page_in_german(github):
    assert (await github.get("/gibt-es-nicht/neu")).status_code == 404
    answer = await github.get("/ferien/gibt-es-nicht/aendern")
    assert answer.status_code == 404 and "Dieses Angebot gibt es nicht (mehr)." in answer.text
    assert "Zu dieser Vorgangsnummer gibt es keinen Vorgang." in (await github.get("/vorgang/XXXX-XXXX")).text


async def test_translations_and_easy_language_are_folded_sections_with_the_language_on_each_field(github):
    page = (await github.get("/ferien/neu")).text
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    summary = '<summary id="s-uebersetzungen">Übersetzungen (freiwillig)</summary>'
    assert f'<details class="group folded" id="f-uebersetzungen">\n  {summary}' in page
    assert '<details class="group folded" id="f-uebersetzungen-ar">\n  <summary id="s-uebersetzungen-ar">Arabisch</summary>' in page
    assert '<summary id="s-leichte_sprache">Leichte Sprache (freiwillig)</summary>' in page
    assert re.search(r'<input id="f-uebersetzungen-ar-titel" name="uebersetzungen.ar.titel" [^>]* lang="ar" dir="rtl" type="text"', page)
    assert re.search(r'<textarea id="f-uebersetzungen-uk-beschreibung" [^>]* lang="uk" dir="ltr" rows="8"', page)
    assert 'Beispiel: <span lang="ar" dir="rtl">دورة سباحة للمبتدئين</span>' in page
    assert re.search(r'<input id="f-leichte_sprache-titel" name="leichte_sprache.titel" aria-describedby="[^"]*" type="text"', page)


async def test_submitted_translations_arrive_in_the_file_and_errors_open_their_section(github):
    translated = NEW_OFFER + [
        ("uebersetzungen.en.titel", "Canoe day on the Itz"),
        ("uebersetzungen.en.kurzbeschreibung", "We paddle together from Auenstadt to Rödental."),
        ("uebersetzungen.ar.titel", "يوم التجديف على نهر إيتس"),
        ("uebersetzungen.ar.kurzbeschreibung", "نجدف معًا من أوينشتات إلى رودنتال."),
        ("leichte_sprache.kurzbeschreibung", "Wir fahren mit dem Kanu. Das ist ein kleines Boot."),
    ]
    wrong = (await github.submit("/ferien/neu", [*translated, ("uebersetzungen.tr.titel", "x" * 121)])).text
    assert '<details class="group folded" id="f-uebersetzungen" open>' in wrong
    assert '<details class="group folded" id="f-uebersetzungen-tr" open>' in wrong
    assert '<details class="group folded" id="f-uebersetzungen-uk">' in wrong
    assert (
        '<a href="#f-uebersetzungen-tr-titel">Übersetzungen › Türkisch › Titel (Türkisch)</a>: '
        "Der Text ist zu lang (121 Zeichen); erlaubt sind höchstens 120 Zeichen."
    ) in wrong
    number = reference_number((await github.submit("/ferien/neu", translated)).text)
    await github.bridge.deliverer.deliver_due()
    written = github.repository.read(f"formular/{number.lower()}", "data/ferien/kanutag-auf-der-itz.yaml")
    assert (
        "uebersetzungen:\n"
        "  en:\n"
        "    titel: Canoe day on the Itz\n"
        "    kurzbeschreibung: We paddle together from Auenstadt to Rödental.\n"
        "  ar:\n"
        "    titel: يوم التجديف على نهر إيتس\n"
        "    kurzbeschreibung: نجدف معًا من أوينشتات إلى رودنتال.\n"
        "leichte_sprache:\n"
        "  kurzbeschreibung: Wir fahren mit dem Kanu. Das ist ein kleines Boot.\n"
    ) in written
