"""The bridge's forms in Chromium: filled in and sent with and without JavaScript, and axe-core on every page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bridge"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "images"))

from axe_check import violations

from bridge.app import create_app

from bridge_world import PASSWORD, Clock, settings
from fake_forges import BareRepository, FakeGitHub, Served
from image_files import jpeg, metadata_in, pixel_difference
from scratch import FERIEN_OFFER, TODAY, DataFolder


def served_bridge(root, **changes):
    """The bridge and a fake GitHub on loopback, for Chromium to talk to."""
    data = DataFolder(root)
    data.offer(FERIEN_OFFER, "kurs.yaml")
    fake = FakeGitHub(BareRepository(root / "remote.git", seed=data.root))
    with Served(fake.app) as forge:
        # A person in a test types fast: the minimum fill time is tested elsewhere.
        app = create_app(
            settings(data.root, root / "bridge.sqlite3", api_url=forge.url, min_fill_seconds=0.0, **changes), clock=Clock(), today=TODAY
        )
        with Served(app) as served:
            yield served, app.state.bridge


@pytest.fixture(scope="module")
def bridge(tmp_path_factory):
    yield from served_bridge(tmp_path_factory.mktemp("bridge"))


def fill_offer(page: Page) -> None:
    page.get_by_label("Titel (Pflichtfeld)").fill("Kanutag auf der Itz")
    page.get_by_label("Kurzbeschreibung (Pflichtfeld)").fill("Wir paddeln gemeinsam.")
    page.get_by_label("Verein oder Einrichtung").select_option("tsv")
    page.get_by_role("group", name="Kategorien").get_by_label("Natur und Erlebnis").check()
    page.locator("#f-termine-0-datum").fill("2027-08-10")
    page.locator("#f-termine-0-beginn").fill("09:00")
    page.get_by_label("Alter von").fill("10")
    page.get_by_label("Alter bis").fill("14")
    page.locator("#f-gebuehr").fill("12,50")
    page.get_by_label("Ihre E-Mail-Adresse").fill("petra@example.org")


@pytest.mark.parametrize("javascript", [True, False], ids=["mit-js", "ohne-js"])
def test_a_person_fills_in_and_sends_the_form(browser, bridge, javascript):
    served, state = bridge
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="de-DE", java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{served.url}/ferien/neu")
    fill_offer(page)
    page.get_by_role("button", name="Weitere Zeile: Termine").click()  # works without JavaScript too
    expect(page.locator("#f-termine-1-datum")).to_be_visible()
    expect(page.get_by_label("Titel (Pflichtfeld)")).to_have_value("Kanutag auf der Itz")
    page.locator("#f-termine-1-datum").fill("2027-08-17")
    page.get_by_role("button", name="Angebot absenden").click()
    expect(page.get_by_role("heading", name="Vielen Dank!")).to_be_visible()
    number = page.locator(".reference").inner_text()
    submission = state.store.by_number(number)
    text = submission.files[submission.path]
    assert "termine:\n  - datum: 2027-08-10\n    beginn: 09:00\n  - datum: 2027-08-17\n" in text
    assert "gebuehr: 12.5\n" in text
    page.get_by_role("link", name=f"Stand des Vorgangs {number}").click()
    expect(page.get_by_text("Stand: eingegangen")).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["mit-js", "ohne-js"])
def test_a_person_uploads_an_image_with_the_form(browser, bridge, tmp_path, javascript):
    served, state = bridge
    photo = jpeg(1200, 800, gps=True, orientation=6)  # as a phone writes it: position, camera, XMP, a comment
    (tmp_path / "IMG_0042.JPG").write_bytes(photo)
    (tmp_path / "brief.jpg").write_bytes(b"Sehr geehrte Damen und Herren" * 10)
    context = browser.new_context(locale="de-DE", java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{served.url}/ferien/neu")
    fill_offer(page)
    page.get_by_label("Bild (JPEG, PNG oder WebP, höchstens 10 MB)").set_input_files(tmp_path / "brief.jpg")
    page.get_by_label("Bildbeschreibung (Alternativtext)").fill("Kinder paddeln im Kanu auf der Itz.")
    page.get_by_role("button", name="Angebot absenden").click()
    expect(page.locator("#e-bild")).to_have_text(
        "Fehler: Die Datei ist kein Bild einer erlaubten Art. Erlaubt sind JPEG (.jpg), PNG (.png) oder WebP (.webp). "
        "Bitte wählen Sie die Bilddatei noch einmal aus."
    )
    expect(page.get_by_label("Bildbeschreibung (Alternativtext)")).to_have_value("Kinder paddeln im Kanu auf der Itz.")
    page.get_by_label("Bild (JPEG, PNG oder WebP, höchstens 10 MB)").set_input_files(tmp_path / "IMG_0042.JPG")
    page.get_by_role("button", name="Angebot absenden").click()
    expect(page.get_by_role("heading", name="Vielen Dank!")).to_be_visible()
    submission = state.store.by_number(page.locator(".reference").inner_text())
    files = state.store.by_id(submission.id).files
    name = submission.path.removesuffix(".yaml") + ".jpg"
    mean, largest = pixel_difference(files[name], photo)  # a clean copy: the same picture upright, encoded once more
    assert mean <= 1.5 and largest <= 64
    assert metadata_in(files[name]) == []
    assert f"bild: {name.rsplit('/', 1)[1]}\nbild_alt: Kinder paddeln im Kanu auf der Itz.\n" in files[submission.path]
    context.close()


def test_errors_are_listed_linked_and_shown_at_their_fields(page: Page, bridge):
    served, _ = bridge
    page.goto(f"{served.url}/ferien/neu")
    page.get_by_label("Titel (Pflichtfeld)").fill("Kanutag")
    page.get_by_label("Titel (Pflichtfeld)").press("Enter")  # Enter sends the form, it does not add a row
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Bitte prüfen Sie")
    summary.get_by_role("link", name="Kurzbeschreibung").click()
    expect(page.get_by_label("Kurzbeschreibung (Pflichtfeld)")).to_be_focused()
    expect(page.get_by_label("Titel (Pflichtfeld)")).to_have_value("Kanutag")
    expect(page.locator("#f-kurzbeschreibung")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("path", ["/", "/ferien/neu", "/ferien/kurs/aendern", "/vorgang/XXXX-XXXX"])
def test_no_wcag_violations_on_bridge_pages(browser, bridge, path):
    served, _ = bridge
    context = browser.new_context(locale="de-DE", bypass_csp=True)  # axe-core is injected as a script
    page = context.new_page()
    page.goto(f"{served.url}{path}")
    assert violations(page) == []
    context.close()


def test_no_wcag_violations_with_errors_thanks_and_status(browser, bridge):
    served, _ = bridge
    credentials = {"username": "redaktion", "password": PASSWORD}
    context = browser.new_context(locale="de-DE", http_credentials=credentials, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{served.url}/ferien/neu")
    page.get_by_role("button", name="Angebot absenden").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert violations(page) == []
    fill_offer(page)
    page.get_by_role("button", name="Angebot absenden").click()
    expect(page.get_by_role("heading", name="Vielen Dank!")).to_be_visible()
    assert violations(page) == []
    page.goto(f"{served.url}/status/")
    expect(page.get_by_role("heading", name="Status der Einsendungen")).to_be_visible()
    assert violations(page) == []
    context.close()


def test_the_bridge_loads_nothing_from_elsewhere(page: Page, bridge):
    served, _ = bridge
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{served.url}/ferien/neu")
    assert requested and all(url.startswith(served.url) for url in requested)


@pytest.fixture(scope="module")
def bridge_with_altcha(tmp_path_factory):
    yield from served_bridge(tmp_path_factory.mktemp("bridge-altcha"), altcha=True)


def test_the_proof_of_work_is_solved_in_the_browser_under_the_strict_policy(browser, bridge_with_altcha):
    served, state = bridge_with_altcha
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    violations_seen, foreign = [], []
    page.on("console", lambda message: violations_seen.append(message.text) if "Content Security Policy" in message.text else None)
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(served.url) else None)
    page.goto(f"{served.url}/ferien/neu")
    fill_offer(page)
    page.get_by_label("Ich bin kein Roboter").focus()
    page.keyboard.press("Space")  # by keyboard, as a person without a mouse would
    expect(page.get_by_text("Bestätigt")).to_be_visible(timeout=30000)
    page.get_by_role("button", name="Angebot absenden").click()
    expect(page.get_by_role("heading", name="Vielen Dank!")).to_be_visible()
    assert state.store.by_number(page.locator(".reference").inner_text()) is not None
    assert violations_seen == []
    assert foreign == []
    context.close()
