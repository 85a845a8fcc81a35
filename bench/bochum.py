"""Bochum's daycare list (open data, CC0) as a scratch data folder, for the search quality bench.

Not a product feature (a general ``boersen import`` is issue 9): a small converter that reads
../shared/data/bochum_daycare_centers.csv (UTF-8, ";", quoted; some centres twice with two
categories) and writes one Börse of ``typ: allgemein`` that ``boersen validate`` accepts:

- titel: ``name``; kurzbeschreibung: ``beschreib`` or else ``kategorie`` (the operator type);
- kategorien: every ``kategorie`` of the centre (rows with the same ``poi_id`` merged);
- anbieter: one per ``kategorie`` ("Ev. Kindertagesstätten" …), the centre's first;
- ort: ``str_hausnr`` as street, the postcode from ``plz_ort``, the town from ``plz_ort``.

Run ``python bench/bochum.py <folder>`` to write the folder; ``rows()`` gives the merged records
the quality bench derives its expected answers from.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT.parent / "shared" / "data" / "bochum_daycare_centers.csv"


def slug(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def rows(path: Path = CSV) -> list[dict]:
    """One record per centre (poi_id), in the file's order, categories merged."""
    merged: dict[str, dict] = {}
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter=";"):
            record = merged.get(row["poi_id"])
            if record is None:
                postcode, _, town = row["plz_ort"].strip().partition(" ")
                merged[row["poi_id"]] = {
                    "id": row["poi_id"],
                    "name": " ".join(row["name"].split()),
                    "street": " ".join(row["str_hausnr"].split()),
                    "postcode": postcode,
                    "town": town.strip() or "Bochum",
                    "description": " ".join(row["beschreib"].split()),
                    "categories": [row["kategorie"].strip()],
                }
            elif row["kategorie"].strip() not in record["categories"]:
                record["categories"].append(row["kategorie"].strip())
    return list(merged.values())


def street_name(street: str) -> str:
    """The street without its house number: "In der Schornau 23 - 25" -> "In der Schornau"."""
    return re.sub(r"\s+\d.*$", "", street).strip()


def write_folder(folder: Path, records: list[dict] | None = None) -> dict[str, str]:
    """Write the data folder; returns offer file slug -> poi_id."""
    records = rows() if records is None else records
    categories = {slug(c): c for record in records for c in record["categories"]}
    dump = lambda value: yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)  # noqa: E731
    (folder / "anbieter").mkdir(parents=True, exist_ok=True)
    (folder / "kitas").mkdir(parents=True, exist_ok=True)
    for key, label in sorted(categories.items()):
        (folder / "anbieter" / f"{key}.yaml").write_text(dump({"name": label}), encoding="utf-8")
    boerse = {
        "titel": "Kitas in Bochum",
        "typ": "allgemein",
        "kurzbeschreibung": "Kindertagesstätten aus den offenen Daten der Stadt Bochum.",
        "kategorien": dict(sorted(categories.items())),
        "filter": ["kategorien"],
    }
    (folder / "kitas" / "_boerse.yaml").write_text(dump(boerse), encoding="utf-8")
    slugs: dict[str, str] = {}
    for record in records:
        name = slug(record["name"]) or "kita"
        if name in slugs or name.startswith("_"):
            name = f"{name}-{record['id']}"
        slugs[name] = record["id"]
        offer = {
            "titel": record["name"],
            "kurzbeschreibung": record["description"] or record["categories"][0],
            "anbieter": slug(record["categories"][0]),
            "kategorien": [slug(c) for c in record["categories"]],
            "ort": {"strasse": record["street"], "plz": record["postcode"], "stadt": record["town"]},
        }
        (folder / "kitas" / f"{name}.yaml").write_text(dump(offer), encoding="utf-8")
    return slugs


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/work/bochum/data")
    written = write_folder(target)
    print(f"{len(written)} Kitas nach {target}/ geschrieben")
