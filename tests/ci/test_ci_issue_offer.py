"""An issue from a form becomes an offer file on a branch and one pull request, or a German comment
listing what to change. Git runs against real repositories, GitHub is a fake that records calls."""

from __future__ import annotations

import json

import pytest

from boersen.ci import issue_offer
from boersen.ci.__main__ import main

from issue_world import FakeGitHub, LoopbackGitHub, PlaysGitHub, event, git, issue_body, repository
from scratch import TODAY

VALID = {
    "Titel": "Schwimmkurs für Anfänger",
    "Kurzbeschreibung": "Wir lernen schwimmen und machen das Seepferdchen.",
    "Beschreibung": "Fünf Vormittage im Hallenbad.\n\n### Was wir machen\n\n- Wassergewöhnung\n- Seepferdchen",
    "Anbieter": "tsv",
    "Kategorien": "Sport und Spiel, Natur und Erlebnis",
    "Schlagworte": "Schwimmen, Wasser\nSeepferdchen",
    "Ort: Bezeichnung": "Hallenbad Auenstadt",
    "Ort: Straße und Hausnummer": "Badstraße 3",
    "Ort: Postleitzahl": "96201",
    "Ort: Stadt": "Auenstadt",
    "Ort: Stadtteil": "Altstadt",
    "Kontakt: Ansprechperson": "Sabine Keller",
    "Kontakt: Telefon": "09571 82-1234",
    "Barrierefrei": "Ja",
    "Termine": "02.08.2027 bis 06.08.2027, 9:00 bis 12:00\n- 9.8.2027, 9 Uhr bis 12.30 Uhr\n\n2027-08-16",
    "Ferienzeit": "Sommerferien",
    "Alter von": "5",
    "Alter bis": "8",
    "Freie Plätze": "noch viele Plätze frei",
    "Gebühr": "12,50",
    "Anmeldung erforderlich": "Ja",
    "E-Mail für die Anmeldung": "anmeldung@tsv-auenstadt.example",
    "Anmeldung: Anmeldeschluss": "20.07.2027",
}

VALID_FILE = """\
titel: Schwimmkurs für Anfänger
kurzbeschreibung: Wir lernen schwimmen und machen das Seepferdchen.
beschreibung: |
  Fünf Vormittage im Hallenbad.

  ### Was wir machen

  - Wassergewöhnung
  - Seepferdchen
anbieter: tsv
kategorien: [sport-und-spiel, natur-und-erlebnis]
schlagworte: [Schwimmen, Wasser, Seepferdchen]
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
bestaetigt_am: 2027-03-01
termine:
  - datum: 2027-08-02
    enddatum: 2027-08-06
    beginn: 9:00
    ende: 12:00
  - datum: 2027-08-09
    beginn: 9:00
    ende: 12:30
  - datum: 2027-08-16
saison: sommer
alter:
  von: 5
  bis: 8
freie_plaetze: viele
gebuehr: 12.5
anmeldung:
  erforderlich: true
  email: anmeldung@tsv-auenstadt.example
  frist: 2027-07-20
"""


def read(data, answers, *, check: bool = True):
    catalog, problems = data.load()
    assert not (check and problems.errors)
    return issue_offer.read_offer(catalog, data.root, issue_body(catalog.boersen[0], answers), TODAY)


def test_a_valid_issue_becomes_a_file_written_like_by_hand(data):
    offer = read(data, VALID)
    assert offer.errors == []
    assert offer.files == {"data/ferien/schwimmkurs-fuer-anfaenger.yaml": VALID_FILE}
    assert (offer.slug, offer.organisation, offer.organisation_name) == ("schwimmkurs-fuer-anfaenger", "tsv", "TSV Auenstadt 1862 e. V.")
    # the written file is one the validator accepts as it is
    data.write("ferien/schwimmkurs-fuer-anfaenger.yaml", VALID_FILE)
    assert data.messages() == []


