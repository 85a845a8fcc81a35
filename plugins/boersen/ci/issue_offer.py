"""An issue from one of the issue forms becomes a pull request with the offer file, or a comment
in the issue saying what to change.

The issue arrives in the event file of GitHub Actions (``$GITHUB_EVENT_PATH``), never on a
command line. Its text is the form's answers (``### Label`` and the value, ``_No response_`` when
empty); the labels lead back to the fields (``issue_forms.layout``), ``forms.form_data`` makes the
data, ``yaml_writer.dump`` the file, and the file is checked as the validator checks files
(``check_offer_text``). A valid offer is committed on the branch ``angebot/issue-<number>`` (one
commit on top of the default branch, pushed with ``--force``, so a re-run replaces it) and proposed
in one pull request, which a re-run updates. Nothing of the submitter but the form's public fields
enters the repository: no account name, no address.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalog import ORGANISATIONS_FOLDER, Catalog, check_offer_text, check_organisation_text
from ..forms import FormValues, Group, Repeat, form_data, form_fields, form_name
from ..model import Boerse
from ..problems import FILE_LEVEL, Problem, visible
from ..schema import organisation_schema
from ..schema_check import slugify, suggest
from ..site_paths import RESERVED_OFFER_NAMES, free_name
from ..yaml_writer import dump
from . import github, rows
from .issue_forms import (
    BOERSE_LABEL,
    CONSENT,
    LABEL,
    NEW_ORGANISATION,
    NEW_ORGANISATION_PREFIX,
    ORGANISATION_LABEL,
    ORGANISATION_PREFIX,
    Element,
    layout,
)
from .text import markdown

MARKER = "<!-- boersen-issue-formular -->"
NO_RESPONSE = "_No response_"
MAX_SLUG = 60
BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
HOW_TO_EDIT = (
    "**So ändern Sie Ihre Angaben:** Klicken Sie oben am Issue rechts neben Ihrem Namen auf **···** und dann auf "
    "**Edit**. Ändern Sie den Text unter der jeweiligen Überschrift; die Zeilen, die mit `###` beginnen, "
    "bleiben, wie sie sind. Klicken Sie dann auf **Update comment**: Die Prüfung läuft von selbst noch einmal."
)


@dataclass
class Finding:
    """One thing to change, named by the form's label (and the row of a repeated group)."""

    label: str
    message: str
    line: str = ""  # the row as written, for repeated groups

    def markdown(self) -> str:
        where = f"**{markdown(self.label)}**" if self.label else ""
        if self.line:
            where += f", Zeile „{markdown(self.line)}“"
        return f"- {where}: {markdown(self.message)}" if where else f"- {markdown(self.message)}"


@dataclass
class Offer:
    """What an issue stands for: the files to write, or what to change first."""

    boerse: Boerse | None = None
    title: str = ""
    slug: str = ""
    organisation: str = ""  # slug
    organisation_name: str = ""
    new_organisation: bool = False
    files: dict[str, str] = field(default_factory=dict)  # repository path -> text
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


# --- The issue's text -----------------------------------------------------------------


