"""Loading a whole data folder: settings, organisations, Börsen and their offers.

The stages run top to bottom: read each file, check it against its schema, check what
the schema cannot say, resolve references between files, build the typed model. Every
problem of every file is collected; the model contains only files without errors.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from . import schema as schemas
from .checks import check_offer, warn_recommended
from .images.checking import IMAGE_SUFFIXES, check_picture, check_picture_fields
from .images.picture import Picture
from .model import (
    AgeRange,
    Appointment,
    Boerse,
    Category,
    Contact,
    ExtraField,
    FreePlaces,
    Location,
    Offer,
    OfferText,
    Organisation,
    Registration,
    WeeklySlot,
)
from .problems import FILE_LEVEL, Problems
from .schema_check import check_document, slugify, suggest
from .site_paths import RESERVED_BOERSE_NAMES, RESERVED_OFFER_NAMES, content_pages
from .source import SPECIAL_FILE_MESSAGE, SYMLINK_MESSAGE, Document, read_document, read_text
from .today import DataDays, DateShift, demo_shift
from .workers import fork_context, start_worker

ORGANISATIONS_FOLDER = "anbieter"
DATA_FOLDER = "data"  # how messages name the data folder of a repository
BOERSE_FILE = "_boerse.yaml"
SETTINGS_FILE = "_einstellungen.yaml"
DATA_SUFFIXES = (".yaml", ".md")


@dataclass
class Catalog:
    """Everything the site shows, typed and cross-linked."""

    today: datetime.date
    shift: DateShift  # how far demo dates were moved
    boersen: list[Boerse] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    synonyms: list[list[str]] = field(default_factory=list)  # groups of words search treats alike
    broken_organisations: dict[str, str] = field(default_factory=dict)  # slug -> path of a file with errors

    def current_offers(self, boerse: Boerse) -> list[Offer]:
        return [offer for offer in boerse.offers if offer.is_current(self.today)]


def load_catalog(data_dir: Path, today: datetime.date, pages: dict[str, str] | None = None) -> tuple[Catalog, Problems]:
    """Load and check ``data_dir``. ``pages`` (slug -> title) are the site's own pages a Börse must
    not be named like; by default those in the ``content/`` folder beside the data folder."""
    problems = Problems()
    data_dir = Path(data_dir)
    if pages is None:
        pages = content_pages(data_dir.parent / "content")
    if not data_dir.is_dir():
        problems.error(str(data_dir), 1, 1, FILE_LEVEL, "Der Datenordner existiert nicht.")
        return Catalog(today, DateShift()), problems
    top = _listing(data_dir, data_dir, problems)
    settings = _load_settings(data_dir, top, problems)
    written_on = datetime.date.fromisoformat(settings["demo_stand"]) if "demo_stand" in settings else None
    shift = demo_shift(settings.get("demo_bezugsjahr"), written_on, today)
    catalog = Catalog(today, shift, synonyms=settings.get("synonyme", []))
    # Warnings compare the unshifted data with the day it stands for.
    data_today = shift.data_days(today)
    folders = [entry for entry in top if entry.is_dir()]
    organisations = [folder for folder in folders if folder.name == ORGANISATIONS_FOLDER]
    if organisations:
        catalog.organisations = _load_organisations(organisations[0], data_dir, problems, catalog.broken_organisations)
    _report_stray_files([entry for entry in top if entry.is_file()], data_dir, problems)
    for folder in folders:
        if folder.name == ORGANISATIONS_FOLDER:
            continue
        entries = _listing(folder, data_dir, problems)
        boerse, stand_in = _load_boerse(folder, entries, data_dir, pages, problems)
        if boerse is None:
            if stand_in is not None:  # the offers are still checked, so one run shows every error
                for _ in _checked_offers(entries, data_dir, stand_in, catalog, data_today, problems):
                    pass
            continue
        catalog.boersen.append(boerse)
        _load_offers(boerse, entries, data_dir, catalog, data_today, problems)
    catalog.boersen.sort(key=lambda b: (b.order, b.title))
    for organisation in catalog.organisations.values():
        organisation.offers.sort(key=lambda offer: (offer.boerse.title, offer.title))
    return catalog, problems


def _listing(folder: Path, data_dir: Path, problems: Problems) -> list[Path]:
    """The plain files and folders in ``folder``, sorted; links, special and hidden data files are reported.

    A link could publish a file from outside the repository (or print a secret into a public
    CI log); a device such as /dev/zero would be read forever. Neither is ever opened.
    """
    entries = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            if entry.name.lower().endswith((*DATA_SUFFIXES, ".yml")):
                problems.error(_display(entry, data_dir), 1, 1, FILE_LEVEL, _hidden_file_message(entry.name))
            continue  # .git, .gitkeep, .DS_Store …
        if entry.is_symlink():
            problems.error(_display(entry, data_dir), 1, 1, FILE_LEVEL, SYMLINK_MESSAGE)
        elif not (entry.is_file() or entry.is_dir()):
            problems.error(_display(entry, data_dir), 1, 1, FILE_LEVEL, SPECIAL_FILE_MESSAGE)
        else:
            entries.append(entry)
    return entries


def _hidden_file_message(name: str) -> str:
    visible = name.lstrip(".")
    if "." not in visible.strip("."):  # "..yaml": nothing left of the name
        visible = f"angebot.{visible.rsplit('.', 1)[-1]}"
    return (
        f"Der Name beginnt mit einem Punkt: solche Dateien sind versteckt und werden nicht gelesen. Bitte umbenennen, z. B. in „{visible}“."
    )


def _suffix_problem(file: Path) -> str | None:
    """Data files end in .yaml or .md, written in lower case."""
    if file.suffix == ".yml":
        return "Bitte die Endung .yaml statt .yml verwenden."
    if file.suffix not in DATA_SUFFIXES and file.suffix.lower() in (*DATA_SUFFIXES, ".yml"):
        ending = ".md" if file.suffix.lower() == ".md" else ".yaml"
        return f"Die Endung muss klein geschrieben werden: „{file.stem}{ending}“."
    return None


def _report_stray_files(files: list[Path], data_dir: Path, problems: Problems) -> None:
    """Files directly in data/ other than the settings are never read: say so."""
    for file in files:
        if file.name == SETTINGS_FILE or file.suffix.lower() not in (*DATA_SUFFIXES, ".yml"):
            continue
        hint = (
            f"Meinten Sie „{SETTINGS_FILE}“?"
            if file.name.startswith("_")
            else "Angebote gehören in den Ordner ihrer Börse, Anbieter nach anbieter/."
        )
        problems.error(_display(file, data_dir), 1, 1, FILE_LEVEL, f"Die Datei wird nicht gelesen. {hint}")


def _display(path: Path, data_dir: Path) -> str:
    """Paths in messages are the ones volunteers see in the repository: data/…"""
    return str(Path(data_dir.name) / path.relative_to(data_dir))


def _read_checked(file: Path, data_dir: Path, schema: dict, problems: Problems) -> Document | None:
    """Read and schema-check a file. None when unreadable; callers compare error counts."""
    return _checked(read_document(file, _display(file, data_dir), problems), schema, problems)


def _checked(document: Document | None, schema: dict, problems: Problems) -> Document | None:
    """Schema-check a document read from a file or from text; a .md file's body is its description."""
    if document is None:
        return None
    if document.body is not None:
        if "beschreibung" in document.data and document.body.strip():
            line, column = document.key_position(("beschreibung",))
            problems.error(
                document.path,
                line,
                column,
                "beschreibung",
                "Die Beschreibung steht doppelt: oben als Feld und unten als Text. Bitte nur eines von beiden.",
            )
            return None
        if document.body.strip():
            document.data["beschreibung"] = document.body
            document.positions[("beschreibung",)] = (document.body_line, 1)
    check_document(document, schema, problems)
    return document


