"""Hostile or careless data files: each gets a clear message, never a traceback, a hang or a leak."""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

from boersen.cli import summary
from boersen.problems import Problems
from boersen.richtext import render_markdown
from boersen.source import read_document

from scratch import FERIEN_BOERSE, FERIEN_OFFER, ORGANISATION, replace
from sitebuild import build_site

LINK = "Verknüpfungen (Symlinks) werden aus Sicherheitsgründen nicht gelesen. Bitte die Datei oder den Ordner selbst hierher legen."
SPECIAL = "Das ist keine gewöhnliche Datei (sondern z. B. ein Gerät oder eine Pipe) und wird nicht gelesen."
SECRET = "api_token: geheim-1234\n"


# --- Links and special files ---------------------------------------------------------


def test_a_linked_offer_file_is_not_read_and_its_target_not_shown(data, tmp_path):
    secret = tmp_path / "geheim.yaml"
    secret.write_text(SECRET, encoding="utf-8")
    (data.root / "ferien" / "kurs.yaml").symlink_to(secret)
    messages = data.messages()
    assert messages == [f"data/ferien/kurs.yaml:1:1: (Datei): {LINK}"]
    assert "geheim" not in " ".join(messages)


def test_a_linked_boerse_folder_is_not_read(data, tmp_path):
    outside = tmp_path / "draussen"
    outside.mkdir()
    (outside / "_boerse.yaml").write_text(FERIEN_BOERSE, encoding="utf-8")
    (outside / "kurs.yaml").write_text(FERIEN_OFFER, encoding="utf-8")
    (data.root / "sport").symlink_to(outside)
    catalog, problems = data.load()
    assert [str(p) for p in problems.errors] == [f"data/sport:1:1: (Datei): {LINK}"]
    assert [boerse.slug for boerse in catalog.boersen] == ["ferien"]


def test_linked_settings_boerse_and_organisation_files_each_get_one_message(data, tmp_path):
    (tmp_path / "x.yaml").write_text(ORGANISATION, encoding="utf-8")
    (data.root / "_einstellungen.yaml").symlink_to(tmp_path / "x.yaml")
    (data.root / "anbieter" / "verein.yaml").symlink_to(tmp_path / "x.yaml")
    (data.root / "ferien" / "_boerse.yaml").unlink()
    (data.root / "ferien" / "_boerse.yaml").symlink_to(tmp_path / "x.yaml")
    assert data.messages() == [
        f"data/_einstellungen.yaml:1:1: (Datei): {LINK}",
        f"data/anbieter/verein.yaml:1:1: (Datei): {LINK}",
        f"data/ferien/_boerse.yaml:1:1: (Datei): {LINK}",
    ]


def test_a_link_to_an_endless_device_is_refused_without_reading_it(data):
    (data.root / "ferien" / "null.yaml").symlink_to("/dev/zero")
    assert data.messages() == [f"data/ferien/null.yaml:1:1: (Datei): {LINK}"]


def test_devices_and_pipes_are_never_opened_for_reading(data):
    os.mkfifo(data.root / "ferien" / "pipe.yaml")  # opening it for reading would wait forever
    assert data.messages() == [f"data/ferien/pipe.yaml:1:1: (Datei): {SPECIAL}"]
    problems = Problems()
    assert read_document(Path("/dev/zero"), "data/ferien/null.yaml", problems) is None
    assert [str(p) for p in problems.items] == [f"data/ferien/null.yaml:1:1: (Datei): {SPECIAL}"]


def test_a_linked_file_is_not_published(data, tmp_path):
    data.offer()
    outside = tmp_path / "draussen.yaml"
    outside.write_text(FERIEN_OFFER.replace("Schwimmkurs", "Geheimkurs"), encoding="utf-8")
    (data.root / "ferien" / "zweiter.yaml").symlink_to(outside)
    result = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01")
    assert result.returncode == 1
    assert f"data/ferien/zweiter.yaml:1:1: (Datei): {LINK}" in result.stderr.splitlines()
    assert "Geheimkurs" not in result.stderr + result.stdout
    assert not (tmp_path / "output").exists()


# --- File names ----------------------------------------------------------------------


