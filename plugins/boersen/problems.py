"""Problems found in data files: the one shape every message has.

A problem prints as ``path:line:column: field: message``, the format editors and CI
annotations understand. Warnings carry the word "Warnung" before the message.

Messages quote what volunteers wrote, and a value can hide a line break, a terminal escape
code or a bidi override: one that forges a CI annotation or rewrites the terminal. Every
problem therefore shows such characters visibly (``\n``, ``\x1b``, ``\u202e``).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePosixPath


class Severity(Enum):
    ERROR = "Fehler"
    WARNING = "Warnung"


FILE_LEVEL = "(Datei)"  # the "field" of problems that concern the whole file
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Zs"}  # control and format characters, separators, spaces other than " "


def visible(text: str) -> str:
    """``text`` with every control or invisible formatting character written as an escape."""
    if text.isprintable():  # the usual case, checked in C
        return text
    return "".join(_escape(char) if char != " " and unicodedata.category(char) in _INVISIBLE else char for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, visible(getattr(self, name)))

    def __str__(self) -> str:
        prefix = "Warnung: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}"


@dataclass
class Problems:
    """Collects problems of one or many files, in the order found."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, column: int, field: str, message: str) -> None:
        self.items.append(Problem(path, line, column, field, message))

    def warning(self, path: str, line: int, column: int, field: str, message: str) -> None:
        self.items.append(Problem(path, line, column, field, message, Severity.WARNING))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.path, p.line, p.column, p.field, p.message))

    def __bool__(self) -> bool:
        return bool(self.items)


RECOMMENDED = "Empfohlenes Feld"
SUMMARY_FROM = 10  # as many warnings about one recommended field in one folder are summed up in one line


def readable_lines(problems: Problems, *, verbose: bool = False) -> list[str]:
    """The problems as lines for people: every error in full; warnings about a recommended field
    that many files lack are summed up per field and folder (all of them with ``verbose``)."""
    items = problems.sorted()
    if verbose:
        return [str(problem) for problem in items]
    groups: dict[tuple[str, str, str], list[Problem]] = defaultdict(list)
    for problem in items:
        if problem.severity is Severity.WARNING and problem.message.startswith(RECOMMENDED):
            head = problem.message.split(". ", 1)[0] + "."
            groups[(str(PurePosixPath(problem.path).parent), problem.field, head)].append(problem)
    summed = {id(problem): key for key, group in groups.items() if len(group) >= SUMMARY_FROM for problem in group}
    lines = [str(problem) for problem in items if id(problem) not in summed]
    for (folder, field_name, head), group in sorted(groups.items()):
        if len(group) >= SUMMARY_FROM:
            lines.append(f"{folder}/: {field_name}: Warnung: {head} ({len(group)} Dateien; einzeln mit --verbose)")
    return lines
