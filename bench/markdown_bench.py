"""Markdown benchmark (``make bench``): the worst render time of an offer description.

A description may hold 20,000 characters of Markdown (the schema's limit). Inputs built to
make a renderer backtrack or nest (20,000 "[", 10,000 "![", nested brackets, lists, quotes
and emphasis; validation refuses nesting deeper than 16 elements, the renderer shows such
text as plain text) are rendered by the renderer the site uses (``boersen.richtext``: cmark via
cmarkgfm, then nh3) and, side by side, by two peers: Python-Markdown, which the site used
before, and markdown-it-py. Each peer render runs in its own process with a time limit, so
one that backtracks for minutes shows as "> limit" instead of stalling the benchmark.

Target from the hardening issue: under 50 ms per offer for every input.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from boersen.richtext import render_markdown  # noqa: E402

LIMIT = 20_000  # characters, the schema's maxLength of "beschreibung"
TARGET_MS = 50.0


def inputs() -> dict[str, str]:
    """Pathological descriptions, each cut to the length limit, and one ordinary long text."""
    sentence = "Im Sommer lernen die Kinder **schwimmen** und spielen [Fußball](https://www.tsv.example) auf der Wiese.\n\n"
    cases = {
        "[ ×20000": "[",
        "![ ×10000": "![",
        "[[…]] verschachtelt": None,
        "[a]( ×5000": "[a](",
        "[a][ ×5000": "[a][",
        "*a _b ×": "*a _b ",
        "1. ×6600 (Liste in Liste)": "1. ",
        "eingerückte Listen": None,
        "> ×10000 (Zitat in Zitat)": "> ",
        "<div  ×4000": "<div ",
        "` ×20000": "`",
        "&# ×10000": "&#",
        "gewöhnlicher Text": sentence,
    }
    texts = {}
    for name, unit in cases.items():
        if name == "eingerückte Listen":
            text = "".join("  " * level + "- a\n" for level in range(200))
        elif unit is None:
            text = "[" * (LIMIT // 2) + "]" * (LIMIT // 2)
        else:
            text = unit * (LIMIT // len(unit) + 1)
        texts[name] = text[:LIMIT]
    return texts


PEERS = {
    "Python-Markdown": "import markdown; markdown.markdown(text, extensions=['sane_lists'])",
    "markdown-it-py": "from markdown_it import MarkdownIt; MarkdownIt('commonmark').render(text)",
}


def ours_ms(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        render_markdown(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def peer_ms(code: str, text: str, timeout: float) -> float | None:
    """Render time in a child process (import excluded), or None when over ``timeout`` seconds."""
    program = (
        "import json, sys, time\n"
        "text = json.load(sys.stdin)\n"
        f"{code.split(';')[0]}\n"
        "start = time.perf_counter()\n"
        f"{code.split(';', 1)[1].strip()}\n"
        "print((time.perf_counter() - start) * 1000)\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", program], input=json.dumps(text), capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:  # e.g. RecursionError
        return float("nan")
    return float(done.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of our renderer per input; the fastest counts")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a peer may take per input")
    args = parser.parse_args()

    def show(value: float | None) -> str:
        if value is None:
            return f"> {args.timeout:.0f} s"
        if value != value:  # NaN
            return "Absturz"
        return f"{value:.1f} ms"

    print(f"{'Eingabe (20.000 Zeichen)':28} {'Börsen (cmark)':>15} " + " ".join(f"{name:>16}" for name in PEERS))
    worst = 0.0
    for name, text in inputs().items():
        ours = ours_ms(text, args.runs)
        worst = max(worst, ours)
        peers = [peer_ms(code, text, args.timeout) for code in PEERS.values()]
        print(f"{name:28} {show(ours):>15} " + " ".join(f"{show(value):>16}" for value in peers))
    verdict = "erreicht" if worst < TARGET_MS else "verfehlt"
    print(f"Schlechteste Zeit pro Beschreibung: {worst:.1f} ms; Ziel < {TARGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
