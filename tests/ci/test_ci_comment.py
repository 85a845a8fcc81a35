"""The pull-request comment: text for errors, for success with preview links, and the command."""

from __future__ import annotations

from pathlib import Path

from boersen.ci import comment
from boersen.ci.__main__ import main
from boersen.ci.formats import Findings

from ci_data import AGE_MESSAGE, CHANGED, FEE_MESSAGE, ORPHAN_MESSAGE, STALE_MESSAGE, many_problems
from scratch import TODAY, DataFolder

REPO = "https://github.com/stadt/boersen"
RUN = "https://github.com/stadt/boersen/actions/runs/7"
FOOTER = [
    "",
    "---",
    "",
    f"[Alle Meldungen dieser Prüfung]({RUN}) · [Anleitung: Angebot eintragen]({REPO}/blob/HEAD/content/pages/angebot-eintragen.md) "
    "· Fragen? Schreiben Sie einfach hier einen Kommentar.",
    "",
]


def test_comment_with_errors_lists_the_first_50_and_explains_the_fix(tmp_path, monkeypatch):
    data = many_problems(tmp_path)
    monkeypatch.chdir(tmp_path)
    catalog, problems = data.load()
    findings = Findings(problems.sorted(), Path("data"), changed=frozenset(CHANGED))
    body = comment.pull_request_comment(findings, catalog, repository_url=REPO, run_url=RUN, preview_url="https://example.invalid/a")
    expected = [
        "<!-- boersen-pruefung -->",
        "## Prüfung der Daten: bitte noch etwas ändern",
        "",
        "Vielen Dank für Ihren Vorschlag! Die automatische Prüfung hat 62 Fehler gefunden. "
        "Solange ein Fehler da ist, kann die Änderung nicht übernommen werden.",
        "",
        "**So beheben Sie einen Fehler:** Öffnen Sie oben den Reiter „Files changed“, klicken Sie bei der genannten Datei "
        "auf „…“ und dann auf „Edit file“. Ändern Sie die genannte Zeile und speichern Sie mit „Commit changes“. "
        "Die Prüfung läuft danach von selbst noch einmal, und dieser Kommentar zeigt das neue Ergebnis.",
    ]
    for number in range(1, 26):  # 25 files with two errors each: the first 50 errors
        expected += [
            "",
            f"**Datei `data/ferien/kurs-{number:02}.yaml`**",
            "",
            f"- Zeile 13, Feld `alter.von`: {AGE_MESSAGE}",
            f"- Zeile 15, Feld `gebuehr`: {FEE_MESSAGE}",
        ]
    expected += [
        "",
        "… und 12 weitere Meldungen.",
        "",
        "Fehler in Dateien, die Sie nicht geändert haben, entstehen durch Ihre Änderung, zum Beispiel wenn ein Anbieter "
        "gelöscht wurde, auf den sich noch Angebote beziehen.",
        "",
        "### Hinweise",
        "",
        "Hinweise verhindern die Übernahme nicht, aber bitte sehen Sie sie sich an:",
        "",
        "**Datei `data/ferien/frisch.yaml`**",
        "",
        f"- Zeile 31, Feld `bestaetigt_am`: {STALE_MESSAGE}",
        "",
        "Außerdem gibt es 1 Hinweis zu Dateien, die Sie nicht geändert haben.",
        *FOOTER,
    ]
    assert body.split("\n") == expected


def test_an_error_the_change_caused_elsewhere(tmp_path, monkeypatch):
    data = DataFolder(tmp_path)
    data.offer()
    (data.root / "anbieter" / "tsv.yaml").unlink()  # the pull request deletes the organisation
    monkeypatch.chdir(tmp_path)
    catalog, problems = data.load()
    findings = Findings(problems.sorted(), Path("data"), changed=frozenset({"data/anbieter/tsv.yaml"}))
    body = comment.pull_request_comment(findings, catalog, repository_url=REPO, run_url=RUN)
    assert body.split("\n")[6:] == [
        "",
        "**Datei `data/ferien/kurs.yaml`**",
        "",
        "- Zeile 4, Feld `anbieter`: Den Anbieter „tsv“ gibt es nicht. Anbieter werden als Datei in data/anbieter/ angelegt.",
        "",
        "Fehler in Dateien, die Sie nicht geändert haben, entstehen durch Ihre Änderung, zum Beispiel wenn ein Anbieter "
        "gelöscht wurde, auf den sich noch Angebote beziehen.",
        *FOOTER,
    ]


