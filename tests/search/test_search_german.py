"""What the German pipeline does with words the site's offers use (no node needed; parity is in test_search_parity.py)."""

from __future__ import annotations

import json

import pytest
from lunr.builder import Builder
from lunr.index import Index
from lunr.token import Token
from lunr.tokenizer import Tokenizer
from lunr.trimmer import trimmer as english_trimmer

from boersen.search import german


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Workshop!", "Workshop"),
        ("(U3)", "U3"),
        ("Hip-Hop", "Hip-Hop"),
        ("über…", "über"),
        ("„Spaß“", "Spaß"),
        ("2027.", "2027"),
        ("9:00", "9:00"),
        ("😀kinder😀", "kinder"),
        ("–", ""),
    ],
)
def test_trim_keeps_letters_umlauts_and_digits(token, expected):
    assert german.trim(token) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kindern", "kind"),
        ("kinder", "kind"),
        ("fußball", "fussball"),
        ("fussball", "fussball"),
        ("übernachtung", "ubernacht"),
        ("häuser", "haus"),
        ("bäume", "baum"),
        ("kindertagesstätte", "kindertagesstatt"),
        ("größer", "gross"),
        ("workshop", "workshop"),
        ("u3", "u3"),
        # Where snowballstemmer 3.x differs from the browser (see german.py): the browser's stems.
        ("muenchen", "muench"),
        ("münchen", "munch"),
        ("trainerin", "trainerin"),
        ("findet", "findet"),
        ("basteln", "basteln"),
        ("sonnensystem", "sonnensyst"),
    ],
)
def test_stem(word, expected):
    assert german.stem(word) == expected


def test_stems_are_cached():
    german.stem.cache_clear()
    german.stem("kindergarten")
    german.stem("kindergarten")
    info = german.stem.cache_info()
    assert (info.hits, info.misses) == (1, 1)


def test_stop_word_filter_drops_stop_words_only():
    assert german.stop_word_filter(Token("über"), 0, []) is None
    assert german.stop_word_filter(Token("und"), 0, []) is None
    kinder = Token("kinder")
    assert german.stop_word_filter(kinder, 0, []) is kinder
    assert len(german.STOP_WORD_LIST) == len(german.STOP_WORDS) == 231


def test_index_pipeline_on_a_sentence():
    builder = german.new_builder()
    text = "Der Workshop für Kinder über Hip-Hop macht „Spaß“ in der U3-Gruppe…"
    assert [str(term) for term in builder.pipeline.run(Tokenizer(text))] == [
        "workshop",
        "kind",
        "hip",
        "hop",
        "macht",
        "spass",
        "u3",
        "grupp",
    ]


def test_configure_replaces_existing_pipelines():
    builder = Builder()
    builder.pipeline.add(english_trimmer)  # anything already there goes
    builder.search_pipeline.add(english_trimmer)
    german.configure(builder)
    assert builder.pipeline.serialize() == ["trimmer-de", "stopWordFilter-de", "stemmer-de"]
    assert builder.search_pipeline.serialize() == ["trimmer-de", "stemmer-de"]
    # No stop word filter when searching, as in lunr.de; terms come lower-cased from tokenize().
    assert builder.search_pipeline.run_string("kindern,") == ["kind"]
    assert builder.search_pipeline.run_string("über") == ["uber"]


def test_serialized_index_loads_with_the_german_functions():
    builder = german.new_builder()
    builder.ref("id")
    builder.field("title")
    builder.add({"id": "1", "title": "Schwimmkurs für Kinder"})
    builder.add({"id": "2", "title": "Fußball für Mädchen"})
    loaded = Index.load(json.loads(json.dumps(builder.build().serialize())))
    assert [match["ref"] for match in loaded.search("Kindern")] == ["1"]
    assert [match["ref"] for match in loaded.search("fussball")] == ["2"]
    assert loaded.search("für") == []  # a stop word is not in the index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Hip-Hop“-Workshop (U3) für Mädchen, 9:00 Uhr", ["hip", "hop", "workshop", "u3", "für", "mädchen", "9", "00", "uhr"]),
        ("u\u0308ber", ["über"]),  # decomposed umlaut, composed first
        ("snake_case", ["snake", "case"]),
        ("İstanbul", ["i̇stanbul"]),
        (" – … ", []),
    ],
)
def test_tokenize(text, expected):
    assert german.tokenize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *(("Fußb", "fussb"), ("ÄÖÜ äöü", "aou aou"), ("STRAẞE", "strasse"), ("Mu\u0308n", "mun"), ("Café", "cafe")),
        *(("Crème brûlée", "creme brulee"), ("Łódź", "lodz"), ("Ærø", "aero"), ("Œuvre", "oeuvre"), ("Þór", "thor")),
        *(("Šiškin", "siskin"), ("Çağla", "cagla"), ("İstanbul", "istanbul"), ("ıi", "ii"), ("Đuro", "duro")),
        *(("Ελλάδα", "ελλαδα"), ("москва́", "москва"), ("日本", "日本")),
    ],
)
def test_fold_takes_every_diacritic_off_latin_letters(text, expected):
    assert german.fold(text) == expected