def _load_settings(data_dir: Path, top: list[Path], problems: Problems) -> dict:
    file = data_dir / SETTINGS_FILE
    if file not in top or not file.is_file():
        return {}
    before = len(problems.errors)
    document = _read_checked(file, data_dir, schemas.settings_schema(), problems)
    return document.data if document and len(problems.errors) == before else {}


def _check_slug(file: Path, data_dir: Path, reserved: set[str], problems: Problems, pages: dict[str, str] | None = None) -> bool:
    name = file.name if file.is_dir() else file.stem
    display = _display(file, data_dir)
    if not schemas.re_slug(name):  # also catches "neu\n.yaml"
        suffix = "" if file.is_dir() else file.suffix
        problems.error(
            display,
            1,
            1,
            FILE_LEVEL,
            f"Der Name „{file.name}“ ist als Adresse ungeeignet: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, "
            f"z. B. „{slugify(name) or 'angebot'}{suffix}“.",
        )
        return False
    if pages and name in pages:
        problems.error(
            display, 1, 1, FILE_LEVEL, f"Unter dem Namen „{name}“ steht schon die Seite „{pages[name]}“. Bitte einen anderen wählen."
        )
        return False
    if name in reserved:
        problems.error(display, 1, 1, FILE_LEVEL, f"Der Name „{name}“ ist für die Webseite reserviert. Bitte einen anderen wählen.")
        return False
    return True


