"""Optional proof of work (BRIDGE_ALTCHA=on): the browser solves a small puzzle before sending.

Self-hosted ALTCHA: the challenge comes from this bridge (PyPI ``altcha``), the widget and its
worker from this bridge's own static files (npm ``altcha``), so no request goes to another
site. A solution is accepted once: used challenges are remembered until they expire.
"""

from __future__ import annotations

import time

import altcha

PROOF_FIELD = "altcha"
PROOF_MISSING = (
    "Bitte bestätigen Sie unten „Ich bin kein Roboter“ und schicken Sie das Formular dann ab. Dafür braucht Ihr Browser JavaScript."
)
# The one <style> element the widget (npm altcha 3.2.2, external build) adds: allowed by its hash,
# so the page keeps style-src 'self'. The browser test counts policy violations: 0.
WIDGET_STYLE_HASH = "'sha256-be85zOGuGBhguQBGd1ooC4KSYE5ispDi4aCmIYqI/L0='"
CHALLENGE_SECONDS = 20 * 60
DIFFICULTY = "0000"  # the derived key starts with these hex digits: about 65,000 tries, under a second


class ProofOfWork:
    def __init__(self, secret: bytes, *, clock=time.time):
        self.secret, self.clock = secret, clock
        self.used: dict[str, float] = {}  # challenge signature -> expiry

    def challenge(self) -> dict:
        expires = int(self.clock()) + CHALLENGE_SECONDS
        return altcha.create_challenge("SHA-256", 1, key_prefix=DIFFICULTY, hmac_secret=self.secret, expires_at=expires).to_dict()

    def check(self, payload: str) -> bool | None:
        """True: solved; False: forged, expired or used before; None: no solution sent."""
        if not payload.strip():
            return None
        try:
            result = altcha.verify_solution(payload, self.secret)
            signature = altcha.Payload.from_base64(payload).challenge.signature
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        now = self.clock()
        self.used = {key: expiry for key, expiry in self.used.items() if expiry > now}
        if not result.verified or signature in self.used:
            return False
        self.used[signature] = now + CHALLENGE_SECONDS
        return True
