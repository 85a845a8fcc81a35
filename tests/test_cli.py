"""The boersen command: exit codes, output and the offer template."""

from __future__ import annotations

import io
import re

from boersen.cli import main
from boersen.images.drawing import scene

from scratch import FERIEN_OFFER, replace


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_validate_clean_data(data, capsys):
    data.offer()
    code, lines, _ = run(capsys, "validate", str(data.root), "--heute", "2027-03-01")
    assert (code, lines) == (0, ["Alles in Ordnung: 1 Börsen, 1 gültige Angebote, 1 Anbieter."])


def test_validate_reports_errors_and_fails(data, capsys):
    data.offer(replace(FERIEN_OFFER, "  von: 5", "  von: -1"))
    code, lines, _ = run(capsys, "validate", str(data.root), "--heute", "2027-03-01")
    assert code == 1
    assert lines == [
        "data/ferien/kurs.yaml:13:8: alter.von: Der Wert -1 ist zu klein; erwartet wird mindestens 0.",
        "1 Fehler, 0 Warnungen (1 Börsen, 0 gültige Angebote, 1 Anbieter).",
    ]


def test_warnings_fail_only_with_strict(data, capsys):
    data.offer(replace(FERIEN_OFFER, "bestaetigt_am: 2027-01-15", "bestaetigt_am: 2025-01-15"))
    code, lines, _ = run(capsys, "validate", str(data.root), "--heute", "2027-03-01")
    assert code == 0
    assert lines[-1] == "0 Fehler, 1 Warnung (1 Börsen, 1 gültige Angebote, 1 Anbieter)."
    code, _, _ = run(capsys, "validate", str(data.root), "--heute", "2027-03-01", "--strict")
    assert code == 1


def test_today_from_the_environment(data, capsys, monkeypatch):
    data.offer()
    monkeypatch.setenv("BOERSEN_HEUTE", "2027-09-01")
    code, lines, _ = run(capsys, "validate", str(data.root))
    assert code == 0
    assert lines[0] == (
        "data/ferien/kurs.yaml:6:1: termine: Warnung: Alle Termine liegen in der Vergangenheit; das Angebot wird nicht mehr angezeigt."
    )


def test_bad_today(data, capsys):
    code, _, err = run(capsys, "validate", str(data.root), "--heute", "1.3.2027")
    assert code == 2
    assert err == "„1.3.2027“ ist kein Datum im Format JJJJ-MM-TT (für BOERSEN_HEUTE bzw. --heute).\n"


def test_missing_data_folder(tmp_path, capsys):
    code, lines, _ = run(capsys, "validate", str(tmp_path / "daten"))
    assert code == 1
    assert lines[0] == f"{tmp_path / 'daten'}:1:1: (Datei): Der Datenordner existiert nicht."


def test_new_writes_a_template_that_validates_once_filled_in(data, capsys):
    code, lines, _ = run(capsys, "new", "ferien", "schwimmkurs", "--data-dir", str(data.root))
    assert code == 0
    target = data.root / "ferien" / "schwimmkurs.yaml"
    assert lines == [f"Vorlage geschrieben: {target}"]
    template = target.read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server: $schema=../../schema/boersen/ferien.schema.json\n")
    assert "# Titel: Kurzer, aussagekräftiger Name des Angebots.\ntitel: Schwimmkurs für Anfänger\n" in template
    assert "# gueltig_bis: 2027-12-31\n" in template
    assert "kategorien:\n  - sport-und-spiel\n" in template
    # The example organisation does not exist here: exactly that is reported, nothing else.
    assert data.messages() == [
        "data/ferien/schwimmkurs.yaml:16:11: anbieter: Den Anbieter „jugendzentrum-domino“ gibt es nicht. "
        "Anbieter werden als Datei in data/anbieter/ angelegt."
    ]
    target.write_text(template.replace("anbieter: jugendzentrum-domino", "anbieter: tsv"), encoding="utf-8")
    assert data.messages() == []


