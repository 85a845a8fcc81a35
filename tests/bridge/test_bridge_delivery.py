"""Forge down, rate-limited, refusing or changed meanwhile: nothing is lost, nothing is made twice."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from bridge.forges import Delivery, ForgeUnavailable
from bridge.forges.github import GitHub

from bridge_world import NEW_OFFER, reference_number, refused_after_a_change_on_main
from fake_forges import BareRepository, FakeGitHub, Served
from scratch import FERIEN_OFFER, DataFolder

pytestmark = pytest.mark.anyio
PASSWORD = ("redaktion", "redaktion-passwort")


async def submitted(world) -> str:
    return reference_number((await world.submit("/ferien/neu", NEW_OFFER)).text)


async def test_a_forge_that_answers_errors_gets_the_submission_later(world):
    number = await submitted(world)
    world.fake.faults.failures = [(502, {}), (503, {}), (500, {})]
    for attempt in range(3):
        assert await world.bridge.deliverer.deliver_due() == 0
        submission = world.store.by_number(number)
        assert (submission.state, submission.attempts) == ("eingegangen", attempt + 1)
        assert submission.next_attempt == world.clock() + 5 * 2**attempt  # exponential backoff
        world.clock.advance(5 * 2**attempt)
    assert await world.bridge.deliverer.deliver_due() == 1
    assert len(world.fake.pull_requests()) == 1


async def test_rate_limits_are_honoured(world):
    number = await submitted(world)
    world.fake.faults.failures = [(429, {"Retry-After": "120"})]
    await world.bridge.deliverer.deliver_due()
    assert world.store.by_number(number).next_attempt == world.clock() + 120
    world.clock.advance(60)
    assert await world.bridge.deliverer.deliver_due() == 0  # not due yet: no call
    world.clock.advance(60)
    assert await world.bridge.deliverer.deliver_due() == 1


async def test_githubs_rate_limit_reset_is_honoured(github):
    number = await submitted(github)
    reset = int(github.clock()) + 900
    github.bridge.deliverer.forge.clock = github.clock
    github.fake.faults.failures = [(403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset)})]
    await github.bridge.deliverer.deliver_due()
    assert github.store.by_number(number).next_attempt == reset + 1


async def test_a_forge_that_does_not_answer_in_time_gets_the_submission_later(github):
    number = await submitted(github)
    github.bridge.deliverer.forge.client = httpx.AsyncClient(timeout=httpx.Timeout(0.5))
    github.fake.faults.hang = threading.Event()
    await github.bridge.deliverer.deliver_due()
    submission = github.store.by_number(number)
    assert (submission.state, submission.attempts) == ("eingegangen", 1)
    assert submission.last_error.startswith("ReadTimeout")
    github.fake.faults.hang.set()
    github.clock.advance(5)
    assert await github.bridge.deliverer.deliver_due() == 1
    assert len(github.fake.pull_requests()) == 1


async def test_a_refusing_forge_marks_the_submission_failed_and_the_editor_retries(github):
    number = await submitted(github)
    github.fake.faults.failures = [(401, {})] * 5
    for _ in range(5):
        await github.bridge.deliverer.deliver_due()
        github.clock.advance(3600)
    submission = github.store.by_number(number)
    assert submission.state == "fehlgeschlagen"
    assert submission.last_error.startswith("GET /repos/stadt/boersen/contents/data/ferien/kanutag-auf-der-itz.yaml: HTTP 401")
    assert "Stand: <strong>eingegangen</strong>" in (await github.get(f"/vorgang/{number}")).text  # the public sees no failure
    status = await github.get("/status/", auth=PASSWORD)
    assert "fehlgeschlagen" in status.text and "petra@example.org" in status.text
    token = re.search(r'name="_token" value="([^"]+)"', status.text).group(1)
    retried = await github.client.post(
        f"/status/{submission.id}/erneut",
        data={"_token": token},
        auth=PASSWORD,
        headers={"origin": "http://bridge.test"},
        follow_redirects=False,
    )
    assert retried.status_code == 303
    assert await github.bridge.deliverer.deliver_due() == 1
    assert github.store.by_number(number).state == "weitergeleitet"


async def test_a_retry_from_another_site_is_refused(github):
    await submitted(github)
    github.store.mark_failed(1, "Test", github.clock())
    status = await github.get("/status/", auth=PASSWORD)
    token = re.search(r'name="_token" value="([^"]+)"', status.text).group(1)
    answer = await github.client.post("/status/1/erneut", data={"_token": token}, auth=PASSWORD, headers={"origin": "https://evil.example"})
    assert answer.status_code == 403
    assert github.store.by_id(1).state == "fehlgeschlagen"


async def test_a_name_taken_on_the_forge_meanwhile_moves_the_new_offer(world):
    number = await submitted(world)
    world.repository.commit(
        "main", {"data/ferien/kanutag-auf-der-itz.yaml": "titel: Schon da\n"}, "Inzwischen", parent=world.repository.head("main")
    )
    assert await world.bridge.deliverer.deliver_due() == 1
    submission = world.store.by_number(number)
    assert submission.path == "data/ferien/kanutag-auf-der-itz-2.yaml"
    assert "titel: Kanutag auf der Itz\n" in world.repository.read(submission.branch, "data/ferien/kanutag-auf-der-itz-2.yaml")
    assert world.repository.read(submission.branch, "data/ferien/kanutag-auf-der-itz.yaml") == "titel: Schon da\n"


async def test_a_change_to_a_file_changed_on_the_forge_is_not_delivered(world):
    form = await world.get("/ferien/kurs/aendern")
    fields = [("_token", re.search(r'name="_token" value="([^"]+)"', form.text).group(1))]
    fields += [("_basis", re.search(r'name="_basis" value="([^"]+)"', form.text).group(1))]
    fields += [(name, value) for name, value in NEW_OFFER]
    world.clock.advance(10)
    answer = await world.client.post("/ferien/kurs/aendern", data=_multi(fields), headers={"origin": "http://bridge.test"})
    await refused_after_a_change_on_main(world, reference_number(answer.text), "data/ferien/kurs.yaml", FERIEN_OFFER + "hinweise: Neu.\n")


def _multi(fields):
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


async def test_a_github_app_authenticates_with_its_installation_token(tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    data = DataFolder(tmp_path)
    repository = BareRepository(tmp_path / "remote.git", seed=data.root)
    fake = FakeGitHub(repository, app_key=public)
    with Served(fake.app) as served:
        client = GitHub(served.url, "stadt/boersen", app_id="12345", app_key=private)
        delivery = Delivery(
            "formular/test", "main", {"data/ferien/neu.yaml": "titel: Neu\n"}, {"data/ferien/neu.yaml": None}, "Neu", "Neu", "", "formular"
        )
        pull = await client.deliver(delivery)
        await client.close()
    assert pull.number == 1
    assert fake.installation_tokens == ["installation-1"]  # one token, reused for every call
    assert [call[1] for call in fake.calls[:2]] == ["/repos/stadt/boersen/installation", "/app/installations/4711/access_tokens"]
    assert repository.read("formular/test", "data/ferien/neu.yaml") == "titel: Neu\n"


def github_delivery(files: dict) -> Delivery:
    return Delivery("formular/bild", "main", files, dict.fromkeys(files), "Angebot mit Bild", "Angebot mit Bild", "", "formular")


async def test_github_gets_every_file_of_a_submission_in_one_commit(tmp_path):
    repository = BareRepository(tmp_path / "remote.git", seed=DataFolder(tmp_path).root)
    fake = FakeGitHub(repository)
    files = {"data/ferien/neu.yaml": "titel: Neu\nbild: neu.png\n", "data/ferien/neu.png": b"\x89PNG\r\n\x1a\n\x00\xff"}
    with Served(fake.app) as served:
        client = GitHub(served.url, "stadt/boersen", token="geheim-token")
        await client.deliver(github_delivery(files))
        await client.deliver(github_delivery(files))  # again after a restart: nothing new
        await client.close()
    assert repository.log("formular/bild") == ["Angebot mit Bild", "Erster Stand"]
    assert repository.read_bytes("formular/bild", "data/ferien/neu.png") == files["data/ferien/neu.png"]
    assert repository.read("formular/bild", "data/ferien/neu.yaml") == files["data/ferien/neu.yaml"]
    assert [call[:2] for call in fake.calls if call[0] == "PATCH"] == [("PATCH", "/repos/stadt/boersen/git/refs/heads/formular/bild")]


async def test_a_github_branch_moved_meanwhile_is_never_overwritten(tmp_path):
    """Someone pushes to the submission's branch between reading its head and moving it: the
    branch is not forced back; the delivery is tried again later on top of the new head."""
    repository = BareRepository(tmp_path / "remote.git", seed=DataFolder(tmp_path).root)
    fake = FakeGitHub(repository)
    handle = fake.handle

    def push_before_the_first_move(method, raw, query, body):
        if method == "PATCH" and repository.log("formular/bild") == ["Erster Stand"]:
            repository.commit("formular/bild", {"data/ferien/notiz.txt": "von Hand\n"}, "Von Hand", parent=repository.head("formular/bild"))
        return handle(method, raw, query, body)

    fake.handle = push_before_the_first_move
    files = {"data/ferien/neu.yaml": "titel: Neu\n"}
    with Served(fake.app) as served:
        client = GitHub(served.url, "stadt/boersen", token="geheim-token")
        with pytest.raises(ForgeUnavailable, match="der Zweig hat sich inzwischen geändert"):
            await client.deliver(github_delivery(files))
        assert repository.log("formular/bild") == ["Von Hand", "Erster Stand"]
        await client.deliver(github_delivery(files))
        await client.close()
    assert repository.log("formular/bild") == ["Angebot mit Bild", "Von Hand", "Erster Stand"]
    assert repository.read("formular/bild", "data/ferien/notiz.txt") == "von Hand\n"
