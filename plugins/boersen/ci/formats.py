"""The validator's problems in the formats CI systems read: GitHub workflow commands and step
summary, GitLab Code Quality report. One list of problems, three ways of showing it.

Paths in problems start with the data folder's name (``data/ferien/kurs.yaml``); CI systems
want them relative to the repository root, so ``Findings`` maps them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, Severity
from .text import code, markdown, visible

FORMATS = ("text", "github", "gitlab")
SUMMARY_TITLE = "## Prüfung der Daten"


@dataclass
class Findings:
    """The problems of one run, with repository paths and the files a pull request changes."""

    problems: list[Problem]  # sorted, as Problems.sorted() returns them
    data_dir: Path
    root: Path = Path()
    changed: frozenset[str] | None = None  # repository paths; None: not a pull request

    def path(self, problem: Problem) -> str:
        return repository_path(problem.path, self.data_dir, self.root)

    def is_changed(self, problem: Problem) -> bool:
        return self.changed is None or self.path(problem) in self.changed

    def in_order(self) -> list[Problem]:
        """Problems in changed files first: GitHub shows only the first annotations of a step."""
        return sorted(self.problems, key=lambda problem: not self.is_changed(problem))

    def by_file(self) -> list[tuple[str, bool, list[Problem]]]:
        """(path, changed, problems) per file, changed files first, each group sorted by path."""
        groups: dict[str, list[Problem]] = {}
        for problem in self.problems:
            groups.setdefault(self.path(problem), []).append(problem)
        changed = self.changed
        return sorted(
            ((path, changed is not None and path in changed, items) for path, items in groups.items()),
            key=lambda group: (not group[1], group[0]),
        )


def repository_path(display_path: str, data_dir: Path, root: Path = Path()) -> str:
    """A path as problems and offers show it (``data/ferien/kurs.yaml``, starting with the data
    folder's name) relative to the repository root; as given when it lies outside the root."""
    absolute = (Path(data_dir).parent / display_path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return display_path


def read_changed_files(file: Path) -> frozenset[str]:
    """The list of changed files a workflow wrote (``git diff --name-only``), one path a line."""
    lines = file.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().removeprefix("./") for line in lines if line.strip())


def text_line(findings: Findings, problem: Problem) -> str:
    prefix = "Warnung: " if problem.severity is Severity.WARNING else ""
    return f"{findings.path(problem)}:{problem.line}:{problem.column}: {visible(problem.field)}: {prefix}{visible(problem.message)}"


# --- GitHub -------------------------------------------------------------------------------


def _command_data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(findings: Findings, problem: Problem) -> str:
    """``::error file=…,line=…,col=…,title=FIELD::message`` (``::warning`` for warnings)."""
    kind = "warning" if problem.severity is Severity.WARNING else "error"
    properties = ",".join(
        f"{name}={_command_property(str(value))}"
        for name, value in (("file", findings.path(problem)), ("line", problem.line), ("col", problem.column), ("title", problem.field))
    )
    return f"::{kind} {properties}::{_command_data(problem.message)}"


UNCHANGED_WARNINGS = "Warnungen in Dateien, die dieser Pull Request nicht ändert:"


def github_lines(findings: Findings) -> list[str]:
    """Annotations for every problem in a changed file and every error; warnings in files the pull
    request leaves alone go to the log as plain lines, so they do not use up GitHub's annotations."""
    annotated, plain = [], []
    for problem in findings.in_order():
        if findings.is_changed(problem) or problem.severity is Severity.ERROR:
            annotated.append(github_command(findings, problem))
        else:
            plain.append(text_line(findings, problem))
    return annotated + ([UNCHANGED_WARNINGS, *plain] if plain else [])


def github_summary(findings: Findings, headline: str) -> str:
    """The complete list as a German Markdown table per file, for $GITHUB_STEP_SUMMARY."""
    parts = [SUMMARY_TITLE, "", markdown(headline), ""]
    for path, changed, problems in findings.by_file():
        parts.append(f"### {code(path)}" + (" (in diesem Pull Request geändert)" if changed else ""))
        parts += ["", "| Zeile | Spalte | Feld | Art | Meldung |", "|---:|---:|---|---|---|"]
        parts += [f"| {p.line} | {p.column} | {markdown(p.field)} | {p.severity.value} | {markdown(p.message)} |" for p in problems]
        parts.append("")
    return "\n".join(parts)


def append_step_summary(text: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Append to the file GitHub names in $GITHUB_STEP_SUMMARY; False when it names none."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as summary:
        summary.write(text)
    return True


# --- GitLab -------------------------------------------------------------------------------

GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def gitlab_report(findings: Findings) -> str:
    """A GitLab Code Quality report (JSON). The fingerprint hashes path, field, message and how
    often the same text occurred before in that file, not the line: moving a problem down the
    file keeps its identity, so merge requests show only what is really new or fixed."""
    seen: dict[tuple[str, str, str], int] = {}
    issues = []
    for problem in findings.problems:
        path = findings.path(problem)
        key = (path, problem.field, problem.message)
        seen[key] = seen.get(key, 0) + 1
        identity = "\x00".join((*key, problem.severity.name, str(seen[key])))
        issues.append(
            {
                "type": "issue",
                "check_name": f"boersen/{problem.field}",
                "description": f"{visible(problem.field)}: {visible(problem.message)}",
                "categories": ["Bug Risk" if problem.severity is Severity.ERROR else "Style"],
                "severity": GITLAB_SEVERITY[problem.severity],
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
                "location": {"path": path, "lines": {"begin": problem.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def write_report(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def emit(
    output_format: str,
    problems: list[Problem],
    data_dir: Path,
    headline: str,
    *,
    changed_files: Path | None = None,
    report: Path | None = None,
    environ: Mapping[str, str] = os.environ,
) -> None:
    """Print the problems for ``boersen validate --format github|gitlab`` (the headline follows)."""
    findings = Findings(problems, data_dir, changed=read_changed_files(changed_files) if changed_files else None)
    if output_format == "github":
        for line in github_lines(findings):
            print(line)
        append_step_summary(github_summary(findings, headline), environ)
        return
    for problem in problems:  # the job log keeps the familiar text lines
        print(problem)
    assert report is not None, "--format gitlab needs --report"
    write_report(report, gitlab_report(findings))
