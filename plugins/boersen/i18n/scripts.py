"""The texts of the page scripts (search UI, Merkliste) for one language, as a small JSON file.

The scripts are written with German texts (``T._("…")`` in theme/static/js/texte.js), extracted
into the domain ``js``. A page in another language names its file in ``<html data-texte>``; the
scripts load it before they write anything (no inline script: the CSP forbids them). Plural forms
are keyed by the CLDR category the browser's ``Intl.PluralRules`` returns, so no rule has to be
evaluated as code. Schema labels the scripts show (facet names and values) come along.
"""

from __future__ import annotations

import json
from gettext import c2py
from pathlib import Path

from babel import Locale

from . import catalogues
from .labels import schema_labels
from .languages import SUPPORTED

# Counts enough to meet every plural category of the supported languages (Arabic: 0, 1, 2, 3–10, 11–99, 100…).
_SAMPLE_COUNTS = (0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102)


def script_texts(code: str) -> dict:
    locale = Locale.parse(SUPPORTED[code].locale)
    translations = catalogues.translations(code)
    messages: dict[str, str] = {}
    plurals: dict[str, dict[str, str]] = {}
    parsed = catalogues.catalogue(code, "js")
    plural_index = c2py(parsed.plural_expr) if parsed else None
    for message in parsed or ():
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            forms = {}
            for count in _SAMPLE_COUNTS:
                index = plural_index(count)
                text = message.string[index] if index < len(message.string) else ""
                if text:
                    forms.setdefault(locale.plural_form(count), text)
            if forms:
                plurals[message.id[0]] = forms
        elif message.string:
            messages[message.id] = message.string
    for label in schema_labels():
        translated = translations.gettext(label)
        if translated != label:
            messages[label] = translated
    return {"sprache": code, "texte": messages, "mehrzahl": plurals}


def write_script_texts(path: Path, code: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(script_texts(code), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