def sections(body: str, labels: list[str]) -> tuple[dict[str, str], list[Finding]]:
    """The answer under each ``### label`` heading of ``body``; other headings stay in the answers."""
    known = set(labels)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    errors = []
    for line in (body or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = line[4:].strip() if line.startswith("### ") else None
        if heading in known:
            if heading in found:
                errors.append(Finding(heading, f"Die Überschrift „### {heading}“ steht zweimal im Text. Bitte löschen Sie eine davon."))
            current = found[heading] = []  # the later answer counts
        elif current is not None:
            current.append(line)
    answers = {label: "\n".join(lines).strip("\n") for label, lines in found.items()}
    return {label: "" if value.strip() == NO_RESPONSE else value for label, value in answers.items()}, errors


def read_offer(catalog: Catalog, data_dir: Path, body: str, today: datetime.date) -> Offer:
    """Turn the text of an issue into checked files, or findings."""
    offer = Offer()
    chosen, _ = sections(body, [BOERSE_LABEL])
    title = next((line.strip() for line in chosen.get(BOERSE_LABEL, "").splitlines() if line.strip()), "")[:80]
    offer.boerse = next((b for b in catalog.boersen if title in (b.title, b.slug)), None)
    if offer.boerse is None:
        names = ", ".join(f"„{b.title}“" for b in catalog.boersen)
        message = (
            f"Im Text steht keine Börse, die es gibt (gefunden: „{title}“; es gibt {names}). "
            "Bitte eröffnen Sie ein neues Issue mit einem der Formulare für Angebote."
            if title
            else "Dieses Issue ist nicht mit einem der Formulare für Angebote geschrieben: die Überschrift "
            f"„### {BOERSE_LABEL}“ fehlt. Bitte eröffnen Sie ein neues Issue mit einem der Formulare."
        )
        offer.errors.append(Finding(BOERSE_LABEL, message))
        return offer
    boerse = offer.boerse
    elements = layout(boerse)
    answers, offer.errors = sections(body, [element.label for element in elements])
    values: list[tuple[str, str]] = []
    row_lines: dict[str, list[str]] = {}
    for element in elements:
        _values(element, answers.get(element.label, ""), values, row_lines, offer.errors)
    form = FormValues(values)
    data = _numbers_in_lists(form_data(boerse.schema, form), boerse.schema)
    organisation_values = FormValues(
        [(name.removeprefix(ORGANISATION_PREFIX), value) for name, value in values if name.startswith(ORGANISATION_PREFIX)]
    )
    organisation_data = form_data(organisation_schema(), organisation_values)
    _organisation(catalog, data_dir, form.one("anbieter").strip(), organisation_data, offer, data)
    # What could not be read is reported; the rest is still checked, so one answer lists everything.
    reported = {(finding.label, line) for finding in offer.errors for line in (finding.line, "")}
    data["bestaetigt_am"] = today.isoformat()
    data.setdefault("anbieter", offer.organisation or "unbekannt")
    offer.title = str(data.get("titel", ""))
    offer.slug = _free_slug(data_dir / boerse.slug, offer.title)
    path = f"data/{boerse.slug}/{offer.slug}.yaml"
    files = {path: dump(data, boerse.schema)}
    new = (data["anbieter"],) if offer.new_organisation or not offer.organisation else ()
    problems = check_offer_text(catalog, boerse, f"{offer.slug}.yaml", files[path], new_organisations=new).items
    if offer.new_organisation:
        organisation_path = f"data/{ORGANISATIONS_FOLDER}/{offer.organisation}.yaml"
        files[organisation_path] = dump(organisation_data, organisation_schema())
        problems = problems + check_organisation_text(f"{offer.organisation}.yaml", files[organisation_path]).items
    labels = _labels(elements, boerse)
    for problem in problems:
        finding = _finding(problem, labels, row_lines)
        if problem.severity.name == "WARNING":
            offer.warnings.append(finding)
        elif (finding.label, finding.line) not in reported:
            offer.errors.append(finding)
    _in_form_order(offer, elements)
    if not offer.errors:
        offer.files = files
    return offer


def _in_form_order(offer: Offer, elements: list[Element]) -> None:
    order = {element.label: index for index, element in enumerate(elements)}
    for findings in (offer.errors, offer.warnings):
        findings.sort(key=lambda finding: order.get(finding.label, len(order)))


def _values(element: Element, answer: str, values: list, row_lines: dict, errors: list[Finding]) -> None:
    text = answer.strip()
    if element.kind == "consent":
        if not re.search(r"^- \[[xX]\] " + re.escape(CONSENT), answer, re.M):
            errors.append(Finding(element.label, f"Bitte setzen Sie das Häkchen bei „{CONSENT}“"))
        return
    if not text or element.name == "boerse":
        return
    if element.kind == "rows":
        parsed, row_errors = rows.parse(element.repeat, answer)
        errors.extend(Finding(element.label, error.message, error.line) for error in row_errors)
        row_lines[element.name] = [row.line for row in parsed]
        for index, row in enumerate(parsed):
            values.extend((f"{element.name}.{index}.{key}", value) for key, value in row.values.items())
        return
    if element.kind in ("dropdown", "boolean"):
        if text == "None":  # GitHub's own option for "nothing chosen" in a dropdown that is not required
            return
        try:
            values.append((element.name, rows.choice_value(text, element.options)))
        except ValueError as error:
            errors.append(Finding(element.label, str(error)))
        return
    if element.kind == "multiple":
        chosen = _several(text, element.options)
        if chosen is None:
            allowed = ", ".join(f"„{label}“" for _, label in element.options)
            errors.append(Finding(element.label, f"„{text}“ lässt sich nicht den Möglichkeiten zuordnen. Erlaubt: {allowed}."))
        else:
            values.extend((element.name, value) for value in chosen)
        return
    if element.field_kind == "date":
        try:
            text = rows.iso_date(text)
        except ValueError as error:
            errors.append(Finding(element.label, str(error)))
            return
    elif element.field_kind == "lines":  # one per line, or separated by commas
        text = "\n".join(part.strip() for part in re.split(r"[\n,]", text))
    elif element.kind == "input":  # a single line; a line break could only come from editing the issue
        text = " ".join(line.strip() for line in text.splitlines() if line.strip())
    values.append((element.name, text))


def _numbers_in_lists(data: dict, schema: dict) -> dict:
    """Lists of numbers (``buchungszeiten: [25, 35]``) as numbers; forms.form_data keeps lines as text."""
    for key, value in data.items():
        kind = schema["properties"].get(key, {}).get("items", {}).get("type")
        if isinstance(value, list) and kind in ("integer", "number"):
            data[key] = [int(item) if re.fullmatch(r"[+-]?\d+", item) else item for item in value]
    return data


def _several(text: str, options: list[tuple[str, str]]) -> list[str] | None:
    """Labels joined by ", " (how GitHub writes a multiple dropdown) back into values; labels may hold commas."""
    by_label = {label.casefold(): value for value, label in options} | {value.casefold(): value for value, _ in options}
    words = [part.strip() for part in text.split(",")]

    def split(start: int) -> list[str] | None:
        if start == len(words):
            return []
        for end in range(len(words), start, -1):
            value = by_label.get(", ".join(words[start:end]).casefold())
            rest = split(end) if value else None
            if value and rest is not None:
                return [value, *rest]
        return None

    return split(0)


def _organisation(catalog: Catalog, data_dir: Path, given: str, new: dict, offer: Offer, data: dict) -> None:
    organisations = catalog.organisations
    if given and new:
        offer.errors.append(
            Finding(
                ORGANISATION_LABEL,
                f"Bitte füllen Sie entweder „{ORGANISATION_LABEL}“ oder die Felder „{NEW_ORGANISATION}“ aus, nicht beides.",
            )
        )
        return
    if given:
        by_name = {organisation.name.casefold(): slug for slug, organisation in organisations.items()}
        slug = given if given in organisations else by_name.get(given.casefold())
        if slug is None:
            names = {organisation.name: slug for slug, organisation in organisations.items()}
            hint = suggest(given, list(organisations)) or names.get(suggest(given, list(names)) or "")
            hint_text = f" Meinten Sie „{hint}“ ({organisations[hint].name})?" if hint else ""
            offer.errors.append(
                Finding(
                    ORGANISATION_LABEL,
                    f"Den Anbieter „{given}“ gibt es noch nicht.{hint_text} Ist Ihr Verein oder Ihre Einrichtung neu, "
                    f"lassen Sie „{ORGANISATION_LABEL}“ leer und füllen Sie die Felder „{NEW_ORGANISATION}“ aus.",
                )
            )
            return
        offer.organisation, offer.organisation_name = slug, organisations[slug].name
        data["anbieter"] = slug
        return
    if not new:
        offer.errors.append(
            Finding(
                ORGANISATION_LABEL,
                f"Bitte tragen Sie bei „{ORGANISATION_LABEL}“ den Kurznamen Ihres Vereins ein, "
                f"oder füllen Sie die Felder „{NEW_ORGANISATION}“ aus.",
            )
        )
        return
    name = str(new.get("name", ""))
    slug = _cut(slugify(name))
    if not name:
        offer.errors.append(Finding(f"{NEW_ORGANISATION_PREFIX}Name", "Bitte tragen Sie den Namen des neuen Anbieters ein."))
        return
    if not slug:
        message = f"Aus dem Namen „{name}“ lässt sich keine Adresse bilden. Bitte schreiben Sie ihn mit Buchstaben oder Ziffern."
        offer.errors.append(Finding(f"{NEW_ORGANISATION_PREFIX}Name", message))
        return
    if slug in organisations or _taken(data_dir / ORGANISATIONS_FOLDER, slug):
        known = organisations.get(slug)
        shown = f"„{known.name}“ mit dem Kurznamen „{slug}“" if known else f"den Kurznamen „{slug}“"
        offer.errors.append(
            Finding(
                f"{NEW_ORGANISATION_PREFIX}Name",
                f"Den Anbieter gibt es schon: {shown}. Tragen Sie „{slug}“ bei „{ORGANISATION_LABEL}“ ein "
                f"und lassen Sie die Felder „{NEW_ORGANISATION}“ leer.",
            )
        )
        return
    offer.organisation, offer.organisation_name, offer.new_organisation = slug, name, True
    data["anbieter"] = slug


def _cut(slug: str) -> str:
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug[:MAX_SLUG]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def _taken(folder: Path, slug: str) -> bool:
    return any(os.path.lexists(folder / f"{slug}{suffix}") for suffix in (".yaml", ".md"))


def _free_slug(folder: Path, title: str) -> str:
    """A file name from the title that names no file in ``folder`` and no address of the site."""
    files = {entry.stem for entry in folder.iterdir() if entry.suffix in (".yaml", ".md")} if folder.is_dir() else set()
    return free_name(_cut(slugify(title)) or "angebot", files | RESERVED_OFFER_NAMES)


def _labels(elements: list[Element], boerse: Boerse) -> dict[str, str]:
    """Form name -> label, groups included (``alter`` -> ``Alter``), for naming the validator's findings."""
    labels = {element.name: element.label for element in elements}

    def groups(nodes, prefix: str, label_prefix: str) -> None:
        for node in nodes:
            if isinstance(node, Group):
                labels.setdefault(prefix + node.name, label_prefix + node.label)
                groups(node.children, prefix, label_prefix)
            elif isinstance(node, Repeat):
                labels.setdefault(prefix + node.name, label_prefix + node.label)

    groups(form_fields(boerse.schema), "", "")
    groups(form_fields(organisation_schema()), ORGANISATION_PREFIX, NEW_ORGANISATION_PREFIX)
    return labels


def _finding(problem: Problem, labels: dict[str, str], row_lines: dict[str, list[str]]) -> Finding:
    prefix = ORGANISATION_PREFIX if f"/{ORGANISATIONS_FOLDER}/" in problem.path else ""
    if problem.field == FILE_LEVEL:
        return Finding("", problem.message)
    name = form_name(problem.field)
    match = re.match(r"^([^.]+)\.(\d+)(?:\.(.+))?$", name)
    if match and prefix + match.group(1) in row_lines:
        repeat, index, _ = match.groups()
        lines = row_lines[prefix + repeat]
        line = lines[int(index)] if int(index) < len(lines) else ""
        return Finding(labels.get(prefix + repeat, repeat), problem.message, line)
    return Finding(labels.get(prefix + name, problem.field), problem.message)


# --- Texts for GitHub ---------------------------------------------------------------------


def problems_comment(offer: Offer) -> str:
    lines = [MARKER, "## Bitte ändern Sie noch etwas", ""]
    count = len(offer.errors)
    lines.append("Eine Angabe ist noch nicht richtig:" if count == 1 else f"{count} Angaben sind noch nicht richtig:")
    lines.append("")
    lines += [finding.markdown() for finding in offer.errors]
    lines += ["", HOW_TO_EDIT, ""]
    return "\n".join(lines)


def success_comment(offer: Offer, pull_number: int) -> str:
    lines = [
        MARKER,
        "## Danke! Ihr Angebot ist eingereicht",
        "",
        f"Die Angaben sind vollständig. Die Redaktion sieht sich Ihren Vorschlag im Pull Request #{pull_number} an "
        "und übernimmt ihn; danach steht das Angebot wenige Minuten später auf der Webseite. Dieses Issue wird "
        "dann von selbst geschlossen.",
        "",
    ]
    if offer.warnings:
        lines += ["Diese Hinweise verhindern die Übernahme nicht, sehen Sie sie sich aber bitte an:", ""]
        lines += [finding.markdown() for finding in offer.warnings]
        lines.append("")
    lines += ["Möchten Sie noch etwas ändern? " + HOW_TO_EDIT.removeprefix("**So ändern Sie Ihre Angaben:** "), ""]
    return "\n".join(lines)


def pull_request_title(offer: Offer) -> str:
    return visible(f"Neues Angebot: {offer.title}")[:200]


def pull_request_body(offer: Offer, issue_number: int) -> str:
    boerse = offer.boerse
    offer_path = next(path for path in offer.files if not path.startswith(f"data/{ORGANISATIONS_FOLDER}/"))
    organisation = f"{markdown(offer.organisation_name)} (`{offer.organisation}`)"
    if offer.new_organisation:
        organisation += f", **neu** in `data/{ORGANISATIONS_FOLDER}/{offer.organisation}.yaml`"
    lines = [
        f"Ein neues Angebot aus dem Formular im Issue #{issue_number}.",
        "",
        f"- **Börse:** {markdown(boerse.title)} (`data/{boerse.slug}/`)",
        f"- **Angebot:** {markdown(offer.title)} (`{offer_path}`)",
        f"- **Anbieter:** {organisation}",
        "",
        "Die Datei ist aus den Angaben im Issue geschrieben und mit derselben Prüfung wie jede Änderung "
        "geprüft. Bitte lesen Sie sie vor der Übernahme durch.",
    ]
    if offer.warnings:
        lines += ["", "**Hinweise der Prüfung:**", ""] + [finding.markdown() for finding in offer.warnings]
    lines += [
        "",
        "Hinweis: Ein Pull Request, den ein Workflow mit dem `GITHUB_TOKEN` eröffnet, startet die Prüfung "
        "(`check.yml`) nicht von selbst. Wer sie hier sehen möchte, schließt den Pull Request und öffnet ihn "
        "gleich wieder.",
        "",
        f"Closes #{issue_number}",
        "",
    ]
    return "\n".join(lines)


def commit_message(offer: Offer, issue_number: int) -> str:
    subject = f"Add offer {offer.boerse.slug}/{offer.slug}"
    if offer.new_organisation:
        subject += f" and organisation {offer.organisation}"
    return f"{subject} (issue #{issue_number})\n"


# --- Git and GitHub -----------------------------------------------------------------------


def branch_name(issue_number: int) -> str:
    return f"{LABEL}/issue-{issue_number}"


def git(repository: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", "-C", str(repository), *args], capture_output=True, text=True, check=True, env={**os.environ, **(env or {})}, timeout=120
    )
    return result.stdout


def commit(repository: Path, branch: str, files: dict[str, str], message: str, when: str) -> str:
    """One commit with ``files`` (all new) on ``branch``, started afresh from the current commit."""
    base = git(repository, "rev-parse", "HEAD").strip()
    git(repository, "switch", "--quiet", "--force-create", branch, base)
    root = repository.resolve()
    for relative, text in files.items():
        path = (repository / relative).resolve()
        if root not in path.parents:
            raise ValueError(f"{relative} liegt nicht im Repository.")
        with open(path, "x", encoding="utf-8", newline="\n") as file:  # never overwrites a file
            file.write(text)
    git(repository, "add", "--", *files)
    identity = {
        "GIT_AUTHOR_NAME": BOT_NAME,
        "GIT_AUTHOR_EMAIL": BOT_EMAIL,
        "GIT_COMMITTER_NAME": BOT_NAME,
        "GIT_COMMITTER_EMAIL": BOT_EMAIL,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    git(repository, "commit", "--quiet", "--no-verify", "--no-gpg-sign", "-m", message, env=identity)
    return git(repository, "rev-parse", "HEAD").strip()


def push(repository: Path, branch: str) -> None:
    """Replace the branch on the remote: a re-run for the same issue leaves one commit there."""
    git(repository, "push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}")


def upsert_issue_comment(api: github.Api, repository: str, number: int, body: str) -> str:
    mine = [
        comment
        for comment in github._all(api, f"/repos/{repository}/issues/{number}/comments")
        if comment["user"]["login"] == BOT_NAME and comment["body"].startswith(MARKER)
    ]
    if mine:
        api("PATCH", f"/repos/{repository}/issues/comments/{mine[0]['id']}", {"body": body})
        return "aktualisiert"
    api("POST", f"/repos/{repository}/issues/{number}/comments", {"body": body})
    return "geschrieben"


def open_pull_request(api: github.Api, repository: str, branch: str, base: str, title: str, body: str) -> tuple[int, bool]:
    """Open the pull request of ``branch``, or update the open one; returns its number and whether it is new."""
    owner = repository.split("/")[0]
    existing = github._all(api, f"/repos/{repository}/pulls?state=open&head={owner}:{branch}")
    if existing:
        number = existing[0]["number"]
        api("PATCH", f"/repos/{repository}/pulls/{number}", {"title": title, "body": body})
        return number, False
    created = api("POST", f"/repos/{repository}/pulls", {"title": title, "head": branch, "base": base, "body": body})
    api("POST", f"/repos/{repository}/issues/{created['number']}/labels", {"labels": [LABEL]})
    return created["number"], True


def handle(
    event: dict[str, Any], catalog: Catalog, data_dir: Path, repository_dir: Path, api: github.Api, repository: str, today: datetime.date
) -> str:
    """Do what the issue of ``event`` asks for; returns one German line for the log."""
    issue = event["issue"]
    number = int(issue["number"])
    labels = [label["name"] for label in issue.get("labels", [])]
    if LABEL not in labels or issue.get("state") != "open" or "pull_request" in issue:
        return f"Issue {number} ist kein offenes Issue mit dem Label „{LABEL}“; nichts zu tun."
    offer = read_offer(catalog, data_dir, issue.get("body") or "", today)
    if offer.errors:
        state = upsert_issue_comment(api, repository, number, problems_comment(offer))
        return f"Issue {number}: {len(offer.errors)} Angaben zu ändern; Kommentar {state}."
    branch = branch_name(number)
    commit(repository_dir, branch, offer.files, commit_message(offer, number), issue["created_at"])
    push(repository_dir, branch)
    base = event["repository"]["default_branch"]
    pull, new = open_pull_request(api, repository, branch, base, pull_request_title(offer), pull_request_body(offer, number))
    upsert_issue_comment(api, repository, number, success_comment(offer, pull))
    return f"Issue {number}: Pull Request {pull} {'eröffnet' if new else 'aktualisiert'}."
