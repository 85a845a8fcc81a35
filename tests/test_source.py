"""Reading files: every way a file can be unreadable gets a message with its line."""

from __future__ import annotations

from boersen.problems import Problems
from boersen.source import MAX_FILE_BYTES, read_document

from scratch import FERIEN_OFFER, replace


def test_syntax_error_names_the_line(data):
    data.offer(replace(FERIEN_OFFER, "saison: sommer", "saison: sommer: ferien"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:11:15: (Datei): YAML-Syntaxfehler: Unerwarteter Doppelpunkt. Ist die Zeile richtig eingerückt? "
        "Enthält ein Wert einen Doppelpunkt, bitte den Wert in Anführungszeichen setzen."
    ]


def test_bad_indentation(data):
    data.offer(replace(FERIEN_OFFER, "  bis: 8", "   bis: 8"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:14:7: (Datei): YAML-Syntaxfehler: Unerwarteter Doppelpunkt. Ist die Zeile richtig eingerückt? "
        "Enthält ein Wert einen Doppelpunkt, bitte den Wert in Anführungszeichen setzen."
    ]


def test_list_entry_out_of_line(data):
    data.offer(replace(FERIEN_OFFER, "alter:", "- alter:"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:12:1: (Datei): YAML-Syntaxfehler: Die Einrückung stimmt nicht: "
        "jedes Feld auf gleicher Ebene muss gleich weit eingerückt sein."
    ]


def test_unclosed_quote(data):
    data.offer('titel: "Schwimmkurs\nkurzbeschreibung: x\n')
    assert data.messages() == [
        "data/ferien/kurs.yaml:3:1: (Datei): YAML-Syntaxfehler: Die Datei endet mitten in einem Wert: "
        "fehlt ein schließendes Anführungszeichen?"
    ]


def test_tabs_in_indentation_are_reported_per_line(data):
    data.offer(replace(replace(FERIEN_OFFER, "  von: 5", "\tvon: 5"), "  bis: 8", " \tbis: 8"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:13:1: (Datei): Tabulatorzeichen zum Einrücken sind in YAML nicht erlaubt. Bitte mit Leerzeichen einrücken.",
        "data/ferien/kurs.yaml:14:2: (Datei): Tabulatorzeichen zum Einrücken sind in YAML nicht erlaubt. Bitte mit Leerzeichen einrücken.",
    ]


def test_duplicate_keys(data):
    data.offer(FERIEN_OFFER + "titel: Noch ein Titel\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:32:1: titel: Das Feld steht doppelt in der Datei (zuerst in Zeile 1). Bitte nur einmal angeben."
    ]


def test_duplicate_keys_in_nested_mappings(data):
    data.offer(replace(FERIEN_OFFER, "  bis: 8", "  bis: 8\n  von: 6"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:15:3: alter.von: Das Feld steht doppelt in der Datei (zuerst in Zeile 13). Bitte nur einmal angeben."
    ]


def test_not_utf8(data):
    data.write_bytes("ferien/kurs.yaml", FERIEN_OFFER.encode("latin-1"))
    assert data.messages() == [
        "data/ferien/kurs.yaml:1:21: (Datei): Die Datei ist nicht in UTF-8 gespeichert (Byte 0xFC). "
        "Bitte im Editor mit der Kodierung UTF-8 speichern."
    ]


def test_utf8_byte_order_mark_is_accepted(data):
    data.write_bytes("ferien/kurs.yaml", b"\xef\xbb\xbf" + FERIEN_OFFER.encode())
    assert data.messages() == []


def test_empty_and_comment_only_files(data):
    data.write("ferien/leer.yaml", "")
    data.write("ferien/kommentar.yaml", "# nur ein Kommentar\n")
    assert data.messages() == [
        "data/ferien/kommentar.yaml:1:1: (Datei): Die Datei enthält keine Felder. Erwartet werden Felder wie „titel: …“.",
        "data/ferien/leer.yaml:1:1: (Datei): Die Datei ist leer. Erwartet werden Felder wie „titel: …“.",
    ]


def test_oversized_file(data):
    data.offer(FERIEN_OFFER + "# " + "x" * MAX_FILE_BYTES + "\n")
    assert data.messages() == ["data/ferien/kurs.yaml:1:1: (Datei): Die Datei ist zu groß: erlaubt sind höchstens 100 KB."]


def test_alias_bomb_is_refused_quickly(data):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 10):
        previous = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    data.offer("\n".join(lines) + "\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:1:4: b[1]: Anker und Verweise (&name, *name) werden nicht unterstützt. Bitte jeden Wert ausschreiben."
    ]


def test_top_level_must_be_a_mapping(data):
    data.offer("- titel: Schwimmkurs\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:1:1: (Datei): Die Datei muss aus Feldern der Form „name: wert“ bestehen, gefunden wurde eine Liste."
    ]


def test_python_tags_are_refused(data):
    data.offer(FERIEN_OFFER + "extra: !!python/object/apply:os.system ['echo hacked']\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:32:8: extra: Die Markierung „tag:yaml.org,2002:python/object/apply:os.system“ wird nicht unterstützt. "
        "Bitte den Wert ohne !-Angabe schreiben."
    ]


def test_markdown_without_front_matter(data):
    data.write("ferien/kurs.md", "Nur Text ohne Felder.\n")
    data.write("ferien/offen.md", "---\ntitel: x\n")
    assert data.messages() == [
        "data/ferien/kurs.md:1:1: (Datei): Eine .md-Datei muss mit einer Zeile „---“ beginnen, danach folgen die Felder, "
        "dann wieder „---“ und dann die Beschreibung.",
        "data/ferien/offen.md:1:1: (Datei): Die Felder oben in der .md-Datei werden nicht mit einer Zeile „---“ abgeschlossen.",
    ]


def test_other_files_in_a_boerse_folder(data):
    data.offer(name="kurs.yml")
    data.write("ferien/notizen.txt", "Notizen")
    data.write("ferien/_boerse.yml", "titel: x")
    data.write("lose/angebot.yaml", FERIEN_OFFER)
    assert data.messages(warnings=True) == [
        "data/ferien/_boerse.yml:1:1: (Datei): Bitte die Endung .yaml statt .yml verwenden.",
        "data/ferien/kurs.yml:1:1: (Datei): Bitte die Endung .yaml statt .yml verwenden.",
        "data/ferien/notizen.txt:1:1: (Datei): Warnung: Die Datei wird nicht gelesen: nur .yaml- und .md-Dateien enthalten Angebote.",
        "data/lose:1:1: (Datei): Der Ordner enthält Angebote, aber keine Datei _boerse.yaml. "
        "Ohne sie ist unklar, zu welcher Börse sie gehören.",
    ]


def test_files_directly_in_the_data_folder(data):
    data.write("angebot.yaml", FERIEN_OFFER)
    data.write("_synonyme.yaml", "synonyme: []\n")
    data.write("LIESMICH.txt", "Hinweise")
    assert data.messages() == [
        "data/_synonyme.yaml:1:1: (Datei): Die Datei wird nicht gelesen. Meinten Sie „_einstellungen.yaml“?",
        "data/angebot.yaml:1:1: (Datei): Die Datei wird nicht gelesen. "
        "Angebote gehören in den Ordner ihrer Börse, Anbieter nach anbieter/.",
    ]


def test_unreadable_file(tmp_path):
    problems = Problems()
    assert read_document(tmp_path / "weg.yaml", "data/ferien/weg.yaml", problems) is None
    assert [str(p) for p in problems.items] == [
        "data/ferien/weg.yaml:1:1: (Datei): Die Datei kann nicht gelesen werden (No such file or directory)."
    ]
