"""Open data: per Börse its current offers and their organisations as JSON and CSV, and a
DCAT-AP.de catalogue (``offene-daten/catalog.jsonld``) describing every file.

- Ids are the file names (slugs) of offers and organisations: ``ferienboerse/kanutag.yaml``
  has the id ``kanutag`` and the page ``/ferienboerse/kanutag/``.
- The CSV files are for spreadsheets in German: UTF-8 with a byte order mark (so Excel reads
  UTF-8), ``;`` between values (Excel's separator in German locales; LibreOffice asks and
  proposes it), decimal comma, values with ``;``, quotes or line breaks in double quotes,
  lines ending in CRLF (RFC 4180). The JSON files hold the same records with numbers, lists
  and true/false.
- Dates: ``modified`` is the newest ``bestaetigt_am``/``gueltig_ab`` of the offers, never the
  build's clock.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from pathlib import Path

from ..catalog import Catalog
from ..model import Boerse, Offer, Organisation
from ..schema import WEEKDAYS
from .calendar import weekly_slots
from .common import Site, offer_modified, write_bytes

FOLDER = "daten"  # inside a Börse
CATALOG_PATH = "offene-daten/catalog.jsonld"
FILES = {"angebote": "Angebote", "anbieter": "Anbieter"}

OFFER_COLUMNS = (
    "id",
    "boerse",
    "titel",
    "kurzbeschreibung",
    "anbieter_id",
    "anbieter",
    "kategorien",
    "schlagworte",
    "termine",
    "wochenzeiten",
    "alter_von",
    "alter_bis",
    "kosten",
    "ort",
    "strasse",
    "plz",
    "stadt",
    "stadtteil",
    "breite",
    "laenge",
    "barrierefrei",
    "kontakt_name",
    "telefon",
    "email",
    "webseite",
    "gueltig_ab",
    "gueltig_bis",
    "bestaetigt_am",
    "url",
)
ORGANISATION_COLUMNS = ("id", "name", "art", "strasse", "plz", "stadt", "stadtteil", "telefon", "email", "webseite", "angebote", "url")

# Licence ids (setting BOERSEN_OPEN_DATA_LICENCE) -> the DCAT-AP.de licence vocabulary.
LICENCES = {
    "dl-de/by-2-0": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    "dl-de/zero-2-0": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
    "cc-by/4.0": "http://dcat-ap.de/def/licenses/cc-by/4.0",
    "cc-zero": "http://dcat-ap.de/def/licenses/cc-zero",
}
FORMATS = {
    "csv": ("http://publications.europa.eu/resource/authority/file-type/CSV", "https://www.iana.org/assignments/media-types/text/csv"),
    "json": (
        "http://publications.europa.eu/resource/authority/file-type/JSON",
        "https://www.iana.org/assignments/media-types/application/json",
    ),
}


def data_path(boerse: Boerse, name: str, extension: str) -> str:
    return f"{boerse.slug}/{FOLDER}/{name}.{extension}"


def downloads(catalog: Catalog) -> dict:
    """What the page "Offene Daten" links: the catalogue and each Börse's files."""
    boersen = [
        {
            "title": boerse.title,
            "url": boerse.url,
            "files": [
                {"label": f"{label} als {extension.upper()}", "path": data_path(boerse, name, extension)}
                for name, label in FILES.items()
                for extension in FORMATS
            ],
        }
        for boerse in catalog.boersen
    ]
    return {"catalog": CATALOG_PATH, "boersen": boersen}


def licence_uri(licence: str) -> str:
    if licence.startswith(("http://", "https://")):
        return licence
    return LICENCES.get(licence, f"http://dcat-ap.de/def/licenses/{licence}")