def test_file_names_that_would_be_skipped_or_mangled_are_reported(data):
    data.offer(name="neu\n.yaml")
    data.offer(name=".versteckt.yaml")
    data.offer(name="..yaml")
    data.offer(name="gross.YAML")
    data.offer(name="text.MD")
    data.write("ferien/.gitkeep", "")  # hidden files that are no data stay quiet
    assert data.messages() == [
        "data/ferien/..yaml:1:1: (Datei): Der Name beginnt mit einem Punkt: solche Dateien sind versteckt und werden nicht gelesen. "
        "Bitte umbenennen, z. B. in „angebot.yaml“.",
        "data/ferien/.versteckt.yaml:1:1: (Datei): Der Name beginnt mit einem Punkt: solche Dateien sind versteckt und werden nicht "
        "gelesen. Bitte umbenennen, z. B. in „versteckt.yaml“.",
        "data/ferien/gross.YAML:1:1: (Datei): Die Endung muss klein geschrieben werden: „gross.yaml“.",
        "data/ferien/neu\\n.yaml:1:1: (Datei): Der Name „neu\\n.yaml“ ist als Adresse ungeeignet: erlaubt sind Kleinbuchstaben, "
        "Ziffern und Bindestriche, z. B. „neu.yaml“.",
        "data/ferien/text.MD:1:1: (Datei): Die Endung muss klein geschrieben werden: „text.md“.",
    ]


# --- Names the site uses itself ------------------------------------------------------


def test_boerse_folders_named_like_the_sites_own_pages_are_refused(data):
    for name in ("impressum", "datenschutz", "mitmachen", "barrierefreiheit", "leichte-sprache", "hilfe", "anbieter", "schema", "theme"):
        data.write(f"{name}/_boerse.yaml", FERIEN_BOERSE)
    data.write("merkliste/_boerse.yaml", FERIEN_BOERSE)
    messages = data.messages()
    assert "data/impressum:1:1: (Datei): Der Name „impressum“ ist für die Webseite reserviert. Bitte einen anderen wählen." in messages
    assert "data/merkliste:1:1: (Datei): Der Name „merkliste“ ist für die Webseite reserviert. Bitte einen anderen wählen." in messages
    assert len(messages) == 9  # anbieter is the organisations' folder, read as such


def test_a_boerse_named_like_a_towns_own_page_is_refused_in_validate_and_build(data, tmp_path):
    content = data.root.parent / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "ansprechpartner.md").write_text("Title: Ihre Ansprechpartner\nSlug: ansprechpartner\n\nText\n", "utf-8")
    (content / "pages" / "wir-ueber-uns.md").write_text("Title: Über uns\n\nText\n", "utf-8")
    data.write("ansprechpartner/_boerse.yaml", FERIEN_BOERSE)
    data.write("uber-uns/_boerse.yaml", FERIEN_BOERSE)
    expected = [
        "data/ansprechpartner:1:1: (Datei): Unter dem Namen „ansprechpartner“ steht schon die Seite „Ihre Ansprechpartner“. "
        "Bitte einen anderen wählen.",
        "data/uber-uns:1:1: (Datei): Unter dem Namen „uber-uns“ steht schon die Seite „Über uns“. Bitte einen anderen wählen.",
    ]
    assert data.messages() == expected
    result = build_site(tmp_path / "output", data_dir=data.root, content=content, today="2027-03-01")
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("data/")] == expected
    assert "Traceback" not in result.stderr + result.stdout


def test_offer_files_named_like_a_boerses_own_folders_are_refused(data):
    data.offer(name="suche.yaml")
    data.offer(name="kategorie.yaml")
    data.offer(name="drucken.yaml")
    assert data.messages() == [
        "data/ferien/drucken.yaml:1:1: (Datei): Der Name „drucken“ ist für die Webseite reserviert. Bitte einen anderen wählen.",
        "data/ferien/kategorie.yaml:1:1: (Datei): Der Name „kategorie“ ist für die Webseite reserviert. Bitte einen anderen wählen.",
        "data/ferien/suche.yaml:1:1: (Datei): Der Name „suche“ ist für die Webseite reserviert. Bitte einen anderen wählen.",
    ]


def test_extra_fields_cannot_take_the_searchs_address_parameters(data):
    field = "  - name: {0}\n    typ: text\n    titel: {0}\n    filter: true\n"
    extra = "zusatzfelder:\n" + "".join(field.format(name) for name in ("q", "von", "datum"))
    data.write("ferien/_boerse.yaml", FERIEN_BOERSE + extra)
    reserved = "ist für die Suche reserviert: er steht in der Adresse der Suchergebnisse. Bitte einen anderen Namen wählen."
    assert data.messages() == [
        f"data/ferien/_boerse.yaml:11:11: zusatzfelder[1].name: Der Name „q“ {reserved}",
        f"data/ferien/_boerse.yaml:15:11: zusatzfelder[2].name: Der Name „von“ {reserved}",
        f"data/ferien/_boerse.yaml:19:11: zusatzfelder[3].name: Der Name „datum“ {reserved}",
    ]


# --- Values --------------------------------------------------------------------------


