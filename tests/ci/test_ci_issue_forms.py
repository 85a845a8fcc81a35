"""GitHub issue forms drawn from the schema: the form of a Börse field by field, the committed forms
are current, and the German row formats for dates and weekly times."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from boersen.catalog import load_catalog
from boersen.ci import issue_forms, issue_offer, rows
from boersen.ci.__main__ import main
from boersen.forms import form_fields
from boersen.schema import offer_schema
from boersen.today import resolve_today

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://boersen.example.org"

EHRENAMT = """\
titel: Ehrenamtsbörse
typ: allgemein
kategorien:
  soziales: Soziales
  umwelt: Umwelt und Natur
zusatzfelder:
  - name: einsatzort
    typ: auswahl
    titel: Einsatzort
    werte: [Innenstadt, Auenhof]
  - name: stunden_pro_woche
    typ: ganzzahl
    titel: Stunden pro Woche
    hilfe: Wie viele Stunden Sie etwa einplanen sollten.
    pflicht: true
  - name: fuehrungszeugnis
    typ: ja_nein
    titel: Führungszeugnis nötig
    hilfe: Ja, wenn ein erweitertes Führungszeugnis nötig ist.
  - name: aufgaben
    typ: liste
    titel: Aufgaben
    beispiel: Vorlesen
  - name: beginn_ab
    typ: datum
    titel: Beginn ab
