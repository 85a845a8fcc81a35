"""An index built by lunr.py with the German pipeline answers in lunr.js exactly as in lunr.py.

The index is serialized to JSON, loaded in node with lunr.Index.load after lunr.de registered its
functions, and the same typeahead queries run on both sides: per word an exact term through the
pipeline, a prefix (trailing wildcard) on fold(word) without it, and a one-edit fuzzy term.
"""

from __future__ import annotations

import json

import pytest
from lunr.index import Index
from lunr.query import Query

from boersen.search.german import configure, fold, new_builder, serialize, tokenize
from boersen.search.index import _GermanBuilder, index_term

from search_oracle import ask

DOCUMENTS = {
    "a": ("Schwimmkurs für Anfänger", "Wir lernen schwimmen und machen das Seepferdchen. Fünf Vormittage im Hallenbad."),
    "b": (
        "Mädchenfußball U13",
        "Eine Mannschaft nur für Mädchen – Einsteigerinnen genauso willkommen wie Mädchen aus dem Verein. Fussball macht Spaß!",
    ),
    "c": (
        "Hip-Hop-Workshop für Jugendliche",
        "Zwei Tage Tanz, Musik und „Spaß“ im Jugendhaus: Breakdance, Hip-Hop und ein Workshop zum Auflegen.",
    ),
    "d": (
        "Kindertagesstätte Sonnenschein",
        "Unsere Kita betreut Kinder ab einem Jahr (U3) bis zum Schuleintritt. Der Kindergarten hat einen großen Garten mit alten Bäumen.",
    ),
    "e": (
        "Osterferien im Wald",
        "In den Osterferien bauen wir Häuser aus Ästen, sammeln Moos und erkunden die Bäume. Übernachtung im Zelt möglich.",
    ),
    "f": (
        "Pfingstzeltlager",
        "Zu Pfingsten fahren wir mit Jungen und Mädchen ins Zeltlager an den See. Übernachtungen in großen Zelten, Lagerfeuer.",
    ),
    "g": ("Schach für Kinder", "Kinder lernen Schach: Figuren, Züge, erste Partien. Größere Kinder spielen im Turnier um den Pokal."),
    "h": (
        "Trainerin gesucht",
        "Der Fußballverein sucht eine Trainerin für die Jugend. Die Trainerinnen und Trainer arbeiten ehrenamtlich.",
    ),
    "i": ("Stadtführung in München", "Eine Führung durch Muenchen für Familien: Straßen, Plätze und Geschichten. Treffpunkt Goethestraße."),
    "j": ("Kochkurs für Familien", "Gemeinsam kochen wir gesunde Gerichte … Kinder schnippeln, Eltern rühren. Kosten: 5 € 😀"),
}

QUERIES = [
    "Fußball",
    "fussbal",
    "Kinder",
    "Schwimmkurs",
    "schwimm",
    "Übernachtung",
    "Workshop",
    "U3",
    "Hip-Hop",
    "Spaß",
    "Mädchen Fußball",
    "Bäume",
    "Muenchen",
    "Ostern Pfingsten",
    "Trainerin",
    "groß",
    "Kita",
    "Straße",
]


def clauses_for(text: str) -> list[dict]:
    """The typeahead query for a text, as lunr.js query.term options (plus "term").

    Only the fuzzy clause names editDistance: lunr.js builds a fuzzy token set for any clause with
    an editDistance key, even 0, and a fuzzy token set reads "*" as a plain character, so
    {wildcard: TRAILING, editDistance: 0} finds nothing in the browser (lunr.py finds the prefixes).
    """
    clauses = []
    for word in tokenize(text):
        clauses.append({"term": word, "usePipeline": True, "boost": 10})
        clauses.append({"term": fold(word), "usePipeline": False, "wildcard": "trailing", "boost": 2})
        clauses.append({"term": word, "usePipeline": True, "editDistance": 1, "boost": 1})
    return clauses


def python_search(index: Index, clauses: list[dict]) -> list[tuple[str, float]]:
    query = index.create_query()
    for clause in clauses:
        query.term(
            clause["term"],
            use_pipeline=clause.get("usePipeline", True),
            wildcard=Query.WILDCARD_TRAILING if clause.get("wildcard") == "trailing" else Query.WILDCARD_NONE,
            edit_distance=clause.get("editDistance", 0),
            boost=clause.get("boost", 1),
        )
    return [(match["ref"], match["score"]) for match in index.query(query)]


def ranked(results) -> list[tuple[str, float]]:
    """Refs with scores rounded to 4 decimals; equal scores ordered by ref (their order is arbitrary)."""
    rounded = [(ref, round(score, 4)) for ref, score in results]
    return sorted(rounded, key=lambda pair: (-pair[1], pair[0]))


