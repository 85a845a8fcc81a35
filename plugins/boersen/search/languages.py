"""How each language's search index turns words into terms, identical to what the browser does.

German (german.py) is the source language: its index holds every offer's German text with
compound parts and synonyms. Each other language L the town offers gets an index of its own
over the translated fields (German where a field is untranslated), built with L's stemmer:

| code | trimmer, stop words, stemmer in the browser      | here                                    |
|------|--------------------------------------------------|-----------------------------------------|
| en   | lunr.js's own (lunr.trimmer, lunr.stemmer Porter) | lunr.py's Porter with lunr.js's rule for "y" |
| tr   | lunr-languages lunr.tr (Snowball Turkish)         | snowballstemmer 2.2.0 (same stems)      |
| ar   | lunr-languages lunr.ar (its own light stemmer)    | arabic.py, a port                       |
| uk   | none: lunr-languages has no Ukrainian             | none: lower case and folding only       |

A term is ``fold(stem(trim(normal(word))))``: English and Ukrainian are folded before stemming
("café" is "cafe"), Turkish and Arabic after, because their stemmers need the letters as written
("yüzme" -> "yüz" -> "yuz"). Word lists for typos hold words in ``normal`` form, so a typo's
correction stems like the word of the data. theme/static/js/boersen-search.js (LANGUAGES) is the
twin of this table; tests/search/test_language_parity.py compares both with lunr.js.
"""

# The stop words are split from the string lunr.tr.js has, so the two can be compared.
# ruff: noqa: SIM905

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import snowballstemmer
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS

from . import arabic, german


class _LunrJsPorter(PorterStemmer):
    """lunr.py's Porter stemmer as lunr.js's: "y" becomes "i" only after a consonant that is not
    the word's first letter (lunr.js /^(.+?[^aeiou])y$/), so "play" stays "play" (lunr.py: "plai")."""

    def step1c(self) -> None:
        if self.ends("y") and self.k >= 2 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_porter = _LunrJsPorter()
_turkish = snowballstemmer.stemmer("turkish")
# lunr.js's default trimmer: /^\W+/ and /\W+$/ without the u flag, i.e. ASCII word characters.
_ASCII_TRIM_START, _ASCII_TRIM_END = re.compile(r"^[^A-Za-z0-9_]+"), re.compile(r"[^A-Za-z0-9_]+\Z")
# lunr.tr.wordCharacters equals lunr.de's (Latin letters); generateTrimmer adds the digits.
_LATIN_TRIM_START, _LATIN_TRIM_END = german._TRIM_START, german._TRIM_END
# lunr.tr's stop words, copied verbatim from lunr.tr.js (a test compares them with the browser's).
TURKISH_STOP_WORDS = frozenset(
    "acaba altmış altı ama ancak arada aslında ayrıca bana bazı belki ben benden beni benim beri beş bile bin bir biri "
    "birkaç birkez birçok birşey birşeyi biz bizden bize bizi bizim bu buna bunda bundan bunlar bunları bunların bunu "
    "bunun burada böyle böylece da daha dahi de defa değil diye diğer doksan dokuz dolayı dolayısıyla dört edecek eden "
    "ederek edilecek ediliyor edilmesi ediyor elli en etmesi etti ettiği ettiğini eğer gibi göre halen hangi hatta hem "
    "henüz hep hepsi her herhangi herkesin hiç hiçbir iki ile ilgili ise itibaren itibariyle için işte kadar karşın "
    "katrilyon kendi kendilerine kendini kendisi kendisine kendisini kez ki kim kimden kime kimi kimse kırk milyar "
    "milyon mu mü mı nasıl ne neden nedenle nerde nerede nereye niye niçin o olan olarak oldu olduklarını olduğu "
    "olduğunu olmadı olmadığı olmak olması olmayan olmaz olsa olsun olup olur olursa oluyor on ona ondan onlar "
    "onlardan onları onların onu onun otuz oysa pek rağmen sadece sanki sekiz seksen sen senden seni senin siz sizden "
    "sizi sizin tarafından trilyon tüm var vardı ve veya ya yani yapacak yapmak yaptı yaptıkları yaptığı yaptığını "
    "yapılan yapılması yapıyor yedi yerine yetmiş yine yirmi yoksa yüz zaten çok çünkü öyle üzere üç şey şeyden şeyi "
    "şeyler şu şuna şunda şundan şunları şunu şöyle".split()
)


def _unchanged(word: str) -> str:
    return word


@dataclass(frozen=True, eq=False)  # hashed by identity: terms are cached per language
class SearchLanguage:
    """The analysis of one non-German index: ``normal`` before trimming, then trimmer and stop
    words (on the trimmed word), stemmer, and folding."""

    code: str
    normal: Callable[[str], str]
    trim: Callable[[str], str]
    stem: Callable[[str], str]
    stop_words: frozenset[str] = field(default=frozenset())
    compounds: bool = False  # compound parts and the German spelling rules (umlauts, -um, -ung)

    def is_stop_word(self, word: str) -> bool:
        # A word that trims to nothing (a Latin word for the Arabic trimmer) is no stop word: the
        # query keeps it, finds nothing in this index and leaves it to the German one. (lunr.ar's
        # list holds "", so without this such a query would be empty and show every offer.)
        trimmed = self.trim(self.normal(word))
        return trimmed != "" and trimmed in self.stop_words

    def term_of(self, word: str) -> str:
        """The index term of a lower-case word (without the stop word check)."""
        return _term(self, word)

    def index_term(self, word: str) -> str | None:
        """The term the index holds for a word, None for a stop word or a word that trims to nothing."""
        if self.is_stop_word(word):
            return None
        return self.term_of(word) or None

    def surface(self, word: str) -> str:
        """A word as the typo lists keep it and typos are measured against."""
        return self.normal(word)


@functools.lru_cache(maxsize=1 << 17)
def _term(language: SearchLanguage, word: str) -> str:
    trimmed = language.trim(language.normal(word))
    return german.fold(language.stem(trimmed)) if trimmed else ""


class _German(SearchLanguage):
    """German as index.py and query.py have always done it (german.py)."""

    def is_stop_word(self, word: str) -> bool:
        return german.trim(word) in german.STOP_WORDS

    def term_of(self, word: str) -> str:
        return german.stem(german.trim(german.fold(word)))


def _ascii_trim(word: str) -> str:
    return _ASCII_TRIM_END.sub("", _ASCII_TRIM_START.sub("", word))


def _latin_trim(word: str) -> str:
    return _LATIN_TRIM_END.sub("", _LATIN_TRIM_START.sub("", word))


GERMAN = _German("de", german.fold, german.trim, german.stem, german.STOP_WORDS, compounds=True)
LANGUAGES: dict[str, SearchLanguage] = {
    "de": GERMAN,
    "en": SearchLanguage("en", german.fold, _ascii_trim, _porter.stem, frozenset(ENGLISH_STOP_WORDS)),
    "tr": SearchLanguage("tr", _unchanged, _latin_trim, _turkish.stemWord, TURKISH_STOP_WORDS),
    "ar": SearchLanguage("ar", _unchanged, arabic.trim, arabic.stem, arabic.STOP_WORDS),
    "uk": SearchLanguage("uk", german.fold, _unchanged, _unchanged),
}


def search_language(code: str) -> SearchLanguage:
    return LANGUAGES[code]
