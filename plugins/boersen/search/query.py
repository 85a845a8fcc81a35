"""The search as the browser runs it, in Python: one algorithm, two languages.

theme/static/js/boersen-search.js implements exactly these steps with lunr.js; the parity
tests run both over the same built files and compare the results.

1. The query is split into words (german.tokenize); stop words are dropped, at most
   ``MAX_WORDS`` words of at most ``MAX_WORD_LENGTH`` letters are kept.
2. Each word becomes lunr clauses: the word through the pipeline (stem, boost 10), the
   folded word as a prefix (boost 3) and, for words whose stem has five letters or more,
   the word with one typo allowed (boost 1). Spellings with ae/oe/ue (Muenchen) add the umlaut variant;
   synonyms from the town's list add their stems (boost 5).
3. Clauses are sent to the shard that holds their terms; a word's score per offer is the
   sum over its shards. An offer must match every word (AND); its score is the sum.
4. Results are ordered by score, then by listing order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from lunr.index import Index
from lunr.query import Query

from . import german
from .index import position_of

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
EXACT, PREFIX, TYPO, SYNONYM = 10, 3, 1, 5
MIN_TYPO_LENGTH = 5
MIN_PREFIX_LENGTH = 2

_DIGRAPHS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


@dataclass(frozen=True)
class Clause:
    term: str
    boost: float
    use_pipeline: bool
    prefix: bool = False
    typo: bool = False


def words_of(text: str) -> list[str]:
    words = []
    for word in german.tokenize(text):
        word = word[:MAX_WORD_LENGTH]
        if word not in german.STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def umlaut_variant(word: str) -> str | None:
    """ "muenchen" -> "münchen": people without umlauts on the keyboard write ae/oe/ue."""
    variant = word
    for digraph, umlaut in _DIGRAPHS:
        variant = variant.replace(digraph, umlaut)
    return variant if variant != word else None


def index_term(word: str) -> str:
    """The term lunr's search pipeline makes of a word (trimmer, stemmer)."""
    return german.stem(german.trim(word))


def synonyms_of(word: str, synonyms: list[list[str]]) -> list[str]:
    stem = index_term(word)
    found = []
    for group in synonyms:
        members = [member.lower() for member in group]
        if any(index_term(member) == stem for member in members):
            found.extend(member for member in members if index_term(member) != stem and member not in found)
    return found


def clauses_for(word: str, synonyms: list[list[str]]) -> list[Clause]:
    clauses = [Clause(word, EXACT, True)]
    if len(word) >= MIN_PREFIX_LENGTH:
        clauses.append(Clause(german.fold(word), PREFIX, False, prefix=True))
    if len(index_term(word)) >= MIN_TYPO_LENGTH:  # stems, not words: "reiten" is "reit", too short
        clauses.append(Clause(word, TYPO, True, typo=True))
    variant = umlaut_variant(word)
    if variant:
        clauses.append(Clause(variant, EXACT, True))
    clauses.extend(Clause(synonym, SYNONYM, True) for synonym in synonyms_of(word, synonyms))
    return clauses


def shards_for(clause: Clause, shards: list[str]) -> list[str]:
    """The shards that may hold the clause's terms."""
    if clause.prefix:
        return [shard for shard in shards if shard.startswith(clause.term) or clause.term.startswith(shard)]
    term = index_term(clause.term)
    holders = [shard for shard in shards if term.startswith(shard)]
    return [max(holders, key=len)] if holders else []


class BoerseSearch:
    """Searches one Börse's built files; ``load`` reads a file by name (``t-sch.json`` …)."""

    def __init__(self, manifest: dict, load: Callable[[str], dict]):
        self.manifest = manifest
        self.load = load
        self.indexes: dict[str, Index] = {}

    def _index(self, shard: str) -> Index:
        if shard not in self.indexes:
            serialized = self.load(f"t-{shard}.json")
            # Files hold terms in UTF-16 order for lunr.js; lunr.py loads them in code point order.
            serialized["invertedIndex"] = sorted(serialized["invertedIndex"], key=lambda entry: entry[0])
            self.indexes[shard] = Index.load(serialized)
        return self.indexes[shard]

    def word_scores(self, word: str) -> dict[int, float]:
        by_shard: dict[str, list[Clause]] = defaultdict(list)
        for clause in clauses_for(word, self.manifest["synonyme"]):
            for shard in shards_for(clause, self.manifest["shards"]):
                by_shard[shard].append(clause)
        scores: dict[int, float] = defaultdict(float)
        for shard in sorted(by_shard):
            index = self._index(shard)
            query = index.create_query()
            for clause in by_shard[shard]:
                query.term(
                    clause.term,
                    boost=clause.boost,
                    use_pipeline=clause.use_pipeline,
                    wildcard=Query.WILDCARD_TRAILING if clause.prefix else Query.WILDCARD_NONE,
                    edit_distance=1 if clause.typo else 0,
                )
            for result in index.query(query):
                scores[position_of(result["ref"])] += result["score"]
        return scores

    def search(self, text: str) -> list[tuple[int, float]] | None:
        """(position, score) of every matching offer, best first; None for an empty query."""
        words = words_of(text)
        if not words:
            return None
        combined: dict[int, float] | None = None
        for word in words:
            scores = self.word_scores(word)
            combined = scores if combined is None else {p: s + scores[p] for p, s in combined.items() if p in scores}
        return sorted(combined.items(), key=lambda item: (-round(item[1], 6), item[0]))
