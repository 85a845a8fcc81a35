"""GitHub (and GitHub Enterprise through BRIDGE_API_URL): REST calls for branch, files and pull request.

Authentication is a token (BRIDGE_TOKEN) or a GitHub App (BRIDGE_APP_ID + private key): the
app signs a short JWT, asks for its installation on the repository and gets an installation
token, renewed before it expires; each installation has its own rate limit.
"""

from __future__ import annotations

import base64
import datetime
import time
from urllib.parse import quote

import httpx
import jwt

from . import Conflict, Delivery, ForgeUnavailable, PullRequest, as_bytes, blob_sha, check_response

API_VERSION = "2022-11-28"


class GitHub:
    def __init__(
        self,
        api_url: str,
        repository: str,
        *,
        token: str | None = None,
        app_id: str | None = None,
        app_key: str | None = None,
        client: httpx.AsyncClient | None = None,
        clock=time.time,
    ):
        self.api, self.repository = api_url.rstrip("/"), repository
        self.owner = repository.split("/")[0]
        self.token, self.app_id, self.app_key = token, app_id, app_key
        self.client = client or httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0))
        self.clock = clock
        self._app_token: tuple[str, float] | None = None  # installation token, expiry time

    async def close(self) -> None:
        await self.client.aclose()

    # --- Authentication --------------------------------------------------------------

    def _app_jwt(self) -> str:
        now = int(self.clock())
        return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": self.app_id}, self.app_key, algorithm="RS256")

    async def _authorization(self) -> str:
        if self.token:
            return f"Bearer {self.token}"
        if self._app_token and self._app_token[1] - 300 > self.clock():
            return f"Bearer {self._app_token[0]}"
        app_headers = {**self._base_headers(), "Authorization": f"Bearer {self._app_jwt()}"}
        response = await self.client.get(f"{self.api}/repos/{self.repository}/installation", headers=app_headers)
        check_response(response, clock=self.clock)
        installation = response.json()["id"]
        response = await self.client.post(f"{self.api}/app/installations/{installation}/access_tokens", headers=app_headers)
        check_response(response, clock=self.clock)
        answer = response.json()
        expires = datetime.datetime.fromisoformat(answer["expires_at"]).timestamp()
        self._app_token = (answer["token"], expires)
        return f"Bearer {answer['token']}"

    def _base_headers(self) -> dict[str, str]:
        return {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION, "User-Agent": "boersen-bridge"}

    async def _request(self, method: str, path: str, *, allow: tuple[int, ...] = (), **kwargs) -> httpx.Response:
        headers = {**self._base_headers(), "Authorization": await self._authorization()}
        response = await self.client.request(method, f"{self.api}/repos/{self.repository}{path}", headers=headers, **kwargs)
        if response.status_code not in allow:
            check_response(response, clock=self.clock)
        return response

    # --- Delivery --------------------------------------------------------------------

    async def file_sha(self, path: str, ref: str) -> str | None:
        response = await self._request("GET", f"/contents/{quote(path)}", params={"ref": ref}, allow=(404,))
        return None if response.status_code == 404 else response.json()["sha"]

    async def deliver(self, delivery: Delivery) -> PullRequest:
        for path, expected in delivery.expected.items():
            found = await self.file_sha(path, delivery.base)
            if found != expected:
                raise Conflict(f"{path} auf {delivery.base}: erwartet {expected}, gefunden {found}", path, exists=found is not None)
        await self._ensure_branch(delivery.branch, delivery.base)
        await self._commit(delivery.branch, delivery.files, delivery.message)
        return await self._ensure_pull_request(delivery)

    async def _head(self, branch: str, *, allow: tuple[int, ...] = ()) -> str | None:
        """The commit a branch points at; None if there is no such branch and 404 is allowed."""
        response = await self._request("GET", f"/git/ref/heads/{quote(branch)}", allow=allow)
        return None if response.status_code == 404 else response.json()["object"]["sha"]

    async def _ensure_branch(self, branch: str, base: str) -> None:
        if await self._head(branch, allow=(404,)) is not None:
            return
        head = await self._head(base)
        created = await self._request("POST", "/git/refs", json={"ref": f"refs/heads/{branch}", "sha": head}, allow=(422,))
        if created.status_code == 422 and "already exists" not in created.text:
            check_response(created, clock=self.clock)

    async def _commit(self, branch: str, files: dict[str, str | bytes | None], message: str) -> None:
        """The files that differ on the branch, in one commit (git data API): their blobs, a tree
        on the branch's, the commit, then the branch moved to it, never forced."""
        changed = {}
        for path, content in files.items():
            if await self.file_sha(path, branch) != (None if content is None else blob_sha(content)):
                changed[path] = content
        if not changed:
            return  # delivered before a restart: nothing to do
        head = await self._head(branch)
        base_tree = (await self._request("GET", f"/git/commits/{head}")).json()["tree"]["sha"]
        entries = []
        for path, content in changed.items():
            sha = None  # deletes the file (an image replaced by one of another type)
            if content is not None:
                blob = {"content": base64.b64encode(as_bytes(content)).decode("ascii"), "encoding": "base64"}
                sha = (await self._request("POST", "/git/blobs", json=blob)).json()["sha"]
            entries.append({"path": path, "mode": "100644", "type": "blob", "sha": sha})
        tree = (await self._request("POST", "/git/trees", json={"base_tree": base_tree, "tree": entries})).json()["sha"]
        commit = (await self._request("POST", "/git/commits", json={"message": message, "tree": tree, "parents": [head]})).json()["sha"]
        moved = await self._request("PATCH", f"/git/refs/heads/{quote(branch)}", json={"sha": commit, "force": False}, allow=(422,))
        if moved.status_code == 422:  # someone pushed to the branch meanwhile: start again from its new head
            raise ForgeUnavailable(f"PATCH /git/refs/heads/{branch}: der Zweig hat sich inzwischen geändert")

    async def _ensure_pull_request(self, delivery: Delivery) -> PullRequest:
        found = await self._request("GET", "/pulls", params={"head": f"{self.owner}:{delivery.branch}", "state": "all"})
        if found.json():
            pull = found.json()[0]
        else:
            body = {"title": delivery.title, "head": delivery.branch, "base": delivery.base, "body": delivery.body}
            pull = (await self._request("POST", "/pulls", json=body)).json()
            await self._request("POST", f"/issues/{pull['number']}/labels", json={"labels": [delivery.label]})
        return PullRequest(pull["number"], pull["html_url"])

    async def pull_request_state(self, number: int) -> str:
        """open, merged or closed."""
        pull = (await self._request("GET", f"/pulls/{number}")).json()
        if pull.get("merged") or pull.get("merged_at"):
            return "merged"
        return "closed" if pull["state"] == "closed" else "open"
