"""Checking one Document against a JSON Schema, with German messages that name the field.

jsonschema finds the errors; this module says them in words a volunteer understands:
what was expected, what was found, and "Meinten Sie …?" where a near match exists.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from functools import lru_cache
from typing import Any

import jsonschema
import jsonschema.validators

from .problems import Problems, visible
from .richtext import MAX_MARKDOWN_DEPTH, markdown_depth
from .schema import TRANSLATION_LANGUAGES, Schema
from .source import Document, FieldPath, field_name


@lru_cache(maxsize=256)
def _ecma_regex(pattern: str) -> re.Pattern:
    """A JSON Schema pattern as editors read it (ECMA 262): ``$`` ends the text, while Python's
    ``$`` also matches before a final line break (a slug "neu\\n" would pass)."""
    return re.compile(re.sub(r"(?<!\\)\$(?![^\[]*\])", r"\\Z", pattern))


def _pattern(validator, pattern: str, instance: Any, schema: Schema):
    if validator.is_type(instance, "string") and not _ecma_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})
# Compiled validators by schema identity; the schema is kept alive with it so its id is never reused.
_validators: dict[int, tuple[Schema, jsonschema.Draft202012Validator]] = {}


def check_document(document: Document, schema: Schema, problems: Problems) -> bool:
    """Report every schema violation of ``document``; True when there was none."""
    document.data = _normalise(document.data, schema, (), document)
    if id(schema) not in _validators:
        _validators[id(schema)] = (schema, _Validator(schema))
    validator = _validators[id(schema)][1]
    found, seen = Problems(), set()
    for error in validator.iter_errors(document.data):
        for path, message, at_key in _explain(error, document):
            if (path, message) in seen:  # "required" reports each missing field in every error
                continue
            seen.add((path, message))
            line, column = document.key_position(path) if at_key else document.position(path)
            found.error(document.path, line, column, field_name(path), message)
    _check_values(document, schema, (), document.data, found)
    _check_control_characters(document, (), document.data, found)
    problems.extend(found)
    return not found


def _check_control_characters(document: Document, path: FieldPath, value: Any, found: Problems) -> None:
    """Text may hold line breaks and tabs, no other control characters (terminal escapes, NUL …)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_control_characters(document, path + (key,), item, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_control_characters(document, path + (index,), item, found)
    elif isinstance(value, str) and not value.isprintable():
        bad = next((char for char in value if unicodedata.category(char) == "Cc" and char not in "\n\t"), None)
        if bad is not None:
            message = f"Der Text enthält das unsichtbare Steuerzeichen {visible(bad)}. "
            _error_at(document, path, message + "Erlaubt sind nur Zeilenumbrüche und Tabulatoren; bitte das Zeichen entfernen.", found)


def _error_at(document: Document, path: FieldPath, message: str, found: Problems) -> None:
    line, column = document.position(path)
    found.error(document.path, line, column, field_name(path), message)


def _normalise(value: Any, schema: Schema, path: FieldPath, document: Document) -> Any:
    """Drop empty optional values and read plain numbers as text where text is expected.

    ``plz: 96450`` and ``telefon: 0957112345`` are meant as text; YAML reads them as numbers.
    """
    if isinstance(value, dict):
        properties = schema.get("properties", {}) if schema.get("type") == "object" else {}
        return {key: _normalise(item, properties.get(key, {}), path + (key,), document) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        items = schema.get("items", {}) if schema.get("type") == "array" else {}
        return [_normalise(item, items, path + (index,), document) for index, item in enumerate(value)]
    if schema.get("type") == "string" and not isinstance(value, str) and path in document.plain_text:
        return document.plain_text[path]
    return value


def _check_values(document: Document, schema: Schema, path: FieldPath, value: Any, found: Problems) -> None:
    """What a pattern cannot say: dates that do not exist (2027-02-30), Markdown nested too deep."""
    if isinstance(value, dict) and schema.get("type") == "object":
        for key, item in value.items():
            if key in schema.get("properties", {}):
                _check_values(document, schema["properties"][key], path + (key,), item, found)
    elif isinstance(value, list) and schema.get("type") == "array":
        for index, item in enumerate(value):
            _check_values(document, schema["items"], path + (index,), item, found)
    elif schema.get("format") == "date" and isinstance(value, str) and re.match(schema["pattern"], value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            message = f"„{value}“ ist kein gültiges Datum: diesen Tag gibt es nicht. Erwartet wird JJJJ-MM-TT, z. B. 2027-08-03."
            _error_at(document, path, message, found)
    elif schema.get("contentMediaType") == "text/markdown" and isinstance(value, str) and markdown_depth(value) > MAX_MARKDOWN_DEPTH:
        message = f"Der Text ist zu tief verschachtelt: Listen und Zitate („- “, „> “) in mehr als {MAX_MARKDOWN_DEPTH} Ebenen. "
        _error_at(document, path, message + "Bitte einfacher gliedern.", found)


# --- Explaining jsonschema errors ---------------------------------------------------


def _explain(error: jsonschema.ValidationError, document: Document):
    """Yield (field path, German message, whether to point at the key) for one error."""
    path = tuple(error.absolute_path)
    schema, instance, keyword = error.schema, error.instance, error.validator
    if keyword == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for key in instance:
            if key not in schema.get("properties", {}):
                if schema.get("x-translations"):
                    yield path + (key,), _unknown_language(str(key)), True
                else:
                    yield path + (key,), _sub_field_outside(key, path, schema, document) or _unknown_field(key, allowed), True
        return
    if keyword == "minProperties" and (schema.get("x-translations") or schema.get("x-texts")):
        yield path, _empty_texts(schema, path), True
        return
    if keyword == "required":
        for name in error.validator_value:
            if name not in instance:
                field = schema["properties"].get(name, {})
                label = field.get("title", name)
                help = field.get("description", "")
                hint = f" {help.rstrip('.')}." if help and help != label else ""
                example = _example(field)
                yield path + (name,), f"Pflichtfeld „{label}“ fehlt.{hint}{example}", False
        return
    if "propertyNames" in error.relative_schema_path:  # a key of a free-form mapping, e.g. a category
        yield path + (instance,), _bad_slug(instance), True
        return
    yield path, _explain_value(error, schema, instance, keyword, path), False


def _sub_field_outside(key: str, path: FieldPath, schema: Schema, document: Document) -> str | None:
    """``bezeichnung:`` written below ``ort:`` at the same depth: it belongs under ``ort:``, indented."""
    for parent, spec in schema.get("properties", {}).items():
        if spec.get("type") != "object" or key not in spec.get("properties", {}):
            continue
        written = document.key_positions.get(path + (parent,))
        if written and document.key_positions[path + (key,)][0] > written[0]:
            return (
                f"„{key}“ gehört zu „{parent}:“ (Zeile {written[0]}) und muss darunter eingerückt werden: "
                f"zwei Leerzeichen mehr vor „{key}:“ als vor „{parent}:“."
            )
        return (
            f"„{key}“ gibt es nur als Unterfeld von „{parent}“. "
            f"Bitte so schreiben: „{parent}:“ und in der Zeile darunter eingerückt „{key}: …“."
        )
    return None


def _example(field: Schema) -> str:
    examples = field.get("examples")
    if not examples or isinstance(examples[0], dict | list):
        return ""
    return f" Beispiel: {_yaml_scalar(examples[0])}"


def _explain_value(error: jsonschema.ValidationError, schema: Schema, instance: Any, keyword: str, path: FieldPath) -> str:
    label = schema.get("title")
    if keyword == "type":
        return _wrong_type(schema, instance, path)
    if keyword == "enum":
        allowed = [str(value) for value in schema["enum"]]
        parts = [part for part in re.split(r"\s*(?:,|;|/|\bund\b|\boder\b)\s*", str(instance).strip()) if part]
        if len(parts) > 1 and all(part.lower() in allowed for part in parts):
            message = f"„{instance}“ sind {len(parts)} Werte, hier ist nur einer erlaubt."
            key = path[-1] if path and isinstance(path[-1], str) else "wert"
            if any(isinstance(part, int) for part in path):  # an entry of a list: one entry per value
                return f"{message} Bitte für jeden Wert einen eigenen Listeneintrag schreiben, jeweils mit „- {key}: …“."
            return f"{message} Bitte nur einen angeben."
        message = f"„{instance}“ ist {'als ' + label + ' ' if label else ''}nicht erlaubt. Erlaubt: {', '.join(allowed)}."
        return message + _did_you_mean(str(instance), allowed)
    if keyword == "pattern":
        return _bad_format(schema, instance)
    if keyword == "minLength":
        return "Der Wert ist leer. Bitte ausfüllen oder die ganze Zeile löschen."
    if keyword == "maxLength":
        return f"Der Text ist zu lang ({len(instance)} Zeichen); erlaubt sind höchstens {schema['maxLength']} Zeichen."
    if keyword == "minimum":
        return f"Der Wert {_number(instance)} ist zu klein; erwartet wird mindestens {_number(schema['minimum'])}."
    if keyword == "maximum":
        return f"Der Wert {_number(instance)} ist zu groß; erwartet wird höchstens {_number(schema['maximum'])}."
    if keyword in ("minItems", "minProperties"):
        return "Die Liste ist leer; mindestens ein Eintrag ist nötig."
    if keyword == "uniqueItems":
        seen, doubles = [], []
        for item in instance:
            (doubles if item in seen else seen).append(item)
        return f"Der Eintrag „{_yaml_scalar(doubles[0])}“ steht doppelt in der Liste."
    return f"Ungültiger Wert ({error.message})."  # pragma: no cover - every keyword we use is handled above


_TYPE_NAMES = {
    "string": "Text",
    "integer": "eine ganze Zahl",
    "number": "eine Zahl",
    "boolean": "true oder false",
    "array": "eine Liste (jeder Eintrag in einer neuen Zeile mit „- “ davor)",
    "object": "eingerückte Unterfelder",
}
_TYPE_PHRASES = {"object": "Erwartet werden eingerückte Unterfelder"}
_YES = {"ja", "yes", "y", "on", "wahr", "j"}
_NO = {"nein", "no", "n", "off", "falsch"}


_FREE = {"kostenlos", "frei", "gratis", "umsonst", "keine", "0 €", "0,00 €", "kostenfrei"}


def _wrong_type(schema: Schema, instance: Any, path: FieldPath = ()) -> str:
    expected = schema["type"] if isinstance(schema["type"], str) else schema["type"][0]
    found = _describe(instance)
    if expected == "object" and not isinstance(instance, dict | list):
        example = schema.get("examples", [{}])[0]
        shape = ", ".join(f"{key}: {_yaml_scalar(value)}" for key, value in example.items())
        key = next((part for part in reversed(path) if isinstance(part, str)), "feld")
        return f"„{schema.get('title', key)}“ besteht aus Unterfeldern, gefunden {found}. So sieht es aus: {key}: {{{shape}}}"
    if expected in ("number", "integer") and isinstance(instance, str) and instance.strip().lower() in _FREE:
        return f"Erwartet wird {_TYPE_NAMES[expected]}, gefunden {found}. Für ein kostenloses Angebot bitte 0 schreiben."
    if expected == "boolean":
        word = str(instance).strip().lower()
        if word in _YES or word in _NO or word in ("true", "false"):
            suggestion = "true" if word in _YES or word == "true" else "false"
            return f"Erwartet wird true (ja) oder false (nein), gefunden {found}. Bitte {suggestion} schreiben, ohne Anführungszeichen."
        return f"Erwartet wird true (ja) oder false (nein), gefunden {found}."
    if expected in ("number", "integer") and isinstance(instance, str):
        cleaned = instance.replace("€", "").replace("Euro", "").strip()
        if re.fullmatch(r"\d+,\d+", cleaned) and expected == "number":
            with_point = cleaned.replace(",", ".")
            return f"Erwartet wird {_TYPE_NAMES[expected]}, gefunden {found}. Bitte mit Punkt und ohne €-Zeichen schreiben: {with_point}"
        if re.fullmatch(r"\d+(\.\d+)?", cleaned) and cleaned != instance:
            return f"Erwartet wird {_TYPE_NAMES[expected]}, gefunden {found}. Bitte nur die Zahl schreiben: {cleaned}"
    if expected == "integer" and isinstance(instance, float):
        return f"Erwartet wird eine ganze Zahl, gefunden {_number(instance)}."
    if expected == "array" and isinstance(instance, str | int | float):
        return f"Erwartet wird {_TYPE_NAMES[expected]}, gefunden {found}. Auch ein einzelner Eintrag steht in einer Liste: [{instance}]"
    return f"{_TYPE_PHRASES.get(expected, f'Erwartet wird {_TYPE_NAMES[expected]}')}, gefunden {found}."


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "eingerückte Unterfelder"
    return f"„{value}“"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _bad_format(schema: Schema, value: str) -> str:
    kind = schema.get("format")
    if kind == "date":
        message = f"Erwartet wird ein Datum im Format JJJJ-MM-TT, z. B. 2027-08-03, gefunden „{value}“."
        german = _GERMAN_DATE.match(value.strip())
        if german:
            day, month, year = german.groups()
            message += f" Meinten Sie {year}-{int(month):02d}-{int(day):02d}?"
        return message
    if kind == "uhrzeit":
        message = f"Erwartet wird eine Uhrzeit wie 9:00 oder 14:30, gefunden „{value}“."
        hour = re.fullmatch(r"(\d{1,2})(?:[.:h ](\d{2}))?\s*(?:Uhr|h)?", value.strip())
        if hour and int(hour.group(1)) < 24 and int(hour.group(2) or 0) < 60:
            message += f" Meinten Sie {int(hour.group(1))}:{hour.group(2) or '00'}?"
        return message
    if kind == "email":
        message = f"„{value}“ ist keine gültige E-Mail-Adresse. Erwartet wird z. B. info@verein.de."
        if re.search(r"[?&%,;]", value):
            return message + " Bitte nur die Adresse selbst angeben, ohne Zusätze wie „?“, „&“ oder eine zweite Adresse."
        return message
    if kind == "uri":
        scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
        if scheme and scheme not in ("http", "https"):
            return f"Unsichere oder ungültige Adresse „{value}“: erlaubt sind nur Adressen, die mit https:// oder http:// beginnen."
        if not scheme and re.match(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", value):
            return f"Die Adresse muss mit https:// beginnen. Meinten Sie https://{value}?"
        return f"„{value}“ ist keine gültige Internetadresse. Erwartet wird z. B. https://www.verein.de."
    if kind == "telefon":
        return f"„{value}“ ist keine gültige Telefonnummer. Erwartet werden Ziffern mit Vorwahl, z. B. 09561 89-1234 oder +49 9561 891234."
    if kind == "plz":
        town = re.fullmatch(r"\s*(\d{5})\s+(\D.*)", value)
        if town:
            return f"Bitte nur die Postleitzahl angeben: „plz: {town.group(1)}“; der Ort gehört in „stadt: {town.group(2).strip()}“."
        return f"Erwartet wird eine fünfstellige Postleitzahl wie 96450, gefunden „{value}“."
    if kind == "bilddatei":
        message = f"„{value}“ ist kein Name einer Bilddatei in diesem Ordner. Erwartet wird nur der Dateiname, z. B. „schwimmkurs.jpg“"
        if "/" in value or "\\" in value:
            return message + ", ohne Ordner davor: das Bild muss im selben Ordner liegen wie diese Datei."
        return message + ", mit der Endung .jpg, .jpeg, .png oder .webp."
    if kind == "wort":
        return (
            f"„{value}“ ist kein Wort und keine Wortgruppe: erlaubt sind Wörter mit je einem Leerzeichen dazwischen, "
            "ohne Komma oder Semikolon. Bitte jedes gleichbedeutende Wort als eigenen Eintrag der Gruppe schreiben."
        )
    if kind == "feldname":
        return (
            f"„{value}“ ist als Feldname ungeeignet: erlaubt sind Kleinbuchstaben, Ziffern und Unterstriche, "
            "am Anfang ein Buchstabe, z. B. „einsatzort“."
        )
    return _bad_slug(value)


def _bad_slug(value: str) -> str:
    return (
        f"„{value}“ ist als Kurzname ungeeignet: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, "
        f"z. B. „{slugify(value) or 'sport-und-spiel'}“."
    )


def slugify(text: str) -> str:
    """A suggestion for a valid slug: ``Jugendzentrum Domino`` -> ``jugendzentrum-domino``."""
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(str(text))).strip("-")


def normalise_name(text: str) -> str:
    """Lower-case ASCII spelling used to compare names: ``Gültig bis`` -> ``gueltig_bis``."""
    text = text.strip().lower()
    for umlaut, ascii_form in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ascii_form)
    return re.sub(r"[\s\-]+", "_", text)


def _unknown_language(key: str) -> str:
    """A key under ``uebersetzungen:`` that is no language code we translate into."""
    codes = ", ".join(f"{code} ({name})" for code, name in TRANSLATION_LANGUAGES.items())
    if key.strip().lower() in ("de", "deutsch", "german"):
        return (
            "Deutsch ist der Haupttext des Angebots (titel, kurzbeschreibung, beschreibung oben in der Datei) "
            f"und keine Übersetzung. Unter „uebersetzungen“ stehen nur: {codes}. "
            "Für einfaches Deutsch gibt es das Feld „leichte_sprache“."
        )
    message = f"„{key}“ ist keine Sprache, in die übersetzt werden kann. Erlaubt sind die Sprachkürzel {codes}."
    meant = _LANGUAGE_ALIASES.get(normalise_name(key))
    return message + (f" Meinten Sie „{meant}“?" if meant else "")


# What volunteers write instead of a code: the German name, the code in capitals, a country code.
_LANGUAGE_ALIASES = (
    {normalise_name(name): code for code, name in TRANSLATION_LANGUAGES.items()}
    | {code: code for code in TRANSLATION_LANGUAGES}
    | {"english": "en", "gb": "en", "turkish": "tr", "arabic": "ar", "ua": "uk", "ukrainian": "uk"}
)


def _empty_texts(schema: Schema, path: FieldPath) -> str:
    if schema.get("x-translations"):
        return (
            "Die Übersetzungen sind leer. Bitte darunter eingerückt eine Sprache mit ihren Texten angeben "
            "(z. B. „en:“ und darunter „titel: …“) oder die Zeile „uebersetzungen:“ löschen."
        )
    where = f"„{path[-1]}“" if path and path[-1] != "leichte_sprache" else "Leichte Sprache"
    return (
        f"Für {where} steht kein Text. Bitte darunter eingerückt mindestens eines von titel, kurzbeschreibung, "
        "beschreibung angeben oder die Zeile löschen."
    )


def _unknown_field(key: str, allowed: list[str]) -> str:
    message = "Unbekanntes Feld."
    suggestion = suggest(key, allowed)
    if suggestion:
        return f"{message} Meinten Sie „{suggestion}“?"
    return f"{message} Erlaubt sind hier: {', '.join(allowed)}."


def _did_you_mean(value: str, allowed: list[str]) -> str:
    suggestion = suggest(value, allowed)
    return f" Meinten Sie „{suggestion}“?" if suggestion else ""


def suggest(word: str, candidates: list[str]) -> str | None:
    """The candidate a misspelt ``word`` most likely meant, if any is close enough."""
    return _suggest(normalise_name(str(word)), tuple(candidates))


@lru_cache(maxsize=4096)
def _suggest(normalised: str, candidates: tuple[str, ...]) -> str | None:
    by_normal = {normalise_name(candidate): candidate for candidate in candidates}
    if normalised in by_normal:
        return by_normal[normalised]
    for variant in (normalised.replace("_", "-"), normalised.replace("-", "_")):
        if variant in by_normal:
            return by_normal[variant]
    close = difflib.get_close_matches(normalised, list(by_normal), n=1, cutoff=0.6)
    if close:
        return by_normal[close[0]]
    # "sport" for "sport-und-spiel": a unique candidate that starts with the word.
    starting = [name for name in by_normal if len(normalised) >= 3 and name.startswith(normalised)]
    return by_normal[starting[0]] if len(starting) == 1 else None
