"""Issues as GitHub writes them from a form, scratch repositories and a fake GitHub for the issue-form tests."""

from __future__ import annotations

import subprocess
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from boersen.ci.issue_forms import layout
from boersen.ci.issue_offer import CONSENT

from recording_server import RecordingHandler

CHECKED = f"- [X] {CONSENT}"


def issue_body(boerse, answers: dict[str, str]) -> str:
    """The text GitHub writes for a submitted form: ``### Label``, an empty line, the answer."""
    parts = []
    for element in layout(boerse):
        if element.name == "boerse":
            value = boerse.title
        elif element.kind == "consent":
            value = answers.get(element.label, CHECKED)
        else:
            value = answers.get(element.label) or "_No response_"
        parts.append(f"### {element.label}\n\n{value}")
    return "\n\n".join(parts)


def event(body: str, *, number: int = 7, action: str = "opened", labels=("angebot",), state: str = "open") -> dict:
    return {
        "action": action,
        "issue": {
            "number": number,
            "title": "Neues Angebot: Schwimmkurs",
            "body": body,
            "state": state,
            "labels": [{"name": name} for name in labels],
            "user": {"login": "kassenwartin-tsv"},
            "created_at": "2027-02-27T10:15:00Z",
            "html_url": f"https://github.com/stadt/boersen/issues/{number}",
        },
        "repository": {"full_name": "stadt/boersen", "default_branch": "main"},
    }


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout


def repository(tmp_path: Path, data_root: Path) -> tuple[Path, Path]:
    """A bare repository as GitHub, holding ``data_root`` on main, and a clone of it as the runner's checkout."""
    remote, seed, checkout = tmp_path / "remote.git", tmp_path / "seed", tmp_path / "checkout"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(seed))
    subprocess.run(["cp", "-r", str(data_root), str(seed / "data")], check=True)
    git(seed, "add", "data")
    git(seed, "-c", "user.name=Stadt", "-c", "user.email=stadt@example.org", "commit", "--quiet", "-m", "Data")
    git(seed, "push", "--quiet", str(remote), "main")
    git(tmp_path, "clone", "--quiet", str(remote), str(checkout))
    return remote, checkout


class FakeGitHub:
    """Answers the calls of issue-offer like GitHub's REST API and records them."""

    def __init__(self, pulls: list | None = None, comments: list | None = None):
        self.pulls = pulls or []
        self.comments = comments or []
        self.calls: list[tuple[str, str, dict | None]] = []

    def __call__(self, method: str, path: str, body: dict | None = None):
        self.calls.append((method, path, body))
        if method == "GET" and "/pulls?" in path:
            return self.pulls
        if method == "GET" and path.split("?")[0].endswith("/comments"):
            return self.comments
        if method == "POST" and path.endswith("/pulls"):
            return {"number": 12}
        return {"id": 1}


class PlaysGitHub(RecordingHandler):
    """A loopback server for the real HTTP client: no pull request or comment yet, then records what it is sent."""

    received: ClassVar[list] = []  # this server's own calls

    def do_GET(self):
        self._record()
        self._answer([])

    def do_POST(self):
        self._record()
        self._answer({"number": 12} if self.path.endswith("/pulls") else {"id": 1}, 201)


class LoopbackGitHub:
    """Runs PlaysGitHub on 127.0.0.1 for the time of a ``with`` block."""

    def __enter__(self) -> str:
        PlaysGitHub.received = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), PlaysGitHub)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_port}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
