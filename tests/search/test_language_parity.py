"""Search in English, Turkish, Arabic and Ukrainian: the Python side (search/languages.py, arabic.py)
against the real lunr.js 2.3.9 + lunr-languages 1.22.0 and the page's search script, in node."""

# Word lists are written as text, one space between words.
# ruff: noqa: SIM905

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from boersen.catalog import load_catalog
from boersen.search import arabic
from boersen.search.german import tokenize
from boersen.search.index import search_files, write_search_files
from boersen.search.languages import LANGUAGES, TURKISH_STOP_WORDS
from boersen.search.query import BoerseSearch

from scratch import FERIEN_OFFER
from search_oracle import ROOT, ask, data_words, mismatch_report

ORACLE = Path(__file__).resolve().parent / "js" / "language_oracle.js"
TODAY = datetime.date(2027, 6, 1)

# Inflected forms the demo data lacks, so each stemmer's rules are exercised beyond the data's words.
ENGLISH = (
    "swimming swims swam courses course children child parents parenting daycare libraries library borrowed borrowing "
    "pictures picture books booking plays played playing days holidays saturdays families family generalization "
    "relational conditional rational valency hopefulness goodness formality sensitivity sensibility triplicate "
    "formative formalize electricity electrical hopeful useful happiness adjustable defensible irritant replacement "
    "adjustment dependent adoption communism activate angularity homologous effective bowdlerize probate rate cease "
    "controll roll agreed feed motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing "
    "filing happy sky caresses ponies ties caress cats"
).split()
TURKISH = (
    "çocuk çocuklar çocukların çocuklara çocuklarımız okul okullar okulda okullarda okuldan kitap kitaplar kitapların "
    "kitaplarımızı aile aileler ailelerin ailesi yüzme yüzmeyi yüzmek yüzüyoruz öğrenmek öğreniyoruz öğrendik kurs "
    "kursu kurslar kursların kursta belediye belediyenin yardım yardımı yardımları kreş kreşte kreşler ebeveyn "
    "ebeveynler ebeveynlerin almanca almancayı dil dili diller dilleri gezi geziler gezileri sinema sinemasında "
    "kütüphane kütüphanede kütüphaneden ödünç ödemek ödeneği rozet rozetini havuz havuzda havuzunda cumartesi "
    "cumartesileri eğitim eğitimci eğitimcinin istanbul ığdır ılık işte ağaç ağaçlar gençler gençlerin"
).split()
ARABIC_AFFIXES = (("ال", "وال", "بال", "فبال", "و", "ل", "لل", "ك", "س"), ("ها", "هم", "ات", "ون", "ين", "ة", "كما", "ناها", "ي", "ه"))
# Ukrainian has no stemmer in lunr-languages: words are lower-cased and folded (й -> и, ї -> і) only.
UKRAINIAN = "курс курсу курси плавання плавати дитина дитину діти дітей бібліотека бібліотеці їжа йогурт".split()


def words_in(script: str) -> list[str]:
    """Words of the data (and its translations) in one script: "latin", "arabic" or "cyrillic"."""
    ranges = {"latin": ("a", "ɏ"), "arabic": ("\u0600", "\u06ff"), "cyrillic": ("\u0400", "\u04ff")}[script]
    words = set(data_words())
    for path in sorted((ROOT / "data").rglob("*.md")):
        words.update(tokenize(path.read_text(encoding="utf-8")))
    return sorted(word for word in words if all(ranges[0] <= char <= ranges[1] or char.isdigit() for char in word))


def arabic_words() -> list[str]:
    words = set(words_in("arabic")) | set(arabic.STOP_WORDS)
    base = sorted(words)
    for word in base:
        words.update(prefix + word for prefix in ARABIC_AFFIXES[0])
        words.update(word + suffix for suffix in ARABIC_AFFIXES[1])
    # diacritics, tatweel, alef and hamza forms, doubled alef and waw: the normalising steps
    words.update(["مُعَلِّمُونَ", "كتــاب", "أإآ", "إسلام", "ؤئؤئ", "اااب", "ووصل", "مدرسة", "ةكتب"])
    return sorted(words)


