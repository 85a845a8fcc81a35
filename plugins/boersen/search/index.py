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
- ``w-<n>-<m>.json``  the words of lengths n to m, for typos (in most Börsen one file)
- ``facetten.json``   facet options and one compact column of values per offer
- ``karten-<n>.json`` result cards, ``CARDS_PER_FILE`` offers per file, in listing order
With ``BOERSEN_PRECOMPRESS`` (publishconf.py) each file also gets a ``.gz`` twin.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.index import Index

from ..i18n import catalogues
from ..model import Boerse, Offer
from . import german
from .documents import FIELD_BOOSTS, PARTS_INTO, result_card, search_fields
from .facets import facets_for
from .languages import GERMAN, SearchLanguage
from .synonyms import synonym_groups
from .words import Dictionary

CARDS_PER_FILE = 10
SHARD_TARGET_POSTINGS = 4000  # about 20-30 KB gzipped per shard
MAX_PREFIX = 4
MIN_TYPO_WORD = 4  # shortest word a typo is forgiven in; shorter words are not in the word lists
WORDS_PER_FILE = 5000  # about 20 KB gzipped: a typo looks at up to five lengths, best in one file
FORMAT_VERSION = 3


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


@functools.lru_cache(maxsize=1 << 18)
def index_term(word: str) -> str | None:
    """The term the index holds for one lower-case word: folded, trimmed and stemmed as
    lunr.de's trimmer and stemmer do (the browser's ``indexTerm``).

    None for a word that is dropped: a stop word, or punctuation that trims to nothing.
    Cached, because the same words come back thousands of times.
    """
    if german.trim(word) in german.STOP_WORDS:
        return None
    trimmed = german.trim(german.fold(word))
    if not trimmed:
        return None
    return german.stem(trimmed) or None


class _GermanBuilder(Builder):
    """lunr.py's Builder, fed with terms instead of running its pipeline token by token.

    ``add_terms`` does what ``Builder.add`` does for a document whose fields are already
    pipeline output; scoring (BM25) and serialization stay lunr.py's. Calling the pipeline
    per token object made indexing the slowest part of a build of thousands of offers.
    """

    def add_terms(self, ref: str, fields: dict[str, list[str]]) -> None:
        self._documents[ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            terms = fields[field_name]
            field_ref = str(FieldRef(ref, field_name))
            counts = Counter(terms)
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(terms)
            for term in counts:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][ref] = {}

    def serialized(self) -> dict:
        """What ``german.serialize(self.build())`` gives, computed straight from the counts.

        lunr.py inserts every weight into its Vector one by one (a binary search and a list
        insert each), which made field vectors the slowest part of indexing. Here each vector
        is the sorted list of (term index, weight) pairs; the weights are lunr.py's BM25 to
        the same rounding, so the files are byte for byte the same.
        """
        self._calculate_average_field_lengths()
        k1, b = self._k1, self._b
        postings = self.inverted_index
        term_index = {term: posting["_index"] for term, posting in postings.items()}
        idf = {term: Idf(posting, self.document_count) for term, posting in postings.items()}
        vectors = []
        for field_ref, counts in self.field_term_frequencies.items():
            if not counts:  # an empty field (every one may be empty: no average length to divide by)
                vectors.append([field_ref, []])
                continue
            field_name, doc_ref = field_ref.split(FieldRef.JOINER, 1)
            field_boost, doc_boost = self._fields[field_name].boost, self._documents[doc_ref].get("boost", 1)
            norm = k1 * (1 - b + b * (self.field_lengths[field_ref] / self.average_field_length[field_name]))
            # lunr.py's BM25 in its order of operations: the same float, the same rounding.
            weights = ((term_index[t], idf[t] * ((k1 + 1) * tf) / (norm + tf) * field_boost * doc_boost) for t, tf in counts.items())
            pairs = sorted((index, round(weight, 3)) for index, weight in weights)
            vectors.append([field_ref, [x for pair in pairs for x in pair]])
        return {
            "version": __TARGET_JS_VERSION__,
            "fields": list(self._fields),
            "fieldVectors": vectors,
            "invertedIndex": german.sorted_terms([[term, postings[term]] for term in postings]),
            "pipeline": self.search_pipeline.serialize(),
        }


