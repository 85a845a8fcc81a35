"""Search benchmark (``make bench``): our browser search against Pagefind on the same site.

For each size N (default 1,000 and 10,000 synthetic offers, see ``synthetic.py``):

1. The site is built twice as ``make html`` builds it, with and without the search index
   (``BOERSEN_SEARCH=false``); the difference is what indexing adds to the build.
2. Pagefind 1.6 (npm, pinned in package.json) indexes the same built site; a page with
   Pagefind's default UI is added to it.
3. Headless Chromium (Debian's) opens the Ferienbörse page, types a query and waits for the
   first results; the same query goes to the Pagefind page. Every response is counted with
   the bytes a compressing server sends (gzip level 6, or the raw size if that is smaller),
   the page's own HTML and stylesheet excluded on both sides.
4. With the index loaded, more queries are typed one keystroke at a time in our page, twice,
   each time on a fresh page: without a pause (each keystroke as soon as the previous one's
   results are on screen, the worst case for a page that loads ahead while the reader reads),
   and at a fast typist's pace (a keystroke every 150 ms, or when the results are on screen if
   that takes longer). The time from the input event to the first results on screen is taken
   inside the page (performance.now). Our page shows a new query's first 10 results as soon as
   their cards are in, the other 10 of the page follow, then the next page's cards are loaded
   ahead when the page is idle.
   The same keystrokes go to Pagefind's own search in the same run, on the same site: its
   JavaScript API (``pagefind.search``) and the data of its first 10 results, which is what
   its page shows; the time is taken inside the page as well.
   The same keystrokes also go to the site as older code builds it (``--compare``, default:
   the search before the quality work), built from ``git archive`` of that revision on the
   same data. Rounds alternate between the engines (``--runs``), so a slow moment of the
   shared machine hits all of them; medians and p90 are over every keystroke of every round,
   a query's time is its median over the rounds.
5. The search quality table (search_quality.py): recall, precision@10 and best match in the
   top 3 per kind of query, on the demo data and on Bochum's open data.

The test server speaks HTTP/1.1 with keep-alive like every real web server (Python's default
HTTP/1.0 opens a connection per file) and sends without Nagle's delay (TCP_NODELAY, as nginx
does); both searches load their files through it.

Targets (issue 10): bytes before the first result at most half of Pagefind's; keystroke to
results at 10,000 offers no slower than Pagefind's (median and p90), median under 20 ms on an
idle machine; indexing at most +30 % build time at 10,000 offers; recall ≥ 0.97 and
precision@10 ≥ 0.95.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import search_quality
import synthetic
from playwright.sync_api import sync_playwright

from boersen.chromium import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
PELICAN = ROOT / ".venv" / "bin" / "pelican"
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
BEFORE_QUALITY_WORK = "862aff246c4e37a33d4b14ab6d7352555b27911f"  # the search before issue 10's quality work
TODAY = "2026-11-26"
FIRST_QUERY = "schwimm"
# Keystrokes without a pause (each as soon as the previous results are on screen: the worst
# case), and at a fast typist's pace: 150 ms from keystroke to keystroke (400 per minute).
PACES = (0, 150)
TYPED = [
    "f",
    "fu",
    "fus",
    "fuss",
    "fussb",
    "fussba",
    "fussbal",
    "fussball",
    "k",
    "ki",
    "kin",
    "kind",
    "kinde",
    "kinder",
    "w",
    "wa",
    "wal",
    "wald",
    # a typo: from "schwimk" on nothing begins so, and the word lists are searched
    "s",
    "sc",
    "sch",
    "schw",
    "schwi",
    "schwim",
    "schwimk",
    "schwimku",
    "schwimkur",
    "schwimkurs",
]

PAGEFIND_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>window.addEventListener("DOMContentLoaded", () => {
new PagefindUI({ element: "#search", showSubResults: false }); });</script>
<script type="module">window.pagefindApi = await import("/pagefind/pagefind.js");</script></body></html>"""

# Pagefind's search through its API, as its page runs it: the results, then the data of the
# first 10 (title, excerpt), which is what the page shows.
PAGEFIND_TIMINGS = """async ([queries, pace]) => {
    const api = window.pagefindApi;
    const times = [];
    let last = -Infinity;
    for (const q of queries) {
        const wait = pace - (performance.now() - last);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const start = performance.now();
        last = start;
        const search = await api.search(q);
        await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
        times.push(performance.now() - start);
    }
    return times;
}"""


