"""The few GitHub REST calls the workflows need: one comment per pull request, one issue for
stale offers. Standard library only; the token comes from the workflow's GITHUB_TOKEN."""

from __future__ import annotations

import json
import urllib.request
from typing import Any, Protocol

from . import comment, stale

BOT = "github-actions[bot]"  # the author of everything the workflows write with GITHUB_TOKEN
MAX_BODY = 65536  # GitHub refuses longer comments and issue bodies


class Api(Protocol):
    def __call__(self, method: str, path: str, body: dict | None = None) -> Any: ...


class Refused(Exception):
    """The input does not fit the pull request or is not what the workflow wrote."""


def client(api_url: str, token: str) -> Api:
    """Calls ``api_url + path`` with the token; returns the decoded JSON answer."""

    def call(method: str, path: str, body: dict | None = None) -> Any:
        request = urllib.request.Request(
            api_url.rstrip("/") + path,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            method=method,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "Content-Type": "application/json",
                "User-Agent": "boersen-ci",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    return call


def _all(api: Api, path: str) -> list[dict]:
    items: list[dict] = []
    page = 1
    while True:
        batch = api("GET", f"{path}{'&' if '?' in path else '?'}per_page=100&page={page}")
        items += batch
        if len(batch) < 100:
            return items
        page += 1


def post_comment(api: Api, repository: str, number_text: str, head_sha: str, body: str) -> str:
    """Create or update the one check comment on pull request ``number_text``.

    The number and text come from an artifact of the pull request's own run, which a fork can
    write freely: the number must name an open pull request whose head is the commit that run
    checked, and the text must be the check's comment."""
    number = number_text.strip()
    if not number.isdigit() or not body.startswith(comment.MARKER) or len(body) > MAX_BODY:
        raise Refused("Das Artefakt ist kein Kommentar der Prüfung.")
    pull = api("GET", f"/repos/{repository}/pulls/{number}")
    if pull["state"] != "open" or pull["head"]["sha"] != head_sha:
        raise Refused(f"Pull Request {number} gehört nicht zu Commit {head_sha}.")
    mine = [
        c
        for c in _all(api, f"/repos/{repository}/issues/{number}/comments")
        if c["user"]["login"] == BOT and c["body"].startswith(comment.MARKER)
    ]
    if mine:
        api("PATCH", f"/repos/{repository}/issues/comments/{mine[0]['id']}", {"body": body})
        return f"Kommentar in Pull Request {number} aktualisiert."
    api("POST", f"/repos/{repository}/issues/{number}/comments", {"body": body})
    return f"Kommentar in Pull Request {number} geschrieben."


def update_stale_issue(api: Api, repository: str, body: str | None) -> str:
    """Open, update or close the one issue listing stale offers (``body`` None: all confirmed)."""
    if body is not None and len(body) > MAX_BODY:
        cut = body.rfind("\n", 0, MAX_BODY - 200)
        body = body[:cut] + "\n\n… Die Liste ist zu lang für ein Issue; `boersen validate` zeigt alle Warnungen.\n"
    issues = [
        issue
        for issue in _all(api, f"/repos/{repository}/issues?state=open&creator={BOT.replace('[', '%5B').replace(']', '%5D')}")
        if "pull_request" not in issue and (issue.get("body") or "").startswith(stale.MARKER)
    ]
    if body is None:
        if not issues:
            return "Alle Angebote sind bestätigt; kein Issue offen."
        api("PATCH", f"/repos/{repository}/issues/{issues[0]['number']}", {"body": stale.ALL_CONFIRMED, "state": "closed"})
        return f"Alle Angebote sind bestätigt; Issue {issues[0]['number']} geschlossen."
    if issues:
        api("PATCH", f"/repos/{repository}/issues/{issues[0]['number']}", {"title": stale.TITLE, "body": body})
        return f"Issue {issues[0]['number']} aktualisiert."
    created = api("POST", f"/repos/{repository}/issues", {"title": stale.TITLE, "body": body})
    return f"Issue {created['number']} eröffnet."