def _words(text: str, language: SearchLanguage = GERMAN) -> list[str]:
    # Split like queries are split (german.tokenize), not at spaces and hyphens only as lunr
    # would, so "Sport/Spiel" gives two words.
    term = index_term if language is GERMAN else language.index_term
    return [word for word in german.tokenize(text) if term(word) is not None]


class _Analysed:
    """The searched words of every offer, and the dictionary their compounds are split with
    (German only: another language's index has no compound parts)."""

    def __init__(self, offers: list[Offer], language: SearchLanguage = GERMAN):
        self.language = language
        self.fields = [{name: _words(text, language) for name, text in search_fields(offer, language.code).items()} for offer in offers]
        for fields in self.fields:  # "Lutherstr." is "Lutherstraße"
            fields["adresse"] = [w + "asse" if len(w) > 5 and w.endswith("str") else w for w in fields["adresse"]]
        vocabulary = {german.fold(word) for fields in self.fields for words in fields.values() for word in words}
        self.dictionary = Dictionary(sorted(vocabulary)) if language.compounds else None

    def parts(self, words: list[str]) -> list[str]:
        """Folded compound parts of the words, each once, in the order found."""
        if self.dictionary is None:
            return []
        found: dict[str, None] = {}
        for word in words:
            for part in self.dictionary.parts(german.fold(word)):
                found.setdefault(part, None)
        return list(found)


def build_index(
    offers: list[Offer], analysed: _Analysed | None = None, language: SearchLanguage = GERMAN, positions: list[int] | None = None
) -> dict:
    """The serialized lunr index of ``offers``; refs are ``positions`` (default: positions in the
    list), base 36.

    Another language's index has no pipeline: queries never run one (their terms are made by
    our code on both sides), so the browser needs no lunr functions registered to load it."""
    analysed = analysed or _Analysed(offers, language)
    positions = list(range(len(offers))) if positions is None else positions
    german_index = analysed.language is GERMAN
    builder = german.configure(_GermanBuilder()) if german_index else _GermanBuilder()
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    if not offers:  # lunr.py cannot average field lengths over no documents
        return german.serialize(Index({}, {}, None, list(FIELD_BOOSTS), builder.search_pipeline))
    term = index_term if german_index else analysed.language.index_term
    for position, fields in zip(positions, analysed.fields, strict=True):
        terms = {name: [term(word) for word in fields.get(name, [])] for name in FIELD_BOOSTS}
        for target in dict.fromkeys(PARTS_INTO.values()):
            parts = analysed.parts([word for source, into in PARTS_INTO.items() if into == target for word in fields[source]])
            terms[target] += [found for part in parts if (found := term(part)) is not None]
        builder.add_terms(ref_of(position), terms)
    return builder.serialized()


def word_lists(analysed: _Analysed) -> dict[int, list[str]]:
    """Every folded word and compound part of 4+ letters, by length: what typos are compared with.

    Typos are measured against words as written ("beratnug" is one swap from "beratung"), not
    against stems, which magnify them ("beratnug" vs "berat"). By length, because a word with
    at most two typos differs in length by at most two: a query loads a few lists, and a typo
    in the first letter is found as well as one in the last.
    """
    found: set[str] = set()
    for fields in analysed.fields:
        words = [analysed.language.surface(word) for words in fields.values() for word in words]
        found.update(words)
        found.update(analysed.parts([word for source in PARTS_INTO for word in fields[source]]))
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(found):
        if len(word) >= MIN_TYPO_WORD and not word.isdigit():
            by_length[len(word)].append(word)
    return dict(sorted(by_length.items()))


def word_files(lists: dict[int, list[str]]) -> dict[str, dict[str, list[str]]]:
    """Word lists of consecutive lengths packed into files of at most ``WORDS_PER_FILE`` words
    (a longer list gets a file of its own), named by their first and last length ("4-20").

    One request then brings every length a typo is compared with, where a file per length
    made a typo cost up to five requests.
    """
    files: dict[str, dict[str, list[str]]] = {}
    packed: dict[int, list[str]] = {}
    for length, words in lists.items():
        if packed and sum(map(len, packed.values())) + len(words) > WORDS_PER_FILE:
            files[f"{min(packed)}-{max(packed)}"] = {str(n): w for n, w in packed.items()}
            packed = {}
        packed[length] = words
    if packed:
        files[f"{min(packed)}-{max(packed)}"] = {str(n): w for n, w in packed.items()}
    return files


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


