"""Web forms from the schema: the fields of an offer as form controls, and form values back into data.

The schema is the single source of truth for fields, so the form-to-repo bridge and the
GitHub issue forms draw their labels, help texts, examples, required marks and choices
from here. Form names are dotted paths (``termine.0.datum``); lists of groups (dates,
weekly times) become repeated rows. Values are converted where their meaning is clear
(``12,50`` -> 12.5, ``ja`` -> true); anything else is passed on as typed, so the validator
reports it with its own message, next to the field it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .i18n.languages import SUPPORTED
from .schema import PICTURE_FIELDS, Schema

# Fields the submitter does not fill in: the bridge sets them (the day of the submission).
AUTOMATIC_FIELDS = ("bestaetigt_am",)
# An image is a file, not typed text: issue forms keep an existing one (its alt text and credit can be
# edited) and offer its fields only when there is one; the bridge uploads it with a file field of its own.
FILE_FIELDS = ("bild",)
YES, NO = "ja", "nein"


@dataclass
class Control:
    """One input: a text, a number, a date, a choice, a yes/no, several choices or lines."""

    name: str
    label: str
    help: str
    example: str
    required: bool
    kind: str  # text, textarea, markdown, date, time, email, url, tel, plz, integer, number, boolean, choice, choices, lines
    choices: list[tuple[str, str]] = field(default_factory=list)
    value: Any = None  # the current value as the form shows it: text, or a list for choices
    max_length: int | None = None
    lang: str | None = None  # the language of a translation's text (lang="…" on the control), None for German
    direction: str | None = None  # "rtl" for Arabic (dir="…" on the control)


@dataclass
class Group:
    """Fields that belong together (``ort``), or one row of a repeated group (one date)."""

    name: str
    label: str
    help: str
    required: bool
    children: list[Control | Group | Repeat]
    folded: bool = False  # optional texts in other languages or Leichte Sprache: shown folded until used

    def opened(self, errors: Mapping[str, list[str]]) -> bool:
        """A folded group opens when something in it is filled in or has an error."""
        return any(name == self.name or name.startswith(f"{self.name}.") for name in errors) or self.filled

    @property
    def filled(self) -> bool:
        return any(child.filled if isinstance(child, Group) else bool(getattr(child, "value", None)) for child in self.children)


@dataclass
class Repeat:
    """A list of groups: several dates, weekly times, opening hours."""

    name: str
    label: str
    help: str
    required: bool
    rows: list[Group]


Node = Control | Group | Repeat


def form_fields(
    schema: Schema,
    data: dict[str, Any] | None = None,
    *,
    extra_rows: Mapping[str, int] | None = None,
    prefix: str = "",
    picture_fields: bool = False,
) -> list[Node]:
    """The form of ``schema``, filled with ``data``; ``extra_rows`` adds empty rows to repeated groups.

    ``prefix`` puts a second record in the same form (``neuer_anbieter.name``). Alt text and credit
    are offered where there is an image, or always with ``picture_fields`` (a form that uploads one)."""
    required = set(schema.get("required", ()))
    data = data or {}
    pictures = picture_fields or any(key in data for key in PICTURE_FIELDS)
    return [
        _node(f"{prefix}{name}", (name,), spec, data.get(name), name in required, extra_rows or {})
        for name, spec in schema["properties"].items()
        if name not in AUTOMATIC_FIELDS + FILE_FIELDS and (name not in PICTURE_FIELDS or pictures)
    ]


def _node(name: str, path: tuple, spec: Schema, value: Any, required: bool, extra_rows: Mapping[str, int], lang: str | None = None) -> Node:
    label, help = spec.get("title", name), spec.get("description", "")
    if spec.get("type") == "object":
        inner = set(spec.get("required", ()))
        value = value if isinstance(value, dict) else {}
        lang = spec.get("x-lang", lang)
        children = [
            _node(f"{name}.{key}", path + (key,), child, value.get(key), key in inner, extra_rows, lang)
            for key, child in spec["properties"].items()
        ]
        return Group(name, label, help, required, children, folded=bool(spec.get("x-texts") or spec.get("x-translations")))
    if spec.get("type") == "array" and spec["items"].get("type") == "object":
        items = value if isinstance(value, list) else []
        count = max(len(items) + extra_rows.get(name, 0), spec.get("minItems", 0), 1)
        rows = []
        for index in range(count):
            row = _node(f"{name}.{index}", path + (index,), spec["items"], items[index] if index < len(items) else None, False, extra_rows)
            row.label = f"{spec['items'].get('title', label)} {index + 1}"
            rows.append(row)
        return Repeat(name, label, help, required, rows)
    control = Control(name, label, help, _example(spec), required, _kind(spec), _choices(spec), _shown(spec, value))
    control.max_length = spec.get("maxLength")
    if lang:
        control.lang, control.direction = lang, SUPPORTED[lang].direction
    return control


def _kind(spec: Schema) -> str:
    kind = spec.get("type")
    if kind == "array":
        return "choices" if "enum" in spec["items"] else "lines"
    if kind == "boolean":
        return "boolean"
    if kind in ("integer", "number"):
        return kind
    if "enum" in spec:
        return "choice"
    if spec.get("contentMediaType") == "text/markdown":
        return "markdown"
    formats = {"date": "date", "uhrzeit": "time", "email": "email", "uri": "url", "telefon": "tel", "plz": "plz"}
    if spec.get("format") in formats:
        return formats[spec["format"]]
    return "textarea" if spec.get("maxLength", 0) > 300 else "text"


def _choices(spec: Schema) -> list[tuple[str, str]]:
    source = spec["items"] if spec.get("type") == "array" else spec
    if "enum" not in source:
        return []
    labels = source.get("x-labels", {})
    return [(str(value), labels.get(value, str(value))) for value in source["enum"]]


def _example(spec: Schema) -> str:
    examples = spec.get("examples") or [""]
    example = examples[0]
    if isinstance(example, list):
        return ", ".join(str(item) for item in example)
    if isinstance(example, bool):
        return YES if example else NO
    return "" if isinstance(example, dict) else str(example)


def _shown(spec: Schema, value: Any) -> Any:
    if value is None:
        return [] if spec.get("type") == "array" else ""
    if spec.get("type") == "array":
        return [str(item) for item in value] if "enum" in spec["items"] else "\n".join(str(item) for item in value)
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


# --- Form values back into data ------------------------------------------------------


class FormValues:
    """Submitted values by name; several for checkboxes (``kategorien``)."""

    def __init__(self, items: list[tuple[str, str]]):
        self.values: dict[str, list[str]] = {}
        for name, value in items:
            self.values.setdefault(name, []).append(value)

    def one(self, name: str) -> str:
        return (self.values.get(name) or [""])[-1]

    def all(self, name: str) -> list[str]:
        return self.values.get(name, [])

    def rows(self, name: str) -> list[int]:
        """The row numbers submitted for a repeated group ``name`` (``termine.0.datum`` -> 0)."""
        pattern = re.compile(rf"^{re.escape(name)}\.(\d+)\.")
        return sorted({int(match.group(1)) for key in self.values if (match := pattern.match(key))})


def form_data(schema: Schema, values: FormValues, *, prefix: str = "") -> dict[str, Any]:
    """The data a form submission stands for; empty fields and empty rows are left out."""
    return _object(schema, prefix, values, top=True)


def _object(schema: Schema, prefix: str, values: FormValues, *, top: bool = False) -> dict[str, Any]:
    data = {}
    for key, spec in schema["properties"].items():
        if top and key in AUTOMATIC_FIELDS + FILE_FIELDS:
            continue
        value = _value(spec, f"{prefix}{key}", values)
        if value not in (None, "", [], {}):
            data[key] = value
    return data


def _value(spec: Schema, name: str, values: FormValues) -> Any:
    kind = spec.get("type")
    if kind == "object":
        return _object(spec, f"{name}.", values)
    if kind == "array":
        items = spec["items"]
        if items.get("type") == "object":
            rows = (_object(items, f"{name}.{index}.", values) for index in values.rows(name))
            return [row for row in rows if row]
        if "enum" in items:
            return [value for value in values.all(name) if value]
        return [line.strip() for line in re.split(r"[\r\n]+", values.one(name)) if line.strip()]
    text = values.one(name).strip()
    if not text:
        return None
    if kind == "boolean":
        return {YES: True, NO: False}.get(text.lower(), text)
    if kind == "integer" and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if kind == "number" and re.fullmatch(r"[+-]?\d+([.,]\d+)?", text):
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() else number
    return text


def form_name(field: str) -> str:
    """The form name of a field as messages name it: ``termine[2].datum`` -> ``termine.1.datum``."""
    return re.sub(r"\[(\d+)\]", lambda match: f".{int(match.group(1)) - 1}", field)
