"""A bridge under test: scratch data, a bare repository behind a fake forge on loopback, the app in-process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import httpx

from bridge.app import create_app
from bridge.config import Settings
from bridge.forges.github import GitHub
from bridge.forges.gitlab import GitLab

from fake_forges import BareRepository, FakeGitHub, FakeGitLab, Served
from scratch import FERIEN_OFFER, TODAY, DataFolder

SECRET = "ein-sehr-langes-geheimnis-fuer-tests-0123456789"
PASSWORD = "redaktion-passwort"
CLIENT = ("198.51.100.7", 40000)


class Clock:
    """The bridge's clock in tests: moves only when told to."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def settings(data: Path, database: Path, *, forge: str = "github", api_url: str = "http://127.0.0.1:9", **changes) -> Settings:
    values = dict(
        forge=forge,
        api_url=api_url,
        repository="stadt/boersen",
        branch="main",
        token="geheim-token",
        app_id=None,
        app_key=None,
        secret=SECRET.encode(),
        database=database,
        data_path=data,
        site_origin="https://boersen.auenstadt.example",
        min_fill_seconds=5.0,
        rate_limit=20,
        altcha=False,
        editor_password=PASSWORD,
    )
    return Settings(**(values | changes))


def form_token(html: str) -> str:
    return re.search(r'name="_token" value="([^"]+)"', html).group(1)


def form_basis(html: str) -> str | None:
    found = re.search(r'name="_basis" value="([^"]+)"', html)
    return found.group(1) if found else None


def reference_number(html: str) -> str:
    return re.search(r'class="reference">([A-Z0-9-]+)<', html).group(1)


async def refused_after_a_change_on_main(world, number: str, path: str, content: str | bytes) -> None:
    """``path`` changes on main after the form was opened: the submission fails, saying so, and
    nothing reaches the forge."""
    world.repository.commit("main", {path: content}, "Inzwischen geändert", parent=world.repository.head("main"))
    assert await world.bridge.deliverer.deliver_due() == 0
    submission = world.store.by_number(number)
    assert submission.state == "fehlgeschlagen"
    assert submission.last_error == (
        f"Die Datei {path} wurde geändert, seit das Formular geöffnet wurde. "
        "Die Änderung wurde nicht übernommen, damit nichts überschrieben wird."
    )
    assert world.fake.pull_requests() == []


# A valid new offer as the form sends it.
NEW_OFFER = [
    ("titel", "Kanutag auf der Itz"),
    ("kurzbeschreibung", "Wir paddeln gemeinsam von Auenstadt nach Rödental."),
    ("beschreibung", "Ein Tag auf dem Wasser.\r\n\r\nMit Picknick."),
    ("anbieter", "tsv"),
    ("kategorien", "natur-und-erlebnis"),
    ("termine.0.datum", "2027-08-10"),
    ("termine.0.beginn", "9:00"),
    ("termine.0.ende", "16:00"),
    ("saison", "sommer"),
    ("alter.von", "10"),
    ("alter.bis", "14"),
    ("gebuehr", "12,50"),
    ("ort.stadt", "Auenstadt"),
    ("barrierefrei", "nein"),
    ("rueckfrage.name", "Petra Paddel"),
    ("rueckfrage.email", "petra@example.org"),
]

NEW_OFFER_FILE = """\
titel: Kanutag auf der Itz
kurzbeschreibung: Wir paddeln gemeinsam von Auenstadt nach Rödental.
beschreibung: |
  Ein Tag auf dem Wasser.

  Mit Picknick.
anbieter: tsv
kategorien: [natur-und-erlebnis]
ort:
  stadt: Auenstadt
barrierefrei: false
bestaetigt_am: 2027-03-01
termine:
  - datum: 2027-08-10
    beginn: 9:00
    ende: 16:00
saison: sommer
alter:
  von: 10
  bis: 14
gebuehr: 12.5
"""


@dataclass
class World:
    data: DataFolder
    repository: BareRepository
    fake: FakeGitHub | FakeGitLab
    served: Served
    clock: Clock
    app: object
    client: httpx.AsyncClient

    @property
    def bridge(self):
        return self.app.state.bridge

    @property
    def store(self):
        return self.bridge.store

    async def get(self, path: str, **kwargs) -> httpx.Response:
        return await self.client.get(path, **kwargs)

    async def submit(
        self,
        path: str,
        values: list[tuple[str, str]],
        *,
        wait: float = 10,
        origin: str | None = "http://bridge.test",
        image: tuple[str, bytes, str] | None = None,
    ):
        """Open the form, let ``wait`` seconds pass, send ``values`` with the form's token; ``image`` (file
        name, bytes, content type) is uploaded in the form's file field, as multipart/form-data."""
        form = await self.client.get(path)
        self.clock.advance(wait)
        fields = [("_token", form_token(form.text)), *values]
        if basis := form_basis(form.text):
            fields.append(("_basis", basis))
        headers = {"origin": origin} if origin else {}
        files = {"bild": image} if image else None
        return await self.client.post(path, data=_encode(fields), files=files, headers=headers)


def _encode(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def forge_client(kind: str, url: str):
    if kind == "github":
        return GitHub(url, "stadt/boersen", token="geheim-token")
    return GitLab(f"{url}/api/v4", "stadt/boersen", token="geheim-token")


async def open_world(tmp_path: Path, kind: str, *, offer_files: dict[str, bytes] | None = None, **changes):
    """A world with scratch data, a fake forge of ``kind`` on loopback and the app in-process;
    ``offer_files`` are written into the Börse's folder after the offer (a changed offer, its image)."""
    data = DataFolder(tmp_path)
    data.offer(FERIEN_OFFER, "kurs.yaml")
    for name, content in (offer_files or {}).items():
        data.write_bytes(f"ferien/{name}", content)
    repository = BareRepository(tmp_path / "remote.git", seed=data.root)
    fake = FakeGitHub(repository) if kind == "github" else FakeGitLab(repository)
    clock = Clock()
    with Served(fake.app) as served:
        forge = forge_client(kind, served.url)
        app = create_app(
            settings(data.root, tmp_path / "bridge.sqlite3", forge=kind, api_url=served.url, **changes),
            forge=forge,
            clock=clock,
            today=TODAY,
            deliver_in_background=False,
        )
        transport = httpx.ASGITransport(app=app, client=CLIENT)
        async with httpx.AsyncClient(transport=transport, base_url="http://bridge.test") as client:
            yield World(data, repository, fake, served, clock, app, client)
        await forge.close()
        app.state.bridge.store.close()