def _time(value: datetime.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def offer_record(offer: Offer, site: Site) -> dict:
    location, contact = offer.location, offer.contact
    return {
        "id": offer.slug,
        "boerse": offer.boerse.slug,
        "titel": offer.title,
        "kurzbeschreibung": offer.summary,
        "anbieter_id": offer.organisation.slug,
        "anbieter": offer.organisation.name,
        "kategorien": [category.label for category in offer.categories],
        "schlagworte": list(offer.tags),
        "termine": [
            {
                "datum": a.start_date.isoformat(),
                "enddatum": a.end_date.isoformat(),
                "beginn": _time(a.start_time),
                "ende": _time(a.end_time),
            }
            for a in offer.dates
        ],
        "wochenzeiten": [
            {"wochentag": list(WEEKDAYS)[slot.weekday], "beginn": _time(slot.start), "ende": _time(slot.end), "ort": slot.venue}
            for slot in weekly_slots(offer)
        ],
        "alter_von": offer.ages.minimum if offer.ages else None,
        "alter_bis": offer.ages.maximum if offer.ages else None,
        "kosten": offer.cost,
        "ort": location.name if location else None,
        **_address(location),
        "breite": location.latitude if location else None,
        "laenge": location.longitude if location else None,
        "barrierefrei": offer.barrier_free,
        "kontakt_name": contact.name if contact else None,
        **_reach(contact),
        "gueltig_ab": offer.valid_from.isoformat() if offer.valid_from else None,
        "gueltig_bis": offer.valid_until.isoformat() if offer.valid_until else None,
        "bestaetigt_am": offer.confirmed_on.isoformat() if offer.confirmed_on else None,
        "url": site.address(offer.url),
    }


def organisation_record(organisation: Organisation, offers: list[Offer], site: Site) -> dict:
    location, contact = organisation.location, organisation.contact
    return {
        "id": organisation.slug,
        "name": organisation.name,
        "art": organisation.kind,
        **_address(location),
        **_reach(contact),
        "angebote": [offer.slug for offer in offers],
        "url": site.address(organisation.url),
    }


def _address(location) -> dict:
    """The address columns shared by offers and organisations, in their documented order."""
    return {
        "strasse": location.street if location else None,
        "plz": location.postcode if location else None,
        "stadt": location.city if location else None,
        "stadtteil": location.district if location else None,
    }


def _reach(contact) -> dict:
    return {
        "telefon": contact.phone if contact else None,
        "email": contact.email if contact else None,
        "webseite": contact.website if contact else None,
    }


def csv_value(value) -> str:
    """One cell as German spreadsheets read it; text that a spreadsheet would run as a formula
    ("=…", "@…", "+…" or "-…" but a phone number or a number) gets an apostrophe in front."""
    text = _cell(value)
    if text[:1] in ("=", "@") or (text[:1] in ("+", "-") and not PLAIN_NUMBER.fullmatch(text)):
        return f"'{text}"
    return text


PLAIN_NUMBER = re.compile(r"[+-][\d\s/(),.-]*")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",") if value != int(value) else str(int(value))
    if isinstance(value, list):
        return ", ".join(_list_item(item) for item in value)
    return str(value)


def _list_item(item) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "datum" in item:  # a date: 2027-08-02 bis 2027-08-06 9:00–12:00
        day = item["datum"] if item["datum"] == item["enddatum"] else f"{item['datum']} bis {item['enddatum']}"
        times = "–".join(t for t in (item["beginn"], item["ende"]) if t)
        return f"{day} {times}".strip()
    place = f" ({item['ort']})" if item.get("ort") else ""
    return f"{WEEKDAYS[item['wochentag']]} {item['beginn']}–{item['ende']}{place}"


