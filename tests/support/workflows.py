"""Reading the GitHub workflows in tests (no runner is reachable here)."""

from __future__ import annotations

from typing import Any

import yaml

from contract_tests.kit.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    return workflow


def run_lines(job: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]
