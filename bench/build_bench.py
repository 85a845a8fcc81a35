"""Build benchmark (``make bench``): our full build against Hugo on the same synthetic offers.

For each size N (default 1,000 and 10,000):

1. ``synthetic.write_data`` writes N offers into ``bench/work/<N>/data`` and
   ``hugo_site.write_site`` the equivalent Hugo project into ``bench/work/<N>/hugo-site``;
2. ``boersen validate`` is timed on its own;
3. our build runs exactly as ``make html`` runs it (``pelican content -s pelicanconf.py``
   with the data folder passed as ``-e BOERSEN_DATA_PATH=…``), Hugo as ``hugo --quiet``;
   both run ``--runs`` times, alternating, and the fastest run counts.

Wall time is ``time.perf_counter()`` around the child process, startup included. Peak memory
is the child's own maximum resident set size, reported by the kernel through ``os.wait4``
(no ``/usr/bin/time`` needed); the largest value over the runs is shown.

Targets from the issue: at 10,000 offers our build takes at most 3× Hugo's time and stays
under 1 GiB. Dates are pinned with ``BOERSEN_HEUTE``, so results do not depend on the day.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import hugo_site
import synthetic

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
BIN = ROOT / ".venv" / "bin"
RATIO_TARGET = 3.0
MEMORY_TARGET_MIB = 1024.0


@dataclass
class Measurement:
    seconds: float  # wall time of the fastest run
    cpu_seconds: float  # user + system time of that run (Hugo uses several cores)
    peak_mib: float  # largest peak RSS of all runs
    html_pages: int = 0


@dataclass
class Result:
    size: int
    validate: Measurement
    ours: Measurement
    hugo: Measurement | None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of offers (default: 1000,10000)")
    parser.add_argument("--runs", type=int, default=2, help="runs per build; the fastest counts (default: 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic data (default: 1)")
    parser.add_argument("--translated", type=float, default=0.0, help="share of offers translated into en, tr, ar, uk (default: 0)")
    parser.add_argument("--no-search", action="store_true", help="build without search files (BOERSEN_SEARCH=False)")
    parser.add_argument("--languages", help='BOERSEN_LANGUAGES for our build, e.g. "de" or "de,en,tr,ar,uk" (default: pelicanconf.py\'s)')
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]

    hugo = shutil.which("hugo") or ("/usr/bin/hugo" if Path("/usr/bin/hugo").exists() else None)
    print(f"Build benchmark: best of {args.runs} runs per build (ours and Hugo alternating), BOERSEN_HEUTE={synthetic.TODAY}")
    print(f"Python {sys.version.split()[0]}, {_hugo_version(hugo) if hugo else 'Hugo not installed'}, {os.cpu_count()} CPUs")
    if not hugo:
        print("Hugo is missing, so there is nothing to compare with. Install it with: sudo apt-get install hugo")
    print(f"Load average before: {_load()}\n")

    languages = [code.strip() for code in args.languages.split(",")] if args.languages else None
    if languages:
        print(f"Our build in the languages {', '.join(languages)}")
    if args.translated:
        print(f"{args.translated:.0%} of the offers translated")
    settings = {"BOERSEN_LANGUAGES": languages} if languages else {}
    if args.no_search:
        settings["BOERSEN_SEARCH"] = False
    results = [_bench_size(size, args.seed, args.runs, hugo, settings, args.translated) for size in sizes]

    print(f"\nLoad average after: {_load()}\n")
    _print_table(results)
    print()
    for result in results:
        print(_verdict(result))
    return 0


def _bench_size(size: int, seed: int, runs: int, hugo: str | None, settings: dict, translated: float = 0.0) -> Result:
    folder = WORK / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    data, site = folder / "data", folder / "hugo-site"
    started = time.perf_counter()
    dataset = synthetic.write_data(data, size, seed, translated)
    hugo_site.write_site(site, dataset)
    print(f"N={size}: data and Hugo site written in {time.perf_counter() - started:.1f} s ({folder.relative_to(ROOT)})")

    env = {**os.environ, "BOERSEN_HEUTE": synthetic.TODAY.isoformat()}
    validate = _measure([str(BIN / "boersen"), "validate", str(data)], runs, folder / "validate.log", env)
    print(f"  validate: {validate.seconds:.2f} s – {_last_line(folder / 'validate.log')}")

    ours_out, hugo_out = folder / "out-boersen", folder / "out-hugo"
    ours_command = [
        str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", str(ours_out),
        "-e", f"BOERSEN_DATA_PATH={json.dumps(str(data))}",
    ]  # fmt: skip
    # One -e takes every KEY=VALUE; pages multiply per language (Hugo builds one).
    ours_command += [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    hugo_command = [hugo, "--quiet", "-s", str(site), "-d", str(hugo_out), "--cacheDir", str(WORK / "hugo-cache")]
    ours_runs, hugo_runs = [], []
    for _ in range(runs):  # alternate, so that a burst of load elsewhere hits both
        shutil.rmtree(ours_out, ignore_errors=True)
        ours_runs.append(_run(ours_command, folder / "build.log", env))
        if hugo:
            shutil.rmtree(hugo_out, ignore_errors=True)
            hugo_runs.append(_run(hugo_command, folder / "hugo.log", os.environ))
    ours = _best(ours_runs, _count_html(ours_out))
    print(f"  our build: {ours.seconds:.2f} s, peak {ours.peak_mib:.0f} MiB, {ours.html_pages} HTML pages (load now {_load()})")
    result = Result(size, validate, ours, None)
    if hugo:
        result.hugo = _best(hugo_runs, _count_html(hugo_out))
        print(f"  Hugo:      {result.hugo.seconds:.2f} s, peak {result.hugo.peak_mib:.0f} MiB, {result.hugo.html_pages} HTML pages")
    return result


def _run(command: list[str], log: Path, env: dict) -> Measurement:
    """Run ``command`` in the repository, output into ``log``; its wall time and peak RSS."""
    with log.open("w", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, not by Popen
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(command)}\nfailed with exit code {process.returncode}; end of {log}:\n{tail}")
    return Measurement(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss: KiB on Linux


def _measure(command: list[str], runs: int, log: Path, env: dict) -> Measurement:
    return _best([_run(command, log, env) for _ in range(runs)])


def _best(runs: list[Measurement], html_pages: int = 0) -> Measurement:
    fastest = min(runs, key=lambda run: run.seconds)
    return Measurement(fastest.seconds, fastest.cpu_seconds, max(run.peak_mib for run in runs), html_pages)


def _count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def _print_table(results: list[Result]) -> None:
    header = [
        "N",
        "validate s",
        "build s",
        "ms/offer",
        "CPU s",
        "Hugo s",
        "ms/page",
        "Hugo CPU s",
        "ours/Hugo",
        "peak RSS MiB",
        "Hugo RSS MiB",
    ]
    rows = []
    for r in results:
        hugo = r.hugo
        rows.append([
            f"{r.size:,}",
            f"{r.validate.seconds:.2f}",
            f"{r.ours.seconds:.2f}",
            f"{1000 * r.ours.seconds / r.size:.2f}",
            f"{r.ours.cpu_seconds:.2f}",
            f"{hugo.seconds:.2f}" if hugo else "–",
            f"{1000 * hugo.seconds / r.size:.2f}" if hugo else "–",
            f"{hugo.cpu_seconds:.2f}" if hugo else "–",
            f"{r.ours.seconds / hugo.seconds:.1f}×" if hugo else "–",
            f"{r.ours.peak_mib:.0f}",
            f"{hugo.peak_mib:.0f}" if hugo else "–",
        ])  # fmt: skip
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * width for width in widths], *rows]:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    print("(s: wall time of the fastest run; ms/offer, ms/page: that time divided by N; CPU s: user + system time of that run;")
    print(" RSS: largest peak of the runs. Both use both cores: Hugo renders in parallel, we check files and index in worker processes.)")


def _verdict(result: Result) -> str:
    if result.hugo:
        ratio = result.ours.seconds / result.hugo.seconds
        reached = "erreicht" if ratio <= RATIO_TARGET else "nicht erreicht"
        speed = f"Ziel ≤ {RATIO_TARGET:g}× Hugo: {reached} ({ratio:.1f}×)"
    else:
        speed = f"Ziel ≤ {RATIO_TARGET:g}× Hugo: nicht prüfbar (Hugo fehlt: sudo apt-get install hugo)"
    memory = "erreicht" if result.ours.peak_mib < MEMORY_TARGET_MIB else "nicht erreicht"
    return f"N={result.size:,}: {speed}; Speicher < 1 GiB: {memory} ({result.ours.peak_mib:.0f} MiB)"


def _hugo_version(hugo: str) -> str:
    output = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False).stdout.split()
    return f"Hugo {output[1]}" if len(output) > 1 else "Hugo (unknown version)"


def _last_line(log: Path) -> str:
    lines = log.read_text(encoding="utf-8").strip().splitlines()
    return lines[-1] if lines else ""


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