def to_csv(records: list[dict], columns: tuple[str, ...]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([csv_value(record[column]) for column in columns])
    return text.getvalue().encode("utf-8-sig")


def to_json(records: list[dict]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode()


def boerse_records(boerse: Boerse, catalog: Catalog, site: Site) -> tuple[list[dict], list[dict]]:
    offers = sorted(catalog.current_offers(boerse), key=lambda o: o.slug)
    by_organisation: dict[str, list[Offer]] = {}
    for offer in offers:
        by_organisation.setdefault(offer.organisation.slug, []).append(offer)
    organisations = [organisation_record(catalog.organisations[slug], items, site) for slug, items in sorted(by_organisation.items())]
    return [offer_record(offer, site) for offer in offers], organisations


def modified(offers: list[Offer]) -> str | None:
    days = [day for day in (offer_modified(offer) for offer in offers) if day]
    return max(days).isoformat() if days else None


def dcat_catalog(catalog: Catalog, site: Site) -> dict:
    def address(path: str) -> str:
        # Relative addresses resolve against the catalogue's own address (/offene-daten/catalog.jsonld).
        return site.address(path) if site.absolute else f"../{path}"

    publisher = {"@type": "foaf:Organization", "foaf:name": site.name}
    licence = {"@id": licence_uri(site.licence)}
    datasets = []
    for boerse in catalog.boersen:
        offers = catalog.current_offers(boerse)
        changed = modified(offers)
        distributions = []
        for name, label in FILES.items():
            for extension, (file_type, media_type) in FORMATS.items():
                path = data_path(boerse, name, extension)
                distribution = {
                    "@id": address(path),
                    "@type": "dcat:Distribution",
                    "dct:title": f"{boerse.title}: {label} ({extension.upper()})",
                    "dcat:accessURL": {"@id": address(path)},
                    "dcat:downloadURL": {"@id": address(path)},
                    "dct:format": {"@id": file_type},
                    "dcat:mediaType": {"@id": media_type},
                    "dct:license": licence,
                    "dcatde:licenseAttributionByText": site.name,
                }
                if changed:
                    distribution["dct:modified"] = {"@value": changed, "@type": "xsd:date"}
                distributions.append(distribution)
        dataset = {
            "@id": address(f"{boerse.url}#daten"),
            "@type": "dcat:Dataset",
            "dct:identifier": boerse.slug,
            "dct:title": f"{boerse.title}: Angebote und Anbieter",
            "dct:description": boerse.summary or boerse.title,
            "dct:publisher": publisher,
            "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
            "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"},
            "dcat:keyword": [category.label for category in boerse.categories],
            "dcat:landingPage": {"@id": address(boerse.url)},
            "dcat:distribution": distributions,
        }
        if changed:
            dataset["dct:modified"] = {"@value": changed, "@type": "xsd:date"}
        if site.town:
            dataset["dct:spatial"] = {"@type": "dct:Location", "locn:geographicName": site.town}
        datasets.append(dataset)
    all_changed = modified([offer for boerse in catalog.boersen for offer in catalog.current_offers(boerse)])
    document = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "locn": "http://www.w3.org/ns/locn#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": address(CATALOG_PATH),
        "@type": "dcat:Catalog",
        "dct:title": f"{site.name}: Offene Daten",
        "dct:description": f"Angebote und Anbieter der Börsen{f' in {site.town}' if site.town else ''} als CSV und JSON.",
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dct:license": licence,
        "foaf:homepage": {"@id": address("")},
        "dcat:dataset": datasets,
    }
    if all_changed:
        document["dct:modified"] = {"@value": all_changed, "@type": "xsd:date"}
    return document


def write_open_data(output: Path, catalog: Catalog, site: Site) -> None:
    for boerse in catalog.boersen:
        offers, organisations = boerse_records(boerse, catalog, site)
        for name, records, columns in (("angebote", offers, OFFER_COLUMNS), ("anbieter", organisations, ORGANISATION_COLUMNS)):
            write_bytes(output / data_path(boerse, name, "json"), to_json(records))
            write_bytes(output / data_path(boerse, name, "csv"), to_csv(records, columns))
    document = json.dumps(dcat_catalog(catalog, site), ensure_ascii=False, indent=1) + "\n"
    write_bytes(output / CATALOG_PATH, document.encode())