def test_nothing_chosen_in_a_dropdown_is_an_empty_field(data):
    offer = read(data, VALID | {"Ferienzeit": "None", "Freie Plätze": "_No response_"})
    assert offer.errors == []
    text = next(iter(offer.files.values()))
    assert "saison:" not in text and "freie_plaetze:" not in text


def test_the_full_name_of_an_organisation_is_taken_for_its_short_name(data):
    offer = read(data, VALID | {"Anbieter": "tsv auenstadt 1862 e. v."})
    assert (offer.errors, offer.organisation) == ([], "tsv")


def test_a_new_organisation_comes_with_its_own_file(data):
    answers = VALID | {
        "Anbieter": "",
        "Neuer Anbieter – Name": "Schwimmfreunde Auenstadt e. V.",
        "Neuer Anbieter – Art": "Verein",
        "Neuer Anbieter – Ort: Stadt": "Auenstadt",
        "Neuer Anbieter – Kontakt: E-Mail": "info@schwimmfreunde.example",
    }
    offer = read(data, answers)
    assert offer.errors == []
    assert offer.files["data/anbieter/schwimmfreunde-auenstadt-e-v.yaml"] == (
        "name: Schwimmfreunde Auenstadt e. V.\nart: Verein\nort:\n  stadt: Auenstadt\nkontakt:\n  email: info@schwimmfreunde.example\n"
    )
    assert "anbieter: schwimmfreunde-auenstadt-e-v\n" in offer.files["data/ferien/schwimmkurs-fuer-anfaenger.yaml"]
    assert offer.new_organisation


INVALID = VALID | {
    "Titel": "",
    "Anbieter": "tsv-auenstad",
    "Kategorien": "Sport und Spiel, Basteln",
    "Termine": "02.08.2027 bis 31.02.2027\nab Montag\n06.08.2027 bis 02.08.2027",
    "Ferienzeit": "Sommerfrien",
    "Alter von": "zehn",
    "Gebühr": "",
    "Veröffentlichung": "- [ ] " + issue_offer.CONSENT,
}

INVALID_COMMENT = (
    "<!-- boersen-issue-formular -->\n"
    "## Bitte ändern Sie noch etwas\n"
    "\n"
    "9 Angaben sind noch nicht richtig:\n"
    "\n"
    "- **Titel**: Pflichtfeld „Titel“ fehlt. Kurzer, aussagekräftiger Name des Angebots. Beispiel: "
    "Schwimmkurs für Anfänger\n"
    "- **Anbieter**: Den Anbieter „tsv-auenstad“ gibt es noch nicht. Meinten Sie „tsv“ (TSV Auenstadt "
    "1862 e. V.)? Ist Ihr Verein oder Ihre Einrichtung neu, lassen Sie „Anbieter“ leer und füllen Sie "
    "die Felder „Neuer Anbieter“ aus.\n"
    "- **Kategorien**: „Sport und Spiel, Basteln“ lässt sich nicht den Möglichkeiten zuordnen. Erlaubt: "
    "„Sport und Spiel“, „Natur und Erlebnis“.\n"
    "- **Termine**, Zeile „02.08.2027 bis 31.02.2027“: „31.02.2027“ ist kein gültiges Datum. Bitte als "
    "TT.MM.JJJJ schreiben, z. B. „02.08.2027“.\n"
    "- **Termine**, Zeile „ab Montag“: Diese Zeile lässt sich nicht lesen. Bitte einen Termin je Zeile, "
    "z. B. „02.08.2027, 9:00 bis 12:00“ oder „03.08.2027 bis 06.08.2027“.\n"
    "- **Ferienzeit**: „Sommerfrien“ ist keine der Möglichkeiten. Erlaubt: „Osterferien“, "
    "„Pfingstferien“, „Sommerferien“, „Herbstferien“, „Weihnachtsferien“, „Winterferien“. Meinten Sie "
    "„Sommerferien“?\n"
    "- **Alter von**: Erwartet wird eine ganze Zahl, gefunden „zehn“.\n"
    "- **Gebühr**: Pflichtfeld „Gebühr“ fehlt. Kosten pro Kind in Euro, z. B. 5 oder 12.50; 0 heißt "
    "kostenlos. Beispiel: 5\n"
    "- **Veröffentlichung**: Bitte setzen Sie das Häkchen bei „Ich darf dieses Angebot für den Anbieter "
    "eintragen, und alle Angaben dürfen veröffentlicht werden.“\n"
    "\n"
    "**So ändern Sie Ihre Angaben:** Klicken Sie oben am Issue rechts neben Ihrem Namen auf **···** und "
    "dann auf **Edit**. Ändern Sie den Text unter der jeweiligen Überschrift; die Zeilen, die mit `###` "
    "beginnen, bleiben, wie sie sind. Klicken Sie dann auf **Update comment**: Die Prüfung läuft von "
    "selbst noch einmal.\n"
)