def _data_files(entries: list[Path], data_dir: Path, problems: Problems) -> list[Path]:
    """The offer or organisation files of a folder's entries; anything else gets a word."""
    files = []
    for file in entries:
        if file.name == BOERSE_FILE:
            continue
        if file.is_dir():
            problems.error(
                _display(file, data_dir),
                1,
                1,
                FILE_LEVEL,
                "Unterordner werden hier nicht gelesen. Bitte die Dateien direkt in den Ordner legen.",
            )
        elif _suffix_problem(file):
            problems.error(_display(file, data_dir), 1, 1, FILE_LEVEL, _suffix_problem(file))
        elif file.name.startswith("_"):
            problems.error(
                _display(file, data_dir),
                1,
                1,
                FILE_LEVEL,
                f"Unbekannte Einstellungsdatei. Meinten Sie „{BOERSE_FILE}“?"
                if file.parent.name != ORGANISATIONS_FOLDER
                else "Unbekannte Einstellungsdatei.",
            )
        elif file.suffix in DATA_SUFFIXES:
            files.append(file)
        elif file.name.lower().endswith(IMAGE_SUFFIXES):
            continue  # read through the "bild" field of a data file beside it
        else:
            problems.warning(
                _display(file, data_dir), 1, 1, FILE_LEVEL, "Die Datei wird nicht gelesen: nur .yaml- und .md-Dateien enthalten Angebote."
            )
    _report_duplicate_slugs(files, data_dir, problems)
    return files


def _report_duplicate_slugs(files: list[Path], data_dir: Path, problems: Problems) -> None:
    by_slug: dict[str, Path] = {}
    for file in files:
        if file.stem in by_slug:
            problems.error(
                _display(file, data_dir),
                1,
                1,
                FILE_LEVEL,
                f"„{file.stem}“ gibt es doppelt: auch {_display(by_slug[file.stem], data_dir)}. Jeder Name darf nur einmal vorkommen.",
            )
        by_slug.setdefault(file.stem, file)


def _load_organisations(folder: Path, data_dir: Path, problems: Problems, broken: dict[str, str]) -> dict[str, Organisation]:
    organisations: dict[str, Organisation] = {}
    schema = schemas.organisation_schema()
    entries = _listing(folder, data_dir, problems)
    files = _data_files(entries, data_dir, problems)
    seen, documents = set(), []
    for file in files:
        if file.stem in seen or not _check_slug(file, data_dir, set(), problems):
            continue
        seen.add(file.stem)
        before = len(problems.errors)
        document = _read_checked(file, data_dir, schema, problems)
        documents.append(document)
        picture = check_picture(document, file, problems) if document is not None and len(problems.errors) == before else None
        if document is None or len(problems.errors) > before:
            broken[file.stem] = _display(file, data_dir)
            continue
        warn_recommended(document, schema, problems)
        data = document.data
        organisations[file.stem] = Organisation(
            file.stem,
            document.path,
            data["name"],
            data.get("art"),
            data.get("beschreibung"),
            Location.from_data(data.get("ort")),
            Contact.from_data(data.get("kontakt")),
            picture=_placed(picture, f"anbieter/{file.stem}/logo"),
        )
    _report_unnamed_images(entries, documents, data_dir, problems)
    return organisations


