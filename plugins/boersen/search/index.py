"""Building a Börse's search index with lunr.py, split into small files for the browser.

A monolithic lunr index of thousands of offers is megabytes; a phone should load only what
a query needs. So the index is built once and then split by the first letters of its terms
into shards, each a complete lunr index with only its terms. lunr scores a document by the
dot product of query and field vector divided by the query vector's length, so the terms of
one shard score exactly as in the whole index. Display data (result cards) and facet values
are kept apart from the index and are loaded as needed.

Files per Börse, below ``<boerse>/suche/``:
- ``index.json``      manifest: shard prefixes, counts, field boosts, synonyms
- ``t-<prefix>.json``  one lunr index shard per term prefix (``t-.json``: all terms, when small)
- ``facetten.json``   facet options and one compact column of values per offer
- ``karten-<n>.json`` result cards, ``CARDS_PER_FILE`` offers per file, in listing order
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline

from ..model import Boerse, Offer
from . import german
from .documents import FIELD_BOOSTS, result_card, search_fields
from .facets import facets_for

CARDS_PER_FILE = 10
SHARD_TARGET_POSTINGS = 4000  # about 20-30 KB gzipped per shard
MAX_PREFIX = 4
MIN_PART = 3  # shortest compound part indexed on its own ("kur" in "schwimmkur")
FORMAT_VERSION = 1


def ref_of(position: int) -> str:
    """Short document refs keep the index small: 0, 1, …, z, 10, …"""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        position, remainder = divmod(position, 36)
        text = digits[remainder] + text
        if position == 0:
            return text


def position_of(ref: str) -> int:
    return int(ref, 36)


def _drop_empty(token, i, tokens):
    """Punctuation such as "–" trims to nothing; lunr would index the empty string."""
    return token if str(token) else None


Pipeline.register_function(_drop_empty, "dropEmpty-boersen")


class _GermanBuilder(Builder):
    """lunr.py's Builder without the token set, which the serialized index does not carry."""

    def _create_token_set(self):
        self.token_set = None


def compound_parts(stems: list[str]) -> list[str]:
    """Word parts of long words, so "kurs" finds "Schwimmkurs" and "tagesstätte" "Kindertagesstätte".

    A part is a suffix of a stem of at least ``MIN_PART`` letters after a first part of at
    least three: "schwimmkur" gives "mmkur", "mkur", "kur" (the stem of "Kurs").
    """
    return [stem[start:] for stem in stems for start in range(3, len(stem) - MIN_PART + 1)]


def _stems(text: str) -> list[str]:
    return [german.stem(word) for word in german.tokenize(text) if word not in german.STOP_WORDS]


def build_index(offers: list[Offer]) -> dict:
    """The serialized lunr index of ``offers``; refs are positions in the list (base 36)."""
    builder = german.configure(_GermanBuilder())
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    builder.pipeline.add(_drop_empty)  # indexing only; the serialized search pipeline stays lunr.de's
    # Compound parts are stems already.
    builder.pipeline.skip(german.stemmer, ["teile"])
    if not offers:  # lunr.py cannot average field lengths over no documents
        return german.serialize(Index({}, {}, None, list(FIELD_BOOSTS), builder.search_pipeline))
    documents = [search_fields(offer) for offer in offers]
    # Parts come from the words that say what an offer is (title, keywords, summary), not from
    # the running description, which would double the index for little gain.
    stems = [
        _stems(" ".join((fields["titel"], fields["schlagworte"], offer.summary))) for fields, offer in zip(documents, offers, strict=True)
    ]
    for position, (fields, document_stems) in enumerate(zip(documents, stems, strict=True)):
        parts = sorted(set(compound_parts(document_stems)))
        # Word lists, not strings: lunr's own splitter breaks only at spaces and hyphens, so
        # "Sport/Spiel" would stay one term, while queries split like german.tokenize.
        words = {name: german.tokenize(text) for name, text in fields.items()}
        builder.add({"ref": ref_of(position), **words, "teile": parts})
    return german.serialize(builder.build())


def shard_prefixes(serialized: dict) -> dict[str, list[int]]:
    """Split the terms by their first letters until each shard is small enough.

    Returns prefix -> positions of its terms in the inverted index; a small index stays whole
    under the prefix "". Terms as long as a prefix stay in that prefix's shard ("ab" in "ab"
    even when "abe" is a shard of its own).
    """
    terms = [entry[0] for entry in serialized["invertedIndex"]]
    cost = [sum(len(postings) for field, postings in entry[1].items() if field != "_index") for entry in serialized["invertedIndex"]]
    shards: dict[str, list[int]] = {}

    def split(prefix: str, members: list[int]) -> None:
        if sum(cost[i] for i in members) <= SHARD_TARGET_POSTINGS or len(prefix) >= MAX_PREFIX:
            shards[prefix] = members
            return
        groups: dict[str, list[int]] = defaultdict(list)
        for i in members:
            groups[terms[i][: len(prefix) + 1]].append(i)
        if len(groups) == 1 and prefix in groups:  # nothing left to split on
            shards[prefix] = members
            return
        for key in sorted(groups):
            if key == prefix:  # terms exactly as long as the prefix
                shards[prefix] = groups[key]
            else:
                split(key, groups[key])

    split("", list(range(len(terms))))
    return shards


def shard(serialized: dict, positions: list[int]) -> dict:
    """A complete lunr index holding only the terms at ``positions``."""
    entries = [serialized["invertedIndex"][i] for i in positions]
    indices = {entry[1]["_index"] for entry in entries}
    vectors = []
    for field_ref, elements in serialized["fieldVectors"]:
        kept = [value for k in range(0, len(elements), 2) if elements[k] in indices for value in elements[k : k + 2]]
        if kept:
            vectors.append([field_ref, kept])
    return {**serialized, "invertedIndex": entries, "fieldVectors": vectors}


@dataclass
class SearchFiles:
    """Everything written for one Börse, by file name (relative to its ``suche/`` folder)."""

    files: dict[str, object]


def search_files(boerse: Boerse, offers: list[Offer], synonyms: list[list[str]]) -> SearchFiles:
    serialized = build_index(offers)
    prefixes = shard_prefixes(serialized)
    files: dict[str, object] = {}
    for prefix, positions in prefixes.items():
        files[f"t-{prefix}.json"] = shard(serialized, positions)
    facets = [facet.column(offers) for facet in facets_for(boerse)]
    files["facetten.json"] = {"facets": facets}
    cards = [result_card(offer) for offer in offers]
    for start in range(0, len(cards), CARDS_PER_FILE):
        files[f"karten-{start // CARDS_PER_FILE}.json"] = cards[start : start + CARDS_PER_FILE]
    files["index.json"] = {
        "version": FORMAT_VERSION,
        "boerse": boerse.slug,
        "titel": boerse.title,
        "anzahl": len(offers),
        "shards": sorted(prefixes),
        "kartenProDatei": CARDS_PER_FILE,
        "felder": FIELD_BOOSTS,
        "synonyme": synonyms,
    }
    return SearchFiles(files)


def dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_search_files(folder: Path, search: SearchFiles) -> None:
    """Write each file, and a gzipped twin for servers that send precompressed files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in search.files.items():
        data = dump(value)
        (folder / name).write_bytes(data)
        (folder / f"{name}.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
