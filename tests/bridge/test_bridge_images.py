"""The bridge and offer images: upload with the form (checked like the validator checks files), replace, keep."""

from __future__ import annotations

import io
import re
import sqlite3

import pytest
from PIL import Image

from boersen.images.checking import ALT_PURPOSE, MAX_IMAGE_BYTES

from bridge_world import NEW_OFFER, open_world, reference_number, refused_after_a_change_on_main
from image_files import SVG_WITH_SCRIPT, animated, encoded, jpeg, metadata_in, pixel_difference, png_logo
from scratch import FERIEN_OFFER

pytestmark = pytest.mark.anyio
ALT = "Kinder paddeln im Kanu auf der Itz."
WITH_ALT = NEW_OFFER + [("bild_alt", ALT), ("bild_quelle", "Petra Paddel")]
NEW_PATH = "data/ferien/kanutag-auf-der-itz"
CHOOSE_AGAIN = "Bitte wählen Sie die Bilddatei noch einmal aus."
ALLOWED = "Erlaubt sind JPEG (.jpg), PNG (.png) oder WebP (.webp)."
WITH_IMAGE = FERIEN_OFFER + "bild: kurs.jpg\nbild_alt: Kinder im Becken.\nbild_quelle: Anna Beispiel\n"
TEXT_INPUT = re.compile(
    r'<input id="f-[^"]+" name="([^"]+)" aria-describedby="[^"]*" type="(?:text|date|time|email|url|tel|number)" value="([^"]*)"'
)
CHANGE = [
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


def field_errors(html: str, name: str) -> list[str]:
    return re.findall(rf'<p class="error" id="e-{name}"><strong>Fehler:</strong> ([^<]*)</p>', html)


def unescape(text: str) -> str:
    return text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")


async def change_fields(world, alt: str) -> list[tuple[str, str]]:
    """The change form's typed values as shown, with a new alt text and the choices a test sets."""
    form = (await world.get("/ferien/kurs/aendern")).text
    shown = [(name, unescape(value)) for name, value in TEXT_INPUT.findall(form) if value and name != "bild_alt"]
    return shown + [("bild_alt", alt), *CHANGE]


async def delivered(world, answer) -> str:
    assert answer.status_code == 200, answer.text
    number = reference_number(answer.text)
    assert await world.bridge.deliverer.deliver_due() == 1
    return f"formular/{number.lower()}"


async def test_an_uploaded_png_arrives_with_every_pixel_in_the_pull_request(world):
    image = png_logo()
    answer = await world.submit("/ferien/neu", WITH_ALT, image=("Mein Foto (1).JPG", image, "image/jpeg"))
    branch = await delivered(world, answer)
    stored = world.repository.read_bytes(branch, f"{NEW_PATH}.png")  # named by the slug and the decoded type
    assert pixel_difference(stored, image) == (0.0, 0)
    assert metadata_in(stored) == []
    written = world.repository.read(branch, f"{NEW_PATH}.yaml")
    assert f"bild: kanutag-auf-der-itz.png\nbild_alt: {ALT}\nbild_quelle: Petra Paddel\n" in written
    assert "Bild hochgeladen: `data/ferien/kanutag-auf-der-itz.png`" in world.fake.pull_requests()[0].get("body", "") + (
        world.fake.pull_requests()[0].get("description", "")
    )
    commits = world.repository.log(branch)
    submission = world.store.by_id(1)
    await world.bridge.deliverer.deliver(submission)  # delivered again after a restart: nothing doubles
    assert world.repository.log(branch) == commits
    assert len(world.fake.pull_requests()) == 1


@pytest.mark.parametrize("kind", ["github", "gitlab"])
async def test_a_phone_photo_is_committed_upright_without_position_camera_or_comment(tmp_path, kind):
    """The repository is public: the committed file is a clean copy, the upload's checks ran on the original."""
    photo = jpeg(1200, 800, gps=True, orientation=6)
    assert {"exif", "xmp", "comment", "GPS", "Telefon"} <= set(metadata_in(photo))  # the upload carries it all
    async for world in open_world(tmp_path, kind):
        branch = await delivered(world, await world.submit("/ferien/neu", WITH_ALT, image=("IMG_0042.JPG", photo, "image/jpeg")))
        stored = world.repository.read_bytes(branch, f"{NEW_PATH}.jpg")
        assert metadata_in(stored) == []
        assert Image.open(io.BytesIO(stored)).size == (800, 1200)  # turned as the camera said
        mean, largest = pixel_difference(stored, photo)
        assert mean <= 1.5 and largest <= 64  # the same picture, encoded once more (JPEG quality 92)
        assert f"\nbild: kanutag-auf-der-itz.jpg\nbild_alt: {ALT}\n" in world.repository.read(branch, f"{NEW_PATH}.yaml")


async def test_the_image_is_stored_with_the_submission_and_deleted_when_the_case_is_done(github):
    image = jpeg(640, 480, gps=True)
    answer = await github.submit("/ferien/neu", WITH_ALT, image=("urlaub.jpg", image, "image/jpeg"))
    branch = await delivered(github, answer)
    database = sqlite3.connect(github.bridge.settings.database)
    committed = github.repository.read_bytes(branch, f"{NEW_PATH}.jpg")
    assert database.execute("SELECT path, content FROM binaries").fetchall() == [(f"{NEW_PATH}.jpg", committed)]
    assert metadata_in(committed) == []  # the original with its position is kept nowhere
    github.fake.finish(1, merged=True)
    await github.bridge.deliverer.check_states()
    assert database.execute("SELECT COUNT(*) FROM binaries").fetchone() == (0,)
    database.close()


def truncated_png() -> bytes:
    return png_logo()[:-400]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "logo.svg",
            SVG_WITH_SCRIPT,
            f"SVG-Grafiken sind als Bild nicht erlaubt (sie können Programmcode enthalten). {ALLOWED}",
        ),
        (
            "foto.png",
            truncated_png(),
            "Das Bild ist beschädigt oder unvollständig und kann nicht gelesen werden. Bitte die Datei neu speichern oder neu hochladen.",
        ),
        ("gross.jpg", b"\xff\xd8\xff" + b"\0" * MAX_IMAGE_BYTES, "Das Bild ist zu groß: erlaubt sind höchstens 10 MB. Bitte verkleinern."),
        (
            "bewegt.webp",
            animated("WEBP"),
            "Bewegte Bilder (Animationen) sind nicht erlaubt. Bitte ein einzelnes, stehendes Bild verwenden.",
        ),
        ("brief.jpg", b"Sehr geehrte Damen und Herren,\n" * 20, f"Die Datei ist kein Bild einer erlaubten Art. {ALLOWED}"),
    ],
)
async def test_hostile_uploads_are_refused_at_the_field_and_everything_typed_is_kept(github, name, content, message):
    answer = await github.submit("/ferien/neu", WITH_ALT, image=(name, content, "image/jpeg"))
    assert answer.status_code == 422
    assert field_errors(answer.text, "bild") == [f"{message} {CHOOSE_AGAIN}"]
    assert f'<li><a href="#f-bild">Bild</a>: {message} {CHOOSE_AGAIN}</li>' in answer.text
    assert 'value="Kanutag auf der Itz"' in answer.text and f'value="{ALT}"' in answer.text
    assert github.store.counts() == {}


