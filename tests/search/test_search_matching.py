"""Matching as German users expect it, and the browser engine answering exactly like Python."""

from __future__ import annotations

import pytest

from search_world import World


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    return World(tmp_path_factory.mktemp("world"))


def test_prefix_as_you_type(world):
    assert world.titles("ferien", "schwimm") == ["Schwimmkurs für Anfänger"]
    assert world.titles("ferien", "Schw") == ["Schwimmkurs für Anfänger"]


def test_stems(world):
    assert world.titles("ferien", "Kindern") == world.titles("ferien", "Kinder")
    assert set(world.titles("ferien", "Kindern")) == {"Basteln mit Kindern", "Fußballcamp in den Osterferien"}


@pytest.mark.parametrize("query", ["Fussball", "Fußball", "fussball", "FUSSBALL", "fußb"])
def test_umlaut_and_sharp_s_variants(world, query):
    assert world.titles("ferien", query) == ["Fußballcamp in den Osterferien"]


@pytest.mark.parametrize("query", ["Muenchen", "München", "munchen", "Münch"])
def test_umlaut_digraphs(world, query):
    assert world.titles("ferien", query) == ["Ausflug nach München"]


def test_parts_of_compounds(world):
    assert world.titles("ferien", "kurs") == ["Schwimmkurs für Anfänger"]
    assert world.titles("ferien", "ball") == ["Fußballcamp in den Osterferien"]
    assert world.titles("kita", "tagesstätte") == ["Städtische Kindertagesstätte Sonnenschein"]


def test_one_typo_in_longer_words(world):
    assert world.titles("ferien", "Schwimkurs") == ["Schwimmkurs für Anfänger"]
    assert world.titles("ferien", "Fusballcamp") == ["Fußballcamp in den Osterferien"]
    assert world.titles("ferien", "Zirkis") == ["Zirkus zum Mitmachen", "Sommerfest im Park"]
    assert world.titles("ferien", "Bsteln") == ["Basteln mit Kindern"]


def test_no_typos_in_short_words(world):
    assert world.titles("ferien", "Zug") == ["Ausflug nach München"]
    assert world.titles("ferien", "Zog") == []


def test_synonyms_from_the_towns_list(world):
    everything = {"Städtische Kindertagesstätte Sonnenschein", "Kindergarten Regenbogen"}
    assert set(world.titles("kita", "Kita")) == everything
    assert set(world.titles("kita", "Kindergarten")) == everything
    assert set(world.titles("kita", "Kindertagesstätte")) == everything


def test_title_matches_rank_before_description_matches(world):
    assert world.titles("ferien", "Zirkus") == ["Zirkus zum Mitmachen", "Sommerfest im Park"]


def test_exact_matches_rank_before_fuzzy_ones(world):
    assert world.titles("ferien", "Fechten") == ["Fechten für Einsteiger", "Flechten mit Weiden"]
    assert world.titles("ferien", "Flechten") == ["Flechten mit Weiden", "Fechten für Einsteiger"]


def test_no_typo_for_short_stems(world):
    # "Reiten" has the stem "reit": four letters, too short for a typo to be allowed.
    assert world.titles("ferien", "Zeiten") == []


def test_all_words_must_match(world):
    assert world.titles("ferien", "Schwimmkurs Anfänger") == ["Schwimmkurs für Anfänger"]
    assert world.titles("ferien", "Schwimmkurs Zirkus") == []


@pytest.mark.parametrize("query", ["", "   ", "der die das", "und", "::~^*+-", "!!!", "„“–…"])
def test_empty_stop_word_and_punctuation_queries_show_everything(world, query):
    assert world.titles("ferien", query) is None


@pytest.mark.parametrize(
    "query",
    ["schwimm:kurs", "titel:zirkus", "zirkus~2", "zirkus^10", "+zirkus -fechten", "zirk*", "*", "~", "^", "\\", "a" * 500 + " zirkus"],
)
def test_lunr_query_syntax_typed_by_users_does_not_throw(world, query):
    assert isinstance(world.titles("ferien", query), list | type(None))


