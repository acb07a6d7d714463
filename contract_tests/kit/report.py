"""The one renderer of contract results: the offline report of `make contract` and the live run's report.

Both show each reply (status, conforms, the client reads it, drift), the
contract failures, and one drift table: JSON pointer, what the spec says, what
the reply had, what to change in openapi/openapi.yaml. The offline report is
written at the end of every pytest session that ran the contract tests, with
the counts of what the property-based checks generated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cloudflare_pages_client.testing.recordings import Recording
from contract_tests.kit.exchange_checks import Verdict, check_exchange
from contract_tests.kit.paths import REPORTS_DIR

REPORT = REPORTS_DIR / "contract.md"

# Filled in by the tests as they run, read when the report is written.
TALLY: Counter[str] = Counter()


def cell(text: object) -> str:
    """`text` as one Markdown table cell (or list item): no column breaks, no line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def replies_table(verdicts: Sequence[Verdict], *, label: str, recorded: bool = False) -> list[str]:
    """One row a reply; `recorded` adds where each recording came from and whether its drift is the stated one."""
    origin = " origin |" if recorded else ""
    lines = [
        f"| {label} |{origin} status | conforms | client reads it | drift |",
        "|---|" + ("---|" if recorded else "") + "---|---|---|---|",
    ]
    for verdict in verdicts:
        conforms = "yes" if not verdict.conformance else f"**no** ({len(verdict.conformance)})"
        reads = "yes" if not verdict.parse else "**no**"
        drift = str(len(verdict.drift))
        if recorded:
            drift += " (as stated)" if verdict.drift_as_stated else " (**differs from stated**)"
        kind = f" {verdict.origin} |" if recorded else ""
        lines.append(f"| {verdict.name} |{kind} {verdict.status} | {conforms} | {reads} | {drift} |")
    return lines


def failures_section(title: str, verdicts: Sequence[Verdict], generated: Sequence[str] = ()) -> list[str]:
    """Every conformance and reading problem, one line each, named after its reply; nothing when there is none."""
    failures = [(v.name, message) for v in verdicts for message in [*v.conformance, *v.parse]]
    failures += [("generated", message) for message in generated]
    if not failures:
        return []
    return [f"## {title}", "", *(f"- **{name}**: {cell(message)}" for name, message in failures), ""]


def drift_section(title: str, verdicts: Sequence[Verdict], *, label: str) -> list[str]:
    """The drift table, or nothing when no reply drifted."""
    rows = [
        f"| {verdict.name} | `{item.pointer}` | {item.kind} | {cell(item.spec_says)} | "
        f"{cell(item.response_had)} | {cell(item.hint)} |"
        for verdict in verdicts
        for item in verdict.drift
    ]
    if not rows:
        return []
    return [
        f"## {title}",
        "",
        f"| {label} | JSON pointer | kind | the spec says | the reply had | change in openapi/openapi.yaml |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
    ]


def render(recordings: list[Recording], outcomes: Counter[str]) -> str:
    """The offline report: every recording through the three checks, and what the suite generated."""
    verdicts = [check_exchange(recording) for recording in recordings]
    failures = failures_section("Conformance failures", verdicts)
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
        *replies_table(verdicts, label="recording", recorded=True),
        "",
        *failures,
        *drift_section("Drift: what the replies carry that the spec does not describe", verdicts, label="recording"),
    ]
    return "\n".join(lines)


def write(recordings: list[Recording], outcomes: Counter[str]) -> Path:
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(render(recordings, outcomes))
    return REPORT