async def test_an_image_needs_its_alt_text(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER, image=("foto.jpg", jpeg(640, 480), "image/jpeg"))
    assert answer.status_code == 422
    assert field_errors(answer.text, "bild_alt") == [f"Zum Bild fehlt „bild_alt“. {ALT_PURPOSE}"]
    notice = "Sie hatten ein Bild gewählt. Bitte wählen Sie die Bilddatei noch einmal aus: Das Formular kann eine Datei nicht aufbewahren."
    assert f'<p class="notice" id="n-bild">{notice}</p>' in answer.text


async def test_without_a_file_the_form_sends_no_image(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER, image=("", b"", "application/octet-stream"))
    branch = await delivered(github, answer)
    assert "bild" not in github.repository.read(branch, f"{NEW_PATH}.yaml")


async def test_the_form_offers_the_file_field_and_the_alt_text_without_javascript(github):
    form = (await github.get("/ferien/neu")).text
    assert '<form method="post" enctype="multipart/form-data" novalidate>' in form
    assert '<label for="f-bild">Bild (JPEG, PNG oder WebP, höchstens 10 MB)</label>' in form
    assert "Wenn Sie ein Bild wählen, ist die Bildbeschreibung darunter Pflicht." in form
    assert form.index('name="bild"') < form.index('name="bild_alt"') < form.index('name="bild_quelle"')


async def test_a_change_keeps_the_image_and_edits_its_alt_text(tmp_path):
    async for world in open_world(tmp_path, "github", offer_files={"kurs.yaml": WITH_IMAGE.encode(), "kurs.jpg": jpeg(640, 480)}):
        form = (await world.get("/ferien/kurs/aendern")).text
        assert 'value="Kinder im Becken."' in form
        assert "Aktuelles Bild: kurs.jpg. Es bleibt, wenn Sie keine Datei wählen; eine neue Datei ersetzt es." in form
        answer = await world.submit("/ferien/kurs/aendern", await change_fields(world, "Kinder üben mit Schwimmbrettern im Becken."))
        branch = await delivered(world, answer)
        written = world.repository.read(branch, "data/ferien/kurs.yaml")
        assert "bild: kurs.jpg\nbild_alt: Kinder üben mit Schwimmbrettern im Becken.\nbild_quelle: Anna Beispiel\n" in written