def shards(serialized: dict, prefixes: dict[str, list[int]]) -> dict[str, dict]:
    """One complete lunr index per prefix, holding only that prefix's terms.

    A single pass over the field vectors hands each (term, weight) pair to its shard.
    """
    names = list(prefixes)
    shard_of_term = [0] * len(serialized["invertedIndex"])  # by the term's _index
    vectors: list[list] = [[] for _ in names]
    for number, name in enumerate(names):
        for i in prefixes[name]:
            shard_of_term[serialized["invertedIndex"][i][1]["_index"]] = number
    for field_ref, elements in serialized["fieldVectors"]:
        per_shard: dict[int, list] = {}
        for k in range(0, len(elements), 2):
            number = shard_of_term[elements[k]]
            if number in per_shard:
                per_shard[number] += elements[k : k + 2]
            else:
                per_shard[number] = elements[k : k + 2]
        for number, kept in per_shard.items():
            vectors[number].append([field_ref, kept])
    return {
        name: {**serialized, "invertedIndex": [serialized["invertedIndex"][i] for i in prefixes[name]], "fieldVectors": vectors[number]}
        for number, name in enumerate(names)
    }


def _cards(offers: list[Offer], language: SearchLanguage) -> list[dict]:
    """The result cards, their facts (dates, prices …) formatted in the index's language."""
    previous = catalogues.active().code
    catalogues.activate(language.code)
    try:
        return [result_card(offer, language.code) for offer in offers]
    finally:
        catalogues.activate(previous)


def search_files(boerse: Boerse, offers: list[Offer], synonyms: list[list[str]], language: SearchLanguage = GERMAN) -> dict[str, object]:
    """Everything written for one Börse, by file name (relative to its ``suche/`` folder).

    ``synonyms`` are the town's groups (``synonyme`` in _einstellungen.yaml); they extend the
    default German list (synonyms.py). Another ``language``'s files (below ``<code>/<boerse>/suche/``)
    index only the offers translated into it (their translations, German where a field is
    untranslated) with that language's stemmer; they have no synonyms and no compound parts, and
    the manifest names the language. Facets and cards cover every offer, so positions are those
    of the German index and the page merges both by position.
    """
    # Another language indexes only the offers translated into it, by their positions in
    # ``offers``: every other offer is found by the German index, which the page queries too.
    positions = [i for i, offer in enumerate(offers) if language is GERMAN or language.code in offer.translations]
    indexed = [offers[i] for i in positions]
    analysed = _Analysed(indexed, language)
    serialized = build_index(indexed, analysed, language, positions)
    prefixes = shard_prefixes(serialized)
    files: dict[str, object] = {}
    for prefix, index in shards(serialized, prefixes).items():
        files[f"t-{prefix}.json"] = index
    lists = word_files(word_lists(analysed)) if indexed else {}
    for name, words in lists.items():
        files[f"w-{name}.json"] = words
    facets = [facet.column(offers) for facet in facets_for(boerse)]
    files["facetten.json"] = {"facets": facets}
    cards = _cards(offers, language)
    for start in range(0, len(cards), CARDS_PER_FILE):
        files[f"karten-{start // CARDS_PER_FILE}.json"] = cards[start : start + CARDS_PER_FILE]
    files["index.json"] = {
        "version": FORMAT_VERSION,
        "boerse": boerse.slug,
        "titel": boerse.title,
        "anzahl": len(offers),
        "shards": sorted(prefixes),
        "woerter": {length: name for name, words in lists.items() for length in words},  # length -> file
        "kartenProDatei": CARDS_PER_FILE,
        "felder": FIELD_BOOSTS,
        "synonyme": synonym_groups(synonyms) if language is GERMAN else [],
    }
    if language is not GERMAN:
        files["index.json"]["sprache"] = language.code
    return files


def dump(value: object) -> bytes:
    # No cycle check: the values are plain data built here, and checking the millions of small
    # dicts of the postings made writing a third slower.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False).encode("utf-8")


def write_search_files(folder: Path, files: dict[str, object], *, precompress: bool = False) -> None:
    """Write each file; with ``precompress`` also a gzipped twin for servers that send those
    (nginx ``gzip_static``). Other servers compress JSON on the fly."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in files.items():
        data = dump(value)
        (folder / name).write_bytes(data)
        if precompress:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
