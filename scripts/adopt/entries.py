"""The deviations.yaml entries for a spec edit: what the edit made differ from Cloudflare's published schema.

The upstream comparison (scripts/upstream) is run on the spec before and
after the edit; each difference only the edited spec has gets an entry, in
the comparison's own vocabulary, so `make upstream-diff` reads it as
documented. An edit that brings the spec closer to the published schema
(it already says the same) adds no difference and so no entry. Entries are
appended as text: the rest of the file stays byte for byte as it was.
"""

from __future__ import annotations

import io
import json
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import FoldedScalarString

from cloudflare_pages_client._runtime import json_pointer
from contract_tests.kit.paths import RECORDINGS_FOLDER
from scripts.adopt.plan import FIELD, MISSING, NULL, Edit
from scripts.upstream.compare import Difference, compare_documents
from scripts.upstream.vocabulary import Change

HEADER = "\n  # -- adopted by make adopt from recorded replies ------------------------\n"


def new_differences(before: dict[str, Any], after: dict[str, Any], upstream: dict[str, Any]) -> list[Difference]:
    known = {difference.key for difference in compare_documents(before, upstream)}
    return [difference for difference in compare_documents(after, upstream) if difference.key not in known]


def gone_differences(before: dict[str, Any], after: dict[str, Any], upstream: dict[str, Any]) -> list[Difference]:
    """Differences the edit removed: a deviations entry about one of them is stale now."""
    remaining = {difference.key for difference in compare_documents(after, upstream)}
    return [difference for difference in compare_documents(before, upstream) if difference.key not in remaining]


def _edit_for(difference: Difference, edits: list[Edit]) -> Edit | None:
    """The edit a difference comes from, by the spec node each names."""
    for edit in edits:
        at = json_pointer.join("", *edit.target)
        if edit.kind == NULL:
            if difference.name is None and (difference.pointer + "/").startswith(at + "/"):
                return edit
            continue
        where = {FIELD: json_pointer.join(at, "properties", str(edit.name)), MISSING: at + "/required"}
        if difference.pointer == where.get(edit.kind, at + "/enum") and difference.name == str(edit.name):
            return edit
    return None


def _sides(difference: Difference) -> tuple[str, str]:
    """(upstream, ours) as the hand-written entries put them: what each side says, in words."""
    name = difference.name
    if difference.change == Change.ENUM_VALUE_ADDED:
        return f"no `{name}`", f"adds `{name}`"
    if difference.change == Change.NULLABLE_ADDED:
        return "non-null", "nullable"
    if difference.change == Change.REQUIRED_REMOVED:
        return "required", "optional"
    if difference.change == Change.PROPERTY_ADDED:
        return "not documented", "optional"
    upstream, ours = (
        value if isinstance(value, str) else json.dumps(value) for value in (difference.upstream, difference.ours)
    )
    return upstream, ours


def _evidence(edit: Edit | None) -> str:
    if edit is None:
        return "Made by make adopt from recorded replies (see the recordings changed with it)."
    seen = "; ".join(
        f"{RECORDINGS_FOLDER}/{sighting.recording} at {sighting.pointer} on {sighting.seen_on}"
        for sighting in edit.sightings
    )
    return f"Seen in {seen} ({edit.kind}); adopted by make adopt."


def entries_for(differences: list[Difference], edits: list[Edit]) -> list[dict[str, Any]]:
    """An entry for each difference, in the order of the edits they come from (the summary's order)."""

    def position(difference: Difference) -> int:
        edit = _edit_for(difference, edits)
        return len(edits) if edit is None else edits.index(edit)

    return [entry(difference, edits) for difference in sorted(differences, key=position)]


def entry(difference: Difference, edits: list[Edit]) -> dict[str, Any]:
    data: dict[str, Any] = {"pointer": difference.pointer, "change": str(difference.change)}
    if difference.name is not None:
        data["name"] = difference.name
    data["upstream"], data["ours"] = _sides(difference)
    data["evidence"] = FoldedScalarString(_evidence(_edit_for(difference, edits)))
    return data


def render(entries: list[dict[str, Any]]) -> str:
    """The entries as list items under `deviations:`, written like the hand-written ones."""
    yaml = YAML()
    yaml.width = 76
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump({"deviations": entries}, out)
    return out.getvalue().removeprefix("deviations:\n")


def append(deviations_text: str, entries: list[dict[str, Any]]) -> str:
    if not entries:
        return deviations_text
    header = "" if HEADER.strip() in deviations_text else HEADER
    return deviations_text.rstrip("\n") + "\n" + header + render(entries)
