"""Settings from BRIDGE_* environment variables, checked at start with messages in German and English."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from boersen.images.checking import MAX_IMAGE_BYTES

FORGES = ("github", "gitlab")
DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}
MIN_SECRET_LENGTH = 32


class ConfigError(Exception):
    """One or more settings are missing or wrong; ``problems`` says which, in German and English."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    forge: str
    api_url: str
    repository: str
    branch: str
    token: str | None
    app_id: str | None
    app_key: str | None  # the GitHub App's private key (PEM), read from BRIDGE_APP_KEY_FILE
    secret: bytes
    database: Path
    data_path: Path
    site_origin: str | None
    min_fill_seconds: float
    rate_limit: int
    altcha: bool
    editor_password: str
    max_form_age_seconds: float = 24 * 3600
    max_request_bytes: int = 256 * 1024
    max_upload_request_bytes: int = MAX_IMAGE_BYTES + 512 * 1024  # a form with an image: the image + the fields
    label: str = "formular"

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        problems: list[str] = []

        def need(name: str, german: str, english: str) -> str:
            value = env.get(name, "").strip()
            if not value:
                problems.append(f"{name} fehlt: {german} / {name} is missing: {english}")
            return value

        def number(name: str, default: float, kind=float) -> float:
            raw = env.get(name, "").strip()
            if not raw:
                return default
            try:
                value = kind(raw)
            except ValueError:
                value = -1
            if value < 0:
                problems.append(f"{name}: „{raw}“ ist keine gültige Zahl (z. B. {kind(default)}) / {name}: '{raw}' is not a valid number")
                return default
            return value

        forge = need("BRIDGE_FORGE", "github oder gitlab angeben.", "set github or gitlab.").lower()
        if forge and forge not in FORGES:
            problems.append(
                f"BRIDGE_FORGE: „{forge}“ ist nicht möglich, erlaubt sind github und gitlab / "
                f"BRIDGE_FORGE: '{forge}' is not supported, use github or gitlab"
            )
        repository = need("BRIDGE_REPOSITORY", "z. B. stadt/boersen.", "e.g. town/boersen.")
        if repository and not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", repository):
            problems.append(
                f"BRIDGE_REPOSITORY: „{repository}“ ist keine Angabe der Form besitzer/name / "
                f"BRIDGE_REPOSITORY: '{repository}' is not of the form owner/name"
            )
        api_url = env.get("BRIDGE_API_URL", "").strip().rstrip("/") or DEFAULT_API.get(forge, "")
        if api_url and not re.match(r"^https?://", api_url):
            problems.append(
                f"BRIDGE_API_URL: „{api_url}“ muss mit https:// beginnen / BRIDGE_API_URL: '{api_url}' must start with https://"
            )
        token = env.get("BRIDGE_TOKEN", "").strip() or None
        app_id = env.get("BRIDGE_APP_ID", "").strip() or None
        key_file = env.get("BRIDGE_APP_KEY_FILE", "").strip()
        app_key = None
        if app_id or key_file:
            if forge != "github":
                problems.append(
                    "BRIDGE_APP_ID/BRIDGE_APP_KEY_FILE gibt es nur für GitHub / GitHub App settings only work with BRIDGE_FORGE=github"
                )
            elif not (app_id and key_file):
                problems.append(
                    "Für eine GitHub App werden BRIDGE_APP_ID und BRIDGE_APP_KEY_FILE gebraucht / "
                    "a GitHub App needs both BRIDGE_APP_ID and BRIDGE_APP_KEY_FILE"
                )
            else:
                try:
                    app_key = Path(key_file).read_text(encoding="utf-8")
                except OSError as error:
                    problems.append(f"BRIDGE_APP_KEY_FILE: {key_file} kann nicht gelesen werden ({error.strerror}) / cannot be read")
        if not token and not app_id:
            problems.append(
                "BRIDGE_TOKEN fehlt (oder BRIDGE_APP_ID und BRIDGE_APP_KEY_FILE): ein Zugangsschlüssel für das Repository / "
                "BRIDGE_TOKEN is missing (or BRIDGE_APP_ID and BRIDGE_APP_KEY_FILE): an access token for the repository"
            )
        secret = need("BRIDGE_SECRET", "eine lange Zufallszeichenkette.", "a long random string.")
        if secret and len(secret) < MIN_SECRET_LENGTH:
            problems.append(
                f"BRIDGE_SECRET ist zu kurz: mindestens {MIN_SECRET_LENGTH} Zeichen / "
                f"BRIDGE_SECRET is too short: at least {MIN_SECRET_LENGTH} characters"
            )
        password = need("BRIDGE_EDITOR_PASSWORD", "das Passwort der Statusseite für die Redaktion.", "the password of the status page.")
        data_path = Path(env.get("BRIDGE_DATA_PATH", "").strip() or "data")
        if not data_path.is_dir():
            problems.append(f"BRIDGE_DATA_PATH: der Datenordner {data_path} existiert nicht / the data folder {data_path} does not exist")
        origin = env.get("BRIDGE_SITE_ORIGIN", "").strip().rstrip("/") or None
        if origin and not re.fullmatch(r"https?://[^/\s]+", origin):
            problems.append(
                f"BRIDGE_SITE_ORIGIN: „{origin}“ ist keine Herkunft wie https://boersen.stadt.de / "
                f"BRIDGE_SITE_ORIGIN: '{origin}' is not an origin like https://boersen.town.example"
            )
        altcha = env.get("BRIDGE_ALTCHA", "off").strip().lower() or "off"
        if altcha not in ("on", "off"):
            problems.append(f"BRIDGE_ALTCHA: „{altcha}“ – erlaubt sind on und off / BRIDGE_ALTCHA: use on or off")
        settings = dict(
            min_fill_seconds=number("BRIDGE_MIN_FILL_SECONDS", 5.0),
            rate_limit=int(number("BRIDGE_RATE_LIMIT", 20, int)),
        )
        if problems:
            raise ConfigError(problems)
        return cls(
            forge=forge,
            api_url=api_url,
            repository=repository,
            branch=env.get("BRIDGE_BRANCH", "").strip() or "main",
            token=token,
            app_id=app_id,
            app_key=app_key,
            secret=secret.encode("utf-8"),
            database=Path(env.get("BRIDGE_DATABASE", "").strip() or "bridge.sqlite3"),
            data_path=data_path,
            site_origin=origin,
            altcha=altcha == "on",
            editor_password=password,
            **settings,
        )
