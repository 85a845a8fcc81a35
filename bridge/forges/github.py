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

from . import Conflict, Delivery, PullRequest, as_bytes, blob_sha, check_response

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
        for path, content in delivery.files.items():
            if content is None:
                await self._delete_file(delivery.branch, path, delivery.message)
            else:
                await self._put_file(delivery.branch, path, content, delivery.message)
        return await self._ensure_pull_request(delivery)

    async def _ensure_branch(self, branch: str, base: str) -> None:
        response = await self._request("GET", f"/git/ref/heads/{quote(branch)}", allow=(404,))
        if response.status_code != 404:
            return
        head = (await self._request("GET", f"/git/ref/heads/{quote(base)}")).json()["object"]["sha"]
        created = await self._request("POST", "/git/refs", json={"ref": f"refs/heads/{branch}", "sha": head}, allow=(422,))
        if created.status_code == 422 and "already exists" not in created.text:
            check_response(created, clock=self.clock)

    async def _put_file(self, branch: str, path: str, content: str | bytes, message: str) -> None:
        existing = await self.file_sha(path, branch)
        if existing == blob_sha(content):
            return  # delivered before a restart: nothing to do
        body = {"message": message, "content": base64.b64encode(as_bytes(content)).decode("ascii"), "branch": branch}
        if existing:
            body["sha"] = existing
        await self._request("PUT", f"/contents/{quote(path)}", json=body)

    async def _delete_file(self, branch: str, path: str, message: str) -> None:
        """An image replaced by one of another type goes in the same pull request."""
        existing = await self.file_sha(path, branch)
        if existing is None:
            return  # deleted before a restart
        await self._request("DELETE", f"/contents/{quote(path)}", json={"message": message, "sha": existing, "branch": branch})

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
