"""A clean copy of an image (what the bridge commits): same type, size and pixels, upright, nothing else."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms, JpegImagePlugin, PngImagePlugin

from boersen.images.checking import check_bytes
from boersen.images.drawing import logo, scene
from boersen.images.metadata import clean_copy, has_location, webp_is_lossless

from image_files import encoded, jpeg, metadata_in, pixel_difference, png_logo

JPEG_CLOSE = (1.5, 64)  # mean and largest channel difference a second JPEG encoding at quality 92 adds (sharp edges: the largest)


def cleaned(data: bytes) -> bytes:
    return clean_copy(data, check_bytes(data))


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def within(difference: tuple[float, int], limit: tuple[float, int]) -> bool:
    return difference[0] <= limit[0] and difference[1] <= limit[1]


def with_iptc(photo: bytes) -> bytes:
    """The JPEG with an IPTC block (APP13, as news agencies and photo software write it) after its start."""
    iptc = b"\x1c\x02\x5a\x00\x09Badstrasse"  # IPTC City
    block = b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc + b"\x00"
    return photo[:2] + b"\xff\xed" + (len(block) + 2).to_bytes(2, "big") + block + photo[2:]


def test_a_phone_photo_loses_position_camera_xmp_iptc_and_comment_and_is_turned_upright():
    photo = with_iptc(jpeg(1200, 800, gps=True, orientation=6))
    assert has_location(check_bytes(photo))  # the fixture really carries all of it
    assert metadata_in(photo) == [
        "comment",
        "dpi",
        "exif",
        "photoshop",
        "xmp",
        "EXIF",
        "Exif",
        "Telefon",
        "Badstrasse",
        "GPS",
        "xmpmeta",
    ]
    clean = cleaned(photo)
    assert metadata_in(clean) == []
    assert opened(clean).format == "JPEG" and opened(clean).size == (800, 1200)
    assert within(pixel_difference(clean, photo), JPEG_CLOSE)
    assert not has_location(check_bytes(clean))


@pytest.mark.parametrize("subsampling", [0, 1, 2], ids=["4:4:4", "4:2:2", "4:2:0"])
def test_a_jpeg_keeps_its_subsampling_and_gets_quality_92(subsampling):
    photo = encoded(scene(640, 480, 3), "JPEG", quality=95, subsampling=subsampling)
    clean = cleaned(photo)
    assert JpegImagePlugin.get_sampling(opened(clean)) == subsampling
    reference = encoded(scene(640, 480, 3), "JPEG", quality=92, subsampling=subsampling)
    assert opened(clean).quantization == opened(reference).quantization
    assert within(pixel_difference(clean, photo), JPEG_CLOSE)


def test_a_colour_profile_is_dropped_only_after_the_pixels_were_converted_to_srgb():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo = encoded(scene(640, 480, 4), "JPEG", quality=95, icc_profile=srgb)
    clean = cleaned(photo)
    assert metadata_in(clean) == []
    assert within(pixel_difference(clean, photo), JPEG_CLOSE)


def test_a_png_logo_keeps_every_pixel_and_its_transparency_but_not_its_text():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Telefon X")
    source = encoded(logo(400, 3), "PNG", pnginfo=text, exif=jpeg_exif())
    assert "Author" in metadata_in(source)
    clean = cleaned(source)
    assert metadata_in(clean) == []
    assert opened(clean).mode == "RGBA"
    assert pixel_difference(clean, source) == (0.0, 0)
    assert pixel_difference(cleaned(png_logo()), png_logo()) == (0.0, 0)


def test_a_palette_png_stays_a_palette_png_with_its_transparent_colour():
    palette = logo(200, 2).convert("RGB").quantize(16)
    source = encoded(palette, "PNG", transparency=0)
    clean = cleaned(source)
    assert opened(clean).mode == "P" and opened(clean).info["transparency"] == 0
    assert pixel_difference(clean, source) == (0.0, 0)
    assert metadata_in(clean) == []


def test_a_lossless_webp_stays_lossless_and_exact():
    source = encoded(logo(300, 1), "WEBP", lossless=True, exif=jpeg_exif())
    assert webp_is_lossless(source) and "EXIF" in metadata_in(source)
    clean = cleaned(source)
    assert webp_is_lossless(clean)
    assert metadata_in(clean) == []
    assert pixel_difference(clean, source) == (0.0, 0)


def test_a_lossy_webp_stays_lossy():
    source = encoded(scene(640, 480, 5), "WEBP", quality=95, exif=jpeg_exif())
    assert not webp_is_lossless(source)
    clean = cleaned(source)
    assert not webp_is_lossless(clean) and opened(clean).format == "WEBP"
    assert clean == encoded(opened(source), "WEBP", quality=90, method=4, exif=b"")  # quality 90
    assert metadata_in(clean) == []
    assert within(pixel_difference(clean, source), (1.5, 48))


def test_the_same_upload_gives_the_same_bytes():
    photo = jpeg(640, 480, gps=True)
    assert cleaned(photo) == cleaned(photo)


def jpeg_exif() -> bytes:
    """The EXIF block of the GPS fixture photo, to put into other file types."""
    return opened(jpeg(64, 48, gps=True)).info["exif"]
