"""The GitHub workflows (no runner is reachable here; `make lint` also checks them against GitHub's schema)."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml

from contract_tests.kit.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    return workflow


def run_lines(job: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


SUPPORTED_PYTHONS = ["3.11", "3.12", "3.13", "3.14"]
# `uses: owner/name@<40 hex digits> # vX.Y.Z`: a commit, and the release it carries for a person to read.
PINNED = re.compile(r"^\s*- uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def test_pushes_and_pull_requests_run_the_readme_test_command_on_every_supported_python() -> None:
    workflow = load("ci.yml")
    # YAML 1.1 reads the key `on` as True.
    assert set(workflow[True]) == {"push", "pull_request"}
    test = workflow["jobs"]["test"]
    assert test["strategy"]["matrix"]["python-version"] == SUPPORTED_PYTHONS
    assert run_lines(test) == ["make test"]
    setup = [step for step in test["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
    assert setup[0]["with"] == {
        "python-version": "${{ matrix.python-version }}",
        "cache": "pip",
        "cache-dependency-path": "requirements/*.lock",
    }


def test_every_push_checks_the_version_and_builds_checks_and_installs_the_package() -> None:
    package = load("ci.yml")["jobs"]["package"]
    assert run_lines(package) == ["make compat", "make dist-check"]
    # The last release tag must be in the clone for make compat.
    assert package["steps"][0]["with"]["fetch-depth"] == 0


def test_the_supported_pythons_are_the_classifiers() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = [c.rsplit(" :: ", 1)[1] for c in pyproject["project"]["classifiers"] if re.search(r":: 3\.\d+$", c)]
    assert declared == SUPPORTED_PYTHONS


def test_ci_pins_every_action_by_commit() -> None:
    lines = [line for line in (WORKFLOWS / "ci.yml").read_text().splitlines() if "uses:" in line]
    assert len(lines) == 4
    assert [line for line in lines if not PINNED.match(line)] == []


def test_nightly_runs_the_live_contract_and_the_upstream_comparison() -> None:
    workflow = load("nightly-contract.yml")
    assert workflow[True]["schedule"] == [{"cron": "17 3 * * *"}]
    assert "workflow_dispatch" in workflow[True]
    assert workflow["permissions"] == {"contents": "read"}
    live = workflow["jobs"]["live-contract"]
    assert run_lines(live)[:3] == ["make setup", "make contract-live", "make record"]
    for name in (
        "CLOUDFLARE_API_TOKEN",
        "CLOUDFLARE_ACCOUNT_ID",
        "CLOUDFLARE_PAGES_PROJECT",
        "CLOUDFLARE_PAGES_DEPLOYMENT_ID",
    ):
        assert live["env"][name] == f"${{{{ secrets.{name} }}}}"
    summary = [line for line in run_lines(live) if "GITHUB_STEP_SUMMARY" in line]
    assert summary == [
        'if [ -f reports/contract-live.md ]; then cat reports/contract-live.md >> "$GITHUB_STEP_SUMMARY"; fi'
    ]
    uploads = [step for step in live["steps"] if step.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads[0]["with"]["path"].split() == ["reports/", "contract_tests/recordings/"]
    upstream = workflow["jobs"]["upstream-diff"]
    document = '"${{ runner.temp }}/published-openapi.json"'
    assert run_lines(upstream)[1:] == [
        "make upstream-diff",
        f".venv/bin/python -m scripts.upstream.source {document}",
        f"make test-published UPSTREAM={document}",
        'if [ -f reports/upstream-diff.md ]; then cat reports/upstream-diff.md >> "$GITHUB_STEP_SUMMARY"; fi',
    ]


def test_the_live_budget_is_passed_only_when_given() -> None:
    workflow = load("nightly-contract.yml")
    max_requests = workflow[True]["workflow_dispatch"]["inputs"]["max_requests"]
    assert "default" not in max_requests  # the default is the live run's own (contract_tests/kit/settings.py)
    assert workflow["jobs"]["live-contract"]["env"]["CONTRACT_LIVE_MAX_REQUESTS"] == "${{ inputs.max_requests }}"
