"""A checked image as pages use it: its variants' widths, file names and srcset (no Pillow here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WIDTHS = (320, 640, 1024)  # a phone's card, a phone's page at 2x, a desktop page; never enlarged
THUMBNAIL_WIDTH = 320  # what result cards load


@dataclass(frozen=True)
class Picture:
    """An image that passed the checks, with its size as displayed (orientation applied)."""

    file: Path
    digest: str  # sha256 of the file's bytes: the cache key, and proof the file did not change
    width: int
    height: int
    transparent: bool  # has an alpha channel: its fallback is PNG, which keeps it, not JPEG
    alt: str
    credit: str | None = None
    path: str = ""  # where the variants go in the site, without "-<width>.<ext>": "ferien/schwimmkurs/bild"
    named_at: tuple[str, int, int] = ("", 0, 0)  # the data file and line, column of its "bild": where problems point
    shown_name: str = ""  # the image file as messages name it: "data/ferien/schwimmkurs.jpg"

    @property
    def widths(self) -> list[int]:
        return sorted({min(width, self.width) for width in WIDTHS})

    @property
    def fallback(self) -> str:
        """The format for browsers without WebP (and for JSON-LD and Open Graph)."""
        return "png" if self.transparent else "jpg"

    def height_at(self, width: int) -> int:
        return max(1, round(self.height * width / self.width))

    def file_name(self, width: int, extension: str) -> str:
        return f"{self.path}-{width}.{extension}"

    def srcset(self, extension: str, base: str = "") -> str:
        return ", ".join(f"{base}/{self.file_name(width, extension)} {width}w" for width in self.widths)

    def largest(self, extension: str) -> str:
        return self.file_name(self.widths[-1], extension)

    def thumbnail(self) -> tuple[str, int, int]:
        """Path, width and height of the small WebP a result card shows."""
        width = self.widths[0]  # THUMBNAIL_WIDTH, or the whole image when it is narrower
        return self.file_name(width, "webp"), width, self.height_at(width)

    def variants(self) -> list[tuple[str, int, str]]:
        """Every file to write: (path, width, extension)."""
        return [(self.file_name(width, extension), width, extension) for width in self.widths for extension in ("webp", self.fallback)]
