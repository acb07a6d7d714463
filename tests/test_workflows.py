"""The GitHub workflows (no runner is reachable here; `make lint` also checks them against GitHub's schema)."""

from __future__ import annotations

from tests.support.workflows import load, run_lines


def test_pushes_and_pull_requests_run_the_readme_test_command() -> None:
    workflow = load("ci.yml")
    # YAML 1.1 reads the key `on` as True.
    assert set(workflow[True]) == {"push", "pull_request"}
    assert run_lines(workflow["jobs"]["test"]) == ["make test"]
