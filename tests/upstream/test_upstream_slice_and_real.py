"""The cut-out document, and the tool on Cloudflare's real published schema."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]
from openapi_spec_validator import validate

from contract_tests.kit.scripted_server import raw_reply, scripted_server
from contract_tests.kit.spec import SPEC_PATH
from scripts import upstream_diff
from scripts.upstream import source
from scripts.upstream.compare import compare_documents
from scripts.upstream.deviations import DEVIATIONS_PATH, DOCUMENTED, STALE, UPSTREAM_CHANGE, classify, load_deviations
from scripts.upstream.slicing import METHOD, PATH, SliceError, cut_operation
from scripts.upstream.source import PUBLISHED_SLICE, is_url, load_document


def _small_document() -> dict[str, Any]:
    operation = {
        "parameters": [
            {"$ref": "#/components/parameters/id"},
            {"name": "account_id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "project_name", "in": "path", "required": True, "schema": {"type": "string"}},
        ],
        "responses": {
            "200": {"$ref": "#/components/responses/ok"},
            "4XX": {"description": "e", "content": {"application/json": {"schema": {"type": "object"}}}},
        },
        "security": [{"token": []}],
    }
    pet_schema = {
        "anyOf": [{"$ref": "#/components/schemas/cat"}],
        "discriminator": {"propertyName": "kind", "mapping": {"dog": "#/components/schemas/dog"}},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {PATH: {METHOD: operation, "delete": {"responses": {"204": {"$ref": "#/components/responses/gone"}}}}},
        "security": [{"token": []}, {"other": []}],
        "components": {
            "parameters": {
                "id": {"name": "deployment_id", "in": "path", "required": True, "schema": {"type": "string"}},
                "unused": {"name": "x", "in": "query", "schema": {"type": "string"}},
            },
            "responses": {
                "ok": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/pet"}}},
                },
                "gone": {"description": "gone"},
            },
            "schemas": {
                "pet": pet_schema,
                "cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "dog": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "unused": {"type": "string"},
            },
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer"},
                "other": {"type": "apiKey", "in": "header", "name": "X"},
            },
        },
    }


def test_the_cut_out_document_holds_exactly_the_closure() -> None:
    sliced = cut_operation(_small_document())
    validate(sliced)
    assert list(sliced["paths"][PATH]) == [METHOD]
    assert {kind: sorted(entries) for kind, entries in sliced["components"].items()} == {
        "parameters": ["id"],
        "responses": ["ok"],
        # `dog` only through the discriminator mapping; still needed.
        "schemas": ["cat", "dog", "pet"],
        "securitySchemes": ["token"],
    }
    assert sliced["security"] == [{"token": []}]


def test_a_missing_operation_or_dangling_reference_is_refused() -> None:
    with pytest.raises(SliceError, match="has no operation"):
        cut_operation({"paths": {}})
    document = _small_document()
    del document["components"]["schemas"]["cat"]
    with pytest.raises(SliceError, match="dangling reference #/components/schemas/cat"):
        cut_operation(document)


def test_provenance_of_a_file(tmp_path: Path) -> None:
    data = b'{"openapi": "3.0.3", "info": {"version": "4.0.0"}}'
    (tmp_path / "doc.json").write_bytes(data)
    _, provenance = load_document(str(tmp_path / "doc.json"))
    assert (provenance.sha256, provenance.size, provenance.date_source) == (
        hashlib.sha256(data).hexdigest(),
        len(data),
        "file modification time",
    )
    assert (provenance.openapi, provenance.info_version) == ("3.0.3", "4.0.0")
    assert is_url("https://raw.githubusercontent.com/cloudflare/api-schemas/main/openapi.json")
    assert not is_url(str(tmp_path / "doc.json"))


def test_the_document_is_saved_for_the_tests_that_need_all_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = PUBLISHED_SLICE.read_bytes()
    saved = tmp_path / "nightly" / "published-openapi.json"
    with scripted_server() as server:
        server.play(raw_reply(200, published, "application/json"), raw_reply(404, b"gone", "text/plain"))
        assert source.main([str(saved), "--url", f"{server.url}/openapi.json"]) == 0
        assert source.main([str(tmp_path / "other.json"), "--url", f"{server.url}/openapi.json"]) == 2
    assert saved.read_bytes() == published
    assert not (tmp_path / "other.json").exists()
    captured = capsys.readouterr()
    assert f"upstream: wrote {saved} ({len(published):,} bytes from {server.url}/openapi.json)" in captured.out
    assert "HTTP Error 404" in captured.err


def test_the_committed_slice_is_the_one_its_notice_describes() -> None:
    notice = (PUBLISHED_SLICE.parent / "NOTICE.md").read_text()
    data = PUBLISHED_SLICE.read_bytes()
    assert hashlib.sha256(data).hexdigest() in notice
    assert f"{len(data):,} bytes" in notice
    assert "Copyright (c) 2022, Cloudflare" in notice
    assert json.loads(data)["info"]["license"]["name"] == "BSD-3-Clause"


# -- the published document: the committed slice, and the whole document (nightly) -------


@pytest.mark.published_document
def test_the_real_cut_matches_the_published_slice(full_document_path: Path, slice_path: Path) -> None:
    sliced = cut_operation(json.loads(full_document_path.read_bytes()))
    expected = json.loads(slice_path.read_bytes())
    validate(sliced)
    names = {kind: sorted(entries) for kind, entries in sliced["components"].items()}
    assert names == {kind: sorted(entries) for kind, entries in expected["components"].items()}
    assert len(names["schemas"]) == 11
    assert names["securitySchemes"] == ["api_email", "api_key", "api_token"]
    assert sliced["paths"] == expected["paths"]


def _one_difference_per_name() -> int:
    entries = yaml.safe_load(DEVIATIONS_PATH.read_text())["deviations"]
    return sum(len(e["name"]) if isinstance(e.get("name"), list) else 1 for e in entries)


# Every entry of deviations.yaml explains exactly one difference (a list of names, one each).
DEVIATION_COUNT = _one_difference_per_name()


@pytest.mark.published_document
def test_the_whole_published_document_is_fully_explained(full_document_path: Path, tmp_path: Path) -> None:
    report = upstream_diff.build_report(str(full_document_path), SPEC_PATH, DEVIATIONS_PATH)
    assert (report.count(UPSTREAM_CHANGE), report.count(STALE), report.count(DOCUMENTED)) == (0, 0, DEVIATION_COUNT)
    data = full_document_path.read_bytes()
    assert (report.provenance.size, report.provenance.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert upstream_diff.main([str(full_document_path), "--reports", str(tmp_path)]) == 0


def test_the_published_slice_is_fully_explained(slice_path: Path) -> None:
    report = upstream_diff.build_report(str(slice_path), SPEC_PATH, DEVIATIONS_PATH)
    assert (report.count(UPSTREAM_CHANGE), report.count(STALE), report.count(DOCUMENTED)) == (0, 0, DEVIATION_COUNT)


def test_changes_to_the_real_slice_are_reported_as_upstream_changes(slice_path: Path) -> None:
    published = json.loads(slice_path.read_bytes())
    mutated = copy.deepcopy(published)
    schemas = mutated["components"]["schemas"]
    schemas["pages_deployment"]["properties"]["build_minutes"] = {"type": "integer"}
    schemas["pages_stage"]["properties"]["status"]["enum"].append("paused")
    del schemas["pages_deployment"]["properties"]["aliases"]["nullable"]

    ours = yaml.safe_load(SPEC_PATH.read_text())
    findings = classify(compare_documents(ours, mutated), load_deviations(DEVIATIONS_PATH))
    changes = [(f.pointer, f.change, f.name) for f in findings if f.classification == UPSTREAM_CHANGE]
    assert changes == [
        ("/components/schemas/Deployment/properties/aliases", "nullable-added", None),
        ("/components/schemas/StageStatus/enum", "enum-value-removed", "paused"),
        ("/components/schemas/Deployment/properties/build_minutes", "property-removed", "build_minutes"),
    ]
    assert [f for f in findings if f.classification == STALE] == []
    # The copy was changed, not the evidence it came from.
    assert "build_minutes" not in published["components"]["schemas"]["pages_deployment"]["properties"]
