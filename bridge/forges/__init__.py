"""Clients for the forges a submission is delivered to: GitHub and GitLab (also openCode).

Both do the same three idempotent steps, so a retry after any failure never creates a second
branch or pull request: make the branch if it is missing, commit the files that differ on
it, find the branch's pull request or open one. Before that they check that the base branch
still holds what the submission was made from (a changed offer is refused, a new file name
that appeared meanwhile is reported as taken).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

import httpx


@dataclass
class Delivery:
    branch: str
    base: str
    files: dict[str, str | bytes | None]  # path -> text, binary content (an image), or None: delete the file
    expected: dict[str, str | None]  # path -> git blob sha on the base branch, None: must not exist
    message: str  # the commit message
    title: str
    body: str
    label: str


@dataclass
class PullRequest:
    number: int
    url: str


class ForgeUnavailable(Exception):
    """Down, slow, rate-limited or answering errors: try again later (after ``retry_after`` seconds if known)."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class ForgeRefused(Exception):
    """The forge refuses the request itself (wrong token, no access): retrying will not help."""


class Conflict(Exception):
    """The base branch changed: ``path`` differs from what the submission was made from."""

    def __init__(self, message: str, path: str, exists: bool):
        super().__init__(message)
        self.path, self.exists = path, exists


def blob_sha(content: str | bytes) -> str:
    """Git's id of a file with this text or these bytes, as both forges report it."""
    data = as_bytes(content)
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def as_bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def check_response(response: httpx.Response, *, clock=time.time) -> None:
    """Raise ForgeUnavailable or ForgeRefused for an answer that is not a success."""
    if response.status_code < 400:
        return
    retry_after = _retry_after(response, clock)
    summary = f"{response.request.method} {response.request.url.path}: HTTP {response.status_code}"
    if response.status_code in (429, 502, 503, 504) or response.status_code >= 500 or retry_after is not None:
        raise ForgeUnavailable(summary, retry_after)
    raise ForgeRefused(f"{summary} {response.text[:300]}")


def _retry_after(response: httpx.Response, clock) -> float | None:
    """Seconds to wait from Retry-After, or GitHub's x-ratelimit-reset when nothing is left."""
    header = response.headers.get("retry-after")
    if header and header.strip().isdigit():
        return float(header)
    if response.status_code in (403, 429) and response.headers.get("x-ratelimit-remaining") == "0":
        reset = response.headers.get("x-ratelimit-reset", "")
        if reset.isdigit():
            return max(0.0, float(reset) - clock()) + 1
        return 60.0
    if response.status_code == 429:
        return None if not header else 60.0
    return None
