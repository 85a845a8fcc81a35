"""GitHub issue forms from the schema: one form per Börse, and the way back from an issue's text.

A form is a flat list of elements; ``layout`` draws it from ``forms.form_fields`` (labels, help
texts, examples, required marks, choices), so the generated ``.github/ISSUE_TEMPLATE/<boerse>.yml``
and the converter (``issue_offer.py``) read the same list. Groups (``ort``) become their fields
with the group's name in front of the label; repeated groups (dates, weekly times) become a
textarea with one row per line in a documented German format (``rows.py``). The organisation is
an existing short name or the fields of a new organisation. Every form labels its issues
``angebot``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..forms import Control, Group, Repeat, form_fields
from ..model import Boerse
from ..schema import organisation_schema
from . import rows

LABEL = "angebot"  # the label of every issue from these forms; the workflow acts on it
FOLDER = Path(".github") / "ISSUE_TEMPLATE"
HEADER = "# Generated from the schema by `python -m boersen.ci issue-forms` (make issue-forms). Do not edit.\n"
DEFAULT_SITE_URL = "https://boersen.auenstadt.example"
BOERSE_LABEL = "Börse"
ORGANISATION_LABEL = "Anbieter"
NEW_ORGANISATION = "Neuer Anbieter"
NEW_ORGANISATION_PREFIX = f"{NEW_ORGANISATION} – "  # in front of the labels of the new organisation's fields
CONSENT_LABEL = "Veröffentlichung"
CONSENT = "Ich darf dieses Angebot für den Anbieter eintragen, und alle Angaben dürfen veröffentlicht werden."
YES, NO = "Ja", "Nein"
ORGANISATION_PREFIX = "org."  # form names of the new organisation's fields


@dataclass
class Element:
    """One field of an issue form and how its answer becomes form values.

    ``kind``: input, textarea, dropdown, multiple (dropdown with several choices), boolean
    (dropdown Ja/Nein), rows (a repeated group, one row per line), consent (a checkbox)."""

    id: str
    label: str
    name: str  # the form name (forms.py): ``ort.plz``, ``org.name``, ``termine``
    kind: str
    description: str = ""
    placeholder: str = ""
    required: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    repeat: Repeat | None = None
    before: str = ""  # a Markdown paragraph shown above the field (a group's heading)
    field_kind: str = ""  # the kind of the form control (forms.Control.kind): date, lines, markdown …


def layout(boerse: Boerse) -> list[Element]:
    """The fields of the form for ``boerse``, in order."""
    elements = [
        Element("boerse", BOERSE_LABEL, "boerse", "dropdown", "Die Börse, in die das Angebot gehört.", required=True,
                options=[(boerse.slug, boerse.title)])
    ]  # fmt: skip
    for node in form_fields(boerse.schema):
        if node.name == "anbieter":
            elements.append(_organisation_element(node))
            elements.extend(_organisation_fields())
        else:
            elements.extend(_elements(node, "", "", True, ""))
    elements.append(Element("einverstaendnis", CONSENT_LABEL, "einverstaendnis", "consent", required=True))
    _unique_labels(elements)
    return elements


def _organisation_element(node: Control) -> Element:
    description = (
        "Der Kurzname Ihres Vereins oder Ihrer Einrichtung, wie er am Ende der Adresse Ihrer Anbieterseite "
        f"steht (…/anbieter/{node.example}/), oder der volle Name. Ist Ihr Verein noch nicht verzeichnet, "
        f"lassen Sie dieses Feld leer und füllen Sie die Felder „{NEW_ORGANISATION}“ aus."
    )
    return Element("anbieter", ORGANISATION_LABEL, "anbieter", "input", description, node.example)


def _organisation_fields() -> list[Element]:
    elements: list[Element] = []
    for node in form_fields(organisation_schema()):
        elements.extend(_elements(node, ORGANISATION_PREFIX, NEW_ORGANISATION_PREFIX, False, NEW_ORGANISATION))
    elements[0].before = (
        f"**{NEW_ORGANISATION}** – nur ausfüllen, wenn Ihr Verein oder Ihre Einrichtung noch nicht verzeichnet ist. "
        "Daraus entsteht die Seite des Anbieters; der Name ist Pflicht."
    )
    return elements


def _elements(node: Control | Group | Repeat, prefix: str, label_prefix: str, parents_required: bool, within: str) -> list[Element]:
    name = prefix + node.name
    if isinstance(node, Group):
        inner: list[Element] = []
        for child in node.children:
            child_prefix = "" if node.label.casefold() in child.label.casefold() else f"{node.label}: "
            inner.extend(_elements(child, prefix, label_prefix + child_prefix, parents_required and node.required, within or node.label))
        if inner and not label_prefix:
            inner[0].before = f"**{node.label}** – {node.help}"
        return inner
    required = parents_required and node.required
    note = f" Nötig, sobald Sie etwas bei „{within}“ angeben." if node.required and not required and within else ""
    if isinstance(node, Repeat):
        description = (node.help + " " + rows.explanation(node) + note).strip()
        label = label_prefix + node.label
        return [Element(_id(name), label, name, "rows", description, rows.placeholder(node), required, repeat=node)]
    kind = {"choice": "dropdown", "choices": "multiple", "boolean": "boolean", "textarea": "textarea", "markdown": "textarea"}
    element = Element(_id(name), label_prefix + node.label, name, kind.get(node.kind, "input"), required=required, field_kind=node.kind)
    element.description = _description(node) + note
    element.placeholder = _placeholder(node)
    if node.kind in ("choice", "choices"):
        element.options = list(node.choices)
    elif node.kind == "boolean":
        element.options = [("ja", YES), ("nein", NO)]
    elif node.kind == "lines":
        element.kind = "textarea"
    return [element]


def _id(name: str) -> str:
    return name.replace(".", "-").replace("_", "-")


def _description(node: Control) -> str:
    help = node.help
    if node.kind == "boolean":  # the schema explains the file's true/false; the form shows Ja/Nein
        help = help.replace("true, wenn", "Ja, wenn").replace("sonst false", "sonst Nein")
    extra = {
        "date": " Schreiben Sie das Datum als TT.MM.JJJJ.",
        "lines": " Eine Angabe je Zeile oder durch Kommas getrennt.",
        "markdown": " Leerzeilen trennen Absätze.",
        "number": " Mit Komma oder Punkt, z. B. 12,50.",
    }
    help = "" if help == node.label else help.replace(" (JJJJ-MM-TT)", "").replace(" im Format JJJJ-MM-TT", "")
    if help and not help.endswith((".", "!", "?")):
        help += "."
    return (help + extra.get(node.kind, "")).strip()


def _placeholder(node: Control) -> str:
    if node.kind in ("choice", "choices", "boolean") or not node.example:
        return ""
    if node.kind == "date":
        return rows.german_date(node.example)
    if node.kind == "lines":
        return node.example.replace(", ", "\n")
    if node.kind == "number":
        return node.example.replace(".", ",")
    return node.example


def _unique_labels(elements: list[Element]) -> None:
    """GitHub names each answer by its label: a label already taken gets the field's name added.
    The labels the converter looks for (Börse, Anbieter, Veröffentlichung) are taken first."""
    own = {"boerse", "anbieter", "einverstaendnis"}
    taken = {element.label for element in elements if element.name in own}
    for element in elements:
        if element.name in own:
            continue
        if element.label in taken:
            element.label = f"{element.label} ({element.name})"
        taken.add(element.label)


# --- Writing the forms ------------------------------------------------------------------


def issue_form(boerse: Boerse, site_url: str) -> str:
    """The text of ``.github/ISSUE_TEMPLATE/<boerse>.yml``."""
    body: list[dict] = [{"type": "markdown", "attributes": {"value": _intro(boerse, site_url)}}]
    for element in layout(boerse):
        if element.before:
            body.append({"type": "markdown", "attributes": {"value": element.before}})
        body.append(_yaml_element(element))
    form = {
        "name": f"Angebot für: {boerse.title}",
        "description": f"Ein neues Angebot für die Börse „{boerse.title}“ eintragen, ganz ohne Dateien.",
        "title": "Neues Angebot: ",
        "labels": [LABEL],
        "body": body,
    }
    return HEADER + _dump(form)


def _intro(boerse: Boerse, site_url: str) -> str:
    site = site_url.rstrip("/")
    return (
        f"## Neues Angebot für die Börse „{boerse.title}“\n\n"
        "Füllen Sie das Formular aus und klicken Sie unten auf **Create**. Wenige Minuten später prüft "
        "ein Programm Ihre Angaben. Ist alles in Ordnung, legt es für die Redaktion einen Vorschlag "
        "(Pull Request) an; sonst schreibt es hier im Issue, was Sie noch ändern müssen.\n\n"
        f"Felder mit * sind Pflicht. Alle Felder mit Erklärung und Beispiel stehen auf der Seite "
        f"[Hilfe für Anbieter]({site}/hilfe/), Schritt für Schritt erklärt ist alles auf der Seite "
        f"[Angebot eintragen]({site}/angebot-eintragen/#issue-formular).\n\n"
        "**Bitte beachten:** Alles, was Sie hier eintragen, ist öffentlich zu sehen, auch Ihr Name bei "
        "GitHub. Tragen Sie keine privaten Kontaktdaten ein, die nicht auf die Webseite gehören. "
        "Rückfragen stellt die Redaktion hier im Issue; GitHub benachrichtigt Sie darüber."
    )


def _yaml_element(element: Element) -> dict:
    attributes: dict = {"label": element.label}
    if element.description:
        attributes["description"] = element.description
    kind = element.kind
    if kind == "consent":
        attributes["options"] = [{"label": CONSENT, "required": True}]
        return {"type": "checkboxes", "id": element.id, "attributes": attributes}
    if kind in ("dropdown", "multiple", "boolean"):
        if kind == "multiple":
            attributes["multiple"] = True
        attributes["options"] = [label for _, label in element.options]
        if element.name == "boerse":
            attributes["default"] = 0
        kind = "dropdown"
    elif element.placeholder:
        attributes["placeholder"] = element.placeholder
    if kind in ("rows",):
        kind = "textarea"
    result = {"type": kind, "id": element.id, "attributes": attributes}
    if element.required:
        result["validations"] = {"required": True}
    return result


def config(site_url: str) -> str:
    """The text of ``.github/ISSUE_TEMPLATE/config.yml``: the guide and the route without an account."""
    site = site_url.rstrip("/")
    links = [
        {
            "name": "Anleitung: Angebot eintragen",
            "url": f"{site}/angebot-eintragen/",
            "about": "Schritt für Schritt: ein Angebot mit dem Formular oder im Browser eintragen oder ändern.",
        },
        {
            "name": "Ohne GitHub-Konto: per E-Mail oder Telefon",
            "url": f"{site}/angebot-eintragen/#ohne-konto",
            "about": "Schicken Sie Ihr Angebot per E-Mail an die Stadt; wir tragen es für Sie ein.",
        },
    ]
    return HEADER + _dump({"blank_issues_enabled": True, "contact_links": links})


class _Dumper(yaml.SafeDumper):
    """Texts of several lines as ``|`` blocks, so the Markdown of the forms reads as written."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _text)


