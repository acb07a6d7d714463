"""`make adopt` end to end: plan, edit the spec, add deviations entries, update the recordings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]  # stubs (types-PyYAML) are not pinned

from contract_tests.kit.drift import find_drift, reread_spec
from contract_tests.kit.paths import RECORDINGS_SOURCE
from contract_tests.kit.spec import SPEC_PATH
from scripts.adopt import edit, entries
from scripts.adopt.plan import Edit, LeftOver, make_plan
from scripts.upstream.compare import Difference
from scripts.upstream.deviations import DEVIATIONS_PATH, load_deviations
from scripts.upstream.slicing import cut_operation
from scripts.upstream.source import load_document


@dataclass
class Outcome:
    edits: list[Edit] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    recordings: list[str] = field(default_factory=list)  # whose expected_drift changed
    left: list[LeftOver] = field(default_factory=list)
    stale: list[Difference] = field(default_factory=list)  # published schema already says what the edit made

    @property
    def changed(self) -> bool:
        return bool(self.edits or self.recordings)


def refresh_expected_drift(directory: Path) -> list[str]:
    """Drop from each recording's `expected_drift` what the spec now documents; never add to it.

    What stays stated is drift nobody adopted: a hand-written recording's on
    purpose, or what a live recording showed and adopt could not change.
    """
    changed = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text())
        response = data["response"]
        stated = data.get("expected_drift", [])
        if "body" not in response or not stated:
            continue
        found = find_drift(response["status"], response["headers"].get("content-type", ""), response["body"])
        keys = {(item.pointer, item.kind) for item in found}
        kept = [item for item in stated if (item["pointer"], item["kind"]) in keys]
        if kept != stated:
            data["expected_drift"] = kept
            path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            changed.append(path.name)
    return changed


def adopt(upstream_source: str, today: date) -> Outcome:
    """Edit openapi/openapi.yaml, openapi/deviations.yaml and the recordings; regeneration is the caller's."""
    spec_text = SPEC_PATH.read_text()
    document = edit.load(SPEC_PATH)
    plan = make_plan(document, RECORDINGS_SOURCE, today)
    made, refused = edit.apply(document, plan)
    outcome = Outcome(edits=made, left=[*plan.left, *refused])
    if made:
        new_text = edit.dumps(document)
        upstream = cut_operation(load_document(upstream_source)[0])
        before, after = yaml.safe_load(spec_text), yaml.safe_load(new_text)
        outcome.entries = entries.entries_for(entries.new_differences(before, after, upstream), made)
        documented = {deviation.key for deviation in load_deviations(DEVIATIONS_PATH)}
        outcome.stale = [gone for gone in entries.gone_differences(before, after, upstream) if gone.key in documented]
        SPEC_PATH.write_text(new_text)
        DEVIATIONS_PATH.write_text(entries.append(DEVIATIONS_PATH.read_text(), outcome.entries))
        reread_spec()
    outcome.recordings = refresh_expected_drift(RECORDINGS_SOURCE)
    return outcome
