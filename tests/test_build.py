"""The whole Pelican build: pages, listings, expiry, sanitising, determinism, and bad data."""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from boersen.catalog import check_offer_text, load_catalog
from boersen.outputs.sitemap import pages as sitemap_pages
from boersen.schema import iter_fields, offer_schema, organisation_schema
from boersen.search.documents import result_card
from boersen.structured_data import site_data

from scratch import FERIEN_OFFER, replace
from sitebuild import ROOT, build_site


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo site as `make html` builds it, with today pinned."""
    result = build_site(tmp_path_factory.mktemp("demo") / "output", today="2027-06-01")
    assert result.returncode == 0, result.stderr
    return result


def small_site(data, tmp_path, *, today="2027-03-01"):
    result = build_site(tmp_path / "output", data_dir=data.root, today=today)
    assert result.returncode == 0, result.stderr
    return result


def text_of(html: str) -> str:
    """The visible text of a page with whitespace folded, for assertions on wording."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))


def links_of(html: str) -> list[tuple[str, str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


# --- The demo site ----------------------------------------------------------------


def test_demo_site_has_the_four_boersen_and_enough_content(demo):
    home = text_of(demo.page("index.html"))
    for title in ("Ferienbörse", "Sportwegweiser", "Familienkompass", "KiTa-Börse"):
        assert title in home
    counts = {
        folder: len([p for p in (ROOT / "data" / folder).iterdir() if p.suffix in (".yaml", ".md") and p.name != "_boerse.yaml"])
        for folder in ("ferienboerse", "sportwegweiser", "familienkompass", "kita-boerse", "anbieter")
    }
    assert counts["ferienboerse"] >= 40
    assert counts["sportwegweiser"] >= 25
    assert counts["familienkompass"] >= 25
    assert counts["kita-boerse"] >= 15
    assert counts["anbieter"] >= 20


def test_every_internal_link_and_asset_resolves(demo):
    broken = []
    pages = sorted(demo.output.rglob("*.html"))
    assert len(pages) > 150
    for page in pages:
        url = "/" + page.relative_to(demo.output).as_posix()
        for _tag, _attribute, link in links_of(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "mailto:", "tel:")):
                continue
            target = urlsplit(urljoin(url, link)).path
            path = demo.output / target.lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{url} -> {link}")
    assert broken == []


def test_no_third_party_requests(demo):
    """Only links a person clicks may leave the site; nothing loads from elsewhere (nor from data: URIs,
    which a strict Content-Security-Policy with img-src 'self' would block)."""
    loaded_from_elsewhere = []
    for page in demo.output.rglob("*.html"):
        for tag, attribute, link in links_of(page.read_text(encoding="utf-8")):
            if tag != "a" and urlsplit(link).scheme:
                loaded_from_elsewhere.append(f"{page.name}: <{tag} {attribute}={link}>")
    for stylesheet in demo.output.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", stylesheet.read_text()), stylesheet
        assert "@import" not in stylesheet.read_text()
    assert loaded_from_elsewhere == []


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.anchors: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.anchors.append(dict(attrs))


def test_links_to_other_sites_carry_noopener_noreferrer(demo):
    """Also in Pelican's own pages (Impressum …) and in volunteers' descriptions."""
    checked, missing = set(), []
    for page in sorted(demo.output.rglob("*.html")):
        parser = _Anchors()
        parser.feed(page.read_text(encoding="utf-8"))
        for anchor in parser.anchors:
            if urlsplit(anchor.get("href") or "").scheme in ("http", "https"):
                checked.add(page.parent.name)
                if not {"noopener", "noreferrer"} <= set((anchor.get("rel") or "").split()):
                    missing.append(f"{page.relative_to(demo.output)}: {anchor['href']}")
    assert {"impressum", "datenschutz"} <= checked  # Pelican pages were among those checked
    assert len(checked) > 50
    assert missing == []


def test_past_offers_leave_the_listings_but_keep_their_page(demo):
    # With today = 2027-06-01 the Winter and Easter holidays of the demo programme are over.
    listing = demo.page("ferienboerse/index.html")
    past = demo.page("ferienboerse/brettspiel-marathon/index.html")
    assert "brettspiel-marathon/" not in listing
    assert "Dieses Angebot ist nicht mehr aktuell" in past
    assert "Fr, 12. Februar 2027" in text_of(past)


def test_help_page_documents_every_field(demo):
    help_page = demo.page("hilfe/index.html")
    for slug, kind in (("ferienboerse", "ferien"), ("sportwegweiser", "sport"), ("familienkompass", "familie"), ("kita-boerse", "kita")):
        section = help_page.split(f'id="{slug}"')[1].split("</section>")[0]
        for name, field in iter_fields(offer_schema(kind)):
            assert f"<code>{name}</code>" in section, (slug, name)
            assert field["title"] in section
    organisations = help_page.split('id="anbieter"')[1].split("</section>")[0]
    for name, _ in iter_fields(organisation_schema()):
        assert f"<code>{name}</code>" in organisations


def test_schemas_are_published(demo):
    for name in ("ferien", "sport", "familie", "kita", "allgemein", "boersen/ferienboerse", "boersen/kita-boerse", "boerse", "anbieter"):
        assert (demo.output / "schema" / f"{name}.schema.json").is_file(), name


def test_demo_stays_current_next_year(tmp_path):
    """Demo dates move with the build year, so the programme is never empty."""
    result = build_site(tmp_path / "output", today="2029-06-01")
    assert result.returncode == 0, result.stderr
    listing = text_of(result.page("ferienboerse/index.html"))
    count = int(re.search(r"(\d+) aktuelle Angebote", listing).group(1))
    assert count >= 20
    assert "2029" in listing
    assert "2027" not in listing
    # "Confirmed on" dates keep their age: only the three deliberately stale offers look stale.
    stale = sum(result.page(f"{b}/index.html").count("Angaben älter als 12 Monate") for b in ("sportwegweiser", "familienkompass"))
    assert stale == 3
    kita = text_of(result.page("kita-boerse/betriebskita-klinikzwerge/index.html"))
    assert re.search(r"gemeldet am \d+\. (April|Mai) 2029", kita)


# --- A small site with known content ----------------------------------------------


def on_day(day: str) -> str:
    """The fixture offer as a one-day event on ``day``."""
    return replace(replace(FERIEN_OFFER, "    enddatum: 2027-08-06\n", ""), "datum: 2027-08-02", f"datum: {day}")


def test_offer_page_presents_every_field_for_people(data, tmp_path):
    text = replace(FERIEN_OFFER, "gebuehr: 25", "gebuehr: 5")
    text = replace(text, "    enddatum: 2027-08-06\n", "")
    data.offer(text + "gebuehr_hinweis: Mit Familienpass 3 €.\nmitbringen: Badesachen\n")
    free = replace(FERIEN_OFFER, "gebuehr: 25", "gebuehr: 0")
    data.offer(replace(free, "titel: Schwimmkurs für Anfänger", "titel: Kanutag"), "kanu.yaml")
    site = small_site(data, tmp_path)
    page = text_of(site.page("ferien/kurs/index.html"))
    assert "Mo, 2. August 2027, 9:00–12:00 Uhr" in page
    assert "5–8 Jahre" in page
    assert "5,00 € Mit Familienpass 3 €." in page
    assert "Badesachen" in page
    assert "Eine Anmeldung ist erforderlich, spätestens bis Di, 20. Juli 2027." in page
    assert "Hallenbad Auenstadt Badstraße 3 96201 Auenstadt (Altstadt)" in page
    assert "Der Ort ist barrierefrei." in page
    assert "TSV Auenstadt 1862 e. V." in page
    assert "kostenlos" in text_of(site.page("ferien/kanu/index.html"))
    multi_day = text_of(site.page("ferien/index.html"))
    assert "Mo, 2. August 2027, 9:00–12:00 Uhr" in multi_day


def test_multi_day_dates(data, tmp_path):
    data.offer()
    page = text_of(small_site(data, tmp_path).page("ferien/kurs/index.html"))
    assert "Mo, 2. August – Fr, 6. August 2027, jeweils 9:00–12:00 Uhr" in page


def test_listing_order_categories_and_organisation_pages(data, tmp_path):
    data.offer(on_day("2027-08-09"), "spaeter.yaml")
    early = replace(on_day("2027-07-26"), "kategorien: [sport-und-spiel]", "kategorien: [natur-und-erlebnis]")
    data.offer(early, "frueher.yaml")
    site = small_site(data, tmp_path)
    listing = site.page("ferien/index.html")
    assert listing.index("frueher/") < listing.index("spaeter/")
    category = site.page("ferien/kategorie/natur-und-erlebnis/index.html")
    assert "frueher/" in category
    assert "spaeter/" not in category
    assert "Natur und Erlebnis (1)" in text_of(listing)
    organisation = site.page("anbieter/tsv/index.html")
    assert "frueher/" in organisation and "spaeter/" in organisation


def test_expired_validity_leaves_the_listing(data, tmp_path):
    data.offer(FERIEN_OFFER + "gueltig_bis: 2027-02-01\n", "abgelaufen.yaml")
    data.offer(FERIEN_OFFER + "gueltig_ab: 2027-04-01\n", "noch-nicht.yaml")
    data.offer()
    listing = small_site(data, tmp_path).page("ferien/index.html")
    assert "kurs/" in listing
    assert "abgelaufen/" not in listing
    assert "noch-nicht/" not in listing


def test_markdown_is_sanitised(data, tmp_path):
    evil = (
        "beschreibung: |\n"
        "  # Überschrift\n"
        "  **fett** <script>alert(1)</script> <img src=x onerror=alert(1)>\n"
        "  [klick](javascript:alert(1)) [gut](https://www.auenstadt.example)\n"
        '  <a href="https://x.example" onclick="alert(1)">x</a> <iframe src="https://x.example"></iframe>\n'
    )
    data.offer(replace(FERIEN_OFFER, "beschreibung: Fünf Vormittage im Hallenbad.\n", evil))
    page = small_site(data, tmp_path).page("ferien/kurs/index.html")
    description = page.split('id="beschreibung"')[1].split("</section>")[0]
    assert "<strong>fett</strong>" in description
    assert "<h3>Überschrift</h3>" in description
    assert '<a href="https://www.auenstadt.example" rel="noopener noreferrer">gut</a>' in description
    for forbidden in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<img", "<h1"):
        assert forbidden not in description


def test_same_input_builds_byte_identical_output(data, tmp_path):
    data.offer()
    data.offer(on_day("2027-08-09"), "zweiter.yaml")

    def digest(folder: Path) -> dict[str, str]:
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}

    first = build_site(tmp_path / "one", data_dir=data.root, today="2027-03-01")
    second = build_site(tmp_path / "two", data_dir=data.root, today="2027-03-01")
    assert first.returncode == second.returncode == 0
    assert digest(first.output) == digest(second.output)


