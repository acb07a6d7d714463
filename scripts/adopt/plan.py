"""What `make adopt` would change: each recording's drift, read as an edit of the spec or left for a person.

Which drift is adopted: all of a live recording's (`make record` writes
what the API answered, and states its drift only to keep the check exact),
and of any other recording the drift its `expected_drift` does not state (a
recording added by hand). The drift a hand-written recording states is there
on purpose (the "future" body exercises values the spec must not know) and is
left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cloudflare_pages_client._runtime import json_pointer
from cloudflare_pages_client.testing.recordings import Recording, load_all
from contract_tests.kit.drift import DriftItem, find_drift
from scripts.adopt.locate import Locator, SpecPath, component_name, node_at, tokens

ENUM_VALUE = "undocumented-enum-value"
FIELD = "undocumented-field"
NULL = "undeclared-null"
MISSING = "missing-field"
KINDS = (ENUM_VALUE, FIELD, NULL, MISSING)  # the order edits are made and listed in


@dataclass(frozen=True)
class Sighting:
    """Where a drift item was seen: the evidence a deviations entry names."""

    recording: str
    pointer: str
    seen_on: str


@dataclass
class Edit:
    """One change of the spec: `kind` at `target` (a spec node), about `name` (a value or a field)."""

    kind: str
    target: SpecPath
    name: Any
    sightings: list[Sighting] = field(default_factory=list)


@dataclass(frozen=True)
class LeftOver:
    """Drift adopt does not turn into an edit, and why."""

    recording: str
    pointer: str
    kind: str
    reason: str


@dataclass
class Plan:
    edits: list[Edit] = field(default_factory=list)
    left: list[LeftOver] = field(default_factory=list)
    adopted_from: list[str] = field(default_factory=list)  # recordings with drift to adopt
    # Every value seen of an undeclared field, in any recording, by (owner, field): what its schema is inferred from.
    field_values: dict[tuple[SpecPath, str], list[Any]] = field(default_factory=dict)

    def add(self, kind: str, target: SpecPath, name: Any, sighting: Sighting) -> None:
        for edit in self.edits:
            if (edit.kind, edit.target, edit.name) == (kind, target, name):
                edit.sightings.append(sighting)
                return
        self.edits.append(Edit(kind, target, name, [sighting]))


def value_at(body: Any, pointer: str) -> Any:
    node = body
    for token in tokens(pointer):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def adoptable(recording: Recording, found: list[DriftItem]) -> list[DriftItem]:
    if recording.origin.get("kind") == "live":
        return found
    stated = {(item["pointer"], item["kind"]) for item in recording.expected_drift}
    return [item for item in found if (item.pointer, item.kind) not in stated]


def _target(locator: Locator, root: SpecPath, item: DriftItem, value: Any) -> tuple[SpecPath | None, Any, str]:
    """(the spec node to edit, what the edit is about, why not when the node is None) for one drift item."""
    last = tokens(item.pointer)[-1]
    if item.kind in (FIELD, MISSING):
        return locator.owner(root, item.pointer), last, "no single object schema holds this field"
    slot = locator.slot(root, item.pointer)
    if item.kind == NULL:
        return slot, None, "no single schema describes this value"
    described = None if slot is None else locator.described(slot)
    if described is None or "enum" not in node_at(locator.spec, described):
        return None, value, "no single enum describes this value"
    if not isinstance(value, str):
        return None, value, "only string enum values are adopted"
    return described, value, ""


def make_plan(spec: dict[str, Any], recordings_dir: Path, today: date) -> Plan:
    locator = Locator(spec)
    plan = Plan()
    for recording in load_all(recordings_dir):
        if not recording.is_json:
            continue
        root = locator.response_root(recording.status, recording.content_type)
        found = find_drift(recording.status, recording.content_type, recording.body)
        file_name = f"{recording.name}.json"
        for item in found:
            if item.kind == FIELD and root is not None:
                owner = locator.owner(root, item.pointer)
                if owner is not None:
                    key = (owner, tokens(item.pointer)[-1])
                    plan.field_values.setdefault(key, []).append(value_at(recording.body, item.pointer))
        to_adopt = adoptable(recording, found)
        if to_adopt:
            plan.adopted_from.append(file_name)
        seen_on = recording.origin.get("recorded_on") or today.isoformat()
        for item in to_adopt:
            if item.kind not in KINDS:
                plan.left.append(LeftOver(file_name, item.pointer, item.kind, "not a kind adopt knows how to change"))
                continue
            value = None if item.kind in (FIELD, MISSING) else value_at(recording.body, item.pointer)
            target, name, why_not = (
                (None, None, "no schema for this reply") if root is None else _target(locator, root, item, value)
            )
            if target is None:
                plan.left.append(LeftOver(file_name, item.pointer, item.kind, why_not))
                continue
            plan.add(item.kind, target, name, Sighting(file_name, item.pointer, seen_on))
    plan.edits.sort(key=lambda edit: KINDS.index(edit.kind))
    return plan


def describe(edit: Edit) -> str:
    """One line a reviewer reads: what changes where."""
    where = component_name(edit.target) or json_pointer.join("", *edit.target)
    if edit.kind == ENUM_VALUE:
        return f"add `{edit.name}` to {where}"
    if edit.kind == FIELD:
        return f"declare `{edit.name}` (optional) on {where}"
    if edit.kind == MISSING:
        return f"make `{edit.name}` optional on {where}"
    if edit.target[-2:-1] == ("properties",) and component_name(edit.target[:3]):
        return f"declare `{edit.target[-1]}` nullable on {edit.target[2]}"
    return f"declare {json_pointer.join('', *edit.target)} nullable"
