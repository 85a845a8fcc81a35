"""What the help page for volunteers shows beyond the schema: examples from the town's own data.

The schema's examples are generic. On a town's site, the place, postcode, district and
organisation of an example should be that town's own, so the help page takes them from the
data itself (the most frequent values); a complete example file per Börse is built from them
and checked like any offer file, so it is always one that validates.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .catalog import Catalog
from .model import Boerse
from .schema import Schema
from .yaml_writer import dump, scalar

PLACE_FIELDS = {"ort.stadt": "city", "ort.plz": "postcode", "ort.stadtteil": "district", "ort.strasse": "street", "ort.bezeichnung": "name"}


def local_examples(catalog: Catalog) -> dict[str, Any]:
    """Dotted field name -> an example from this site's data (the most frequent value)."""
    found: dict[str, Any] = {}
    locations = [offer.location for boerse in catalog.boersen for offer in boerse.offers if offer.location]
    for name, attribute in PLACE_FIELDS.items():
        values = Counter(getattr(location, attribute) for location in locations if getattr(location, attribute))
        if values:
            found[name] = sorted(values.items(), key=lambda item: (-item[1], str(item[0])))[0][0]
    phones = Counter(
        offer.contact.phone.split()[0]
        for boerse in catalog.boersen
        for offer in boerse.offers
        if offer.contact and offer.contact.phone and offer.contact.phone[0] == "0"
    )
    if phones:  # the town's own area code, with made-up digits
        area = sorted(phones.items(), key=lambda item: (-item[1], item[0]))[0][0]
        for name in ("kontakt.telefon", "anmeldung.telefon"):
            found[name] = f"{area} 12345"
    if catalog.organisations:
        found["anbieter"] = sorted(catalog.organisations)[0]
    return found


def shown_example(name: str, field: Schema, local: dict[str, Any]) -> str | None:
    """The example of a field as it is written in a file: ``[sport, natur]`` for a list; None for groups."""
    example = local.get(name, field.get("examples", [None])[0])
    if isinstance(example, dict) or (isinstance(example, list) and any(isinstance(item, dict) for item in example)):
        return None
    if isinstance(example, list):
        return "[" + ", ".join(scalar(item, flow=True) for item in example) + "]"
    return scalar(example) if example is not None else None


# Optional, but shown in the complete example so volunteers see how translations are written.
SHOWN_OPTIONAL = ("uebersetzungen", "leichte_sprache")


def example_data(boerse: Boerse, local: dict[str, Any]) -> dict[str, Any]:
    """A complete offer of ``boerse``: every required and recommended field, with local examples,
    and translations and a Leichte-Sprache version."""
    schema = boerse.schema
    wanted = set(schema.get("required", [])) | set(schema.get("x-recommended", [])) | set(SHOWN_OPTIONAL)
    data = {name: _example(name, field, local) for name, field in schema["properties"].items() if name in wanted}
    data["kategorien"] = [boerse.categories[0].slug] if boerse.categories else data.get("kategorien")
    return data


def _example(name: str, field: Schema, local: dict[str, Any]) -> Any:
    example = field.get("examples", [None])[0]
    if field.get("type") == "object" and isinstance(example, dict) and name not in SHOWN_OPTIONAL:
        return {key: local.get(f"{name}.{key}", value) for key, value in example.items()}
    return local.get(name, example)


def example_file(boerse: Boerse, local: dict[str, Any]) -> str:
    return dump(example_data(boerse, local), boerse.schema)
