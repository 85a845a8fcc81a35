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


def build_site(output: Path, *, data_dir: Path | None = None, today: str = "2027-06-01", config: str = "pelicanconf.py") -> BuildResult:
    command = [str(PELICAN), "content", "-s", config, "-o", str(output)]
    if data_dir is not None:
        command += ["-e", f"BOERSEN_DATA_PATH={json.dumps(str(data_dir))}"]
    environment = os.environ | {"BOERSEN_HEUTE": today, "COLUMNS": "200"}
    completed = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False)
    return BuildResult(completed.returncode, completed.stdout, completed.stderr, output)
