"""Checking offer images and logos: alt text rules, file rules, hostile files; messages asserted exactly."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from boersen.images.checking import ALT_PURPOSE, MAX_IMAGE_BYTES

from image_files import SVG_WITH_SCRIPT, XMP_WITH_POSITION, animated, encoded, jpeg, png_declaring, png_logo
from scratch import FERIEN_OFFER, ORGANISATION

ALLOWED = "Erlaubt sind JPEG (.jpg), PNG (.png) oder WebP (.webp)."
NO_SVG = f"SVG-Grafiken sind als Bild nicht erlaubt (sie können Programmcode enthalten). {ALLOWED}"
WITH_IMAGE = FERIEN_OFFER + "bild: kurs.jpg\nbild_alt: Kinder üben mit Schwimmbrettern im Becken.\n"


def offer_with(data, image: bytes | None, text: str = WITH_IMAGE, name: str = "kurs.jpg") -> None:
    data.offer(text)
    if image is not None:
        data.write_bytes(f"ferien/{name}", image)


def test_an_offer_with_an_image_is_valid_and_the_image_is_not_an_unknown_file(data):
    offer_with(data, jpeg())
    assert data.messages(warnings=True) == []
    catalog, _ = data.load()
    picture = catalog.boersen[0].offers[0].picture
    assert (picture.width, picture.height, picture.transparent) == (1200, 800, False)
    assert picture.alt == "Kinder üben mit Schwimmbrettern im Becken."
    assert picture.path == "ferien/kurs/bild"


def test_the_displayed_size_follows_the_camera_orientation(data):
    offer_with(data, jpeg(1200, 800, orientation=6))
    catalog, _ = data.load()
    picture = catalog.boersen[0].offers[0].picture
    assert (picture.width, picture.height) == (800, 1200)


def test_an_organisation_logo_with_transparency(data):
    data.write("anbieter/tsv.yaml", ORGANISATION + "bild: tsv.png\nbild_alt: Ein grüner Kreis mit einem hellen Zelt.\nbild_quelle: TSV\n")
    data.write_bytes("anbieter/tsv.png", png_logo(400))
    data.offer()
    catalog, problems = data.load()
    assert problems.items == []
    logo = catalog.organisations["tsv"].picture
    assert (logo.width, logo.height, logo.transparent, logo.credit, logo.path) == (400, 400, True, "TSV", "anbieter/tsv/logo")


def test_alt_text_is_required(data):
    offer_with(data, jpeg(), FERIEN_OFFER + "bild: kurs.jpg\n")
    assert data.messages() == [f"data/ferien/kurs.yaml:32:1: bild_alt: Zum Bild fehlt „bild_alt“. {ALT_PURPOSE}"]


@pytest.mark.parametrize(
    ("alt", "message"),
    [
        ("Bild", "„Bild“ sagt nicht, was zu sehen ist."),
        ("Foto.", "„Foto.“ sagt nicht, was zu sehen ist."),
        ("kurs.jpg", "Der Dateiname sagt nicht, was zu sehen ist."),
        ("KURS", "Der Dateiname sagt nicht, was zu sehen ist."),
        ('""', "Der Alternativtext ist leer."),
        ('"   "', "Der Alternativtext ist leer."),
    ],
)
def test_alt_text_that_says_nothing_is_refused(data, alt, message):
    offer_with(data, jpeg(), FERIEN_OFFER + f"bild: kurs.jpg\nbild_alt: {alt}\n")
    assert data.messages() == [f"data/ferien/kurs.yaml:33:11: bild_alt: {message} {ALT_PURPOSE}"]


def test_alt_text_and_credit_without_an_image(data):
    data.offer(FERIEN_OFFER + "bild_alt: Kinder im Wasser.\nbild_quelle: Anna Beispiel\n")
    assert data.messages() == [
        "data/ferien/kurs.yaml:32:1: bild_alt: „bild_alt“ gehört zu einem Bild, aber das Feld „bild“ fehlt.",
        "data/ferien/kurs.yaml:33:1: bild_quelle: „bild_quelle“ gehört zu einem Bild, aber das Feld „bild“ fehlt.",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "../geheim.jpg",
            "„../geheim.jpg“ ist kein Name einer Bilddatei in diesem Ordner. Erwartet wird nur der Dateiname, z. B. „schwimmkurs.jpg“, "
            "ohne Ordner davor: das Bild muss im selben Ordner liegen wie diese Datei.",
        ),
        (
            "/etc/passwd.png",
            "„/etc/passwd.png“ ist kein Name einer Bilddatei in diesem Ordner. Erwartet wird nur der Dateiname, z. B. „schwimmkurs.jpg“, "
            "ohne Ordner davor: das Bild muss im selben Ordner liegen wie diese Datei.",
        ),
        (
            "logo.svg",
            "„logo.svg“ ist kein Name einer Bilddatei in diesem Ordner. Erwartet wird nur der Dateiname, z. B. „schwimmkurs.jpg“, "
            "mit der Endung .jpg, .jpeg, .png oder .webp.",
        ),
    ],
)
def test_the_image_must_be_a_plain_file_name_of_an_allowed_type(data, name, message):
    offer_with(data, None, FERIEN_OFFER + f'bild: "{name}"\nbild_alt: Kinder im Wasser.\n')
    assert data.messages() == [f"data/ferien/kurs.yaml:32:7: bild: {message}"]


def test_a_missing_image_file(data):
    offer_with(data, None)
    assert data.messages() == [
        "data/ferien/kurs.yaml:32:7: bild: Die Bilddatei „kurs.jpg“ gibt es nicht. Sie muss im selben Ordner liegen wie diese Datei."
    ]


def refused(data, image: bytes, name: str = "kurs.jpg") -> list[str]:
    offer_with(data, image, WITH_IMAGE.replace("kurs.jpg", name), name)
    return data.messages()


BROKEN = "Das Bild ist beschädigt oder unvollständig und kann nicht gelesen werden. Bitte die Datei neu speichern oder neu hochladen."
TOO_MANY_PIXELS = "Das Bild hat zu viele Bildpunkte: erlaubt sind höchstens 40 Megapixel. Bitte verkleinern."


@pytest.mark.parametrize(
    ("image", "name", "message"),
    [
        (SVG_WITH_SCRIPT, "kurs.png", NO_SVG),
        (b"<?xml version='1.0'?>\n" + SVG_WITH_SCRIPT, "kurs.webp", NO_SVG),
        (b"Das ist gar kein Bild.\n", "kurs.jpg", f"Die Datei ist kein Bild einer erlaubten Art. {ALLOWED}"),
        (encoded(Image.new("RGB", (8, 8)), "GIF"), "kurs.jpg", f"Die Datei ist kein Bild einer erlaubten Art. {ALLOWED}"),
        (encoded(Image.new("RGB", (8, 8)), "BMP"), "kurs.png", f"Die Datei ist kein Bild einer erlaubten Art. {ALLOWED}"),
        (jpeg()[:6000], "kurs.jpg", BROKEN),
        (png_logo()[:-200], "kurs.png", BROKEN),
        (png_declaring(30_000, 30_000), "kurs.png", TOO_MANY_PIXELS),  # 900 megapixels declared in a tiny file
        (encoded(Image.new("L", (8_000, 6_000)), "PNG"), "kurs.png", TOO_MANY_PIXELS),  # 48 megapixels, really there
        (animated("WEBP"), "kurs.webp", "Bewegte Bilder (Animationen) sind nicht erlaubt. Bitte ein einzelnes, stehendes Bild verwenden."),
        (animated("PNG"), "kurs.png", "Bewegte Bilder (Animationen) sind nicht erlaubt. Bitte ein einzelnes, stehendes Bild verwenden."),
        (b"\xff" * (MAX_IMAGE_BYTES + 1), "kurs.jpg", "Das Bild ist zu groß: erlaubt sind höchstens 10 MB. Bitte verkleinern."),
    ],
    ids=["svg", "svg-xml", "text", "gif", "bmp", "truncated-jpeg", "truncated-png", "bomb-header", "too-many-pixels", "animated-webp",
         "animated-png", "too-large"],
)  # fmt: skip
def test_hostile_or_wrong_files_are_refused_with_the_file_name(data, image, name, message):
    assert refused(data, image, name) == [f"data/ferien/kurs.yaml:32:7: bild: data/ferien/{name}: {message}"]


def test_a_jpeg_named_png_is_fine_the_content_counts(data):
    assert refused(data, jpeg(), "kurs.png") == []


def test_a_linked_image_is_never_opened(data, tmp_path):
    secret = tmp_path / "geheim.jpg"
    secret.write_bytes(jpeg())
    data.offer(WITH_IMAGE)
    os.symlink(secret, data.root / "ferien" / "kurs.jpg")
    link = "Verknüpfungen (Symlinks) werden aus Sicherheitsgründen nicht gelesen. Bitte die Datei oder den Ordner selbst hierher legen."
    assert data.messages() == [
        f"data/ferien/kurs.jpg:1:1: (Datei): {link}",
        f"data/ferien/kurs.yaml:32:7: bild: data/ferien/kurs.jpg: {link}",
    ]


def test_an_image_no_file_names_gets_a_warning(data):
    data.offer()  # without a "bild" line
    data.write_bytes("ferien/kurs.jpg", jpeg())
    data.write_bytes("anbieter/tsv-logo.png", png_logo())
    assert data.messages(warnings=True) == [
        "data/anbieter/tsv-logo.png:1:1: (Datei): Warnung: Keine Datei in diesem Ordner nennt dieses Bild, es erscheint deshalb nicht "
        "auf der Webseite. Im Angebot oder beim Anbieter gehört dazu die Zeile „bild: tsv-logo.png“.",
        "data/ferien/kurs.jpg:1:1: (Datei): Warnung: Keine Datei in diesem Ordner nennt dieses Bild, es erscheint deshalb nicht "
        "auf der Webseite. Im Angebot oder beim Anbieter gehört dazu die Zeile „bild: kurs.jpg“.",
    ]


LOCATION_WARNING = (
    "data/ferien/kurs.yaml:32:7: bild: Warnung: data/ferien/kurs.jpg: Das Bild enthält den Ort, an dem es aufgenommen wurde "
    "(GPS-Standortdaten). Auf der Webseite wird er entfernt, im Repository kann ihn aber jeder sehen. Bitte das Bild ohne "
    "Standort speichern oder über das Formular zum Eintragen hochladen: Das Formular entfernt ihn."
)


@pytest.mark.parametrize("image", [jpeg(gps=True), jpeg(camera=True, xmp=XMP_WITH_POSITION)], ids=["EXIF-GPS", "nur-XMP"])
def test_an_image_with_its_position_gets_a_warning_and_is_still_published(data, image):
    offer_with(data, image)
    assert data.messages(warnings=True) == [LOCATION_WARNING]
    assert data.messages() == []
    catalog, _ = data.load()
    assert catalog.boersen[0].offers[0].picture is not None


def test_the_camera_alone_is_no_reason_to_warn(data):
    image = jpeg(camera=True)
    assert Image.open(io.BytesIO(image)).getexif()[0x0110] == "Telefon X"  # the model is there
    offer_with(data, image)
    assert data.messages(warnings=True) == []
