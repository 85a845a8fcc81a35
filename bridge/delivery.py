"""The background worker: delivers stored submissions to the forge, retrying until it answers.

Forge down, slow, rate-limited or answering errors: the submission waits, with exponential
backoff (or as long as Retry-After / GitHub's rate-limit reset says) and is delivered later.
Every step is idempotent on the forge's side (see ``forges``), so a retry or a restart after
SIGKILL never makes a second branch or pull request. Delivered submissions are watched until
their pull request is merged or closed; then the submitter's contact is deleted.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from pathlib import PurePosixPath

import httpx

from .forges import Conflict, Delivery, ForgeRefused, ForgeUnavailable, blob_sha
from .store import CLOSED, MERGED, Store, Submission

log = logging.getLogger("bridge.delivery")

FIRST_DELAY = 5.0  # seconds before the first retry; doubled each time
MAX_DELAY = 15 * 60.0
REFUSALS_BEFORE_FAILING = 5  # a refusal (wrong token, no access) is retried a few times, then shown to the editor
STATE_CHECK_SECONDS = 10 * 60.0


def backoff(attempts: int, retry_after: float | None = None) -> float:
    delay = min(FIRST_DELAY * 2**attempts, MAX_DELAY)
    return max(delay, retry_after) if retry_after is not None else delay


class Deliverer:
    def __init__(self, store: Store, forge, *, base: str, label: str, clock=time.time):
        self.store, self.forge, self.base, self.label, self.clock = store, forge, base, label, clock
        self.wake = asyncio.Event()
        self.last_state_check = 0.0

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver what is due, check delivered pull requests now and then, sleep until woken or due."""
        while not stop.is_set():
            try:
                await self.deliver_due()
                if self.clock() - self.last_state_check >= STATE_CHECK_SECONDS:
                    await self.check_states()
            except Exception:  # never let the worker die; the submission stays stored
                log.exception("Zustellung unterbrochen")
            self.wake.clear()
            waiter = asyncio.ensure_future(self.wake.wait())
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({waiter, stopper}, timeout=1.0, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            stopper.cancel()

    async def deliver_due(self) -> int:
        delivered = 0
        while due := self.store.due(self.clock()):
            for submission in due:
                delivered += await self.deliver(submission)
        return delivered

    async def deliver(self, submission: Submission) -> int:
        delivery = Delivery(
            branch=submission.branch,
            base=self.base,
            files=submission.files,
            expected=submission.expected,
            message=_commit_message(submission),
            title=_title(submission),
            body=submission.body,
            label=self.label,
        )
        now = self.clock()
        try:
            pull = await self.forge.deliver(delivery)
        except ForgeUnavailable as error:
            self.store.mark_retry(submission.id, str(error), now + backoff(submission.attempts, error.retry_after), now)
            return 0
        except (httpx.TransportError, httpx.TimeoutException) as error:  # down, unreachable, too slow
            self.store.mark_retry(submission.id, f"{type(error).__name__}: {error}", now + backoff(submission.attempts), now)
            return 0
        except Conflict as error:
            return self._conflict(submission, error, now)
        except ForgeRefused as error:
            if submission.attempts + 1 >= REFUSALS_BEFORE_FAILING:
                self.store.mark_failed(submission.id, str(error), now)
            else:
                self.store.mark_retry(submission.id, str(error), now + backoff(submission.attempts), now)
            return 0
        self.store.mark_delivered(submission.id, pull.number, pull.url, self.clock())
        log.info("Vorgang %s zugestellt: %s", submission.number, pull.url)
        return 1

    def _conflict(self, submission: Submission, error: Conflict, now: float) -> int:
        uploaded = isinstance(submission.files.get(error.path), bytes)
        if submission.kind == "neu" and error.exists and (error.path == submission.path or uploaded):
            # Someone added a file of that name meanwhile: the new offer takes the next free name, its image too.
            path = _next_name(submission.path)
            files, expected = _moved(submission, path)
            self.store.relocate(submission.id, path, files, expected, now)
            return 0
        if submission.kind == "neu" and error.exists:  # a new organisation's file appeared meanwhile
            message = f"Die Datei {error.path} gibt es inzwischen. Bitte den Anbieter im Formular auswählen statt neu anlegen."
        else:
            message = (
                f"Die Datei {error.path} wurde geändert, seit das Formular geöffnet wurde. "
                "Die Änderung wurde nicht übernommen, damit nichts überschrieben wird."
            )
        self.store.mark_failed(submission.id, message, now)
        return 0

    async def check_states(self) -> None:
        """Merged or closed pull requests finish their case; contacts older than 90 days are deleted."""
        self.last_state_check = self.clock()
        self.store.forget_old_contacts(self.clock())
        for submission in self.store.delivered():
            try:
                state = await self.forge.pull_request_state(submission.pull_number)
            except (ForgeUnavailable, ForgeRefused, httpx.TransportError, httpx.TimeoutException):
                return  # next time
            if state in ("merged", "closed"):
                self.store.mark_finished(submission.id, MERGED if state == "merged" else CLOSED, self.clock())


def _next_name(path: str) -> str:
    """data/ferien/kanutag.yaml -> data/ferien/kanutag-2.yaml -> …-3.yaml"""
    file = PurePosixPath(path)
    match = re.fullmatch(r"(.*)-(\d+)", file.stem)
    stem, number = (match.group(1), int(match.group(2)) + 1) if match else (file.stem, 2)
    return str(file.with_name(f"{stem}-{number}{file.suffix}"))


def _moved(submission: Submission, path: str) -> tuple[dict, dict]:
    """A new offer's files and expectations under its new name ``path``: its uploaded image
    (``<stem>.png`` beside it) is renamed with it and its ``bild:`` line follows."""
    old, new = PurePosixPath(submission.path), PurePosixPath(path)
    renamed = {submission.path: path}
    for name, content in submission.files.items():
        file = PurePosixPath(name)
        if isinstance(content, bytes) and file.parent == old.parent and file.stem == old.stem:
            renamed[name] = str(new.with_suffix(file.suffix))
    text = submission.files[submission.path]
    for name, target in renamed.items():
        if name != submission.path:
            text = text.replace(f"\nbild: {PurePosixPath(name).name}\n", f"\nbild: {PurePosixPath(target).name}\n")
    files = {renamed.get(name, name): text if name == submission.path else content for name, content in submission.files.items()}
    expected = {renamed.get(name, name): None if name in renamed else sha for name, sha in submission.expected.items()}
    return files, expected


def _title(submission: Submission) -> str:
    action = "Neues Angebot" if submission.kind == "neu" else "Änderung"
    return f"{action}: {submission.title} ({submission.number})"


def _commit_message(submission: Submission) -> str:
    action = "Neues Angebot" if submission.kind == "neu" else "Änderung an"
    return f"{action} {PurePosixPath(submission.path).name} über das Formular (Vorgang {submission.number})"


__all__ = ["Deliverer", "backoff", "blob_sha"]
