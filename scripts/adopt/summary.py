"""What `make adopt` says it did: printed, and written as reports/adopt.md for the nightly pull request."""

from __future__ import annotations

from contract_tests.kit.paths import RECORDINGS_FOLDER
from scripts.adopt.plan import describe
from scripts.adopt.run import Outcome


def lines(outcome: Outcome) -> list[str]:
    out = [
        f"adopt: {len(outcome.edits)} spec edits, {len(outcome.entries)} deviations entries, "
        f"{len(outcome.recordings)} recordings' expected_drift updated, {len(outcome.left)} items left for a person"
    ]
    if outcome.edits:
        out.append("changed in openapi/openapi.yaml:")
        for edit in outcome.edits:
            where = ", ".join(f"{sighting.recording} {sighting.pointer}" for sighting in edit.sightings)
            out.append(f"- {describe(edit)} (seen in {where})")
    if outcome.entries:
        out.append("added to openapi/deviations.yaml:")
        out.extend(
            f"- {entry['change']} {entry.get('name', '')} at {entry['pointer']}".replace("  ", " ")
            for entry in outcome.entries
        )
    if outcome.recordings:
        out.append("expected_drift now without what the spec documents:")
        out.extend(f"- {RECORDINGS_FOLDER}/{name}" for name in outcome.recordings)
    if outcome.left or outcome.stale:
        out.append("left for a person:")
        out.extend(f"- {left.recording} {left.pointer} ({left.kind}): {left.reason}" for left in outcome.left)
        out.extend(
            f"- the published schema already says this: a deviations entry for {stale.change} "
            f"{stale.name or ''} at {stale.pointer} is stale now"
            for stale in outcome.stale
        )
    return out


def markdown(outcome: Outcome) -> str:
    return "## make adopt\n\n" + "\n".join(lines(outcome)) + "\n"
