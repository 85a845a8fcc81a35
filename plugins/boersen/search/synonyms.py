"""Synonyms for the search: a default German list for the four kinds of Börse, extended by the town.

A group is a list of words or fixed phrases that the search treats alike: whoever searches one
finds the others ("OGS" finds "Offene Ganztagsschule" and the other way round). A town adds its
own groups under ``synonyme`` in data/_einstellungen.yaml; they extend this list.
"""

from __future__ import annotations

from . import german

DEFAULT_SYNONYMS: list[list[str]] = [
    # Kita-Börse
    ["Kita", "Kindertagesstätte", "Kindertageseinrichtung", "Kindergarten"],
    ["Krippe", "Kinderkrippe", "U3-Betreuung"],
    ["Hort", "Kinderhort", "Schulkinderbetreuung"],
    ["Tagespflege", "Kindertagespflege", "Tagesmutter", "Tagesvater"],
    ["Offene Ganztagsschule", "OGS"],
    ["Familienzentrum", "Familienbüro"],
    # Familienkompass
    ["Nachhilfe", "Hausaufgabenhilfe", "Lernförderung", "Hausaufgabenbetreuung"],
    ["Krabbelgruppe", "Eltern-Kind-Gruppe", "Spielgruppe"],
    ["Erziehungsberatung", "Familienberatung", "Elternberatung"],
    ["Schwangerschaftsberatung", "Schwangerenberatung"],
    ["Geflüchtete", "Flüchtlinge"],
    ["Inklusion", "inklusiv", "integrativ"],
    # Sportwegweiser
    ["Fußball", "Soccer"],
    ["Tischtennis", "Pingpong"],
    ["Kampfsport", "Kampfkunst"],
    ["Babyschwimmen", "Säuglingsschwimmen"],
    ["Fahrradfahren", "Radfahren"],
    # Ferienbörse
    ["Ferienlager", "Ferienfreizeit", "Zeltlager"],
    ["Ferienbetreuung", "Ferienspiele", "Ferienprogramm"],
    ["Jugendzentrum", "Jugendtreff", "Jugendhaus", "Jugendfreizeitheim"],
]


def member_words(member: str) -> list[str]:
    """A group member as the search sees it: folded words without stop words."""
    return [german.fold(word) for word in german.tokenize(member) if word not in german.STOP_WORDS]


def synonym_groups(town: list[list[str]]) -> list[list[list[str]]]:
    """The default groups and then the town's, each member as its list of folded words.

    Members that leave no word (only stop words) and groups left with fewer than two members
    are dropped; equal members within a group are kept once.
    """
    groups = []
    for group in [*DEFAULT_SYNONYMS, *town]:
        members: list[list[str]] = []
        for member in group:
            words = member_words(member)
            if words and words not in members:
                members.append(words)
        if len(members) >= 2:
            groups.append(members)
    return groups
