"""German text processing for the site's lunr search index, identical to what the browser does.

The index is built here with lunr.py and searched in the browser with lunr.js 2.3.9 and
lunr-languages 1.22.0 (``lunr.de``). A serialized index names its pipeline functions and the
browser runs its own functions of those names on every query, so each function below is
registered under the label ``lunr.de`` uses and must give exactly the result of its JavaScript
twin in node_modules/lunr-languages/lunr.de.js. tests/search compares them with the real thing.

Why not lunr.py's own German support: it downloads NLTK stop words at build time and its trimmer
drops p, q, x, y and digits ("Workshop" -> "worksho"). Why not the default English pipeline: its
trimmer is ASCII-only ("über" -> "ber").

Use ``new_builder()`` (or ``configure(builder)``) and ``serialize(index)`` for the index,
``tokenize()`` and ``fold()`` for queries; theme/static/js/search-german.js holds the browser twins
of the last two.
"""

from __future__ import annotations

import functools
import re
import struct
import unicodedata

from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token import Token

# ---------------------------------------------------------------------------------------------
# Trimmer ("trimmer-de")
# ---------------------------------------------------------------------------------------------

# lunr.de.wordCharacters, copied verbatim (the JS string is a regex character class body).
# lunr.stemmer.support.js's generateTrimmer adds "0-9", so "U3" and "2027" keep their digits.
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe"
    "\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad"
    "\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
_ALLOWED = WORD_CHARACTERS + "0-9"
# JS anchors: "^" is the start and "$" the very end (no m flag); Python's "$" would also match
# before a final newline, so "\Z" it is. The JS regexes have no u flag and see UTF-16 code units:
# an astral character is two surrogates, neither allowed, so both sides trim it as a whole.
_TRIM_START = re.compile(f"^[^{_ALLOWED}]+")
_TRIM_END = re.compile(f"[^{_ALLOWED}]+\\Z")


@functools.lru_cache(maxsize=1 << 17)
def trim(word: str) -> str:
    """Strip leading and trailing characters that are not word characters, like lunr.de.trimmer.

    Cached: a site has far fewer distinct tokens than tokens.
    """
    return _TRIM_END.sub("", _TRIM_START.sub("", word))


def trimmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    """Pipeline function "trimmer-de". A token trimmed to "" stays in, as in lunr.js."""
    return token.update(lambda string, metadata: trim(string))


# ---------------------------------------------------------------------------------------------
# Stop word filter ("stopWordFilter-de")
# ---------------------------------------------------------------------------------------------

