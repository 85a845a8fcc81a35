"""axe-core (from npm) run in a page: the WCAG 2.1 A/AA violations it finds."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sitebuild import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def violations(page: Page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} – {', '.join(n['target'][0] for n in v['nodes'][:3])}" for v in result["violations"]]
