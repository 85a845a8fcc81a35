"""The German pipeline in Python against the browser's: the real lunr.de.js (node_modules/, source and minified) decides.

An index built with different stems, trimming or stop words than the browser applies to queries
silently misses words, so every function is compared on many inputs and every mismatch is listed.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token
from lunr.tokenizer import Tokenizer

from boersen.search import german

from search_oracle import NODE_PACKAGES, ROOT, ask, data_words, mismatch_report

# Words that matter for the site or that exercise the stemmer's rules.
TRICKY_WORDS = [
    "Fußball", "Fussball", "fussball", "Übernachtung", "Kindern", "Kinder", "Kind", "Schwimmkurs", "Schwimmkurse",
    "Kindertagesstätte", "Tagesstätte", "Kindergarten", "Kita", "Kitas", "Häuser", "Häusern", "Bäume", "Baum",
    "Workshop", "Workshops", "U3", "U13", "Hip-Hop", "HipHop", "Spaß", "Straße", "Straßen", "Muenchen", "München",
    "groß", "größer", "größte", "Mädchen", "Maedchen", "Jungen", "Ostern", "Pfingsten", "Weihnachten", "Ferien",
    "Trainerin", "Trainerinnen", "findet", "basteln", "Sonnensystem", "aktuell", "Kenntnisse", "Ergebnis", "Ergebnisse",
    "Freundlichkeit", "Möglichkeiten", "Heiterkeit", "lustig", "lustigkeit", "Ordnung", "Bedeutung", "Zeitung",
    "schönste", "beste", "ersten", "Gruß", "Grüße", "Schloss", "Schlösser", "Bayern", "Mayer", "treue", "bauen",
    "Frau", "Frauen", "Uhr", "Kurs", "Spielen", "spielerisch", "natürlich", "herzlich", "Fähigkeit", "Übungen",
    "ß", "ßß", "a", "ab", "abc", "", "Y", "yy", "ayu", "ueu", "quelle", "Qualität",
]  # fmt: skip
# lunr.js counts UTF-16 code units: an emoji inside a word counts twice for the stemmer's regions.
ASTRAL_WORDS = ["a😀e", "i😀er", "u😀em", "ä😀e", "😀kinder", "kind😀ern", "x😀ungen", "hip😀hop", "𝐀bc", "ab𝐀en"]


def _fuzz_words(count: int = 20000) -> set[str]:
    """Random strings over the letters the stemmer's rules look at (seeded: the same every run)."""
    rng = random.Random(2027)
    letters = "aeiouyäöüßbdfghklmnrstcUY"
    return {"".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(count)}


def test_node_packages_are_the_pinned_ones():
    versions = ask({"op": "versions"})
    assert {name: versions[name] for name in NODE_PACKAGES} == NODE_PACKAGES
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    assert package["dependencies"] == NODE_PACKAGES
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert {name: lock["packages"][f"node_modules/{name}"]["version"] for name in NODE_PACKAGES} == NODE_PACKAGES


def test_data_has_enough_words_for_the_stem_comparison():
    words = data_words()
    assert len(words) >= 2000, f"only {len(words)} distinct words under data/"
    assert {"fußball", "mädchen", "kinder"} <= set(words)


def test_stems_match_lunr_de():
    words = sorted(set(data_words()) | set(TRICKY_WORDS) | {w.lower() for w in TRICKY_WORDS} | set(ASTRAL_WORDS) | _fuzz_words())
    browser = ask({"op": "stem", "words": words})
    assert len(browser) == len(words)
    rows = [(word, expected, german.stem(word)) for word, expected in zip(words, browser, strict=True) if german.stem(word) != expected]
    assert not rows, mismatch_report(f"stems of {len(words)} words", rows, ("word", "lunr.de.js", "german.py"))


def test_stemmer_pipeline_function_matches_lunr_de():
    words = [w.lower() for w in TRICKY_WORDS]
    browser = ask({"op": "stem", "words": words})
    python = [str(german.stemmer(Token(word), 0, [])) for word in words]
    rows = [(w, b, p) for w, b, p in zip(words, browser, python, strict=True) if b != p]
    assert not rows, mismatch_report("stemmer-de on tokens", rows, ("word", "lunr.de.js", "german.py"))


TRIM_TOKENS = [
    "„kinder“", "‚kita‘", '"spaß"', "'s", "(u3)", "[u13]", "hip-hop", "workshop!", "über…", "…", "...", "—", "–", "-",
    "2027.", "9:00", "e.v.", "z.b.", "«bäume»", "»ostern«", "¿qué?", "straße,", "mädchen?!", "😀", "😀kinder😀",
    "kinder😀", "👍🏽", "❤️", "x", "", " ", "\u00a0spaß\u00a0", "ﬁlm", "①", "²", "½", "№1", "#1", "@tsv", "info@tsv",
    "auenstadt.example", "€25", "25€", "25,50", "§3", "_x_", "ω", "москва", "日本", "𝐀bc", "ǅ", "Ⅻ", "ℂ", "ß", "ẞ",
    "\ufeffkinder", "kinder\u200b", "\u0301e", "e\u0301",
]  # fmt: skip