def test_bad_data_stops_the_build_with_the_validators_messages(data, tmp_path):
    data.offer(replace(FERIEN_OFFER, "saison: sommer", "saison: somer"))
    result = build_site(tmp_path / "output", data_dir=data.root)
    assert result.returncode == 1
    assert (
        "data/ferien/kurs.yaml:11:9: saison: „somer“ ist als Ferienzeit nicht erlaubt. "
        "Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter. Meinten Sie „sommer“?"
    ) in result.stderr.splitlines()
    assert "1 Fehler in den Daten (siehe oben); die Seite wurde nicht gebaut." in " ".join(result.stdout.split())
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "output").exists()


def test_offer_pages_carry_schema_org_events(data, tmp_path):
    data.offer()
    page = small_site(data, tmp_path).page("ferien/kurs/index.html")
    found = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    event = found["@graph"][0]
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == ("2027-08-02T09:00+02:00", "2027-08-06T12:00+02:00")  # summer time in Berlin
    assert event["offers"] == {"@type": "Offer", "price": "25.00", "priceCurrency": "EUR"}
    assert event["location"]["address"]["postalCode"] == "96201"
    assert event["typicalAgeRange"] == "5-8"


def test_text_from_data_files_is_escaped(data, tmp_path):
    text = replace(FERIEN_OFFER, "titel: Schwimmkurs für Anfänger", 'titel: "<script>alert(1)</script> & Co"')
    data.offer(replace(text, "  name: Sabine Keller", '  name: "<img src=x onerror=alert(1)>"'))
    site = small_site(data, tmp_path)
    for page in ("ferien/kurs/index.html", "ferien/index.html", "anbieter/tsv/index.html"):
        html = site.page(page)
        assert "<script>alert(1)" not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html, page
    assert "<img src=x" not in site.page("ferien/kurs/index.html")
    json_ld = site.page("ferien/kurs/index.html").split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(json_ld)["@graph"][0]["name"] == "<script>alert(1)</script> & Co"


