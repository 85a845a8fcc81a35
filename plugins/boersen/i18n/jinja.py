"""Jinja's i18n extension on every generator's environment, reading the active language.

Templates write German and wrap it: ``_("…")`` or ``ngettext(…)``. Text from the data (Börse
titles, categories, notes) stays German on every page: ``|de`` marks it with ``lang="de"`` where
the page is in another language, so screen readers switch voice and Arabic pages keep it
left-to-right. An offer's own texts come from its translation where it has one.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from . import catalogues
from .languages import SOURCE, SUPPORTED

TEXT_FIELDS = ("title", "summary", "description")


def install(env, languages: tuple[str, ...]) -> None:
    env.add_extension("jinja2.ext.i18n")
    # newstyle: escaping and %(name)s formatting done by Jinja, the same in every template.
    env.install_gettext_callables(catalogues.gettext, catalogues.ngettext, newstyle=True)
    env.filters.update(de=german_text, offer_title=offer_title, offer_summary=offer_summary)
    env.globals.update(
        schema_label=schema_label,
        de_only=de_only,
        offer_text=offer_text,
        offer_lang=offer_lang,
        untranslated_fields=untranslated_fields,
        in_language=in_language,
        languages=SUPPORTED,
        # Defaults for pages rendered once, in German (Pelican's pages); the Börse pages set their own.
        page_lang=SUPPORTED[SOURCE],
        site_languages=languages,
        page_alternates=(),
        LANG_PREFIX="",
        js_texts=None,
        easy=None,
    )


def _german_attributes() -> str:
    language = catalogues.active()
    return ' lang="de" dir="ltr"' if language.direction == "rtl" else ' lang="de"'


def german_text(text) -> Markup:
    """``text`` as it is on German pages; elsewhere in an element saying it is German."""
    if catalogues.active().code == SOURCE or text is None or text == "":
        return escape("" if text is None else text)
    return Markup(f"<span{_german_attributes()}>{escape(text)}</span>")


def in_language(code: str, message: str) -> str:
    """``message`` in language ``code``, whatever the page's language: the German 404 page
    says it in every language, because servers show it for every missing address."""
    return catalogues.translations(code).gettext(message)


def de_only(attribute: str = "hreflang") -> Markup:
    """On other languages' pages: ``hreflang="de"`` on a link to a German-only page, or
    ``lang="de"`` (``attribute="lang"``) on an element holding German text."""
    if catalogues.active().code == SOURCE:
        return Markup("")
    return Markup(' hreflang="de"' if attribute == "hreflang" else _german_attributes())


def schema_label(text: str) -> str:
    """A label from the schema (field titles, choices, facets), translated by the UI catalogue."""
    return catalogues.gettext(text) if text else text


def offer_text(offer, field: str) -> Markup:
    """An offer's title or summary in the page's language, or the German one marked as German."""
    code = catalogues.active().code
    text = getattr(offer.text(code), field)
    return escape(text) if offer.translated(code, field) else german_text(text)


def offer_lang(offer, field: str) -> Markup:
    """The ``lang`` attribute for an element holding an offer's field where it is untranslated."""
    code = catalogues.active().code
    return Markup("") if offer.translated(code, field) else Markup(_german_attributes())


def untranslated_fields(offer) -> str:
    """ "all" when none of the offer's texts is translated into the page's language, "some"
    when some are, "" when all are (and always on German pages)."""
    code = catalogues.active().code
    present = [field for field in TEXT_FIELDS if getattr(offer, field)]
    missing = [field for field in present if not offer.translated(code, field)]
    if not missing:
        return ""
    return "all" if len(missing) == len(present) else "some"


def offer_title(offer) -> str:
    return offer.text(catalogues.active().code).title


def offer_summary(offer) -> str:
    return offer.text(catalogues.active().code).summary
