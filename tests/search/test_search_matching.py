"""Matching as German users expect it, and the browser engine answering exactly like Python."""

from __future__ import annotations

import pytest

from boersen.search.query import compound_parts

from search_world import World, run_engine


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    return World(tmp_path_factory.mktemp("world"))


def test_prefix_as_you_type(world):
    assert world.titles("ferien", "schwimm") == ["Schwimmkurs für Anfänger"]
    assert world.titles("ferien", "Schw") == ["Schwimmkurs für Anfänger"]


def test_stems(world):
    assert world.titles("ferien", "Kindern") == world.titles("ferien", "Kinder")
    assert set(world.titles("ferien", "Kindern")) == {"Basteln mit Kindern", "Fußballcamp in den Osterferien", "Kinder-Café am Markt"}


@pytest.mark.parametrize("query", ["Fussball", "Fußball", "fussball", "FUSSBALL", "fußb"])
def test_umlaut_and_sharp_s_variants(world, query):
    assert world.titles("ferien", query) == ["Fußballcamp in den Osterferien"]


@pytest.mark.parametrize("query", ["Muenchen", "München", "munchen", "Münch"])
def test_umlaut_digraphs(world, query):
    assert world.titles("ferien", query) == ["Ausflug nach München"]


def test_parts_of_compounds(world):
    assert world.titles("ferien", "kurs") == ["Schwimmkurs für Anfänger", "Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "ball") == ["Fußballcamp in den Osterferien"]
    assert world.titles("kita", "tagesstätte") == ["Städtische Kindertagesstätte Sonnenschein"]


def test_one_typo_in_longer_words(world):
    assert world.titles("ferien", "Schwimkurs") == ["Schwimmkurs für Anfänger"]
    assert world.titles("ferien", "Fusballcamp") == ["Fußballcamp in den Osterferien"]
    assert world.titles("ferien", "Zirkis") == ["Zirkus zum Mitmachen", "Sommerfest im Park"]
    assert world.titles("ferien", "Bsteln") == ["Basteln mit Kindern"]


def test_no_typos_in_words_under_four_letters(world):
    assert world.titles("ferien", "Zug") == ["Ausflug nach München"]
    assert world.titles("ferien", "Zog") == []
    assert world.titles("ferien", "Zirkis") == ["Zirkus zum Mitmachen", "Sommerfest im Park"]


def test_synonyms_from_the_towns_list(world):
    # Every Kita of the world is labelled "Kindergarten" (its category); those with one of the
    # words in their title come first.
    everything = {"Städtische Kindertagesstätte Sonnenschein", "Kindergarten Regenbogen"}
    for query in ("Kita", "Kindergarten", "Kindertagesstätte"):
        found = world.titles("kita", query)
        assert set(found[:2]) == everything and len(found) == len(world.offers["kita"]), query


def test_title_matches_rank_before_description_matches(world):
    assert world.titles("ferien", "Zirkus") == ["Zirkus zum Mitmachen", "Sommerfest im Park"]


def test_typos_only_where_exact_and_prefix_matches_find_nothing(world):
    # "Fechten" and "Flechten" are one letter apart; each finds only itself.
    assert world.titles("ferien", "Fechten") == ["Fechten für Einsteiger"]
    assert world.titles("ferien", "Flechten") == ["Flechten mit Weiden"]
    # A typo that finds nothing as written is measured against the words of the data.
    assert world.titles("ferien", "Flehcten") == ["Flechten mit Weiden"]


@pytest.mark.parametrize(
    "query",
    ["chwimmkurs", "Schimmkurs", "Sschwimmkurs", "Shcwimmkurs", "Schwimmkrus", "Schwimmkurss", "hcSwimmkurs"],
)
def test_one_typo_anywhere_in_the_word_first_letters_included(world, query):
    assert world.titles("ferien", query) == ["Schwimmkurs für Anfänger"]


def test_typos_are_measured_against_words_as_written_not_stems(world):
    # "Beratnug" stems to "beratnug", "Beratung" to "berat": three apart. As written, one swap.
    assert world.titles("kita", "Beratnug") == ["Familienzentrum Lindenhof"]
    assert world.titles("ferien", "Kinder Bastlen") == ["Basteln mit Kindern"]


def test_one_typo_from_four_letters_two_from_seven(world):
    assert world.titles("ferien", "Kusr") == ["Schwimmkurs für Anfänger", "Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "Bsatlen") == ["Basteln mit Kindern"]  # seven letters, two swaps
    assert world.titles("ferien", "Bsatln") == []  # six letters: one typo only


def test_two_typos_in_long_words_one_in_short_ones(world):
    assert world.titles("kita", "Kndertagesstäte") == ["Städtische Kindertagesstätte Sonnenschein"]
    assert world.titles("ferien", "Bstln") == []  # five letters: one typo only


def test_parts_of_compounds_in_every_field_with_fugen(world):
    # "Integrationskurs" and "Migrationsberatung" are in the summary, joined by a Fugen-s.
    assert world.titles("ferien", "Kurs") == ["Schwimmkurs für Anfänger", "Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "Migration") == ["Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "Beratung") == ["Sprachferien für Neuankömmlinge"]
    assert world.titles("kita", "Nest") == ["Spatzennest"]  # "Spatzen" + "nest", the stem would be "spatzenn"


def test_typos_reach_compound_parts(world):
    assert world.titles("ferien", "Migraton") == ["Sprachferien für Neuankömmlinge"]
    assert world.titles("kita", "Waldorff") == ["Spatzennest"]


@pytest.mark.parametrize(
    ("boerse", "query", "expected"),
    [
        ("ferien", "Seepferdchenkurs", ["Schwimmkurs für Anfänger"]),  # "Seepferdchen" + the part "kurs"
        ("ferien", "Zirkusvorführung", ["Sommerfest im Park"]),  # written "Zirkus-Vorführung"
        ("ferien", "Kinderfußballcamp", ["Fußballcamp in den Osterferien"]),  # "Kinder" in its text
        ("ferien", "Migrationskurs", ["Sprachferien für Neuankömmlinge"]),  # with a Fugen-s
        ("kita", "Waldorfkrippe", ["Spatzennest"]),
        ("kita", "Familienberatung", ["Familienzentrum Lindenhof"]),
        ("ferien", "Bastelnachmittag", ["Basteln mit Kindern"]),  # a verb's stem: "bastel" of "basteln"
        ("ferien", "Zirkusschwimmkurs", []),  # every part must match: no offer has both
    ],
)
def test_a_compound_the_data_does_not_hold_is_searched_as_its_parts(world, boerse, query, expected):
    assert world.titles(boerse, query) == expected


def test_compound_queries_split_into_the_fewest_parts_with_the_longest_head():
    lists = {4: ["kurs", "wald"], 6: ["kinder", "schule"], 8: ["waldkurs"], 11: ["schwimmkurs"], 7: ["schwimm"]}
    assert compound_parts("kinderschwimmkurs", lists) == ("kinder", "schwimmkurs")
    assert compound_parts("kinderwaldkurs", lists) == ("kinder", "waldkurs")  # two parts, not three
    assert compound_parts("waldschulekurs", lists) == ("wald", "schule", "kurs")
    assert compound_parts("waldskurs", lists) == ("wald", "kurs")  # Fugen-s
    assert compound_parts("schwimmkurs", lists) == ()  # a word of the data is no compound
    assert compound_parts("kinderbad", lists) == ()  # parts of four letters or more only
    assert compound_parts("kurskurskurskurs", lists) == ()  # at most three parts
    assert compound_parts("tanzkurs", {4: ["kurs"], 6: ["tanzen"]}) == ("tanz", "kurs")  # a verb's stem
    assert compound_parts("tanzkurs", {4: ["kurs", "tanz"]}) == ("tanz", "kurs")


def test_parts_are_real_words_not_arbitrary_endings(world):
    # "Kreuzberg" splits into "kreuz" + "berg"; "zberg" is no part, so "Zwerge" finds nothing.
    assert world.titles("ferien", "Berg") == ["Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "Zwerge") == []
    assert world.titles("ferien", "erg") == []


@pytest.mark.parametrize("query", ["Cafe", "Café", "CAFÉ", "café", "café"])
def test_all_latin_diacritics_are_folded(world, query):
    assert world.titles("ferien", query) == ["Kinder-Café am Markt"]


def test_inflection_of_latin_plurals(world):
    for query in ("Familienzentrum", "Familienzentren", "Zentren", "Zentrum"):
        assert world.titles("kita", query) == ["Familienzentrum Lindenhof"], query


def test_synonyms_with_prefix_and_inflection(world):
    # The two with the words in their titles first; the others are labelled "Kindergarten".
    everything = {"Städtische Kindertagesstätte Sonnenschein", "Kindergarten Regenbogen"}
    assert set(world.titles("kita", "Kitas")[:2]) == everything
    assert set(world.titles("kita", "Kindergärten")[:2]) == everything


def test_synonyms_are_searched_with_prefix_and_inflection(world):
    # "Kindergarten" = "Kita" (default list); the offer only says "Kitas", whose stem is "kitas".
    assert world.titles("familie", "Kindergarten") == ["Elternabend"]
    assert world.titles("familie", "Kindertagesstätten") == ["Elternabend"]


def test_multi_word_synonyms_from_the_default_list(world):
    assert world.titles("kita", "OGS") == ["Offene Ganztagsschule Am Park"]
    assert world.titles("kita", "ogs") == ["Offene Ganztagsschule Am Park"]
    assert world.titles("kita", "Offene Ganztagsschule") == ["Offene Ganztagsschule Am Park"]


def test_the_towns_synonyms_extend_the_default_list(world):
    assert world.titles("ferien", "Bibliothek") == ["Lesenacht in der Bücherei"]
    assert world.titles("ferien", "Stadtbücherei") == ["Lesenacht in der Bücherei"]
    assert world.titles("ferien", "Deutsch lernen") == ["Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "Deutsch") == ["Ausflug nach München"]  # "Deutsche Museum"


def test_street_organisation_and_district_are_searched(world):
    assert world.titles("ferien", "Sonnenallee") == ["Kinder-Café am Markt"]
    assert world.titles("ferien", "Sonnenalle") == ["Kinder-Café am Markt"]
    assert world.titles("ferien", "Kreuzberg") == ["Sprachferien für Neuankömmlinge"]
    assert world.titles("ferien", "Neustadt") == ["Ausflug nach München"]
    assert len(world.titles("ferien", "Förderverein")) == len(world.offers["ferien"])


def test_derived_labels_rank_below_title_and_text(world):
    # Both Krippen carry the label "Krippe"; the one with the word in its title comes first.
    assert world.titles("kita", "Krippe") == ["Krippe Sternschnuppe", "Spatzennest"]


def test_a_typo_that_is_another_word_finds_that_word(world):
    # "Zeiten" is a word of the data ("Reiten" is not): no typo is forgiven.
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
        *("Flehcten", "chwimmkurs", "Shcwimmkurs", "hcSwimmkurs", "Kinder Bastlen", "Bstln", "Kurs", "Migration", "Migraton"),
        *("Berg", "Zwerge", "erg", "Cafe", "CAFÉ", "cafe\u0301", "Bibliothek", "Deutsch lernen", "Sonnenallee", "Sonnenalle"),
        *("Kreuzberg", "Förderverein", "Schwimmkurs Zirkis", "Kuchen Zirkis", "Ferien", "Urlaub", "Kusr", "Bsatlen", "Bsatln"),
        *(
            "Seepferdchenkurs",
            "Zirkusvorführung",
            "Kinderfußballcamp",
            "Migrationskurs",
            "Zirkusschwimmkurs",
            "Seepferdchenkurz",
            "Bastelnachmittag",
        ),
    ],
    "kita": [
        *("tagesstätte", "Kita", "Kindergarten", "kinder", "Garten", "Beratnug", "Kndertagesstäte", "Nest", "Waldorff"),
        *("Familienzentren", "Zentren", "Zentrum", "Kitas", "Kindergärten", "OGS", "Offene Ganztagsschule", "Krippe"),
        *("Kinderkrippe", "offene", "Ganztagsschule offene", "Waldorfkrippe", "Familienberatung", "Waldorfkindergarten"),
    ],
    "familie": ["Kindergarten", "Kindertagesstätten", "Kitas", "Eltern", "Babys"],
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


def test_the_age_filter_keeps_offers_for_every_age(world):
    # "Lebensberatung" and "Elternabend" name no age: they are for everybody, so a child of 7 keeps them.
    offers = world.offers["familie"]
    answers = world.javascript("familie", [], [{"q": "", "selection": {"alter": 7}}, {"q": "", "selection": {"alter": 1}}])["filters"]
    assert sorted(offers[i].slug for i in answers[0]["matches"]) == ["elternabend", "lebensberatung"]
    assert sorted(offers[i].slug for i in answers[1]["matches"]) == ["babymassage", "elternabend", "lebensberatung"]
    assert answers[0]["counts"]["alter"] == 2


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
            {"q": "flehcten", "selection": {"alter": 9}},
            {"q": "", "selection": {"wochentag": ["montag"], "alter": 5}},
        ],
    )["filters"]
    by_age = sorted(slug for slug, i in position.items() if i in answers[0]["matches"])
    assert by_age == ["basteln", "cafe", "fussballcamp", "lesenacht", "schwimmkurs", "sommerfest", "sprache", "zirkus"]
    assert [offers[i].slug for i in answers[1]["matches"]] == ["fussballcamp"]
    assert sorted(offers[i].slug for i in answers[2]["matches"]) == ["basteln", "sommerfest", "zirkus"]
    assert [offers[i].slug for i in answers[3]["matches"]] == ["muenchen"]
    # Counts follow the query: "flehcten" finds one offer by a typo; the age 9 keeps it.
    assert [offers[i].slug for i in answers[4]["matches"]] == ["flechten"]
    assert answers[4]["counts"]["kostenlos"] == 0
    assert answers[4]["counts"]["alter"] == 1
    # Monday offers (2 August and 9 August 2027 are Mondays; 22 March too) for a five-year-old.
    assert sorted(offers[i].slug for i in answers[5]["matches"]) == ["basteln"]
    weekdays = answers[5]["counts"]["wochentag"]
    assert weekdays[0] == 1  # with age 5, only "basteln" of the Monday offers


def test_the_engine_scores_a_shard_as_lunr_js_does(world):
    # boersen-search.js scores shards itself (faster); lunr.js's Index.query is the reference.
    clause_lists = [
        [{"term": "schwimm", "boost": 3, "prefix": True}],
        [{"term": "ki", "boost": 10}, {"term": "ki", "boost": 3, "prefix": True, "wholeWords": True}],
        [{"term": "kind", "boost": 10}, {"term": "kind", "boost": 3, "prefix": True}, {"term": "kind", "boost": 2, "prefix": True}],
        [{"term": "s", "boost": 3, "prefix": True}],
        [{"term": "fussball", "boost": 10}, {"term": "kurs", "boost": 5}, {"term": "zirkus", "boost": 1}],
        [{"term": "kur", "boost": 3, "prefix": True}],
        [{"term": "kur", "boost": 3, "prefix": True, "wholeWords": True}],
        [{"term": "gibtesnicht", "boost": 10}],
    ]
    [shard] = world.folders["ferien"].glob("t-*.json")
    answers = run_engine({"shard": str(shard), "clauses": clause_lists})
    for clauses, answer in zip(clause_lists, answers, strict=True):
        engine = sorted((ref, round(score, 9)) for ref, score in answer["engine"])
        reference = sorted((ref, round(score, 9)) for ref, score in answer["lunr"])
        assert engine == reference, clauses
    found = [len(answer["lunr"]) for answer in answers]
    assert min(found[:6]) > 0 and found[3] > found[0] and found[-1] == 0  # the comparisons compare something
    assert found[5] > found[6]  # "kur(s)" in "Schwimmkurs" is a compound part: not a whole word
