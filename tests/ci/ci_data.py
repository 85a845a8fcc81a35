"""A scratch data set with more than 60 problems, as a pull request would bring them."""

from __future__ import annotations

from pathlib import Path

from scratch import FERIEN_OFFER, DataFolder, replace

BROKEN_OFFERS = 30  # each: two errors (age and fee below 0)
ODD_SEASON = 'saison: "50%, a:b | <b>x</b> [y](z)"'
ODD_SEASON_MESSAGE = (
    "„50%, a:b | <b>x</b> [y](z)“ ist als Ferienzeit nicht erlaubt. Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter."
)
AGE_MESSAGE = "Der Wert -1 ist zu klein; erwartet wird mindestens 0."
FEE_MESSAGE = "Der Wert -5 ist zu klein; erwartet wird mindestens 0."
STALE_MESSAGE = (
    "Die Angaben wurden zuletzt am 15. Januar 2025 bestätigt, vor mehr als 12 Monaten. Bitte prüfen und das Datum aktualisieren."
)
ORPHAN_MESSAGE = "Den Anbieter „tsv-alt“ gibt es nicht. Anbieter werden als Datei in data/anbieter/ angelegt. Meinten Sie „tsv“?"


def many_problems(root: Path) -> DataFolder:
    """data/ under root: 30 changed offers with two errors each, a changed offer with characters
    that mean something to GitHub and Markdown, a changed offer nobody confirmed for years, and two
    unchanged files (an offer whose organisation is gone, an offer nobody confirmed) — 64 problems."""
    data = DataFolder(root)
    stale = replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2025-01-15")
    for number in range(1, BROKEN_OFFERS + 1):
        data.offer(replace(replace(FERIEN_OFFER, "  von: 5", "  von: -1"), "gebuehr: 25", "gebuehr: -5"), f"kurs-{number:02}.yaml")
    data.offer(replace(FERIEN_OFFER, "saison: sommer", ODD_SEASON), "zeichen.yaml")
    data.offer(stale, "frisch.yaml")
    data.offer(replace(FERIEN_OFFER, "anbieter: tsv", "anbieter: tsv-alt"), "verwaist.yaml")
    data.offer(stale, "alt.yaml")
    return data


CHANGED = [f"data/ferien/kurs-{number:02}.yaml" for number in range(1, BROKEN_OFFERS + 1)] + [
    "data/ferien/frisch.yaml",
    "data/ferien/zeichen.yaml",
]
