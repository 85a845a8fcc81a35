"""The GitHub calls: one comment per pull request, one stale-offer issue, refusals, and the
real HTTP client against a loopback server that plays GitHub."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer
from typing import ClassVar

import pytest

from boersen.ci import github, stale
from boersen.ci.__main__ import main

from recording_server import RecordingHandler

BODY = "<!-- boersen-pruefung -->\n## Prüfung der Daten: alles in Ordnung\n"
SHA = "a" * 40


class FakeGitHub:
    """Answers like GitHub's REST API from canned data and records every call."""

    def __init__(self, answers: dict[tuple[str, str], object]):
        self.answers = answers
        self.calls: list[tuple[str, str, dict | None]] = []

    def __call__(self, method: str, path: str, body: dict | None = None):
        self.calls.append((method, path, body))
        return self.answers.get((method, path), {"number": 99})


def pull(state: str = "open", sha: str = SHA) -> dict:
    return {"state": state, "head": {"sha": sha}}


COMMENTS = "/repos/stadt/boersen/issues/12/comments?per_page=100&page=1"


def test_first_comment_is_created():
    api = FakeGitHub({("GET", "/repos/stadt/boersen/pulls/12"): pull(), ("GET", COMMENTS): []})
    assert github.post_comment(api, "stadt/boersen", "12\n", SHA, BODY) == "Kommentar in Pull Request 12 geschrieben."
    assert api.calls[-1] == ("POST", "/repos/stadt/boersen/issues/12/comments", {"body": BODY})


def test_the_bots_comment_is_updated_not_a_copy_of_its_marker():
    comments = [
        {"id": 1, "user": {"login": "jemand"}, "body": BODY},  # a person quoting the marker
        {"id": 2, "user": {"login": "github-actions[bot]"}, "body": "anderer Bot-Kommentar"},
        {"id": 3, "user": {"login": "github-actions[bot]"}, "body": BODY + "alt"},
    ]
    api = FakeGitHub({("GET", "/repos/stadt/boersen/pulls/12"): pull(), ("GET", COMMENTS): comments})
    assert github.post_comment(api, "stadt/boersen", "12", SHA, BODY) == "Kommentar in Pull Request 12 aktualisiert."
    assert api.calls[-1] == ("PATCH", "/repos/stadt/boersen/issues/comments/3", {"body": BODY})


def test_comments_are_read_page_by_page():
    first = [{"id": n, "user": {"login": "jemand"}, "body": "x"} for n in range(100)]
    second = [{"id": 500, "user": {"login": "github-actions[bot]"}, "body": BODY}]
    api = FakeGitHub(
        {
            ("GET", "/repos/stadt/boersen/pulls/12"): pull(),
            ("GET", COMMENTS): first,
            ("GET", COMMENTS.removesuffix("page=1") + "page=2"): second,
        }
    )
    github.post_comment(api, "stadt/boersen", "12", SHA, BODY)
    assert api.calls[-1] == ("PATCH", "/repos/stadt/boersen/issues/comments/500", {"body": BODY})


@pytest.mark.parametrize(
    ("number", "body", "answer", "message"),
    [
        ("12 && rm", BODY, pull(), "Das Artefakt ist kein Kommentar der Prüfung."),
        ("12", "Irgendein Text", pull(), "Das Artefakt ist kein Kommentar der Prüfung."),
        ("12", BODY + "x" * 70000, pull(), "Das Artefakt ist kein Kommentar der Prüfung."),
        ("12", BODY, pull(sha="b" * 40), f"Pull Request 12 gehört nicht zu Commit {SHA}."),
        ("12", BODY, pull(state="closed"), f"Pull Request 12 gehört nicht zu Commit {SHA}."),
    ],
)
def test_a_forged_artifact_is_refused(number, body, answer, message):
    api = FakeGitHub({("GET", "/repos/stadt/boersen/pulls/12"): answer})
    with pytest.raises(github.Refused) as refused:
        github.post_comment(api, "stadt/boersen", number, SHA, body)
    assert str(refused.value) == message
    assert [call[0] for call in api.calls] in ([], ["GET"])  # nothing written


ISSUES = "/repos/stadt/boersen/issues?state=open&creator=github-actions%5Bbot%5D&per_page=100&page=1"
STALE = stale.MARKER + "\nDiese 2 Angebote …\n"


