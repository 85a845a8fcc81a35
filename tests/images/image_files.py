"""Image files for the image tests, made here: ordinary photos, one with GPS EXIF, hostile ones."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from boersen.images.drawing import logo, scene

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg(width: int = 1200, height: int = 800, *, orientation: int | None = None, gps: bool = False, seed: int = 1) -> bytes:
    """A drawn photo as a camera writes it; with ``gps`` a position, camera model and comment in EXIF."""
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "Telefonhersteller"  # Make
        exif[0x0110] = "Telefon X"  # Model
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (50.0, 15.0, 30.0), 3: "E", 4: (10.0, 57.0, 51.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    scene(width, height, seed).save(buffer, "JPEG", quality=85, exif=exif.tobytes(), comment=b"Aufgenommen in der Badstrasse 3")
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
