"""Data the project does not own: Bochum's daycare list (../shared/data/), converted by bench/bochum.py."""

from __future__ import annotations

import datetime
import json
import sys

import pytest

from boersen.catalog import load_catalog
from boersen.search.index import search_files, write_search_files
from boersen.search.query import BoerseSearch

from search_oracle import ROOT
from search_world import run_engine

sys.path.insert(0, str(ROOT / "bench"))
import bochum

TODAY = datetime.date(2027, 1, 10)
QUERIES = [
    *("Villa Luna", "Vila Luna", "Schornau", "Schrnau", "In der Schornau", "Suttner-Nobel-Allee", "Waldorf", "Waldorff"),
    *("Familienzentren", "Kindergarten", "Kitas", "Lutherstraße", "Lutherstr", "strasse", "Evangelische", "Evangeische"),
]


@pytest.fixture(scope="module")
def bochum_search(tmp_path_factory):
    data = tmp_path_factory.mktemp("bochum") / "data"
    bochum.write_folder(data)
    catalog, problems = load_catalog(data, TODAY)
    boerse = catalog.boersen[0]
    offers = catalog.current_offers(boerse)
    folder = data.parent / "suche"
    write_search_files(folder, search_files(boerse, offers, catalog.synonyms))
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    search = BoerseSearch(manifest, lambda name: json.loads((folder / name).read_text(encoding="utf-8")))
    return problems, offers, search, folder


def titles(bochum_search, query: str) -> list[str]:
    _, offers, search, _ = bochum_search
    return [offers[position].title for position, _ in search.search(query)]


def test_the_converted_folder_validates_without_errors(bochum_search):
    problems, offers, _, _ = bochum_search
    assert problems.errors == []
    assert len(offers) == 193  # 195 rows, two centres listed twice with two categories


def test_names_streets_and_typos_in_real_data(bochum_search):
    assert titles(bochum_search, "Villa Luna") == ["Kindertageseinrichtung Villa Luna Bochum O-Werk"]
    assert titles(bochum_search, "Vila Luna") == ["Kindertageseinrichtung Villa Luna Bochum O-Werk"]
    assert titles(bochum_search, "Schrnau") == ["ASB-Kita In der Schornau"]
    assert titles(bochum_search, "Suttner-Nobel-Allee") == ["Kindertageseinrichtung Villa Luna Bochum O-Werk"]


def test_abbreviated_streets_are_found_written_out(bochum_search):
    # The file writes "Lutherstr. 3"; people type "Lutherstraße".
    assert "Martin-Luther-Kinderhaus Familienzentrum" in titles(bochum_search, "Lutherstraße")


def test_compound_parts_and_typos_reaching_them(bochum_search):
    # Four titles say "Waldorf…" ("Waldorfkinderhaus" split into "waldorf" + "kinderhaus"); they
    # rank before the centres that only carry the category "Waldorf Kindertagesstätten".
    waldorf = titles(bochum_search, "Waldorf")
    named = [t for t in waldorf if "waldorf" in t.lower()]
    assert len(named) >= 4 and waldorf[: len(named)] == named and len(waldorf) > len(named)
    assert set(titles(bochum_search, "Waldorff")) == set(waldorf)  # by a typo: scored otherwise


def test_inflection_and_synonyms_in_real_data(bochum_search):
    centres = titles(bochum_search, "Familienzentren")
    named = [t for t in centres if "familienzentrum" in t.lower()]
    assert len(named) >= 10 and centres[: len(named)] == named
    assert len(titles(bochum_search, "Kindergarten")) == 193  # every centre is a Kita by its category


def test_the_browser_engine_answers_the_same(bochum_search):
    _, _, search, folder = bochum_search
    browser = run_engine({"folder": str(folder) + "/", "queries": QUERIES})["queries"]
    differences = []
    for query, js in zip(QUERIES, browser, strict=True):
        python = [[p, round(s, 6)] for p, s in search.search(query)]
        if python != [[p, round(s, 6)] for p, s in js]:
            differences.append(f"{query!r}: python {python[:5]} != browser {js[:5]}")
    assert differences == []
