"""The GitHub workflows (no runner is reachable here; `make lint` also checks them against GitHub's schema)."""

from __future__ import annotations

import re
import tomllib

from contract_tests.kit.paths import ROOT
from tests.support.workflows import WORKFLOWS, load, run_lines

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
