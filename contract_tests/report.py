"""The Markdown report of `make contract`, for a person reading a CI summary.

Written at the end of every pytest session that ran the contract tests:
each recording, whether it conforms, the drift it shows (JSON pointer, what
the spec says, what the reply had, what to change), and the counts of what
the property-based checks generated.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from contract_tests.conformance import violations
from contract_tests.drift import find_drift
from contract_tests.recordings import Recording

REPORT = Path(__file__).resolve().parent.parent / "reports" / "contract.md"

# Filled in by the tests as they run, read when the report is written.
TALLY: Counter[str] = Counter()


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(recordings: list[Recording], outcomes: Counter[str]) -> str:
    rows, drift_rows, failures = [], [], []
    for recording in recordings:
        problems = violations(recording)
        drift = find_drift(recording.status, recording.content_type, recording.body) if recording.is_json else []
        stated = "as stated" if [d.key() for d in drift] == recording.expected_drift else "**differs from stated**"
        conforms = "yes" if not problems else f"**no** ({len(problems)})"
        kind = recording.origin["kind"]
        rows.append(f"| {recording.name} | {kind} | {recording.status} | {conforms} | {len(drift)} ({stated}) |")
        failures += [f"- **{recording.name}**: {_cell(problem)}" for problem in problems]
        for item in drift:
            drift_rows.append(
                f"| {recording.name} | `{item.pointer}` | {item.kind} | {_cell(item.spec_says)} | "
                f"{_cell(item.response_had)} | {_cell(item.hint)} |"
            )
    verdict = "conformant" if not failures and not outcomes["failed"] else "**contract failure**"
    lines = [
        "# Contract check (offline)",
        "",
        f"Result: {verdict}. Tests: {outcomes['passed']} passed, {outcomes['failed']} failed, "
        f"{outcomes['skipped']} skipped.",
        "",
        f"- Recordings: {len(recordings)}",
        f"- schemathesis requests against the replay server: {TALLY['schemathesis cases']}",
        f"- Generated bodies parsed and round-tripped: {TALLY['generated bodies']}",
        "",
        "| recording | origin | status | conforms | drift |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]
    if failures:
        lines += ["## Conformance failures", "", *failures, ""]
    if drift_rows:
        lines += [
            "## Drift: what the replies carry that the spec does not describe",
            "",
            "| recording | JSON pointer | kind | the spec says | the reply had | change in openapi/openapi.yaml |",
            "|---|---|---|---|---|---|",
            *drift_rows,
            "",
        ]
    return "\n".join(lines)


def write(recordings: list[Recording], outcomes: Counter[str]) -> Path:
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(render(recordings, outcomes))
    return REPORT
