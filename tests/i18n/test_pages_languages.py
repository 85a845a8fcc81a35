"""Pages per language: addresses, lang/dir, hreflang, the switcher, translated and German offers, Leichte Sprache."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from scratch import FERIEN_OFFER, DataFolder
from sitebuild import build_site

ALL = ["de", "en", "tr", "ar", "uk"]
TRANSLATED = (
    FERIEN_OFFER
    + """\
uebersetzungen:
  en:
    titel: Swimming course for beginners
    kurzbeschreibung: We learn to swim and earn the seahorse badge.
    beschreibung: Five mornings at the indoor pool.
  ar:
    titel: دورة سباحة للمبتدئين
leichte_sprache:
  titel: Schwimmen lernen
  kurzbeschreibung: Hier lernen Kinder schwimmen.
  beschreibung: Der Kurs ist 5 Tage lang.
"""
)
UNTRANSLATED = (
    FERIEN_OFFER.replace("Schwimmkurs für Anfänger", "Waldtage im Sommer")
    .replace("2027-08-02", "2027-08-09")
    .replace("2027-08-06", "2027-08-13")
)
PAGE_TYPES = ["", "ferien/", "ferien/kategorie/sport-und-spiel/", "ferien/kurs/", "anbieter/", "anbieter/tsv/", "merkliste/"]


def scratch_data(root: Path) -> DataFolder:
    data = DataFolder(root)
    data.offer(TRANSLATED, "kurs.yaml")
    data.offer(UNTRANSLATED, "wald.yaml")
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = scratch_data(tmp_path_factory.mktemp("data"))
    result = build_site(
        tmp_path_factory.mktemp("site") / "output", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_LANGUAGES": ALL}
    )
    assert result.returncode == 0, result.stderr
    return result


def parse(site, path: str):
    file = site.output / path / "index.html" if not path.endswith(".html") else site.output / path
    return lxml_html.fromstring(file.read_bytes())


def language_path(code: str, path: str) -> str:
    return path if code == "de" else f"{code}/{path}"


@pytest.mark.parametrize("code", ALL)
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_exists_in_every_language_with_lang_and_dir(site, code, path):
    page = parse(site, language_path(code, path))
    assert page.get("lang") == code
    assert page.get("dir") == ("rtl" if code == "ar" else "ltr")


@pytest.mark.parametrize("code", ALL)
def test_hreflang_alternates_name_every_version_and_german_as_default(site, code):
    page = parse(site, language_path(code, "ferien/kurs/"))
    alternates = {link.get("hreflang"): link.get("href") for link in page.xpath("//head/link[@rel='alternate'][@hreflang]")}
    up = "../../" if code == "de" else "../../../"
    assert alternates == {
        "de": f"{up}ferien/kurs/",
        "x-default": f"{up}ferien/kurs/",
        "en": f"{up}en/ferien/kurs/",
        "tr": f"{up}tr/ferien/kurs/",
        "ar": f"{up}ar/ferien/kurs/",
        "uk": f"{up}uk/ferien/kurs/",
    }


def test_the_switcher_keeps_the_page_and_names_each_language_in_itself(site):
    page = parse(site, "tr/ferien/kategorie/sport-und-spiel/")
    links = page.xpath("//nav[contains(@class, 'language-switcher')]//a")
    assert [(a.text, a.get("lang"), a.get("hreflang"), a.get("href")) for a in links] == [
        ("Deutsch", "de", "de", "../../../../ferien/kategorie/sport-und-spiel/"),
        ("English", "en", "en", "../../../../en/ferien/kategorie/sport-und-spiel/"),
        ("Türkçe", "tr", "tr", "../../../../tr/ferien/kategorie/sport-und-spiel/"),
        ("العربية", "ar", "ar", "../../../../ar/ferien/kategorie/sport-und-spiel/"),
        ("Українська", "uk", "uk", "../../../../uk/ferien/kategorie/sport-und-spiel/"),
    ]
    assert [a.get("aria-current") for a in links] == [None, None, "page", None, None]
    assert links[3].get("dir") == "rtl"


def test_links_stay_in_the_pages_language(site):
    page = parse(site, "en/ferien/")
    hrefs = [a.get("href") for a in page.xpath("//main//a[contains(@href, 'kurs')] | //header//a[contains(@class, 'site-name')]")]
    assert hrefs == ["../../en/", "../../en/ferien/kurs/"]


def test_a_translated_offer_shows_its_translation_without_a_note(site):
    page = parse(site, "en/ferien/kurs/")
    assert page.xpath("string(//h1)").startswith("Swimming course for beginners")
    assert page.xpath("//h1/span[@lang]") == []
    assert page.xpath("string(//p[@class='lead'])") == "We learn to swim and earn the seahorse badge."
    assert (
        page.xpath("string(//section[@aria-labelledby='beschreibung']//div[@class='prose'])").strip() == "Five mornings at the indoor pool."
    )
    assert page.xpath("//*[contains(@class, 'notice-language')]") == []


def test_a_partial_translation_marks_the_german_fields_and_says_so(site):
    page = parse(site, "ar/ferien/kurs/")
    assert page.xpath("string(//h1)").startswith("دورة سباحة للمبتدئين")
    summary = page.xpath("//p[@class='lead']/span")[0]
    assert (summary.get("lang"), summary.get("dir"), summary.text) == ("de", "ltr", "Wir lernen schwimmen und machen das Seepferdchen.")
    description = page.xpath("//section[@aria-labelledby='beschreibung']//div[contains(@class, 'prose')]")[0]
    assert (description.get("lang"), description.get("dir")) == ("de", "ltr")
    assert [note.get("role") for note in page.xpath("//*[contains(@class, 'notice-language')]")] == ["note"]


@pytest.mark.parametrize("code", ["en", "tr", "uk"])
def test_an_untranslated_offer_is_german_with_a_visible_note(site, code):
    page = parse(site, f"{code}/ferien/wald/")
    title = page.xpath("//h1/span")[0]
    assert (title.get("lang"), title.get("dir"), title.text) == ("de", None, "Waldtage im Sommer")
    notes = page.xpath("//p[contains(@class, 'notice-language')]")
    assert len(notes) == 1 and notes[0].get("role") == "note"
    assert notes[0].get("lang") is None  # the note itself is in the page's language


def test_cards_in_listings_mark_german_titles(site):
    page = parse(site, "en/ferien/")
    titles = {a.xpath("string(.)"): [span.get("lang") for span in a.xpath("span")] for a in page.xpath("//li[@class='offer-card']//h3/a")}
    assert titles == {"Swimming course for beginners": [], "Waldtage im Sommer": ["de"]}


def test_the_german_offer_links_its_leichte_sprache_version(site):
    page = parse(site, "ferien/kurs/")
    assert page.xpath("//p[@class='easy-language-link']/a/@href") == ["../../ferien/kurs/leichte-sprache/"]
    assert page.xpath("string(//p[@class='easy-language-link']/a)") == "In Leichter Sprache"
    easy = parse(site, "ferien/kurs/leichte-sprache/")
    assert easy.get("lang") == "de"
    assert easy.xpath("string(//h1)").startswith("Schwimmen lernen")
    assert easy.xpath("string(//p[@class='lead'])") == "Hier lernen Kinder schwimmen."
    assert "Der Kurs ist 5 Tage lang." in easy.xpath("string(//div[contains(@class, 'prose')])")
    assert parse(site, "ferien/wald/").xpath("//p[@class='easy-language-link']") == []
    assert parse(site, "en/ferien/kurs/").xpath("//p[@class='easy-language-link']") == []


def test_german_only_pages_are_linked_with_hreflang_de(site):
    page = parse(site, "uk/ferien/")
    footer = {a.get("href").split("/")[-2]: a.get("hreflang") for a in page.xpath("//footer//a")}
    assert footer == {
        "leichte-sprache": "de",
        "barrierefreiheit": "de",
        "impressum": "de",
        "datenschutz": "de",
        "anbieter": None,
        "mitmachen": "de",
        "hilfe": "de",
        "merkliste": None,
    }
    assert not (site.output / "uk" / "hilfe").exists()
    assert not (site.output / "uk" / "ferien" / "kurs" / "leichte-sprache").exists()


def test_german_text_from_the_data_is_marked_on_other_pages(site):
    page = parse(site, "ar/ferien/")
    heading = page.xpath("//main/h1/span")[0]
    assert (heading.get("lang"), heading.get("dir"), heading.text) == ("de", "ltr", "Ferienbörse")
    categories = [span.text for span in page.xpath("//nav[@class='category-nav']//a/span[@lang='de']")]
    assert categories == ["Sport und Spiel", "Natur und Erlebnis"]


def test_the_search_form_names_the_language_and_both_indexes(site):
    form = parse(site, "tr/ferien/").xpath("//section[@data-search]")[0]
    assert form.get("data-search") == "../../tr/ferien/suche/"
    assert form.get("data-lang") == "tr"
    assert json.loads(form.get("data-index-urls")) == ["../../tr/ferien/suche/", "../../ferien/suche/"]
    german = parse(site, "ferien/").xpath("//section[@data-search]")[0]
    assert (german.get("data-lang"), german.get("data-index-urls")) == (None, None)
    home = parse(site, "en/").xpath("//section[@data-boersen]")[0]
    assert json.loads(home.get("data-boersen")) == [
        {
            "titel": "Ferienbörse",
            "url": "en/ferien/",
            "search": "../en/ferien/suche/",
            "indexe": ["../en/ferien/suche/", "../ferien/suche/"],
        }
    ]


def test_the_scripts_texts_are_a_json_file_per_language_named_by_the_page(site):
    page = parse(site, "uk/merkliste/")
    assert page.get("data-texte") == "../../uk/texte.json"
    texts = json.loads((site.output / "uk" / "texte.json").read_text(encoding="utf-8"))
    assert texts["sprache"] == "uk"
    assert set(texts) == {"sprache", "texte", "mehrzahl"}
    assert parse(site, "merkliste/").get("data-texte") is None
    assert not (site.output / "texte.json").exists()


def test_no_inline_scripts_on_any_language_page(site):
    for file in (site.output / "ar").rglob("*.html"):
        scripts = lxml_html.fromstring(file.read_bytes()).xpath("//script[not(@src)][not(@type='application/ld+json')]")
        assert scripts == [], file


def test_the_german_404_page_says_it_in_every_language_of_the_site(site):
    """Servers show /404.html for every missing address, /en/… too: each language gets a line
    in itself with a link to its start page; the other languages' 404 pages have no such list."""
    lines = parse(site, "404.html").xpath("//ul[@class='not-found-languages']/li")
    assert [(li.get("lang"), li.get("dir"), li.text_content(), li.xpath("a/@href")[0], li.xpath("a/@hreflang")[0]) for li in lines] == [
        ("en", "ltr", "Page not found: Home page", "/en/", "en"),
        ("tr", "ltr", "Sayfa bulunamadı: Ana sayfa", "/tr/", "tr"),
        ("ar", "rtl", "الصفحة غير موجودة: الصفحة الرئيسية", "/ar/", "ar"),
        ("uk", "ltr", "Сторінку не знайдено: Головна сторінка", "/uk/", "uk"),
    ]
    assert parse(site, "en/404.html").xpath("//ul[@class='not-found-languages']") == []


