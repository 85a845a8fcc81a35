"""Search quality on a query set of the project's own: recall, precision@10, best match in the top 3.

Two data sets: the demo data (data/, Auenstadt, written by the project) and Bochum's daycare list
(../shared/data/, open data the project does not own, converted by bench/bochum.py). Queries and
their expected answers come from the records themselves, by rules that know nothing of the
search engine:

- exact: a rare word of an offer's title (at most 5 offers have it); relevant are the offers
  with a word that begins with it (less an inflection ending: "städtisch" for "Städtisches")
  or ends with it ("Nest" is in "Spatzennest").
- prefix: the first letters of such a word (at least 4, half the word); relevant are the offers
  with a word that begins with them.
- one typo / two typos: the word with a letter dropped, doubled or swapped (two typos: two of
  those, only for words of 8+ letters); relevant as for the word.
- compound part: a common noun that ends a longer word of a title ("Haus" of "Kinderhaus"; not
  "Weg", a stop word of lunr.de that no query can search);
  relevant are the offers with a word that begins or ends with it.
- umlaut/accent: a title word with ä, ö, ü, ß or an accent, typed as ae/oe/ue/ss or without it.
- synonym: a member of a default synonym group present in the data, searched by another member;
  relevant are the offers with any member of the group.
- street: a street as written in the data, without the house number.
- district: a district (Stadtteil) of the data (only the demo has districts).

Per query: recall = relevant found / relevant; precision@10 = relevant among the first 10 (or
fewer, if fewer were found) / their number; top 3 = the offer the query was made from is among
the first three. The search is the Python twin of the browser's (parity-tested against lunr.js).
Run alone: ``python bench/search_quality.py``.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "search"))

import bochum  # noqa: E402
from demo_typos import make_typo  # noqa: E402

from boersen.catalog import load_catalog  # noqa: E402
from boersen.search import german  # noqa: E402
from boersen.search.documents import search_fields  # noqa: E402
from boersen.search.index import search_files, write_search_files  # noqa: E402
from boersen.search.query import BoerseSearch  # noqa: E402
from boersen.search.synonyms import DEFAULT_SYNONYMS, member_words  # noqa: E402
from boersen.search.words import distance  # noqa: E402

TODAY = datetime.date(2027, 1, 10)
KINDS = ["exact", "prefix", "one typo", "two typos", "compound part", "umlaut/accent", "synonym", "street", "district"]
PER_KIND = 25
HEADS = [
    *("haus", "garten", "nest", "zentrum", "land", "burg", "hof", "berg", "strasse", "allee", "feld", "bach"),
    *("wiese", "insel", "welt", "stube", "kiste", "stern", "wald", "kurs", "ball", "schule", "gruppe", "treff", "verein"),
    *("spiel", "fest", "werk", "platz", "park", "turm", "kinder", "familie", "tanz", "musik", "theater", "werkstatt"),
]
SPELLINGS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


@dataclass
class Offer:
    key: str
    title: str
    words: list[str]  # folded words of every searched field
    street: str = ""
    district: str = ""


@dataclass
class Query:
    kind: str
    text: str
    source: int  # position of the offer the query was made from
    relevant: set[int] = field(default_factory=set)


def folded_words(text: str) -> list[str]:
    return [german.fold(word) for word in german.tokenize(text)]


def begins_or_ends(offer: Offer, word: str) -> bool:
    return any(w.startswith(word) or w.endswith(word) for w in offer.words)


ENDINGS = ("en", "er", "es", "em", "e", "n", "s")  # inflection endings, longest first


def inflected(offer: Offer, word: str) -> bool:
    """Does the offer have the word, inflected ("städtische" for "städtisches") or in a compound?"""
    base = next((word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= 4), word)
    return any(w.startswith(base) or w.endswith(word) or w.endswith(base) for w in offer.words)


def begins(offer: Offer, word: str) -> bool:
    return any(w.startswith(word) for w in offer.words)


def title_words(offer: Offer) -> list[str]:
    return [w for w in re.findall(r"\w+", offer.title) if w.isalpha() and w.lower() not in german.STOP_WORDS]


def synonym_words() -> set[str]:
    return {w for group in DEFAULT_SYNONYMS for member in group for w in member_words(member)}


def make_queries(offers: list[Offer], *, districts: bool) -> list[Query]:
    queries: list[Query] = []
    document_frequency: dict[str, int] = {}
    for offer in offers:
        for word in set(offer.words):
            document_frequency[word] = document_frequency.get(word, 0) + 1
    avoid = synonym_words()

    def add(kind: str, text: str, source: int, test) -> None:
        if sum(1 for q in queries if q.kind == kind) >= PER_KIND or any(q.kind == kind and q.text == text for q in queries):
            return
        queries.append(Query(kind, text, source, {i for i, o in enumerate(offers) if test(o)}))

    for i, offer in enumerate(offers):
        candidates = [w for w in title_words(offer) if len(w) >= 5 and german.fold(w) not in avoid]
        rare = [w for w in candidates if document_frequency.get(german.fold(w), 0) <= 5]
        if not rare:
            continue
        word = max(rare, key=len)
        folded = german.fold(word)
        add("exact", word, i, lambda o, f=folded: inflected(o, f))
        prefix = word[: max(4, len(word) // 2)]
        folded_prefix = german.fold(prefix)
        if len(prefix) < len(word):
            add("prefix", prefix, i, lambda o, p=folded_prefix: begins(o, p))
        operation = ("drop", "double", "swap")[i % 3]
        position = 0 if i % 2 == 0 else len(word) // 2
        if operation == "swap" and word[position] == word[position + 1]:
            position += 1
        typo = make_typo(word, operation, position)
        if distance(german.fold(typo), folded, 1) == 1:
            add("one typo", typo, i, lambda o, f=folded: inflected(o, f))
        if len(word) >= 8:  # two typos are forgiven in words of 7+ letters as typed
            two = make_typo(make_typo(word, "swap", len(word) - 3), "drop", 1)
            if distance(german.fold(two), folded, 2) == 2:
                add("two typos", two, i, lambda o, f=folded: inflected(o, f))
    for i, offer in enumerate(offers):
        for word in title_words(offer):
            folded = german.fold(word)
            for head in HEADS:
                if folded.endswith(head) and len(folded) >= len(head) + 4:
                    add("compound part", head.capitalize(), i, lambda o, h=head: begins_or_ends(o, h))
            if word.lower() != folded and len(word) >= 5:
                spelled = "".join(SPELLINGS.get(c, c) for c in word.lower()) if i % 2 == 0 else folded
                spelled = german.fold(spelled) if not any(c in SPELLINGS for c in word.lower()) else spelled
                if spelled != word.lower():
                    add("umlaut/accent", spelled, i, lambda o, f=folded: inflected(o, f))
    for group in DEFAULT_SYNONYMS:
        members = [member_words(m) for m in group]

        def has(o: Offer, words: list[str]) -> bool:
            return all(begins_or_ends(o, w) for w in words)

        present = [m for m in members if any(has(o, m) for o in offers)]
        for member in present:
            source = next(i for i, o in enumerate(offers) if has(o, member))
            for other, text in zip(members, group, strict=True):
                if other != member:
                    add("synonym", text, source, lambda o, ms=members: any(has(o, m) for m in ms))
    for i, offer in enumerate(offers):
        if offer.street:
            name = bochum.street_name(offer.street)
            words = folded_words(name)
            add("street", name, i, lambda o, ws=words: all(begins(o, w) for w in ws))
        if districts and offer.district:
            words = folded_words(offer.district)
            add("district", offer.district, i, lambda o, ws=words: all(begins(o, w) for w in ws))
    return queries


def build(data: Path, out: Path) -> list[tuple[str, list[Offer]]]:
    """Search files of every Börse of a data folder; (folder, offers) per Börse."""
    catalog, problems = load_catalog(data, TODAY)
    assert not problems.errors, problems.errors
    built = []
    for boerse in catalog.boersen:
        current = catalog.current_offers(boerse)
        write_search_files(out / boerse.slug, search_files(boerse, current, catalog.synonyms))
        offers = []
        for offer in current:
            fields = search_fields(offer)
            place = offer.location
            offers.append(
                Offer(
                    f"{boerse.slug}/{offer.slug}",
                    offer.title,
                    folded_words(" ".join(fields.values())),
                    street=(place.street or "") if place else "",
                    district=(place.district or "") if place else "",
                )
            )
        built.append((str(out / boerse.slug), offers))
    return built


def evaluate(folder: str, queries: list[Query]) -> list[dict]:
    path = Path(folder)
    manifest = json.loads((path / "index.json").read_text(encoding="utf-8"))
    search = BoerseSearch(manifest, lambda name: json.loads((path / name).read_text(encoding="utf-8")))
    rows = []
    for query in queries:
        found = [position for position, _ in search.search(query.text) or []]
        top = found[:10]
        hits = len(query.relevant & set(found))
        rows.append(
            {
                "kind": query.kind,
                "query": query.text,
                "recall": hits / len(query.relevant) if query.relevant else 1.0,
                "precision": (len(query.relevant & set(top)) / len(top)) if top else 0.0,
                "top3": query.source in found[:3],
                "found": len(found),
                "relevant": len(query.relevant),
            }
        )
    return rows


def run_set(name: str, data: Path, out: Path, *, districts: bool) -> list[dict]:
    rows = []
    for folder, offers in build(data, out):
        for row in evaluate(folder, make_queries(offers, districts=districts)):
            rows.append({**row, "set": name})
    return rows


def quality(work: Path) -> list[dict]:
    bochum_data = work / "bochum" / "data"
    shutil.rmtree(bochum_data, ignore_errors=True)
    bochum.write_folder(bochum_data)
    return [
        *run_set("Demo (Auenstadt)", ROOT / "data", work / "demo-out", districts=True),
        *run_set("Bochum (offene Daten)", bochum_data, work / "bochum-out", districts=False),
    ]


def report(rows: list[dict]) -> None:
    print()
    print("Suchqualität (eigene Anfragen, erwartete Treffer aus den Daten selbst)")
    header = f"{'Art der Anfrage':<16} | {'Datensatz':<22} | {'Anfragen':>8} | {'Recall':>6} | {'P@10':>6} | {'Top 3':>6}"
    print(header)
    print("-" * len(header))
    for kind in KINDS:
        for name in sorted({r["set"] for r in rows}):
            mine = [r for r in rows if r["kind"] == kind and r["set"] == name]
            if not mine:
                print(f"{kind:<16} | {name:<22} | {0:>8} | {'–':>6} | {'–':>6} | {'–':>6}")
                continue
            print(
                f"{kind:<16} | {name:<22} | {len(mine):>8} | {statistics.mean(r['recall'] for r in mine):>6.3f} | "
                f"{statistics.mean(r['precision'] for r in mine):>6.3f} | {sum(r['top3'] for r in mine) / len(mine):>6.2f}"
            )
    print("-" * len(header))
    recall = statistics.mean(r["recall"] for r in rows)
    precision = statistics.mean(r["precision"] for r in rows)
    top3 = sum(r["top3"] for r in rows) / len(rows)
    print(f"{'alle':<16} | {'beide':<22} | {len(rows):>8} | {recall:>6.3f} | {precision:>6.3f} | {top3:>6.2f}")
    reached = {True: "erreicht", False: "NICHT erreicht"}
    print(f"Ziel Recall ≥ 0,97: {reached[recall >= 0.97]}; P@10 ≥ 0,95: {reached[precision >= 0.95]}")
    if "-v" in sys.argv:
        for r in rows:
            if r["recall"] < 1 or r["precision"] < 1 or not r["top3"]:
                print(
                    f"  {r['kind']:<14} {r['query']!r:<28} R {r['recall']:.2f} P {r['precision']:.2f} "
                    f"top3 {r['top3']} ({r['found']}/{r['relevant']}; {r['set']})"
                )
    worst = sorted((r for r in rows if r["recall"] < 1 or r["precision"] < 1), key=lambda r: (r["recall"] + r["precision"], r["query"]))
    if worst:
        print("Schwächste Anfragen:")
        for r in worst[:12]:
            print(
                f"  {r['kind']:<14} {r['query']!r:<28} Recall {r['recall']:.2f}, P@10 {r['precision']:.2f} "
                f"({r['found']} gefunden, {r['relevant']} erwartet; {r['set']})"
            )


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        report(quality(Path(scratch)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
