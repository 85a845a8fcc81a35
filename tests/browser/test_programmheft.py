"""The printed Programmheft: every current offer of the Ferienbörse once, by week, with page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import Page, expect

from boersen.outputs.programmheft import print_pdfs


def pdf_text(pdf) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/run does)")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pdf_has_one_entry_per_current_offer(site, tmp_path):
    output = tmp_path / "site"
    shutil.copytree(site.output, output)
    (pdf,) = print_pdfs(output)
    assert pdf == output / "ferienboerse" / "programmheft.pdf"
    text = pdf_text(pdf)
    listing = (site.output / "ferienboerse" / "index.html").read_text(encoding="utf-8")
    current = re.findall(r'class="offer-title"><a href="\.\./ferienboerse/([^"/]+)/"', listing)
    assert len(current) > 20
    found = re.findall(r"/ferienboerse/([a-z0-9-]+)/", text)
    assert sorted(found) == sorted(current)  # each current offer exactly once, nothing else
    pages = int(re.search(r"Seite 1 von (\d+)", text).group(1))
    assert pages > 5 and f"Seite {pages} von {pages}" in text
    # Each week starts a page, and no offer is cut: its title and its address share a page.
    sheets = [[line.strip() for line in sheet.splitlines() if line.strip()] for sheet in text.split("\f")]
    headings = [line for sheet in sheets[1:] for line in sheet if line.startswith("Woche vom")]
    assert headings and all(any(sheet and sheet[0] == heading for sheet in sheets) for heading in headings)
    titles = dict(re.findall(r'class="offer-title"><a href="\.\./ferienboerse/([^"/]+)/">([^<]+)</a>', listing))
    assert len(titles) == len(current)
    for slug, title in titles.items():
        sheet = next(sheet for sheet in sheets if f"/ferienboerse/{slug}/" in " ".join(sheet))
        assert any(title.replace("&amp;", "&") in line for line in sheet), slug


def test_the_print_view_has_weeks_and_a_table_of_contents(page: Page, site):
    page.goto(site.url("ferienboerse/programmheft/"))
    expect(page.get_by_role("heading", name="Programmheft: Ferienbörse", level=1)).to_be_visible()
    toc = page.get_by_role("navigation", name="Inhalt")
    first_week = toc.get_by_role("link").first
    week = first_week.inner_text()
    assert re.fullmatch(r"Woche vom \d+\. \w+ \d{4} bis \d+\. \w+ \d{4}", week)
    first_week.click()
    expect(page.get_by_role("heading", name=week, level=2)).to_be_in_viewport()
    page.goto(site.url("ferienboerse/"))
    expect(page.get_by_role("link", name="Programmheft zum Ausdrucken")).to_have_attribute("href", "../ferienboerse/programmheft/")
