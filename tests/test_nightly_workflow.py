"""The nightly workflow, read as a maintainer would: what runs, with which secrets and permissions, and what it opens.

What it decides is scripts/nightly_decision.py's (tests/test_nightly_decision.py);
here, that the workflow gathers the facts, calls it, and acts on its outputs only.
"""

from __future__ import annotations

import re
from typing import Any

from tests.support.workflows import WORKFLOWS, load, run_lines

NAME = "nightly-contract.yml"
SECRETS = re.compile(r"\$\{\{\s*secrets\.(\w+)")
CREDENTIALS = {
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_EMAIL",
    "CLOUDFLARE_API_KEY",
    "CLOUDFLARE_ACCOUNT_ID",
    "CLOUDFLARE_PAGES_PROJECT",
    "CLOUDFLARE_PAGES_DEPLOYMENT_ID",
}


def workflow() -> dict[Any, Any]:
    return load(NAME)


def live_steps() -> dict[str, dict[str, Any]]:
    return {
        step.get("id") or step.get("name") or step["uses"]: step
        for step in workflow()["jobs"]["live-contract"]["steps"]
    }


def test_it_runs_every_night_and_on_demand() -> None:
    on = workflow()[True]  # YAML 1.1 reads the key `on` as True
    assert on["schedule"] == [{"cron": "17 3 * * *"}]
    assert "max_requests" in on["workflow_dispatch"]["inputs"]


def test_each_job_has_only_the_permissions_it_uses() -> None:
    assert workflow()["permissions"] == {}
    permissions = {name: job["permissions"] for name, job in workflow()["jobs"].items()}
    assert permissions == {
        "live-contract": {"contents": "read"},
        "propose": {"contents": "write", "pull-requests": "write"},
        "report-issue": {"issues": "write"},
        "upstream-diff": {"contents": "read"},
    }


def test_the_secrets_reach_only_the_steps_that_read_them() -> None:
    places: dict[str, set[str]] = {}
    for job_name, job in workflow()["jobs"].items():
        assert not SECRETS.findall(str(job.get("env", {}))), f"{job_name}: secrets in the job's environment"
        for step in job["steps"]:
            found = set(SECRETS.findall(str(step)))
            if found:
                places[f"{job_name}/{step.get('id') or step.get('uses')}"] = found
    assert places == {
        "live-contract/secrets": CREDENTIALS,
        "live-contract/live": CREDENTIALS,
        "propose/peter-evans/create-pull-request@5f6978faf089d4d20b00c7766989d076bb2fc7f1": {"NIGHTLY_PR_TOKEN"},
    }


def test_every_action_is_pinned_by_commit_with_its_version_beside_it() -> None:
    uses = [line.strip() for line in (WORKFLOWS / NAME).read_text().splitlines() if "uses:" in line]
    assert len(uses) == 12
    for line in uses:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


def test_pip_is_cached_and_no_checkout_keeps_its_credentials() -> None:
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip"
                assert step["with"]["cache-dependency-path"] == "requirements/dev.lock"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_live_job_checks_records_adopts_tests_and_then_decides() -> None:
    lines = run_lines(workflow()["jobs"]["live-contract"])
    assert [line.split("\n")[0] for line in lines[1:]] == [
        "make setup",
        "mkdir -p reports",
        "make record",
        '.venv/bin/python -m scripts.upstream.source "$RUNNER_TEMP/published-openapi.json"',
        'make adopt UPSTREAM="$PUBLISHED"',
        "git add -A openapi generated",
        "make test",
        'python3 -m scripts.nightly_decision --configured "$CONFIGURED" --live-exit "$LIVE_EXIT" '
        '--changed "$CHANGED" --checks "$CHECKS" --state .nightly-state/outage-nights '
        '--reports reports --github-output "$GITHUB_OUTPUT"',
        'if [ -f reports/nightly.md ]; then cat reports/nightly.md >> "$GITHUB_STEP_SUMMARY"; fi',
        'echo "nightly contract: a person is needed; the issue and the job summary say why"',
    ]
    steps = live_steps()
    # The real exit code (make would turn any failure into its own 2).
    assert steps["live"]["run"].splitlines()[2:] == [
        ".venv/bin/python -m scripts.contract_live",
        'echo "code=$?" >> "$GITHUB_OUTPUT"',
    ]
    assert steps["live"]["env"]["CONTRACT_LIVE_MAX_REQUESTS"] == "${{ inputs.max_requests }}"
    assert steps["decide"]["env"] == {
        "CONFIGURED": "${{ steps.secrets.outputs.configured }}",
        "LIVE_EXIT": "${{ steps.live.outputs.code }}",
        "CHANGED": "${{ steps.changes.outputs.changed == 'true' }}",
        "CHECKS": "${{ steps.test.outcome }}",
    }


def test_without_secrets_only_the_check_the_checkout_and_the_decision_run() -> None:
    """Every other step waits for `configured` (or for the live run, which waits for it): the night is one line."""
    unconditional = [name for name, step in live_steps().items() if step.get("if") in (None, "${{ !cancelled() }}")]
    assert unconditional == [
        "secrets",
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
        "decide",
        "Publish the decision and the reports as the job summary",
    ]
    for name, step in live_steps().items():
        if name not in unconditional:
            assert re.search(r"configured == 'true'|steps\.(live|changes|decide)\.outputs", step["if"]), name


def test_one_pull_request_on_a_fixed_branch_and_one_issue_act_on_the_decision() -> None:
    jobs = workflow()["jobs"]
    assert jobs["propose"]["if"] == "${{ !cancelled() && needs.live-contract.outputs.open_pr == 'true' }}"
    create = jobs["propose"]["steps"][-1]
    assert create["uses"].startswith("peter-evans/create-pull-request@")
    assert create["with"]["branch"] == "nightly/contract-adopt"
    assert create["with"]["title"] == "${{ needs.live-contract.outputs.pr_title }}"
    assert create["with"]["body-path"].endswith("/reports/nightly.md")
    assert run_lines(jobs["propose"]) == ['git apply --index "$RUNNER_TEMP/live-contract/reports/nightly.patch"']
    assert jobs["report-issue"]["if"] == "${{ !cancelled() && needs.live-contract.outputs.open_issue == 'true' }}"
    issue = run_lines(jobs["report-issue"])[0]
    assert "--jq 'map(select(.title == env.TITLE)) | .[0].number // empty'" in issue
    assert 'gh issue comment "$number" --body-file "$body"' in issue
    assert 'gh issue create --title "$TITLE" --body-file "$body"' in issue
    outputs = jobs["live-contract"]["outputs"]
    assert outputs == {
        name: f"${{{{ steps.decide.outputs.{name} }}}}" for name in ("open_pr", "open_issue", "pr_title", "issue_title")
    }


def test_the_upstream_comparison_runs_beside_it() -> None:
    upstream = workflow()["jobs"]["upstream-diff"]
    document = '"$RUNNER_TEMP/published-openapi.json"'
    assert run_lines(upstream) == [
        "make setup",
        "make upstream-diff",
        f".venv/bin/python -m scripts.upstream.source {document}",
        f"make test-published UPSTREAM={document}",
        'if [ -f reports/upstream-diff.md ]; then cat reports/upstream-diff.md >> "$GITHUB_STEP_SUMMARY"; fi',
    ]