def build_index(as_tokens: bool) -> Index:
    builder = new_builder()
    builder.ref("id")
    builder.field("title", boost=3)
    builder.field("body")
    for ref, (title, body) in DOCUMENTS.items():
        if as_tokens:  # words split as the browser splits queries, see tokenize()
            builder.add({"id": ref, "title": tokenize(title), "body": tokenize(body)})
        else:  # lunr's own tokenizer: whitespace and hyphens
            builder.add({"id": ref, "title": title, "body": body})
    return builder.build()


@pytest.mark.parametrize("as_tokens", [False, True], ids=["text", "tokens"])
def test_lunr_js_answers_like_lunr_py(as_tokens):
    index = build_index(as_tokens)
    serialized = json.loads(json.dumps(serialize(index)))
    assert serialized["pipeline"] == ["trimmer-de", "stemmer-de"]
    queries = [clauses_for(text) for text in QUERIES]

    browser = ask({"op": "query", "index": serialized, "queries": queries})
    python = [python_search(index, clauses) for clauses in queries]

    diffs = []
    for text, js_results, py_results in zip(QUERIES, browser, python, strict=True):
        if ranked(js_results) != ranked(py_results):
            diffs.append(f"query {text!r}:\n    lunr.js: {ranked(js_results)}\n    lunr.py: {ranked(py_results)}")
    assert not diffs, f"{len(diffs)} of {len(QUERIES)} queries differ:\n" + "\n".join(diffs)

    # The comparison means something only if the queries find things, and the right things.
    found = {text: {ref for ref, _ in results} for text, results in zip(QUERIES, python, strict=True)}
    assert sum(1 for refs in found.values() if refs) >= len(QUERIES) - 1
    assert {"b", "h"} <= found["Fußball"]  # "Fussball" (b) and, by prefix, "Fußballverein" (h)
    assert "b" in found["fussbal"]  # one typo
    assert {"d", "g", "j"} <= found["Kinder"]
    assert "i" in found["Muenchen"]
    assert {"e", "f"} <= found["Übernachtung"]
    assert "c" in found["Workshop"] and "d" in found["U3"]
    assert ranked(python[QUERIES.index("Kinder")])[0][0] == "g"  # "Kinder" in the title and three times in the body


def test_lunr_js_ignores_wildcards_in_clauses_that_name_an_edit_distance():
    # The trap clauses_for() avoids, kept as a test so browser code does not fall into it.
    serialized = build_index(as_tokens=False).serialize()
    prefix = {"term": "schwimm", "usePipeline": False, "wildcard": "trailing"}
    with_distance, without = ask({"op": "query", "index": serialized, "queries": [[{**prefix, "editDistance": 0}], [prefix]]})
    assert with_distance == []
    assert [ref for ref, _ in without] == ["a"]


def test_serialize_orders_terms_as_lunr_js_loads_them():
    builder = new_builder()
    builder.ref("id")
    builder.field("body")
    builder.add({"id": "1", "body": "x😀y"})  # astral character inside a word
    builder.add({"id": "2", "body": "xﬀy"})  # U+FB00, a word character for lunr.de's trimmer
    index = builder.build()
    assert [term for term, _ in index.serialize()["invertedIndex"]] == ["xﬀy", "x😀y"]  # code point order
    queries = [[{"term": "xﬀy"}], [{"term": "x😀y"}]]
    browser = ask({"op": "query", "index": serialize(index), "queries": queries})
    assert [[ref for ref, _ in results] for results in browser] == [["2"], ["1"]]
    assert [ranked(results) for results in browser] == [ranked(python_search(index, clauses)) for clauses in queries]


def test_index_serialized_from_term_counts_is_lunr_pys_own():
    # index.py computes field vectors straight from the counts (faster); lunr.py's Builder.build
    # and serialize must give the same file, weights to the last digit.
    builder = configure(_GermanBuilder())
    builder.ref("id")
    builder.field("title", boost=3)
    builder.field("body")
    builder.field("empty")  # a field no document has words in
    for ref, (title, body) in DOCUMENTS.items():
        title_terms, body_terms = ([t for w in tokenize(text) if (t := index_term(w))] for text in (title, body))
        builder.add_terms(ref, {"title": title_terms, "body": body_terms, "empty": []})
    direct = builder.serialized()
    assert direct == serialize(builder.build())
    assert len(direct["fieldVectors"]) == 3 * len(DOCUMENTS) and len(direct["invertedIndex"]) > 20
