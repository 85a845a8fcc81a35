"""The UI catalogues: German msgids, translations from translations/<lang>/LC_MESSAGES/*.po.

The build reads the .po files and compiles them in memory (babel), so a fresh clone builds
without a compile step and no binary file has to be kept in sync. ``make i18n`` extracts,
updates and compiles them (the .mo files are for other gettext tools only, not committed).

One language is *active* at a time: the generator renders all pages of one language, then the
next. Python labels (formatting.py) and the Jinja templates read the active language through
``gettext``/``ngettext`` below, so the same code serves every language.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .languages import SOURCE, SUPPORTED, Language

ROOT = Path(__file__).resolve().parents[3] / "translations"
DOMAINS = ("messages", "js")


def po_path(code: str, domain: str = "messages") -> Path:
    return ROOT / code / "LC_MESSAGES" / f"{domain}.po"


@functools.cache
def catalogue(code: str, domain: str = "messages"):
    """The babel Catalog of a language and domain, or None where there is none (German)."""
    path = po_path(code, domain)
    if code == SOURCE or not path.is_file():
        return None
    with path.open("rb") as file:
        return read_po(file, locale=SUPPORTED[code].locale)


@functools.cache
def translations(code: str) -> _gettext.NullTranslations:
    """gettext translations of the UI; German (the source) and missing catalogues translate to themselves."""
    parsed = catalogue(code)
    if parsed is None:
        return _gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, parsed, use_fuzzy=False)  # fuzzy entries are unchecked: German until reviewed
    buffer.seek(0)
    return Translations(buffer)


_active: list[Language] = [SUPPORTED[SOURCE]]


def activate(code: str) -> None:
    """Make ``code`` the language of every label from now on (the generator, per language)."""
    _active[0] = SUPPORTED[code]


def active() -> Language:
    return _active[0]


def gettext(message: str) -> str:
    return translations(_active[0].code).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(_active[0].code).ngettext(singular, plural, count)
