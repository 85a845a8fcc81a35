"""The search as the browser runs it, in Python: one algorithm, two languages.

theme/static/js/boersen-search.js implements exactly these steps (scoring each shard as
lunr.Index.query does, without lunr's query machinery); the parity tests run both over the
same built files and compare the results and scores.

1. The query is split into words (german.tokenize); stop words are dropped, at most
   ``MAX_WORDS`` words of at most ``MAX_WORD_LENGTH`` letters are kept.
2. Words become units: a run of words that is a multi-word synonym ("offene ganztagsschule")
   is one unit, every other word is a unit of its own. A unit's alternatives are the other
   members of the synonym groups it belongs to (matched with inflection: "Kitas" is "Kita").
3. Each word becomes lunr clauses on index terms (folded, stemmed; index.index_term): the
   term (boost 10), the folded word as a prefix (3; under five letters not among compound
   parts, which would match thousands of offers), the stem as a prefix for inflected
   forms ("familienzentr*" finds "Familienzentrum"; 2), a begun "-ung" cut off ("beratun" looks
   for "berat*", the stem of "Beratung"), the stem without "-um"
   ("zentrum" also looks for "zentr", the stem of "Zentren"), and ae/oe/ue spellings as
   umlauts ("Muenchen"). Synonyms add their terms (5) and prefixes (2).
4. Where exact, prefix and compound matches find nothing (for a unit without hits, or for
   every unit when all units together find nothing), the word is forgiven, using the words of
   the data as written (word lists by length, ``w-<n>-<m>.json``):
   - a compound the data does not hold is searched as its parts when it is made of the data's
     words, perhaps joined by a Fugen-s or -n ("Seepferdchenkurs" = "seepferdchen" + "kurs",
     "Kinderfussballcamp" = "kinder" + "fussballcamp"): every part must match;
   - else typos: one for words of 4+ letters, two from ``TWO_TYPOS_FROM`` letters; the
     closest words win.
5. Clauses go to the shard that holds their terms; a unit's score per offer is the sum over
   its shards and alternatives. An offer must match every unit (AND); its score is the sum.
6. Results are ordered by score, then by listing order.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from lunr.index import Index
from lunr.query import Query

from . import german
from .languages import GERMAN, LANGUAGES, SearchLanguage
from .words import FUGEN, distance

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
EXACT, PREFIX, STEM_PREFIX, SYNONYM, SYNONYM_PREFIX, TYPO = 10, 3, 2, 5, 2, 1
MIN_PREFIX_LENGTH = 2
MIN_STEM_PREFIX = 5
MIN_UMLAUT_PREFIX = 5
MIN_TYPO_LENGTH = 4
TWO_TYPOS_FROM = 7
MAX_TYPO_TERMS = 20
MAX_PHRASE = 4
MIN_QUERY_PART = 4  # the word lists' shortest words: "Badesee" is not split at query time
MAX_QUERY_PARTS = 3
SHORT_PREFIX = 5  # prefixes shorter than this skip compound parts: "wa" would match thousands
PARTS_FIELD = "teile"

_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


@dataclass(frozen=True)
class Clause:
    term: str  # an index term (or a prefix of index terms), sent to lunr without its pipeline
    boost: float
    prefix: bool = False
    whole_words: bool = False  # not in the compound parts ("teile")


@dataclass(frozen=True)
class Unit:
    words: tuple[str, ...]  # the query's words (lower case)
    alternatives: tuple[tuple[str, ...], ...]  # other members of its synonym groups (folded words)


def words_of(text: str, language: SearchLanguage = GERMAN) -> list[str]:
    words = []
    for word in german.tokenize(text):
        word = word[:MAX_WORD_LENGTH]
        stop = word in german.STOP_WORDS if language is GERMAN else language.is_stop_word(word)
        if not stop and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


@functools.lru_cache(maxsize=1 << 16)
def term_of(word: str) -> str:
    """The index term of a word: folded, trimmed and stemmed (index.index_term without stop words)."""
    return german.stem(german.trim(german.fold(word)))


def language_term(word: str, language: SearchLanguage) -> str:
    """term_of in ``language`` (another language's index holds its own stems)."""
    return term_of(word) if language is GERMAN else language.term_of(word)


def umlaut_variant(folded: str) -> str | None:
    """ "muenchen" -> "munchen": people without umlauts on the keyboard write ae/oe/ue."""
    variant = folded
    for digraph, letter in _DIGRAPHS:
        variant = variant.replace(digraph, letter)
    return variant if variant != folded else None


def same_word(folded: str, member: str) -> bool:
    """Is a folded query word this synonym member's word, perhaps inflected ("kitas", "krippen")?"""
    if folded == member or term_of(folded) == term_of(member):
        return True
    return len(member) >= 4 and folded.startswith(member) and len(folded) - len(member) <= 2


def units_of(words: list[str], groups: list[list[list[str]]]) -> list[Unit]:
    folded = [german.fold(word) for word in words]
    units = []
    i = 0
    while i < len(words):
        for length in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            span = folded[i : i + length]
            alternatives: list[tuple[str, ...]] = []
            matched = False
            for group in groups:
                hits = [m for m in group if len(m) == length and all(same_word(w, t) for w, t in zip(span, m, strict=True))]
                if not hits:
                    continue
                matched = True
                for member in group:
                    if member not in hits and tuple(member) not in alternatives:
                        alternatives.append(tuple(member))
            if matched or length == 1:
                units.append(Unit(tuple(words[i : i + length]), tuple(alternatives)))
                i += length
                break
    return units


def word_clauses(word: str, boost: float = EXACT, prefix_boost: float = PREFIX, language: SearchLanguage = GERMAN) -> list[Clause]:
    """Exact, prefix, stem prefix, "-um" and umlaut clauses for one word (the last three German only)."""
    folded = german.fold(word)
    term = language_term(word, language)
    clauses = [Clause(term, boost)] if term else []
    if len(folded) >= MIN_PREFIX_LENGTH:
        clauses.append(Clause(folded, prefix_boost, prefix=True, whole_words=len(folded) < SHORT_PREFIX))
    if len(term) >= MIN_STEM_PREFIX and term != folded and len(folded) - len(term) <= 2:
        clauses.append(Clause(term, STEM_PREFIX, prefix=True))
    if not language.compounds:
        return clauses
    if len(term) >= MIN_STEM_PREFIX + 1 and term.endswith("um"):
        clauses.append(Clause(term[:-2], boost))
    if len(folded) >= MIN_STEM_PREFIX and (folded.endswith("un") or folded.endswith("u")):
        # Typing "Beratun": the index holds "berat" (the stem of "Beratung"), which "beratun*"
        # cannot reach; the prefix without the begun "-ung" can.
        clauses.append(Clause(folded[: -2 if folded.endswith("un") else -1], prefix_boost, prefix=True))
    variant = umlaut_variant(folded)
    if variant:
        clauses.append(Clause(term_of(variant), boost))
        if len(variant) >= MIN_UMLAUT_PREFIX:
            clauses.append(Clause(variant, prefix_boost, prefix=True))
    return clauses


def typo_budget(folded: str) -> int:
    if len(folded) < MIN_TYPO_LENGTH:
        return 0
    return 2 if len(folded) >= TWO_TYPOS_FROM else 1


def typo_lengths(folded: str, available: list[int]) -> list[int]:
    budget = typo_budget(folded)
    return [n for n in range(len(folded) - budget, len(folded) + budget + 1) if n in available] if budget else []


def typo_terms(folded: str, lists: dict[int, list[str]], language: SearchLanguage = GERMAN) -> list[str]:
    """Index terms of the data's words closest to ``folded`` (1 typo, or 2 for long words)."""
    budget = typo_budget(folded)
    best = budget + 1
    found: list[str] = []
    for length in sorted(lists):
        for candidate in lists[length]:
            d = distance(folded, candidate, budget)
            if d == 0 or d > budget or d > best:
                continue
            if d < best:
                best, found = d, []
            found.append(candidate)
    terms: list[str] = []
    for candidate in sorted(found):
        term = language_term(candidate, language)
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TYPO_TERMS]


