"""Image variants: sizes, orientation, no metadata left, transparency kept, the cache never changes the output."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from boersen.images.variants import write_pictures
from boersen.problems import Problems

from image_files import jpeg, png_logo
from scratch import FERIEN_OFFER


def checked_picture(data, image: bytes, name: str = "kurs.jpg"):
    data.offer(FERIEN_OFFER + f"bild: {name}\nbild_alt: Kinder üben mit Schwimmbrettern im Becken.\n")
    data.write_bytes(f"ferien/{name}", image)
    catalog, problems = data.load()
    assert problems.errors == []
    return catalog.boersen[0].offers[0].picture


def files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_three_widths_as_webp_and_jpeg(data, tmp_path):
    picture = checked_picture(data, jpeg(1200, 800))
    write_pictures([picture], tmp_path / "out", None, Problems())
    written = files(tmp_path / "out")
    assert {name: opened(content).size for name, content in written.items()} == {
        "ferien/kurs/bild-320.jpg": (320, 213),
        "ferien/kurs/bild-320.webp": (320, 213),
        "ferien/kurs/bild-640.jpg": (640, 427),
        "ferien/kurs/bild-640.webp": (640, 427),
        "ferien/kurs/bild-1024.jpg": (1024, 683),
        "ferien/kurs/bild-1024.webp": (1024, 683),
    }
    assert {opened(content).format for content in written.values()} == {"JPEG", "WEBP"}


def test_gps_position_camera_and_comment_are_gone(data, tmp_path):
    source = jpeg(1200, 800, gps=True)
    assert opened(source).getexif().get_ifd(0x8825)  # the fixture really carries a GPS position
    assert b"Telefon X" in source and b"Badstrasse" in source
    write_pictures([checked_picture(data, source)], tmp_path / "out", None, Problems())
    for name, content in files(tmp_path / "out").items():
        image = opened(content)
        assert len(image.getexif()) == 0, name
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info), name
        for trace in (b"Exif", b"Telefon", b"Badstrasse", b"GPS"):
            assert trace not in content, (name, trace)


def test_the_camera_orientation_is_applied(data, tmp_path):
    # Orientation 6: the camera was turned; the stored 1200 × 800 picture is shown as 800 × 1200.
    source = jpeg(1200, 800, orientation=6)
    write_pictures([checked_picture(data, source)], tmp_path / "out", None, Problems())
    shown = opened((tmp_path / "out/ferien/kurs/bild-640.jpg").read_bytes())
    assert shown.size == (640, 960)
    upright = opened(source).rotate(-90, expand=True).resize((640, 960))
    # the variant's left column is the stored picture's bottom row (turned clockwise), not its top
    difference = sum(abs(a - b) for a, b in zip(shown.getpixel((5, 480)), upright.getpixel((5, 480)), strict=True))
    assert difference < 60


def test_a_small_image_is_never_enlarged(data, tmp_path):
    picture = checked_picture(data, jpeg(200, 150))
    write_pictures([picture], tmp_path / "out", None, Problems())
    assert sorted(files(tmp_path / "out")) == ["ferien/kurs/bild-200.jpg", "ferien/kurs/bild-200.webp"]
    assert opened((tmp_path / "out/ferien/kurs/bild-200.webp").read_bytes()).size == (200, 150)


def test_a_transparent_logo_falls_back_to_png_and_stays_transparent(data, tmp_path):
    picture = checked_picture(data, png_logo(400), "kurs.png")
    write_pictures([picture], tmp_path / "out", None, Problems())
    assert sorted(files(tmp_path / "out")) == [
        "ferien/kurs/bild-320.png",
        "ferien/kurs/bild-320.webp",
        "ferien/kurs/bild-400.png",
        "ferien/kurs/bild-400.webp",
    ]
    for name in ("bild-400.png", "bild-400.webp"):
        image = opened((tmp_path / "out/ferien/kurs" / name).read_bytes())
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0  # the corner stays see-through
        assert image.getpixel((200, 200))[3] == 255


@pytest.mark.parametrize("count", [1, 9], ids=["in-process", "workers"])
def test_a_warm_cache_is_used_and_writes_the_same_bytes_as_a_cold_build(data, tmp_path, count):
    pictures = []
    for number in range(count):
        data.write_bytes(f"ferien/bild{number}.jpg", jpeg(900, 600, seed=number))
        data.offer(FERIEN_OFFER + f"bild: bild{number}.jpg\nbild_alt: Zeichnung Nummer {number}.\n", f"kurs{number}.yaml")
    catalog, _ = data.load()
    pictures = [offer.picture for offer in catalog.boersen[0].offers]
    cache = tmp_path / "cache"
    assert write_pictures(pictures, tmp_path / "cold", cache, Problems()) == count  # every picture decoded and encoded
    stored = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    assert len(stored) == count * 6
    assert write_pictures(pictures, tmp_path / "warm", cache, Problems()) == 0  # nothing decoded again
    assert {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()} == stored
    assert write_pictures(pictures, tmp_path / "uncached", None, Problems()) == count
    assert files(tmp_path / "cold") == files(tmp_path / "warm") == files(tmp_path / "uncached")


def test_a_phone_photo_with_a_second_picture_inside_counts_as_its_first(data, tmp_path):
    # Phones store a depth map or preview as a second picture in the JPEG (Pillow: "MPO"); not an animation.
    buffer = io.BytesIO()
    opened(jpeg(800, 600)).save(buffer, "MPO", save_all=True, append_images=[Image.new("L", (200, 150))])
    assert opened(buffer.getvalue()).format == "MPO"
    write_pictures([checked_picture(data, buffer.getvalue())], tmp_path / "out", None, Problems())
    assert opened((tmp_path / "out/ferien/kurs/bild-640.jpg").read_bytes()).size == (640, 480)


@pytest.mark.parametrize("count", [1, 9], ids=["in-process", "workers"])
@pytest.mark.parametrize("change", ["other picture", "broken", "deleted"])
def test_an_image_that_changes_during_the_build_is_a_problem_not_a_traceback(data, tmp_path, count, change):
    for number in range(count):
        data.write_bytes(f"ferien/bild{number}.jpg", jpeg(900, 600, seed=number))
        data.offer(FERIEN_OFFER + f"bild: bild{number}.jpg\nbild_alt: Zeichnung Nummer {number}.\n", f"kurs{number}.yaml")
    catalog, _ = data.load()
    pictures = [offer.picture for offer in catalog.boersen[0].offers]
    changed = data.root / "ferien/bild0.jpg"
    if change == "deleted":
        changed.unlink()
    else:
        changed.write_bytes(jpeg(900, 600, seed=99) if change == "other picture" else b"kaputt")
    problems = Problems()
    assert write_pictures(pictures, tmp_path / "out", None, problems) == count
    assert [str(problem) for problem in problems.items] == [
        "data/ferien/kurs0.yaml:32:7: bild: data/ferien/bild0.jpg: "
        "Die Bilddatei wurde während des Bauens geändert. Bitte noch einmal bauen."
    ]
    assert not (tmp_path / "out/ferien/kurs0").exists()  # nothing written from a file nobody checked