def _load_boerse(
    folder: Path, entries: list[Path], data_dir: Path, pages: dict[str, str], problems: Problems
) -> tuple[Boerse | None, dict | None]:
    """The Börse of a folder; when its _boerse.yaml has errors, None and a stand-in offer schema
    (from its ``typ``, if that is usable) to check the offers with."""
    config = folder / BOERSE_FILE
    if config not in entries or not config.is_file():  # a linked one was reported by _listing
        if any(file.suffix in DATA_SUFFIXES for file in entries) and not config.is_symlink():
            problems.error(
                _display(folder, data_dir),
                1,
                1,
                FILE_LEVEL,
                f"Der Ordner enthält Angebote, aber keine Datei {BOERSE_FILE}. Ohne sie ist unklar, zu welcher Börse sie gehören.",
            )
        return None, None
    if not _check_slug(folder, data_dir, RESERVED_BOERSE_NAMES, problems, pages):
        return None, None
    before = len(problems.errors)
    document = _read_checked(config, data_dir, schemas.boerse_schema(), problems)
    if document is None or len(problems.errors) > before:
        return None, _stand_in_schema(document)
    data = document.data
    # A bad filter or extra field is reported; the offers are still checked without it.
    _check_boerse_config(document, problems)
    warn_recommended(document, schemas.boerse_schema(), problems)
    categories = [Category(slug, label) for slug, label in data["kategorien"].items()]
    extra_fields = [
        ExtraField(
            spec["name"],
            spec["typ"],
            spec["titel"],
            spec.get("hilfe"),
            spec.get("pflicht", False),
            spec.get("filter", False),
            spec.get("werte"),
            spec.get("karte", False),
        )
        for spec in data.get("zusatzfelder", [])
    ]
    offer_schema = schemas.offer_schema(
        data["typ"],
        categories=data["kategorien"],
        extra_fields=data.get("zusatzfelder", []),
        title=data["titel"],
        schema_id=f"{schemas.BOERSE_SCHEMA_FOLDER}/{folder.name}.schema.json",
    )
    default_facets = ["kategorien"]
    boerse = Boerse(
        slug=folder.name,
        source=document.path,
        title=data["titel"],
        kind=data["typ"],
        intro=data.get("einleitung"),
        summary=data.get("kurzbeschreibung"),
        categories=categories,
        # An extra field with filter: true gets its filter without a line under filter:.
        facets=list(data.get("filter", default_facets))
        + [spec["name"] for spec in data.get("zusatzfelder", []) if spec.get("filter") and spec["name"] not in data.get("filter", [])],
        sort_by=data.get("sortierung", "datum" if data["typ"] == "ferien" else "titel"),
        extra_fields=extra_fields,
        schema=offer_schema,
        order=data.get("reihenfolge", 100),
    )
    return boerse, None


def _stand_in_schema(document: Document | None) -> dict | None:
    """An offer schema from a faulty _boerse.yaml: its type, its categories if they are usable.

    Extra fields cannot be trusted, so fields the type does not know are allowed here.
    """
    data = document.data if document else {}
    if data.get("typ") not in schemas.TYPES:
        return None
    categories = data.get("kategorien")
    usable = isinstance(categories, dict) and categories and all(schemas.re_slug(str(key)) for key in categories)
    schema = schemas.offer_schema(data["typ"], categories=categories if usable else None)
    schema["additionalProperties"] = True
    return schema


