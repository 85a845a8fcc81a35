"""``python -m bridge`` (``make bridge``): check the settings, then serve the bridge with uvicorn.

A missing or wrong setting stops the start with a message in German and English, not a
traceback. Behind a reverse proxy the client address is taken from X-Forwarded-For only for
proxies listed in BRIDGE_FORWARDED_ALLOW_IPS (uvicorn's forwarded_allow_ips; loopback by default).
"""

from __future__ import annotations

import argparse
import os
import sys

import uvicorn

from .app import create_app
from .config import ConfigError, Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bridge", description="Formular-Brücke: Einsendungen werden Pull-Requests.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_environment()
    except ConfigError as error:
        print("Die Formular-Brücke startet nicht, weil Einstellungen fehlen oder falsch sind.", file=sys.stderr)
        print("The form bridge does not start because settings are missing or wrong.", file=sys.stderr)
        for problem in error.problems:
            print(f"- {problem}", file=sys.stderr)
        print("Siehe / see bridge/.env.example", file=sys.stderr)
        return 2
    app = create_app(settings)
    trusted = os.environ.get("BRIDGE_FORWARDED_ALLOW_IPS", "127.0.0.1")
    uvicorn.run(app, host=args.host, port=args.port, proxy_headers=True, forwarded_allow_ips=trusted, server_header=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
