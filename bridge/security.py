"""Keeping bots and other sites out without a third party: signed form tokens, rate limits, size limits.

- Every form carries a token the server signed (HMAC with BRIDGE_SECRET): when it was issued
  and for which form. A submission needs a valid token at least BRIDGE_MIN_FILL_SECONDS and at
  most a day old; the token also serves as CSRF protection.
- A honeypot field that people do not see: bots fill it in.
- Submissions per client address and hour are limited; addresses are kept in memory only,
  and only for that hour.
- Requests larger than the limit are refused before they are read; a form that can carry an
  image (multipart/form-data) has a larger limit than other requests.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from hashlib import sha256

from boersen.images.checking import MAX_IMAGE_BYTES

HONEYPOT = "homepage"  # a name bots like to fill in
TOKEN_FIELD = "_token"


@dataclass
class TokenCheck:
    valid: bool  # signed by us, for this form
    expired: bool = False  # older than the maximum age: a person who took long; show the form again
    too_fast: bool = False  # sent sooner than a person can fill in a form
    issued: float = 0.0


class Tokens:
    def __init__(self, secret: bytes, *, min_age: float, max_age: float, clock=time.time):
        self.secret, self.min_age, self.max_age, self.clock = secret, min_age, max_age, clock

    def _sign(self, payload: str) -> str:
        return hmac.new(self.secret, payload.encode("utf-8"), sha256).hexdigest()

    def issue(self, form: str) -> str:
        payload = f"{self.clock():.3f}|{form}|{secrets.token_hex(8)}"
        return base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii") + "." + self._sign(payload)

    def check(self, token: str, form: str) -> TokenCheck:
        encoded, _, signature = token.partition(".")
        try:
            payload = base64.urlsafe_b64decode(encoded.encode("ascii")).decode("utf-8")
        except (binascii.Error, UnicodeError, ValueError):
            return TokenCheck(False)
        if not hmac.compare_digest(self._sign(payload), signature):
            return TokenCheck(False)
        issued_text, token_form, _ = (payload.split("|") + ["", ""])[:3]
        if token_form != form:
            return TokenCheck(False)
        try:
            issued = float(issued_text)
        except ValueError:
            return TokenCheck(False)
        age = self.clock() - issued
        return TokenCheck(True, expired=age > self.max_age, too_fast=age < self.min_age, issued=issued)


class RateLimiter:
    """At most ``limit`` accepted submissions per address within ``window`` seconds; memory only."""

    def __init__(self, limit: int, window: float = 3600.0, clock=time.time):
        self.limit, self.window, self.clock = limit, window, clock
        self.seen: dict[str, deque[float]] = defaultdict(deque)

    def _prune(self, now: float) -> None:
        for address in list(self.seen):
            times = self.seen[address]
            while times and times[0] <= now - self.window:
                times.popleft()
            if not times:
                del self.seen[address]  # no address is kept longer than the window

    def allowed(self, address: str) -> bool:
        self._prune(self.clock())
        return len(self.seen.get(address, ())) < self.limit

    def count(self, address: str) -> None:
        self.seen[address].append(self.clock())


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes (``upload_limit`` for multipart/form-data,
    which carries an image) with 413, before reading them whole."""

    def __init__(self, app, limit: int, upload_limit: int | None = None):
        self.app, self.limit, self.upload_limit = app, limit, upload_limit or limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        upload = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        limit = self.upload_limit if upload else self.limit
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send, upload)
            return
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _too_large(send, upload)


class _TooLarge(Exception):
    pass


async def _too_large(send, upload: bool) -> None:
    text = "Die Einsendung ist zu groß. Bitte kürzen Sie die Texte."
    if upload:
        text = (
            f"Die Einsendung ist zu groß. Ein Bild darf höchstens {MAX_IMAGE_BYTES // 1_000_000} MB haben: "
            "bitte verkleinern Sie es oder kürzen Sie die Texte."
        )
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def same_origin(origin: str | None, allowed: set[str]) -> bool:
    """A browser's Origin header must name this bridge or the town's site; no header: not a browser form post."""
    return origin is None or origin.rstrip("/") in allowed


def password_ok(authorization: str | None, password: str) -> bool:
    """HTTP Basic authentication for the editors' status page (any user name)."""
    if not authorization or not authorization.lower().startswith("basic "):
        return False
    try:
        _, _, given = base64.b64decode(authorization[6:].strip()).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeError, ValueError):
        return False
    return hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8"))
