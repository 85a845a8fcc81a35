"""Settings come only from BRIDGE_* variables; a missing or wrong one stops the start with a clear message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bridge.config import ConfigError, Settings

from sitebuild import ROOT

GOOD = {
    "BRIDGE_FORGE": "gitlab",
    "BRIDGE_REPOSITORY": "stadt/boersen",
    "BRIDGE_TOKEN": "t",
    "BRIDGE_SECRET": "x" * 40,
    "BRIDGE_EDITOR_PASSWORD": "p",
    "BRIDGE_DATA_PATH": str(ROOT / "data"),
}


def test_defaults_for_everything_optional():
    settings = Settings.from_environment(GOOD)
    assert (settings.api_url, settings.branch, settings.database.name, settings.min_fill_seconds, settings.rate_limit) == (
        "https://gitlab.com/api/v4",
        "main",
        "bridge.sqlite3",
        5.0,
        20,
    )
    assert settings.altcha is False and settings.site_origin is None


def test_every_wrong_setting_is_named_in_german_and_english(tmp_path):
    wrong = {
        "BRIDGE_FORGE": "bitbucket",
        "BRIDGE_REPOSITORY": "kein repo",
        "BRIDGE_SECRET": "kurz",
        "BRIDGE_DATA_PATH": str(tmp_path / "fehlt"),
        "BRIDGE_RATE_LIMIT": "viele",
        "BRIDGE_ALTCHA": "ja",
        "BRIDGE_SITE_ORIGIN": "boersen.example/pfad",
    }
    with pytest.raises(ConfigError) as raised:
        Settings.from_environment(wrong)
    assert raised.value.problems == [
        "BRIDGE_FORGE: „bitbucket“ ist nicht möglich, erlaubt sind github und gitlab / "
        "BRIDGE_FORGE: 'bitbucket' is not supported, use github or gitlab",
        "BRIDGE_REPOSITORY: „kein repo“ ist keine Angabe der Form besitzer/name / "
        "BRIDGE_REPOSITORY: 'kein repo' is not of the form owner/name",
        "BRIDGE_TOKEN fehlt (oder BRIDGE_APP_ID und BRIDGE_APP_KEY_FILE): ein Zugangsschlüssel für das Repository / "
        "BRIDGE_TOKEN is missing (or BRIDGE_APP_ID and BRIDGE_APP_KEY_FILE): an access token for the repository",
        "BRIDGE_SECRET ist zu kurz: mindestens 32 Zeichen / BRIDGE_SECRET is too short: at least 32 characters",
        "BRIDGE_EDITOR_PASSWORD fehlt: das Passwort der Statusseite für die Redaktion. / "
        "BRIDGE_EDITOR_PASSWORD is missing: the password of the status page.",
        f"BRIDGE_DATA_PATH: der Datenordner {tmp_path / 'fehlt'} existiert nicht / the data folder {tmp_path / 'fehlt'} does not exist",
        "BRIDGE_SITE_ORIGIN: „boersen.example/pfad“ ist keine Herkunft wie https://boersen.stadt.de / "
        "BRIDGE_SITE_ORIGIN: 'boersen.example/pfad' is not an origin like https://boersen.town.example",
        "BRIDGE_ALTCHA: „ja“ – erlaubt sind on und off / BRIDGE_ALTCHA: use on or off",
        "BRIDGE_RATE_LIMIT: „viele“ ist keine gültige Zahl (z. B. 20) / BRIDGE_RATE_LIMIT: 'viele' is not a valid number",
    ]


def test_a_github_app_needs_id_and_readable_key(tmp_path):
    with pytest.raises(ConfigError) as raised:
        Settings.from_environment(
            GOOD | {"BRIDGE_FORGE": "github", "BRIDGE_TOKEN": "", "BRIDGE_APP_ID": "1", "BRIDGE_APP_KEY_FILE": str(tmp_path / "key.pem")}
        )
    assert raised.value.problems == [
        f"BRIDGE_APP_KEY_FILE: {tmp_path / 'key.pem'} kann nicht gelesen werden (No such file or directory) / cannot be read"
    ]


def test_the_start_stops_with_the_messages_not_a_traceback():
    environment = {"PATH": "/usr/bin:/bin", "BRIDGE_FORGE": "github"}
    done = subprocess.run(
        [sys.executable, "-m", "bridge"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[:2] == [
        "Die Formular-Brücke startet nicht, weil Einstellungen fehlen oder falsch sind.",
        "The form bridge does not start because settings are missing or wrong.",
    ]
    assert "- BRIDGE_REPOSITORY fehlt: z. B. stadt/boersen. / BRIDGE_REPOSITORY is missing: e.g. town/boersen." in lines
    assert lines[-1] == "Siehe / see bridge/.env.example"
    assert "Traceback" not in done.stderr