def _check_boerse_config(document: Document, problems: Problems) -> None:
    """What the Börse schema cannot say: facets must exist, extra fields must not clash.

    Offending entries are reported and removed from ``document.data``.
    """
    data, bad_fields, bad_filters = document.data, set(), set()
    builtin = schemas.offer_schema(data["typ"])["properties"]
    extra_names = []
    for index, spec in enumerate(data.get("zusatzfelder", [])):
        path = ("zusatzfelder", index)
        clash = None
        if spec["name"] in schemas.SEARCH_PARAMETERS or spec["name"] in schemas.FACETS:
            clash = f"Der Name „{spec['name']}“ ist für die Suche reserviert: er steht in der Adresse der Suchergebnisse."
        elif spec["name"] in builtin or spec["name"] in extra_names:
            clash = f"Das Feld „{spec['name']}“ gibt es schon."
        if clash:
            line, column = document.position(path + ("name",))
            problems.error(document.path, line, column, f"zusatzfelder[{index + 1}].name", f"{clash} Bitte einen anderen Namen wählen.")
            bad_fields.add(index)
        if "beispiel" in spec and not _example_fits(spec):
            line, column = document.position(path + ("beispiel",))
            kind = schemas.EXTRA_FIELD_TYPES.get(spec["typ"], spec["typ"])
            message = f"Das Beispiel passt nicht zur Art des Feldes („{kind}“)."
            problems.error(document.path, line, column, f"zusatzfelder[{index + 1}].beispiel", message)
            bad_fields.add(index)
        if (spec["typ"] == "auswahl") != ("werte" in spec):
            line, column = document.position(path)
            message = "Bei typ: auswahl fehlt die Liste „werte“." if spec["typ"] == "auswahl" else "„werte“ gibt es nur bei typ: auswahl."
            problems.error(document.path, line, column, f"zusatzfelder[{index + 1}]", message)
            bad_fields.add(index)
        extra_names.append(spec["name"])
    allowed = [name for name in schemas.FACETS if schemas.facet_applies(name, data["typ"])] + [
        spec["name"] for spec in data.get("zusatzfelder", []) if spec.get("filter")
    ]
    for index, name in enumerate(data.get("filter", [])):
        if name not in allowed:
            line, column = document.position(("filter", index))
            hint = suggest(name, allowed)
            message = f"Den Filter „{name}“ gibt es für diese Börse nicht. Möglich: {', '.join(allowed)}."
            problems.error(document.path, line, column, f"filter[{index + 1}]", message + (f" Meinten Sie „{hint}“?" if hint else ""))
            bad_filters.add(name)
    data["zusatzfelder"] = [spec for index, spec in enumerate(data.get("zusatzfelder", [])) if index not in bad_fields]
    data["filter"] = [name for name in data.get("filter", ["kategorien"]) if name not in bad_filters]


def _example_fits(spec: dict) -> bool:
    """An extra field's ``beispiel`` must be a value of the field's own kind (true for ja_nein …)."""
    field = schemas.extra_field({key: value for key, value in spec.items() if key != "beispiel"})
    example = spec["beispiel"]
    if field.get("type") == "string" and isinstance(example, int | float) and not isinstance(example, bool):
        example = str(example)  # read as text where text is meant, as in offer files
    if field.get("type") == "array" and not isinstance(example, list):
        example = [example]  # one entry of a list
    return not list(jsonschema.Draft202012Validator(field).iter_errors(example))


def _load_offers(boerse: Boerse, entries: list[Path], data_dir: Path, catalog: Catalog, data_today: DataDays, problems: Problems) -> None:
    for file, document, organisation, picture in _checked_offers(entries, data_dir, boerse.schema, catalog, data_today, problems):
        offer = build_offer(boerse, file.stem, document, organisation, catalog.shift)
        offer.picture = _placed(picture, f"{offer.url}bild")
        boerse.offers.append(offer)
        organisation.offers.append(offer)
    _sort_offers(boerse)


def _checked_offers(entries: list[Path], data_dir: Path, schema: dict, catalog: Catalog, data_today: DataDays, problems: Problems):
    """Check every offer file of a folder; yield (file, document, organisation, picture) of those without errors."""
    seen, files = set(), []
    for file in _data_files(entries, data_dir, problems):
        if file.stem in seen or not _check_slug(file, data_dir, RESERVED_OFFER_NAMES, problems):
            continue  # a second file of the same name was reported by _data_files
        seen.add(file.stem)
        files.append(file)
    checked = list(zip(files, _check_offer_files(files, data_dir, schema, data_today), strict=True))
    _report_unnamed_images(entries, [document for _, (document, _, _) in checked], data_dir, problems)
    for file, (document, found, picture) in checked:
        problems.extend(found)
        if document is None:
            continue
        organisation = catalog.organisations.get(document.data.get("anbieter"))
        if isinstance(document.data.get("anbieter"), str) and organisation is None:
            _report_unknown_organisation(document, data_dir, catalog, problems)
        if found.errors or organisation is None:
            continue
        yield file, document, organisation, picture


