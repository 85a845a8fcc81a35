"""The default synonym list and the town's groups in _einstellungen.yaml (words and fixed phrases)."""

from __future__ import annotations

from boersen.search.synonyms import DEFAULT_SYNONYMS, synonym_groups


def test_the_default_list_has_the_groups_the_readme_names():
    groups = [set(group) for group in DEFAULT_SYNONYMS]
    for named in (
        {"Kita", "Kindertagesstätte", "Kindergarten"},
        {"Krippe", "Kinderkrippe"},
        {"OGS", "Offene Ganztagsschule"},
        {"Nachhilfe", "Hausaufgabenhilfe", "Lernförderung"},
        {"Krabbelgruppe", "Eltern-Kind-Gruppe"},
    ):
        assert any(named <= group for group in groups), named


def test_groups_are_folded_word_lists_and_the_towns_come_after_the_defaults():
    groups = synonym_groups([["Bücherei", "Bibliothek", "bücherei"], ["Deutsch lernen", "Sprachkurs"], ["die", "der"]])
    assert groups[: len(DEFAULT_SYNONYMS)] == synonym_groups([])
    assert groups[len(DEFAULT_SYNONYMS) :] == [[["bucherei"], ["bibliothek"]], [["deutsch", "lernen"], ["sprachkurs"]]]
    assert [["offene", "ganztagsschule"], ["ogs"]] in groups
    assert [["krabbelgruppe"], ["eltern", "kind", "gruppe"], ["spielgruppe"]] in groups


def test_the_settings_accept_fixed_phrases_and_explain_a_bad_entry(data):
    data.write("_einstellungen.yaml", "synonyme:\n  - [Offene Ganztagsschule, OGS]\n")
    assert data.messages() == []
    data.write("_einstellungen.yaml", "synonyme:\n  - [Kita, 'Kindergarten, Hort']\n  - [Hort,  Schulkind]\n")
    assert data.messages() == [
        "data/_einstellungen.yaml:2:12: synonyme[1][2]: „Kindergarten, Hort“ ist kein Wort und keine Wortgruppe: erlaubt sind "
        "Wörter mit je einem Leerzeichen dazwischen, ohne Komma oder Semikolon. Bitte jedes gleichbedeutende Wort als eigenen "
        "Eintrag der Gruppe schreiben."
    ]