def test_bad_today_stops_the_build_with_a_message(data, tmp_path):
    data.offer()
    result = build_site(tmp_path / "output", data_dir=data.root, today="1.3.2027")
    assert result.returncode == 1
    assert "„1.3.2027“ ist kein Datum im Format JJJJ-MM-TT (für BOERSEN_HEUTE bzw. --heute)." in " ".join(result.stdout.split())
    assert "Traceback" not in result.stdout + result.stderr


def test_pages_link_the_forms_of_the_bridge_when_it_is_configured(data, tmp_path):
    data.offer()
    without = small_site(data, tmp_path)
    assert '<a href="../mitmachen/">Angebot eintragen</a>' in without.page("ferien/index.html")
    assert '<a href="../../mitmachen/">Änderung vorschlagen</a>' in without.page("ferien/kurs/index.html")
    command_environment = {"BOERSEN_BRIDGE_URL": "https://formular.auenstadt.example/"}
    result = build_site(tmp_path / "mit", data_dir=data.root, today="2027-03-01", environment=command_environment)
    assert result.returncode == 0, result.stderr
    assert '<a href="https://formular.auenstadt.example/ferien/neu">Angebot eintragen</a>' in result.page("ferien/index.html")
    assert '<a href="https://formular.auenstadt.example/ferien/kurs/aendern">Änderung vorschlagen</a>' in result.page(
        "ferien/kurs/index.html"
    )