def test_new_uncommented_optional_fields_are_valid_too(data, capsys):
    run(capsys, "new", "ferien", "alles", "--data-dir", str(data.root))
    target = data.root / "ferien" / "alles.yaml"
    lines = target.read_text(encoding="utf-8").splitlines()
    field_line = re.compile(r"^# ( *)([a-z_]+:|- )")  # labels start upper-case, fields lower-case
    uncommented = [line[2:] if field_line.match(line) else line for line in lines]
    assert len([line for line in uncommented if line.startswith(("  ", "ort:"))]) >= 15
    text = "\n".join(uncommented).replace("anbieter: jugendzentrum-domino", "anbieter: tsv") + "\n"
    target.write_text(text, encoding="utf-8")
    assert data.messages() == [  # the template names an image: the volunteer adds the file beside it
        "data/ferien/alles.yaml:47:7: bild: Die Bilddatei „schwimmkurs.jpg“ gibt es nicht. "
        "Sie muss im selben Ordner liegen wie diese Datei."
    ]
    drawn = io.BytesIO()
    scene(640, 480, 1).save(drawn, "JPEG")
    data.write_bytes("ferien/schwimmkurs.jpg", drawn.getvalue())
    assert data.messages() == []


def test_new_refuses_to_overwrite_and_unknown_boerse(data, capsys):
    data.offer()
    code, _, err = run(capsys, "new", "ferien", "kurs", "--data-dir", str(data.root))
    assert code == 2
    assert err == f"{data.root / 'ferien' / 'kurs.yaml'} gibt es schon; sie wird nicht überschrieben. Bitte einen anderen Namen angeben.\n"
    code, _, err = run(capsys, "new", "ferienboerse", "--data-dir", str(data.root))
    assert code == 2
    config = data.root / "ferienboerse" / "_boerse.yaml"
    assert err == f"Die Börse „ferienboerse“ gibt es nicht (keine Datei {config}). Vorhanden: ferien.\n"


def test_new_anbieter_writes_an_organisation_template(data, capsys):
    code, lines, _ = run(capsys, "new", "anbieter", "kanuclub", "--data-dir", str(data.root))
    target = data.root / "anbieter" / "kanuclub.yaml"
    assert (code, lines) == (0, [f"Vorlage geschrieben: {target}"])
    template = target.read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server: $schema=../../schema/anbieter.schema.json\n# Neuer Anbieter\n")
    catalog, problems = data.load()
    assert problems.errors == []
    assert "kanuclub" in catalog.organisations
    code, _, err = run(capsys, "new", "anbieter", "kanuclub", "--data-dir", str(data.root))
    assert code == 2
    assert err == f"{target} gibt es schon; sie wird nicht überschrieben. Bitte einen anderen Namen angeben.\n"


def test_many_warnings_about_one_recommended_field_are_summed_up(data, capsys):
    offer = FERIEN_OFFER.replace("barrierefrei: true\n", "")
    for number in range(12):
        data.offer(offer, f"kurs-{number:02d}.yaml")
    data.offer(FERIEN_OFFER.replace("bestaetigt_am: 2027-01-15\n", ""), "einzeln.yaml")
    code, lines, _ = run(capsys, "validate", str(data.root), "--heute", "2027-03-01")
    assert code == 0
    assert lines == [
        "data/ferien/einzeln.yaml:1:1: bestaetigt_am: Warnung: Empfohlenes Feld „Zuletzt bestätigt am“ fehlt. "
        "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT). Nach 12 Monaten erscheint ein Hinweis.",
        "data/ferien/: barrierefrei: Warnung: Empfohlenes Feld „Barrierefrei“ fehlt. (12 Dateien; einzeln mit --verbose)",
        "0 Fehler, 13 Warnungen (1 Börsen, 13 gültige Angebote, 1 Anbieter).",
    ]
    code, lines, _ = run(capsys, "validate", str(data.root), "--heute", "2027-03-01", "--verbose")
    assert len(lines) == 14 and lines[1].startswith("data/ferien/kurs-00.yaml:1:1: barrierefrei: Warnung: Empfohlenes Feld")
