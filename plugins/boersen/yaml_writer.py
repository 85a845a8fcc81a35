"""Writing data as a YAML file that looks hand-written and reads back to exactly the same data.

Used wherever the project writes data files for people to edit later (the form-to-repo
bridge, GitHub issue forms, imports). Keys follow the schema's order; text stays plain
where the reader (``source.py``, YAML 1.2) reads it back as the same text, and is quoted
otherwise (``"96201"``, ``"ja: bitte"``, ``"# 2"``); several lines become a ``|`` block.
Invisible characters (bidi overrides, zero-width spaces) are written as escapes in double
quotes, so they stay visible in the file and in a pull request. No aliases, no tags.
"""

from __future__ import annotations

import math
from typing import Any

from .schema import Schema
from .source import plain_value

INDENT = "  "
FLOW_WIDTH = 100  # a list of short words stays on one line: kategorien: [sport, natur]
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = set(",[]{}")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def dump(data: dict[str, Any], schema: Schema) -> str:
    """``data`` as the text of a data file, keys in the order of ``schema``."""
    return "".join(line + "\n" for line in _mapping(data, schema, 0))


def normalise(value: Any) -> Any:
    """The value a written file reads back as: empty values dropped, spaces around texts dropped,
    texts of several lines ending in one line break, Windows line breaks as plain ones."""
    if isinstance(value, dict):
        items = {key: normalise(item) for key, item in value.items()}
        return {key: item for key, item in items.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in (normalise(item) for item in value) if item not in (None, "", [], {})]
    if isinstance(value, str):  # spaces around a text are never meant (the reader drops them too)
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip(" ").rstrip("\n").rstrip(" ")
        return text + "\n" if "\n" in text else text
    return value


def _ordered(data: dict[str, Any], schema: Schema) -> list[tuple[str, Any]]:
    order = list(schema.get("properties", {}))
    known = [(key, data[key]) for key in order if key in data]
    return known + sorted((key, value) for key, value in data.items() if key not in order)


def _mapping(data: dict[str, Any], schema: Schema, level: int) -> list[str]:
    lines, indent = [], INDENT * level
    properties = schema.get("properties", {})
    for key, value in _ordered(normalise(data), schema):
        field = properties.get(key, {})
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(_mapping(value, field, level + 1))
        elif isinstance(value, list):
            lines.extend(_sequence(key, value, field.get("items", {}), level))
        elif isinstance(value, str) and "\n" in value and _block_ok(value):
            lines.append(f"{indent}{key}: |{'2' if value.startswith(' ') else ''}")
            lines.extend(f"{indent}{INDENT}{line}" if line else "" for line in value.rstrip("\n").split("\n"))
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return lines


def _sequence(key: str, items: list, item_schema: Schema, level: int) -> list[str]:
    indent = INDENT * level
    if not any(isinstance(item, dict | list) for item in items):
        flow = f"{indent}{key}: [{', '.join(scalar(item, flow=True) for item in items)}]"
        if len(flow) <= FLOW_WIDTH and all(not isinstance(item, str) or "\n" not in item for item in items):
            return [flow]
    lines = [f"{indent}{key}:"]
    for item in items:
        if isinstance(item, dict):
            inner = _mapping(item, item_schema, level + 2)
            first = inner[0].removeprefix(INDENT * (level + 2))
            lines.append(f"{indent}{INDENT}- {first}")
            lines.extend(inner[1:])  # already indented past "- "
        else:
            lines.append(f"{indent}{INDENT}- {scalar(item)}")
    return lines


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value as YAML: plain where that reads back the same, else double-quoted."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be written")
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    return text if _plain_ok(text, flow=flow) else _quoted(text)


def _plain_ok(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or not text.isprintable():
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(char in _FLOW_SPECIAL for char in text):
        return False
    return plain_value(text) == text and isinstance(plain_value(text), str)


def _block_ok(text: str) -> bool:
    """A ``|`` block keeps the text exactly: every character printable but line breaks and tabs,
    and no tab among a line's leading blanks (the reader refuses tabs that look like indentation)."""
    lines = text.split("\n")
    return all(line.replace("\t", " ").isprintable() and "\t" not in line[: len(line) - len(line.lstrip(" \t"))] for line in lines)


def _quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == " " or char.isprintable():
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'