def compound_lengths(folded: str, available: list[int]) -> list[int]:
    """The word list lengths a compound of ``folded``'s length can be made of (a verb's stem
    two letters longer: "bastel" is known from "basteln")."""
    return [n for n in range(MIN_QUERY_PART, len(folded) - MIN_QUERY_PART + 3) if n in available]


def _fewer_parts_longer_head(option: tuple[str, ...], best: tuple[str, ...] | None) -> bool:
    """Fewer parts win, then the longer last part (the head of a German compound), then the
    longer first part."""
    if best is None or len(option) != len(best):
        return best is None or len(option) < len(best)
    if len(option[-1]) != len(best[-1]):
        return len(option[-1]) > len(best[-1])
    return len(option[0]) > len(best[0])


def compound_parts(folded: str, lists: dict[int, list[str]]) -> tuple[str, ...]:
    """``folded`` as two or three words of the lists, perhaps joined by a Fugen-s or -n, or ().
    A part may be a verb's stem ("bastel" of "basteln", "tanz" of "tanzen"): "Bastelnachmittag"."""
    listed = {word for words in lists.values() for word in words}

    def known(part: str) -> bool:
        return part in listed or part + "n" in listed or part + "en" in listed

    def segment(word: str, parts_left: int) -> tuple[str, ...] | None:
        if known(word):
            return (word,)
        if parts_left == 1:
            return None
        best = None
        for end in range(MIN_QUERY_PART, len(word) - MIN_QUERY_PART + 1):
            if not known(word[:end]):
                continue
            for joint in ("", *FUGEN):
                start = end + len(joint)
                if not word.startswith(joint, end) or len(word) - start < MIN_QUERY_PART:
                    continue
                rest = segment(word[start:], parts_left - 1)
                if rest is not None and _fewer_parts_longer_head((word[:end], *rest), best):
                    best = (word[:end], *rest)
        return best

    if folded in listed:
        return ()
    return segment(folded, MAX_QUERY_PARTS) or ()


