"""``python -m boersen.ci comment | post-comment | stale-issue | issue-offer | issue-forms``: what the
workflows run, and the generator of the GitHub issue forms.

Values from the workflow arrive as arguments built from ``env:`` variables, or as files; the
GitHub token and repository come from the environment GitHub Actions sets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from ..catalog import load_catalog
from ..cli import summary
from ..today import TodayError, resolve_today
from . import github, issue_forms, issue_offer
from .comment import pull_request_comment, write_comment
from .formats import Findings, read_changed_files
from .stale import stale_issue_body


def main(argv: list[str] | None = None, environ: Mapping[str, str] = os.environ, api: github.Api | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m boersen.ci", description="Schritte der Workflows auf GitHub.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    text = commands.add_parser("comment", help="Schreibt den Kommentar für einen Pull Request in einen Ordner.")
    text.add_argument("data_dir", nargs="?", type=Path, default=Path("data"), help="Datenordner (Standard: data)")
    text.add_argument("--changed-files", type=Path, required=True, metavar="DATEI", help="geänderte Dateien, eine je Zeile")
    text.add_argument("--pull-request", type=int, required=True, metavar="NUMMER")
    text.add_argument("--output", type=Path, required=True, metavar="ORDNER")
    text.add_argument("--repository-url", required=True, metavar="URL")
    text.add_argument("--run-url", metavar="URL")
    text.add_argument("--preview-url", metavar="URL", help="Adresse des Artefakts mit der gebauten Seite")
    text.add_argument("--heute", help="Stichtag JJJJ-MM-TT")

    post = commands.add_parser("post-comment", help="Schreibt oder aktualisiert den Kommentar (braucht GITHUB_TOKEN).")
    post.add_argument("folder", type=Path, help="Ordner mit kommentar.md und pull-request")
    post.add_argument("--head-sha", required=True, help="Commit, den die Prüfung geprüft hat")

    issue = commands.add_parser("stale-issue", help="Eröffnet, aktualisiert oder schließt das Issue zu alten Angaben.")
    issue.add_argument("data_dir", nargs="?", type=Path, default=Path("data"), help="Datenordner (Standard: data)")
    issue.add_argument("--site-url", required=True, metavar="URL", help="Adresse der veröffentlichten Seite")
    issue.add_argument("--heute", help="Stichtag JJJJ-MM-TT")
    issue.add_argument("--print", action="store_true", help="Text nur ausgeben, nichts an GitHub senden")

    offer = commands.add_parser("issue-offer", help="Macht aus einem Issue mit dem Formular einen Pull Request (braucht GITHUB_TOKEN).")
    offer.add_argument("data_dir", nargs="?", type=Path, default=Path("data"), help="Datenordner (Standard: data)")
    offer.add_argument("--event", type=Path, required=True, metavar="DATEI", help="Ereignis-Datei von GitHub ($GITHUB_EVENT_PATH)")
    offer.add_argument("--heute", help="Stichtag JJJJ-MM-TT")

    forms = commands.add_parser("issue-forms", help="Schreibt die Issue-Formulare nach .github/ISSUE_TEMPLATE/.")
    forms.add_argument("data_dir", nargs="?", type=Path, default=Path("data"), help="Datenordner (Standard: data)")
    forms.add_argument("--output", type=Path, default=issue_forms.FOLDER, metavar="ORDNER")
    forms.add_argument("--site-url", metavar="URL", help="Adresse der Webseite (Standard: SITEURL aus publishconf.py)")

    args = parser.parse_args(argv)
    try:
        if args.command == "comment":
            return _comment(args)
        if args.command == "issue-forms":
            return _issue_forms(args)
        if api is None:
            api = _api(environ) if not (args.command == "stale-issue" and args.print) else None
        if args.command == "post-comment":
            body = (args.folder / "kommentar.md").read_text(encoding="utf-8")
            number = (args.folder / "pull-request").read_text(encoding="utf-8")
            print(github.post_comment(api, environ["GITHUB_REPOSITORY"], number, args.head_sha, body))
            return 0
        if args.command == "issue-offer":
            return _issue_offer(args, api, environ)
        return _stale(args, api, environ)
    except (TodayError, github.Refused) as error:
        print(error, file=sys.stderr)
        return 1


def _api(environ: Mapping[str, str]) -> github.Api:
    return github.client(environ.get("GITHUB_API_URL", "https://api.github.com"), environ["GITHUB_TOKEN"])


def _comment(args: argparse.Namespace) -> int:
    catalog, problems = load_catalog(args.data_dir, resolve_today(args.heute))
    findings = Findings(problems.sorted(), args.data_dir, changed=read_changed_files(args.changed_files))
    body = pull_request_comment(
        findings, catalog, repository_url=args.repository_url, run_url=args.run_url, preview_url=args.preview_url or None
    )
    write_comment(args.output, body, args.pull_request)
    print(summary(catalog, problems))
    return 0


def _issue_forms(args: argparse.Namespace) -> int:
    catalog, problems = load_catalog(args.data_dir, resolve_today())
    if problems.errors:
        print(summary(catalog, problems), file=sys.stderr)
        print("Die Formulare entstehen erst aus fehlerfreien Daten (boersen validate zeigt die Fehler).", file=sys.stderr)
        return 1
    site_url = args.site_url or issue_forms.site_url_from(args.data_dir.resolve().parent / "publishconf.py")
    changed = issue_forms.write_files(args.output, issue_forms.generated_files(catalog.boersen, site_url))
    print("\n".join(changed) if changed else "Die Formulare sind aktuell.")
    return 0


def _issue_offer(args: argparse.Namespace, api: github.Api, environ: Mapping[str, str]) -> int:
    event = json.loads(args.event.read_text(encoding="utf-8"))
    today = resolve_today(args.heute)
    catalog, _ = load_catalog(args.data_dir, today)
    repository_dir = args.data_dir.resolve().parent
    print(issue_offer.handle(event, catalog, args.data_dir, repository_dir, api, environ["GITHUB_REPOSITORY"], today))
    return 0


def _stale(args: argparse.Namespace, api: github.Api | None, environ: Mapping[str, str]) -> int:
    catalog, _ = load_catalog(args.data_dir, resolve_today(args.heute))
    body = stale_issue_body(catalog, args.site_url, args.data_dir)
    if args.print or api is None:
        print(body if body is not None else "Alle Angebote sind bestätigt.", end="" if body else "\n")
        return 0
    print(github.update_stale_issue(api, environ["GITHUB_REPOSITORY"], body))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
