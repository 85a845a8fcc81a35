"""A loopback HTTP handler for the real GitHub client in tests: answers JSON, records every call."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import ClassVar


class RecordingHandler(BaseHTTPRequestHandler):
    """Subclasses answer in do_GET/do_POST…; ``received`` holds (method, path, Authorization, body)."""

    received: ClassVar[list[tuple[str, str, str | None, dict | None]]] = []

    def log_message(self, format, *args):
        pass

    def _answer(self, payload: object, status: int = 200) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        self.received.append((self.command, self.path, self.headers.get("Authorization"), body))