def test_help_page_has_a_valid_complete_example_per_boerse_in_the_towns_own_terms(demo):
    page = demo.page("hilfe/index.html")
    catalog, _ = load_catalog(ROOT / "data", datetime.date(2027, 6, 1))
    for boerse in catalog.boersen:
        section = page.split(f'<section id="{boerse.slug}"')[1].split("</section>")[0]
        example = html.unescape(section.split("<pre><code>")[1].split("</code></pre>")[0])
        assert [str(p) for p in check_offer_text(catalog, boerse, "beispiel.yaml", example).errors] == [], boerse.slug
        assert "stadt: Auenstadt\n" in example and "Coburg" not in example
        assert f"kategorien: [{boerse.categories[0].slug}]" in example
    ferien = page.split('<section id="ferienboerse"')[1].split("</section>")[0]
    assert '<th scope="row"><code>ort</code> <span class="recommended">empfohlen</span></th>' in ferien
    assert "<td><code>[sport-und-spiel]</code></td>" in ferien
    assert '<h2 id="h-einreichen">So reichen Sie ein</h2>' in page
    assert '<code>titel: "Turnier #2: Schach"</code>' in page


def test_extra_fields_marked_for_the_card_show_in_listings_and_search_results(data, tmp_path):
    data.write(
        "ehrenamt/_boerse.yaml",
        "titel: Ehrenamtsbörse\ntyp: allgemein\nkategorien:\n  soziales: Soziales\nzusatzfelder:\n"
        "  - name: einsatzort\n    typ: auswahl\n    titel: Einsatzort\n    werte: [Innenstadt, Auenhof]\n    karte: true\n"
        "  - name: intern\n    typ: text\n    titel: Intern\n",
    )
    data.write(
        "ehrenamt/lesepate.yaml",
        "titel: Lesepate\nkurzbeschreibung: Vorlesen.\nanbieter: tsv\nkategorien: [soziales]\neinsatzort: Auenhof\nintern: geheim\n",
    )
    listing = small_site(data, tmp_path).page("ehrenamt/index.html")
    assert '<li class="fact-extra">Einsatzort: Auenhof</li>' in listing
    assert "Intern:" not in listing
    catalog, _ = data.load()
    offer = next(boerse for boerse in catalog.boersen if boerse.slug == "ehrenamt").offers[0]
    assert result_card(offer)["fakten"] == ["Einsatzort: Auenhof"]


