"""The bridge and offer images: a change keeps the image file, its alt text and credit can be edited."""

from __future__ import annotations

import io
import re

import pytest

from boersen.images.drawing import scene

from bridge_world import open_world, reference_number
from scratch import FERIEN_OFFER

pytestmark = pytest.mark.anyio
TEXT_INPUT = re.compile(
    r'<input id="f-[^"]+" name="([^"]+)" aria-describedby="[^"]*" type="(?:text|date|time|email|url|tel|number)" '
    r'value="([^"]*)"'
)


def drawn_jpeg() -> bytes:
    buffer = io.BytesIO()
    scene(640, 480, 1).save(buffer, "JPEG")
    return buffer.getvalue()


async def test_a_change_keeps_the_image_and_edits_its_alt_text(tmp_path):
    with_image = FERIEN_OFFER + "bild: kurs.jpg\nbild_alt: Kinder im Becken.\nbild_quelle: Anna Beispiel\n"
    async for world in open_world(tmp_path, "github", offer_files={"kurs.yaml": with_image.encode(), "kurs.jpg": drawn_jpeg()}):
        form = (await world.get("/ferien/kurs/aendern")).text
        assert 'name="bild_alt"' in form and 'value="Kinder im Becken."' in form
        assert 'name="bild"' not in form  # a file cannot be typed
        values = re.findall(
            r'<input id="f-[^"]+" name="([^"]+)" aria-describedby="[^"]*" type="(?:text|date|time|email|url|tel|number)" value="([^"]*)"',
            form,
        )
        fields = [(name, value) for name, value in values if value and name != "bild_alt"]
        fields += [
            ("bild_alt", "Kinder üben mit Schwimmbrettern im Becken."),
            ("anbieter", "tsv"),
            ("kategorien", "sport-und-spiel"),
            ("saison", "sommer"),
            ("freie_plaetze", "viele"),
            ("barrierefrei", "ja"),
            ("kurzbeschreibung", "Wir lernen schwimmen und machen das Seepferdchen."),
            ("beschreibung", "Fünf Vormittage im Hallenbad."),
            ("anmeldung.erforderlich", "ja"),
            ("rueckfrage.telefon", "09571 12345"),
        ]
        answer = await world.submit("/ferien/kurs/aendern", fields)
        assert answer.status_code == 200, answer.text
        submission = world.store.by_number(reference_number(answer.text))
        await world.bridge.deliverer.deliver_due()
        written = world.repository.read(f"formular/{submission.number.lower()}", "data/ferien/kurs.yaml")
        assert "bild: kurs.jpg\nbild_alt: Kinder üben mit Schwimmbrettern im Becken.\nbild_quelle: Anna Beispiel\n" in written