@pytest.mark.parametrize("kind", ["github", "gitlab"])
async def test_a_change_replaces_the_image_in_the_same_pull_request(tmp_path, kind):
    old = jpeg(640, 480)
    async for world in open_world(tmp_path, kind, offer_files={"kurs.yaml": WITH_IMAGE.encode(), "kurs.jpg": old}):
        assert world.repository.read_bytes("main", "data/ferien/kurs.jpg") == old  # the fake seeds images too
        new = encoded(Image.new("RGB", (300, 200), "teal"), "PNG")
        fields = await change_fields(world, "Ein türkisfarbenes Schwimmbecken.")
        branch = await delivered(world, await world.submit("/ferien/kurs/aendern", fields, image=("neu.png", new, "image/png")))
        assert pixel_difference(world.repository.read_bytes(branch, "data/ferien/kurs.png"), new) == (0.0, 0)
        assert world.repository.blob(branch, "data/ferien/kurs.jpg") is None  # one image, not two
        assert "bild: kurs.png\nbild_alt: Ein türkisfarbenes Schwimmbecken.\n" in world.repository.read(branch, "data/ferien/kurs.yaml")
        commits = world.repository.log(branch)
        assert len(commits) == 2  # the base and one commit: offer, new image and the old one's removal together
        await world.bridge.deliverer.deliver(world.store.by_id(1))
        assert world.repository.log(branch) == commits


async def test_a_change_replaces_an_image_of_the_same_type_in_place(tmp_path):
    async for world in open_world(tmp_path, "gitlab", offer_files={"kurs.yaml": WITH_IMAGE.encode(), "kurs.jpg": jpeg(640, 480)}):
        new = jpeg(800, 600, seed=7)
        fields = await change_fields(world, "Kinder im Becken.")
        branch = await delivered(world, await world.submit("/ferien/kurs/aendern", fields, image=("x.jpeg", new, "image/jpeg")))
        mean, largest = pixel_difference(world.repository.read_bytes(branch, "data/ferien/kurs.jpg"), new)
        assert mean <= 1.5 and largest <= 64


async def test_a_form_with_an_image_may_be_larger_than_one_without(github):
    answer = await github.submit("/ferien/neu", WITH_ALT, image=("riesig.jpg", b"\0" * (MAX_IMAGE_BYTES + 600_000), "image/jpeg"))
    assert answer.status_code == 413
    assert answer.text == (
        "Die Einsendung ist zu groß. Ein Bild darf höchstens 10 MB haben: bitte verkleinern Sie es oder kürzen Sie die Texte."
    )


async def test_a_replaced_image_that_changed_meanwhile_is_not_overwritten(tmp_path):
    async for world in open_world(tmp_path, "github", offer_files={"kurs.yaml": WITH_IMAGE.encode(), "kurs.jpg": jpeg(640, 480)}):
        fields = await change_fields(world, "Ein türkisfarbenes Schwimmbecken.")
        new = encoded(Image.new("RGB", (300, 200), "teal"), "PNG")
        answer = await world.submit("/ferien/kurs/aendern", fields, image=("neu.png", new, "image/png"))
        await refused_after_a_change_on_main(world, reference_number(answer.text), "data/ferien/kurs.jpg", jpeg(640, 480, seed=5))


@pytest.mark.parametrize("taken", [".yaml", ".png"])
async def test_a_new_offer_moved_to_a_free_name_takes_its_image_along(world, taken):
    """A file of the offer's or of its image's name appeared on the forge meanwhile: both move to the next free name."""
    image = png_logo()
    answer = await world.submit("/ferien/neu", WITH_ALT, image=("logo.png", image, "image/png"))
    number = reference_number(answer.text)
    meanwhile = {f"{NEW_PATH}.png": b"\x89PNG schon da"}
    if taken == ".yaml":
        meanwhile[f"{NEW_PATH}.yaml"] = "titel: Schon da\n"
    world.repository.commit("main", meanwhile, "Inzwischen", parent=world.repository.head("main"))
    assert await world.bridge.deliverer.deliver_due() == 1
    submission = world.store.by_number(number)
    assert submission.path == f"{NEW_PATH}-2.yaml"
    assert pixel_difference(world.repository.read_bytes(submission.branch, f"{NEW_PATH}-2.png"), image) == (0.0, 0)
    assert world.repository.read_bytes(submission.branch, f"{NEW_PATH}.png") == b"\x89PNG schon da"
    assert f"\nbild: kanutag-auf-der-itz-2.png\nbild_alt: {ALT}\n" in world.repository.read(submission.branch, f"{NEW_PATH}-2.yaml")