def test_long_listings_are_split_into_pages_for_readers_without_javascript(data, tmp_path):
    for number in range(7):
        data.offer(FERIEN_OFFER.replace("Schwimmkurs für Anfänger", f"Kurs {number}"), f"kurs-{number}.yaml")
    site = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_PAGE_SIZE": 3})
    assert site.returncode == 0, site.stderr
    pages = ["ferien/index.html", "ferien/seite/2/index.html", "ferien/seite/3/index.html"]
    shown = [re.findall(r'class="offer-title"><a href="[^"]*/(kurs-\d)/"', site.page(page)) for page in pages]
    assert shown == [["kurs-0", "kurs-1", "kurs-2"], ["kurs-3", "kurs-4", "kurs-5"], ["kurs-6"]]
    assert not (tmp_path / "output" / "ferien" / "seite" / "4").exists()
    first = text_of(site.page("ferien/index.html"))
    assert "7 aktuelle Angebote" in first and "Seite 1 von 3" in first
    assert '<a href="../ferien/seite/2/" rel="next">Nächste Seite</a>' in site.page("ferien/index.html")
    assert '<a href="../../../ferien/seite/2/" rel="prev">Vorherige Seite</a>' in site.page("ferien/seite/3/index.html")
    category = [f"ferien/kategorie/sport-und-spiel/{part}index.html" for part in ("", "seite/2/", "seite/3/")]
    assert all((tmp_path / "output" / page).is_file() for page in category)
    assert "Dieser Ausdruck enthält Seite 1 von 3 der Übersicht. Alle 7 Angebote auf einer Seite zum Drucken: /ferien/drucken/" in first
    # One print view per split listing, with every offer; not listed in the sitemap.
    printed = re.findall(r'class="offer-title"><a href="[^"]*/(kurs-\d)/"', site.page("ferien/drucken/index.html"))
    assert printed == [f"kurs-{number}" for number in range(7)]
    assert (tmp_path / "output" / "ferien" / "kategorie" / "sport-und-spiel" / "drucken" / "index.html").is_file()
    assert '<meta name="robots" content="noindex">' in site.page("ferien/drucken/index.html")
    # Other languages page and print in their own folder.
    english = site.page("en/ferien/index.html")
    assert '<a href="../../en/ferien/seite/2/" rel="next">Next page</a>' in english
    assert "All 7 offers on one page, for printing: /en/ferien/drucken/" in text_of(english)
    assert '<a href="../../en/ferien/drucken/" data-print-all>Print all 7 offers on one page</a>' in english
    assert "Print now" in site.page("en/ferien/drucken/index.html")
    listed = sitemap_pages(tmp_path / "output")
    assert "ferien/seite/2/" in listed and not [page for page in listed if "drucken" in page]
    single = small_site(data, tmp_path / "alle")
    assert 'class="pager"' not in single.page("ferien/index.html")  # 7 fit on one page of 100
    assert not (single.output / "ferien" / "drucken").exists() and "data-print-all" not in single.page("ferien/index.html")


def json_ld(html: str) -> dict:
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


def test_sport_groups_organisations_and_the_home_page_are_described_for_search_engines(demo):
    sport = json_ld(demo.page("sportwegweiser/judo-fuer-kinder/index.html"))
    assert sport["@type"] == "Course"
    instance = sport["hasCourseInstance"][0]
    assert instance["courseMode"] == "onsite"
    assert instance["courseSchedule"]["repeatFrequency"] == "P1W"
    assert instance["courseSchedule"]["byDay"].startswith("https://schema.org/")
    organisation = json_ld(demo.page("anbieter/tsv-auenstadt/index.html"))
    assert (organisation["@type"], organisation["name"]) == ("Organization", "TSV Auenstadt 1862 e. V.")
    home = json_ld(demo.page("index.html"))
    assert [item["@type"] for item in home["@graph"]] == ["WebSite", "GovernmentOrganization"]
    assert home["@graph"][1]["name"] == "Stadt Auenstadt"


def test_the_home_page_offers_its_search_to_search_engines():
    website = json.loads(site_data("Börsen der Stadt Auenstadt", "Auenstadt", "https://boersen.auenstadt.example"))["@graph"][0]
    assert website["potentialAction"]["target"]["urlTemplate"] == "https://boersen.auenstadt.example/?q={search_term_string}"
    assert website["potentialAction"]["query-input"] == "required name=search_term_string"
    assert "potentialAction" not in json.loads(site_data("X", "Auenstadt", ""))["@graph"][0]  # no address to search without SITEURL


def test_a_web_manifest_with_the_sites_icon_and_a_security_txt(demo):
    manifest = json.loads(demo.page("manifest.webmanifest"))
    assert (manifest["name"], manifest["short_name"], manifest["lang"]) == ("Börsen der Stadt Auenstadt", "Auenstadt", "de")
    assert manifest["icons"] == [{"src": "theme/images/favicon.svg", "sizes": "any", "type": "image/svg+xml"}]
    assert (demo.output / manifest["icons"][0]["src"]).is_file()
    assert '<link rel="manifest" href="./manifest.webmanifest">' in demo.page("index.html")
    assert demo.page(".well-known/security.txt") == (
        "# Platzhalter: Bitte in pelicanconf.py BOERSEN_SECURITY_CONTACT setzen (mailto:… oder https://…).\n"
        "Contact: mailto:sicherheit@stadt.example\n"
        "Expires: 2028-05-31T00:00:00Z\n"
        "Preferred-Languages: de, en\n"
    )
