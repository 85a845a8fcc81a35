"""Asking the real lunr.js + lunr-languages (node_modules/) and the browser helper, through node.

Not a conftest.py: a second module named "conftest" would shadow tests/conftest.py, which other
tests import by name.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORACLE = Path(__file__).resolve().parent / "js" / "oracle.js"
NODE_PACKAGES = {"lunr": "2.3.9", "lunr-languages": "1.22.0"}


def ask(request: dict[str, Any], script: Path = ORACLE) -> Any:
    """Send one request to a node script (tests/search/js/oracle.js by default) and return its JSON answer.

    Fails (never skips) when node or the npm packages are missing: the parity tests are the only
    guarantee that the index built in Python works in the browser.
    """
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the search parity tests need Node.js (20 or later)")
    missing = [name for name in NODE_PACKAGES if not (ROOT / "node_modules" / name / "package.json").is_file()]
    if missing:
        pytest.fail(f"node_modules/ lacks {', '.join(missing)}: run `npm ci` in {ROOT}")
    result = subprocess.run(
        [node, str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"node {script.relative_to(ROOT)} failed for {request.get('op', 'the request')!r}:\n{result.stderr}")
    return json.loads(result.stdout)


def data_words() -> list[str]:
    """Every distinct word of every YAML file under data/, lower-cased, as the site's offers use them."""
    from boersen.search.german import tokenize

    words: set[str] = set()
    for path in sorted((ROOT / "data").rglob("*.y*ml")):
        words.update(tokenize(path.read_text(encoding="utf-8")))
    return sorted(words)


def mismatch_report(title: str, rows: list[tuple[Any, ...]], header: tuple[str, ...], limit: int | None = None) -> str:
    """The mismatches, one per line, so a failure shows every difference at once.

    limit only for exhaustive sweeps over all of Unicode, where one bug shows up 100,000 times.
    """
    shown = rows if limit is None else rows[:limit]
    more = f", the first {len(shown)} shown" if len(shown) < len(rows) else ""
    lines = [f"{title}: {len(rows)} mismatch(es){more}", "  " + " | ".join(header)]
    lines += ["  " + " | ".join(repr(value) for value in row) for row in shown]
    return "\n".join(lines)
