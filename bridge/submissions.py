"""From a submitted form to the files a pull request will carry, checked by the project's validator.

The form's values become data (``boersen.forms``), the data becomes the text of the file that
would be written (``boersen.yaml_writer``), and that text is checked exactly as a file in
``data/`` is (``boersen.catalog.check_offer_text``). Errors come back by form field, so the form
shows them next to what was typed. The file name comes from a slug the server makes: never a
path from the form, never the name of another offer. An uploaded image is checked by the
validator's own checker (``boersen.images.checking``) and named after the offer file
(``<slug>.jpg|png|webp`` by the decoded type, never the uploaded name); what is delivered is a clean
copy without the place, camera and other metadata (``boersen.images.metadata``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from boersen import schema as schemas
from boersen.catalog import DATA_FOLDER, ORGANISATIONS_FOLDER, Catalog, check_offer_text, check_organisation_text
from boersen.forms import FormValues, form_data, form_name
from boersen.images.checking import ImageRefused, check_bytes, file_extension
from boersen.images.metadata import clean_copy
from boersen.model import Boerse, Offer
from boersen.problems import FILE_LEVEL, Problems
from boersen.schema_check import slugify
from boersen.site_paths import RESERVED_OFFER_NAMES, free_name
from boersen.source import read_text
from boersen.yaml_writer import dump, normalise

from .forges import blob_sha

NEW_ORGANISATION = "__neu__"
ORGANISATION_PREFIX = "neuer_anbieter."
CONTACT_PREFIX = "rueckfrage."
PICTURE_FIELD = "bild"  # the form's file field
CHOOSE_AGAIN = "Bitte wählen Sie die Bilddatei noch einmal aus."


@dataclass
class Prepared:
    """A checked submission: either ``errors`` (by form name, "" for the whole form) or files to deliver."""

    errors: dict[str, list[str]] = field(default_factory=dict)
    path: str = ""
    files: dict[str, str | bytes | None] = field(default_factory=dict)  # text, an image's bytes, None: delete
    expected: dict[str, str | None] = field(default_factory=dict)
    title: str = ""
    organisation: str = ""
    contact: dict[str, str] = field(default_factory=dict)

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)


def repository_path(boerse: Boerse, file_name: str) -> str:
    return f"{DATA_FOLDER}/{boerse.slug}/{file_name}"


def offer_text(data: dict, schema: dict, *, markdown: bool) -> str:
    """The text of an offer file; a .md file keeps its description below the fields."""
    if not markdown:
        return dump(data, schema)
    fields = {key: value for key, value in data.items() if key != "beschreibung"}
    description = normalise(data.get("beschreibung", "")).rstrip("\n")
    return f"---\n{dump(fields, schema)}---\n\n{description}\n" if description else f"---\n{dump(fields, schema)}---\n"


def prepare(
    catalog: Catalog,
    boerse: Boerse,
    values: FormValues,
    *,
    data_dir: Path,
    today: datetime.date,
    taken: set[str],
    existing: Offer | None = None,
    basis: str | None = None,
    upload: bytes | None = None,
) -> Prepared:
    """Check a submission for a new offer of ``boerse``, or a change to ``existing``; ``upload`` is
    the image file sent with it (read with at most MAX_IMAGE_BYTES + 1 bytes)."""
    result = Prepared()
    data = form_data(boerse.schema, values)
    data["bestaetigt_am"] = today.isoformat()
    new_organisation = _organisation(catalog, values, data, data_dir, result)
    if existing is None:
        file_name = _free_name(boerse, data.get("titel", ""), data_dir, taken)
        result.expected = {repository_path(boerse, file_name): None}
    else:
        file_name = Path(existing.source).name
        if existing.picture:  # kept unless a new file replaces it
            data["bild"] = existing.picture.file.name
        current = _current_text(data_dir, boerse, file_name)
        if current is None or blob_sha(current) != basis:
            result.error(
                "",
                "Das Angebot wurde geändert, seit Sie das Formular geöffnet haben. Bitte laden Sie das Formular neu; "
                "Ihre Eingaben unten können Sie vorher kopieren.",
            )
        result.expected = {repository_path(boerse, file_name): basis}
    result.path = repository_path(boerse, file_name)
    image = _image(upload, boerse, file_name, data_dir, existing, data, result) if upload is not None else {}
    text = offer_text(data, boerse.schema, markdown=file_name.endswith(".md"))
    problems = check_offer_text(catalog, boerse, file_name, text, new_organisations=(data["anbieter"],) if new_organisation else ())
    _collect(problems, "", result)
    _check_round_trip(text, data, file_name, result)
    _contact(values, result)
    result.files = {result.path: text, **image}
    if new_organisation:
        slug, org_text = new_organisation
        path = f"{DATA_FOLDER}/{ORGANISATIONS_FOLDER}/{slug}.yaml"
        result.files[path] = org_text
        result.expected[path] = None
    result.title = str(data.get("titel", ""))
    result.organisation = str(data.get("anbieter", ""))
    return result


def _image(
    upload: bytes, boerse: Boerse, file_name: str, data_dir: Path, existing: Offer | None, data: dict, result: Prepared
) -> dict[str, bytes | None]:
    """The uploaded image, cleaned of its metadata, as files to deliver (a replaced file of another type is
    deleted); ``bild`` in ``data`` names it. A refused file is reported at the field; ``bild`` still names
    a file so its alt text is checked."""
    image = None
    try:
        image = check_bytes(upload)
        extension = file_extension(image)
    except ImageRefused as error:
        result.error(PICTURE_FIELD, f"{error} {CHOOSE_AGAIN}")
        extension = "jpg"
    name = f"{Path(file_name).stem}.{extension}"
    data["bild"] = name
    if image is None:
        return {}
    folder = data_dir / boerse.slug
    files: dict[str, bytes | None] = {repository_path(boerse, name): clean_copy(upload, image)}  # the repository is public
    result.expected[repository_path(boerse, name)] = _file_sha(folder / name)
    if existing and existing.picture and existing.picture.file.name != name:  # a JPEG replaced by a PNG: one image, not two
        old = repository_path(boerse, existing.picture.file.name)
        files[old] = None
        result.expected[old] = _file_sha(folder / existing.picture.file.name)
    return files


def _file_sha(file: Path) -> str | None:
    """The git id of a file in the data folder (what the base branch must hold), None when there is none."""
    try:
        return blob_sha(file.read_bytes())
    except FileNotFoundError:
        return None


def _organisation(catalog: Catalog, values: FormValues, data: dict, data_dir: Path, result: Prepared) -> tuple[str, str] | None:
    """The chosen organisation, or a new one entered in the form (its slug and file text)."""
    chosen = values.one("anbieter").strip()
    if chosen != NEW_ORGANISATION:
        if chosen:
            data["anbieter"] = chosen
        return None
    schema = schemas.organisation_schema()
    organisation = form_data(schema, values, prefix=ORGANISATION_PREFIX)
    taken = set(catalog.organisations) | {path.stem for path in (data_dir / ORGANISATIONS_FOLDER).glob("*.*")}
    slug = free_name(slugify(organisation.get("name", "")) or "anbieter", taken)
    text = dump(organisation, schema)
    _collect(check_organisation_text(f"{slug}.yaml", text), ORGANISATION_PREFIX, result)
    data["anbieter"] = slug
    return slug, text


def _free_name(boerse: Boerse, title: str, data_dir: Path, taken: set[str]) -> str:
    folder = data_dir / boerse.slug
    existing = {path.stem for path in folder.iterdir()} if folder.is_dir() else set()
    existing |= {Path(path).stem for path in taken} | {offer.slug for offer in boerse.offers} | RESERVED_OFFER_NAMES
    base = slugify(title)[:60].strip("-") or "angebot"
    return f"{free_name(base, existing)}.yaml"


def _current_text(data_dir: Path, boerse: Boerse, file_name: str) -> str | None:
    try:
        return (data_dir / boerse.slug / file_name).read_text(encoding="utf-8")
    except OSError:
        return None


def _collect(problems: Problems, prefix: str, result: Prepared) -> None:
    for problem in problems.errors:
        name = "" if problem.field == FILE_LEVEL else prefix + form_name(problem.field)
        result.error(name, problem.message)


def _check_round_trip(text: str, data: dict, file_name: str, result: Prepared) -> None:
    """The written file must read back as exactly what was submitted (it always should)."""
    document = read_text(text, file_name, Problems(), front_matter=file_name.endswith(".md"))
    if document is None:
        return  # check_offer_text reported why
    written = dict(document.data)
    if document.body:
        written["beschreibung"] = document.body + "\n" if "\n" in document.body else document.body
    if written != normalise(data):
        result.error("", "Die Angaben ließen sich nicht verlustfrei speichern. Bitte melden Sie das der Stadt.")


def _contact(values: FormValues, result: Prepared) -> None:
    """The submitter's own contact, for questions from the editors: never written into the repository."""
    contact = {key: values.one(CONTACT_PREFIX + key).strip() for key in ("name", "email", "telefon")}
    contact = {key: value for key, value in contact.items() if value}
    if not contact.get("email") and not contact.get("telefon"):
        result.error(
            CONTACT_PREFIX + "email", "Bitte geben Sie eine E-Mail-Adresse oder Telefonnummer an, damit die Redaktion nachfragen kann."
        )
    if contact.get("email") and not re.search(schemas.EMAIL_PATTERN, contact["email"]):
        result.error(
            CONTACT_PREFIX + "email", f"„{contact['email']}“ ist keine gültige E-Mail-Adresse. Erwartet wird z. B. info@verein.de."
        )
    if contact.get("telefon") and not re.search(schemas.PHONE_PATTERN, contact["telefon"]):
        result.error(CONTACT_PREFIX + "telefon", f"„{contact['telefon']}“ ist keine gültige Telefonnummer, z. B. 09571 82-1234.")
    result.contact = contact