def test_the_data_has_words_in_every_language():
    counts = {script: len(words_in(script)) for script in ("latin", "arabic", "cyrillic")}
    assert counts["latin"] > 3000 and counts["arabic"] > 150 and counts["cyrillic"] > 150, counts


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", lambda: sorted(set(words_in("latin")) | set(ENGLISH))),
        ("tr", lambda: sorted(set(words_in("latin")) | set(TURKISH))),
        ("ar", arabic_words),
    ],
)
def test_stems_match_lunr(lang, words):
    words = words()
    browser = ask({"op": "stem", "lang": lang, "words": words}, ORACLE)
    ours = [LANGUAGES[lang].stem(word) for word in words]
    rows = [(word, expected, got) for word, expected, got in zip(words, browser, ours, strict=True) if expected != got]
    assert not rows, mismatch_report(f"{lang} stems of {len(words)} words", rows, ("word", "lunr", "python"))


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_trimmers_match_lunr(lang):
    tokens = ["„Kurs“", "(BuT)", "2027.", "«دورة»", "—", "yüzme!", "U3", "’s", "«Освіта»", "x😀"]
    browser = ask({"op": "trim", "lang": lang, "words": tokens}, ORACLE)
    assert [LANGUAGES[lang].trim(token) for token in tokens] == browser


def test_stop_words_match_lunr():
    for lang, words in (("en", sorted(LANGUAGES["en"].stop_words)), ("tr", sorted(TURKISH_STOP_WORDS)), ("ar", sorted(arabic.STOP_WORDS))):
        assert all(ask({"op": "stopwords", "lang": lang, "words": words}, ORACLE)), lang
        others = words_in("arabic" if lang == "ar" else "latin")
        browser = ask({"op": "stopwords", "lang": lang, "words": others}, ORACLE)
        rows = [(w, b) for w, b in zip(others, browser, strict=True) if b != (w in LANGUAGES[lang].stop_words)]
        assert not rows, mismatch_report(f"{lang} stop words", rows, ("word", "lunr drops it"))


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "uk"])
def test_terms_match_the_page_script(lang):
    words = sorted(
        {w for script in ("latin", "arabic", "cyrillic") for w in words_in(script)} | set(ENGLISH) | set(TURKISH) | set(UKRAINIAN)
    )
    browser = ask({"op": "terms", "lang": lang, "words": words}, ORACLE)
    language = LANGUAGES[lang]
    ours = [[language.term_of(word), language.is_stop_word(word)] for word in words]
    rows = [(w, b, o) for w, b, o in zip(words, browser, ours, strict=True) if b != o]
    assert not rows, mismatch_report(f"{lang} terms", rows, ("word", "page script", "python"))


