"""A town's look and the site's security headers.

Settings in pelicanconf.py (all optional):

- ``BOERSEN_COLORS``: colours of the light theme, e.g. ``{"accent": "#0b5394"}``. Every pair
  that people read (text on background, links on background, white on buttons and header)
  must reach 4.5:1 (WCAG 2.1 AA), or the build stops with a German message.
- ``BOERSEN_LOGO``: an image file (path relative to pelicanconf.py), shown left of the name.
- ``BOERSEN_FOOTER_LINKS``: ``[("Impressum", "/impressum/"), ("Stadt", "https://…")]``,
  replaces the footer's default links (read by base.html).

The generator also writes ``_headers`` (Netlify, Cloudflare Pages) with the same
Content-Security-Policy that base.html carries as a meta element, plus the headers a meta
element cannot carry.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pelican.generators import Generator

# The theme's light colours (theme/static/css/style.css, :root) and their CSS variables.
DEFAULT_COLORS = {
    "text": "#1d1d1f",
    "muted": "#4a4f57",
    "accent": "#0b5394",
    "accent_dark": "#073763",
    "background": "#ffffff",
    "background_soft": "#f3f5f8",
}
CSS_VARIABLES = {
    "text": "--text",
    "muted": "--muted",
    "accent": "--accent",
    "accent_dark": "--accent-dark",
    "background": "--bg",
    "background_soft": "--bg-soft",
}
WHITE = "#ffffff"
MINIMUM = 4.5
# (foreground, background, what people see): every pair the theme draws text with.
PAIRS = [
    ("text", "background", "Text auf dem Hintergrund"),
    ("muted", "background", "Hinweistext auf dem Hintergrund"),
    ("accent", "background", "Links auf dem Hintergrund"),
    ("text", "background_soft", "Text auf hellen Flächen"),
    ("muted", "background_soft", "Hinweistext auf hellen Flächen"),
    ("accent", "background_soft", "Links auf hellen Flächen"),
    (WHITE, "accent", "Weiße Schrift auf Schaltflächen"),
    (WHITE, "accent_dark", "Weiße Schrift in der Kopfzeile"),
]
HEX = re.compile(r"#[0-9a-fA-F]{6}")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
HEADERS = {
    # frame-ancestors only works as a header, not in the meta element.
    "Content-Security-Policy": CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
}


class BrandingError(ValueError):
    """A town's setting the theme cannot use; the message is German and names the setting."""


def luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _ratio(value: float) -> str:
    """Two decimals, German; a refused ratio never reads as 4,50."""
    shown = round(value, 2)
    if value < MINIMUM <= shown:
        shown = MINIMUM - 0.01
    return f"{shown:.2f}".replace(".", ",")


def checked_colors(setting) -> dict[str, str]:
    """The town's colours merged with the theme's; BrandingError lists every problem."""
    if not setting:
        return dict(DEFAULT_COLORS)
    if not isinstance(setting, dict):
        raise BrandingError('BOERSEN_COLORS muss eine Zuordnung sein, z. B. {"accent": "#0b5394"}.')
    problems = []
    colors = dict(DEFAULT_COLORS)
    for name, value in setting.items():
        if name not in DEFAULT_COLORS:
            problems.append(f"BOERSEN_COLORS: „{name}“ ist keine bekannte Farbe. Erlaubt: {', '.join(sorted(DEFAULT_COLORS))}.")
        elif not isinstance(value, str) or not HEX.fullmatch(value):
            problems.append(f"BOERSEN_COLORS: „{value}“ für „{name}“ ist keine Farbe im Format #rrggbb (z. B. #0b5394).")
        else:
            colors[name] = value.lower()
    if not problems:
        for foreground, background, what in PAIRS:
            front = WHITE if foreground == WHITE else colors[foreground]
            ratio = contrast(front, colors[background])
            if ratio < MINIMUM:
                shown = "weiß" if foreground == WHITE else f"„{foreground}“"
                problems.append(
                    f"BOERSEN_COLORS: {what} ({shown} {front} auf „{background}“ {colors[background]}) hat einen Kontrast "
                    f"von nur {_ratio(ratio)}:1; nötig sind mindestens 4,5:1. Bitte eine dunklere oder hellere Farbe wählen."
                )
    if problems:
        raise BrandingError("\n".join(problems))
    return colors


def colors_css(colors: dict[str, str]) -> str:
    """The town's colours as CSS variables; the header colour counts in dark mode too."""
    light = "".join(f"    {CSS_VARIABLES[name]}: {value};\n" for name, value in colors.items() if name != "accent_dark")
    return (
        "/* Written by the build from BOERSEN_COLORS in pelicanconf.py. */\n"
        f":root {{ --accent-dark: {colors['accent_dark']}; }}\n"
        f"@media not all and (prefers-color-scheme: dark) {{\n  :root {{\n{light}  }}\n}}\n"
    )


def headers_file() -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"


class BrandingGenerator(Generator):
    """Checks the town's settings before anything is written; writes farben.css, the logo and _headers."""

    def generate_context(self) -> None:
        from .generator import DataError

        try:
            self.colors = checked_colors(self.settings.get("BOERSEN_COLORS"))
        except BrandingError as error:
            raise DataError(f"{error}\nDie Seite wurde nicht gebaut.") from None
        self.logo = None
        logo = self.settings.get("BOERSEN_LOGO")
        if logo:
            path = Path(logo)  # relative to the folder the build runs in, like BOERSEN_DATA_PATH
            if not path.is_file():
                raise DataError(f"BOERSEN_LOGO: Die Datei „{logo}“ gibt es nicht.\nDie Seite wurde nicht gebaut.")
            self.logo = path
            self.context["BOERSEN_LOGO_URL"] = f"theme/images/logo{path.suffix.lower()}"
        self.context["BOERSEN_CSP"] = CONTENT_SECURITY_POLICY

    def generate_output(self, writer) -> None:
        output = Path(self.output_path)
        (output / "_headers").write_text(headers_file(), encoding="utf-8")
        if self.settings.get("BOERSEN_COLORS"):
            target = output / "theme" / "css" / "farben.css"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(colors_css(self.colors), encoding="utf-8")
        if self.logo:
            target = output / self.context["BOERSEN_LOGO_URL"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.logo, target)
