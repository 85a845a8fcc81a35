"""Bots and other sites: a bot gets the same answer as a person, and nothing is stored or delivered."""

from __future__ import annotations

import re

import pytest

from bridge_world import NEW_OFFER, form_token

pytestmark = pytest.mark.anyio
THANKS = "<h1>Vielen Dank!</h1>"


async def test_a_filled_honeypot_looks_like_success_and_stores_nothing(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER + [("homepage", "https://spam.example")])
    assert answer.status_code == 200 and THANKS in answer.text
    assert re.search(r'class="reference">[A-Z0-9]{4}-[A-Z0-9]{4}<', answer.text)
    assert github.store.counts() == {}


async def test_a_form_sent_faster_than_a_person_can_type_is_ignored_the_same_way(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER, wait=1)
    assert answer.status_code == 200 and THANKS in answer.text
    assert github.store.counts() == {}


async def test_a_forged_or_foreign_token_is_ignored_the_same_way(github):
    form = await github.get("/ferien/neu")
    github.clock.advance(10)
    forged = form_token(form.text)[:-4] + "0000"
    other_form = form_token((await github.get("/ferien/kurs/aendern")).text)
    for token in (forged, other_form, "", "kein.token"):
        answer = await github.client.post("/ferien/neu", data={"_token": token, **dict(NEW_OFFER)})
        assert answer.status_code == 200 and THANKS in answer.text
    assert github.store.counts() == {}


async def test_an_old_form_is_shown_again_with_the_values_kept(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER, wait=25 * 3600)
    assert answer.status_code == 200
    assert "Das Formular war zu lange geöffnet. Bitte prüfen Sie Ihre Angaben und schicken Sie es noch einmal ab." in answer.text
    assert 'value="Kanutag auf der Itz"' in answer.text
    github.clock.advance(10)
    again = await github.client.post(
        "/ferien/neu", data={"_token": form_token(answer.text), **dict(NEW_OFFER)}, headers={"origin": "http://bridge.test"}
    )
    assert github.store.counts() == {"eingegangen": 1}, again.text


async def test_posts_from_other_sites_are_refused(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER, origin="https://evil.example")
    assert answer.status_code == 403
    assert "Dieses Formular kann nur auf dieser Seite abgeschickt werden." in answer.text
    town = await github.submit("/ferien/neu", NEW_OFFER, origin="https://boersen.auenstadt.example")
    assert town.status_code == 200 and github.store.counts() == {"eingegangen": 1}


async def test_submissions_per_address_are_limited_per_hour(github):
    github.bridge.limiter.limit = 2
    for _ in range(2):
        assert (await github.submit("/ferien/neu", NEW_OFFER)).status_code == 200
    third = await github.submit("/ferien/neu", NEW_OFFER)
    assert third.status_code == 429
    assert "Von Ihrem Anschluss kamen in der letzten Stunde sehr viele Einsendungen." in third.text
    github.clock.advance(3600)
    assert (await github.submit("/ferien/neu", NEW_OFFER)).status_code == 200
    assert github.bridge.limiter.seen == {"198.51.100.7": github.bridge.limiter.seen["198.51.100.7"]}
    assert len(github.bridge.limiter.seen["198.51.100.7"]) == 1  # older entries are gone, not kept


async def test_oversized_requests_are_refused_before_they_are_read(github):
    answer = await github.submit("/ferien/neu", NEW_OFFER + [("beschreibung", "x" * 1_000_000)])
    assert answer.status_code == 413
    assert answer.text == "Die Einsendung ist zu groß. Bitte kürzen Sie die Texte."


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("<script>alert(1)</script>", "titel: <script>alert(1)</script>\n"),
        ("Turnier #2: ja: nein", 'titel: "Turnier #2: ja: nein"\n'),
        ("Kurs \u202eneu\u200b", 'titel: "Kurs \\u202eneu\\u200b"\n'),
    ],
)
async def test_hostile_text_ends_as_inert_text_in_the_file(github, title, expected):
    answer = await github.submit("/ferien/neu", [(n, title if n == "titel" else v) for n, v in NEW_OFFER])
    assert answer.status_code == 200, answer.text
    submission = github.store.by_number(re.search(r'class="reference">([A-Z0-9-]+)<', answer.text).group(1))
    assert expected in submission.files[submission.path]
    await github.bridge.deliverer.deliver_due()
    assert "<script>" not in github.fake.pull_requests()[0]["body"].split("```")[0]


async def test_control_characters_get_the_validators_message(github):
    answer = await github.submit("/ferien/neu", [(n, "Kurs\x1b[2K" if n == "titel" else v) for n, v in NEW_OFFER])
    assert answer.status_code == 422
    assert (
        "Der Text enthält das unsichtbare Steuerzeichen \\x1b. Erlaubt sind nur Zeilenumbrüche und Tabulatoren; "
        "bitte das Zeichen entfernen."
    ) in answer.text


async def test_the_status_page_needs_the_password(github):
    assert (await github.get("/status/")).status_code == 401
    assert (await github.get("/status/", auth=("redaktion", "falsch"))).status_code == 401
    assert (await github.get("/status/", auth=("redaktion", "redaktion-passwort"))).status_code == 200


async def test_secrets_never_appear_in_pages(github):
    await github.submit("/ferien/neu", NEW_OFFER)
    pages = [await github.get(path) for path in ("/", "/ferien/neu", "/health")]
    pages.append(await github.get("/status/", auth=("redaktion", "redaktion-passwort")))
    for page in pages:
        for secret in ("geheim-token", "ein-sehr-langes-geheimnis", "redaktion-passwort"):
            assert secret not in page.text
