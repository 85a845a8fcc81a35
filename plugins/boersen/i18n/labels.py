"""Labels from the schema that pages and scripts show: field titles, choice labels, facet names.

They live in schema.py (the single source of truth, in German); ``extract_schema_labels`` puts
them into the UI catalogue (babel.cfg), so they are translated like every other UI string.
"""

from __future__ import annotations

from functools import cache

from .. import schema as schemas


def _walk(node, found: list[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            found.append(node["title"])
        found.extend(label for label in (node.get("x-labels") or {}).values() if isinstance(label, str))
        for key in ("properties", "items"):
            child = node.get(key)
            if isinstance(child, dict):
                for value in child.values() if key == "properties" else [child]:
                    _walk(value, found)


@cache
def schema_labels() -> tuple[str, ...]:
    """Every label of the offer fields of every Börse type and of the search facets, in order."""
    found: list[str] = []
    # Type by type: two types may name a field alike with other choices (freie_plaetze).
    for properties in [schemas.core_properties()] + [spec["properties"]() for spec in schemas.TYPES.values()]:
        for field in properties.values():
            _walk(field, found)
    found.extend(schemas.FACETS.values())
    return tuple(dict.fromkeys(found))


def extract_schema_labels(fileobj, keywords, comment_tags, options):
    """Babel extractor (babel.cfg) for schema.py: the labels above, with a note for translators."""
    for label in schema_labels():
        yield 0, "gettext", label, ["Label from the data schema (field, choice or search filter)"]
