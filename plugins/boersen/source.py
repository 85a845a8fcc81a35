"""Reading one data file: bytes -> checked text -> YAML nodes -> plain values with positions.

PyYAML's own constructors follow YAML 1.1 (``8:00`` becomes 480, ``no`` becomes False,
``2027-07-01`` a date). We only use its parser and build values ourselves, following the
YAML 1.2 core schema: a plain scalar is null, a boolean (true/false), an integer, a float
or else text. Dates and times stay text; the schema says what they must look like.
Duplicate keys, anchors/aliases (and with them alias bombs), tabs in indentation, files
that are not UTF-8, empty or oversized files are reported, never raised.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import FILE_LEVEL, Problems

try:  # libyaml's parser is ten times faster; fall back to the pure Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 100_000
MAX_DEPTH = 10  # levels of lists and sub-fields; the deepest real field has 4 (zusatzfelder[1].werte[1])
_TOO_DEEP = (
    f"Die Werte sind zu tief verschachtelt: erlaubt sind höchstens {MAX_DEPTH} Ebenen aus Listen und Unterfeldern. "
    "Steht ein „[“ oder „{“ zu viel da? Ein Text mit Klammern gehört in Anführungszeichen."
)

FieldPath = tuple  # e.g. ("termine", 0, "datum")

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def plain_value(text: str) -> Any:
    """What an unquoted scalar means under the YAML 1.2 core schema: null, a boolean, a number or text."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


@dataclass
class Document:
    """The values of one file and where each of them stands."""

    path: str
    data: dict[str, Any]
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    plain_text: dict[FieldPath, str] = field(default_factory=dict)  # plain scalars read as non-text
    body: str | None = None  # Markdown body of a .md file
    body_line: int = 0

    def position(self, path: FieldPath) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest parent."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_position(self, path: FieldPath) -> tuple[int, int]:
        return self.key_positions.get(path) or self.position(path)


def field_name(path: FieldPath) -> str:
    """``("termine", 0, "datum")`` -> ``termine[1].datum`` (counting from 1, as people do)."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or FILE_LEVEL


# Tags the resolver gives plain YAML; we resolve scalars ourselves, so these are all harmless.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "null", "bool", "int", "float", "timestamp", "value", "merge")}


class _NotSupported(Exception):
    def __init__(self, line: int, column: int, field: str, message: str):
        self.line, self.column, self.field, self.message = line, column, field, message


def read_document(file: Path, display_path: str, problems: Problems) -> Document | None:
    """Read ``file`` into a Document, or report why it cannot be read and return None."""
    try:
        raw = read_limited(file)
    except UnsafeFile as error:
        problems.error(display_path, 1, 1, FILE_LEVEL, str(error))
        return None
    except OSError as error:  # a folder named like a file, missing permissions …
        problems.error(display_path, 1, 1, FILE_LEVEL, f"Die Datei kann nicht gelesen werden ({error.strerror}).")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.error(
            display_path,
            1,
            1,
            FILE_LEVEL,
            f"Die Datei ist zu groß: erlaubt sind höchstens {MAX_FILE_BYTES // 1000} KB.",
        )
        return None
    text = _decode(raw, display_path, problems)
    if text is None:
        return None
    return read_text(text, display_path, problems, front_matter=file.suffix == ".md")


def read_text(text: str, display_path: str, problems: Problems, *, front_matter: bool = False) -> Document | None:
    """Read the text of a data file (a .md file's when ``front_matter``), as read_document does."""
    if not text.strip():
        problems.error(display_path, 1, 1, FILE_LEVEL, "Die Datei ist leer. Erwartet werden Felder wie „titel: …“.")
        return None
    body, body_line, line_offset = None, 0, 0
    if front_matter:
        split = _split_front_matter(text, display_path, problems)
        if split is None:
            return None
        text, body, body_line = split
        line_offset = 1
    if not _check_tabs(text, display_path, line_offset, problems):
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1, 1)
        missing = _missing_colon(text, mark.line if mark else 0, error) if mark else None
        if missing:  # point at the line that lacks the colon, not where the parser noticed
            number, key, rest = missing
            message = f"Nach dem Feldnamen „{key}“ fehlt der Doppelpunkt. Richtig ist: „{key}: {rest}“."
            problems.error(display_path, number + 1 + line_offset, 1, FILE_LEVEL, f"YAML-Syntaxfehler: {message}")
            return None
        problems.error(display_path, line, column, FILE_LEVEL, _explain_syntax_error(error))
        return None
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        problems.error(display_path, 1, 1, FILE_LEVEL, f"Die Datei ist kein gültiges YAML ({error}).")
        return None
    if node is None:
        problems.error(display_path, 1, 1, FILE_LEVEL, "Die Datei enthält keine Felder. Erwartet werden Felder wie „titel: …“.")
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.error(
            display_path,
            node.start_mark.line + 1 + line_offset,
            node.start_mark.column + 1,
            FILE_LEVEL,
            "Die Datei muss aus Feldern der Form „name: wert“ bestehen, gefunden wurde "
            f"{'eine Liste' if isinstance(node, yaml.SequenceNode) else 'ein einzelner Wert'}.",
        )
        return None
    document = Document(display_path, {}, body=body, body_line=body_line)
    builder = _Builder(document, line_offset, text.split("\n"))
    try:
        document.data = builder.build(node, ())
    except _NotSupported as error:
        problems.error(display_path, error.line, error.column, error.field, error.message)
        return None
    for problem in builder.problems:  # duplicate keys: reported, the first value is kept
        problems.error(display_path, *problem)
    for warning in builder.warnings:
        problems.warning(display_path, *warning)
    return document