def test_trimmer_matches_lunr_de():
    # Each listed token, and every other character around a word character, on both ends.
    bmp = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF]
    astral = [chr(cp) for cp in range(0x10000, 0x110000, 257)]
    tokens = TRIM_TOKENS + [f"{c}a{c}" for c in bmp + astral] + [f"{c}{c}" for c in bmp]
    browser = ask({"op": "trim", "tokens": tokens})
    rows = [(t, b, german.trim(t)) for t, b in zip(tokens, browser, strict=True) if german.trim(t) != b]
    assert not rows, mismatch_report(f"trimmer on {len(tokens)} tokens", rows, ("token", "lunr.de.js", "german.py"), limit=500)
    # The pipeline function does the same on lunr tokens.
    assert [str(german.trimmer(Token(t), 0, [])) for t in TRIM_TOKENS] == browser[: len(TRIM_TOKENS)]


def test_word_characters_are_lunr_de_s():
    assert ask({"op": "wordCharacters"}) == german.WORD_CHARACTERS


def test_stop_words_are_lunr_de_s():
    browser = ask({"op": "stopwords"})
    assert len(browser) == 231
    python = list(german.STOP_WORD_LIST)
    rows = [(word, word in browser, word in python) for word in sorted(set(browser) ^ set(python))]
    title = "stop words (none listed: same words, other order)"
    assert python == browser, mismatch_report(title, rows, ("word", "in lunr.de.js", "in german.py"))
    assert frozenset(browser) == german.STOP_WORDS


def test_registered_labels_are_lunr_de_s():
    labels = {"trimmer-de": german.trimmer, "stopWordFilter-de": german.stop_word_filter, "stemmer-de": german.stemmer}
    assert set(ask({"op": "registered"})) == set(labels)
    for label, function in labels.items():
        assert Pipeline.registered_functions[label] is function
        assert function.label == label


def test_builder_pipelines_are_those_of_builder_use_lunr_de():
    builder = german.configure(Builder())
    browser = ask({"op": "pipelines"})
    assert builder.pipeline.serialize() == browser["pipeline"] == ["trimmer-de", "stopWordFilter-de", "stemmer-de"]
    assert builder.search_pipeline.serialize() == browser["searchPipeline"] == ["trimmer-de", "stemmer-de"]


def test_indexing_pipeline_matches_lunr_de_on_the_data_files():
    # Whitespace-split words of every data file, punctuation and all: lunr.tokenizer (arrays are
    # only lower-cased) and the indexing pipeline on both sides.
    documents = [path.read_text(encoding="utf-8").split() for path in sorted((ROOT / "data").rglob("*.y*ml"))]
    documents.append(TRIM_TOKENS + TRICKY_WORDS)
    assert len(documents) > 100
    browser = ask({"op": "pipeline", "documents": documents})
    pipeline = german.configure(Builder()).pipeline
    python = [[str(term) for term in pipeline.run(Tokenizer(words))] for words in documents]
    rows = [(" ".join(words)[:80], b, p) for words, b, p in zip(documents, browser, python, strict=True) if b != p]
    assert not rows, mismatch_report("index terms per document", rows, ("document", "lunr.js + lunr.de", "lunr.py + german.py"))
    assert sum(len(terms) for terms in python) > 10000


BROWSER_TEXTS = [
    "Fußball für Mädchen (U13) – Einsteigerinnen willkommen!",
    "„Hip-Hop“-Workshop, 9:00–12:00 Uhr; 25,50 € … z. B. am 3.8.2027",
    "ÜBERNACHTUNG im Großen Saal",
    "STRASSE Straße straße STRAẞE",
    "u\u0308ber Mu\u0308nchen",  # decomposed umlauts, as some systems paste them
    "İstanbul ΟΔΟΣ οδός Σ",
    "Kinder😀garten 👍🏽 ❤️ Kita",
    "e-mail info@tsv-auenstadt.example www.example.org/kurse?id=3",
    "①②③ ² ½ Ⅻ ℂ ǅ ﬁlm",
    "日本語 москва Ελλάδα עברית العربية",
    "tab\there\nnew\u00a0line\u202fnarrow\u2009thin",
    "snake_case and-dash",
    "",
    "   ",
]


def _compare_browser_helpers(texts: list[str]) -> list[tuple[str, str, object, object]]:
    answers = ask({"op": "browser", "texts": texts})
    rows = []
    for text, answer in zip(texts, answers, strict=True):
        if answer["tokenize"] != german.tokenize(text):
            rows.append((text, "tokenize", answer["tokenize"], german.tokenize(text)))
        if answer["fold"] != german.fold(text):
            rows.append((text, "fold", answer["fold"], german.fold(text)))
    return rows


def test_tokenize_and_fold_match_the_browser_helper():
    rows = _compare_browser_helpers(BROWSER_TEXTS)
    assert not rows, mismatch_report("search-german.js vs german.py", rows, ("text", "function", "browser", "python"))


def test_tokenize_and_fold_match_the_browser_helper_for_every_character():
    # Every character Python's Unicode database knows (newer ones are unassigned to it, and no
    # two Unicode versions can agree on those), inside a word and alone.
    characters = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) not in ("Cn", "Cs")]
    texts = [f"a{c}b" for c in characters] + characters
    rows = _compare_browser_helpers(texts)
    assert not rows, mismatch_report(
        f"{len(texts)} texts, Unicode {unicodedata.unidata_version}", rows, ("text", "function", "browser", "python"), limit=500
    )
