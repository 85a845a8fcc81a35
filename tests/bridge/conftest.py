"""Fixtures for the bridge: a world per forge kind, with the app served in-process."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bridge.app import create_app

from bridge_world import CLIENT, Clock, World, forge_client, settings
from fake_forges import BareRepository, FakeGitHub, FakeGitLab, Served
from scratch import FERIEN_OFFER, TODAY, DataFolder


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def _world(tmp_path: Path, kind: str, **changes):
    data = DataFolder(tmp_path)
    data.offer(FERIEN_OFFER, "kurs.yaml")
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


@pytest.fixture(params=["github", "gitlab"])
async def world(request, tmp_path):
    async for value in _world(tmp_path, request.param):
        yield value


@pytest.fixture
async def github(tmp_path):
    async for value in _world(tmp_path, "github"):
        yield value