def test_an_invalid_issue_gets_every_problem_in_german(data):
    offer = read(data, INVALID)
    assert offer.files == {}
    assert issue_offer.problems_comment(offer) == INVALID_COMMENT


def test_what_only_the_validator_finds_is_named_by_the_form_labels(data):
    answers = VALID | {"Titel": "", "Alter von": "zehn", "Termine": "06.08.2027 bis 02.08.2027", "Gebühr": "", "Ort: Postleitzahl": "962"}
    offer = read(data, answers)
    assert [finding.markdown() for finding in offer.errors] == [
        "- **Titel**: Pflichtfeld „Titel“ fehlt. Kurzer, aussagekräftiger Name des Angebots. Beispiel: Schwimmkurs für Anfänger",
        "- **Ort: Postleitzahl**: Erwartet wird eine fünfstellige Postleitzahl wie 96450, gefunden „962“.",
        "- **Alter von**: Erwartet wird eine ganze Zahl, gefunden „zehn“.",
        "- **Gebühr**: Pflichtfeld „Gebühr“ fehlt. Kosten pro Kind in Euro, z. B. 5 oder 12.50; 0 heißt kostenlos. Beispiel: 5",
    ]


def test_an_end_before_the_start_is_named_by_its_line(data):
    offer = read(data, VALID | {"Termine": "02.08.2027\n06.08.2027 bis 02.08.2027"})
    assert [finding.markdown() for finding in offer.errors] == [
        "- **Termine**, Zeile „06.08.2027 bis 02.08.2027“: Das Enddatum (2. August 2027) liegt vor dem Datum (6. August 2027)."
    ]


def test_an_issue_that_is_not_from_a_form_is_told_so(data):
    catalog, _ = data.load()
    offer = issue_offer.read_offer(catalog, data.root, "Hallo, wir möchten unseren Kurs eintragen.", TODAY)
    assert [finding.markdown() for finding in offer.errors] == [
        "- **Börse**: Dieses Issue ist nicht mit einem der Formulare für Angebote geschrieben: die Überschrift "
        "„\\#\\#\\# Börse“ fehlt. Bitte eröffnen Sie ein neues Issue mit einem der Formulare."
    ]


def test_organisation_either_existing_or_new(data):
    both = read(data, VALID | {"Neuer Anbieter – Name": "Neuer Verein"})
    neither = read(data, VALID | {"Anbieter": ""})
    again = read(data, VALID | {"Anbieter": "", "Neuer Anbieter – Name": "TSV"})
    assert [f.message for f in both.errors + neither.errors + again.errors] == [
        "Bitte füllen Sie entweder „Anbieter“ oder die Felder „Neuer Anbieter“ aus, nicht beides.",
        "Bitte tragen Sie bei „Anbieter“ den Kurznamen Ihres Vereins ein, oder füllen Sie die Felder „Neuer Anbieter“ aus.",
        "Den Anbieter gibt es schon: „TSV Auenstadt 1862 e. V.“ mit dem Kurznamen „tsv“. Tragen Sie „tsv“ bei „Anbieter“ ein "
        "und lassen Sie die Felder „Neuer Anbieter“ leer.",
    ]