def _last_key(path: FieldPath) -> str:
    return next((part for part in reversed(path) if isinstance(part, str)), "feld")


_WORD_AND_VALUE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s+([^:#\s].*?)\s*$")


def _missing_colon(text: str, error_line: int, error: yaml.MarkedYAMLError) -> tuple[int, str, str] | None:
    """The line a colon is missing in (``titel Schachcamp``), when the parser stumbled over it.

    The parser reads such a line as the start of a text that goes on into the next line and
    only complains there; the culprit is the nearest line above with a word, a space and a
    value, but no colon."""
    problem = str(error.problem or "")
    if "mapping values are not allowed" not in problem and "could not find expected ':'" not in problem:
        return None
    lines = text.split("\n")
    for number in range(min(error_line, len(lines) - 1), max(-1, error_line - 3), -1):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#") or ":" in line:
            continue
        match = _WORD_AND_VALUE.match(line)
        return (number, match.group(2), match.group(3)) if match else None
    return None


SYMLINK_MESSAGE = (
    "Verknüpfungen (Symlinks) werden aus Sicherheitsgründen nicht gelesen. Bitte die Datei oder den Ordner selbst hierher legen."
)
SPECIAL_FILE_MESSAGE = "Das ist keine gewöhnliche Datei (sondern z. B. ein Gerät oder eine Pipe) und wird nicht gelesen."


class UnsafeFile(Exception):
    """A path that is not a plain file of its own: a symlink, a device, a pipe …"""


def read_limited(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, at most ``limit`` + 1 of them; never through a symlink.

    O_NOFOLLOW refuses a link, O_NONBLOCK keeps a pipe from hanging the open, and fstat on the
    open file checks what was really opened (no race between a check and the read).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeFile(SYMLINK_MESSAGE) from None
        raise
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise UnsafeFile(SPECIAL_FILE_MESSAGE)
        return handle.read(limit + 1)


def _decode(raw: bytes, display_path: str, problems: Problems) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.error(
            display_path,
            line,
            column,
            FILE_LEVEL,
            f"Die Datei ist nicht in UTF-8 gespeichert (Byte 0x{raw[error.start]:02X}). Bitte im Editor mit der Kodierung UTF-8 speichern.",
        )
        return None
    return text.removeprefix("\ufeff")


def _split_front_matter(text: str, display_path: str, problems: Problems) -> tuple[str, str, int] | None:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        problems.error(
            display_path,
            1,
            1,
            FILE_LEVEL,
            "Eine .md-Datei muss mit einer Zeile „---“ beginnen, danach folgen die Felder, dann wieder „---“ und dann die Beschreibung.",
        )
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            front = "".join(lines[1:index])
            body = "".join(lines[index + 1 :]).strip("\n")
            return front, body, index + 2
    problems.error(display_path, 1, 1, FILE_LEVEL, "Die Felder oben in der .md-Datei werden nicht mit einer Zeile „---“ abgeschlossen.")
    return None


def _check_tabs(text: str, display_path: str, line_offset: int, problems: Problems) -> bool:
    ok = True
    for number, line in enumerate(text.splitlines(), start=1 + line_offset):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.error(
                display_path,
                number,
                indent.index("\t") + 1,
                FILE_LEVEL,
                "Tabulatorzeichen zum Einrücken sind in YAML nicht erlaubt. Bitte mit Leerzeichen einrücken.",
            )
            ok = False
    return ok


_SYNTAX_HINTS = [
    (
        "mapping values are not allowed",
        "Unerwarteter Doppelpunkt. Ist die Zeile richtig eingerückt? Enthält ein Wert einen Doppelpunkt, "
        "bitte den Wert in Anführungszeichen setzen.",
    ),
    ("could not find expected ':'", "Ein Doppelpunkt fehlt: erwartet wird „name: wert“."),
    ("did not find expected key", "Die Einrückung stimmt nicht: jedes Feld auf gleicher Ebene muss gleich weit eingerückt sein."),
    ("did not find expected '-' indicator", "Die Einrückung der Liste stimmt nicht: jeder Eintrag beginnt mit „- “ auf gleicher Höhe."),
    ("exceeded maximum nesting depth", _TOO_DEEP),
    ("found unexpected end of stream", "Die Datei endet mitten in einem Wert: fehlt ein schließendes Anführungszeichen?"),
    ("found undefined alias", "Ein Verweis (*name) zeigt auf nichts. Bitte den Wert ausschreiben."),
    ("found character '\\t' that cannot start any token", "Tabulatorzeichen sind in YAML nicht erlaubt. Bitte Leerzeichen verwenden."),
    (
        "found character",
        "Ein Zeichen ist an dieser Stelle nicht erlaubt. Beginnt ein Wert mit @, ` oder %, bitte in Anführungszeichen setzen.",
    ),
    ("expected <block end>, but found '-'", "Ein Listeneintrag („- “) steht an einer unerwarteten Stelle: ist er richtig eingerückt?"),
    ("expected <block end>", "Die Einrückung stimmt nicht: bitte prüfen, ob alle Felder richtig untereinander stehen."),
    ("expected a comment or a line break", "Nach dem Wert folgt noch Text. Bitte den ganzen Wert in Anführungszeichen setzen."),
    (
        "expected alphabetic or numeric character",
        "Nach & oder * muss ein Name folgen. Beginnt der Wert mit & oder *, bitte in Anführungszeichen setzen.",
    ),
]


def _explain_syntax_error(error: yaml.MarkedYAMLError) -> str:
    problem = str(error.problem or "")
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return f"YAML-Syntaxfehler: {hint}"
    return f"YAML-Syntaxfehler: {problem or error}."


class _Builder:
    """Turns YAML nodes into plain values, noting where each value and key stands."""

    def __init__(self, document: Document, line_offset: int, lines: list[str]):
        self.document = document
        self.line_offset = line_offset
        self.lines = lines
        self.seen: set[int] = set()
        self.problems: list[tuple[int, int, str, str]] = []
        self.warnings: list[tuple[int, int, str, str]] = []

    def _mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        # A node met twice is an alias; refusing them also defuses "billion laughs" files.
        if id(node) in self.seen:
            line, column = self._mark(node)
            raise _NotSupported(
                line,
                column,
                field_name(path),
                "Anker und Verweise (&name, *name) werden nicht unterstützt. Bitte jeden Wert ausschreiben.",
            )
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:  # before anything recurses over it: deep values crash checkers
            raise _NotSupported(*self._mark(node), field_name(path[:MAX_DEPTH]), _TOO_DEEP)
        if node.tag not in _PLAIN_TAGS:  # !!python/object and friends, or any !custom tag
            line, column = self._mark(node)
            raise _NotSupported(
                line,
                column,
                field_name(path),
                f"Die Markierung „{node.tag}“ wird nicht unterstützt. Bitte den Wert ohne !-Angabe schreiben.",
            )
        self.document.positions[path] = self._mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = self._mark(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _NotSupported(
                    line, column, field_name(path), "„<<“ (Zusammenführen) wird nicht unterstützt. Bitte die Felder ausschreiben."
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise _NotSupported(line, column, field_name(path), "Ein Feldname muss ein einfaches Wort sein, z. B. „titel“.")
            key = key_node.value
            if key in result:
                first_line = self.document.key_positions[path + (key,)][0]
                self.problems.append(
                    (
                        line,
                        column,
                        field_name(path + (key,)),
                        f"Das Feld steht doppelt in der Datei (zuerst in Zeile {first_line}). Bitte nur einmal angeben.",
                    )
                )
                continue
            self.document.key_positions[path + (key,)] = (line, column)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _warn_about_lost_text(self, node: yaml.ScalarNode, path: FieldPath, text: str) -> None:
        """Plain text silently loses what follows " #" (a comment) and its line breaks (folded)."""
        line, column = self._mark(node)
        end = node.end_mark
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        comment = rest.strip()
        if comment.startswith("#") and comment[1:].strip():
            self.warnings.append(
                (
                    line,
                    column,
                    field_name(path),
                    f"Alles ab „ #“ gilt in YAML als Kommentar und fehlt im Wert, der jetzt nur „{text}“ lautet. "
                    f'Gehört „{comment}“ dazu, bitte den ganzen Wert in Anführungszeichen setzen: "{text} {comment}"',
                )
            )
        if end.line > node.start_mark.line:
            self.warnings.append(
                (
                    line,
                    column,
                    field_name(path),
                    "Der Text geht über mehrere Zeilen, ist aber nicht mit „|“ eingeleitet: die Zeilenumbrüche gehen verloren. "
                    f"Für Zeilen und Absätze bitte so schreiben: „{_last_key(path)}: |“ und darunter eingerückt der Text.",
                )
            )

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        text = node.value
        if node.style in ('"', "'"):  # quoted: always text; spaces around it are never meant
            return text.strip(" ")
        if node.style:  # a block scalar (| or >): always text
            return text
        value = plain_value(text)
        if isinstance(value, str):
            self._warn_about_lost_text(node, path, text)
        if not isinstance(value, str):
            self.document.plain_text[path] = text
        return value