class _Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: it sends Content-Length for every file
    # Headers and body go out in two writes; with Nagle's algorithm the body waits for the
    # client's delayed ACK (40 ms on Linux) on a kept-alive connection. Web servers set
    # TCP_NODELAY on such connections (nginx: tcp_nodelay on, its default), so does this one.
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass


def wire_bytes(body: bytes) -> int:
    """What a server with gzip on sends: compressed, unless compressing does not help."""
    return min(len(body), len(gzip.compress(body, compresslevel=6)))


def build(data: Path, output: Path, *, search: bool, code: Path = ROOT) -> tuple[float, float]:
    """Wall and CPU time (the build and its workers) of the site as ``make html`` builds it, with
    the plugin and theme of ``code``. CPU time is what a busy shared machine blurs least."""
    # One -e with every setting: a second -e would replace the first.
    settings = [f"BOERSEN_DATA_PATH={json.dumps(str(data))}", f"BOERSEN_SEARCH={json.dumps(search)}"]
    command = [str(PELICAN), "content", "-s", "pelicanconf.py", "-o", str(output), "-e", *settings]
    shutil.rmtree(output, ignore_errors=True)  # deleting 10,000 folders is not the build's cost
    env = os.environ | {"BOERSEN_HEUTE": TODAY}
    if code != ROOT:  # its own plugin before the one installed in .venv
        env["PYTHONPATH"] = str(code / "plugins")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=code, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def code_of(revision: str) -> tuple[str, Path]:
    """The project as it was at ``revision`` (git archive), for building its site."""
    commit = subprocess.run(["git", "rev-parse", revision], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    folder = WORK / f"code-{commit[:7]}"
    if not folder.exists():
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(partial)], input=archive, check=True)
        partial.rename(folder)
    return commit[:7], folder


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# Records when a page first shows results (epoch ms, like Playwright's request timing):
# set before any of the page's scripts run, so it sees the very first render.
RESULTS_SHOWN = """(() => {
    const observer = new MutationObserver(() => {
        if (%s) {
            window.benchResultsShownAt = performance.timeOrigin + performance.now();
            observer.disconnect();
        }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();"""


