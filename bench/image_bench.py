"""Image benchmark (``make bench``): build time with 1,000 offer images, cold and warm cache, and the
bytes of images a phone (412 px wide) loads on a Börse page and an offer page.

1. Synthetic data (``synthetic.py``, 1,000 offers by default) is built once without images
   (the baseline), then every offer gets a drawn 1600 × 1200 JPEG with grain (compressing about
   like a photo of that size that a messenger shrank) and the site is built with an empty image cache (cold: every image
   decoded, resized to 320/640/1024 px, encoded as WebP and JPEG) and again with the cache
   filled (warm: the variants are copied). Each build is the full ``make html`` build.
2. The warm site is served on localhost; Debian's Chromium opens the Ferienbörse page and one
   offer page at 412 × 915 CSS pixels, at device pixel ratio 1 and 2.625 (a common phone), and
   sums the bytes of every image response: first what the first screen loads, then everything
   after scrolling to the end. The originals those pages show are summed for comparison.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402

from boersen.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from boersen.images.drawing import scene  # noqa: E402

WORK = ROOT / "bench" / "work" / "images"
BIN = Path(sys.executable).parent
KINDS = ("see", "wald", "wiese")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="offers, each with an image (default 1000)")
    args = parser.parse_args(argv)
    shutil.rmtree(WORK, ignore_errors=True)
    data, cache = WORK / "data", WORK / "cache"
    dataset = synthetic.write_data(data, args.count)
    baseline = build(data, WORK / "out-ohne-bilder", cache)
    started = time.perf_counter()
    originals = add_images(data, dataset)
    print(f"{args.count} offers, {len(originals)} images written in {time.perf_counter() - started:.1f} s "
          f"({sum(originals.values()) / 1e6:.1f} MB of JPEG)")  # fmt: skip
    cold = build(data, WORK / "out-kalt", cache)
    warm = build(data, WORK / "out-warm", cache)
    print(f"build without images:            {baseline:6.1f} s")
    print(f"build with images, cold cache:   {cold:6.1f} s  (+{cold - baseline:.1f} s for {len(originals)} images)")
    print(f"build with images, warm cache:   {warm:6.1f} s  (+{warm - baseline:.1f} s)")
    same = digest(WORK / "out-kalt") == digest(WORK / "out-warm")
    print(f"cold and warm output byte-identical: {'ja' if same else 'NEIN'}")
    measure_pages(WORK / "out-warm", data, originals)
    return 0 if same else 1


def photo(index: int) -> Image.Image:
    """A drawn landscape with grain, so that it compresses about like a photo, not like a drawing."""
    drawing = scene(1600, 1200, index, KINDS[index % 3])
    return Image.blend(drawing, Image.effect_noise((1600, 1200), 60 + index % 20).convert("RGB"), 0.12)


def add_images(data: Path, dataset) -> dict[str, int]:
    """A drawn photo beside every offer, named in its file; returns image path -> bytes."""
    sizes = {}
    for index, offer in enumerate(dataset.offers):
        folder = data / offer.boerse
        name = f"{offer.filename.rsplit('.', 1)[0]}.jpg"
        photo(index).save(folder / name, quality=85)
        sizes[f"{offer.boerse}/{name}"] = (folder / name).stat().st_size
        lines = f"bild: {name}\nbild_alt: Zeichnung einer Landschaft Nummer {index + 1}.\n"
        file = folder / offer.filename
        text = file.read_text(encoding="utf-8")
        if offer.markdown:  # into the front matter
            head, body = text[4:].split("\n---\n", 1)
            text = f"---\n{head}\n{lines}---\n{body}"
        else:
            text += lines
        file.write_text(text, encoding="utf-8")
    return sizes


def build(data: Path, output: Path, cache: Path) -> float:
    settings = [f"BOERSEN_DATA_PATH={json.dumps(str(data))}", f"BOERSEN_IMAGE_CACHE={json.dumps(str(cache))}"]
    command = [str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", str(output), "-e", *settings]
    env = {**os.environ, "BOERSEN_HEUTE": synthetic.TODAY.isoformat()}
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"build failed:\n{completed.stdout[-2000:]}\n{completed.stderr[-3000:]}")
    return seconds


def digest(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def measure_pages(site: Path, data: Path, originals: dict[str, int]) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    offer = next(path for path in sorted((site / "ferienboerse").glob("*/bild-320.webp")))
    pages = {
        "Börse-Seite /ferienboerse/": "ferienboerse/",
        f"Angebotsseite /ferienboerse/{offer.parent.name}/": f"ferienboerse/{offer.parent.name}/",
    }
    print("\nBytes of images at 412 × 915 CSS px (first screen / after scrolling to the end; originals of the same images):")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            for label, path in pages.items():
                for ratio in (1, 2.625):
                    first, total, shown = image_bytes(browser, f"{base}/{path}", ratio)
                    original = sum(originals.get(f"ferienboerse/{name}.jpg", 0) for name in shown)
                    print(f"  {label:58} DPR {ratio:<5}: {first / 1000:7.1f} kB / {total / 1000:7.1f} kB "
                          f"({len(shown)} images; originals {original / 1e6:.2f} MB)")  # fmt: skip
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def image_bytes(browser, url: str, ratio: float) -> tuple[int, int, set[str]]:
    context = browser.new_context(viewport={"width": 412, "height": 915}, device_scale_factor=ratio, locale="de-DE")
    page = context.new_page()
    loaded: list[tuple[str, int]] = []
    page.on(
        "requestfinished",
        lambda request: loaded.append((request.url, request.sizes()["responseBodySize"])) if "/bild-" in request.url else None,
    )
    page.goto(url, wait_until="networkidle")
    first = sum(size for _, size in loaded)
    for image in page.locator("img:visible").all():
        image.scroll_into_view_if_needed()
        page.wait_for_function("image => image.complete", arg=image.element_handle())
    page.wait_for_load_state("networkidle")
    total = sum(size for _, size in loaded)
    shown = {url.rsplit("/", 2)[-2] for url, _ in loaded}
    context.close()
    return first, total, shown


if __name__ == "__main__":
    sys.exit(main())