# --- Hostile values -------------------------------------------------------------------------


def test_yaml_syntax_and_script_tags_stay_text(data):
    answers = VALID | {
        "Titel": "ja: [nein] # &anker *x",
        "Kurzbeschreibung": '<script>alert("x")</script> {{ github.token }}',
        "Ort: Bezeichnung": "!!python/object:os.system",
    }
    offer = read(data, answers)
    assert offer.errors == []
    [(path, text)] = offer.files.items()
    assert path == "data/ferien/ja-nein-anker-x.yaml"
    assert text.startswith('titel: "ja: [nein] # &anker *x"\nkurzbeschreibung: <script>alert("x")</script> {{ github.token }}\n')
    assert '  bezeichnung: "!!python/object:os.system"\n' in text
    data.write("ferien/ja-nein-anker-x.yaml", text)
    catalog, problems = data.load()
    assert problems.errors == []
    offer_model = next(o for o in catalog.boersen[0].offers if o.slug == "ja-nein-anker-x")
    assert offer_model.title == "ja: [nein] # &anker *x"


def test_path_names_do_not_leave_the_data_folder(data):
    answers = VALID | {"Titel": "../../.github/workflows/x", "Anbieter": "", "Neuer Anbieter – Name": "../../etc/passwd"}
    offer = read(data, answers)
    assert offer.errors == []
    assert sorted(offer.files) == ["data/anbieter/etc-passwd.yaml", "data/ferien/github-workflows-x.yaml"]


def test_an_existing_file_or_an_address_of_the_site_is_never_taken(data):
    data.offer(name="schwimmkurs-fuer-anfaenger.md")
    data.offer(name="suche-2.yaml")
    # (the .md file is not even a valid one: any file of that name counts)
    assert list(read(data, VALID, check=False).files) == ["data/ferien/schwimmkurs-fuer-anfaenger-2.yaml"]
    assert list(read(data, VALID | {"Titel": "Suche"}, check=False).files) == ["data/ferien/suche-3.yaml"]


def test_control_characters_are_refused_and_shown_as_escapes(data):
    offer = read(data, VALID | {"Kurzbeschreibung": "Wir lernen\x1b[2J schwimmen."})
    assert [finding.markdown() for finding in offer.errors] == [
        "- **Kurzbeschreibung**: Der Text enthält das unsichtbare Steuerzeichen \\\\x1b. "
        "Erlaubt sind nur Zeilenumbrüche und Tabulatoren; bitte das Zeichen entfernen."
    ]


def test_bidi_characters_stay_visible_in_the_file(data):
    offer = read(data, VALID | {"Kurzbeschreibung": "Kurs \u202eetis\u202c für alle"})
    assert offer.errors == []
    text = next(iter(offer.files.values()))
    assert 'kurzbeschreibung: "Kurs \\u202eetis\\u202c für alle"\n' in text


def test_a_heading_written_twice_is_reported():
    answers, errors = issue_offer.sections("### Titel\n\nA\n\n### Titel\n\nB\n\n### Anders\n\nx", ["Titel"])
    assert answers == {"Titel": "B\n\n### Anders\n\nx"}
    assert [error.message for error in errors] == ["Die Überschrift „### Titel“ steht zweimal im Text. Bitte löschen Sie eine davon."]


def test_windows_line_breaks_and_no_response_are_read():
    answers, errors = issue_offer.sections("### A\r\n\r\n_No response_\r\n\r\n### B\r\n\r\nzwei\r\nZeilen\r\n", ["A", "B"])
    assert (answers, errors) == ({"A": "", "B": "zwei\nZeilen"}, [])


# --- Git and GitHub -----------------------------------------------------------------------------


def handle(data, checkout, body, api, **kwargs):
    catalog, _ = data.load()
    return issue_offer.handle(event(body, **kwargs), catalog, checkout / "data", checkout, api, "stadt/boersen", TODAY)


