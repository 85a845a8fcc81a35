"""Running the real Pelican build, as `make html` does, for the build tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).parent / "pelican"


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    output: Path

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


def build_command(
    output: Path, *, data_dir: Path | None = None, content: Path | None = None, config: str = "pelicanconf.py", settings: dict | None = None
) -> list[str]:
    command = [str(PELICAN), str(content or "content"), "-s", config, "-o", str(output)]
    extra = dict(settings or {}) | ({"BOERSEN_DATA_PATH": str(data_dir)} if data_dir is not None else {})
    if extra:  # one -e with every KEY=VALUE: a second -e would replace the first; values are JSON
        command += ["-e", *(f"{name}={json.dumps(value)}" for name, value in extra.items())]
    return command


def build_environment(today: str = "2027-06-01", extra: dict[str, str] | None = None) -> dict[str, str]:
    inherited = {key: value for key, value in os.environ.items() if key != "BOERSEN_BRIDGE_URL"}  # tests choose it
    return inherited | {"BOERSEN_HEUTE": today, "COLUMNS": "200"} | (extra or {})


def build_site(
    output: Path,
    *,
    data_dir: Path | None = None,
    content: Path | None = None,
    today: str = "2027-06-01",
    config: str = "pelicanconf.py",
    environment: dict[str, str] | None = None,
    settings: dict | None = None,
) -> BuildResult:
    command = build_command(output, data_dir=data_dir, content=content, config=config, settings=settings)
    completed = subprocess.run(command, cwd=ROOT, env=build_environment(today, environment), capture_output=True, text=True, check=False)
    return BuildResult(completed.returncode, completed.stdout, completed.stderr, output)
