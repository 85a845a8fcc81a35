"""Words for the search: a German dictionary, compound splitting and typo distance.

Compounds are split at index time against a dictionary made of the nouns of the German
Wiktionary (PyPI ``german-nouns``: about 100,000 nouns with all their inflected forms, read at
build time only, never shipped) and the data's own words. Every part is a real word, so
"Kreuzberg" gives "kreuz" and "berg", never "zberg"; parts may be joined by a Fugen-s or -n
("Migrationsberatung" = "migration" + s + "beratung", "Spatzennest" = "spatzen" + "nest").

``distance`` is the twin of ``distance`` in theme/static/js/boersen-search.js: the optimal
string alignment distance (a swap of two neighbouring letters is one typo), given up early
once it exceeds the allowed number of typos.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import importlib.metadata
import importlib.resources
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from . import german

MIN_PART = 4  # shortest dictionary word used as a part; three-letter words only from SHORT_PARTS
# ("see" in "Badesee"): the dictionary's other short nouns ("ern", "urs") split words wrongly.
SHORT_PARTS = frozenset({"bad", "see", "tag", "eis", "zoo", "rad", "ski", "zug", "hof", "tal", "tee", "bus", "rat"})
MIN_DATA_WORD = 4  # shortest word of the data itself taken into the dictionary
MIN_SPLIT = 6  # shortest word that is split at all
FUGEN = ("s", "es", "n", "en", "e")  # joints between parts: "Migration|s|beratung", "Sonne|n|allee"
UNKNOWN_FIRST_PART = 1.5  # extra cost of a first part that is no dictionary word ("schwimm|kurs")
SHORT_PART = 0.1  # extra cost of a three-letter part: longer parts are likelier
MAX_PARTS_PER_WORD = 12


@functools.cache
def nouns() -> frozenset[str]:
    """Every form of every noun of the German Wiktionary (german-nouns), folded, letters only.

    Reading the package's 20 MB table takes about a second; the folded words (3 MB) are kept
    in the user's cache folder, keyed by the package's version and this code, and read from
    there in a few milliseconds by the next build.
    """
    cache = _nouns_cache()
    try:
        return frozenset(cache.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    words = _read_nouns()
    with contextlib.suppress(OSError):  # no cache where the folder cannot be written
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}")
        partial.write_text("\n".join(sorted(words)), encoding="utf-8")
        partial.replace(cache)  # whole or not at all: builds running side by side share it
    return words


def _nouns_cache() -> Path:
    """The cache file: a new name for another german-nouns version or a change of this code."""
    key = hashlib.sha256(importlib.metadata.version("german-nouns").encode())
    for module in (__file__, german.__file__):  # folding and the rules below shape the words
        key.update(Path(module).read_bytes())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "boersen" / f"nouns-{key.hexdigest()[:16]}.txt"


def _read_nouns() -> frozenset[str]:
    raw: set[str] = set()
    source = importlib.resources.files("german_nouns") / "nouns.csv"
    with source.open(encoding="utf-8", newline="") as file:
        rows = csv.reader(file)
        header = next(rows)
        first_form = min(i for i, name in enumerate(header) if "singular" in name or "plural" in name)
        for row in rows:
            raw.add(row[0])  # the lemma
            raw.update(row[first_form:])  # its forms: nominative, genitive … singular and plural
    words = {german.fold(word) for word in raw if word.isalpha()}
    return frozenset(word for word in words if len(word) >= MIN_PART or word in SHORT_PARTS)


def _better(option: tuple[float, tuple[str, ...]], best: tuple[float, tuple[str, ...]] | None) -> bool:
    """Fewer (and longer) parts win; at equal cost the longer last part, the head of a German
    compound: "bahnhof|strasse", not "bahnhofs|trasse"."""
    if best is None:
        return True
    if round(option[0], 6) != round(best[0], 6):
        return option[0] < best[0]
    return len(option[1][-1]) > len(best[1][-1])


class Dictionary:
    """The nouns plus the words of one Börse's data (and verb stems: "schwimmen" gives "schwimm")."""

    def __init__(self, data_words: Iterable[str]):
        own = set()
        ordered = sorted(data_words)
        # A word that begins another word of the data is left out: it may be an abbreviation
        # ("stuhmeyerstr" of "Stuhmeyerstraße"), and it would split "stuhmeyerstr|asse".
        prefixes = {a for a, b in itertools.pairwise(ordered) if b.startswith(a)}
        for word in ordered:
            if word in prefixes:
                continue
            if len(word) >= MIN_DATA_WORD and word.isalpha():
                own.add(word)
                if word.endswith("en") and len(word) - 2 >= MIN_DATA_WORD:
                    own.add(word[:-2])
        self.words = nouns() | own

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def _part_cost(self, part: str) -> float:
        """1 per part, a little more for a three-letter part."""
        return 1.0 + (SHORT_PART if len(part) < MIN_PART else 0.0)

    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - one dictionary per build, words repeat
    def _segment(self, word: str) -> tuple[float, tuple[str, ...]] | None:
        """The cheapest split of ``word`` into dictionary words, joints included (cost: parts)."""
        best = None
        for end in range(3, len(word) + 1):  # shortest first part first: it wins a tie
            part = word[:end]
            if part not in self.words:
                continue
            if end == len(word):
                candidate = (self._part_cost(part), (part,))
            else:
                candidate = None
                for joint in ("", *FUGEN):
                    rest_start = end + len(joint)
                    if not word.startswith(joint, end) or rest_start >= len(word):
                        continue
                    rest = self._segment(word[rest_start:])
                    if rest is not None:
                        cost = self._part_cost(part) + rest[0] + (0.01 if joint else 0.0)
                        option = (cost, (part, *((joint,) if joint else ()), *rest[1]))
                        if _better(option, candidate):
                            candidate = option
            if candidate is not None and _better(candidate, best):
                best = candidate
        return best

    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019
    def split(self, word: str, unknown_first: bool = True) -> tuple[str, ...]:
        """The parts of a compound with their joints ("migration", "s", "beratung") or () for none.

        At least two parts; with ``unknown_first`` the first may be no dictionary word of four or
        more letters (a verb stem, a name: "schwimm|kurs") when the rest splits.
        """
        if len(word) < MIN_SPLIT or not word.isalpha():
            return ()
        best: tuple[float, tuple[str, ...]] | None = None
        for end in range(3, len(word) - 2):  # shortest first part first: it wins a tie
            first = word[:end]
            known = first in self.words
            if not known and (not unknown_first or end < MIN_PART):
                continue
            for joint in ("", *FUGEN):
                rest_start = end + len(joint)
                if not word.startswith(joint, end) or len(word) - rest_start < 3:
                    continue
                rest = self._segment(word[rest_start:])
                if rest is None:
                    continue
                cost = self._part_cost(first) + rest[0] + (0.01 if joint else 0.0) + (0.0 if known else UNKNOWN_FIRST_PART)
                option = (cost, (first, *((joint,) if joint else ()), *rest[1]))
                if _better(option, best):
                    best = option
        return best[1] if best else ()

    def _pieces(self, word: str, unknown_first: bool) -> list[tuple[int, int, bool]]:
        """(start, end, is a dictionary word) of every part, parts of known parts included."""
        pieces = []
        offset = 0
        for piece in self.split(word, unknown_first):
            if len(piece) < 3:  # a joint (Fugen-s, -n)
                offset += len(piece)
                continue
            known = piece in self.words
            pieces.append((offset, offset + len(piece), known))
            if known:
                pieces.extend((offset + s, offset + e, k) for s, e, k in self._pieces(piece, False))
            offset += len(piece)
        return pieces

    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019
    def parts(self, word: str) -> tuple[str, ...]:
        """Searchable parts of a folded word: its dictionary parts (and the parts of those), an
        unknown first part of 4+ letters ("schwimm"), and the tail after every part boundary
        ("tagesstatte" of "kindertagesstatte")."""
        pieces = self._pieces(word, True)
        found = [word[s:e] for s, e, known in pieces if known or s == 0]
        found += [word[s:] for s, _, _ in pieces if s > 0]
        unique: list[str] = []
        for part in found:
            if part not in unique and part != word:
                unique.append(part)
        return tuple(unique[:MAX_PARTS_PER_WORD])


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of a and b, or limit + 1 once it is larger than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        smallest = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            smallest = min(smallest, value)
        if smallest > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)] if previous[len(b)] <= limit else limit + 1
