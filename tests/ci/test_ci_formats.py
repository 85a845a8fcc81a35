"""boersen validate --format text|github|gitlab on a data set with more than 60 problems."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from boersen.ci.formats import Findings, github_lines, github_summary, gitlab_report, read_changed_files
from boersen.cli import main
from boersen.problems import Problem, Severity

from ci_data import AGE_MESSAGE, BROKEN_OFFERS, CHANGED, FEE_MESSAGE, ODD_SEASON_MESSAGE, ORPHAN_MESSAGE, STALE_MESSAGE, many_problems

HEADLINE = "62 Fehler, 2 Warnungen (1 Börsen, 2 gültige Angebote, 1 Anbieter)."
KURSE = [f"data/ferien/kurs-{number:02}.yaml" for number in range(1, BROKEN_OFFERS + 1)]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch) -> Path:
    """A repository root holding data/ with the problems, and the list of changed files."""
    many_problems(tmp_path)
    (tmp_path / "geaendert.txt").write_text("\n".join(CHANGED) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["validate", "data", "--heute", "2027-03-01", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def text_lines() -> list[str]:
    lines = [f"data/ferien/alt.yaml:31:16: bestaetigt_am: Warnung: {STALE_MESSAGE}"]
    lines.append(f"data/ferien/frisch.yaml:31:16: bestaetigt_am: Warnung: {STALE_MESSAGE}")
    for path in KURSE:
        lines += [f"{path}:13:8: alter.von: {AGE_MESSAGE}", f"{path}:15:10: gebuehr: {FEE_MESSAGE}"]
    lines.append(f"data/ferien/verwaist.yaml:4:11: anbieter: {ORPHAN_MESSAGE}")
    lines.append(f"data/ferien/zeichen.yaml:11:9: saison: {ODD_SEASON_MESSAGE}")
    return lines


def test_the_data_set_has_more_than_60_problems(repository, capsys):
    _, lines, _ = run(capsys)
    assert len(lines) - 1 == 64


def test_text_is_the_default(repository, capsys):
    code, lines, _ = run(capsys)
    assert code == 1
    assert lines == [*text_lines(), HEADLINE]
    assert run(capsys, "--format", "text")[:2] == (1, lines)


def test_github_annotates_changed_files_first_and_reports_the_rest(repository, capsys):
    code, lines, _ = run(capsys, "--format", "github", "--changed-files", "geaendert.txt")
    assert code == 1
    expected = [f"::warning file=data/ferien/frisch.yaml,line=31,col=16,title=bestaetigt_am::{STALE_MESSAGE}"]
    for path in KURSE:
        expected += [
            f"::error file={path},line=13,col=8,title=alter.von::{AGE_MESSAGE}",
            f"::error file={path},line=15,col=10,title=gebuehr::{FEE_MESSAGE}",
        ]
    expected += [
        # % is the one character of this message that workflow commands encode (%25)
        "::error file=data/ferien/zeichen.yaml,line=11,col=9,title=saison::„50%25, a:b | <b>x</b> [y](z)“ ist als Ferienzeit nicht "
        "erlaubt. Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter.",
        # an unchanged file whose error the pull request caused (its organisation was deleted)
        f"::error file=data/ferien/verwaist.yaml,line=4,col=11,title=anbieter::{ORPHAN_MESSAGE}",
        # warnings in files the pull request does not touch: in the log, not as annotations
        "Warnungen in Dateien, die dieser Pull Request nicht ändert:",
        f"data/ferien/alt.yaml:31:16: bestaetigt_am: Warnung: {STALE_MESSAGE}",
        HEADLINE,
    ]
    assert lines == expected


def test_github_without_a_pull_request_annotates_everything(repository, capsys):
    code, lines, _ = run(capsys, "--format", "github")
    assert code == 1
    assert len(lines) == 65
    assert lines[0] == f"::warning file=data/ferien/alt.yaml,line=31,col=16,title=bestaetigt_am::{STALE_MESSAGE}"
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines[:-1])


def summary_table(*rows: str) -> list[str]:
    return ["| Zeile | Spalte | Feld | Art | Meldung |", "|---:|---:|---|---|---|", *rows, ""]


def test_github_step_summary_lists_every_problem_by_file(repository, capsys, monkeypatch):
    summary = repository / "summary.md"
    summary.write_text("Vorher.\n", encoding="utf-8")  # GitHub's file may hold earlier output: append
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "--format", "github", "--changed-files", "geaendert.txt")
    stale_row = f"| 31 | 16 | bestaetigt\\_am | Warnung | {STALE_MESSAGE} |"
    expected = ["Vorher.", "## Prüfung der Daten", "", HEADLINE, ""]
    expected += ["### `data/ferien/frisch.yaml` (in diesem Pull Request geändert)", "", *summary_table(stale_row)]
    for path in KURSE:
        expected += [f"### `{path}` (in diesem Pull Request geändert)", ""]
        expected += summary_table(f"| 13 | 8 | alter.von | Fehler | {AGE_MESSAGE} |", f"| 15 | 10 | gebuehr | Fehler | {FEE_MESSAGE} |")
    expected += ["### `data/ferien/zeichen.yaml` (in diesem Pull Request geändert)", ""]
    expected += summary_table(
        "| 11 | 9 | saison | Fehler | „50%, a:b \\| \\<b\\>x\\</b\\> \\[y\\](z)“ ist als Ferienzeit nicht erlaubt. "
        "Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter. |"
    )
    expected += ["### `data/ferien/alt.yaml`", "", *summary_table(stale_row)]
    expected += ["### `data/ferien/verwaist.yaml`", "", *summary_table(f"| 4 | 11 | anbieter | Fehler | {ORPHAN_MESSAGE} |")]
    assert summary.read_text(encoding="utf-8").split("\n") == expected


def test_github_summary_when_all_is_well(tmp_path, capsys, monkeypatch):
    from scratch import DataFolder

    DataFolder(tmp_path).offer()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    code, lines, _ = run(capsys, "--format", "github")
    assert (code, lines) == (0, ["Alles in Ordnung: 1 Börsen, 1 gültige Angebote, 1 Anbieter."])
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == (
        "## Prüfung der Daten\n\nAlles in Ordnung: 1 Börsen, 1 gültige Angebote, 1 Anbieter.\n"
    )


def test_gitlab_code_quality_report(repository, capsys):
    code, lines, _ = run(capsys, "--format", "gitlab", "--report", "berichte/code-quality.json")
    assert code == 1
    assert lines == [*text_lines(), HEADLINE]  # the job log reads like the text format
    report = json.loads((repository / "berichte" / "code-quality.json").read_text(encoding="utf-8"))
    fingerprints = [issue.pop("fingerprint") for issue in report]
    assert len(set(fingerprints)) == len(report) == 64
    assert all(len(fingerprint) == 64 and int(fingerprint, 16) >= 0 for fingerprint in fingerprints)

    def issue(path, line, field, message, severity="major"):
        return {
            "type": "issue",
            "check_name": f"boersen/{field}",
            "description": f"{field}: {message}",
            "categories": ["Bug Risk" if severity == "major" else "Style"],
            "severity": severity,
            "location": {"path": path, "lines": {"begin": line}},
        }

    expected = [issue("data/ferien/alt.yaml", 31, "bestaetigt_am", STALE_MESSAGE, "minor")]
    expected.append(issue("data/ferien/frisch.yaml", 31, "bestaetigt_am", STALE_MESSAGE, "minor"))
    for path in KURSE:
        expected += [issue(path, 13, "alter.von", AGE_MESSAGE), issue(path, 15, "gebuehr", FEE_MESSAGE)]
    expected.append(issue("data/ferien/verwaist.yaml", 4, "anbieter", ORPHAN_MESSAGE))
    expected.append(issue("data/ferien/zeichen.yaml", 11, "saison", ODD_SEASON_MESSAGE))
    assert report == expected


def test_gitlab_fingerprints_are_stable_when_lines_move(repository, capsys):
    run(capsys, "--format", "gitlab", "--report", "vorher.json")
    offer = repository / "data" / "ferien" / "kurs-01.yaml"
    offer.write_text("# Ein Kommentar verschiebt alles um eine Zeile.\n" + offer.read_text(encoding="utf-8"), encoding="utf-8")
    run(capsys, "--format", "gitlab", "--report", "nachher.json")
    before = json.loads((repository / "vorher.json").read_text(encoding="utf-8"))
    after = json.loads((repository / "nachher.json").read_text(encoding="utf-8"))
    assert [issue["fingerprint"] for issue in before] == [issue["fingerprint"] for issue in after]
    assert (before[2]["location"], after[2]["location"]) == (
        {"path": "data/ferien/kurs-01.yaml", "lines": {"begin": 13}},
        {"path": "data/ferien/kurs-01.yaml", "lines": {"begin": 14}},
    )
    # path, field, message, severity and occurrence: the same in every run, on every machine
    identity = "\x00".join(("data/ferien/kurs-01.yaml", "alter.von", AGE_MESSAGE, "ERROR", "1"))
    assert before[2]["fingerprint"] == hashlib.sha256(identity.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("args", [["--format", "gitlab"], ["--report", "x.json"], ["--format", "github", "--report", "x.json"]])
def test_report_belongs_to_gitlab(repository, capsys, args):
    with pytest.raises(SystemExit) as stop:
        main(["validate", "data", *args])
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: --report DATEI gehört zu --format gitlab, und --format gitlab braucht --report DATEI.\n"
    )


def test_unknown_format(repository, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["validate", "data", "--format", "json"])
    assert stop.value.code == 2
    assert "argument --format: invalid choice: 'json' (choose from 'text', 'github', 'gitlab')" in capsys.readouterr().err


# --- Characters that mean something to GitHub, GitLab or Markdown --------------------------

TRICKY = Problem(
    "data/ferien/a,b:c%.yaml",
    3,
    5,
    "titel,x:y%\n",
    "Zeile eins\r\nZeile zwei\n::error::untergeschoben 100% \x1b[31mrot | `code` <img src=x> _kursiv_",
    Severity.WARNING,
)


def tricky_findings(tmp_path: Path) -> Findings:
    return Findings([TRICKY], tmp_path / "data", tmp_path)


def test_workflow_commands_encode_their_special_characters(tmp_path):
    assert github_lines(tricky_findings(tmp_path)) == [
        "::warning file=data/ferien/a%2Cb%3Ac%25.yaml,line=3,col=5,title=titel%2Cx%3Ay%25\\n::"
        "Zeile eins\\r\\nZeile zwei\\n::error::untergeschoben 100%25 \\x1b[31mrot | `code` <img src=x> _kursiv_"
    ]


def test_summary_cells_stay_text(tmp_path):
    assert github_summary(tricky_findings(tmp_path), "0 Fehler, 1 Warnung.").split("\n") == [
        "## Prüfung der Daten",
        "",
        "0 Fehler, 1 Warnung.",
        "",
        "### `data/ferien/a,b:c%.yaml`",
        "",
        "| Zeile | Spalte | Feld | Art | Meldung |",
        "|---:|---:|---|---|---|",
        "| 3 | 5 | titel,x:y%\\\\n | Warnung | Zeile eins\\\\r\\\\nZeile zwei\\\\n::error::untergeschoben 100% "
        "\\\\x1b\\[31mrot \\| \\`code\\` \\<img src=x\\> \\_kursiv\\_ |",
        "",
    ]


def test_code_quality_descriptions_show_control_characters(tmp_path):
    [issue] = json.loads(gitlab_report(tricky_findings(tmp_path)))
    assert issue["description"] == (
        "titel,x:y%\\n: Zeile eins\\r\\nZeile zwei\\n::error::untergeschoben 100% \\x1b[31mrot | `code` <img src=x> _kursiv_"
    )
    assert issue["location"] == {"path": "data/ferien/a,b:c%.yaml", "lines": {"begin": 3}}
    assert issue["severity"] == "minor"


def test_changed_files_list(tmp_path):
    listing = tmp_path / "geaendert.txt"
    listing.write_text("data/ferien/kürbis.yaml\n\n./data/anbieter/tsv.yaml\n  README.md  \n", encoding="utf-8")
    assert read_changed_files(listing) == frozenset({"data/ferien/kürbis.yaml", "data/anbieter/tsv.yaml", "README.md"})


def test_paths_are_relative_to_the_repository_root(tmp_path):
    problem = Problem("daten/ferien/kurs.yaml", 1, 1, "titel", "x")
    assert Findings([problem], tmp_path / "stadt" / "daten", tmp_path).path(problem) == "stadt/daten/ferien/kurs.yaml"
    assert Findings([problem], tmp_path / "daten", tmp_path / "anderswo").path(problem) == "daten/ferien/kurs.yaml"