def test_a_valid_issue_becomes_one_commit_on_a_branch_and_one_pull_request(data, tmp_path):
    remote, checkout = repository(tmp_path, data.root)
    catalog, _ = data.load()
    body = issue_body(catalog.boersen[0], VALID)
    api = FakeGitHub()
    assert handle(data, checkout, body, api) == "Issue 7: Pull Request 12 eröffnet."
    main_sha = git(remote, "rev-parse", "main").strip()
    assert git(remote, "rev-parse", "angebot/issue-7^").strip() == main_sha  # one commit on top of main
    assert git(remote, "show", "angebot/issue-7:data/ferien/schwimmkurs-fuer-anfaenger.yaml") == VALID_FILE
    assert git(remote, "diff", "--name-status", "main", "angebot/issue-7") == "A\tdata/ferien/schwimmkurs-fuer-anfaenger.yaml\n"
    assert git(remote, "log", "-1", "--format=%an <%ae>|%ad|%s", "--date=iso-strict", "angebot/issue-7") == (
        "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|2027-02-27T10:15:00+00:00|"
        "Add offer ferien/schwimmkurs-fuer-anfaenger (issue #7)\n"
    )
    # the submitter's account name is nowhere in the repository
    assert "kassenwartin" not in git(remote, "log", "-p", "--format=fuller", "angebot/issue-7")
    pull = api.calls[1]
    assert pull[:2] == ("POST", "/repos/stadt/boersen/pulls")
    assert (pull[2]["title"], pull[2]["head"], pull[2]["base"]) == ("Neues Angebot: Schwimmkurs für Anfänger", "angebot/issue-7", "main")
    assert pull[2]["body"] == (
        "Ein neues Angebot aus dem Formular im Issue #7.\n\n"
        "- **Börse:** Ferienbörse (`data/ferien/`)\n"
        "- **Angebot:** Schwimmkurs für Anfänger (`data/ferien/schwimmkurs-fuer-anfaenger.yaml`)\n"
        "- **Anbieter:** TSV Auenstadt 1862 e. V. (`tsv`)\n\n"
        "Die Datei ist aus den Angaben im Issue geschrieben und mit derselben Prüfung wie jede Änderung geprüft. "
        "Bitte lesen Sie sie vor der Übernahme durch.\n\n"
        "**Hinweise der Prüfung:**\n\n"
        "- **Termine**, Zeile „2027-08-16“: Empfohlenes Feld „Beginn“ fehlt. Uhrzeit im Format Stunde:Minute.\n"
        "- **Termine**, Zeile „2027-08-16“: Empfohlenes Feld „Ende“ fehlt. Uhrzeit im Format Stunde:Minute.\n\n"
        "Hinweis: Ein Pull Request, den ein Workflow mit dem `GITHUB_TOKEN` eröffnet, startet die Prüfung (`check.yml`) "
        "nicht von selbst. Wer sie hier sehen möchte, schließt den Pull Request und öffnet ihn gleich wieder.\n\n"
        "Closes #7\n"
    )
    assert [call[:2] for call in api.calls] == [
        ("GET", "/repos/stadt/boersen/pulls?state=open&head=stadt:angebot/issue-7&per_page=100&page=1"),
        ("POST", "/repos/stadt/boersen/pulls"),
        ("POST", "/repos/stadt/boersen/issues/12/labels"),
        ("GET", "/repos/stadt/boersen/issues/7/comments?per_page=100&page=1"),
        ("POST", "/repos/stadt/boersen/issues/7/comments"),
    ]
    assert api.calls[2][2] == {"labels": ["angebot"]}
    assert api.calls[4][2]["body"].startswith("<!-- boersen-issue-formular -->\n## Danke! Ihr Angebot ist eingereicht\n\n")
    assert "im Pull Request #12 an und übernimmt ihn" in api.calls[4][2]["body"]