def bytes_until(page, url: str, action, base: str, shown: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes of the requests the page starts, from opening ``url`` until the first results
    are on screen (``shown``, a JavaScript condition); ``action`` types and waits for them.
    What a page loads ahead after showing its results is not part of the first answer."""
    seen: list[tuple[str, int, float]] = []

    def record(response):
        if response.request.resource_type in ("document", "stylesheet") or not response.url.startswith(base):
            return
        with contextlib.suppress(Exception):  # a response without body (redirect) counts nothing
            seen.append((response.url[len(base) :], wire_bytes(response.body()), response.request.timing["startTime"]))

    page.add_init_script(RESULTS_SHOWN % shown)
    page.on("response", record)
    page.goto(url)
    action()
    shown_at = page.evaluate("() => window.benchResultsShownAt")
    page.remove_listener("response", record)
    before = [(name, size) for name, size, started in seen if started <= shown_at]
    return sum(size for _, size in before), before


def measure_ours(browser, base: str, pace: int) -> dict:
    page = browser.new_page()

    def first_result():
        page.wait_for_selector(".search-form:not([hidden])")
        page.fill("#suche-eingabe", FIRST_QUERY)
        # The query's own results, not the full list shown before typing.
        # A function, not an expression: the page's CSP forbids eval.
        page.wait_for_function("() => document.querySelector('.search-status').textContent.includes('gefunden')")
        page.wait_for_selector(".search-results .offer-card")

    # Render 1 is the full list before typing (or is dropped for the query), render 2 the query's.
    shown = "Number(document.querySelector('[data-search]')?.getAttribute('data-render-count')) >= 2"
    total, files = bytes_until(page, f"{base}/ferienboerse/", first_result, base, shown)
    timings = page.evaluate(
        """async ([queries, pace]) => {
            const root = document.querySelector("[data-search]");
            const input = document.querySelector("#suche-eingabe");
            const times = [];
            let last = -Infinity;
            for (const q of queries) {
                const wait = pace - (performance.now() - last);
                if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
                const before = Number(root.getAttribute("data-render-count"));
                const done = new Promise((resolve) => {
                    const observer = new MutationObserver(() => {
                        if (Number(root.getAttribute("data-render-count")) > before) { observer.disconnect(); resolve(); }
                    });
                    observer.observe(root, { attributes: true, attributeFilter: ["data-render-count"] });
                });
                const start = performance.now();
                last = start;
                input.value = q;
                input.dispatchEvent(new Event("input", { bubbles: true }));
                await done;
                times.push(performance.now() - start);
            }
            return times;
        }""",
        [TYPED, pace],
    )
    page.close()
    return {"bytes": total, "files": files, "keystroke_ms": timings}


def index_cost(result: dict) -> tuple[float, float]:
    """What the search index adds to the build, in percent of wall and of CPU time."""
    wall = (result["build_search"] - result["build_plain"]) / result["build_plain"] * 100
    return wall, (result["cpu_search"] - result["cpu_plain"]) / result["cpu_plain"] * 100


def keystrokes(result: dict, pace: int = 0) -> list[float]:
    return [t for run in result["runs"][pace] for t in run]


def per_query(result: dict, pace: int = 0) -> list[float]:
    """Each typed query's median over the rounds."""
    return [statistics.median(times) for times in zip(*result["runs"][pace], strict=True)]


def measure_pagefind(browser, base: str, pace: int) -> dict:
    page = browser.new_page()

    def first_result():
        page.wait_for_selector(".pagefind-ui__search-input")
        page.fill(".pagefind-ui__search-input", FIRST_QUERY)
        page.wait_for_selector(".pagefind-ui__result-link")

    shown = "document.querySelector('.pagefind-ui__result-link')"
    total, files = bytes_until(page, f"{base}/pagefind-bench.html", first_result, base, shown)
    page.wait_for_function("() => window.pagefindApi !== undefined")
    timings = page.evaluate(PAGEFIND_TIMINGS, [TYPED, pace])
    page.close()
    return {"bytes": total, "files": files, "keystroke_ms": timings}


def bench_size(size: int, browser, *, compare: list[tuple[str, Path]], runs: int, builds: int) -> dict:
    folder = WORK / f"search-{size}"
    data = folder / "data"
    if not data.exists():
        synthetic.write_data(data, size)
    plain_runs, search_runs = [], []
    for _ in range(builds):  # alternating, fastest counts: the disk of a shared machine has slow moments
        plain_runs.append(build(data, folder / "out-plain", search=False))
        search_runs.append(build(data, folder / "out", search=True))
    without, with_search = min(wall for wall, _ in plain_runs), min(wall for wall, _ in search_runs)
    for label, code in compare:
        build(data, folder / f"out-{label}", search=True, code=code)
    subprocess.run([str(PAGEFIND), "--site", str(folder / "out"), "--quiet"], check=True, capture_output=True)
    (folder / "out" / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    servers = {"ours": serve(folder / "out"), **{label: serve(folder / f"out-{label}") for label, _ in compare}}
    engines = {name: (measure_ours, base) for name, (_, base) in servers.items()}
    engines["Pagefind"] = (measure_pagefind, servers["ours"][1])
    measured: dict[str, dict[int, list[dict]]] = {name: {pace: [] for pace in PACES} for name in engines}
    try:
        for _ in range(runs):
            for name, (measure, base) in engines.items():
                for pace in PACES:  # each on a fresh page: nothing loaded yet
                    measured[name][pace].append(measure(browser, base, pace))
    finally:
        for server, _ in servers.values():
            server.shutdown()
    engine_results = {
        name: {
            "bytes": results[0][0]["bytes"],
            "files": results[0][0]["files"],
            "runs": {pace: [r["keystroke_ms"] for r in results[pace]] for pace in PACES},
        }
        for name, results in measured.items()
    }
    index_bytes = sum(wire_bytes(p.read_bytes()) for p in (folder / "out").glob("*/suche/t-*.json"))
    return {
        "size": size,
        "build_plain": without,
        "build_search": with_search,
        "cpu_plain": min(cpu for _, cpu in plain_runs),
        "cpu_search": min(cpu for _, cpu in search_runs),
        "engines": engine_results,
        "index_gz": index_bytes,
    }


def p90(times: list[float]) -> float:
    return sorted(times)[max(0, int(len(times) * 0.9 + 0.5) - 1)]


def report(results: list[dict]) -> None:
    print()
    print(
        f"{'offers':>7} | {'build':>7} | {'+search':>8} | {'CPU':>7} | {'+search':>8} | {'ours KB':>8} | {'Pagefind KB':>11} | "
        f"{'ours/Pagefind':>13}"
    )
    for r in results:
        ours, pagefind = r["engines"]["ours"], r["engines"]["Pagefind"]
        extra, extra_cpu = index_cost(r)
        print(
            f"{r['size']:>7} | {r['build_plain']:>6.1f}s | {extra:>+7.0f}% | {r['cpu_plain']:>6.1f}s | {extra_cpu:>+7.0f}% | "
            f"{ours['bytes'] / 1000:>8.1f} | {pagefind['bytes'] / 1000:>11.1f} | {ours['bytes'] / pagefind['bytes']:>13.2f}"
        )
    print()
    for pace in PACES:
        how = "ohne Pause" if pace == 0 else f"im Tipptempo, alle {pace} ms eine Taste"
        print(f"Tastendruck bis Treffer (ms), {how}; gleiche Tastendrücke, gleicher Lauf; Verhältnis zu Pagefind:")
        print(f"{'offers':>7} | {'engine':>9} | {'median':>7} | {'p90':>7} | {'langsamste':>10} | {'median/PF':>9} | {'p90/PF':>7}")
        for r in results:
            theirs = keystrokes(r["engines"]["Pagefind"], pace)
            for name, engine in r["engines"].items():
                times = keystrokes(engine, pace)
                print(
                    f"{r['size']:>7} | {name:>9} | {statistics.median(times):>7.1f} | {p90(times):>7.1f} | "
                    f"{max(per_query(engine, pace)):>10.1f} | "
                    f"{statistics.median(times) / statistics.median(theirs):>9.2f} | {p90(times) / p90(theirs):>7.2f}"
                )
        print()
    print()
    reached = {True: "erreicht", False: "NICHT erreicht"}
    for r in results:
        engines = r["engines"]
        ours, theirs = keystrokes(engines["ours"]), keystrokes(engines["Pagefind"])
        extra, extra_cpu = index_cost(r)
        print(f"{r['size']} Angebote:")
        half = engines["ours"]["bytes"] * 2 <= engines["Pagefind"]["bytes"]
        print(f"  Bytes bis zum ersten Treffer ≤ halb so viele wie Pagefind: {reached[half]}")
        if r["size"] >= 10000:
            print(
                f"  Tastendruck bis Treffer ≤ Pagefind (Median, p90): "
                f"{reached[statistics.median(ours) <= statistics.median(theirs)]}, {reached[p90(ours) <= p90(theirs)]}"
            )
            print(f"  Index kostet ≤ 30 % Bauzeit: {reached[extra <= 30]} ({extra:+.0f} %; CPU-Zeit {extra_cpu:+.0f} %)")
        print("  je Anfrage (ms, Median der Runden), ohne Pause || im Tipptempo:", " | ".join(engines))
        for i, query in enumerate(TYPED):
            print(
                f"    {query:<12}",
                " || ".join(" | ".join(f"{per_query(engine, pace)[i]:>7.1f}" for engine in engines.values()) for pace in PACES),
            )
        print("  unsere Dateien:", ", ".join(f"{name} {size / 1000:.1f}" for name, size in engines["ours"]["files"]))
        print("  Pagefind:      ", ", ".join(f"{name.rsplit('/', 1)[-1]} {size / 1000:.1f}" for name, size in engines["Pagefind"]["files"]))
        print(f"  Index aller Börsen auf dem Server (gzip, alle Shards): {r['index_gz'] / 1e6:.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--compare", default=BEFORE_QUALITY_WORK, help="git revisions measured alongside (comma-separated)")
    parser.add_argument("--runs", type=int, default=3, help="keystroke rounds per engine")
    parser.add_argument("--builds", type=int, default=3, help="builds with and without the index; the fastest counts")
    args = parser.parse_args()
    if not PAGEFIND.exists():
        print("Pagefind fehlt: bitte `npm ci` ausführen.")
        return 2
    compare = [code_of(revision) for revision in args.compare.split(",") if revision]
    print(f"Load: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; today pinned to {TODAY}; first query {FIRST_QUERY!r}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        results = [bench_size(int(size), browser, compare=compare, runs=args.runs, builds=args.builds) for size in args.sizes.split(",")]
        browser.close()
    report(results)
    search_quality.report(search_quality.quality(WORK / "quality"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
