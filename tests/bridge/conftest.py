"""Fixtures for the bridge: a world per forge kind, with the app served in-process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "images"))  # image_files: the image tests' drawn and hostile files

from bridge_world import open_world


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(params=["github", "gitlab"])
async def world(request, tmp_path):
    async for value in open_world(tmp_path, request.param):
        yield value


@pytest.fixture
async def github(tmp_path):
    async for value in open_world(tmp_path, "github"):
        yield value