# The list lunr.de.js passes to lunr.generateStopWordFilter, in its order (a test compares the two).
STOP_WORD_LIST = (
    'aber', 'alle', 'allem', 'allen', 'aller', 'alles', 'als', 'also', 'am', 'an', 'ander', 'andere', 'anderem', 'anderen',
    'anderer', 'anderes', 'anderm', 'andern', 'anderr', 'anders', 'auch', 'auf', 'aus', 'bei', 'bin', 'bis', 'bist', 'da',
    'damit', 'dann', 'das', 'dasselbe', 'dazu', 'daß', 'dein', 'deine', 'deinem', 'deinen', 'deiner', 'deines', 'dem',
    'demselben', 'den', 'denn', 'denselben', 'der', 'derer', 'derselbe', 'derselben', 'des', 'desselben', 'dessen', 'dich',
    'die', 'dies', 'diese', 'dieselbe', 'dieselben', 'diesem', 'diesen', 'dieser', 'dieses', 'dir', 'doch', 'dort', 'du',
    'durch', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'einig', 'einige', 'einigem', 'einigen', 'einiger', 'einiges',
    'einmal', 'er', 'es', 'etwas', 'euch', 'euer', 'eure', 'eurem', 'euren', 'eurer', 'eures', 'für', 'gegen', 'gewesen', 'hab',
    'habe', 'haben', 'hat', 'hatte', 'hatten', 'hier', 'hin', 'hinter', 'ich', 'ihm', 'ihn', 'ihnen', 'ihr', 'ihre', 'ihrem',
    'ihren', 'ihrer', 'ihres', 'im', 'in', 'indem', 'ins', 'ist', 'jede', 'jedem', 'jeden', 'jeder', 'jedes', 'jene', 'jenem',
    'jenen', 'jener', 'jenes', 'jetzt', 'kann', 'kein', 'keine', 'keinem', 'keinen', 'keiner', 'keines', 'können', 'könnte',
    'machen', 'man', 'manche', 'manchem', 'manchen', 'mancher', 'manches', 'mein', 'meine', 'meinem', 'meinen', 'meiner',
    'meines', 'mich', 'mir', 'mit', 'muss', 'musste', 'nach', 'nicht', 'nichts', 'noch', 'nun', 'nur', 'ob', 'oder', 'ohne',
    'sehr', 'sein', 'seine', 'seinem', 'seinen', 'seiner', 'seines', 'selbst', 'sich', 'sie', 'sind', 'so', 'solche', 'solchem',
    'solchen', 'solcher', 'solches', 'soll', 'sollte', 'sondern', 'sonst', 'um', 'und', 'uns', 'unse', 'unsem', 'unsen', 'unser',
    'unses', 'unter', 'viel', 'vom', 'von', 'vor', 'war', 'waren', 'warst', 'was', 'weg', 'weil', 'weiter', 'welche', 'welchem',
    'welchen', 'welcher', 'welches', 'wenn', 'werde', 'werden', 'wie', 'wieder', 'will', 'wir', 'wird', 'wirst', 'wo', 'wollen',
    'wollte', 'während', 'würde', 'würden', 'zu', 'zum', 'zur', 'zwar', 'zwischen', 'über',
)  # fmt: skip
STOP_WORDS = frozenset(STOP_WORD_LIST)  # for `word in STOP_WORDS`


