"""The bridge as `make bridge` runs it: uvicorn on loopback, and client addresses behind a reverse proxy."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from bridge_world import NEW_OFFER, SECRET
from fake_forges import BareRepository, FakeGitHub, Served
from scratch import FERIEN_OFFER, DataFolder
from sitebuild import ROOT


def start_bridge(tmp_path, forge_url: str, data, trusted: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = os.environ | {
        "BRIDGE_FORGE": "github",
        "BRIDGE_API_URL": forge_url,
        "BRIDGE_REPOSITORY": "stadt/boersen",
        "BRIDGE_TOKEN": "geheim-token",
        "BRIDGE_SECRET": SECRET,
        "BRIDGE_EDITOR_PASSWORD": "redaktion-passwort",
        "BRIDGE_DATA_PATH": str(data.root),
        "BRIDGE_DATABASE": str(tmp_path / f"bridge-{port}.sqlite3"),
        "BRIDGE_MIN_FILL_SECONDS": "0",
        "BRIDGE_RATE_LIMIT": "1",
        "BRIDGE_FORWARDED_ALLOW_IPS": trusted,
        "BOERSEN_HEUTE": "2027-03-01",
    }
    log = (tmp_path / f"bridge-{port}.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "bridge", "--port", str(port)], cwd=ROOT, env=environment, stderr=log)
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/health", timeout=1)
            return process, url
        except httpx.TransportError:
            assert process.poll() is None, (tmp_path / f"bridge-{port}.log").read_text()
            time.sleep(0.05)
    raise RuntimeError("the bridge did not start")


def send(url: str, forwarded_for: str) -> int:
    with httpx.Client(base_url=url, headers={"origin": url}) as client:
        token = re.search(r'name="_token" value="([^"]+)"', client.get("/ferien/neu").text).group(1)
        answer = client.post("/ferien/neu", data={"_token": token, **dict(NEW_OFFER)}, headers={"x-forwarded-for": forwarded_for})
        return answer.status_code


@pytest.mark.parametrize(("trusted", "second"), [("127.0.0.1", 200), ("192.0.2.1", 429)], ids=["proxy-vertraut", "proxy-fremd"])
def test_forwarded_addresses_count_only_from_a_trusted_proxy(tmp_path, trusted, second):
    data = DataFolder(tmp_path)
    data.offer(FERIEN_OFFER, "kurs.yaml")
    fake = FakeGitHub(BareRepository(tmp_path / "remote.git", seed=data.root))
    with Served(fake.app) as forge:
        process, url = start_bridge(tmp_path, forge.url, data, trusted)
        try:
            assert send(url, "203.0.113.1") == 200
            # Another address behind the proxy: its own limit only if the proxy is trusted.
            assert send(url, "203.0.113.2") == second
            expected = 2 if second == 200 else 1
            deadline = time.monotonic() + 30
            while len(fake.pull_requests()) < expected and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(fake.pull_requests()) == expected  # the running worker delivered them
        finally:
            process.terminate()
            process.wait(timeout=30)
