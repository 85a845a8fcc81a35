"""A small site for the output tests: the scratch Ferien Börse and a sport Börse with weekly times."""

from __future__ import annotations

from scratch import FERIEN_OFFER, DataFolder, replace
from sitebuild import build_site

SPORT_BOERSE = """\
titel: Sportwegweiser
typ: sport
kurzbeschreibung: Sport in Auenstadt.
kategorien:
  ballsport: Ballsport
  wassersport: Wassersport
filter: [kategorien]
sortierung: titel
"""

SPORT_OFFER = """\
titel: Bambini-Fußball
kurzbeschreibung: Fußball für Vier- bis Sechsjährige; mit Spiel und Spaß.
anbieter: tsv
kategorien: [ballsport]
sportart: Fußball
trainingszeiten:
  - wochentag: freitag
    beginn: 16:00
    ende: 17:00
    ort: Kunstrasenplatz
gueltig_ab: 2027-01-04
gueltig_bis: 2027-07-31
bestaetigt_am: 2027-02-10
"""

SITEURL = "https://boersen.auenstadt.example"


def output_world(data: DataFolder) -> DataFolder:
    data.offer()
    kanutag = replace(FERIEN_OFFER, "titel: Schwimmkurs für Anfänger", 'titel: "Kanutag; mit Picknick"')
    data.offer(replace(kanutag, "    ende: 12:00\n", ""), "kanutag.yaml")
    data.offer(
        replace(
            replace(FERIEN_OFFER, "    beginn: 9:00\n    ende: 12:00\n", "  - datum: 2027-08-20\n"),
            "kurzbeschreibung: Wir lernen schwimmen und machen das Seepferdchen.",
            'kurzbeschreibung: "Zwei Tage im Wald.\\nMit Übernachtung."',
        ),
        "waldtage.yaml",
    )
    data.write("sport/_boerse.yaml", SPORT_BOERSE)
    data.write("sport/bambini.yaml", SPORT_OFFER)
    return data


def build_world(data: DataFolder, output, *, published: bool = True):
    """Built with publishconf.py for SITEURL (published) or with pelicanconf.py (local preview)."""
    output_world(data)
    if published:
        environment = {"BOERSEN_SITEURL": SITEURL}
        result = build_site(output, data_dir=data.root, today="2027-03-01", config="publishconf.py", environment=environment)
    else:
        result = build_site(output, data_dir=data.root, today="2027-03-01")
    assert result.returncode == 0, result.stderr
    return result
