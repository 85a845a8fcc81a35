"""The languages a Börsen site can be published in, and the town's choice among them.

German is the source language: every UI string is written in German (the gettext msgid) and
every offer is written in German first. A town lists the languages it offers in
``BOERSEN_LANGUAGES``; German always comes first, and the default is German only.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = "de"


@dataclass(frozen=True)
class Language:
    code: str  # the URL prefix and the value of lang="…"
    name: str  # the language's own name, as the switcher shows it
    direction: str  # "ltr" or "rtl", the value of dir="…"
    locale: str  # the Babel locale for dates, numbers and prices


SUPPORTED: dict[str, Language] = {
    "de": Language("de", "Deutsch", "ltr", "de_DE"),
    "en": Language("en", "English", "ltr", "en_GB"),
    "tr": Language("tr", "Türkçe", "ltr", "tr_TR"),
    "ar": Language("ar", "العربية", "rtl", "ar"),
    "uk": Language("uk", "Українська", "ltr", "uk_UA"),
}
# Languages an offer may carry translations for (German is the offer itself).
TRANSLATION_CODES = tuple(code for code in SUPPORTED if code != SOURCE)
DEFAULT = (SOURCE,)


class LanguageSettingError(ValueError):
    """BOERSEN_LANGUAGES names a language the site does not support; the message is German."""


def configured(value: object) -> tuple[str, ...]:
    """The language codes a town offers, German first, from the setting ``BOERSEN_LANGUAGES``.

    Unset (None) means German only. German is added in front when a town forgot it.
    """
    if value is None:
        return DEFAULT
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise LanguageSettingError(f"BOERSEN_LANGUAGES: erwartet wird eine Liste von Sprachkürzeln wie {list(SUPPORTED)}, nicht {value!r}.")
    codes: list[str] = [SOURCE]
    for code in value:
        if code not in SUPPORTED:
            raise LanguageSettingError(f"BOERSEN_LANGUAGES: „{code}“ ist keine unterstützte Sprache. Möglich sind: {', '.join(SUPPORTED)}.")
        if code not in codes:
            codes.append(code)
    return tuple(codes)
