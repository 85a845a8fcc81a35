"""What of an offer is searched, and what a search result shows.

Only searched text goes into the index (``search_fields``); what a result shows is kept
apart and small (``result_card``), loaded only for the results on screen.
"""

from __future__ import annotations

import re

from ..formatting import format_ages, format_appointment, format_money, format_slot
from ..model import Offer

# Field name -> boost. Title matches rank before keyword matches, before the running text;
# compound parts ("kurs" inside "Schwimmkurs") rank lowest.
FIELD_BOOSTS = {"titel": 10, "schlagworte": 4, "text": 1, "teile": 1}

_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")


def plain_text(markdown_text: str | None) -> str:
    """Markdown without link targets and addresses, which nobody searches for."""
    if not markdown_text:
        return ""
    return _URL.sub(" ", _MARKDOWN_LINK.sub(r"\1", markdown_text))


def search_fields(offer: Offer) -> dict[str, str]:
    """The text of each searched field (compound parts are added by the index builder)."""
    schema = offer.boerse.schema["properties"]
    details = offer.details
    keywords = [*offer.tags, *(c.label for c in offer.categories), offer.organisation.name]
    for key in ("sportart", "zielgruppe", "konzept"):
        if details.get(key):
            keywords.append(details[key])
    for key in ("betreuungsarten", "sprachen", "schwerpunkte"):
        values = details.get(key, [])
        labels = schema[key]["items"].get("x-labels", {}) if key in schema else {}
        keywords.extend(labels.get(value, value) for value in values)
    if details.get("traegerart"):
        keywords.append(schema["traegerart"]["x-labels"][details["traegerart"]])
    for spec in offer.boerse.extra_fields:
        value = offer.extra.get(spec.name)
        if isinstance(value, str):
            keywords.append(value)
        elif isinstance(value, list):
            keywords.extend(str(item) for item in value)
    place = offer.location
    where = [place.name, place.district, place.city] if place else []
    text = [offer.summary, plain_text(offer.description), *(w for w in where if w)]
    return {"titel": offer.title, "schlagworte": " ".join(keywords), "text": " ".join(text)}


def key_facts(offer: Offer) -> list[str]:
    """The facts a result shows under its title: when, for whom, how much, where."""
    facts = []
    if offer.dates:
        facts.append(format_appointment(offer.dates[0]) + (f" (+{len(offer.dates) - 1} Termine)" if len(offer.dates) > 1 else ""))
    slots = offer.details.get("trainingszeiten") or offer.details.get("sprechzeiten") or offer.details.get("oeffnungszeiten") or []
    if slots and not offer.dates:
        facts.append(format_slot(slots[0]) + (" u. a." if len(slots) > 1 else ""))
    if offer.ages:
        facts.append(format_ages(offer.ages))
    if offer.cost is not None:
        facts.append(format_money(offer.cost))
    if offer.location and (offer.location.name or offer.location.district):
        facts.append(", ".join(part for part in (offer.location.name, offer.location.district) if part))
    return facts


def result_card(offer: Offer) -> dict[str, object]:
    """What one result shows: title, link, summary and key facts."""
    return {"titel": offer.title, "url": offer.url, "kurz": offer.summary, "fakten": key_facts(offer)}