"""

ORGANISATION_ELEMENTS = [
    ("input", "org-name", "Neuer Anbieter – Name", False),
    ("input", "org-art", "Neuer Anbieter – Art", False),
    ("textarea", "org-beschreibung", "Neuer Anbieter – Beschreibung", False),
    ("input", "org-ort-bezeichnung", "Neuer Anbieter – Ort: Bezeichnung", False),
    ("input", "org-ort-strasse", "Neuer Anbieter – Ort: Straße und Hausnummer", False),
    ("input", "org-ort-plz", "Neuer Anbieter – Ort: Postleitzahl", False),
    ("input", "org-ort-stadt", "Neuer Anbieter – Ort: Stadt", False),
    ("input", "org-ort-stadtteil", "Neuer Anbieter – Ort: Stadtteil", False),
    ("input", "org-ort-breite", "Neuer Anbieter – Ort: Breitengrad", False),
    ("input", "org-ort-laenge", "Neuer Anbieter – Ort: Längengrad", False),
    ("input", "org-kontakt-name", "Neuer Anbieter – Kontakt: Ansprechperson", False),
    ("input", "org-kontakt-telefon", "Neuer Anbieter – Kontakt: Telefon", False),
    ("input", "org-kontakt-email", "Neuer Anbieter – Kontakt: E-Mail", False),
    ("input", "org-kontakt-webseite", "Neuer Anbieter – Kontakt: Webseite", False),
]


@pytest.fixture
def ehrenamt(data):
    data.write("ehrenamt/_boerse.yaml", EHRENAMT)
    catalog, problems = data.load()
    assert problems.errors == []
    return next(boerse for boerse in catalog.boersen if boerse.slug == "ehrenamt")


def elements(text: str) -> list[dict]:
    return yaml.safe_load(text)["body"]


def required(element: dict) -> bool:
    """A field is required by its validations; a checkbox by its option."""
    options = element["attributes"].get("options", [])
    return element.get("validations") == {"required": True} or any(isinstance(o, dict) and o.get("required") for o in options)


def test_the_form_of_a_boerse_has_every_field_of_its_schema(ehrenamt):
    form = yaml.safe_load(issue_forms.issue_form(ehrenamt, SITE))
    assert {key: form[key] for key in ("name", "description", "title", "labels")} == {
        "name": "Angebot für: Ehrenamtsbörse",
        "description": "Ein neues Angebot für die Börse „Ehrenamtsbörse“ eintragen, ganz ohne Dateien.",
        "title": "Neues Angebot: ",
        "labels": ["angebot"],
    }
    fields = [
        (element["type"], element["id"], element["attributes"]["label"], required(element))
        for element in form["body"]
        if element["type"] != "markdown"
    ]
    assert fields == [
        ("dropdown", "boerse", "Börse", True),
        ("input", "titel", "Titel", True),
        ("input", "kurzbeschreibung", "Kurzbeschreibung", True),
        ("textarea", "beschreibung", "Beschreibung", False),
        ("input", "anbieter", "Anbieter", False),
        *ORGANISATION_ELEMENTS,
        ("dropdown", "kategorien", "Kategorien", True),
        ("textarea", "schlagworte", "Schlagworte", False),
        ("input", "ort-bezeichnung", "Ort: Bezeichnung", False),
        ("input", "ort-strasse", "Ort: Straße und Hausnummer", False),
        ("input", "ort-plz", "Ort: Postleitzahl", False),
        ("input", "ort-stadt", "Ort: Stadt", False),
        ("input", "ort-stadtteil", "Ort: Stadtteil", False),
        ("input", "ort-breite", "Ort: Breitengrad", False),
        ("input", "ort-laenge", "Ort: Längengrad", False),
        ("input", "kontakt-name", "Kontakt: Ansprechperson", False),
        ("input", "kontakt-telefon", "Kontakt: Telefon", False),
        ("input", "kontakt-email", "Kontakt: E-Mail", False),
        ("input", "kontakt-webseite", "Kontakt: Webseite", False),
        ("dropdown", "barrierefrei", "Barrierefrei", False),
        ("textarea", "barrierefreiheit", "Hinweise zur Barrierefreiheit", False),
        ("input", "gueltig-ab", "Gültig ab", False),
        ("input", "gueltig-bis", "Gültig bis", False),
        ("input", "uebersetzungen-en-titel", "Übersetzungen: Titel (Englisch)", False),
        ("input", "uebersetzungen-en-kurzbeschreibung", "Übersetzungen: Kurzbeschreibung (Englisch)", False),
        ("textarea", "uebersetzungen-en-beschreibung", "Übersetzungen: Beschreibung (Englisch)", False),
        ("input", "uebersetzungen-tr-titel", "Übersetzungen: Titel (Türkisch)", False),
        ("input", "uebersetzungen-tr-kurzbeschreibung", "Übersetzungen: Kurzbeschreibung (Türkisch)", False),
        ("textarea", "uebersetzungen-tr-beschreibung", "Übersetzungen: Beschreibung (Türkisch)", False),
        ("input", "uebersetzungen-ar-titel", "Übersetzungen: Titel (Arabisch)", False),
        ("input", "uebersetzungen-ar-kurzbeschreibung", "Übersetzungen: Kurzbeschreibung (Arabisch)", False),
        ("textarea", "uebersetzungen-ar-beschreibung", "Übersetzungen: Beschreibung (Arabisch)", False),
        ("input", "uebersetzungen-uk-titel", "Übersetzungen: Titel (Ukrainisch)", False),
        ("input", "uebersetzungen-uk-kurzbeschreibung", "Übersetzungen: Kurzbeschreibung (Ukrainisch)", False),
        ("textarea", "uebersetzungen-uk-beschreibung", "Übersetzungen: Beschreibung (Ukrainisch)", False),
        ("input", "leichte-sprache-titel", "Titel (Leichte Sprache)", False),
        ("input", "leichte-sprache-kurzbeschreibung", "Kurzbeschreibung (Leichte Sprache)", False),
        ("textarea", "leichte-sprache-beschreibung", "Beschreibung (Leichte Sprache)", False),
        ("dropdown", "einsatzort", "Einsatzort", False),
        ("input", "stunden-pro-woche", "Stunden pro Woche", True),
        ("dropdown", "fuehrungszeugnis", "Führungszeugnis nötig", False),
        ("textarea", "aufgaben", "Aufgaben", False),
        ("input", "beginn-ab", "Beginn ab", False),
        ("checkboxes", "einverstaendnis", "Veröffentlichung", True),
    ]


def test_fields_carry_help_example_and_choices(ehrenamt):
    text = issue_forms.issue_form(ehrenamt, SITE)
    assert text.startswith(issue_forms.HEADER)
    assert (
        "- type: dropdown\n  id: boerse\n  attributes:\n    label: Börse\n    description: Die Börse, in die das Angebot gehört.\n"
        "    options:\n    - Ehrenamtsbörse\n    default: 0\n  validations:\n    required: true\n"
    ) in text
    assert (
        "- type: dropdown\n  id: kategorien\n  attributes:\n    label: Kategorien\n"
        "    description: Eine oder mehrere Kategorien dieser Börse.\n    multiple: true\n    options:\n    - Soziales\n"
        "    - Umwelt und Natur\n  validations:\n    required: true\n"
    ) in text
    assert (
        "- type: input\n  id: ort-stadt\n  attributes:\n    label: 'Ort: Stadt'\n"
        "    description: Name der Stadt oder Gemeinde. Nötig, sobald Sie etwas bei „Ort“ angeben.\n    placeholder: Coburg\n"
    ) in text
    assert (
        "- type: dropdown\n  id: barrierefrei\n  attributes:\n    label: Barrierefrei\n"
        "    description: Ja, wenn der Ort ohne Stufen erreichbar ist, sonst Nein.\n    options:\n    - Ja\n    - Nein\n"
    ) in text
    assert (
        "- type: input\n  id: gueltig-ab\n  attributes:\n    label: Gültig ab\n"
        "    description: Ab diesem Tag wird das Angebot angezeigt. Schreiben Sie das Datum als TT.MM.JJJJ.\n"
        "    placeholder: 01.01.2027\n"
    ) in text
    assert (
        "- type: textarea\n  id: schlagworte\n  attributes:\n    label: Schlagworte\n"
        "    description: Stichworte, die bei der Suche helfen. Eine Angabe je Zeile oder durch Kommas getrennt.\n"
        "    placeholder: |-\n      Schwimmen\n      Wasser\n"
    ) in text
    assert "- type: markdown\n  attributes:\n    value: '**Ort** – Wo das Angebot stattfindet.'\n" in text
    assert (
        "- type: checkboxes\n  id: einverstaendnis\n  attributes:\n    label: Veröffentlichung\n    options:\n"
        "    - label: Ich darf dieses Angebot für den Anbieter eintragen, und alle Angaben dürfen veröffentlicht\n"
        "        werden.\n      required: true\n"
    ) in text
    [intro] = [e["attributes"]["value"] for e in elements(text) if e["type"] == "markdown" and e["attributes"]["value"].startswith("##")]
    assert intro == (
        "## Neues Angebot für die Börse „Ehrenamtsbörse“\n\n"
        "Füllen Sie das Formular aus und klicken Sie unten auf **Create**. Wenige Minuten später prüft ein Programm Ihre "
        "Angaben. Ist alles in Ordnung, legt es für die Redaktion einen Vorschlag (Pull Request) an; sonst schreibt es hier "
        "im Issue, was Sie noch ändern müssen.\n\n"
        "Felder mit * sind Pflicht. Alle Felder mit Erklärung und Beispiel stehen auf der Seite [Hilfe für Anbieter]"
        "(https://boersen.example.org/hilfe/), Schritt für Schritt erklärt ist alles auf der Seite [Angebot eintragen]"
        "(https://boersen.example.org/angebot-eintragen/#issue-formular).\n\n"
        "**Bitte beachten:** Alles, was Sie hier eintragen, ist öffentlich zu sehen, auch Ihr Name bei GitHub. Tragen Sie "
        "keine privaten Kontaktdaten ein, die nicht auf die Webseite gehören. Rückfragen stellt die Redaktion hier im Issue; "
        "GitHub benachrichtigt Sie darüber."
    )


def test_repeated_groups_are_one_line_each(data):
    catalog, _ = data.load()
    [termine] = [e for e in elements(issue_forms.issue_form(catalog.boersen[0], SITE)) if e.get("id") == "termine"]
    assert termine == {
        "type": "textarea",
        "id": "termine",
        "attributes": {
            "label": "Termine",
            "description": "Ein oder mehrere Termine. Schreiben Sie jeden Termin in eine eigene Zeile: das Datum als TT.MM.JJJJ, "
            "bei mehreren Tagen am Stück „bis“ und den letzten Tag; nach einem Komma die Uhrzeit, z. B. „9:00 bis 12:00“.",
            "placeholder": "02.08.2027, 9:00 bis 12:00\n03.08.2027 bis 06.08.2027, 9:00 bis 12:00",
        },
        "validations": {"required": True},
    }


def test_labels_are_unique_even_when_an_extra_field_repeats_one(data):
    data.write(
        "ehrenamt/_boerse.yaml",
        "titel: Ehrenamtsbörse\ntyp: allgemein\nkategorien:\n  soziales: Soziales\n"
        "zusatzfelder:\n  - name: ort_hinweis\n    typ: text\n    titel: 'Ort: Stadt'\n"
        "  - name: boerse_name\n    typ: text\n    titel: Börse\n",
    )
    catalog, problems = data.load()
    assert problems.errors == []
    boerse = next(b for b in catalog.boersen if b.slug == "ehrenamt")
    labels = [element.label for element in issue_forms.layout(boerse)]
    assert len(labels) == len(set(labels))
    assert {"Ort: Stadt", "Ort: Stadt (ort_hinweis)", "Börse (boerse_name)", "Börse"} <= set(labels)


def test_config_links_the_guide_and_the_route_without_an_account():
    assert issue_forms.config(SITE + "/") == (
        issue_forms.HEADER + "blank_issues_enabled: true\n"
        "contact_links:\n"
        "- name: 'Anleitung: Angebot eintragen'\n"
        "  url: https://boersen.example.org/angebot-eintragen/\n"
        "  about: 'Schritt für Schritt: ein Angebot mit dem Formular oder im Browser eintragen oder ändern.'\n"
        "- name: 'Ohne GitHub-Konto: per E-Mail oder Telefon'\n"
        "  url: https://boersen.example.org/angebot-eintragen/#ohne-konto\n"
        "  about: Schicken Sie Ihr Angebot per E-Mail an die Stadt; wir tragen es für Sie ein.\n"
    )


def test_the_guide_has_the_anchors_the_forms_link():
    guide = (ROOT / "content" / "pages" / "angebot-eintragen.md").read_text(encoding="utf-8")
    assert "{#issue-formular}" in guide
    assert "{#ohne-konto}" in guide


def test_committed_forms_are_current():
    """.github/ISSUE_TEMPLATE/ is what GitHub shows; `make issue-forms` regenerates it after a change."""
    catalog, problems = load_catalog(ROOT / "data", resolve_today("2027-06-01"))
    assert problems.errors == []
    expected = issue_forms.generated_files(catalog.boersen, issue_forms.site_url_from(ROOT / "publishconf.py"))
    folder = ROOT / issue_forms.FOLDER
    assert sorted(path.name for path in folder.iterdir()) == sorted(expected)
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"{name} is outdated: run make issue-forms"
    assert sorted(expected) == ["config.yml", "familienkompass.yml", "ferienboerse.yml", "kita-boerse.yml", "sportwegweiser.yml"]


def test_the_site_address_comes_from_publishconf(tmp_path):
    conf = tmp_path / "publishconf.py"
    conf.write_text('import os\nSITEURL = os.environ.get("BOERSEN_SITEURL", "https://boersen.muster.example")  # CHANGE\n')
    assert issue_forms.site_url_from(conf) == "https://boersen.muster.example"
    conf.write_text('SITEURL = "https://www.muster.example/boersen"\n')
    assert issue_forms.site_url_from(conf) == "https://www.muster.example/boersen"
    assert issue_forms.site_url_from(tmp_path / "fehlt.py") == issue_forms.DEFAULT_SITE_URL
    assert issue_forms.site_url_from(ROOT / "publishconf.py") == "https://boersen.auenstadt.example"


def test_the_command_writes_the_forms_and_removes_only_generated_ones(data, tmp_path, capsys):
    output = tmp_path / "ISSUE_TEMPLATE"
    output.mkdir()
    (output / "fehler-melden.yml").write_text("name: Fehler melden\n", encoding="utf-8")
    (output / "alt.yml").write_text(issue_forms.HEADER + "name: alt\n", encoding="utf-8")
    args = ["issue-forms", str(data.root), "--output", str(output), "--site-url", SITE]
    assert main(args) == 0
    assert capsys.readouterr().out == "entfernt: alt.yml\ngeschrieben: ferien.yml\ngeschrieben: config.yml\n"
    assert sorted(path.name for path in output.iterdir()) == ["config.yml", "fehler-melden.yml", "ferien.yml"]
    catalog, _ = data.load()
    assert (output / "ferien.yml").read_text(encoding="utf-8") == issue_forms.issue_form(catalog.boersen[0], SITE)
    assert main(args) == 0
    assert capsys.readouterr().out == "Die Formulare sind aktuell.\n"


def test_the_command_refuses_data_with_errors(data, tmp_path, capsys):
    data.offer("titel: [kaputt\n")
    assert main(["issue-forms", str(data.root), "--output", str(tmp_path / "out"), "--site-url", SITE]) == 1
    err = capsys.readouterr().err
    assert err.endswith("Die Formulare entstehen erst aus fehlerfreien Daten (boersen validate zeigt die Fehler).\n")
    assert not (tmp_path / "out").exists()


# --- Rows: dates, weekly times, anything else ----------------------------------------------------


def repeat(kind: str, name: str, categories: dict | None = None):
    schema = offer_schema(kind, categories=categories)
    return next(node for node in form_fields(schema) if node.name == name)


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("02.08.2027", {"datum": "2027-08-02"}),
        ("2.8.2027 bis 6.8.2027", {"datum": "2027-08-02", "enddatum": "2027-08-06"}),
        ("2027-08-02 – 2027-08-06, 9 Uhr", {"datum": "2027-08-02", "enddatum": "2027-08-06", "beginn": "9:00"}),
        ("02.08.2027, 09.30 bis 12:00 Uhr", {"datum": "2027-08-02", "beginn": "9:30", "ende": "12:00"}),
        ("- 02. 08. 2027 - 03.08.2027,9:00-12:00", {"datum": "2027-08-02", "enddatum": "2027-08-03", "beginn": "9:00", "ende": "12:00"}),
    ],
)
def test_date_lines(line, values):
    parsed, errors = rows.parse(repeat("ferien", "termine"), line)
    assert (errors, [row.values for row in parsed]) == ([], [values])


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("Dienstag, 16:30 bis 18:00", {"wochentag": "dienstag", "beginn": "16:30", "ende": "18:00"}),
        (
            "do 17 - 18.30 Uhr, Turnhalle Lutherschule",
            {"wochentag": "donnerstag", "beginn": "17:00", "ende": "18:30", "ort": "Turnhalle Lutherschule"},
        ),
        ("SAMSTAG 9:00 bis 11:00", {"wochentag": "samstag", "beginn": "9:00", "ende": "11:00"}),
    ],
)
def test_weekly_lines(line, values):
    parsed, errors = rows.parse(repeat("sport", "trainingszeiten"), line)
    assert (errors, [row.values for row in parsed]) == ([], [values])


def test_unreadable_lines_are_named_with_the_format():
    _, errors = rows.parse(repeat("sport", "trainingszeiten"), "Dienstg, 16:30 bis 18:00\nimmer montags\nFreitag, 16:30 bis 18:00")
    assert [(error.line, error.message) for error in errors] == [
        ("Dienstg, 16:30 bis 18:00", "„Dienstg“ ist kein Wochentag. Meinten Sie „Dienstag“?"),
        (
            "immer montags",
            "Diese Zeile lässt sich nicht lesen. Bitte eine Zeit je Zeile, z. B. „Dienstag, 16:30 bis 18:00, Turnhalle Lutherschule“.",
        ),
    ]
    _, errors = rows.parse(repeat("familie", "sprechzeiten"), "Montag, 9:00 bis 12:00, Rathaus")
    assert [error.message for error in errors] == [
        "Diese Zeile lässt sich nicht lesen. Bitte eine Zeit je Zeile, z. B. „Dienstag, 16:30 bis 18:00“."
    ]


def test_other_repeated_groups_are_separated_by_semicolons():
    free = repeat("kita", "freie_plaetze")
    assert rows.explanation(free) == (
        "Schreiben Sie jeden Eintrag in eine eigene Zeile, die Angaben durch Semikolon getrennt: "
        "Frei ab; Anzahl; Betreuungsart; Gemeldet am."
    )
    assert rows.placeholder(free) == "01.09.2027; 2; Krippe (unter 3 Jahren); 15.11.2026"
    parsed, errors = rows.parse(free, "01.09.2027; 2; Kindergarten (3 bis 6 Jahre); 28.02.2027\n01.10.2027; 1; hort")
    assert errors == []
    assert [row.values for row in parsed] == [
        {"ab": "2027-09-01", "anzahl": "2", "betreuungsart": "kindergarten", "gemeldet_am": "2027-02-28"},
        {"ab": "2027-10-01", "anzahl": "1", "betreuungsart": "hort"},
    ]
    _, errors = rows.parse(free, "01.09.2027; 2; Krippe; 28.02.2027; extra\n01.09.2027; 2; Kripe")
    assert [error.message for error in errors] == [
        "Die Zeile hat 5 Angaben, vorgesehen sind höchstens 4: Frei ab; Anzahl; Betreuungsart; Gemeldet am.",
        "„Kripe“ ist keine der Möglichkeiten. Erlaubt: „Krippe (unter 3 Jahren)“, „Kindergarten (3 bis 6 Jahre)“, "
        "„Hort (Schulkinder)“, „Kindertagespflege“. Meinten Sie „Krippe (unter 3 Jahren)“?",
    ]


def test_dates_that_do_not_exist_are_refused():
    with pytest.raises(ValueError) as refused:
        rows.iso_date("29.02.2027")
    assert str(refused.value) == "„29.02.2027“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ schreiben, z. B. „02.08.2027“."
    assert rows.iso_date("29.2.2028") == "2028-02-29"


def test_the_guide_names_what_the_forms_and_answers_really_say(data):
    """Every name the guide's section quotes is the one the form or the converter's answer shows."""
    guide = (ROOT / "content" / "pages" / "angebot-eintragen.md").read_text(encoding="utf-8")
    section = guide[guide.index("{#issue-formular}") : guide.index("## Auf GitHub {#github}")]
    catalog, _ = load_catalog(ROOT / "data", resolve_today("2027-06-01"))
    ferien = next(boerse for boerse in catalog.boersen if boerse.slug == "ferienboerse")
    form = yaml.safe_load(issue_forms.issue_form(ferien, SITE))
    assert f"**{form['name']}**" in section  # Angebot für: Ferienbörse
    labels = {element.label for element in issue_forms.layout(ferien)}
    for label in ("Anbieter", "Termine", "Veröffentlichung"):
        assert f"**{label}" in section and label in labels
    assert f"**{issue_forms.NEW_ORGANISATION}**" in section
    assert "Felder mit einem Sternchen (*) sind Pflicht" in section
    assert "„Danke! Ihr Angebot ist eingereicht“" in section and "## Danke! Ihr Angebot ist eingereicht" in issue_offer.success_comment(
        issue_offer.Offer(), 1
    )
    assert "„Bitte ändern Sie noch etwas“" in section and "## Bitte ändern Sie noch etwas" in issue_offer.problems_comment(
        issue_offer.Offer()
    )
    assert "auf **···** und dann auf **Edit**" in section and "auf **···** und dann auf **Edit**" in issue_offer.HOW_TO_EDIT
    assert "**Update comment**" in section and "**Update comment**" in issue_offer.HOW_TO_EDIT
    # the examples of the guide are read as the guide says
    termine = next(node for node in form_fields(ferien.schema) if node.name == "termine")
    parsed, errors = rows.parse(termine, "02.08.2027, 9:00 bis 12:00\n03.08.2027 bis 06.08.2027, 9:00 bis 12:00")
    assert errors == [] and [row.values["datum"] for row in parsed] == ["2027-08-02", "2027-08-03"]
    assert "`02.08.2027, 9:00 bis 12:00`" in section and "`03.08.2027 bis 06.08.2027, 9:00 bis 12:00`" in section
    sport = next(boerse for boerse in catalog.boersen if boerse.slug == "sportwegweiser")
    weekly = next(node for node in form_fields(sport.schema) if node.name == "trainingszeiten")
    assert rows.parse(weekly, "Dienstag, 16:30 bis 18:00")[0][0].values == {"wochentag": "dienstag", "beginn": "16:30", "ende": "18:00"}
    assert "`Dienstag, 16:30 bis 18:00`" in section
    assert "ein Label `angebot`" in section and issue_forms.LABEL == "angebot"
    assert "`.github/workflows/issue-form.yml`" in section and (ROOT / ".github" / "workflows" / "issue-form.yml").is_file()
