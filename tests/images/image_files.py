"""Image files for the image tests, made here: ordinary photos, one with GPS EXIF, hostile ones."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageChops, ImageOps, ImageStat

from boersen.images.drawing import logo, scene

GPS_IFD = 0x8825
ORIENTATION = 0x0112


XMP_WITH_POSITION = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" '
    b'exif:GPSLatitude="50,15.5N" exif:GPSLongitude="10,57.85E" tiff:Model="Telefon X"/></rdf:RDF></x:xmpmeta>'
)


def jpeg(
    width: int = 1200,
    height: int = 800,
    *,
    orientation: int | None = None,
    gps: bool = False,
    camera: bool = False,
    xmp: bytes | None = None,
    seed: int = 1,
) -> bytes:
    """A drawn photo as a camera writes it; with ``gps`` a position and the camera in EXIF, the position
    in XMP too; with ``camera`` only the camera's make and model. Every one has a comment."""
    exif = Image.Exif()
    if gps or camera:
        exif[0x010F] = "Telefonhersteller"  # Make
        exif[0x0110] = "Telefon X"  # Model
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (50.0, 15.0, 30.0), 3: "E", 4: (10.0, 57.0, 51.0)})
        xmp = xmp or XMP_WITH_POSITION
    if orientation:
        exif[ORIENTATION] = orientation
    options = {"xmp": xmp} if xmp else {}
    buffer = io.BytesIO()
    scene(width, height, seed).save(buffer, "JPEG", quality=85, exif=exif.tobytes(), comment=b"Aufgenommen in der Badstrasse 3", **options)
    return buffer.getvalue()


def png_logo(size: int = 400) -> bytes:
    buffer = io.BytesIO()
    logo(size, 3).save(buffer, "PNG")
    return buffer.getvalue()


def encoded(image: Image.Image, format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def animated(format: str) -> bytes:
    frames = [Image.new("RGB", (64, 64), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` × ``height`` pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>'


PLAIN_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "transparency", "background", "loop"}  # how pixels are stored
TRACES = (b"Exif", b"Telefon", b"Badstrasse", b"GPS", b"xmpmeta", b"ICC_PROFILE", b"iCCP", b"tEXt", b"iTXt")


def metadata_in(data: bytes) -> list[str]:
    """Everything in an image file beyond its pixels that a reader could find; empty when there is nothing."""
    image = Image.open(io.BytesIO(data))
    found = sorted(set(image.info) - PLAIN_INFO)
    if len(image.getexif()):
        found.append("EXIF")
    return found + [trace.decode() for trace in TRACES if trace in data]


def pixel_difference(stored: bytes, upload: bytes) -> tuple[float, int]:
    """The mean and largest difference of any channel between two files' pictures, the upload turned
    upright first: (0, 0) when the pixels are equal."""

    def pixels(data: bytes) -> Image.Image:
        return ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGBA")

    first, second = pixels(stored), pixels(upload)
    assert first.size == second.size, (first.size, second.size)
    difference = ImageChops.difference(first, second)
    return max(ImageStat.Stat(difference).mean), max(high for _, high in difference.getextrema())
