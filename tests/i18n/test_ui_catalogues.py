"""The UI catalogues: extracted from the current sources, complete in every language, placeholders kept."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from boersen.i18n.catalogues import DOMAINS, ROOT, po_path
from boersen.i18n.languages import SUPPORTED, TRANSLATION_CODES

REPO = ROOT.parent
PYBABEL = Path(sys.executable).parent / "pybabel"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
CONFIG = {"messages": ("babel.cfg",), "js": ("babel-js.cfg", "-k", "n_:1,2")}


def read(path: Path, locale: str | None = None):
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def message_ids(catalog) -> set:
    return {message.id for message in catalog if message.id}


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_template_holds_every_string_of_the_sources(domain, tmp_path):
    """Fails when a template, script or label changed without `make i18n`."""
    config, *keywords = CONFIG[domain]
    fresh = tmp_path / f"{domain}.pot"
    ignore = ".* _* node_modules output bench bridge tests data import content schema"
    command = [str(PYBABEL), "-q", "extract", "--ignore-dirs", ignore, "-F", config, *keywords, "-o", str(fresh), "."]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    committed = message_ids(read(ROOT / f"{domain}.pot"))
    extracted = message_ids(read(fresh))
    assert sorted(map(str, extracted - committed)) == [], "new strings: run `make i18n`"
    assert sorted(map(str, committed - extracted)) == [], "strings no longer used: run `make i18n`"


@pytest.mark.parametrize("code", TRANSLATION_CODES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_is_translated(code, domain):
    path = po_path(code, domain)
    assert path.is_file(), f"{path.relative_to(REPO)} fehlt: `make i18n` legt sie an, dann übersetzen"
    catalog = read(path, SUPPORTED[code].locale)
    template = message_ids(read(ROOT / f"{domain}.pot"))
    assert sorted(map(str, template - message_ids(catalog))) == [], "run `make i18n`"
    untranslated = [message.id for message in catalog if message.id and not all(_forms(message))]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("code", TRANSLATION_CODES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_the_placeholders(code, domain):
    catalog = read(po_path(code, domain), SUPPORTED[code].locale)
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set().union(*(PLACEHOLDER.findall(text) for text in ids))
        for form in _forms(message):
            found = set(PLACEHOLDER.findall(form))
            # A plural form may say its number in words ("one" in Arabic): only %(num)s may be left out.
            if form and (found - expected or expected - found - {"num"}):
                wrong.append((message.id, form))
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATION_CODES)
def test_plural_forms_match_the_language(code):
    """gettext's plural header: 2 forms for en and tr, 6 for Arabic, 3 for Ukrainian."""
    expected = {"en": 2, "tr": 2, "ar": 6, "uk": 3}[code]
    for domain in DOMAINS:
        catalog = read(po_path(code, domain), SUPPORTED[code].locale)
        assert catalog.num_plurals == expected
        for message in catalog:
            if isinstance(message.id, tuple):
                assert len(message.string) == expected, message.id


def _forms(message) -> tuple:
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.mark.parametrize("code", TRANSLATION_CODES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_translation_says_whether_a_person_checked_it(code, domain):
    """README: machine-made entries carry "# maschinell übersetzt", checked ones "# geprüft"."""
    catalog = read(po_path(code, domain), SUPPORTED[code].locale)
    unmarked = [
        message.id
        for message in catalog
        if message.id and not any(note in comment for comment in message.user_comments for note in ("maschinell übersetzt", "geprüft"))
    ]
    assert unmarked == []