def test_the_default_is_german_only_as_before(tmp_path):
    data = scratch_data(tmp_path)
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_LANGUAGES": None})
    assert result.returncode == 0, result.stderr
    assert [code for code in ALL[1:] if (result.output / code).exists()] == []
    page = parse(result, "ferien/kurs/")
    assert (page.get("lang"), page.get("dir")) == ("de", None)
    assert page.xpath("//link[@hreflang] | //nav[contains(@class, 'language-switcher')]") == []


def test_an_unknown_language_stops_the_build_with_a_german_message(tmp_path):
    data = scratch_data(tmp_path)
    result = build_site(tmp_path / "output", data_dir=data.root, settings={"BOERSEN_LANGUAGES": ["de", "fr"]})
    assert result.returncode == 1
    output = " ".join((result.stdout + result.stderr).split())
    assert "BOERSEN_LANGUAGES: „fr“ ist keine unterstützte Sprache. Möglich sind: de, en, tr, ar, uk." in output
    assert "Traceback" not in output


def test_five_languages_build_byte_identical_output(tmp_path):
    data = scratch_data(tmp_path)

    def digest(folder: Path) -> dict[str, str]:
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}

    settings = {"BOERSEN_LANGUAGES": ALL}
    first = build_site(tmp_path / "one", data_dir=data.root, today="2027-03-01", settings=settings)
    second = build_site(tmp_path / "two", data_dir=data.root, today="2027-03-01", settings=settings)
    assert first.returncode == second.returncode == 0
    assert any(re.match(r"ar/ferien/kurs/index\.html$", name) for name in digest(first.output))
    assert digest(first.output) == digest(second.output)


