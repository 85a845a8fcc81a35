"""The one comment on a pull request, in plain German: what is wrong, where, and how to fix it,
or that all is well, with the changed offers in the preview."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..problems import Problem, Severity
from .formats import Findings, repository_path
from .text import code, markdown

MARKER = "<!-- boersen-pruefung -->"  # finds the comment again on the next run
MAX_LISTED = 50  # a comment holds at most 65,536 characters; the step summary has everything
GUIDE = "content/pages/angebot-eintragen.md"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _listing(findings: Findings, problems: list[Problem], limit: int) -> list[str]:
    lines: list[str] = []
    current = None
    for shown, problem in enumerate(problems):
        if shown == limit:
            lines += ["", f"… und {_count(len(problems) - limit, 'weitere Meldung', 'weitere Meldungen')}."]
            break
        path = findings.path(problem)
        if path != current:
            lines += ["", f"**Datei {code(path)}**", ""]
            current = path
        lines.append(f"- Zeile {problem.line}, Feld {code(problem.field)}: {markdown(problem.message)}")
    return lines


def changed_offers(catalog: Catalog, findings: Findings) -> list[tuple[str, str, str]]:
    """(title, Börse, page in the preview) of every offer whose file the pull request changes."""
    changed = findings.changed or frozenset()
    return [
        (offer.title, boerse.title, f"{offer.url}index.html")
        for boerse in catalog.boersen
        for offer in sorted(boerse.offers, key=lambda offer: offer.slug)
        if repository_path(offer.source, findings.data_dir, findings.root) in changed
    ]


def pull_request_comment(
    findings: Findings,
    catalog: Catalog,
    *,
    repository_url: str,
    run_url: str | None = None,
    preview_url: str | None = None,
) -> str:
    """The comment's Markdown. ``findings.changed`` holds the files the pull request changes."""
    errors = [p for p in findings.in_order() if p.severity is Severity.ERROR]
    warnings = [p for p in findings.in_order() if p.severity is Severity.WARNING and findings.is_changed(p)]
    other_warnings = sum(1 for p in findings.problems if p.severity is Severity.WARNING and not findings.is_changed(p))
    guide = f"{repository_url}/blob/HEAD/{GUIDE}"
    parts = [MARKER]
    if errors:
        parts += [
            "## Prüfung der Daten: bitte noch etwas ändern",
            "",
            f"Vielen Dank für Ihren Vorschlag! Die automatische Prüfung hat {_count(len(errors), 'Fehler', 'Fehler')} gefunden. "
            "Solange ein Fehler da ist, kann die Änderung nicht übernommen werden.",
            "",
            "**So beheben Sie einen Fehler:** Öffnen Sie oben den Reiter „Files changed“, klicken Sie bei der genannten Datei "
            "auf „…“ und dann auf „Edit file“. Ändern Sie die genannte Zeile und speichern Sie mit „Commit changes“. "
            "Die Prüfung läuft danach von selbst noch einmal, und dieser Kommentar zeigt das neue Ergebnis.",
            *_listing(findings, errors, MAX_LISTED),
        ]
        if findings.changed is not None and any(not findings.is_changed(p) for p in errors):
            parts += [
                "",
                "Fehler in Dateien, die Sie nicht geändert haben, entstehen durch Ihre Änderung, zum Beispiel wenn ein Anbieter "
                "gelöscht wurde, auf den sich noch Angebote beziehen.",
            ]
    else:
        parts += [
            "## Prüfung der Daten: alles in Ordnung",
            "",
            "Vielen Dank für Ihren Vorschlag! Die automatische Prüfung hat keine Fehler gefunden. Die Redaktion schaut sich "
            "die Änderung an und übernimmt sie; wenige Minuten danach ist sie auf der Webseite.",
        ]
        offers = changed_offers(catalog, findings)
        if preview_url and offers:
            parts += [
                "",
                f"**Vorschau:** [Webseite mit Ihrer Änderung herunterladen]({preview_url}) (ZIP-Datei). Nach dem Entpacken "
                "zeigt diese Datei Ihr Angebot im Browser:",
                "",
                *(f"- {markdown(title)} ({markdown(boerse)}): {code(page)}" for title, boerse, page in offers),
            ]
    if warnings:
        parts += [
            "",
            "### Hinweise",
            "",
            "Hinweise verhindern die Übernahme nicht, aber bitte sehen Sie sie sich an:",
            *_listing(findings, warnings, MAX_LISTED),
        ]
    if other_warnings:
        parts += [
            "",
            f"Außerdem gibt es {_count(other_warnings, 'Hinweis', 'Hinweise')} zu Dateien, die Sie nicht geändert haben.",
        ]
    parts += ["", "---", ""]
    details = f"[Alle Meldungen dieser Prüfung]({run_url}) · " if run_url else ""
    parts.append(f"{details}[Anleitung: Angebot eintragen]({guide}) · Fragen? Schreiben Sie einfach hier einen Kommentar.")
    return "\n".join(parts) + "\n"


def write_comment(folder: Path, body: str, pull_request: int) -> None:
    """The artifact the posting workflow reads: the text and the pull request's number."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kommentar.md").write_text(body, encoding="utf-8")
    (folder / "pull-request").write_text(f"{pull_request}\n", encoding="utf-8")