def _dump(document: dict) -> str:
    return yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def generated_files(boersen: list[Boerse], site_url: str) -> dict[str, str]:
    """File name -> text of every file in ``.github/ISSUE_TEMPLATE/``."""
    files = {f"{boerse.slug}.yml": issue_form(boerse, site_url) for boerse in sorted(boersen, key=lambda b: b.slug)}
    files["config.yml"] = config(site_url)
    return files


def write_files(folder: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` into ``folder`` and remove generated forms no longer wanted; returns what changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for path in sorted(folder.glob("*.yml")):
        if path.name not in files and path.read_text(encoding="utf-8").startswith(HEADER):
            path.unlink()
            changed.append(f"entfernt: {path.name}")
    for name, text in files.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(f"geschrieben: {name}")
    return changed


def site_url_from(publishconf: Path) -> str:
    """The published address from ``publishconf.py`` (its ``SITEURL`` line, the one a town changes)."""
    try:
        tree = ast.parse(publishconf.read_text(encoding="utf-8"))
    except OSError:
        return DEFAULT_SITE_URL
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and any(getattr(t, "id", None) == "SITEURL" for t in statement.targets):
            value = statement.value
            if isinstance(value, ast.Call) and len(value.args) == 2:  # os.environ.get("BOERSEN_SITEURL", "…")
                value = value.args[1]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
    return DEFAULT_SITE_URL
