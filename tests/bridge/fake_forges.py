"""Fake GitHub and GitLab for the bridge's tests: the REST endpoints the bridge uses, over a real bare git repository.

Every call is recorded (method, path, JSON body). Branches, commits and files live in a real
bare repository, written with git's plumbing commands, so a test can clone it and look at
branch, commit and file content with git itself. Faults are injected per test: a number of
failing answers, a rate limit with Retry-After, or a hang until released.
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import json
import os
import re
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote

import jwt
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bridge.forges import as_bytes

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Fake Forge",
    "GIT_AUTHOR_EMAIL": "forge@example.invalid",
    "GIT_COMMITTER_NAME": "Fake Forge",
    "GIT_COMMITTER_EMAIL": "forge@example.invalid",
    "GIT_AUTHOR_DATE": "2026-11-30T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2026-11-30T12:00:00+00:00",
}


class BareRepository:
    """A bare git repository used as the forge's storage."""

    def __init__(self, path: Path, seed: Path | None = None, branch: str = "main"):
        self.path = path
        self.lock = threading.Lock()
        subprocess.run(["git", "init", "--quiet", "--bare", f"--initial-branch={branch}", str(path)], check=True)
        if seed is not None:
            files = {str(file.relative_to(seed.parent)): file.read_bytes() for file in sorted(seed.rglob("*")) if file.is_file()}
            self.commit(branch, files, "Erster Stand", parent=None)

    def git(self, *args: str, input: str | None = None, env: dict | None = None) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.path, input=input, capture_output=True, text=True, env=os.environ | GIT_ENV | (env or {}), check=False
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        return done.stdout.strip()

    def head(self, branch: str) -> str | None:
        try:
            return self.git("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
        except RuntimeError:
            return None

    def set_ref(self, branch: str, sha: str) -> None:
        self.git("update-ref", f"refs/heads/{branch}", sha)

    def blob(self, ref: str, path: str) -> str | None:
        try:
            return self.git("rev-parse", "--verify", "--quiet", f"{ref}:{path}")
        except RuntimeError:
            return None

    def read(self, ref: str, path: str) -> str:
        return self.git("show", f"{ref}:{path}") + "\n"

    def read_bytes(self, ref: str, path: str) -> bytes:
        return subprocess.run(["git", "show", f"{ref}:{path}"], cwd=self.path, capture_output=True, check=True).stdout

    def commit(self, branch: str, files: dict[str, str | bytes | None], message: str, *, parent: str | None) -> str:
        """One commit on ``branch`` (from ``parent``) that writes ``files`` (text or bytes; None deletes)."""
        blobs = {path: None if content is None else self.write_blob(as_bytes(content)) for path, content in files.items()}
        commit = self.commit_tree(self.write_tree(self.tree_of(parent) if parent else None, blobs), [parent] if parent else [], message)
        self.set_ref(branch, commit)
        return commit

    def write_blob(self, data: bytes) -> str:
        done = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=self.path, input=data, capture_output=True, check=True)
        return done.stdout.decode("ascii").strip()

    def tree_of(self, commit: str) -> str | None:
        try:
            return self.git("rev-parse", "--verify", "--quiet", f"{commit}^{{tree}}")
        except RuntimeError:
            return None

    def write_tree(self, base_tree: str | None, entries: dict[str, str | None]) -> str:
        """A tree: ``base_tree`` with each path set to a blob (or removed for None; a bare
        repository has no work tree to rm from)."""
        with self.lock:
            index = self.path / f"index-{threading.get_ident()}"
            env = {"GIT_INDEX_FILE": str(index)}
            try:
                self.git("read-tree", *([base_tree] if base_tree else ["--empty"]), env=env)
                for path, blob in entries.items():
                    line = f"0 {'0' * 40}\t{path}\n" if blob is None else f"100644 {blob}\t{path}\n"
                    self.git("update-index", "--index-info", input=line, env=env)
                return self.git("write-tree", env=env)
            finally:
                index.unlink(missing_ok=True)

    def commit_tree(self, tree: str, parents: list[str], message: str) -> str:
        return self.git("commit-tree", tree, *(arg for parent in parents for arg in ("-p", parent)), "-m", message)

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        return subprocess.run(["git", "merge-base", "--is-ancestor", ancestor, commit], cwd=self.path, check=False).returncode == 0

    def branches(self) -> list[str]:
        return sorted(self.git("for-each-ref", "--format=%(refname:short)", "refs/heads").split())

    def log(self, branch: str) -> list[str]:
        return self.git("log", "--format=%s", branch).splitlines()