def test_a_rerun_for_the_same_issue_updates_its_branch_and_pull_request(data, tmp_path):
    remote, checkout = repository(tmp_path, data.root)
    catalog, _ = data.load()
    handle(data, checkout, issue_body(catalog.boersen[0], VALID), FakeGitHub())
    first = git(remote, "rev-parse", "angebot/issue-7").strip()
    # the same issue again, in a fresh checkout as each workflow run has, after an edit
    again = tmp_path / "again"
    git(tmp_path, "clone", "--quiet", str(remote), str(again))
    api = FakeGitHub(
        pulls=[{"number": 12}],
        comments=[{"id": 5, "user": {"login": "github-actions[bot]"}, "body": "<!-- boersen-issue-formular -->\nalt"}],
    )
    edited = issue_body(catalog.boersen[0], VALID | {"Gebühr": "15"})
    assert handle(data, again, edited, api, action="edited") == "Issue 7: Pull Request 12 aktualisiert."
    assert git(remote, "rev-parse", "angebot/issue-7^").strip() == git(remote, "rev-parse", "main").strip()
    assert git(remote, "rev-parse", "angebot/issue-7").strip() != first
    assert "gebuehr: 15\n" in git(remote, "show", "angebot/issue-7:data/ferien/schwimmkurs-fuer-anfaenger.yaml")
    assert git(remote, "branch", "--list") == "  angebot/issue-7\n* main\n"
    assert [call[:2] for call in api.calls] == [
        ("GET", "/repos/stadt/boersen/pulls?state=open&head=stadt:angebot/issue-7&per_page=100&page=1"),
        ("PATCH", "/repos/stadt/boersen/pulls/12"),
        ("GET", "/repos/stadt/boersen/issues/7/comments?per_page=100&page=1"),
        ("PATCH", "/repos/stadt/boersen/issues/comments/5"),
    ]
    # an unchanged issue gives the very same commit: nothing new on the remote
    third = tmp_path / "third"
    git(tmp_path, "clone", "--quiet", str(remote), str(third))
    second = git(remote, "rev-parse", "angebot/issue-7").strip()
    handle(data, third, edited, FakeGitHub(pulls=[{"number": 12}]), action="edited")
    assert git(remote, "rev-parse", "angebot/issue-7").strip() == second


def test_an_invalid_issue_gets_a_comment_and_no_branch(data, tmp_path):
    remote, checkout = repository(tmp_path, data.root)
    catalog, _ = data.load()
    api = FakeGitHub()
    assert handle(data, checkout, issue_body(catalog.boersen[0], INVALID), api) == "Issue 7: 9 Angaben zu ändern; Kommentar geschrieben."
    assert git(remote, "branch", "--list") == "* main\n"
    assert api.calls[-1][:2] == ("POST", "/repos/stadt/boersen/issues/7/comments")
    assert api.calls[-1][2]["body"].startswith("<!-- boersen-issue-formular -->\n## Bitte ändern Sie noch etwas\n\n9 Angaben")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labels": ()}, "Issue 7 ist kein offenes Issue mit dem Label „angebot“; nichts zu tun."),
        ({"state": "closed"}, "Issue 7 ist kein offenes Issue mit dem Label „angebot“; nichts zu tun."),
    ],
)
def test_other_issues_are_left_alone(data, tmp_path, kwargs, message):
    remote, checkout = repository(tmp_path, data.root)
    catalog, _ = data.load()
    api = FakeGitHub()
    assert handle(data, checkout, issue_body(catalog.boersen[0], VALID), api, **kwargs) == message
    assert (api.calls, git(remote, "branch", "--list")) == ([], "* main\n")


