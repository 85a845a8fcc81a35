"""What of an offer is searched, and what a search result shows.

Only searched text goes into the index (``search_fields``); what a result shows is kept
apart and small (``result_card``), loaded only for the results on screen.
"""

from __future__ import annotations

import re

from ..formatting import format_ages, format_appointment, format_money, format_slot
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


def search_fields(offer: Offer) -> dict[str, str]:
    """The text of each searched field (compound parts are added by the index builder)."""
    schema = offer.boerse.schema["properties"]
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
        "titel": offer.title,
        "schlagworte": " ".join(keywords),
        "adresse": " ".join(part for part in address if part),
        "text": " ".join([offer.summary or "", plain_text(offer.description)]),
        "merkmale": " ".join(labels),
    }


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
    facts += [
        f"{field.label}: {field.shown(offer.extra[field.name])}"
        for field in offer.boerse.extra_fields
        if field.on_card and field.name in offer.extra
    ]
    return facts


def result_card(offer: Offer) -> dict[str, object]:
    """What one result shows: title, link, summary, key facts and, when there is one, a small image."""
    card = {"titel": offer.title, "url": offer.url, "kurz": offer.summary, "fakten": key_facts(offer)}
    if offer.picture:
        path, width, height = offer.picture.thumbnail()
        card["bild"] = {"src": path, "alt": offer.picture.alt, "b": width, "h": height}
    return card
