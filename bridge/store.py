"""Submissions, kept durably in SQLite (WAL, synchronous=FULL) from the moment they are accepted.

A submission is committed before the submitter sees its reference number; the delivery
worker reads due submissions from here, and every state change is written back at once,
so a killed process resumes where it stopped. The submitter's contact lives only here and
is deleted when the pull request is merged or closed, or after ``CONTACT_DAYS``. An uploaded
image is kept as a BLOB beside its submission (table ``binaries``), written in the same
transaction, and deleted with the contact when the pull request is merged or closed.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONTACT_DAYS = 90
RECEIVED, DELIVERED, MERGED, CLOSED, FAILED = "eingegangen", "weitergeleitet", "übernommen", "geschlossen", "fehlgeschlagen"
OPEN_STATES = (RECEIVED, DELIVERED, FAILED)
# Reference numbers without letters that are easy to confuse (0/O, 1/I/L).
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    boerse TEXT NOT NULL,
    kind TEXT NOT NULL,               -- neu | aenderung
    path TEXT NOT NULL,               -- the offer file, e.g. data/ferienboerse/kanutag.yaml
    files TEXT NOT NULL,              -- JSON {path: text or null (delete)}: the offer file, maybe a new organisation's
    expected TEXT NOT NULL,           -- JSON {path: git blob sha or null}: what the base branch must hold
    title TEXT NOT NULL,
    organisation TEXT NOT NULL,
    body TEXT NOT NULL,               -- the pull request's description
    contact TEXT,                     -- JSON, the submitter's own contact; deleted when done
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL,
    last_error TEXT,
    pull_number INTEGER,
    pull_url TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS due ON submissions (state, next_attempt);
CREATE TABLE IF NOT EXISTS binaries (  -- files that are not text (an uploaded image), until the case is done
    submission INTEGER NOT NULL REFERENCES submissions (id),
    path TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (submission, path)
);
"""


@dataclass
class Submission:
    id: int
    number: str
    boerse: str
    kind: str
    path: str
    files: dict[str, str | bytes | None]
    expected: dict[str, str | None]
    title: str
    organisation: str
    body: str
    contact: dict[str, str] | None
    state: str
    attempts: int
    next_attempt: float
    last_error: str | None
    pull_number: int | None
    pull_url: str | None
    created: float
    updated: float

    @property
    def branch(self) -> str:
        return f"formular/{self.number.lower()}"

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Submission:
        values = dict(row)
        for name in ("files", "expected", "contact"):
            values[name] = json.loads(values[name]) if values[name] is not None else None
        return cls(**values)