def test_stale_issue_is_opened():
    api = FakeGitHub({("GET", ISSUES): [{"number": 4, "body": "etwas anderes"}]})
    assert github.update_stale_issue(api, "stadt/boersen", STALE) == "Issue 99 eröffnet."
    assert api.calls[-1] == ("POST", "/repos/stadt/boersen/issues", {"title": stale.TITLE, "body": STALE})


def test_stale_issue_is_updated_and_pull_requests_are_not_issues():
    listed = [{"number": 3, "body": STALE, "pull_request": {}}, {"number": 5, "body": STALE}]
    api = FakeGitHub({("GET", ISSUES): listed})
    assert github.update_stale_issue(api, "stadt/boersen", STALE) == "Issue 5 aktualisiert."
    assert api.calls[-1] == ("PATCH", "/repos/stadt/boersen/issues/5", {"title": stale.TITLE, "body": STALE})


def test_stale_issue_is_closed_when_all_is_confirmed():
    api = FakeGitHub({("GET", ISSUES): [{"number": 5, "body": STALE}]})
    assert github.update_stale_issue(api, "stadt/boersen", None) == "Alle Angebote sind bestätigt; Issue 5 geschlossen."
    assert api.calls[-1] == ("PATCH", "/repos/stadt/boersen/issues/5", {"body": stale.ALL_CONFIRMED, "state": "closed"})
    api = FakeGitHub({("GET", ISSUES): []})
    assert github.update_stale_issue(api, "stadt/boersen", None) == "Alle Angebote sind bestätigt; kein Issue offen."
    assert len(api.calls) == 1


def test_a_very_long_stale_list_is_cut_to_fit():
    body = stale.MARKER + "\n" + "".join(f"- Angebot {n}\n" for n in range(10000))
    api = FakeGitHub({("GET", ISSUES): []})
    github.update_stale_issue(api, "stadt/boersen", body)
    sent = api.calls[-1][2]["body"]
    assert len(sent) <= github.MAX_BODY
    assert sent.startswith(stale.MARKER)
    assert sent.endswith("\n\n… Die Liste ist zu lang für ein Issue; `boersen validate` zeigt alle Warnungen.\n")


class PlaysGitHub(RecordingHandler):
    """A loopback server answering the calls of post-comment, recording what it was sent."""

    received: ClassVar[list] = []  # this server's own calls

    def do_GET(self):
        self._record()
        self._answer(pull() if self.path.endswith("/pulls/12") else [])

    def do_POST(self):
        self._record()
        self._answer({"id": 1})


def test_post_comment_command_talks_http_to_the_api(tmp_path, capsys):
    (tmp_path / "kommentar.md").write_text(BODY, encoding="utf-8")
    (tmp_path / "pull-request").write_text("12\n", encoding="utf-8")
    PlaysGitHub.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PlaysGitHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        environ = {
            "GITHUB_API_URL": f"http://127.0.0.1:{server.server_port}",
            "GITHUB_TOKEN": "t0ken",
            "GITHUB_REPOSITORY": "stadt/boersen",
        }
        code = main(["post-comment", str(tmp_path), "--head-sha", SHA], environ=environ)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert (code, capsys.readouterr().out) == (0, "Kommentar in Pull Request 12 geschrieben.\n")
    assert PlaysGitHub.received == [
        ("GET", "/repos/stadt/boersen/pulls/12", "Bearer t0ken", None),
        ("GET", "/repos/stadt/boersen/issues/12/comments?per_page=100&page=1", "Bearer t0ken", None),
        ("POST", "/repos/stadt/boersen/issues/12/comments", "Bearer t0ken", {"body": BODY}),
    ]


def test_post_comment_command_refuses_with_a_message(tmp_path, capsys):
    (tmp_path / "kommentar.md").write_text("kein Kommentar der Prüfung", encoding="utf-8")
    (tmp_path / "pull-request").write_text("12\n", encoding="utf-8")
    api = FakeGitHub({})
    code = main(["post-comment", str(tmp_path), "--head-sha", SHA], environ={"GITHUB_REPOSITORY": "stadt/boersen"}, api=api)
    assert (code, capsys.readouterr().err, api.calls) == (1, "Das Artefakt ist kein Kommentar der Prüfung.\n", [])
