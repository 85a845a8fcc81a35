"""Pictures drawn in code: the demo data's images, and images for tests and benchmarks.

The demo site shows no photos from the internet: its images are drawn here with Pillow
(``python -m boersen.images.drawing data`` writes them again) and are free of rights
(CC0, see the README).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw

# Demo images: (file in data/, seed, kind). Kinds: "see" (water), "wald" (forest), "wiese" (meadow), "logo".
DEMO_IMAGES = [
    ("ferienboerse/seepferdchen-ferienkurs.jpg", 1, "see"),
    ("ferienboerse/abenteuer-zeltlager.jpg", 2, "wald"),
    ("ferienboerse/bauernhof-vormittage.webp", 3, "wiese"),
    ("sportwegweiser/kanu-jugendgruppe.jpg", 4, "see"),
    ("kita-boerse/waldkindergarten-auwaldfuechse.jpg", 5, "wald"),
    ("anbieter/pfadfinder-falkenhorst.png", 6, "logo"),
]
_PALETTES = {
    "see": ((120, 190, 235), (25, 110, 170), (250, 215, 90)),
    "wald": ((170, 210, 235), (40, 110, 60), (245, 190, 70)),
    "wiese": ((185, 220, 245), (110, 170, 70), (240, 120, 60)),
}


def scene(width: int, height: int, seed: int, kind: str = "see") -> Image.Image:
    """A flat landscape: sky, sun, hills or waves, trees; the same seed draws the same picture."""
    rng = random.Random(seed)
    sky, ground, sun = _PALETTES[kind]
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    radius = height // 8
    cx, cy = rng.randint(radius, width - radius), rng.randint(radius, height // 3)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=sun)
    for layer in range(3):
        base = height // 2 + layer * height // 8
        shade = tuple(max(0, channel - 25 * layer) for channel in ground)
        points = [(0, height)] + [(x, base + rng.randint(-height // 14, height // 14)) for x in range(0, width + 1, max(1, width // 8))]
        draw.polygon(points + [(width, height)], fill=shade)
    if kind == "see":
        for row in range(6):
            y = height * 2 // 3 + row * height // 20
            for x in range(0, width, max(4, width // 10)):
                draw.arc((x, y, x + width // 10, y + height // 20), 200, 340, fill=(235, 245, 255), width=max(1, height // 150))
    else:
        for _ in range(8):
            x, y = rng.randint(0, width), rng.randint(height // 2, height - height // 10)
            size = rng.randint(height // 14, height // 7)
            draw.rectangle((x - size // 8, y, x + size // 8, y + size), fill=(110, 75, 40))
            draw.polygon([(x - size // 2, y + size // 3), (x, y - size), (x + size // 2, y + size // 3)], fill=(30, 90, 45))
    return image


def logo(size: int, seed: int) -> Image.Image:
    """A round emblem on a transparent background (a logo as clubs send them: PNG with alpha)."""
    rng = random.Random(seed)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    colour = (rng.randint(20, 120), rng.randint(60, 140), rng.randint(40, 120), 255)
    draw.ellipse((size // 16, size // 16, size - size // 16, size - size // 16), fill=colour)
    draw.polygon([(size // 2, size // 5), (size // 5, size * 3 // 4), (size * 4 // 5, size * 3 // 4)], fill=(250, 240, 210, 255))
    draw.polygon([(size // 2, size * 2 // 5), (size * 2 // 5, size * 3 // 4), (size * 3 // 5, size * 3 // 4)], fill=colour)
    return image


def write_demo_images(data_dir: Path) -> None:
    for name, seed, kind in DEMO_IMAGES:
        target = data_dir / name
        if kind == "logo":
            logo(480, seed).save(target, optimize=True)
        elif target.suffix == ".webp":
            scene(1200, 800, seed, kind).save(target, quality=70)
        else:
            scene(1200, 800, seed, kind).save(target, quality=70, optimize=True)


if __name__ == "__main__":
    write_demo_images(Path(sys.argv[1] if len(sys.argv) > 1 else "data"))
