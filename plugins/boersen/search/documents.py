"""What of an offer is searched, and what a search result shows.

Only searched text goes into the index (``search_fields``); what a result shows is kept
apart and small (``result_card``), loaded only for the results on screen.
"""

from __future__ import annotations

import re

from ..formatting import format_ages, format_appointment, format_money, format_slot
from ..i18n.catalogues import ngettext
from ..model import Offer

# Field name -> boost. Title matches rank before keywords (with the organisation's name and
# the compound parts of the title: "nest" of "Spatzennest") and the address, before the
# running text; compound parts of the other fields rank below whole words, and labels derived
# from the data (category, kind of care, operator type) rank lowest: every Kita with a crèche
# is labelled "Krippe", so a word in a title or a text must come first. Few fields keep the
# browser fast: lunr's work per matched term grows with their number.
FIELD_BOOSTS = {"titel": 10, "schlagworte": 4, "adresse": 3, "text": 1, "teile": 0.5, "merkmale": 0.3}
# Compound parts of a field go into another field: title parts rank with the keywords.
PARTS_INTO = {"titel": "schlagworte", "schlagworte": "teile", "adresse": "teile", "text": "teile"}

_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")


def plain_text(markdown_text: str | None) -> str:
    """Markdown without link targets and addresses, which nobody searches for."""
    if not markdown_text:
        return ""
    return _URL.sub(" ", _MARKDOWN_LINK.sub(r"\1", markdown_text))


def search_fields(offer: Offer, lang: str = "de") -> dict[str, str]:
    """The text of each searched field (compound parts are added by the index builder); in another
    language ``lang`` the title and text are the translation's, German where a field has none."""
    schema = offer.boerse.schema["properties"]
    texts = offer.text(lang)
    details = offer.details
    keywords = [*offer.tags, offer.organisation.name]
    for key in ("sportart", "zielgruppe", "konzept"):
        if details.get(key):
            keywords.append(details[key])
    labels = [c.label for c in offer.categories]
    for key in ("betreuungsarten", "sprachen", "schwerpunkte"):
        values = details.get(key, [])
        names = schema[key]["items"].get("x-labels", {}) if key in schema else {}
        (labels if key == "betreuungsarten" else keywords).extend(names.get(value, value) for value in values)
    if details.get("traegerart"):
        labels.append(schema["traegerart"]["x-labels"][details["traegerart"]])
    for spec in offer.boerse.extra_fields:
        value = offer.extra.get(spec.name)
        if isinstance(value, str):
            keywords.append(value)
        elif isinstance(value, list):
            keywords.extend(str(item) for item in value)
    place = offer.location
    address = [place.name, place.street, place.postcode, place.district, place.city] if place else []
    return {
        "titel": texts.title,
        "schlagworte": " ".join(keywords),
        "adresse": " ".join(part for part in address if part),
        "text": " ".join([texts.summary or "", plain_text(texts.description)]),
        "merkmale": " ".join(labels),
    }


def key_facts(offer: Offer, lang: str = "de") -> list[str]:
    """The facts a result shows under its title: when, for whom, how much, where. In another
    language (the active one, i18n/catalogues.py) the words come from the UI catalogue, as the
    listings (macros.html key_facts) have them."""
    facts = []
    more = len(offer.dates) - 1
    if offer.dates and lang == "de":
        facts.append(format_appointment(offer.dates[0]) + (f" (+{more} Termine)" if more else ""))
    elif offer.dates:
        others = ngettext("und %(num)d weiterer Termin", "und %(num)d weitere Termine", more) % {"num": more}
        facts.append(format_appointment(offer.dates[0]) + (f" {others}" if more else ""))
    slots = offer.details.get("trainingszeiten") or offer.details.get("sprechzeiten") or offer.details.get("oeffnungszeiten") or []
    if slots and not offer.dates and lang == "de":
        facts.append(format_slot(slots[0]) + (" u. a." if len(slots) > 1 else ""))
    elif slots and not offer.dates:
        facts += [format_slot(slot) for slot in slots[:2]]
    if offer.ages:
        facts.append(format_ages(offer.ages))
    if offer.cost is not None:
        facts.append(format_money(offer.cost))
    if offer.location and (offer.location.name or offer.location.district):
        facts.append(", ".join(part for part in (offer.location.name, offer.location.district) if part))
    facts += [
        f"{field.label}: {field.shown(offer.extra[field.name])}"
        for field in offer.boerse.extra_fields
        if field.on_card and field.name in offer.extra
    ]
    return facts


def result_card(offer: Offer, lang: str = "de") -> dict[str, object]:
    """What one result shows: title, link, summary, key facts and, when there is one, a small image.
    In another language ``lang`` the link leads to that language's page, and ``sprachen`` tells the
    language of the title and the summary ("de" where there is no translation), so the page marks
    German text with lang="de"."""
    if lang == "de":
        card = {"titel": offer.title, "url": offer.url, "kurz": offer.summary, "fakten": key_facts(offer)}
    else:
        texts = offer.text(lang)
        languages = {key: lang if offer.translated(lang, field) else "de" for key, field in (("titel", "title"), ("kurz", "summary"))}
        card = {"titel": texts.title, "url": f"{lang}/{offer.url}", "kurz": texts.summary, "fakten": key_facts(offer, lang)}
        card["sprachen"] = languages
    if offer.picture:
        path, width, height = offer.picture.thumbnail()
        card["bild"] = {"src": path, "alt": offer.picture.alt, "b": width, "h": height}
    return card
