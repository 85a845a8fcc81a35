"""The optional proof of work (BRIDGE_ALTCHA=on): self-hosted ALTCHA, each solution accepted once."""

from __future__ import annotations

import re

import altcha
import pytest

from bridge_world import NEW_OFFER, open_world
from sitebuild import ROOT

pytestmark = pytest.mark.anyio
VENDOR = ROOT / "bridge" / "static" / "vendor"
NPM = ROOT / "node_modules" / "altcha"


@pytest.fixture
async def protected(tmp_path):
    async for value in open_world(tmp_path, "github", altcha=True):
        yield value


async def solved(world) -> str:
    challenge = altcha.Challenge.from_dict((await world.get("/altcha/challenge")).json())
    return altcha.Payload(challenge, altcha.solve_challenge(challenge)).to_base64()


async def test_a_solved_challenge_is_accepted_once(protected):
    payload = await solved(protected)
    first = await protected.submit("/ferien/neu", NEW_OFFER + [("altcha", payload)])
    assert re.search(r'class="reference">[A-Z0-9-]+<', first.text)
    again = await protected.submit("/ferien/neu", NEW_OFFER + [("altcha", payload)])
    assert "<h1>Vielen Dank!</h1>" in again.text  # the same answer, but nothing stored
    assert protected.store.counts() == {"eingegangen": 1}


async def test_a_forged_solution_gets_the_bots_answer(protected):
    payload = await solved(protected)
    forged = payload[:-8] + "AAAAAAAA"
    answer = await protected.submit("/ferien/neu", NEW_OFFER + [("altcha", forged)])
    assert "<h1>Vielen Dank!</h1>" in answer.text
    assert protected.store.counts() == {}


async def test_without_a_solution_the_form_asks_for_one_and_keeps_the_values(protected):
    answer = await protected.submit("/ferien/neu", NEW_OFFER)
    assert answer.status_code == 422
    assert "Bitte bestätigen Sie unten „Ich bin kein Roboter“ und schicken Sie das Formular dann ab." in answer.text
    assert 'value="Kanutag auf der Itz"' in answer.text
    assert '<altcha-widget challenge="/altcha/challenge" name="altcha" language="de"></altcha-widget>' in answer.text


async def test_without_the_setting_there_is_no_widget_and_no_challenge(github):
    assert "altcha" not in (await github.get("/ferien/neu")).text
    assert (await github.get("/altcha/challenge")).status_code == 404


@pytest.mark.parametrize(
    ("copy", "original"),
    [
        ("altcha-3.2.2.min.js", "dist/external/altcha.umd.min.cjs"),
        ("altcha-3.2.2.css", "dist/external/altcha.css"),
        ("altcha-3.2.2.sha-worker.js", "dist/workers/sha.js"),
    ],
)
def test_the_widget_is_the_npm_packages_own_file(copy, original):
    assert (VENDOR / copy).read_bytes() == (NPM / original).read_bytes(), "run `make vendor`"
