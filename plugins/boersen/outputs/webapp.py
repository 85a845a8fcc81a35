"""What a public site has besides its pages: a web manifest with the town's icon, and security.txt.

The icon is the town's logo (BOERSEN_LOGO) where one is set, else the theme's favicon. The
security.txt (RFC 9116) names BOERSEN_SECURITY_CONTACT, or a placeholder the town must
replace; it expires 365 days after the build's day ("today" from today.py, so the same input
gives the same file).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from .common import Site

MANIFEST = "manifest.webmanifest"
SECURITY_TXT = ".well-known/security.txt"
DEFAULT_ICON = "theme/images/favicon.svg"
PLACEHOLDER_CONTACT = "mailto:sicherheit@stadt.example"


def icon_path(context: dict) -> str:
    """The site's icon, relative to the site root."""
    return context.get("BOERSEN_LOGO_URL") or DEFAULT_ICON


def manifest(site: Site, icon: str, theme_color: str) -> bytes:
    kind = "image/svg+xml" if icon.endswith(".svg") else "image/png"
    data = {
        "name": site.name,
        "short_name": site.town or site.name,
        "lang": "de",
        "start_url": "./",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": [{"src": icon, "sizes": "any", "type": kind}],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def security_txt(contact: str | None, today: datetime.date) -> bytes:
    lines = []
    if not contact:
        lines.append("# Platzhalter: Bitte in pelicanconf.py BOERSEN_SECURITY_CONTACT setzen (mailto:… oder https://…).")
    next_year = today + datetime.timedelta(days=365)
    expires = datetime.datetime.combine(next_year, datetime.time(), datetime.UTC)
    lines += [
        f"Contact: {contact or PLACEHOLDER_CONTACT}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: de, en",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_webapp(output: Path, site: Site, settings: dict, context: dict, today: datetime.date) -> None:
    colors = settings.get("BOERSEN_COLORS") or {}
    (output / MANIFEST).write_bytes(manifest(site, icon_path(context), colors.get("accent", "#0b5394")))
    target = output / SECURITY_TXT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(security_txt(settings.get("BOERSEN_SECURITY_CONTACT"), today))
