"""Images in the built site: picture markup, thumbnails in listings and result cards, JSON-LD and Open
Graph, and the same output from a cold and a warm image cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from image_files import jpeg, png_logo
from scratch import FERIEN_OFFER, ORGANISATION
from sitebuild import build_site

SITEURL = "https://boersen.auenstadt.example"
ALT = "Kinder üben mit Schwimmbrettern im Becken."


def image_world(data) -> None:
    data.offer(FERIEN_OFFER + f"bild: kurs.jpg\nbild_alt: {ALT}\nbild_quelle: Anna Beispiel, CC BY 4.0\n")
    data.write_bytes("ferien/kurs.jpg", jpeg(1200, 800, gps=True))
    data.write("anbieter/tsv.yaml", ORGANISATION + "bild: tsv.png\nbild_alt: Ein heller Kegel in einem grünen Kreis.\n")
    data.write_bytes("anbieter/tsv.png", png_logo(400))


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_offer_page_listing_and_result_cards_show_the_image(data, tmp_path):
    image_world(data)
    site = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_IMAGE_CACHE": str(tmp_path / "c")})
    assert site.returncode == 0, site.stderr
    srcset = "../../ferien/kurs/bild-320.{0} 320w, ../../ferien/kurs/bild-640.{0} 640w, ../../ferien/kurs/bild-1024.{0} 1024w"
    sizes = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
    assert (
        f'<figure class="offer-figure"><picture class="picture"><source type="image/webp" srcset="{srcset.format("webp")}" sizes="{sizes}">'
        f'<img src="../../ferien/kurs/bild-320.jpg" srcset="{srcset.format("jpg")}" sizes="{sizes}" width="1024" height="683" '
        f'alt="{ALT}" decoding="async"></picture><figcaption class="hint">Anna Beispiel, CC BY 4.0</figcaption></figure>'
    ) in site.page("ferien/kurs/index.html")  # at the top of the page: loaded at once, not lazily
    listing = site.page("ferien/index.html")
    assert f'sizes="6rem" width="1024" height="683" alt="{ALT}" loading="lazy" decoding="async">' in listing
    card = json.loads((site.output / "ferien/suche/karten-0.json").read_text())[0]
    assert card["bild"] == {"src": "ferien/kurs/bild-320.webp", "alt": ALT, "b": 320, "h": 213}
    assert (site.output / "ferien/kurs/bild-320.webp").is_file()


def test_json_ld_and_open_graph_name_the_largest_fallback(data, tmp_path):
    image_world(data)
    site = build_site(
        tmp_path / "output",
        data_dir=data.root,
        today="2027-03-01",
        config="publishconf.py",
        environment={"BOERSEN_SITEURL": SITEURL},
        settings={"BOERSEN_IMAGE_CACHE": str(tmp_path / "c")},
    )
    assert site.returncode == 0, site.stderr
    page = site.page("ferien/kurs/index.html")
    assert (
        f'<meta property="og:image" content="{SITEURL}/ferien/kurs/bild-1024.jpg"><meta property="og:image:width" content="1024">'
        f'<meta property="og:image:height" content="683"><meta property="og:image:alt" content="{ALT}">'
    ) in page
    data_block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data_block)["image"] == f"{SITEURL}/ferien/kurs/bild-1024.jpg"
    organisation = site.page("anbieter/tsv/index.html")
    data_block = organisation.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data_block)["logo"] == f"{SITEURL}/anbieter/tsv/logo-400.png"  # PNG: the logo is transparent
    assert '<figure class="logo-figure"><picture class="picture"><source type="image/webp" ' in organisation


def test_a_warm_image_cache_builds_the_same_site_as_a_cold_one(data, tmp_path):
    image_world(data)
    cache = tmp_path / "cache"
    settings = {"BOERSEN_IMAGE_CACHE": str(cache)}
    cold = build_site(tmp_path / "cold", data_dir=data.root, today="2027-03-01", settings=settings)
    cached = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    warm = build_site(tmp_path / "warm", data_dir=data.root, today="2027-03-01", settings=settings)
    without = build_site(tmp_path / "without", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_IMAGE_CACHE": None})
    assert cold.returncode == warm.returncode == without.returncode == 0
    assert len(cached) == 6 + 4  # the photo in three widths, the 400 px logo in two, each twice
    assert {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()} == cached  # not encoded again
    assert digest(cold.output) == digest(warm.output) == digest(without.output)


def test_a_broken_image_stops_the_build_with_a_message_not_a_traceback(data, tmp_path):
    image_world(data)
    data.write_bytes("ferien/kurs.jpg", jpeg()[:5000])
    site = build_site(tmp_path / "output", data_dir=data.root, today="2027-03-01", settings={"BOERSEN_IMAGE_CACHE": str(tmp_path / "c")})
    assert site.returncode == 1
    assert (
        "data/ferien/kurs.yaml:32:7: bild: data/ferien/kurs.jpg: Das Bild ist beschädigt oder unvollständig und kann nicht gelesen "
        "werden. Bitte die Datei neu speichern oder neu hochladen."
    ) in site.stderr.splitlines()
    assert "Traceback" not in site.stderr + site.stdout
