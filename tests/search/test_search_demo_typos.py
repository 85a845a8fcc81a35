"""50 queries with one typo, made from the demo titles, each find their offer (Python and browser engine)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from demo_typos import typo_queries

from boersen.catalog import load_catalog
from boersen.search.index import search_files, write_search_files
from boersen.search.query import BoerseSearch

from search_oracle import ROOT
from search_world import run_engine

TODAY = datetime.date(2027, 1, 10)  # the demo data unshifted, as the browser tests see it


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    catalog, problems = load_catalog(ROOT / "data", TODAY)
    assert problems.errors == []
    out = tmp_path_factory.mktemp("demo-search")
    offers = {}
    for boerse in catalog.boersen:
        offers[boerse.slug] = catalog.current_offers(boerse)
        write_search_files(out / boerse.slug, search_files(boerse, offers[boerse.slug], catalog.synonyms))
    titles = [(f"{slug}/{offer.slug}", offer.title) for slug in sorted(offers) for offer in offers[slug]]
    return out, offers, typo_queries(titles)


def _python(folder: Path) -> BoerseSearch:
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return BoerseSearch(manifest, lambda name: json.loads((folder / name).read_text(encoding="utf-8")))


def test_fifty_queries_of_every_kind_of_typo(demo):
    _, _, queries = demo
    assert len(queries) == 50
    kinds = {how.split(":")[0] for _, _, how in queries}
    assert kinds == {"drop first", "drop middle", "double first", "double middle", "swap first", "swap middle"}


def test_every_one_typo_query_finds_its_offer(demo):
    out, offers, queries = demo
    missed = []
    for query, key, how in queries:
        slug, offer_slug = key.split("/")
        found = _python(out / slug).search(query)
        positions = [position for position, _ in found]
        if [o.slug for o in offers[slug]].index(offer_slug) not in positions:
            missed.append(f"{query!r} ({how})")
    assert missed == []


def test_the_browser_engine_finds_the_same(demo):
    out, offers, queries = demo
    differences = []
    for slug in sorted(offers):
        mine = [query for query, key, _ in queries if key.startswith(slug + "/")]
        browser = run_engine({"folder": str(out / slug) + "/", "queries": mine})["queries"]
        for query, js in zip(mine, browser, strict=True):
            python = [[p, round(s, 6)] for p, s in _python(out / slug).search(query)]
            if python != [[p, round(s, 6)] for p, s in js]:
                differences.append(f"{query!r}: python {python} != browser {js}")
    assert differences == []
