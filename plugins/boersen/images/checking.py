"""Checking an image a data file names in ``bild``: the file, the picture in it, and its alt text.

An image is accepted only when Pillow decodes it completely as JPEG, PNG or WebP; the
extension proves nothing. Its size in bytes is limited before anything is decoded, and its
dimensions are read from the header before the pixels are, so a decompression bomb (a
small file declaring a gigantic picture) is refused without allocating its memory.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..problems import Problems
from ..source import Document, UnsafeFile, read_limited
from .metadata import has_location
from .picture import Picture

MAX_IMAGE_BYTES = 10_000_000
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = ["JPEG", "PNG", "WEBP"]  # a phone's JPEG with a depth map opens as "MPO": its first picture counts
ALLOWED_TEXT = "JPEG (.jpg), PNG (.png) oder WebP (.webp)"
# Pillow checks the dimensions in the header when it opens a file, before any pixel is decoded: it
# warns above MAX_IMAGE_PIXELS and raises above twice that. With our limit as its limit and the
# warning turned into an error (decode), both refuse the picture.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
_EXIF_ORIENTATION = 0x0112
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_GENERIC_ALT = {"bild", "foto", "photo", "image", "logo", "grafik", "abbildung", "picture", "img"}

ALT_PURPOSE = (
    "Der Alternativtext beschreibt in einem Satz, was auf dem Bild zu sehen ist, "
    "z. B. „Kinder üben mit Schwimmbrettern im Lehrschwimmbecken“. "
    "Blinde Menschen hören ihn statt des Bildes; er erscheint auch, wenn das Bild nicht lädt."
)


BROKEN = "Das Bild ist beschädigt oder unvollständig und kann nicht gelesen werden. Bitte die Datei neu speichern oder neu hochladen."
LOCATION = (
    "Das Bild enthält den Ort, an dem es aufgenommen wurde (GPS-Standortdaten). Auf der Webseite wird er entfernt, "
    "im Repository kann ihn aber jeder sehen. Bitte das Bild ohne Standort speichern oder über das Formular "
    "zum Eintragen hochladen: Das Formular entfernt ihn."
)
MISSING = "missing"  # ImageRefused's message when there is no such file (callers word it)


class ImageRefused(Exception):
    """The file is not an image the site publishes; the message says why, in German."""


def read_image(file: Path) -> tuple[bytes, Image.Image]:
    """The file's bytes and the decoded image, or ImageRefused with the reason."""
    try:
        raw = read_limited(file, MAX_IMAGE_BYTES)
    except UnsafeFile as error:
        raise ImageRefused(str(error)) from None
    except FileNotFoundError:
        raise ImageRefused(MISSING) from None
    except OSError as error:
        raise ImageRefused(f"Die Datei kann nicht gelesen werden ({error.strerror}).") from None
    return raw, check_bytes(raw)


def check_bytes(raw: bytes) -> Image.Image:
    """The decoded image of a file's bytes (read with at most MAX_IMAGE_BYTES + 1), or ImageRefused.
    The validator reads files with it, the bridge its uploads."""
    if len(raw) > MAX_IMAGE_BYTES:
        raise ImageRefused(f"Das Bild ist zu groß: erlaubt sind höchstens {MAX_IMAGE_BYTES // 1_000_000} MB. Bitte verkleinern.")
    return decode(raw)


def file_extension(image: Image.Image) -> str:
    """The extension a decoded image's file gets (a phone's MPO is a JPEG)."""
    return {"PNG": "png", "WEBP": "webp"}.get(image.format, "jpg")


