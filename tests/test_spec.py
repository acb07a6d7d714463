"""The curated spec itself: valid OpenAPI 3.1, named components, a deviations list that points into it."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

import cloudflare_pages_client.models as models
from cloudflare_pages_client._runtime import json_pointer
from cloudflare_pages_client.models import DeploymentTriggerType, StageStatus
from cloudflare_pages_client.testing import operation as kit_operation
from contract_tests.kit.spec import OPERATION_METHOD, OPERATION_PATH, SPEC_PATH
from scripts.upstream.deviations import DEVIATIONS_PATH
from scripts.upstream.vocabulary import Change

# The one place the operation's path is written out in Python: everything else reads it from the spec.
OPERATION = "/accounts/{account_id}/pages/projects/{project_name}/deployments/{deployment_id}"


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return spec


def test_spec_is_valid_openapi_3_1() -> None:
    document, _ = read_from_filename(str(SPEC_PATH))
    validate(document)
    assert load_spec()["openapi"] == "3.1.0"


def test_one_get_operation_with_both_authentication_schemes() -> None:
    spec = load_spec()
    assert list(spec["paths"]) == [OPERATION]
    assert list(spec["paths"][OPERATION]) == ["get"]
    assert (OPERATION_PATH, OPERATION_METHOD) == (OPERATION, "GET")
    assert spec["servers"][0]["url"] == "https://api.cloudflare.com/client/v4"

    assert spec["paths"][OPERATION]["get"]["security"] == [{"api_token": []}, {"api_email": [], "api_key": []}]
    schemes = spec["components"]["securitySchemes"]
    assert schemes["api_token"] == {**schemes["api_token"], "type": "http", "scheme": "bearer"}
    assert (schemes["api_email"]["name"], schemes["api_key"]["name"]) == ("X-Auth-Email", "X-Auth-Key")


def inline_structures(node: Any, pointer: str, top_level: bool) -> list[str]:
    """Pointers of objects or enums defined inline instead of as named components."""
    found: list[str] = []
    if isinstance(node, dict):
        if not top_level and ("properties" in node or "enum" in node):
            found.append(pointer)
        for key, value in node.items():
            found += inline_structures(value, f"{pointer}/{key}", top_level=False)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += inline_structures(value, f"{pointer}/{index}", top_level=False)
    return found


def test_the_test_kit_answers_the_spec_s_operation_under_its_server_s_prefix() -> None:
    # The kit ships without the spec, so it writes these out; this is what keeps them the spec's.
    assert (kit_operation.OPERATION_PATH, kit_operation.OPERATION_METHOD) == (OPERATION_PATH, OPERATION_METHOD)
    assert load_spec()["servers"][0]["url"].endswith(kit_operation.API_PREFIX)


def test_every_object_and_enum_is_a_named_component() -> None:
    spec = load_spec()
    found = inline_structures(spec["paths"], "/paths", top_level=False)
    for name, schema in spec["components"]["schemas"].items():
        found += inline_structures(schema, f"/components/schemas/{name}", top_level=True)
    assert found == []


def test_generated_names_come_from_the_spec() -> None:
    """Every model is named after its component, every enum member after x-enum-varnames or its value."""
    schemas = load_spec()["components"]["schemas"]
    assert set(models.__all__) <= set(schemas)  # no name the generator made up (GetDeploymentResponse200...)
    # No class for the array of messages or the open-enum fallback (a plain string).
    assert set(schemas) - set(models.__all__) == {"ResponseMessages", "UnknownEnumValue"}
    enums = {name: schema for name, schema in schemas.items() if "enum" in schema}
    assert len(enums) >= 5
    for name, schema in enums.items():
        member_names = schema.get("x-enum-varnames") or [str(value).upper() for value in schema["enum"]]
        assert {member.name: member.value for member in getattr(models, name)} == dict(
            zip(member_names, schema["enum"], strict=True)
        ), name
    assert DeploymentTriggerType.GITHUB_PUSH.value == "github:push"
    assert StageStatus.SKIPPED.value == "skipped"


def deviations() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = yaml.safe_load(DEVIATIONS_PATH.read_text())["deviations"]
    return entries


@pytest.mark.parametrize("entry", deviations(), ids=lambda e: f"{e['pointer']}:{e['change']}:{e.get('name', '')}")
def test_each_deviation_points_into_the_spec_and_gives_evidence(entry: dict[str, Any]) -> None:
    assert {"pointer", "change", "upstream", "ours", "evidence"} <= entry.keys()
    assert entry["change"] in set(Change)
    assert len(entry["evidence"]) > 40
    target = json_pointer.resolve(load_spec(), entry["pointer"])
    name = entry.get("name")
    names = name if isinstance(name, list) else [name]
    if entry["change"] in ("required-removed",):
        assert not set(names) & set(target)  # the removed names are really not required
    if entry["change"] == "enum-value-added":
        assert set(names) <= set(target)
    if entry["change"] == "property-added":
        assert isinstance(target, dict)
