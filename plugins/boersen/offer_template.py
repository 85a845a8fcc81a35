"""A commented YAML template for a new offer, written from the schema (``boersen new``)."""

from __future__ import annotations

import json
from typing import Any

from .schema import Schema


def render_template(schema: Schema, schema_path: str, heading: str | None = None) -> str:
    """Required fields are filled with examples; optional ones are commented out."""
    lines = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# {heading or 'Neues Angebot: ' + schema['title']}",
        "# Zeilen mit # sind Kommentare. Pflichtfelder sind ausgefüllt: bitte die Beispiele ersetzen.",
        "# Für weitere Felder das # am Zeilenanfang entfernen. Datum: JJJJ-MM-TT, Uhrzeit: 9:00.",
        "",
    ]
    _render_object(schema, lines, indent="", commented=False)
    return "\n".join(lines) + "\n"


def _render_object(schema: Schema, lines: list[str], indent: str, commented: bool) -> None:
    required = set(schema.get("required", []))
    for name, field in schema["properties"].items():
        off = commented or name not in required
        lines.append(f"{indent}# {field['title']}: {field['description']}{_allowed(field)}")
        _render_field(name, field, lines, indent, off)
        if not indent:
            lines.append("")


def _render_field(name: str, field: Schema, lines: list[str], indent: str, commented: bool) -> None:
    prefix = "# " if commented else ""
    example = field["examples"][0]
    if field.get("type") == "object" and isinstance(example, dict):
        lines.append(f"{indent}{prefix}{name}:")
        _render_example(example, lines, f"{indent}{prefix}  ")
    elif field.get("type") == "array" and example and isinstance(example[0], dict):
        lines.append(f"{indent}{prefix}{name}:")
        for item in example:
            for position, (key, value) in enumerate(item.items()):
                marker = "- " if position == 0 else "  "
                lines.append(f"{indent}{prefix}  {marker}{key}: {_scalar(value)}")
    elif field.get("type") == "array":
        lines.append(f"{indent}{prefix}{name}:")
        for item in example:
            lines.append(f"{indent}{prefix}  - {_scalar(item)}")
    else:
        lines.append(f"{indent}{prefix}{name}: {_scalar(example)}")


def _render_example(example: dict, lines: list[str], indent: str) -> None:
    """A group's example, nested groups (a translation under its language) indented below their key."""
    for key, value in example.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            _render_example(value, lines, indent + "  ")
        elif isinstance(value, str) and "\n" in value:  # a text of several lines as a | block
            lines.append(f"{indent}{key}: |")
            lines.extend(f"{indent}  {line}" if line else indent.rstrip() for line in value.rstrip("\n").split("\n"))
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")


def _allowed(field: Schema) -> str:
    values = field.get("enum") or field.get("items", {}).get("enum")
    return f" Erlaubt: {', '.join(values)}." if values else ""


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    # Quote only what YAML would misread; dates and times stay readable.
    if text[:1] in "&*!|>'\"%@`#-[]{},?" or ": " in text or " #" in text:
        return json.dumps(text, ensure_ascii=False)
    return text