def decode(raw: bytes) -> Image.Image:
    """Decode ``raw`` completely; every way a file can be broken or hostile ends in ImageRefused."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=ALLOWED_FORMATS)
        except (UnidentifiedImageError, SyntaxError):
            if b"<svg" in raw[:4096].lower():
                raise ImageRefused(
                    f"SVG-Grafiken sind als Bild nicht erlaubt (sie können Programmcode enthalten). Erlaubt sind {ALLOWED_TEXT}."
                ) from None
            raise ImageRefused(f"Die Datei ist kein Bild einer erlaubten Art. Erlaubt sind {ALLOWED_TEXT}.") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRefused(_too_many_pixels()) from None
        except Exception:  # a header Pillow cannot make sense of
            raise ImageRefused(f"Die Datei ist beschädigt oder kein Bild einer erlaubten Art. Erlaubt sind {ALLOWED_TEXT}.") from None
        try:
            animated = image.format != "MPO" and getattr(image, "n_frames", 1) > 1
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRefused(_too_many_pixels()) from None
        except Exception:  # truncated data, bad chunks, wrong checksums …
            raise ImageRefused(BROKEN) from None
    if animated:
        raise ImageRefused("Bewegte Bilder (Animationen) sind nicht erlaubt. Bitte ein einzelnes, stehendes Bild verwenden.")
    return image


def _too_many_pixels() -> str:
    return f"Das Bild hat zu viele Bildpunkte: erlaubt sind höchstens {MAX_PIXELS // 1_000_000} Megapixel. Bitte verkleinern."


def displayed_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as shown, after the camera's orientation tag is applied."""
    width, height = image.size
    return (height, width) if image.getexif().get(_EXIF_ORIENTATION) in _TURNED else (width, height)


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def check_picture(document: Document, data_file: Path, problems: Problems) -> Picture | None:
    """The Picture of ``bild`` in a schema-checked document, or None (nothing named, or errors reported)."""
    before = len(problems.errors)
    alt = check_picture_fields(document, problems)
    name = document.data.get("bild")
    if name is None or len(problems.errors) > before:
        return None
    line, column = document.position(("bild",))
    shown_name = f"{document.path.rsplit('/', 1)[0]}/{name}"
    try:
        raw, image = read_image(data_file.parent / name)
    except ImageRefused as error:
        message = str(error)
        if message == MISSING:
            message = f"Die Bilddatei „{name}“ gibt es nicht. Sie muss im selben Ordner liegen wie diese Datei."
        else:
            message = f"{shown_name}: {message}"
        problems.error(document.path, line, column, "bild", message)
        return None
    if has_location(image):
        problems.warning(document.path, line, column, "bild", f"{shown_name}: {LOCATION}")
    width, height = displayed_size(image)
    digest = hashlib.sha256(raw).hexdigest()
    credit = document.data.get("bild_quelle")
    return Picture(
        data_file.parent / name,
        digest,
        width,
        height,
        has_alpha(image),
        alt,
        credit,
        named_at=(document.path, line, column),
        shown_name=shown_name,
    )


def check_picture_fields(document: Document, problems: Problems) -> str:
    """What can be checked without the file: alt text and credit belong to an image, the alt text says
    what it shows. Returns the alt text ("" when there is none or it was refused)."""
    data = document.data
    if "bild" in data:
        return _check_alt(document, data["bild"], problems)
    for key in ("bild_alt", "bild_quelle"):
        if key in data:
            line, column = document.key_position((key,))
            problems.error(document.path, line, column, key, f"„{key}“ gehört zu einem Bild, aber das Feld „bild“ fehlt.")
    return ""


def _check_alt(document: Document, name: str, problems: Problems) -> str:
    """The alt text, or "" with an error explaining what it is for."""
    alt = document.data.get("bild_alt")
    if alt is None:
        line, column = document.key_position(("bild",))
        problems.error(document.path, line, column, "bild_alt", f"Zum Bild fehlt „bild_alt“. {ALT_PURPOSE}")
        return ""
    line, column = document.position(("bild_alt",))
    stripped = alt.strip().rstrip(".").strip()
    stem = name.rsplit(".", 1)[0]
    if not stripped:
        problems.error(document.path, line, column, "bild_alt", f"Der Alternativtext ist leer. {ALT_PURPOSE}")
    elif stripped.casefold() in _GENERIC_ALT:
        problems.error(document.path, line, column, "bild_alt", f"„{alt}“ sagt nicht, was zu sehen ist. {ALT_PURPOSE}")
    elif stripped.casefold() in (name.casefold(), stem.casefold()):
        problems.error(document.path, line, column, "bild_alt", f"Der Dateiname sagt nicht, was zu sehen ist. {ALT_PURPOSE}")
    else:
        return alt.strip()
    return ""


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")  # image files in a data folder are read only through a "bild" field
