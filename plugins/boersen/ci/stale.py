"""The nightly issue: offers still on the site whose details nobody confirmed for over a year,
grouped by organisation with the contact to ask."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..formatting import format_date
from ..model import Contact, Offer, Organisation
from .formats import repository_path
from .text import code, markdown

MARKER = "<!-- boersen-veraltet -->"
TITLE = "Angaben seit über 12 Monaten nicht bestätigt"
ALL_CONFIRMED = f"{MARKER}\nAlle Angebote auf der Webseite sind in den letzten 12 Monaten bestätigt worden. Vielen Dank!\n"


def stale_offers(catalog: Catalog) -> list[Offer]:
    """Offers the site still shows whose ``bestaetigt_am`` lies more than 12 months back."""
    return [offer for boerse in catalog.boersen for offer in catalog.current_offers(boerse) if offer.is_stale(catalog.today)]


def _contact(organisation: Organisation, offers: list[Offer]) -> str:
    contact = organisation.contact or next((offer.contact for offer in offers if offer.contact), None) or Contact()
    parts = [
        f"{label} {code(value)}"
        for label, value in (("E-Mail", contact.email), ("Telefon", contact.phone), ("Webseite", contact.website))
        if value
    ]
    if contact.name:
        parts.insert(0, markdown(contact.name))
    return ", ".join(parts) if parts else "keine Angabe"


def stale_issue_body(catalog: Catalog, site_url: str, data_dir: Path, root: Path = Path()) -> str | None:
    """The issue's Markdown, or None when every offer on the site is confirmed."""
    offers = stale_offers(catalog)
    if not offers:
        return None
    by_organisation: dict[str, list[Offer]] = {}
    for offer in offers:
        by_organisation.setdefault(offer.organisation.slug, []).append(offer)
    parts = [
        MARKER,
        f"Diese {len(offers)} Angebote stehen auf der Webseite, aber ihre Angaben wurden seit mehr als 12 Monaten nicht "
        f"bestätigt (Stand: {format_date(catalog.today)}). Die Webseite zeigt bei ihnen einen Hinweis.",
        "",
        "**Was zu tun ist:** Fragen Sie beim Anbieter nach, ob die Angaben noch stimmen. Tragen Sie danach in der Datei "
        "des Angebots das Datum der Rückmeldung ein, zum Beispiel `bestaetigt_am: 2027-03-01`, und korrigieren Sie, was "
        "sich geändert hat. Gibt es das Angebot nicht mehr, löschen Sie die Datei.",
        "",
        "Diese Liste wird jede Nacht neu erstellt. Sind alle Angebote bestätigt, wird dieses Issue von selbst geschlossen.",
    ]
    base = site_url.rstrip("/")
    for slug in sorted(by_organisation, key=lambda slug: (by_organisation[slug][0].organisation.name, slug)):
        group = sorted(by_organisation[slug], key=lambda offer: (offer.confirmed_on, offer.boerse.title, offer.title))
        organisation = group[0].organisation
        parts += ["", f"### {markdown(organisation.name)}", "", f"Kontakt: {_contact(organisation, group)}", ""]
        parts += [
            f"- [{markdown(offer.title)}]({base}/{offer.url}) ({markdown(offer.boerse.title)}), zuletzt bestätigt am "
            f"{format_date(offer.confirmed_on)}, Datei {code(repository_path(offer.source, data_dir, root))}"
            for offer in group
        ]
    return "\n".join(parts) + "\n"