def test_the_command_reads_the_event_file_and_talks_http_to_the_api(data, tmp_path, capsys):
    remote, checkout = repository(tmp_path, data.root)
    catalog, _ = data.load()
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event(issue_body(catalog.boersen[0], VALID))), encoding="utf-8")
    with LoopbackGitHub() as url:
        environ = {"GITHUB_API_URL": url, "GITHUB_TOKEN": "t0ken", "GITHUB_REPOSITORY": "stadt/boersen"}
        code = main(["issue-offer", str(checkout / "data"), "--event", str(event_file), "--heute", "2027-03-01"], environ=environ)
    assert (code, capsys.readouterr().out) == (0, "Issue 7: Pull Request 12 eröffnet.\n")
    assert [(method, path, auth) for method, path, auth, _ in PlaysGitHub.received] == [
        ("GET", "/repos/stadt/boersen/pulls?state=open&head=stadt:angebot/issue-7&per_page=100&page=1", "Bearer t0ken"),
        ("POST", "/repos/stadt/boersen/pulls", "Bearer t0ken"),
        ("POST", "/repos/stadt/boersen/issues/12/labels", "Bearer t0ken"),
        ("GET", "/repos/stadt/boersen/issues/7/comments?per_page=100&page=1", "Bearer t0ken"),
        ("POST", "/repos/stadt/boersen/issues/7/comments", "Bearer t0ken"),
    ]
    assert git(remote, "show", "angebot/issue-7:data/ferien/schwimmkurs-fuer-anfaenger.yaml") == VALID_FILE


def test_the_commit_writes_only_new_files_inside_the_repository(data, tmp_path):
    _, checkout = repository(tmp_path, data.root)
    with pytest.raises(ValueError) as outside:
        issue_offer.commit(checkout, "angebot/issue-1", {"../draussen.yaml": "x\n"}, "Add\n", "2027-02-27T10:15:00Z")
    assert str(outside.value) == "../draussen.yaml liegt nicht im Repository."
    assert not (tmp_path / "draussen.yaml").exists()
    with pytest.raises(FileExistsError):
        issue_offer.commit(checkout, "angebot/issue-1", {"data/anbieter/tsv.yaml": "name: Fremd\n"}, "Add\n", "2027-02-27T10:15:00Z")
    assert (checkout / "data" / "anbieter" / "tsv.yaml").read_text(encoding="utf-8").startswith("name: TSV Auenstadt 1862 e. V.\n")


def test_mentions_and_markup_in_values_stay_text_in_the_pull_request(data):
    offer = read(data, VALID | {"Titel": "@stadt/redaktion <img src=x> [Link](https://x.example)"})
    assert offer.errors == []
    body = issue_offer.pull_request_body(offer, 7)
    assert "- **Angebot:** @\u200bstadt/redaktion \\<img src=x\\> \\[Link\\](https://x.example) (`data/ferien/" in body
    assert issue_offer.pull_request_title(offer) == "Neues Angebot: @stadt/redaktion <img src=x> [Link](https://x.example)"


def test_translation_fields_become_translations_in_the_file(data):
    answers = VALID | {
        "Übersetzungen: Titel (Englisch)": "Swimming course for beginners",
        "Übersetzungen: Kurzbeschreibung (Englisch)": "We learn to swim and earn the Seepferdchen badge.",
        "Übersetzungen: Titel (Arabisch)": "دورة سباحة للمبتدئين",
        "Übersetzungen: Kurzbeschreibung (Arabisch)": "نتعلم السباحة معًا.",
        "Kurzbeschreibung (Leichte Sprache)": "Hier lernen Kinder schwimmen.",
    }
    offer = read(data, answers)
    assert offer.errors == []
    expected = VALID_FILE.replace(
        "bestaetigt_am: 2027-03-01\n",
        "bestaetigt_am: 2027-03-01\n"
        "uebersetzungen:\n"
        "  en:\n"
        "    titel: Swimming course for beginners\n"
        "    kurzbeschreibung: We learn to swim and earn the Seepferdchen badge.\n"
        "  ar:\n"
        "    titel: دورة سباحة للمبتدئين\n"
        "    kurzbeschreibung: نتعلم السباحة معًا.\n"
        "leichte_sprache:\n"
        "  kurzbeschreibung: Hier lernen Kinder schwimmen.\n",
    )
    assert offer.files == {"data/ferien/schwimmkurs-fuer-anfaenger.yaml": expected}