@dataclass
class Faults:
    """What the fake does wrong next: fail N answers, or hang until released."""

    failures: list[tuple[int, dict]] = field(default_factory=list)  # (status, headers) answered in turn
    hang: threading.Event | None = None  # set it to let held requests go on
    hanging: int = 0  # requests currently held
    delay: float = 0.0  # seconds every answer takes (a slow forge)


class FakeForge:
    """Shared recording, authentication and faults; GitHub and GitLab add their routes."""

    def __init__(self, repository: BareRepository, token: str = "geheim-token"):
        self.repository, self.token = repository, token
        self.calls: list[tuple[str, str, dict | None]] = []
        self.faults = Faults()
        self.pulls: list[dict] = []
        self.app = Starlette(routes=[Route("/{rest:path}", self.dispatch, methods=["GET", "POST", "PATCH"])])

    def authorised(self, request: Request) -> bool:
        raise NotImplementedError

    async def dispatch(self, request: Request) -> Response:
        raw = request.scope.get("raw_path", request.url.path.encode()).decode("ascii")
        body = None
        if request.method in ("POST", "PATCH"):
            content = await request.body()
            body = json.loads(content) if content else None
        self.calls.append((request.method, unquote(raw), body))
        if self.faults.failures:
            status, headers = self.faults.failures.pop(0)
            return JSONResponse({"message": "Fehler (Test)"}, status_code=status, headers=headers)
        if self.faults.hang is not None and not self.faults.hang.is_set():
            self.faults.hanging += 1
            await asyncio.to_thread(self.faults.hang.wait)
            self.faults.hanging -= 1
        if self.faults.delay:
            await asyncio.sleep(self.faults.delay)
        if not self.authorised(request):
            return JSONResponse({"message": "Bad credentials"}, status_code=401)
        query = {key: values[-1] for key, values in parse_qs(request.url.query).items()}
        return await asyncio.to_thread(self.handle, request.method, raw, query, body)

    def handle(self, method: str, raw: str, query: dict, body: dict | None) -> Response:
        raise NotImplementedError

    def pull_requests(self) -> list[dict]:
        return self.pulls