def shards_for(clause: Clause, shards: list[str]) -> list[str]:
    """The shards that may hold the clause's terms."""
    if clause.prefix:
        return [shard for shard in shards if shard.startswith(clause.term) or clause.term.startswith(shard)]
    holders = [shard for shard in shards if clause.term.startswith(shard)]
    return [max(holders, key=len)] if holders else []


def _add(scores: dict[int, float], more: dict[int, float]) -> dict[int, float]:
    for position, score in more.items():
        scores[position] = scores.get(position, 0.0) + score
    return scores


def _intersect(parts: list[dict[int, float]]) -> dict[int, float]:
    combined = parts[0]
    for part in parts[1:]:
        combined = {p: s + part[p] for p, s in combined.items() if p in part}
    return combined


class BoerseSearch:
    """Searches one Börse's built files; ``load`` reads a file by name (``t-sch.json`` …)."""

    def __init__(self, manifest: dict, load: Callable[[str], object]):
        self.manifest = manifest
        self.load = load
        self.language = LANGUAGES[manifest.get("sprache", "de")]
        self.indexes: dict[str, Index] = {}
        self.word_files: dict[str, dict[str, list[str]]] = {}

    def _index(self, shard: str) -> Index:
        if shard not in self.indexes:
            serialized = self.load(f"t-{shard}.json")
            # Files hold terms in UTF-16 order for lunr.js; lunr.py loads them in code point order.
            serialized["invertedIndex"] = sorted(serialized["invertedIndex"], key=lambda entry: entry[0])
            self.indexes[shard] = Index.load(serialized)
        return self.indexes[shard]

    def _lists(self, lengths: Callable[[str, list[int]], list[int]], folded: str) -> dict[int, list[str]]:
        lists = {}
        files = self.manifest["woerter"]  # length -> file holding its words
        for length in lengths(folded, [int(n) for n in files]):
            name = files[str(length)]
            if name not in self.word_files:
                self.word_files[name] = self.load(f"w-{name}.json")
            lists[length] = self.word_files[name][str(length)]
        return lists

    def run(self, clauses: list[Clause]) -> dict[int, float]:
        """Scores per offer position of one lunr query per shard, summed over the shards."""
        by_shard: dict[str, list[Clause]] = defaultdict(list)
        for clause in clauses:
            for shard in shards_for(clause, self.manifest["shards"]):
                by_shard[shard].append(clause)
        scores: dict[int, float] = {}
        for shard in sorted(by_shard):
            index = self._index(shard)
            query = index.create_query()
            for clause in by_shard[shard]:
                query.term(
                    clause.term,
                    boost=clause.boost,
                    use_pipeline=False,
                    wildcard=Query.WILDCARD_TRAILING if clause.prefix else Query.WILDCARD_NONE,
                    fields=[f for f in index.fields if f != PARTS_FIELD] if clause.whole_words else None,
                )
            for result in index.query(query):
                position = int(result["ref"], 36)
                scores[position] = scores.get(position, 0.0) + result["score"]
        return scores

    def unit_scores(self, unit: Unit, typos: bool) -> dict[int, float]:
        singles = [a[0] for a in unit.alternatives if len(a) == 1]
        synonym_clauses = [c for s in singles for c in word_clauses(s, SYNONYM, SYNONYM_PREFIX)]
        if len(unit.words) == 1:
            clauses = word_clauses(unit.words[0], language=self.language)
            if typos:
                surface = self.language.surface(unit.words[0])
                clauses += [Clause(term, TYPO) for term in typo_terms(surface, self._lists(typo_lengths, surface), self.language)]
            scores = self.run(clauses + synonym_clauses)
        else:
            words = [self.run(word_clauses(w, language=self.language)) for w in unit.words]
            scores = _add(_intersect(words), self.run(synonym_clauses) if singles else {})
        for phrase in unit.alternatives:
            if len(phrase) > 1:
                scores = _add(scores, _intersect([self.run(word_clauses(w, SYNONYM, SYNONYM_PREFIX)) for w in phrase]))
        return scores

    def compound_scores(self, unit: Unit) -> dict[int, float]:
        """A one-word unit as the compound of the data's words it is, every part matching."""
        if len(unit.words) > 1 or not self.language.compounds:
            return {}
        surface = self.language.surface(unit.words[0])
        parts = compound_parts(surface, self._lists(compound_lengths, surface))
        return _intersect([self.run(word_clauses(part)) for part in parts]) if parts else {}

    def search(self, text: str) -> list[tuple[int, float]] | None:
        """(position, score) of every matching offer, best first; None for an empty query."""
        words = words_of(text, self.language)
        if not words:
            return None
        units = units_of(words, self.manifest["synonyme"])
        forgiving = [len(u.words) == 1 and typo_budget(self.language.surface(u.words[0])) > 0 for u in units]
        typos = [False] * len(units)
        scores = [self.unit_scores(unit, False) for unit in units]
        for i, unit in enumerate(units):
            if not scores[i] and forgiving[i]:
                typos[i] = True
                scores[i] = self.compound_scores(unit) or self.unit_scores(unit, True)
        combined = _intersect(scores)
        if not combined and any(f and not t for f, t in zip(forgiving, typos, strict=True)):
            for i, unit in enumerate(units):
                if forgiving[i] and not typos[i]:
                    typos[i] = True
                    scores[i] = self.unit_scores(unit, True)
            combined = _intersect(scores)
        return sorted(combined.items(), key=lambda item: (-round(item[1], 6), item[0]))