# Per language: translated titles, inflected and misspelt forms, prefixes, German words (which
# an index of a language finds where a field is untranslated) and words of other scripts.
QUERIES = {
    "en": [
        "swimming",
        "swim",
        "German course",
        "picture books",
        "childcare",
        "daycare centre",
        "benefits",
        "educaton",
        "libary",
        "Seepferdchen",
        "Bilderbuchkino",
        "Kita",
        "cours",
        "parents",
        "the",
        "курс",
    ],
    "tr": [
        "yüzme",
        "yuzme",
        "yüzme kursu",
        "Almanca",
        "çocuk",
        "kitap",
        "resimli kitap",
        "kreş",
        "Eğitim",
        "belediyeye",
        "yardım",
        "kurs",
        "ebeveynler",
        "Seepferdchen",
        "Kita",
        "ve",
        "kitapp",
    ],
    "ar": [
        "دورة",
        "السباحة",
        "سباحة",
        "الألمانية",
        "الأطفال",
        "روضة",
        "الكتب المصورة",
        "التعليم",
        "كتاب",
        "مدرسة",
        "Seepferdchen",
        "Kita",
        "في",
        "والمشاركة",
    ],
    "uk": [
        "курс",
        "плавання",
        "Курс плавання",
        "дитсадок",
        "книжки",
        "освіта",
        "німецької",
        "плавнання",
        "Seepferdchen",
        "Kita",
        "бібліотеці",
        "курси",
    ],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Each language's search files of every demo Börse, as the site writes them."""
    catalog, problems = load_catalog(ROOT / "data", TODAY)
    assert problems.errors == []
    root = tmp_path_factory.mktemp("sprachen")
    folders: dict[str, dict[str, Path]] = {}
    for lang in QUERIES:
        for boerse in catalog.boersen:
            folder = root / lang / boerse.slug / "suche"
            write_search_files(folder, search_files(boerse, catalog.current_offers(boerse), [], LANGUAGES[lang]))
            folders.setdefault(lang, {})[boerse.slug] = folder
    return folders


def python_search(folder: Path, queries: list[str]) -> list:
    def load(name: str):
        return json.loads((folder / name).read_text(encoding="utf-8"))

    search = BoerseSearch(load("index.json"), load)
    return [None if found is None else [[p, s] for p, s in found] for found in (search.search(q) for q in queries)]


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_search_matches_the_page_script_on_every_boerse(built, lang):
    rows = []
    for slug, folder in built[lang].items():
        browser = ask({"op": "search", "folder": str(folder), "queries": QUERIES[lang]}, ORACLE)
        ours = python_search(folder, QUERIES[lang])
        for query, b, o in zip(QUERIES[lang], browser, ours, strict=True):
            same = (b is None and o is None) or (
                b is not None
                and o is not None
                and [p for p, _ in b] == [p for p, _ in o]
                and all(abs(x[1] - y[1]) < 1e-9 for x, y in zip(b, o, strict=True))
            )
            if not same:
                rows.append((slug, query, b, o))
    assert not rows, mismatch_report(f"{lang} searches", rows, ("Börse", "query", "page script", "python"))


def test_the_searches_find_the_translated_offers(built):
    """Not only equal on both sides: each language's index finds its translations."""
    expected = {
        ("en", "sportwegweiser", "swimming"): "Seepferdchen swimming course",
        ("tr", "familienkompass", "Almanca"): "Ebeveynler için çocuk bakımlı Almanca kursu",
        ("ar", "familienkompass", "الكتب المصورة"): "سينما الكتب المصوّرة متعددة اللغات",
        ("uk", "kita-boerse", "дитсадок"): "Міський мовний дитсадок Weltentdecker",
        ("en", "familienkompass", "educaton"): "Education and participation benefits (BuT)",
    }
    for (lang, slug, query), title in expected.items():
        folder = built[lang][slug]
        found = python_search(folder, [query])[0]
        assert found, (lang, query)
        manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        position = found[0][0]
        cards = json.loads((folder / f"karten-{position // manifest['kartenProDatei']}.json").read_text(encoding="utf-8"))
        card = cards[position % manifest["kartenProDatei"]]
        assert (card["titel"], card["sprachen"]) == (title, {"titel": lang, "kurz": lang}), (lang, query)
        assert manifest["sprache"] == lang and card["url"].startswith(f"{lang}/{slug}/")


def test_the_word_forms_the_readme_promises(data, tmp_path):
    """README, "Suche in jeder Sprache": each language's stemmer, and Ukrainian without one."""
    data.offer(
        FERIEN_OFFER
        + "uebersetzungen:\n"
        + "  en:\n    titel: Learn to swim\n    kurzbeschreibung: Five mornings.\n"
        + "  tr:\n    titel: Yaz kursları\n    kurzbeschreibung: Beş sabah.\n"
        + "  ar:\n    titel: سباحة للأطفال\n    kurzbeschreibung: خمسة صباحات.\n"
        + "  uk:\n    titel: Курси плавання\n    kurzbeschreibung: П’ять ранків.\n"
    )
    catalog, problems = data.load()
    assert problems.errors == []
    boerse = catalog.boersen[0]

    def finds(lang: str, query: str) -> bool:
        folder = tmp_path / lang
        write_search_files(folder, search_files(boerse, boerse.offers, [], LANGUAGES[lang]))
        return [position for position, _ in python_search(folder, [query])[0]] == [0]

    assert finds("en", "swimming")
    assert finds("tr", "kurslar")
    assert finds("ar", "السباحة")
    assert finds("uk", "курс")
    assert finds("uk", "курсу")  # one letter off, forgiven as a typo
    assert not finds("uk", "курсах")  # no stemmer: a longer ending is not found


def test_cards_of_another_language_carry_its_texts_and_facts(data):
    data.offer(
        FERIEN_OFFER.replace("termine:\n", "termine:\n  - datum: 2027-07-26\n")
        + "uebersetzungen:\n  tr:\n    titel: Yeni başlayanlar için yüzme kursu\n"
    )
    catalog, problems = data.load()
    assert problems.errors == []
    boerse = catalog.boersen[0]
    files = search_files(boerse, boerse.offers, [], LANGUAGES["tr"])
    assert files["karten-0.json"][0]["fakten"][0] == "26 Tem 2027 Pzt ve 1 tarih daha"  # German: "Mo, 26. Juli 2027 (+1 Termine)"
    assert files["karten-0.json"][0] | {"fakten": []} == {
        "titel": "Yeni başlayanlar için yüzme kursu",
        "url": "tr/ferien/kurs/",
        "kurz": "Wir lernen schwimmen und machen das Seepferdchen.",
        "fakten": [],
        "sprachen": {"titel": "tr", "kurz": "de"},
    }


def test_another_language_indexes_only_the_offers_translated_into_it(data, tmp_path):
    """An L index holds the offers translated into L only, under their positions among all offers;
    facets and cards cover every offer, so the page finds the others through the German index
    and shows them with L's card."""
    data.offer(FERIEN_OFFER.replace("Schwimmkurs für Anfänger", "Töpferkurs im Museum"), name="toepfern.yaml")
    data.offer(FERIEN_OFFER + "uebersetzungen:\n  en:\n    titel: Learn to swim\n    kurzbeschreibung: Five mornings.\n")
    catalog, problems = data.load()
    assert problems.errors == []
    boerse = catalog.boersen[0]
    offers = catalog.current_offers(boerse)
    swim = [offer.slug for offer in offers].index("kurs")
    folder = tmp_path / "en"
    write_search_files(folder, search_files(boerse, offers, [], LANGUAGES["en"]))
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    shards = [json.loads((folder / f"t-{shard}.json").read_text(encoding="utf-8")) for shard in manifest["shards"]]
    assert {field_ref.split("/")[1] for shard in shards for field_ref, _ in shard["fieldVectors"]} == {str(swim)}
    # German address words stay in a translated offer's document: a mixed query finds it.
    queries = ["swimming", "Töpferkurs", "swimming Hallenbad"]
    assert [[p for p, _ in found] for found in python_search(folder, queries)] == [[swim], [], [swim]]
    cards = json.loads((folder / "karten-0.json").read_text(encoding="utf-8"))
    assert manifest["anzahl"] == len(cards) == 2
    assert cards[1 - swim] | {"fakten": []} == {
        "titel": "Töpferkurs im Museum",
        "url": "en/ferien/toepfern/",
        "kurz": "Wir lernen schwimmen und machen das Seepferdchen.",
        "fakten": [],
        "sprachen": {"titel": "de", "kurz": "de"},
    }
    german = tmp_path / "de"
    write_search_files(german, search_files(boerse, offers, []))
    assert [p for p, _ in python_search(german, ["Töpferkurs"])[0]] == [1 - swim]
