"""The nightly issue about offers nobody confirmed for more than 12 months."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from boersen.ci import stale
from boersen.ci.__main__ import main

from scratch import FERIEN_OFFER, TODAY, DataFolder, replace

SPORTVEREIN = """\
name: Sportverein Nord
beschreibung: Sport im Norden.
"""


def stale_data(tmp_path: Path) -> DataFolder:
    data = DataFolder(tmp_path)
    data.write("anbieter/nord.yaml", SPORTVEREIN)  # no contact: the offer's contact is the way to ask
    data.offer(replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2025-11-03"), "b-kurs.yaml")
    data.offer(replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2024-05-20"), "a-kurs.yaml")
    data.offer(replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2026-03-02"), "frisch.yaml")  # within a year
    nord = replace(replace(FERIEN_OFFER, "anbieter: tsv", "anbieter: nord"), "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2025-01-01")
    data.offer(replace(nord, "titel: Schwimmkurs für Anfänger", "titel: Tischtennis [Ferien] @nord"), "nord.yaml")
    # past offers leave the site anyway: nobody needs to ask about them
    past = replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2024-01-01").replace("2027-0", "2026-0")
    data.offer(past, "vorbei.yaml")
    return data


def test_issue_lists_stale_offers_per_organisation_with_contact(tmp_path, monkeypatch):
    data = stale_data(tmp_path)
    monkeypatch.chdir(tmp_path)
    catalog, problems = data.load()
    assert not problems.errors
    assert "vorbei" in [offer.slug for offer in catalog.boersen[0].offers]  # valid, but past
    body = stale.stale_issue_body(catalog, "https://stadt.example/boersen/", Path("data"))
    assert body.split("\n") == [
        "<!-- boersen-veraltet -->",
        "Diese 3 Angebote stehen auf der Webseite, aber ihre Angaben wurden seit mehr als 12 Monaten nicht bestätigt "
        "(Stand: 1. März 2027). Die Webseite zeigt bei ihnen einen Hinweis.",
        "",
        "**Was zu tun ist:** Fragen Sie beim Anbieter nach, ob die Angaben noch stimmen. Tragen Sie danach in der Datei "
        "des Angebots das Datum der Rückmeldung ein, zum Beispiel `bestaetigt_am: 2027-03-01`, und korrigieren Sie, was "
        "sich geändert hat. Gibt es das Angebot nicht mehr, löschen Sie die Datei.",
        "",
        "Diese Liste wird jede Nacht neu erstellt. Sind alle Angebote bestätigt, wird dieses Issue von selbst geschlossen.",
        "",
        "### Sportverein Nord",
        "",
        "Kontakt: Sabine Keller, Telefon `09571 82-1234`",
        "",
        "- [Tischtennis \\[Ferien\\] @\u200bnord](https://stadt.example/boersen/ferien/nord/) (Ferienbörse), zuletzt bestätigt "
        "am 1. Januar 2025, Datei `data/ferien/nord.yaml`",
        "",
        "### TSV Auenstadt 1862 e. V.",
        "",
        "Kontakt: E-Mail `info@tsv-auenstadt.example`",
        "",
        "- [Schwimmkurs für Anfänger](https://stadt.example/boersen/ferien/a-kurs/) (Ferienbörse), zuletzt bestätigt am "
        "20. Mai 2024, Datei `data/ferien/a-kurs.yaml`",
        "- [Schwimmkurs für Anfänger](https://stadt.example/boersen/ferien/b-kurs/) (Ferienbörse), zuletzt bestätigt am "
        "3. November 2025, Datei `data/ferien/b-kurs.yaml`",
        "",
    ]


def test_no_issue_when_everything_is_confirmed(tmp_path):
    data = DataFolder(tmp_path)
    data.offer()
    catalog, _ = data.load()
    assert stale.stale_issue_body(catalog, "https://stadt.example", data.root) is None


def test_stale_issue_command_prints_without_github(tmp_path, monkeypatch, capsys):
    stale_data(tmp_path)
    monkeypatch.chdir(tmp_path)
    code = main(["stale-issue", "--site-url", "https://stadt.example", "--heute", TODAY.isoformat(), "--print"], environ={})
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("<!-- boersen-veraltet -->\nDiese 3 Angebote")
    assert "](https://stadt.example/ferien/a-kurs/)" in out


def test_stale_issue_command_when_all_is_confirmed(tmp_path, monkeypatch, capsys):
    DataFolder(tmp_path).offer()
    monkeypatch.chdir(tmp_path)
    code = main(["stale-issue", "--site-url", "https://stadt.example", "--heute", TODAY.isoformat(), "--print"], environ={})
    assert (code, capsys.readouterr().out) == (0, "Alle Angebote sind bestätigt.\n")


def test_the_workflows_can_run_the_module(tmp_path):
    """The workflows call ``python -m boersen.ci``: the module runs as a program."""
    stale_data(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "boersen.ci", "stale-issue", "--site-url", "https://stadt.example", "--heute", "2027-03-01", "--print"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("<!-- boersen-veraltet -->\nDiese 3 Angebote stehen auf der Webseite")
