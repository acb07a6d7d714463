"""The report: Markdown for people, JSON for machines, a summary for the terminal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from contract_tests.kit.report import cell
from scripts.upstream.deviations import CLASSES, DOCUMENTED, LABELS, STALE, UPSTREAM_CHANGE, Finding
from scripts.upstream.slicing import METHOD, PATH
from scripts.upstream.source import Provenance

TIMED_STEPS = ("load", "slice", "compare")


@dataclass(frozen=True)
class Report:
    provenance: Provenance
    findings: list[Finding]
    timings: dict[str, float]  # seconds per step in TIMED_STEPS
    operation: str = f"{METHOD.upper()} {PATH}"

    def count(self, classification: str) -> int:
        return sum(1 for finding in self.findings if finding.classification == classification)

    @property
    def exit_code(self) -> int:
        """0 when every difference is documented and no deviation is stale, else 1."""
        return 1 if self.count(UPSTREAM_CHANGE) or self.count(STALE) else 0

    def as_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "upstream": self.provenance.as_json(),
            "counts": {classification: self.count(classification) for classification in CLASSES},
            "timings_seconds": {step: round(self.timings.get(step, 0.0), 3) for step in TIMED_STEPS},
            "findings": [finding.as_json() for finding in self.findings],
        }


def _cell(value: Any) -> str:
    """A Markdown table cell: code-formatted JSON, with pipes escaped."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value)
    return f"`{cell(text)}`"


def verdict(report: Report) -> str:
    changes, stale = report.count(UPSTREAM_CHANGE), report.count(STALE)
    if not changes and not stale:
        return "every difference is a documented deviation"
    return f"{changes} upstream change(s) and {stale} stale deviation(s) need a maintainer"


def timing_line(report: Report) -> str:
    steps = ", ".join(f"{step} {report.timings.get(step, 0.0):.2f} s" for step in TIMED_STEPS)
    return f"{steps}; total {sum(report.timings.get(step, 0.0) for step in TIMED_STEPS):.2f} s"


def render_markdown(report: Report) -> str:
    provenance = report.provenance
    date = f"{provenance.date} ({provenance.date_source})" if provenance.date else f"unknown ({provenance.date_source})"
    lines = [
        "# Upstream diff",
        "",
        f"`openapi/openapi.yaml` against Cloudflare's published schema for `{report.operation}`.",
        "",
        "| upstream document | |",
        "|---|---|",
        f"| source | `{provenance.source}` |",
        f"| date | {date} |",
        f"| sha256 | `{provenance.sha256}` |",
        f"| size | {provenance.size:,} bytes |",
        f"| version | OpenAPI {provenance.openapi}, info.version {provenance.info_version} |",
        "",
        f"Result: {verdict(report)}.",
        "",
        "| class | count |",
        "|---|---|",
        *(f"| {LABELS[classification]} | {report.count(classification)} |" for classification in CLASSES),
        "",
        f"Timings: {timing_line(report)}.",
    ]
    for classification in CLASSES:
        findings = [finding for finding in report.findings if finding.classification == classification]
        if not findings:
            continue
        lines += ["", f"## {LABELS[classification].capitalize()}s", ""]
        if classification == STALE:
            lines += ["| pointer | change | name |", "|---|---|---|"]
            lines += [f"| {_cell(f.pointer)} | {f.change} | {_cell(f.name)} |" for f in findings]
        else:
            lines += ["| pointer | change | name | upstream | ours | upstream pointer |", "|---|---|---|---|---|---|"]
            lines += [
                f"| {_cell(f.pointer)} | {f.change} | {_cell(f.name)} | {_cell(f.upstream)} | {_cell(f.ours)} "
                f"| {_cell(f.upstream_pointer)} |"
                for f in findings
            ]
    return "\n".join(lines) + "\n"


def render_console(report: Report) -> str:
    """What the terminal shows: the verdict, then whatever needs a maintainer."""
    provenance = report.provenance
    lines = [
        f"upstream: {provenance.source} ({provenance.size:,} bytes, sha256 {provenance.sha256[:12]}…, "
        f"{provenance.date_source} {provenance.date or 'unknown'})",
        f"timings: {timing_line(report)}",
        "counts: " + ", ".join(f"{LABELS[c]} {report.count(c)}" for c in CLASSES),
    ]
    for finding in report.findings:
        if finding.classification != DOCUMENTED:
            name = f" {finding.name}" if finding.name is not None else ""
            lines.append(f"  {LABELS[finding.classification]}: {finding.change}{name} at {finding.pointer}")
    lines.append(f"result: {verdict(report)}")
    return "\n".join(lines)
