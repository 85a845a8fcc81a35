"""An Atom feed (RFC 4287) per Börse: its current offers, newest change first.

An entry's ``updated`` is the offer's ``bestaetigt_am`` (else ``gueltig_ab``), ``published`` its
``gueltig_ab``; offers with neither have no date to sort by and stay out. Ids are UUIDs made
from Börse and offer, so a feed reader knows an entry again after every build.
"""

from __future__ import annotations

import datetime
import uuid
from pathlib import Path
from xml.etree import ElementTree as ET

from ..catalog import Catalog
from ..model import Boerse
from .common import Site, offer_modified, write_bytes

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
NAMESPACE = uuid.UUID("0b1e5a4c-6f0e-5b8e-9d35-6c1f0a2c7e11")  # for the ids of feeds and entries


def feed_path(boerse: Boerse) -> str:
    return f"{boerse.slug}/feed/atom.xml"


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feed(boerse: Boerse, catalog: Catalog, site: Site) -> bytes:
    dated = [(offer_modified(offer), offer) for offer in catalog.current_offers(boerse)]
    dated = sorted(((day, offer) for day, offer in dated if day), key=lambda item: (-item[0].toordinal(), item[1].slug))[:MAX_ENTRIES]

    def link(path: str) -> str:
        # Relative addresses resolve against the feed's own address (…/<börse>/feed/atom.xml).
        return site.address(path) if site.absolute else f"../../{path}"

    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "de"})
    ET.SubElement(root, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{site.domain}/{boerse.slug}')}"
    ET.SubElement(root, f"{{{ATOM}}}title").text = f"{boerse.title}: neue und geänderte Angebote"
    ET.SubElement(root, f"{{{ATOM}}}subtitle").text = site.name
    newest = dated[0][0] if dated else datetime.date(2000, 1, 1)
    ET.SubElement(root, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": link(feed_path(boerse))})
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": link(boerse.url)})
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site.name
    for day, offer in dated:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{site.domain}/{offer.url}')}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = offer.title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day)
        if offer.valid_from:
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(offer.valid_from)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": link(offer.url)})
        entry_author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(entry_author, f"{{{ATOM}}}name").text = offer.organisation.name
        for category in offer.categories:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": category.slug, "label": category.label})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = offer.summary
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feeds(output: Path, catalog: Catalog, site: Site) -> None:
    for boerse in catalog.boersen:
        write_bytes(output / feed_path(boerse), feed(boerse, catalog, site))
