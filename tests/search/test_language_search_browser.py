"""Searching on the English, Turkish, Arabic and Ukrainian pages in Debian's Chromium: translated
titles are found by the page language's index, German words by the German one, and the result
cards are the page language's (German text marked lang="de")."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

OFFER = "familienkompass/deutschkurs-mit-kinderbetreuung/"
# Per language: words of the translated title, and the offer's title in that language.
TRANSLATED = {
    "en": ("German course childcare", "German course for parents with childcare"),
    "tr": ("Almanca kursu", "Ebeveynler için çocuk bakımlı Almanca kursu"),
    "ar": ("دورة لغة ألمانية", "دورة لغة ألمانية للآباء والأمهات مع رعاية الأطفال"),
    "uk": ("курс німецької", "Курс німецької для батьків із доглядом за дітьми"),
}
# In the German description only: no other language's index has it, the German one does.
GERMAN_WORD = "Einstufungstest"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def words(folder) -> set[str]:
    """The words of an index's typo lists (files of consecutive lengths): every word it holds."""
    packed = [json.loads(file.read_text(encoding="utf-8")) for file in folder.glob("w-*.json")]
    return {word for lengths in packed for words in lengths.values() for word in words}


def search(page: Page, base: str, lang: str, query: str) -> None:
    page.goto(f"{base}/{lang}/familienkompass/?q={quote(query)}")
    expect(page.locator(".search-results .offer-card").first).to_be_visible()


@pytest.mark.parametrize("lang", sorted(TRANSLATED))
def test_a_translated_title_finds_the_offer_with_the_language_s_card(page: Page, site, lang):
    base = site.base
    words, title = TRANSLATED[lang]
    search(page, base, lang, words)
    first = page.locator(".search-results .offer-title a").first
    expect(first).to_have_text(title)
    assert first.evaluate("link => link.href") == f"{base}/{lang}/{OFFER}"
    assert first.get_attribute("lang") is None  # the page's own language


@pytest.mark.parametrize("lang", sorted(TRANSLATED))
def test_a_german_word_finds_the_offer_through_the_german_index(page: Page, site, lang):
    base, output = site.base, site.output
    assert GERMAN_WORD.lower() not in words(output / lang / "familienkompass" / "suche")
    assert GERMAN_WORD.lower() in words(output / "familienkompass" / "suche")
    search(page, base, lang, GERMAN_WORD)
    titles = page.locator(".search-results .offer-title a")
    expect(titles).to_have_count(1)
    expect(titles.first).to_have_text(TRANSLATED[lang][1])


def test_untranslated_card_text_is_marked_german(page: Page, site):
    base = site.base
    search(page, base, "ar", "Babymassage")
    card = page.locator(".search-results .offer-card").first
    title, summary = card.locator(".offer-title a"), card.locator(".offer-summary span")
    expect(title).to_have_text("Babymassage-Kurs")
    assert [title.get_attribute("lang"), summary.get_attribute("lang")] == ["de", "de"]
    assert title.get_attribute("dir") == "ltr"  # German on an Arabic page runs left to right
    translated = page.locator(".search-results .offer-card", has_text="دورة").first
    search(page, base, "ar", "دورة لغة ألمانية")
    assert translated.locator(".offer-title a").get_attribute("lang") is None
