"""Classification against deviations.yaml, the reports, and the command's exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]

from scripts import upstream_diff
from scripts.upstream.compare import Difference
from scripts.upstream.deviations import (
    DEVIATIONS_PATH,
    DOCUMENTED,
    STALE,
    UPSTREAM_CHANGE,
    DeviationsError,
    Finding,
    classify,
    parse_deviations,
)
from scripts.upstream.report import Report, render_markdown
from scripts.upstream.slicing import METHOD, PATH
from scripts.upstream.source import Provenance
from scripts.upstream.vocabulary import Change
from tests.support.minimal_docs import OPERATION, ours, upstream


def _deviations(*entries: dict[str, Any]) -> Any:
    return parse_deviations({"deviations": list(entries)})


def test_each_classification() -> None:
    differences = [
        Difference("/components/schemas/A/required", Change.REQUIRED_REMOVED, "x", "/up/required"),
        Difference("/components/schemas/A/properties/y", Change.PROPERTY_REMOVED, "y", "/up/properties/y"),
    ]
    deviations = _deviations(
        {"pointer": "/components/schemas/A/required", "change": "required-removed", "name": "x"},
        {"pointer": "/components/schemas/A/properties/z", "change": "property-added", "name": "z"},
    )
    assert [(f.classification, f.pointer, f.change, f.name) for f in classify(differences, deviations)] == [
        (DOCUMENTED, "/components/schemas/A/required", "required-removed", "x"),
        (UPSTREAM_CHANGE, "/components/schemas/A/properties/y", "property-removed", "y"),
        (STALE, "/components/schemas/A/properties/z", "property-added", "z"),
    ]


def test_an_entry_naming_a_list_matches_one_difference_per_name() -> None:
    differences = [Difference("/components/schemas/C/required", Change.REQUIRED_REMOVED, "a", "/up")]
    deviations = _deviations(
        {"pointer": "/components/schemas/C/required", "change": "required-removed", "name": ["a", "b"]}
    )
    assert [(f.classification, f.name) for f in classify(differences, deviations)] == [(DOCUMENTED, "a"), (STALE, "b")]


def test_pointer_change_and_name_must_all_match() -> None:
    differences = [Difference("/components/schemas/S/enum", Change.ENUM_VALUE_ADDED, "skipped", "/up")]
    wrong_name = _deviations({"pointer": "/components/schemas/S/enum", "change": "enum-value-added", "name": "other"})
    wrong_change = _deviations(
        {"pointer": "/components/schemas/S/enum", "change": "enum-value-removed", "name": "skipped"}
    )
    for deviations in (wrong_name, wrong_change):
        assert [f.classification for f in classify(differences, deviations)] == [UPSTREAM_CHANGE, STALE]


def test_entries_without_a_name_and_with_numeric_names() -> None:
    differences = [
        Difference("/components/schemas/D/properties/source", Change.NULLABLE_ADDED, None, "/up"),
        Difference(f"{OPERATION}/responses/429", Change.RESPONSE_ADDED, "429", "/up"),
    ]
    deviations = _deviations(
        {"pointer": "/components/schemas/D/properties/source", "change": "nullable-added"},
        {"pointer": f"{OPERATION}/responses/429", "change": "response-added", "name": 429},
    )
    assert [f.classification for f in classify(differences, deviations)] == [DOCUMENTED, DOCUMENTED]


def test_an_unknown_change_kind_is_refused() -> None:
    with pytest.raises(DeviationsError, match="unknown change 'property-renamed'"):
        _deviations({"pointer": "/x", "change": "property-renamed", "name": "a"})


def test_the_vocabulary_is_documented_in_deviations_yaml() -> None:
    header = DEVIATIONS_PATH.read_text().split("\ndeviations:")[0]
    assert [kind.value for kind in Change if kind.value not in header] == []
    assert "scripts/upstream/vocabulary.py" in header


PROVENANCE = Provenance(
    source="upstream.json",
    date="2026-08-18T00:00:00+00:00",
    date_source="file modification time",
    sha256="ab" * 32,
    size=1234567,
    openapi="3.0.3",
    info_version="4.0.0",
)


def test_the_markdown_report() -> None:
    findings = [
        Finding(UPSTREAM_CHANGE, "/components/schemas/S/enum", "enum-value-removed", "a|b", "/up/enum", "a|b", None),
        Finding(STALE, "/components/schemas/T/required", "required-removed", "x"),
        Finding(DOCUMENTED, "/components/parameters/P/schema", "constraint-changed", "maxLength", "/up/p", 32, 36),
    ]
    report = Report(PROVENANCE, findings, {"load": 0.5, "slice": 0.01, "compare": 0.02})
    assert report.exit_code == 1
    assert render_markdown(report) == (
        "# Upstream diff\n"
        "\n"
        "`openapi/openapi.yaml` against Cloudflare's published schema for "
        f"`{METHOD.upper()} {PATH}`.\n"
        "\n"
        "| upstream document | |\n"
        "|---|---|\n"
        "| source | `upstream.json` |\n"
        "| date | 2026-08-18T00:00:00+00:00 (file modification time) |\n"
        f"| sha256 | `{'ab' * 32}` |\n"
        "| size | 1,234,567 bytes |\n"
        "| version | OpenAPI 3.0.3, info.version 4.0.0 |\n"
        "\n"
        "Result: 1 upstream change(s) and 1 stale deviation(s) need a maintainer.\n"
        "\n"
        "| class | count |\n"
        "|---|---|\n"
        "| upstream change | 1 |\n"
        "| stale deviation | 1 |\n"
        "| documented deviation | 1 |\n"
        "\n"
        "Timings: load 0.50 s, slice 0.01 s, compare 0.02 s; total 0.53 s.\n"
        "\n"
        "## Upstream changes\n"
        "\n"
        "| pointer | change | name | upstream | ours | upstream pointer |\n"
        "|---|---|---|---|---|---|\n"
        "| `/components/schemas/S/enum` | enum-value-removed | `a\\|b` | `a\\|b` |  | `/up/enum` |\n"
        "\n"
        "## Stale deviations\n"
        "\n"
        "| pointer | change | name |\n"
        "|---|---|---|\n"
        "| `/components/schemas/T/required` | required-removed | `x` |\n"
        "\n"
        "## Documented deviations\n"
        "\n"
        "| pointer | change | name | upstream | ours | upstream pointer |\n"
        "|---|---|---|---|---|---|\n"
        "| `/components/parameters/P/schema` | constraint-changed | `maxLength` | `32` | `36` | `/up/p` |\n"
    )


def _write_inputs(tmp_path: Path, deviations: list[dict[str, Any]], mutate_upstream: bool = False) -> list[str]:
    upstream_doc = upstream()
    if mutate_upstream:
        upstream_doc["components"]["schemas"]["up_thing"]["properties"]["status"]["enum"].append("queued")
    (tmp_path / "upstream.json").write_text(json.dumps(upstream_doc))
    (tmp_path / "openapi.yaml").write_text(yaml.safe_dump(ours()))
    (tmp_path / "deviations.yaml").write_text(yaml.safe_dump({"deviations": deviations}))
    return [
        str(tmp_path / "upstream.json"),
        "--spec",
        str(tmp_path / "openapi.yaml"),
        "--deviations",
        str(tmp_path / "deviations.yaml"),
        "--reports",
        str(tmp_path / "reports"),
    ]


def test_exit_0_when_everything_is_documented(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = {"pointer": "/components/schemas/Status/enum", "change": "enum-value-removed", "name": "queued"}
    assert upstream_diff.main(_write_inputs(tmp_path, [entry], mutate_upstream=True)) == 0
    written = json.loads((tmp_path / "reports" / "upstream-diff.json").read_text())
    assert written["counts"] == {UPSTREAM_CHANGE: 0, STALE: 0, DOCUMENTED: 1}
    assert written["upstream"]["source"] == str(tmp_path / "upstream.json")
    assert written["upstream"]["date_source"] == "file modification time"
    assert written["upstream"]["size"] == (tmp_path / "upstream.json").stat().st_size
    assert set(written["timings_seconds"]) == {"load", "slice", "compare"}
    assert (tmp_path / "reports" / "upstream-diff.md").read_text().startswith("# Upstream diff\n")
    assert "result: every difference is a documented deviation" in capsys.readouterr().out


def test_exit_1_on_an_upstream_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert upstream_diff.main(_write_inputs(tmp_path, [], mutate_upstream=True)) == 1
    out = capsys.readouterr().out
    assert "upstream change: enum-value-removed queued at /components/schemas/Status/enum" in out


def test_exit_1_on_a_stale_deviation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = {"pointer": "/components/schemas/Status/enum", "change": "enum-value-removed", "name": "queued"}
    assert upstream_diff.main(_write_inputs(tmp_path, [entry])) == 1
    assert "stale deviation: enum-value-removed queued at /components/schemas/Status/enum" in capsys.readouterr().out


def test_exit_2_when_the_upstream_document_cannot_be_loaded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = _write_inputs(tmp_path, [])
    arguments[0] = str(tmp_path / "missing.json")
    assert upstream_diff.main(arguments) == 2
    assert "cannot read" in capsys.readouterr().err


def test_exit_2_when_the_operation_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = _write_inputs(tmp_path, [])
    (tmp_path / "upstream.json").write_text(json.dumps({"openapi": "3.0.3", "paths": {}}))
    assert upstream_diff.main(arguments) == 2
    assert "has no operation GET" in capsys.readouterr().err


def test_exit_2_on_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        upstream_diff.main(["--no-such-option"])
    assert exit_info.value.code == 2
