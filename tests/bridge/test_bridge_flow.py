"""A submission from the form to a pull request: stored first, delivered by the worker, idempotent."""

from __future__ import annotations

import pytest

from bridge_world import NEW_OFFER, NEW_OFFER_FILE, reference_number

pytestmark = pytest.mark.anyio


async def test_a_new_offer_becomes_a_pull_request_with_a_valid_file(world):
    answer = await world.submit("/ferien/neu", NEW_OFFER)
    assert answer.status_code == 200, answer.text
    number = reference_number(answer.text)
    submission = world.store.by_number(number)
    assert (submission.state, submission.path) == ("eingegangen", "data/ferien/kanutag-auf-der-itz.yaml")
    assert submission.contact == {"name": "Petra Paddel", "email": "petra@example.org"}

    assert await world.bridge.deliverer.deliver_due() == 1
    branch = f"formular/{number.lower()}"
    assert world.repository.read(branch, "data/ferien/kanutag-auf-der-itz.yaml") == NEW_OFFER_FILE
    assert world.repository.read("main", "data/ferien/kurs.yaml") == world.repository.read(branch, "data/ferien/kurs.yaml")
    [pull] = world.fake.pull_requests()
    title = f"Neues Angebot: Kanutag auf der Itz ({number})"
    if world.fake.__class__.__name__ == "FakeGitHub":
        assert (pull["title"], pull["head"], pull["base"], pull["labels"]) == (title, branch, "main", ["formular"])
        body = pull["body"]
    else:
        assert (pull["title"], pull["source_branch"], pull["target_branch"], pull["labels"]) == (title, branch, "main", "formular")
        body = pull["description"]
    assert "Neues Angebot **Kanutag auf der Itz** für die Ferienbörse" in body
    assert "petra" not in body.lower() and "Paddel" not in body  # the contact stays private
    assert NEW_OFFER_FILE in body

    page = await world.get(f"/vorgang/{number}")
    assert "Stand: <strong>weitergeleitet</strong>" in page.text
    assert world.store.by_number(number).state == "weitergeleitet"


async def test_delivery_is_idempotent_after_a_restart(world):
    number = reference_number((await world.submit("/ferien/neu", NEW_OFFER)).text)
    submission = world.store.by_number(number)
    assert await world.bridge.deliverer.deliver_due() == 1
    # As if the process was killed after the pull request was made but before the state was stored:
    world.store._write("UPDATE submissions SET state = 'eingegangen' WHERE id = ?", submission.id)
    assert await world.bridge.deliverer.deliver_due() == 1
    assert len(world.fake.pull_requests()) == 1
    branch = f"formular/{number.lower()}"
    assert world.repository.branches() == sorted(["main", branch])
    assert len(world.repository.log(branch)) == 2  # the seed and one commit with the offer


async def test_merged_pull_requests_finish_the_case_and_delete_the_contact(world):
    number = reference_number((await world.submit("/ferien/neu", NEW_OFFER)).text)
    await world.bridge.deliverer.deliver_due()
    world.fake.finish(1, merged=True)
    await world.bridge.deliverer.check_states()
    submission = world.store.by_number(number)
    assert (submission.state, submission.contact) == ("übernommen", None)
    assert "Stand: <strong>übernommen</strong>" in (await world.get(f"/vorgang/{number}")).text
    assert world.repository.read("main", "data/ferien/kanutag-auf-der-itz.yaml") == NEW_OFFER_FILE


async def test_contacts_are_deleted_after_90_days_at_the_latest(github):
    number = reference_number((await github.submit("/ferien/neu", NEW_OFFER)).text)
    await github.bridge.deliverer.deliver_due()
    github.clock.advance(89 * 86400)
    await github.bridge.deliverer.check_states()
    assert github.store.by_number(number).contact == {"name": "Petra Paddel", "email": "petra@example.org"}
    github.clock.advance(2 * 86400)
    await github.bridge.deliverer.check_states()
    assert github.store.by_number(number).contact is None
    assert github.store.by_number(number).state == "weitergeleitet"


async def test_no_cookies_and_a_health_answer(github):
    responses = [await github.get(path) for path in ("/", "/ferien/neu", "/health")]
    responses.append(await github.submit("/ferien/neu", NEW_OFFER))
    assert all("set-cookie" not in response.headers for response in responses)
    assert (await github.get("/health")).json() == {"status": "ok", "offen": 1, "fehlgeschlagen": 0}