# Words of the German interface: on an English page they may appear only inside lang="de" (text
# from the data). <title> and meta descriptions are left out: they hold the town's German site name.
GERMAN_UI_WORDS = re.compile(
    r"\b(Angebote?|Suchen|Suchbegriff|Kontakt|Beschreibung|Anmeldung|Barrierefreiheit|Merkliste|Kategorien|Startseite|"
    r"Inhalt|springen|Uhr|Jahre|kostenlos|Wichtigste|Träger|Stand|Seite|Anbieter|Telefon|Merken|Abonnieren|Kalender|"
    r"Impressum|Datenschutz|Leichte Sprache|Alle|jeweils|nicht|und|oder|für)\b"
)


def visible_texts_outside_german(element) -> list[str]:
    """Text nodes and labels (aria-label, placeholder) not inside an element with lang="de"."""
    if element.get("lang") == "de" or element.tag in ("script", "style", "title", "meta", "head"):
        return [element.tail] if element.tail else []
    texts = [element.text or ""] + [element.get(name) or "" for name in ("aria-label", "placeholder")]
    for child in element:
        if isinstance(child.tag, str):
            texts += visible_texts_outside_german(child)
        elif child.tail:
            texts.append(child.tail)
    return texts + ([element.tail] if element.tail else [])