def test_empty_index_and_single_offer(world):
    assert world.titles("leer", "schwimm") == []
    assert world.titles("leer", "") is None
    assert world.titles("eins", "schwimm") == ["Schwimmkurs für Anfänger"]


PARITY_QUERIES = {
    "ferien": [
        *("schwimm", "Schw", "Kindern", "Kinder", "Fussball", "Fußball", "fussball", "fußb", "Muenchen", "Münch", "kurs", "ball"),
        *("Schwimkurs", "Fusballcamp", "Fusball", "Zirkis", "Bsteln", "Zug", "Zog", "Zirkus", "Fechten", "Flechten", "Zeiten"),
        *("Schwimmkurs Anfänger", "Schwimmkurs Zirkus", "", "der die das", "::~^*+-", "schwimm:kurs", "titel:zirkus", "zirkus~2"),
        *("+zirkus -fechten", "zirk*", "a" * 500 + " zirkus", "Ü", "über", "9", "12"),
    ],
    "kita": ["tagesstätte", "Kita", "Kindergarten", "kinder", "Garten"],
    "leer": ["schwimm", ""],
    "eins": ["schwimm", "x"],
}


@pytest.mark.parametrize("boerse", PARITY_QUERIES)
def test_browser_engine_gives_the_same_results_and_scores(world, boerse):
    queries = PARITY_QUERIES[boerse]
    browser = world.javascript(boerse, queries)["queries"]
    differences = []
    for query, js in zip(queries, browser, strict=True):
        python = world.python(boerse).search(query)
        python_rows = None if python is None else [[position, round(score, 6)] for position, score in python]
        js_rows = None if js is None else [[position, round(score, 6)] for position, score in js]
        if python_rows != js_rows:
            differences.append(f"{query!r}: python {python_rows} != browser {js_rows}")
    assert differences == []


def test_facets_filter_and_count_in_the_browser_engine(world):
    offers = world.offers["ferien"]
    position = {offer.slug: i for i, offer in enumerate(offers)}
    answers = world.javascript(
        "ferien",
        [],
        [
            {"q": "", "selection": {"alter": 7}},
            {"q": "", "selection": {"kostenlos": True}},
            {"q": "", "selection": {"datum": {"von": "2027-08-09", "bis": "2027-08-11"}}},
            {"q": "", "selection": {"stadtteil": ["Neustadt"]}},
            {"q": "fechten", "selection": {"alter": 9}},
            {"q": "", "selection": {"wochentag": ["montag"], "alter": 5}},
        ],
    )["filters"]
    by_age = sorted(slug for slug, i in position.items() if i in answers[0]["matches"])
    assert by_age == ["basteln", "fussballcamp", "schwimmkurs", "sommerfest", "zirkus"]
    assert [offers[i].slug for i in answers[1]["matches"]] == ["fussballcamp"]
    assert sorted(offers[i].slug for i in answers[2]["matches"]) == ["basteln", "sommerfest", "zirkus"]
    assert [offers[i].slug for i in answers[3]["matches"]] == ["muenchen"]
    # Counts follow the query: "fechten" finds two offers (one by a typo); the age 9 keeps both.
    assert sorted(offers[i].slug for i in answers[4]["matches"]) == ["fechten", "flechten"]
    assert answers[4]["counts"]["kostenlos"] == 0
    assert answers[4]["counts"]["alter"] == 2
    # Monday offers (2 August and 9 August 2027 are Mondays; 22 March too) for a five-year-old.
    assert sorted(offers[i].slug for i in answers[5]["matches"]) == ["basteln"]
    weekdays = answers[5]["counts"]["wochentag"]
    assert weekdays[0] == 1  # with age 5, only "basteln" of the Monday offers
