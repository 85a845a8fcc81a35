"""The Hugo site that renders the same offers as our build, for ``build_bench.py`` to compare with.

``write_site(site, dataset)`` turns a ``synthetic.Dataset`` into a Hugo project:

- one content page per offer (``content/<börse>/<slug>.md``): YAML front matter with the
  offer's fields under the same German keys, the description as Markdown body;
- one list page per Börse (``_index.md``, its introduction as body) and one page per
  category at the same address as ours (``/<börse>/kategorie/<kategorie>/``);
- one page per organisation plus the organisation index, the home page;
- ``data/boersen.json`` (titles, category order and labels) and ``data/labels.json``
  (the German labels of choice fields, taken from ``boersen.schema``).

The layouts in ``bench/hugo/layouts`` port ``theme/templates``: the same fields in the
same order, German dates (``time.Format``), prices (``lang.FormatCurrency``), schema.org
JSON-LD, the category navigation with counts, and offer cards on list pages. Category counts
and the offers per organisation are computed once per build (``partialCached``), as our
generator does. For search, each Börse gets ``suche.json`` with its documents (titles,
summaries, keywords, plain-text descriptions): Hugo cannot prebuild a lunr index the way our
build does, so this is the part a Hugo site would do at build time.

Not ported: the help page, the Impressum-style pages from ``content/pages``, the JSON
Schema files and the static search form markup (together a dozen small files). RSS,
sitemap, robots.txt, 404 and taxonomies are switched off, as our site has none of them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from synthetic import TODAY, TOWN, Dataset, to_yaml

from boersen import schema

HERE = Path(__file__).parent
LAYOUTS = HERE / "hugo" / "layouts"
STYLESHEET = HERE.parent / "theme" / "static" / "css" / "style.css"
SITE_TITLE = "Börsen der Stadt Auenstadt"
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

CONFIG = f"""\
baseURL = "/"
title = "{SITE_TITLE}"
languageCode = "de"
defaultContentLanguage = "de"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
buildFuture = true  # the offers lie in {TODAY.year + 1}
relativeURLs = true  # as RELATIVE_URLS in pelicanconf.py
disableHugoGeneratorInject = true

# Search data per Börse (suche.json, set in each Börse's _index.md): Hugo cannot prebuild a lunr
# index as our build does, so it writes the documents a browser-side index is built from.
[outputFormats.suche]
mediaType = "application/json"
baseName = "suche"
isPlainText = true
notAlternative = true

[params]
town = "{TOWN}"
heute = "{TODAY.isoformat()}"

[markup.goldmark.renderer]
unsafe = false  # raw HTML in descriptions is dropped, as nh3 does for us
"""


def write_site(site: Path, dataset: Dataset) -> None:
    """Write the Hugo project for ``dataset`` into ``site``, replacing what was there."""
    site = Path(site)
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(LAYOUTS, site / "layouts")
    (site / "static" / "theme" / "css").mkdir(parents=True)
    shutil.copy(STYLESHEET, site / "static" / "theme" / "css" / "style.css")
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    (site / "data").mkdir()
    (site / "data" / "boersen.json").write_text(json.dumps(_boersen_data(dataset), ensure_ascii=False), encoding="utf-8")
    (site / "data" / "labels.json").write_text(json.dumps(_labels(), ensure_ascii=False), encoding="utf-8")

    content = site / "content"
    _page(content / "_index.md", {"title": SITE_TITLE})
    for slug, config in dataset.boersen.items():
        _page(
            content / slug / "_index.md",
            {"title": config["titel"], "kurzbeschreibung": config["kurzbeschreibung"], "outputs": ["HTML", "suche"]},
            config["einleitung"],
        )
    # Category pages are plain pages of a hidden section, placed at our addresses with ``url``.
    _page(content / "kategorien" / "_index.md", {"title": "Kategorien", "_build": {"render": "never", "list": "never"}})
    for slug, config in dataset.boersen.items():
        for category, label in config["kategorien"].items():
            front = {"title": label, "boerse": slug, "kategorie": category, "url": f"/{slug}/kategorie/{category}/"}
            _page(content / "kategorien" / f"{slug}-{category}.md", front)
    _page(content / "anbieter" / "_index.md", {"title": "Anbieter"})
    for slug, data in dataset.organisations.items():
        front = {"title": data["name"], **{key: value for key, value in data.items() if key not in ("name", "beschreibung")}}
        _page(content / "anbieter" / f"{slug}.md", front, data.get("beschreibung", ""))
    for offer in dataset.offers:
        front = {"title": offer.data["titel"]}
        if "termine" in offer.data:  # Hugo sorts the Ferienbörse by date, as ours does by first date
            front["date"] = min(item["datum"] for item in offer.data["termine"])
        front |= {key: value for key, value in offer.data.items() if key not in ("titel", "beschreibung")}
        _page(content / offer.boerse / f"{offer.slug}.md", front, offer.data.get("beschreibung", ""))


def _page(path: Path, front: dict[str, Any], body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{to_yaml(front, quote_strings=True)}---\n\n{body}", encoding="utf-8")


def _boersen_data(dataset: Dataset) -> dict[str, Any]:
    """Börsen in display order and by slug; categories as an ordered list and as a label lookup."""
    boersen = []
    for slug, config in sorted(dataset.boersen.items(), key=lambda item: (item[1].get("reihenfolge", 100), item[1]["titel"])):
        categories = [{"slug": key, "label": label} for key, label in config["kategorien"].items()]
        boersen.append(
            {
                "slug": slug,
                "titel": config["titel"],
                "typ": config["typ"],
                "kurzbeschreibung": config.get("kurzbeschreibung", ""),
                "sortierung": config.get("sortierung", "datum" if config["typ"] == "ferien" else "titel"),
                "kategorien": categories,
                "kategorie_labels": dict(config["kategorien"]),
            }
        )
    return {"liste": boersen, "nach_slug": {boerse["slug"]: boerse for boerse in boersen}}


def _labels() -> dict[str, dict[str, str]]:
    """The German labels of every choice field of the four types, from the schema (x-labels)."""
    labels: dict[str, dict[str, str]] = {
        "wochentag": dict(schema.WEEKDAYS),
        "schema_tage": dict(zip(schema.WEEKDAYS, SCHEMA_DAYS, strict=True)),
    }
    for kind in ("ferien", "sport", "familie", "kita"):
        for name, field in schema.offer_schema(kind)["properties"].items():
            found = field.get("x-labels") or field.get("items", {}).get("x-labels")
            if found:
                labels[name] = found
    return labels