@pytest.mark.parametrize("path", PAGE_TYPES + ["404.html"])
def test_english_pages_hold_no_german_interface_text(site, path):
    page = parse(site, language_path("en", path))
    body = page.xpath("//body")[0]
    found = sorted({match.group(0) for text in visible_texts_outside_german(body) for match in GERMAN_UI_WORDS.finditer(text)})
    assert found == []


def test_the_check_finds_german_interface_text(site):
    """The German page fails it: the check itself sees the interface words."""
    body = parse(site, "ferien/kurs/").xpath("//body")[0]
    texts = visible_texts_outside_german(body)
    assert {"Kontakt", "Beschreibung", "Merkliste"} <= {m.group(0) for text in texts for m in GERMAN_UI_WORDS.finditer(text)}


def test_every_german_element_on_arabic_pages_runs_left_to_right(site):
    """Mixed-language elements: German inside Arabic carries dir="ltr"; elsewhere no element turns right-to-left."""
    checked = 0
    for code in ALL[1:]:
        for file in sorted((site.output / code).rglob("*.html")):
            page = lxml_html.fromstring(file.read_bytes())
            for element in page.xpath("//body//*[@lang]"):
                language, direction = element.get("lang"), element.get("dir")
                if element.get("hreflang"):  # the switcher's links: each language in its own direction
                    assert direction == ("rtl" if language == "ar" else "ltr"), (file, language)
                else:
                    checked += 1
                    assert (language, direction) == ("de", "ltr" if code == "ar" else None), (file, element.text)
    assert checked > 50
