"""The facet columns the browser filters on, including a town's own extra fields."""

from __future__ import annotations

from boersen.search.facets import facets_for

from scratch import FERIEN_OFFER, replace

EHRENAMT = """\
titel: Ehrenamtsbörse
typ: allgemein
kategorien:
  soziales: Soziales
  umwelt: Umwelt
filter: [kategorien, stadtteil, barrierefrei, einsatzort, mit_kindern]
zusatzfelder:
  - name: einsatzort
    typ: auswahl
    titel: Einsatzort
    werte: [drinnen, draussen]
    filter: true
  - name: mit_kindern
    typ: ja_nein
    titel: Mit Kindern möglich
    filter: true
"""


def ehrenamt(title: str, place: str, with_children: bool, district: str) -> str:
    return f"""\
titel: {title}
kurzbeschreibung: Helfen Sie mit.
anbieter: tsv
kategorien: [umwelt]
einsatzort: {place}
mit_kindern: {"true" if with_children else "false"}
ort:
  stadt: Auenstadt
  stadtteil: {district}
"""


def columns(data, slug: str) -> dict[str, dict]:
    catalog, problems = data.load()
    assert problems.errors == []
    boerse = next(b for b in catalog.boersen if b.slug == slug)
    offers = catalog.current_offers(boerse)
    return {facet.name: facet.column(offers) for facet in facets_for(boerse)}, [o.slug for o in offers]


def test_extra_fields_become_facets(data):
    data.write("ehrenamt/_boerse.yaml", EHRENAMT)
    data.write("ehrenamt/baeume.yaml", ehrenamt("Bäume gießen", "draussen", True, "Weidach"))
    data.write("ehrenamt/lesen.yaml", ehrenamt("Vorlesen", "drinnen", False, "Altstadt"))
    found, slugs = columns(data, "ehrenamt")
    assert list(found) == ["kategorien", "stadtteil", "barrierefrei", "einsatzort", "mit_kindern"]
    assert slugs == ["baeume", "lesen"]
    assert found["einsatzort"]["kind"] == "choice"
    assert found["einsatzort"]["keys"] == ["drinnen", "draussen"]
    assert found["einsatzort"]["values"] == [[1], [0]]
    # A yes/no field of the town's own is a choice of ja and nein: people may look for either.
    assert (found["mit_kindern"]["kind"], found["mit_kindern"]["keys"]) == ("choice", ["ja", "nein"])
    assert found["mit_kindern"]["values"] == [[0], [1]]
    assert found["stadtteil"]["keys"] == ["Altstadt", "Weidach"]
    assert found["stadtteil"]["values"] == [[1], [0]]
    assert found["kategorien"]["options"] == ["Soziales", "Umwelt"]


def test_dates_weekdays_ages_and_free_places(data):
    data.write(
        "ferien/_boerse.yaml",
        "titel: Ferienbörse\ntyp: ferien\nkategorien:\n  sport-und-spiel: Sport und Spiel\n"
        "filter: [alter, datum, freie_plaetze, kostenlos, barrierefrei]\n",
    )
    data.offer()  # Monday 2 August to Friday 6 August 2027, 5 to 8 years, 25 €
    data.offer(replace(FERIEN_OFFER, "freie_plaetze: viele", "freie_plaetze: keine"), "voll.yaml")
    found, slugs = columns(data, "ferien")
    assert slugs == ["kurs", "voll"]
    assert found["alter"]["values"] == [[5, 8], [5, 8]]
    assert found["datum"]["epoch"] == "2000-01-01"
    assert found["datum"]["values"][0] == [10075, 10079]
    assert found["freie_plaetze"]["values"] == [1, 0]
    assert found["kostenlos"]["values"] == [0, 0]
    assert found["barrierefrei"]["values"] == [1, 1]


def test_weekdays_of_weekly_and_dated_offers(data):
    data.write(
        "ferien/_boerse.yaml",
        "titel: Ferienbörse\ntyp: ferien\nkategorien:\n  sport-und-spiel: Sport und Spiel\nfilter: [wochentag]\n",
    )
    data.offer()
    found, _ = columns(data, "ferien")
    weekdays = found["wochentag"]
    assert weekdays["keys"] == ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
    assert weekdays["values"] == [[0, 1, 2, 3, 4]]
