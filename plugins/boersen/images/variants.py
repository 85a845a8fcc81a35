"""Writing a checked picture's variants: resized, oriented, without metadata, through a cache.

Every variant is encoded from the pixels alone: EXIF (with GPS position and camera), XMP,
comments and colour profiles are not copied (a photo with a profile is converted to sRGB
first, so colours stay right). Encoded files are kept in a cache folder under a name made
from the source's content hash, the variant and the encoder settings (with Pillow's
version); a build copies a cached file instead of encoding again. The cache holds exactly
the bytes the encoder wrote, so a warm build writes the same output as a cold one.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path

import PIL
from PIL import Image, ImageOps

from ..problems import Problem, Problems
from ..workers import fork_context, start_worker
from .checking import ImageRefused, read_image
from .metadata import in_srgb
from .picture import Picture

# Part of every cache key: a change of settings or of Pillow never reuses old files.
ENCODER_SETTINGS = {
    "webp": {"format": "WEBP", "quality": 75, "method": 4},
    "jpg": {"format": "JPEG", "quality": 80, "optimize": True, "progressive": True},
    "png": {"format": "PNG", "optimize": True},
}
RECIPE = f"pillow-{PIL.__version__}-lanczos-chain-srgb-from-grey-{sorted((k, sorted(v.items())) for k, v in ENCODER_SETTINGS.items())}"
PARALLEL_FROM = 8  # pictures to encode; below that, starting workers costs more than it saves


CHANGED = "Die Bilddatei wurde während des Bauens geändert. Bitte noch einmal bauen."


def cache_name(picture: Picture, width: int, extension: str) -> str:
    key = hashlib.sha256(f"{RECIPE}|{picture.digest}|{width}|{extension}".encode()).hexdigest()[:40]
    return f"{key[:2]}/{key}.{extension}"


def write_pictures(pictures: list[Picture], output: Path, cache: Path | None, problems: Problems) -> int:
    """Write every variant of ``pictures`` into ``output``; returns how many pictures were decoded.
    A file that changed since it was checked is added to ``problems``, its variants are not written."""
    jobs = [(picture, output, cache) for picture in pictures]
    pending = [job for job in jobs if not _copy_cached(*job)]
    context = fork_context()
    if len(pending) < PARALLEL_FROM or context is None:
        found = [_render(job) for job in pending]
    else:
        with context.Pool(os.cpu_count(), initializer=start_worker) as pool:
            found = pool.map(_render, pending, chunksize=4)
    problems.items.extend(problem for problem in found if problem)
    return len(pending)


def _copy_cached(picture: Picture, output: Path, cache: Path | None) -> bool:
    """Copy all variants from the cache; False when any is missing (then all are rendered)."""
    if cache is None:
        return False
    cached = [(cache / cache_name(picture, width, extension), output / path) for path, width, extension in picture.variants()]
    if not all(source.is_file() for source, _ in cached):
        return False
    for source, target in cached:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return True


def _render(job: tuple[Picture, Path, Path | None]) -> Problem | None:
    """Write one picture's variants; a Problem (picklable, from a worker) when its file changed since the check."""
    picture, output, cache = job
    try:
        raw, image = read_image(picture.file)
    except ImageRefused:  # it was a good image when checked: changed, broken or gone meanwhile
        raw, image = b"", None
    if image is None or hashlib.sha256(raw).hexdigest() != picture.digest:
        path, line, column = picture.named_at
        return Problem(path, line, column, "bild", f"{picture.shown_name}: {CHANGED}")
    resized = pixels_only(image, picture.transparent)
    for width in reversed(picture.widths):  # each from the next larger one: a large photo is scaled down once
        resized = resize(resized, width, picture.height_at(width))
        for extension in ("webp", picture.fallback):
            data = encode(resized, extension)
            target = output / picture.file_name(width, extension)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if cache is not None:
                _store(cache / cache_name(picture, width, extension), data)
    return None


def pixels_only(image: Image.Image, transparent: bool) -> Image.Image:
    """The picture upright, in sRGB, as RGB or RGBA pixels with no metadata at all."""
    mode = "RGBA" if transparent else "RGB"
    image = in_srgb(ImageOps.exif_transpose(image), mode)
    if image.mode != mode:
        image = image.convert(mode)
    clean = Image.new(mode, image.size)
    clean.paste(image)  # a fresh image: no info, no EXIF, no profile carried along
    return clean


def resize(image: Image.Image, width: int, height: int) -> Image.Image:
    return image if image.size == (width, height) else image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(image: Image.Image, extension: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, **ENCODER_SETTINGS[extension])
    return buffer.getvalue()


def _store(file: Path, data: bytes) -> None:
    """Into the cache atomically: a build running at the same time sees the whole file or none."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, file)
    except OSError:  # a read-only or full cache only costs time
        pass