class Store:
    def __init__(self, path: Path):
        self.path = path
        self.lock = threading.Lock()
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # committed means on disk, also after a power cut
        self.db.execute("PRAGMA busy_timeout=5000")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        with self.lock:
            self.db.close()

    def _one(self, query: str, *args: Any, binaries: bool = False) -> Submission | None:
        found = self._all(query, *args, binaries=binaries)
        return found[0] if found else None

    def _all(self, query: str, *args: Any, binaries: bool = False) -> list[Submission]:
        """Submissions, with their binary files only where ``binaries`` (for delivery: images are large)."""
        with self.lock:
            submissions = [Submission.from_row(row) for row in self.db.execute(query, args).fetchall()]
            for submission in submissions if binaries else ():
                rows = self.db.execute("SELECT path, content FROM binaries WHERE submission = ?", (submission.id,))
                submission.files |= {path: bytes(content) for path, content in rows}
        return submissions

    def _write(self, query: str, *args: Any) -> None:
        with self.lock:
            self.db.execute(query, args)

    def add(
        self,
        *,
        boerse: str,
        kind: str,
        path: str,
        files: dict[str, str | bytes | None],
        expected: dict[str, str | None],
        title: str,
        organisation: str,
        body: str,
        contact: dict[str, str] | None,
        now: float,
    ) -> str | None:
        """Store a new submission and return its reference number; None when ``path`` is taken
        by another open submission (the caller picks another name)."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                taken = self.db.execute(
                    f"SELECT 1 FROM submissions WHERE path = ? AND kind = 'neu' AND state IN ({','.join('?' * len(OPEN_STATES))})",
                    (path, *OPEN_STATES),
                ).fetchone()
                if taken and kind == "neu":
                    self.db.execute("ROLLBACK")
                    return None
                while True:
                    number = "".join(secrets.choice(_ALPHABET) for _ in range(8))
                    number = f"{number[:4]}-{number[4:]}"
                    if not self.db.execute("SELECT 1 FROM submissions WHERE number = ?", (number,)).fetchone():
                        break
                self.db.execute(
                    "INSERT INTO submissions (number, boerse, kind, path, files, expected, title, organisation, body, contact, "
                    "state, next_attempt, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        number,
                        boerse,
                        kind,
                        path,
                        _texts(files),
                        json.dumps(expected),
                        title,
                        organisation,
                        body,
                        json.dumps(contact, ensure_ascii=False) if contact else None,
                        RECEIVED,
                        now,
                        now,
                        now,
                    ),
                )
                id = self.db.execute("SELECT last_insert_rowid()").fetchone()[0]
                self._write_binaries(id, files)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        return number

    def open_paths(self, boerse: str) -> set[str]:
        """Paths of new offers not yet merged or closed: a new submission must not take them."""
        with self.lock:
            rows = self.db.execute(
                f"SELECT path FROM submissions WHERE boerse = ? AND kind = 'neu' AND state IN ({','.join('?' * len(OPEN_STATES))})",
                (boerse, *OPEN_STATES),
            ).fetchall()
        return {row[0] for row in rows}

    def by_number(self, number: str) -> Submission | None:
        return self._one("SELECT * FROM submissions WHERE number = ?", number)

    def by_id(self, id: int) -> Submission | None:
        return self._one("SELECT * FROM submissions WHERE id = ?", id, binaries=True)

    def due(self, now: float, limit: int = 20) -> list[Submission]:
        return self._all(
            "SELECT * FROM submissions WHERE state = ? AND next_attempt <= ? ORDER BY next_attempt, id LIMIT ?",
            RECEIVED,
            now,
            limit,
            binaries=True,
        )

    def delivered(self) -> list[Submission]:
        return self._all("SELECT * FROM submissions WHERE state = ? ORDER BY id", DELIVERED)

    def listing(self) -> list[Submission]:
        return self._all("SELECT * FROM submissions ORDER BY id DESC LIMIT 500")

    def counts(self) -> dict[str, int]:
        with self.lock:
            rows = self.db.execute("SELECT state, COUNT(*) FROM submissions GROUP BY state").fetchall()
        return {state: count for state, count in rows}

    def _write_binaries(self, id: int, files: dict[str, str | bytes | None]) -> None:
        """Inside the caller's transaction: the binary files of submission ``id`` as given."""
        self.db.execute("DELETE FROM binaries WHERE submission = ?", (id,))
        self.db.executemany(
            "INSERT INTO binaries (submission, path, content) VALUES (?, ?, ?)",
            [(id, path, content) for path, content in files.items() if isinstance(content, bytes)],
        )

    def relocate(self, id: int, path: str, files: dict[str, str | bytes | None], expected: dict[str, str | None], now: float) -> None:
        """A new offer's file name was taken on the forge meanwhile: it moves to another name."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute(
                    "UPDATE submissions SET path = ?, files = ?, expected = ?, updated = ? WHERE id = ?",
                    (path, _texts(files), json.dumps(expected), now, id),
                )
                self._write_binaries(id, files)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def mark_delivered(self, id: int, pull_number: int, pull_url: str, now: float) -> None:
        self._write(
            "UPDATE submissions SET state = ?, pull_number = ?, pull_url = ?, last_error = NULL, updated = ? WHERE id = ?",
            DELIVERED,
            pull_number,
            pull_url,
            now,
            id,
        )

    def mark_retry(self, id: int, error: str, next_attempt: float, now: float) -> None:
        self._write(
            "UPDATE submissions SET attempts = attempts + 1, last_error = ?, next_attempt = ?, updated = ? WHERE id = ?",
            error,
            next_attempt,
            now,
            id,
        )

    def mark_failed(self, id: int, error: str, now: float) -> None:
        self._write(
            "UPDATE submissions SET state = ?, attempts = attempts + 1, last_error = ?, updated = ? WHERE id = ?", FAILED, error, now, id
        )

    def mark_finished(self, id: int, state: str, now: float) -> None:
        """Merged or closed: the submitter's contact and an uploaded image are no longer needed."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute("UPDATE submissions SET state = ?, contact = NULL, updated = ? WHERE id = ?", (state, now, id))
                self.db.execute("DELETE FROM binaries WHERE submission = ?", (id,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def retry(self, id: int, now: float) -> bool:
        with self.lock:
            changed = self.db.execute(
                "UPDATE submissions SET state = ?, next_attempt = ?, updated = ? WHERE id = ? AND state = ?",
                (RECEIVED, now, now, id, FAILED),
            ).rowcount
        return changed == 1

    def forget_old_contacts(self, now: float) -> int:
        with self.lock:
            return self.db.execute(
                "UPDATE submissions SET contact = NULL WHERE contact IS NOT NULL AND created < ?", (now - CONTACT_DAYS * 86400,)
            ).rowcount


def _texts(files: dict[str, str | bytes | None]) -> str:
    """The files column: text files and deletions (binary files go to the binaries table)."""
    return json.dumps({path: content for path, content in files.items() if not isinstance(content, bytes)}, ensure_ascii=False)
