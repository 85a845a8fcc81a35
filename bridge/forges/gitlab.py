"""GitLab (gitlab.com, self-hosted, openCode): one atomic commit that also creates the branch, then a merge request."""

from __future__ import annotations

import base64
import time
from urllib.parse import quote

import httpx

from . import Conflict, Delivery, PullRequest, as_bytes, check_response


class GitLab:
    def __init__(self, api_url: str, project: str, *, token: str, client: httpx.AsyncClient | None = None, clock=time.time):
        self.api, self.project = api_url.rstrip("/"), quote(project, safe="")
        self.token = token
        self.client = client or httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0))
        self.clock = clock

    async def close(self) -> None:
        await self.client.aclose()

    async def _request(self, method: str, path: str, *, allow: tuple[int, ...] = (), **kwargs) -> httpx.Response:
        headers = {"PRIVATE-TOKEN": self.token, "User-Agent": "boersen-bridge"}
        response = await self.client.request(method, f"{self.api}/projects/{self.project}{path}", headers=headers, **kwargs)
        if response.status_code not in allow:
            check_response(response, clock=self.clock)
        return response

    async def _file(self, path: str, ref: str) -> dict | None:
        response = await self._request("GET", f"/repository/files/{quote(path, safe='')}", params={"ref": ref}, allow=(404,))
        return None if response.status_code == 404 else response.json()

    async def file_sha(self, path: str, ref: str) -> str | None:
        found = await self._file(path, ref)
        return found["blob_id"] if found else None

    async def deliver(self, delivery: Delivery) -> PullRequest:
        on_base = {}
        for path in delivery.files:
            found = await self._file(path, delivery.base)
            on_base[path] = found["blob_id"] if found else None
        for path, expected in delivery.expected.items():
            if on_base.get(path) != expected:
                found = on_base.get(path)
                raise Conflict(f"{path} auf {delivery.base}: erwartet {expected}, gefunden {found}", path, exists=found is not None)
        branch = await self._request("GET", f"/repository/branches/{quote(delivery.branch, safe='')}", allow=(404,))
        if branch.status_code == 404:
            actions = [self._action(path, content, on_base[path] is not None) for path, content in delivery.files.items()]
            actions = [action for action in actions if action]
            body = {"branch": delivery.branch, "start_branch": delivery.base, "commit_message": delivery.message, "actions": actions}
            await self._request("POST", "/repository/commits", json=body)
        else:  # made before a restart: commit only what is missing on it
            actions = []
            for path, content in delivery.files.items():
                found = await self._file(path, delivery.branch)
                if found is not None and content is not None and base64.b64decode(found["content"]) == as_bytes(content):
                    continue  # committed before
                if action := self._action(path, content, found is not None):
                    actions.append(action)
            if actions:
                await self._request(
                    "POST", "/repository/commits", json={"branch": delivery.branch, "commit_message": delivery.message, "actions": actions}
                )
        return await self._ensure_merge_request(delivery)

    @staticmethod
    def _action(path: str, content: str | bytes | None, exists: bool) -> dict | None:
        """Text as it is, bytes (an image) in base64, None deletes the file (nothing to do when it is not there)."""
        if content is None:
            return {"action": "delete", "file_path": path} if exists else None
        action = {"action": "update" if exists else "create", "file_path": path}
        if isinstance(content, bytes):
            return action | {"content": base64.b64encode(content).decode("ascii"), "encoding": "base64"}
        return action | {"content": content}

    async def _ensure_merge_request(self, delivery: Delivery) -> PullRequest:
        found = (await self._request("GET", "/merge_requests", params={"source_branch": delivery.branch, "state": "all"})).json()
        if found:
            request = found[0]
        else:
            body = {
                "source_branch": delivery.branch,
                "target_branch": delivery.base,
                "title": delivery.title,
                "description": delivery.body,
                "labels": delivery.label,
                "remove_source_branch": True,
            }
            request = (await self._request("POST", "/merge_requests", json=body)).json()
        return PullRequest(request["iid"], request["web_url"])

    async def pull_request_state(self, number: int) -> str:
        state = (await self._request("GET", f"/merge_requests/{number}")).json()["state"]
        return {"merged": "merged", "closed": "closed", "locked": "closed"}.get(state, "open")
