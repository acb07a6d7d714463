"""openapi/deviations.yaml, and which differences it explains."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]  # stubs (types-PyYAML) are not pinned

from contract_tests.kit.spec import SPEC_PATH
from scripts.upstream.compare import Difference, name_of
from scripts.upstream.vocabulary import Change

DEVIATIONS_PATH = SPEC_PATH.with_name("deviations.yaml")

DOCUMENTED = "documented-deviation"
UPSTREAM_CHANGE = "upstream-change"
STALE = "stale-deviation"
CLASSES = (UPSTREAM_CHANGE, STALE, DOCUMENTED)  # the order reports list them in
LABELS = {DOCUMENTED: "documented deviation", UPSTREAM_CHANGE: "upstream change", STALE: "stale deviation"}


class DeviationsError(ValueError):
    """deviations.yaml is malformed or uses a change kind the tool does not know."""


@dataclass(frozen=True)
class Deviation:
    """One expected difference. An entry naming a list is one Deviation per name."""

    pointer: str
    change: str
    name: str | None
    index: int  # the entry's position in the file

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.pointer, self.change, self.name)


@dataclass(frozen=True)
class Finding:
    """A classified difference, or a stale deviation (which has no difference)."""

    classification: str
    pointer: str
    change: str
    name: str | None
    upstream_pointer: str | None = None
    upstream: Any = None
    ours: Any = None

    def as_json(self) -> dict[str, Any]:
        return {
            "class": self.classification,
            "pointer": self.pointer,
            "change": self.change,
            "name": self.name,
            "upstream_pointer": self.upstream_pointer,
            "upstream": self.upstream,
            "ours": self.ours,
        }


def parse_deviations(document: Any) -> list[Deviation]:
    entries = document.get("deviations") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise DeviationsError("expected a mapping with a `deviations` list")
    deviations: list[Deviation] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("pointer"), str):
            raise DeviationsError(f"entry {index}: needs a `pointer`")
        change = entry.get("change")
        if change not in set(Change):
            raise DeviationsError(f"entry {index} ({entry['pointer']}): unknown change {change!r}")
        change = Change(change)
        names = entry.get("name")
        if isinstance(names, list):
            deviations.extend(Deviation(entry["pointer"], change, name_of(name), index) for name in names)
        else:
            name = None if names is None else name_of(names)
            deviations.append(Deviation(entry["pointer"], change, name, index))
    return deviations


def load_deviations(path: Path) -> list[Deviation]:
    try:
        document = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as error:
        raise DeviationsError(f"cannot read {path}: {error}") from error
    return parse_deviations(document)


def classify(differences: list[Difference], deviations: list[Deviation]) -> list[Finding]:
    """Each difference as documented or an upstream change, then every stale deviation."""
    expected = {deviation.key for deviation in deviations}
    seen: set[tuple[str, str, str | None]] = set()
    findings: list[Finding] = []
    for difference in differences:
        classification = DOCUMENTED if difference.key in expected else UPSTREAM_CHANGE
        seen.add(difference.key)
        findings.append(
            Finding(
                classification,
                difference.pointer,
                difference.change,
                difference.name,
                difference.upstream_pointer,
                difference.upstream,
                difference.ours,
            )
        )
    for deviation in deviations:
        if deviation.key not in seen:
            findings.append(Finding(STALE, deviation.pointer, deviation.change, deviation.name))
    return findings
