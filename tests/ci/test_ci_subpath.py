"""A project site on GitHub Pages lives under /<repo>/: build the demo for such an address with
publishconf.py, serve it under /sub/ on a loopback server, and follow every link, stylesheet,
script, image and search file. Nothing may point outside /sub/ or lead nowhere."""

from __future__ import annotations

import json
import math
import threading
import urllib.error
import urllib.request
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from sitebuild import build_site

PREFIX = "/sub/"


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the output folder under /sub/ only, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__nicht_unter_sub__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, *args):
        pass


class Links(HTMLParser):
    """Every address a page loads or links to, and what its search script reads: the search
    folders, and the site address that result links start with (``siteUrl + "/" + url``)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.search_folders: list[str] = []
        self.site_url: str | None = None
        self.boersen: list[str] = []  # addresses relative to site_url
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if name in ("href", "src", "action"):
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [part.strip().split()[0] for part in value.split(",") if part.strip()]
            elif name == "data-site-url":
                self.site_url = value
            elif name == "data-search":
                self.search_folders.append(value)
            elif name == "data-boersen":
                self.search_folders += [entry["search"] for entry in json.loads(value)]
                self.boersen += [entry["url"] for entry in json.loads(value)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base URL, server) for the demo built for http://127.0.0.1:PORT/sub and served there."""
    output = tmp_path_factory.mktemp("sub") / "output"
    output.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(output)))
    base = f"http://127.0.0.1:{server.server_port}/sub"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOERSEN_SITEURL", base)
        result = build_site(output, config="publishconf.py")
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, output
    server.shutdown()
    server.server_close()
    thread.join()


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def search_files(folder: str) -> list[str]:
    """The files boersen-search.js loads from a Börse's search folder, read from its manifest."""
    status, _, body = fetch(folder + "index.json")
    assert status == 200, folder + "index.json"
    manifest = json.loads(body)
    cards = math.ceil(manifest["anzahl"] / manifest["kartenProDatei"])
    return [
        folder + "index.json",
        folder + "facetten.json",
        *(f"{folder}t-{shard}.json" for shard in manifest["shards"]),
        *(f"{folder}w-{name}.json" for name in sorted(set(manifest["woerter"].values()))),  # word lists, for typos
        *(f"{folder}karten-{number}.json" for number in range(cards)),
    ]


def crawl(base: str, pages: list[str]) -> tuple[dict[str, int], dict[str, set[str]], set[str]]:
    """Status of every address reached from the given pages, who links to it, and the search files.
    A link to a part of a page (``#anker``) whose target is missing counts as status 0."""
    status: dict[str, int] = {}
    ids: dict[str, set[str]] = {}
    fragments: set[tuple[str, str, str]] = set()  # (page, anchor, linked from)
    referrers: dict[str, set[str]] = {page: {"(gebaut)"} for page in pages}
    searched: set[str] = set()
    queue = list(reversed(pages))
    while queue:
        url = queue.pop()
        if url in status:
            continue
        code, kind, body = fetch(url)
        status[url] = code
        if code != 200 or kind != "text/html":
            continue
        links = Links()
        links.feed(body.decode("utf-8"))
        ids[url] = links.ids
        found = []
        for link in links.urls:
            target, anchor = urldefrag(urljoin(url, link))
            found.append(target)
            if anchor:
                fragments.add((target, anchor, url))
        # what boersen-ui.js builds: siteUrl + "/" + the Börse's or the result card's address
        site_url = urljoin(url, links.site_url) if links.site_url is not None else None
        found += [urljoin(url, f"{site_url}/{boerse}") for boerse in links.boersen]
        for folder in links.search_folders:
            for file in search_files(urljoin(url, folder)):
                searched.add(file)
                found.append(file)
                if "/karten-" in file:
                    assert site_url is not None, f"{url}: no data-site-url for the result cards"
                    found += [urljoin(url, f"{site_url}/{card['url']}") for card in json.loads(fetch(file)[2])]
        for target in found:
            if urlsplit(target).scheme not in ("http", "https"):
                continue  # mailto:, tel:
            if urlsplit(target).netloc != urlsplit(base).netloc:
                continue  # another site: the theme loads nothing from there (tested elsewhere)
            referrers.setdefault(target, set()).add(url)
            if target not in status:
                queue.append(target)
    for page, anchor, source in fragments:
        if page in ids and anchor not in ids[page]:
            status[f"{page}#{anchor}"] = 0
            referrers.setdefault(f"{page}#{anchor}", set()).add(source)
    return status, referrers, searched