def test_comment_when_all_is_well_links_the_changed_offers_in_the_preview(tmp_path, monkeypatch):
    data = DataFolder(tmp_path)
    data.offer()
    data.offer(name="zweiter-kurs.yaml")
    monkeypatch.chdir(tmp_path)
    catalog, problems = data.load()
    findings = Findings(problems.sorted(), Path("data"), changed=frozenset({"data/ferien/kurs.yaml", "README.md"}))
    body = comment.pull_request_comment(
        findings, catalog, repository_url=REPO, run_url=RUN, preview_url="https://github.com/a/b/artifacts/9"
    )
    assert body.split("\n") == [
        "<!-- boersen-pruefung -->",
        "## Prüfung der Daten: alles in Ordnung",
        "",
        "Vielen Dank für Ihren Vorschlag! Die automatische Prüfung hat keine Fehler gefunden. Die Redaktion schaut sich "
        "die Änderung an und übernimmt sie; wenige Minuten danach ist sie auf der Webseite.",
        "",
        "**Vorschau:** [Webseite mit Ihrer Änderung herunterladen](https://github.com/a/b/artifacts/9) (ZIP-Datei). Nach dem "
        "Entpacken zeigt diese Datei Ihr Angebot im Browser:",
        "",
        "- Schwimmkurs für Anfänger (Ferienbörse): `ferien/kurs/index.html`",
        *FOOTER,
    ]


def test_values_from_data_files_cannot_mention_or_link(tmp_path, monkeypatch):
    data = DataFolder(tmp_path)
    data.offer()
    monkeypatch.chdir(tmp_path)
    catalog, _ = data.load()
    catalog.boersen[0].offers[0].title = "@stadt/redaktion [klick](https://böse.example) <b>\u202e\x1b"
    findings = Findings([], Path("data"), changed=frozenset({"data/ferien/kurs.yaml"}))
    body = comment.pull_request_comment(findings, catalog, repository_url=REPO, preview_url="https://example.invalid/p")
    assert (
        "- @\u200bstadt/redaktion \\[klick\\](https://böse.example) \\<b\\>\\\\u202e\\\\x1b (Ferienbörse): `ferien/kurs/index.html`" in body
    )


def test_comment_command_writes_the_artifact(tmp_path, monkeypatch, capsys):
    data = DataFolder(tmp_path)
    data.offer()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "geaendert.txt").write_text("data/ferien/kurs.yaml\n", encoding="utf-8")
    code = main(
        [
            "comment",
            "--changed-files",
            "geaendert.txt",
            "--pull-request",
            "12",
            "--output",
            "kommentar",
            "--repository-url",
            REPO,
            "--run-url",
            RUN,
            "--preview-url",
            "",
            "--heute",
            TODAY.isoformat(),
        ]
    )
    assert (code, capsys.readouterr().out) == (0, "Alles in Ordnung: 1 Börsen, 1 gültige Angebote, 1 Anbieter.\n")
    assert (tmp_path / "kommentar" / "pull-request").read_text(encoding="utf-8") == "12\n"
    body = (tmp_path / "kommentar" / "kommentar.md").read_text(encoding="utf-8")
    assert body.startswith("<!-- boersen-pruefung -->\n## Prüfung der Daten: alles in Ordnung\n")
    assert "Vorschau" not in body  # no preview when the build did not run


def test_orphan_message_is_the_one_the_data_set_produces(tmp_path):
    # the data set of these tests still yields the message the comment test expects
    assert f"data/ferien/verwaist.yaml:4:11: anbieter: {ORPHAN_MESSAGE}" in many_problems(tmp_path).messages()