def stop_word_filter(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token | None:
    """Pipeline function "stopWordFilter-de": returning None drops the token (lunr.py and lunr.js alike).

    It runs after the trimmer, on lower-cased tokens, so "Über," is dropped too.
    """
    if str(token) in STOP_WORDS:
        return None
    return token


# ---------------------------------------------------------------------------------------------
# Stemmer ("stemmer-de")
# ---------------------------------------------------------------------------------------------
#
# Why not snowballstemmer.stemmer("german"): lunr.de.js carries a Snowball German stemmer
# generated in 2010 (Snowball JavaScript Library 0.3), i.e. the original algorithm, which
# snowballstemmer 2.2.0 still implements. Snowball 3.0 changed the algorithm, so
# snowballstemmer 3.x stems about 3 % of the words in data/ differently from the browser, and an
# index built with it misses in the browser: it reads "ae"/"oe"/"ue" as umlauts ("muenchen" ->
# "munch", browser "muench"), removes "-erin"/"-erinnen" ("trainerin" -> "train", browser
# "trainerin"), "-et" ("findet" -> "find"), "-ln" -> "l" ("basteln" -> "bastel"), keeps "system"
# and strips apostrophe endings. Those changes cannot be undone by post-processing the stem (the
# original word is gone), so this is a port of lunr.de.js's stemmer, step by step; the browser is
# the reference and the parity test in tests/search compares both on thousands of words.

_VOWELS = frozenset("aeiouyäöü")
_S_ENDING = frozenset("bdfghklmnrt")  # letters before a final "s" that let it go
_ST_ENDING = frozenset("bdfghklmnt")  # letters before a final "st" that let it go
_POSTLUDE = str.maketrans({"U": "u", "Y": "y", "ä": "a", "ö": "o", "ü": "u"})


def _region_start(word: str, start: int) -> int:
    """Snowball's "gopast v gopast non-v" from start: the position after the first non-vowel that
    follows a vowel, or len(word) if there is none (the region is then empty either way)."""
    length = len(word)
    i = start
    while i < length and word[i] not in _VOWELS:
        i += 1
    i += 1
    while i < length and word[i] in _VOWELS:
        i += 1
    return min(i + 1, length)


def _stem(word: str) -> str:
    # prelude: "ß" -> "ss"; then "u" and "y" between vowels become consonants (marked "U", "Y")
    chars = list(word.replace("ß", "ss"))
    for i in range(len(chars) - 2):
        if chars[i] in _VOWELS and chars[i + 1] in "uy" and chars[i + 2] in _VOWELS:
            chars[i + 1] = chars[i + 1].upper()
    word = "".join(chars)

    # mark_regions: R1 starts after the first non-vowel that follows a vowel, but not before
    # position 3; R2 is the same rule applied again inside R1. Words shorter than 3 have neither.
    length = len(word)
    p1 = p2 = length
    if length >= 3:
        first = _region_start(word, 0)
        p1 = max(first, 3)
        p2 = _region_start(word, first)

    # standard_suffix, step 1: -em -ern -er | -e -en -es (then "niss" -> "nis") | -s after s_ending
    suffix = _longest_suffix(word, ("ern", "em", "en", "er", "es", "e", "s"))
    if suffix and len(word) - len(suffix) >= p1:
        start = len(word) - len(suffix)
        if suffix in ("em", "ern", "er"):
            word = word[:start]
        elif suffix in ("e", "en", "es"):
            word = word[:start]
            if word.endswith("niss"):
                word = word[:-1]
        elif start >= 1 and word[start - 1] in _S_ENDING:
            word = word[:start]

    # step 2: -en -er -est | -st after st_ending, leaving at least 4 letters before it
    suffix = _longest_suffix(word, ("est", "en", "er", "st"))
    if suffix and len(word) - len(suffix) >= p1:
        start = len(word) - len(suffix)
        if suffix != "st" or (start >= 4 and word[start - 1] in _ST_ENDING):
            word = word[:start]

    # step 3 (in R2): -end -ung (then -ig unless -eig) | -ig -ik -isch unless after "e" |
    # -lich -heit (then -er/-en in R1) | -keit (then -lich/-ig in R2)
    suffix = _longest_suffix(word, ("lich", "isch", "heit", "keit", "end", "ung", "ig", "ik"))
    if suffix and len(word) - len(suffix) >= p2:
        start = len(word) - len(suffix)
        if suffix in ("end", "ung"):
            word = word[:start]
            if word.endswith("ig") and not word.endswith("eig") and len(word) - 2 >= p2:
                word = word[:-2]
        elif suffix in ("ig", "ik", "isch"):
            if not word[:start].endswith("e"):
                word = word[:start]
        elif suffix in ("lich", "heit"):
            word = word[:start]
            if word.endswith(("er", "en")) and len(word) - 2 >= p1:
                word = word[:-2]
        else:  # keit
            word = word[:start]
            inner = _longest_suffix(word, ("lich", "ig"))
            if inner and len(word) - len(inner) >= p2:
                word = word[: len(word) - len(inner)]

    # postlude: undo the markers and drop the umlauts
    return word.translate(_POSTLUDE)


def _longest_suffix(word: str, suffixes: tuple[str, ...]) -> str:
    """Snowball's "among" on a word's end: the longest of the suffixes (given longest first)."""
    for suffix in suffixes:
        if word.endswith(suffix):
            return suffix
    return ""


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """The stem lunr.de.stemmer gives for word (expects lower case, as pipelines pass it).

    lunr.js counts UTF-16 code units, so a word with a character beyond U+FFFF (an emoji inside a
    token) is stemmed as surrogates, or the "at least 3 letters" rules would count differently.
    Cached: indexing calls this for every token of every field.
    """
    if word.isascii() or max(word) <= "\uffff":
        return _stem(word)
    units = word.encode("utf-16-le")
    surrogates = "".join(map(chr, struct.unpack(f"<{len(units) // 2}H", units)))
    return _stem(surrogates).encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    """Pipeline function "stemmer-de"."""
    return token.update(lambda string, metadata: stem(string))


# lunr.js looks these labels up when it loads a serialized index; they are lunr.de's own.
Pipeline.register_function(trimmer, "trimmer-de")
Pipeline.register_function(stop_word_filter, "stopWordFilter-de")
Pipeline.register_function(stemmer, "stemmer-de")


def configure(builder: Builder) -> Builder:
    """Give a lunr.py Builder the pipelines that ``lunr.de`` sets up in the browser.

    Indexing: trimmer, stop words, stemmer. Searching: trimmer and stemmer (no stop word filter,
    as in lunr.de: a query for a stop word finds nothing rather than everything). The search
    pipeline is the one serialized with the index, so lunr.js runs the same two on query terms.
    """
    builder.pipeline.reset()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.reset()
    builder.search_pipeline.add(trimmer, stemmer)
    return builder


def new_builder() -> Builder:
    """A fresh lunr.py Builder configured for German (see configure)."""
    return configure(Builder())


def serialize(index: Index) -> dict:
    """``index.serialize()`` with the terms in the order lunr.js's ``Index.load`` requires.

    lunr.py sorts terms by code point, lunr.js checks them in UTF-16 code unit order. The two
    differ once a term holds a character beyond U+FFFF where another has one in U+E000-U+FFFF
    ("x😀y", "xﬀy"), and lunr.js then rejects the whole index ("Out of order word insertion").
    (lunr.py's own Index.load wants code point order; the site never loads indexes in Python.)
    """
    serialized = index.serialize()
    serialized["invertedIndex"] = sorted_terms(serialized["invertedIndex"])
    return serialized


def sorted_terms(inverted_index: list[list]) -> list[list]:
    """[term, posting] entries in UTF-16 code unit order, the order lunr.js's Index.load checks."""
    return sorted(inverted_index, key=lambda entry: entry[0].encode("utf-16-be", "surrogatepass"))


# ---------------------------------------------------------------------------------------------
# Query helpers, twins of theme/static/js/search-german.js
# ---------------------------------------------------------------------------------------------

# Python's \w is exactly Unicode letters (L*) and numbers (N*) plus "_" (checked for Unicode 14),
# so this splits where JS /[^\p{L}\p{N}]+/u splits.
_SEPARATORS = re.compile(r"[\W_]+")
# Latin letters that carry their "diacritic" in the letter itself, so NFD does not take it off.
# Combining diacritical marks (and their extended and supplement blocks, marks for symbols, half marks).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t"})


def tokenize(text: str) -> list[str]:
    """Split text into lower-case words of letters and digits, as BoersenGerman.tokenize does.

    NFC first, so a decomposed "ü" (u + combining diaeresis, e.g. pasted from macOS) stays one
    letter instead of splitting the word. Lower-casing after splitting keeps "İ" -> "i̇" whole.
    """
    return [word.lower() for word in _SEPARATORS.split(unicodedata.normalize("NFC", text)) if word]


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower-case and fold every diacritic, as BoersenGerman.fold does: "Café" -> "cafe",
    "Fußball" -> "fussball", "Łódź" -> "lodz".

    The index holds folded words (stems of folded words), and every query term is folded the
    same way, so "Cafe" finds "Café" and "Muenchen"/"Munchen" find "München".
    NFD takes combining diacritical marks off their letters (the blocks of marks Latin
    letters carry, not the marks of other scripts, whose categories change between Unicode
    versions); letters with a built-in stroke or ligature (ø, ł, æ) are mapped by hand.
    Cached: indexing folds the same words thousands of times.
    """
    if text.isascii():
        return text.lower()
    lowered = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", lowered)))
