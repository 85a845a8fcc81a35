"""What an image file tells beyond its pixels: whether it reveals where it was taken, and a clean copy.

A phone writes the place (GPS), the phone's make and model, and often XMP, IPTC or a comment
into a photo. The bridge commits uploads into a public repository, so it stores ``clean_copy``:
the same type and dimensions, the camera's orientation applied, and nothing but the pixels (a
colour profile is dropped only after the pixels were converted to sRGB by it). A file committed
with git directly is only checked: ``has_location`` lets the validator warn about a position.
"""

from __future__ import annotations

import contextlib
import io

from PIL import Image, ImageCms, ImageOps, JpegImagePlugin

SRGB = ImageCms.createProfile("sRGB")
JPEG_QUALITY = 92  # high enough that re-encoding a photo once is invisible
WEBP_QUALITY = 90
_GPS_IFD = 0x8825
_GPS_POSITION = (2, 4)  # GPSLatitude, GPSLongitude; a GPS block without them (only a time) reveals no place
_XMP_KEYS = ("xmp", "XML:com.adobe.xmp")  # where Pillow puts XMP: JPEG/WebP, PNG
_PROFILE_MODES = ("RGB", "RGBA", "CMYK", "L")  # modes a colour profile can convert from


def has_location(image: Image.Image) -> bool:
    """Whether a decoded image carries the position it was taken at (EXIF GPS or XMP)."""
    if any(tag in image.getexif().get_ifd(_GPS_IFD) for tag in _GPS_POSITION):
        return True
    xmp = b"".join(_as_bytes(image.info.get(key, b"")) for key in _XMP_KEYS)
    return b"GPSLatitude" in xmp or b"GPSLongitude" in xmp


def clean_copy(raw: bytes, image: Image.Image) -> bytes:
    """The file ``raw`` (decoded as ``image`` by checking.decode) re-encoded upright without any metadata,
    as the same type at the same displayed size: JPEG with its chroma subsampling, PNG lossless (palette
    and transparency kept), WebP lossless when it was, else lossy."""
    pixels = in_srgb(ImageOps.exif_transpose(image))
    clean = pixels.copy()  # copies pixels, palette and info, never the parsed EXIF
    clean.info = {"transparency": pixels.info["transparency"]} if "transparency" in pixels.info else {}
    buffer = io.BytesIO()
    if image.format == "PNG":
        clean.save(buffer, "PNG")
    elif image.format == "WEBP":
        options = {"lossless": True, "exact": True} if webp_is_lossless(raw) else {"quality": WEBP_QUALITY}
        clean.save(buffer, "WEBP", method=4, **options)
    else:  # JPEG, or a phone's MPO (its first picture)
        sampling = JpegImagePlugin.get_sampling(image)
        options = {"subsampling": sampling} if sampling >= 0 and clean.mode != "L" else {}
        clean.save(buffer, "JPEG", quality=JPEG_QUALITY, **options)
    return buffer.getvalue()


def in_srgb(image: Image.Image, mode: str | None = None) -> Image.Image:
    """The image converted to sRGB by its colour profile (in ``mode``, or RGB/RGBA by its alpha); unchanged
    without a profile, or when the profile is broken or cannot convert this mode. The profile stays in
    ``info``: callers copy only the pixels."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in _PROFILE_MODES:
        return image
    mode = mode or ("RGBA" if image.mode == "RGBA" else "RGB")
    with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):  # a broken profile: keep the pixels as they are
        return ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), SRGB, outputMode=mode)
    return image


def webp_is_lossless(raw: bytes) -> bool:
    """Whether a WebP file's picture is stored lossless (a VP8L chunk) rather than lossy (VP8)."""
    position = 12  # after "RIFF", the size and "WEBP": chunks of a four-letter name, a size and the data
    while position + 8 <= len(raw):
        name = raw[position : position + 4]
        if name in (b"VP8L", b"VP8 "):
            return name == b"VP8L"
        size = int.from_bytes(raw[position + 4 : position + 8], "little")
        position += 8 + size + (size & 1)  # chunks are padded to an even length
    return False


def _as_bytes(value: str | bytes) -> bytes:
    return value.encode("utf-8", "replace") if isinstance(value, str) else value