def test_every_page_link_stylesheet_script_and_search_file_resolves_under_the_sub_path(site):
    base, output = site
    # every page built, also those no longer linked (past offers keep their address)
    pages = sorted(f"{base}/{path.relative_to(output).as_posix()}".removesuffix("index.html") for path in output.rglob("index.html"))
    assert pages[0] == f"{base}/" and len(pages) > 100
    status, referrers, searched = crawl(base, pages)
    broken = {url: (code, sorted(referrers[url])[:3]) for url, code in status.items() if code != 200}
    assert broken == {}
    outside = sorted(url for url in status if not urlsplit(url).path.startswith(PREFIX))
    assert outside == []
    # the search scripts' files are exactly the ones built
    built = [*output.glob("*/suche/*.json"), *output.glob("*/*/suche/*.json")]  # German, and each language's
    assert searched == {f"{base}/{path.relative_to(output).as_posix()}" for path in built}
    kinds = {urlsplit(url).path.rsplit(".", 1)[-1] for url in status if "." in urlsplit(url).path.rsplit("/", 1)[-1]}
    assert {"css", "js", "json"} <= kinds


def test_the_server_serves_nothing_outside_the_sub_path(site):
    base, _ = site
    root = base.removesuffix("/sub")
    assert fetch(root + "/")[0] == 404
    assert fetch(root + "/index.html")[0] == 404
    assert fetch(base + "/")[0] == 200


def test_the_crawl_finds_what_is_broken(tmp_path):
    """A root-relative stylesheet and a missing page are caught, a card pointing nowhere too."""
    (tmp_path / "suche").mkdir()
    (tmp_path / "suche" / "index.json").write_text('{"anzahl": 1, "kartenProDatei": 10, "shards": [""], "woerter": {}}', encoding="utf-8")
    for name in ("facetten.json", "t-.json"):
        (tmp_path / "suche" / name).write_text("{}", encoding="utf-8")
    (tmp_path / "suche" / "karten-0.json").write_text('[{"url": "fehlt/"}]', encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(tmp_path)))
    base = f"http://127.0.0.1:{server.server_port}/sub"
    (tmp_path / "index.html").write_text(
        f'<link rel="stylesheet" href="/theme/a.css"><a href="nirgends/">x</a><a href="#oben">y</a><p id="da"><a href="#da">z</a>'
        f'<section data-site-url="{base}" data-search="{base}/suche/"></section>',
        encoding="utf-8",
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, _ = crawl(base, [base + "/"])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    root = base.removesuffix("/sub")
    assert {url: code for url, code in status.items() if code != 200} == {
        f"{root}/theme/a.css": 404,
        f"{base}/nirgends/": 404,
        f"{base}/fehlt/": 404,
        f"{base}/#oben": 0,
    }


def test_the_guide_page_shows_the_clicks_and_is_linked(site):
    base, _ = site
    status, _, guide = fetch(base + "/angebot-eintragen/")
    assert status == 200
    text = guide.decode("utf-8")
    assert "<title>Angebot eintragen: Schritt für Schritt im Browser" in text
    for click in (
        "<strong>Add file</strong> und dann auf <strong>Create new file</strong>",
        "<strong>Commit changes…</strong>",
        "Klicken Sie dann auf <strong>Propose changes</strong>",
        "<strong>Create pull request</strong>",
        "<strong>Edit</strong> und dann auf <strong>Web IDE</strong>",
        "<strong>Create merge request</strong>",
        "„Prüfung der Daten: alles in Ordnung“",
        "„Prüfung der Daten: bitte noch etwas ändern“",
        "Angebot einfach per E-Mail an <a href=",  # Markdown writes the address as entities
        "09571 82-4410",
    ):
        assert click in text, click
    mitmachen = fetch(base + "/mitmachen/")[2].decode("utf-8")
    assert 'href="../angebot-eintragen/"' in mitmachen
    assert 'href="../angebot-eintragen/#kommentar"' in mitmachen
    assert f'<a href="{base}/angebot-eintragen/">Angebot eintragen</a>' in fetch(base + "/hilfe/")[2].decode("utf-8")
