"""The help page's complete example shows translations and Leichte Sprache, and validates."""

from __future__ import annotations

import datetime

from boersen.catalog import check_offer_text, load_catalog
from boersen.help_page import example_file, local_examples

from sitebuild import ROOT


def test_every_boerses_complete_example_carries_translations_and_easy_language_and_validates():
    catalog, _ = load_catalog(ROOT / "data", datetime.date(2027, 6, 1))
    for boerse in catalog.boersen:
        example = example_file(boerse, local_examples(catalog))
        assert "uebersetzungen:\n  en:\n    titel: Swimming course for beginners\n" in example
        assert "  uk:\n    titel: Курс плавання для початківців\n" in example
        assert "leichte_sprache:\n  titel: Schwimmen lernen\n" in example
        problems = check_offer_text(catalog, boerse, "beispiel.yaml", example)
        assert [str(problem) for problem in problems.items] == [], boerse.slug