def _report_unnamed_images(entries: list[Path], documents: list[Document | None], data_dir: Path, problems: Problems) -> None:
    """An image no data file names is not published: likely the "bild" line was forgotten or misspelt."""
    named = {document.data.get("bild") for document in documents if document is not None}
    for file in entries:
        if file.is_file() and file.name.lower().endswith(IMAGE_SUFFIXES) and file.name not in named:
            message = (
                f"Keine Datei in diesem Ordner nennt dieses Bild, es erscheint deshalb nicht auf der Webseite. "
                f"Im Angebot oder beim Anbieter gehört dazu die Zeile „bild: {file.name}“."
            )
            problems.warning(_display(file, data_dir), 1, 1, FILE_LEVEL, message)


def _placed(picture: Picture | None, path: str) -> Picture | None:
    """The picture with the place of its variants in the site."""
    return dataclasses.replace(picture, path=path) if picture else None


PARALLEL_FROM = 400  # files; below that, starting worker processes costs more than it saves
_job: tuple | None = None  # what forked workers check files against (no pickling of schemas)


def _check_offer_file(file: Path) -> tuple[Document | None, Problems, Picture | None]:
    """Read, schema-check and consistency-check one offer file and its image; needs no other data file."""
    data_dir, schema, data_today = _job
    problems = Problems()
    picture = None
    document = _read_checked(file, data_dir, schema, problems)
    if document is not None and not problems.errors:
        check_offer(document, schema, data_today, problems)
        picture = check_picture(document, file, problems)
    return document, problems, picture


def check_offer_text(catalog: Catalog, boerse: Boerse, file_name: str, text: str, *, new_organisations: tuple[str, ...] = ()) -> Problems:
    """Check the text of an offer file not written yet (a form submission) as ``load_catalog`` checks
    a file in ``data/<boerse>/``: schema, consistency, and whether its organisation exists
    (among the catalog's and ``new_organisations``, which arrive with it)."""
    problems = Problems()
    display = f"{DATA_FOLDER}/{boerse.slug}/{file_name}"
    document = _checked(read_text(text, display, problems, front_matter=file_name.endswith(".md")), boerse.schema, problems)
    if document is None or problems.errors:
        return problems
    check_offer(document, boerse.schema, catalog.shift.data_days(catalog.today), problems)
    check_picture_fields(document, problems)  # the image itself is a file beside it, checked by the build
    if document.data["anbieter"] not in (*catalog.organisations, *new_organisations):
        _report_unknown_organisation(document, Path(DATA_FOLDER), catalog, problems, new_organisations)
    return problems


def check_organisation_text(file_name: str, text: str) -> Problems:
    """Check the text of an organisation file not written yet, as ``load_catalog`` would."""
    problems = Problems()
    display = f"{DATA_FOLDER}/{ORGANISATIONS_FOLDER}/{file_name}"
    _checked(read_text(text, display, problems, front_matter=file_name.endswith(".md")), schemas.organisation_schema(), problems)
    return problems


def _check_offer_files(files: list[Path], data_dir: Path, schema: dict, data_today: DataDays) -> list:
    """_check_offer_file for every file, on every core when there are many files."""
    global _job
    _job = (data_dir, schema, data_today)
    context = fork_context()
    if len(files) < PARALLEL_FROM or context is None:
        return [_check_offer_file(file) for file in files]
    with context.Pool(os.cpu_count(), initializer=start_worker) as pool:
        return pool.map(_check_offer_file, files, chunksize=64)