def test_deep_nesting_gets_a_message_naming_file_and_line(data):
    deep = "Die Werte sind zu tief verschachtelt: erlaubt sind höchstens 10 Ebenen aus Listen und Unterfeldern. "
    deep += "Steht ein „[“ oder „{“ zu viel da? Ein Text mit Klammern gehört in Anführungszeichen."
    data.offer(replace(FERIEN_OFFER, "titel: Schwimmkurs für Anfänger", "titel: " + "[" * 500 + "]" * 500))
    data.offer(replace(FERIEN_OFFER, "gebuehr: 25", "gebuehr: " + "{a: " * 5000 + "1" + "}" * 5000), "tiefer.yaml")
    assert data.messages() == [
        f"data/ferien/kurs.yaml:1:18: titel[1][1][1][1][1][1][1][1][1]: {deep}",
        f"data/ferien/tiefer.yaml:15:4006: (Datei): YAML-Syntaxfehler: {deep}",
    ]


def test_control_characters_are_refused_and_shown_visibly(data):
    forged = 'saison: "somer\\n::error file=data/x.yaml::gefälscht\\e[2K"'
    text = replace(FERIEN_OFFER, "saison: sommer", forged)
    data.offer(replace(text, "titel: Schwimmkurs für Anfänger", 'titel: "Schwimmkurs\\x07 \\u202eneu"'))
    messages = data.messages()
    assert messages == [
        "data/ferien/kurs.yaml:1:8: titel: Der Text enthält das unsichtbare Steuerzeichen \\x07. "
        "Erlaubt sind nur Zeilenumbrüche und Tabulatoren; bitte das Zeichen entfernen.",
        "data/ferien/kurs.yaml:11:9: saison: Der Text enthält das unsichtbare Steuerzeichen \\x1b. "
        "Erlaubt sind nur Zeilenumbrüche und Tabulatoren; bitte das Zeichen entfernen.",
        "data/ferien/kurs.yaml:11:9: saison: „somer\\n::error file=data/x.yaml::gefälscht\\x1b[2K“ ist als Ferienzeit nicht erlaubt. "
        "Erlaubt: ostern, pfingsten, sommer, herbst, weihnachten, winter.",
    ]
    assert all(message.isprintable() for message in messages)


def test_an_email_address_cannot_carry_mailto_parameters(data):
    text = replace(FERIEN_OFFER, "  email: anmeldung@tsv-auenstadt.example", "  email: info@verein.de?bcc=sammler%40evil.example&subject=x")
    data.offer(text)
    assert data.messages() == [
        "data/ferien/kurs.yaml:19:10: anmeldung.email: „info@verein.de?bcc=sammler%40evil.example&subject=x“ ist keine gültige "
        "E-Mail-Adresse. Erwartet wird z. B. info@verein.de. Bitte nur die Adresse selbst angeben, ohne Zusätze wie „?“, „&“ "
        "oder eine zweite Adresse."
    ]


def test_each_missing_field_is_reported_once(data):
    data.offer("gebuehr: 5\n")
    catalog, problems = data.load()
    assert [problem.field for problem in problems.sorted()] == ["alter", "anbieter", "kategorien", "kurzbeschreibung", "termine", "titel"]
    assert summary(catalog, problems) == "6 Fehler, 0 Warnungen (1 Börsen, 0 gültige Angebote, 1 Anbieter)."


# --- Markdown that would slow a renderer down ----------------------------------------


def test_brackets_that_made_the_old_renderer_backtrack_render_as_text():
    assert render_markdown("[" * 20000) == Markup("<p>" + "[" * 20000 + "</p>\n")
    assert render_markdown("![" * 10000) == Markup("<p>" + "![" * 10000 + "</p>\n")
    assert render_markdown("[" * 10000 + "]" * 10000) == Markup("<p>" + "[" * 10000 + "]" * 10000 + "</p>\n")


def test_markdown_nested_too_deep_is_refused_and_never_rendered_as_such(data):
    quotes = "> " * 17 + "Zitat"
    data.offer(replace(FERIEN_OFFER, "beschreibung: Fünf Vormittage im Hallenbad.", f'beschreibung: "{quotes}"'))
    assert data.messages() == [
        "data/ferien/kurs.yaml:3:15: beschreibung: Der Text ist zu tief verschachtelt: Listen und Zitate („- “, „> “) "
        "in mehr als 16 Ebenen. Bitte einfacher gliedern."
    ]
    assert render_markdown(quotes) == Markup("<p>" + "&gt; " * 17 + "Zitat</p>")
    assert "<blockquote>" in render_markdown("> " * 15 + "Zitat")