class FakeGitHub(FakeForge):
    def __init__(self, repository: BareRepository, name: str = "stadt/boersen", token: str = "geheim-token", app_key: str | None = None):
        super().__init__(repository, token)
        self.name, self.app_key = name, app_key
        self.installation_tokens: list[str] = []

    def authorised(self, request: Request) -> bool:
        given = request.headers.get("authorization", "").removeprefix("Bearer ")
        if request.url.path.endswith("/installation") or "/app/installations/" in request.url.path:
            try:
                jwt.decode(given, self.app_key, algorithms=["RS256"])
            except (jwt.InvalidTokenError, TypeError, ValueError):
                return False
            return True
        return given == self.token or given in self.installation_tokens

    def handle(self, method: str, raw: str, query: dict, body: dict | None) -> Response:
        repo, prefix = self.repository, f"/repos/{self.name}"
        if method == "POST" and (match := re.fullmatch(r"/app/installations/(\d+)/access_tokens", raw)):
            token = f"installation-{len(self.installation_tokens) + 1}"
            self.installation_tokens.append(token)
            expires = datetime.datetime.fromtimestamp(time.time() + 3600, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            return JSONResponse({"token": token, "expires_at": expires}, status_code=201)
        if not raw.startswith(prefix):
            return JSONResponse({"message": "Not Found"}, status_code=404)
        path = raw[len(prefix) :]
        if method == "GET" and path == "/installation":
            return JSONResponse({"id": 4711})
        if match := re.fullmatch(r"/git/ref/heads/(.+)", path):
            sha = repo.head(unquote(match.group(1)))
            return JSONResponse({"object": {"sha": sha}}) if sha else JSONResponse({"message": "Not Found"}, status_code=404)
        if method == "PATCH" and (match := re.fullmatch(r"/git/refs/heads/(.+)", path)):
            branch = unquote(match.group(1))
            current = repo.head(branch)
            if current is None:
                return JSONResponse({"message": "Reference does not exist"}, status_code=422)
            if not body.get("force") and not repo.is_ancestor(current, body["sha"]):
                return JSONResponse({"message": "Update is not a fast forward"}, status_code=422)
            repo.set_ref(branch, body["sha"])
            return JSONResponse({"ref": f"refs/heads/{branch}", "object": {"sha": body["sha"]}})
        if method == "GET" and (match := re.fullmatch(r"/git/commits/([0-9a-f]{40})", path)):
            tree = repo.tree_of(match.group(1))
            return (
                JSONResponse({"sha": match.group(1), "tree": {"sha": tree}})
                if tree
                else JSONResponse({"message": "Not Found"}, status_code=404)
            )
        if method == "POST" and path == "/git/blobs":
            data = base64.b64decode(body["content"]) if body.get("encoding") == "base64" else body["content"].encode("utf-8")
            return JSONResponse({"sha": repo.write_blob(data)}, status_code=201)
        if method == "POST" and path == "/git/trees":
            entries = {entry["path"]: entry["sha"] for entry in body["tree"]}
            return JSONResponse({"sha": repo.write_tree(body.get("base_tree"), entries)}, status_code=201)
        if method == "POST" and path == "/git/commits":
            return JSONResponse({"sha": repo.commit_tree(body["tree"], body["parents"], body["message"])}, status_code=201)
        if method == "POST" and path == "/git/refs":
            branch = body["ref"].removeprefix("refs/heads/")
            if repo.head(branch):
                return JSONResponse({"message": "Reference already exists"}, status_code=422)
            repo.set_ref(branch, body["sha"])
            return JSONResponse({"ref": body["ref"]}, status_code=201)
        if method == "GET" and (match := re.fullmatch(r"/contents/(.+)", path)):
            file, ref = unquote(match.group(1)), query.get("ref", "main")
            sha = repo.blob(ref, file)
            if sha is None:
                return JSONResponse({"message": "Not Found"}, status_code=404)
            return JSONResponse({"sha": sha, "content": base64.b64encode(repo.read_bytes(ref, file)).decode()})
        if path == "/pulls" and method == "GET":
            head = query.get("head", "").split(":", 1)[-1]
            return JSONResponse([pull for pull in self.pulls if pull["head"] == head])
        if path == "/pulls" and method == "POST":
            if any(pull["head"] == body["head"] for pull in self.pulls):
                return JSONResponse({"message": "A pull request already exists"}, status_code=422)
            number = len(self.pulls) + 1
            pull = {
                "number": number,
                "html_url": f"https://github.example/{self.name}/pull/{number}",
                "state": "open",
                "merged": False,
                "head": body["head"],
                "base": body["base"],
                "title": body["title"],
                "body": body["body"],
                "labels": [],
            }
            self.pulls.append(pull)
            return JSONResponse(pull, status_code=201)
        if match := re.fullmatch(r"/issues/(\d+)/labels", path):
            self.pulls[int(match.group(1)) - 1]["labels"] += body["labels"]
            return JSONResponse([{"name": label} for label in body["labels"]])
        if match := re.fullmatch(r"/pulls/(\d+)", path):
            return JSONResponse(self.pulls[int(match.group(1)) - 1])
        return JSONResponse({"message": "Not Found"}, status_code=404)

    def finish(self, number: int, *, merged: bool) -> None:
        pull = self.pulls[number - 1]
        pull["state"], pull["merged"] = "closed", merged
        if merged:
            self.repository.set_ref(pull["base"], self.repository.head(pull["head"]))


class FakeGitLab(FakeForge):
    def __init__(self, repository: BareRepository, project: str = "stadt/boersen", token: str = "geheim-token"):
        super().__init__(repository, token)
        self.project = project

    def authorised(self, request: Request) -> bool:
        return request.headers.get("private-token") == self.token

    def handle(self, method: str, raw: str, query: dict, body: dict | None) -> Response:
        repo = self.repository
        prefix = "/api/v4/projects/" + self.project.replace("/", "%2F")
        if not raw.startswith(prefix):
            return JSONResponse({"message": "404 Project Not Found"}, status_code=404)
        path = raw[len(prefix) :]
        if match := re.fullmatch(r"/repository/files/([^/]+)", path):
            file, ref = unquote(match.group(1)), query.get("ref", "main")
            sha = repo.blob(ref, file)
            if sha is None:
                return JSONResponse({"message": "404 File Not Found"}, status_code=404)
            return JSONResponse({"file_path": file, "blob_id": sha, "content": base64.b64encode(repo.read_bytes(ref, file)).decode()})
        if match := re.fullmatch(r"/repository/branches/([^/]+)", path):
            sha = repo.head(unquote(match.group(1)))
            return JSONResponse({"commit": {"id": sha}}) if sha else JSONResponse({"message": "404 Branch Not Found"}, status_code=404)
        if path == "/repository/commits" and method == "POST":
            branch, start = body["branch"], body.get("start_branch")
            if start and repo.head(branch):
                return JSONResponse({"message": f"A branch called '{branch}' already exists"}, status_code=400)
            parent = repo.head(start or branch)
            if parent is None:
                return JSONResponse({"message": "You can only create or edit files when you are on a branch"}, status_code=400)
            for action in body["actions"]:
                exists = repo.blob(parent, action["file_path"]) is not None
                if (action["action"] == "create") == exists:
                    message = "A file with this name already exists" if exists else "A file with this name doesn't exist"
                    return JSONResponse({"message": message}, status_code=400)
            files = {action["file_path"]: _content(action) for action in body["actions"]}
            commit = repo.commit(branch, files, body["commit_message"], parent=parent)
            return JSONResponse({"id": commit}, status_code=201)
        if path == "/merge_requests" and method == "GET":
            return JSONResponse([request for request in self.pulls if request["source_branch"] == query.get("source_branch")])
        if path == "/merge_requests" and method == "POST":
            if any(request["source_branch"] == body["source_branch"] for request in self.pulls):
                return JSONResponse({"message": ["Another open merge request already exists for this source branch"]}, status_code=409)
            iid = len(self.pulls) + 1
            request = {
                "iid": iid,
                "web_url": f"https://gitlab.example/{self.project}/-/merge_requests/{iid}",
                "state": "opened",
                **{key: body[key] for key in ("source_branch", "target_branch", "title", "description", "labels")},
            }
            self.pulls.append(request)
            return JSONResponse(request, status_code=201)
        if match := re.fullmatch(r"/merge_requests/(\d+)", path):
            return JSONResponse(self.pulls[int(match.group(1)) - 1])
        return JSONResponse({"message": "404 Not Found"}, status_code=404)

    def finish(self, number: int, *, merged: bool) -> None:
        request = self.pulls[number - 1]
        request["state"] = "merged" if merged else "closed"
        if merged:
            self.repository.set_ref(request["target_branch"], self.repository.head(request["source_branch"]))


def _content(action: dict) -> str | bytes | None:
    """What a GitLab commit action writes: text, base64-encoded bytes, or None for "delete"."""
    if action["action"] == "delete":
        return None
    return base64.b64decode(action["content"]) if action.get("encoding") == "base64" else action["content"]


class Served:
    """An ASGI app served by uvicorn on a free loopback port in a background thread."""

    def __init__(self, app):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the fake forge did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