def _report_unknown_organisation(
    document: Document, data_dir: Path, catalog: Catalog, problems: Problems, new_organisations: tuple[str, ...] = ()
) -> None:
    slug = document.data["anbieter"]
    line, column = document.position(("anbieter",))
    if slug in catalog.broken_organisations:  # the file is there, but has errors of its own
        path = catalog.broken_organisations[slug]
        message = f"Die Datei des Anbieters „{slug}“ ({path}) hat Fehler (siehe dort). Sobald sie behoben sind, gilt auch dieses Angebot."
        problems.error(document.path, line, column, "anbieter", message)
        return
    hint = suggest(slug, [*catalog.organisations, *new_organisations])
    message = f"Den Anbieter „{slug}“ gibt es nicht. Anbieter werden als Datei in {data_dir.name}/{ORGANISATIONS_FOLDER}/ angelegt."
    problems.error(document.path, line, column, "anbieter", message + (f" Meinten Sie „{hint}“?" if hint else ""))


def _sort_offers(boerse: Boerse) -> None:
    if boerse.sort_by == "datum":
        boerse.offers.sort(key=lambda o: (o.first_date or datetime.date.max, o.title.casefold(), o.slug))
    else:
        boerse.offers.sort(key=lambda o: (o.title.casefold(), o.slug))


def _shifted(value: str | None, shift: datetime.timedelta) -> datetime.date | None:
    return datetime.date.fromisoformat(value) + shift if value else None


def build_offer(boerse: Boerse, slug: str, document: Document, organisation: Organisation, shift: DateShift) -> Offer:
    data = document.data
    return Offer(
        boerse=boerse,
        slug=slug,
        source=document.path,
        title=data["titel"],
        summary=data["kurzbeschreibung"],
        description=data.get("beschreibung"),
        organisation=organisation,
        categories=[boerse.category(slug) for slug in data["kategorien"]],
        tags=data.get("schlagworte", []),
        location=Location.from_data(data.get("ort")),
        contact=Contact.from_data(data.get("kontakt")),
        barrier_free=data.get("barrierefrei"),
        accessibility_note=data.get("barrierefreiheit"),
        valid_from=_shifted(data.get("gueltig_ab"), shift.programme),
        valid_until=_shifted(data.get("gueltig_bis"), shift.programme),
        confirmed_on=_shifted(data.get("bestaetigt_am"), shift.records),
        ages=AgeRange.from_data(data.get("alter")),
        details=_typed_details(boerse, data, shift),
        extra={spec.name: data[spec.name] for spec in boerse.extra_fields if spec.name in data},
        translations={lang: OfferText.from_data(texts) for lang, texts in sorted(data.get("uebersetzungen", {}).items())},
        easy_language=OfferText.from_data(data.get("leichte_sprache")),
    )


def _typed_details(boerse: Boerse, data: dict, shift: DateShift) -> dict:
    """The type-specific fields, with dates, times and nested groups turned into objects."""
    own_fields = schemas.type_field_names(boerse.kind)
    details = {key: value for key, value in data.items() if key in own_fields and key != "alter"}
    if "termine" in details:
        details["termine"] = sorted(
            (Appointment.from_data(item, shift.programme) for item in details["termine"]), key=lambda a: (a.start_date, a.end_date)
        )
    for key in ("trainingszeiten", "sprechzeiten", "oeffnungszeiten"):
        if key in details:
            details[key] = sorted((WeeklySlot.from_data(item) for item in details[key]), key=lambda s: (s.weekday, s.start, s.end))
    if "anmeldung" in details:
        item = details["anmeldung"]
        details["anmeldung"] = Registration(
            item["erforderlich"],
            item.get("hinweis"),
            item.get("link"),
            item.get("telefon"),
            item.get("email"),
            _shifted(item.get("frist"), shift.programme),
            _shifted(item.get("stornofrist"), shift.programme),
        )
    if boerse.kind == "kita" and "freie_plaetze" in details:
        details["freie_plaetze"] = [
            FreePlaces(
                _shifted(item["ab"], shift.programme), item["anzahl"], item["betreuungsart"], _shifted(item["gemeldet_am"], shift.records)
            )
            for item in details["freie_plaetze"]
        ]
    if "belegt_gemeldet_am" in details:
        details["belegt_gemeldet_am"] = _shifted(details["belegt_gemeldet_am"], shift.records)
    return details
