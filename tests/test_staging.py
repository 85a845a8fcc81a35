"""A build publishes all or nothing: output/ holds the last good site or the new one, never a broken one."""

from __future__ import annotations

import hashlib
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scratch import FERIEN_OFFER, replace
from sitebuild import PELICAN, ROOT, build_command, build_environment, build_site

sys.path.insert(0, str(ROOT / "bench"))
import synthetic

KEPT = "Die bisherige Seite in output/ bleibt unverändert."


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_folders(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.build-"))


@pytest.fixture
def good_site(data, tmp_path) -> tuple[Path, dict[str, str]]:
    data.offer()
    output = tmp_path / "output"
    assert build_site(output, data_dir=data.root, today="2027-03-01").returncode == 0
    return output, digest(output)


def test_bad_data_keeps_the_last_good_site(data, good_site):
    output, before = good_site
    data.offer(replace(FERIEN_OFFER, "saison: sommer", "saison: somer"), "zweiter.yaml")
    result = build_site(output, data_dir=data.root, today="2027-03-01")
    assert result.returncode == 1
    assert KEPT in result.stderr.splitlines()
    assert digest(output) == before
    assert staging_folders(output) == []


def test_an_error_pelican_logs_keeps_the_last_good_site(data, good_site, tmp_path):
    """Pelican logs a page it cannot read and goes on; such a build is not published either."""
    output, before = good_site
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "kaputt.md").write_text("Title: Kaputt\nDate: gestern\n\nText\n", encoding="utf-8")
    result = build_site(output, data_dir=data.root, content=content, today="2027-03-01")
    assert result.returncode == 1
    assert "Beim Bauen wurde 1 Fehler gemeldet (siehe oben); die Seite wurde nicht veröffentlicht." in " ".join(result.stdout.split())
    assert "Traceback" not in result.stdout + result.stderr
    assert KEPT in result.stderr.splitlines()
    assert digest(output) == before
    assert staging_folders(output) == []


def test_a_good_build_replaces_the_site_whole(data, good_site):
    output, before = good_site
    (output / "alt.html").write_text("vom letzten Mal", encoding="utf-8")
    data.offer(FERIEN_OFFER.replace("Schwimmkurs", "Tauchkurs"), "tauchen.yaml")
    assert build_site(output, data_dir=data.root, today="2027-03-01").returncode == 0
    after = digest(output)
    assert "ferien/tauchen/index.html" in after and "ferien/tauchen/index.html" not in before
    assert "alt.html" not in after
    assert staging_folders(output) == []


# --- Interrupting a large build ------------------------------------------------------


@pytest.fixture(scope="module")
def large_data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("large") / "data"
    synthetic.write_data(folder, 3000)
    return folder


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid``, from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["kill", "term", "ctrl-c"])
def test_a_stopped_build_leaves_the_old_site_and_no_process(data, good_site, large_data, stop):
    output, before = good_site
    build = subprocess.Popen(
        build_command(output, data_dir=large_data),
        cwd=ROOT,
        env=build_environment("2026-11-26"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    staging = output.with_name(f".output.build-{build.pid}")
    # The home page is written right after the search process started: stop the build mid-way.
    assert wait_until(lambda: (staging / "index.html").exists() or build.poll() is not None)
    workers = descendants(build.pid)
    build.send_signal(stop)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode != 0
    assert workers, "the search process should have been running"
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 30), "a worker outlived the build"
    assert digest(output) == before
    if stop == signal.SIGKILL:
        # Nothing runs after SIGKILL: the next build removes what this one left.
        assert staging_folders(output) == [staging.name]
        assert build_site(output, data_dir=data.root, today="2027-03-01").returncode == 0
    else:
        assert KEPT in stderr.splitlines()
    assert staging_folders(output) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_the_preview_server_keeps_serving_the_last_good_site(data, good_site):
    """`make devserver` serves output/ with Pelican's server and rebuilds it on every change."""
    output, _ = good_site
    port = free_port()
    server = subprocess.Popen(
        [str(PELICAN), "--listen", "--bind", "127.0.0.1", "--port", str(port), "-s", "pelicanconf.py", "-o", str(output)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = f"http://127.0.0.1:{port}/ferien/kurs/"
        assert wait_until(lambda: fetch(page) is not None, 30)
        assert "Schwimmkurs für Anfänger" in fetch(page)
        data.offer(FERIEN_OFFER.replace("Schwimmkurs für Anfänger", "Schwimmkurs für Fortgeschrittene"))
        assert build_site(output, data_dir=data.root, today="2027-03-01").returncode == 0
        assert "Schwimmkurs für Fortgeschrittene" in fetch(page)
        data.offer(replace(FERIEN_OFFER, "saison: sommer", "saison: somer").replace("Anfänger", "Profis"))
        assert build_site(output, data_dir=data.root, today="2027-03-01").returncode == 1
        assert "Schwimmkurs für Fortgeschrittene" in fetch(page)
    finally:
        server.terminate()
        server.wait(timeout=30)
