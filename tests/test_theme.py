"""The town's look (colours, logo, footer links), _headers and link texts, through the real build."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from boersen.branding import DEFAULT_COLORS, BrandingError, checked_colors, contrast

from scratch import ORGANISATION
from sitebuild import ROOT, build_site

KEPT = "Die bisherige Seite in output/ bleibt unverändert."


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_contrast_is_the_wcag_ratio():
    assert round(contrast("#f9b000", "#ffffff"), 2) == 1.87
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert contrast("#0b5394", "#ffffff") == contrast("#ffffff", "#0b5394")


def test_the_themes_own_colours_pass():
    assert checked_colors(None) == DEFAULT_COLORS
    assert checked_colors({"accent": "#8A1538"})["accent"] == "#8a1538"


def test_every_weak_pair_and_bad_value_is_named():
    with pytest.raises(BrandingError) as raised:
        checked_colors({"accent": "#f9b000", "akzent": "#000000", "text": "rot"})
    assert str(raised.value).splitlines() == [
        "BOERSEN_COLORS: „akzent“ ist keine bekannte Farbe. Erlaubt: accent, accent_dark, background, background_soft, muted, text.",
        "BOERSEN_COLORS: „rot“ für „text“ ist keine Farbe im Format #rrggbb (z. B. #0b5394).",
    ]
    with pytest.raises(BrandingError) as raised:
        checked_colors({"accent": "#f9b000"})
    assert str(raised.value).splitlines() == [
        "BOERSEN_COLORS: Links auf dem Hintergrund („accent“ #f9b000 auf „background“ #ffffff) hat einen Kontrast von nur 1,87:1; "
        "nötig sind mindestens 4,5:1. Bitte eine dunklere oder hellere Farbe wählen.",
        "BOERSEN_COLORS: Links auf hellen Flächen („accent“ #f9b000 auf „background_soft“ #f3f5f8) hat einen Kontrast von nur 1,71:1; "
        "nötig sind mindestens 4,5:1. Bitte eine dunklere oder hellere Farbe wählen.",
        "BOERSEN_COLORS: Weiße Schrift auf Schaltflächen (weiß #ffffff auf „accent“ #f9b000) hat einen Kontrast von nur 1,87:1; "
        "nötig sind mindestens 4,5:1. Bitte eine dunklere oder hellere Farbe wählen.",
    ]


def test_a_ratio_just_below_the_limit_is_refused_and_not_rounded_up():
    # #777777 on white is 4.478:1: shown as 4,48; #595959 passes on white and the light grey.
    with pytest.raises(BrandingError, match="von nur 4,48:1"):
        checked_colors({"muted": "#777777"})
    assert checked_colors({"muted": "#595959"})["muted"] == "#595959"


@pytest.fixture
def good_site(data, tmp_path):
    data.offer()
    output = tmp_path / "output"
    assert build_site(output, data_dir=data.root, today="2027-03-01").returncode == 0
    return output


def test_weak_town_colours_stop_the_build_and_keep_the_last_good_site(data, good_site):
    before = digest(good_site)
    result = build_site(good_site, data_dir=data.root, today="2027-03-01", settings={"BOERSEN_COLORS": {"accent_dark": "#6fa8dc"}})
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    assert (
        "BOERSEN_COLORS: Weiße Schrift in der Kopfzeile (weiß #ffffff auf „accent_dark“ #6fa8dc) hat einen Kontrast von nur 2,53:1;"
    ) in said
    assert "nötig sind mindestens 4,5:1." in said
    assert "Bitte eine dunklere oder hellere Farbe wählen. Die Seite wurde nicht gebaut." in said
    assert "Traceback" not in result.stdout + result.stderr
    assert KEPT in result.stderr.splitlines()
    assert digest(good_site) == before


def test_town_colours_logo_and_footer_links(data, tmp_path):
    data.offer()
    settings = {
        "BOERSEN_COLORS": {"accent": "#8a1538", "accent_dark": "#5c0e25"},
        "BOERSEN_LOGO": "theme/static/images/favicon.svg",
        "BOERSEN_FOOTER_LINKS": [["Impressum", "/impressum/"], ["Stadt Auenstadt", "https://www.auenstadt.example/"]],
    }
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01", settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    css = result.page("theme/css/farben.css")
    assert ":root { --accent-dark: #5c0e25; }" in css
    assert "--accent: #8a1538;" in css
    assert "@media not all and (prefers-color-scheme: dark)" in css  # dark mode keeps its own colours
    home = result.page("index.html")
    assert '<link rel="stylesheet" href="./theme/css/farben.css">' in home
    assert '<img class="site-logo" src="./theme/images/logo.svg" alt="" height="40">' in home
    assert (result.output / "theme/images/logo.svg").read_bytes() == (ROOT / "theme/static/images/favicon.svg").read_bytes()
    assert '<li><a href="./impressum/">Impressum</a></li>' in home
    assert '<li><a href="https://www.auenstadt.example/" rel="noopener noreferrer">Stadt Auenstadt</a></li>' in home
    assert "Leichte Sprache" not in home.split('<footer class="site-footer">')[1]


def test_without_town_settings_the_theme_keeps_its_defaults(data, tmp_path):
    data.offer()
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01")
    assert result.returncode == 0
    home = result.page("index.html")
    assert "farben.css" not in home and "site-logo" not in home
    assert not (result.output / "theme/css/farben.css").exists()
    assert '<li><a href="./leichte-sprache/">Leichte Sprache</a></li>' in home


def test_a_missing_logo_stops_the_build(data, tmp_path):
    data.offer()
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_LOGO": "logo-fehlt.svg"})
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    assert "BOERSEN_LOGO: Die Datei „logo-fehlt.svg“ gibt es nicht." in said
    assert "Die Seite wurde nicht gebaut." in said


def test_headers_file_carries_the_policy_and_security_headers(data, tmp_path):
    data.offer()
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01")
    lines = result.page("_headers").splitlines()
    assert lines[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert headers["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self'; style-src 'self';")
    assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'")
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Permissions-Policy"].startswith("camera=(), microphone=(), geolocation=()")
    # The meta element carries the same policy, less frame-ancestors (which only works as a header).
    meta_policy = headers["Content-Security-Policy"].removesuffix("; frame-ancestors 'none'").replace("'", "&#39;")
    assert f'<meta http-equiv="Content-Security-Policy" content="{meta_policy}">' in result.page("index.html")


def test_contact_links_have_words_not_bare_addresses(data, tmp_path):
    data.write("anbieter/tsv.yaml", ORGANISATION + "  webseite: https://www.tsv-auenstadt.example/verein/abteilungen\n")
    data.offer()
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01")
    assert result.returncode == 0, result.stdout
    page = result.page("anbieter/tsv/index.html")
    assert (
        '<li><a class="url" href="https://www.tsv-auenstadt.example/verein/abteilungen" rel="noopener noreferrer">'
        "Webseite von TSV Auenstadt 1862 e. V.</a></li>"
    ) in page
    assert '<a class="url" href="mailto:info@tsv-auenstadt.example">info@tsv-auenstadt.example</a>' in page
    assert ">https://www.tsv-auenstadt.example" not in page


def test_readme_nginx_snippet_matches_the_headers_file():
    from boersen.branding import HEADERS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, value in HEADERS.items():
        assert f'add_header {name} "{value}" always;' in readme
