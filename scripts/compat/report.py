"""What `make compat` prints: the table of changes, the verdict on the version, the CHANGELOG lines."""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.kit.report import cell
from scripts.compat.changes import Row
from scripts.compat.effects import Effect, Section
from scripts.compat.versions import Bump, Version, next_version

# Internal changes leave the generated API as it was: one line says so, whatever their number.
INTERNAL_LINE = "The spec's documentation or internal details changed; the generated API is the same."


@dataclass(frozen=True)
class Verdict:
    base_ref: str
    base_version: Version
    version: Version
    needed: Bump
    made: Bump

    @property
    def ok(self) -> bool:
        return self.made >= self.needed

    def sentence(self) -> str:
        wanted = next_version(self.base_version, self.needed)
        said = f"version {self.base_version} at {self.base_ref}, {self.version} now"
        if self.needed is Bump.NONE:
            return f"{said}: the spec did not change, any version will do"
        need = f"the changes need a {self.needed.name.lower()} bump ({wanted} or later)"
        return f"{said}; {need}: {'ok' if self.ok else 'NOT BUMPED ENOUGH'}"


def table(rows: list[Row]) -> str:
    """A Markdown table: readable in a terminal, pasteable into a pull request."""
    lines = ["| effect | change | what | why |", "|---|---|---|---|"]
    for row in rows:
        kind = f"{row.kind} {row.name}" if row.name is not None else row.kind
        lines.append(f"| {row.effect} | {cell(kind)} | {cell(row.subject)} | {cell(row.rule.why)} |")
    return "\n".join(lines)


def changelog_lines(rows: list[Row]) -> str:
    """The lines to add under `## [Unreleased]` in CHANGELOG.md, by Keep a Changelog section."""
    by_section: dict[Section, list[str]] = {section: [] for section in Section}
    for row in rows:
        if row.effect is not Effect.INTERNAL and row.line not in by_section[row.section]:
            by_section[row.section].append(row.line)
    if any(row.effect is Effect.INTERNAL for row in rows):
        by_section[Section.CHANGED].append(INTERNAL_LINE)
    blocks = [
        "\n".join([f"### {section}", *(f"- {line}" for line in lines)])
        for section, lines in by_section.items()
        if lines
    ]
    return "\n\n".join(blocks)


def render(rows: list[Row], verdict: Verdict) -> str:
    counts = ", ".join(f"{effect} {sum(row.effect is effect for row in rows)}" for effect in Effect)
    parts = [f"compat: openapi/openapi.yaml at {verdict.base_ref} against the working tree: {counts}"]
    if rows:
        parts += [table(rows), "CHANGELOG.md, under ## [Unreleased]:", changelog_lines(rows)]
    parts.append(f"result: {verdict.sentence()}")
    return "\n\n".join(parts)
