"""Each kind of spec edit, made on a copy of the curated spec, and what `make compat` calls it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
import yaml

from contract_tests.kit.spec import OPERATION_PATH, SPEC_PATH
from scripts.compat import effects
from scripts.compat.changes import Row, classify
from scripts.compat.effects import Effect
from scripts.upstream.vocabulary import Change

Spec = dict[str, Any]
Edit = Callable[[Spec], None]


@cache
def _curated() -> Spec:
    spec: Spec = yaml.safe_load(SPEC_PATH.read_text())
    return spec


def curated() -> Spec:
    return copy.deepcopy(_curated())


def schema(spec: Spec, name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def operation(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec["paths"][OPERATION_PATH]["get"]
    return found


def rows_after(edit: Edit, base_edit: Edit | None = None, **evidence: str) -> list[Row]:
    new, base = curated(), curated()
    edit(new)
    if base_edit is not None:
        base_edit(base)
    return classify(new, base, **evidence)


def summary(rows: list[Row]) -> list[tuple[str, str, str]]:
    return [(row.effect.value, row.kind, row.subject) for row in rows]


# -- the edits ---------------------------------------------------------------------


def remove_usage_model(spec: Spec) -> None:
    del schema(spec, "Deployment")["properties"]["usage_model"]


def add_placement(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["placement"] = {"type": "string"}


def add_required_placement(spec: Spec) -> None:
    add_placement(spec)
    schema(spec, "Deployment")["required"].append("placement")


def require_source(spec: Spec) -> None:
    schema(spec, "Deployment")["required"].append("source")


def unrequire_url(spec: Spec) -> None:
    schema(spec, "Deployment")["required"].remove("url")


def nullable_url(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["url"]["type"] = ["string", "null"]


def non_nullable_aliases(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["aliases"]["type"] = "array"


def string_build_image(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["build_image_major_version"]["type"] = "string"


def date_created_on(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["created_on"]["format"] = "date"


def uri_url(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["url"]["format"] = "uri"


def add_rolled_back(spec: Spec) -> None:
    schema(spec, "StageStatus")["enum"].append("rolled_back")


def remove_idle(spec: Spec) -> None:
    schema(spec, "StageStatus")["enum"].remove("idle")


def add_named_trigger(spec: Spec) -> None:
    trigger = schema(spec, "DeploymentTriggerType")
    trigger["enum"].append("api:call")
    trigger["x-enum-varnames"].append("API_CALL")


def rename_trigger_member(spec: Spec) -> None:
    schema(spec, "DeploymentTriggerType")["x-enum-varnames"][0] = "GITHUB"


def close_the_enums(spec: Spec) -> None:
    del schema(spec, "UnknownEnumValue")["x-open-enum-fallback"]


def close_stage_status(spec: Spec) -> None:
    schema(spec, "Stage")["properties"]["status"] = {"$ref": "#/components/schemas/StageStatus"}


def change_success_const(spec: Spec) -> None:
    schema(spec, "DeploymentEnvelope")["properties"]["success"]["const"] = False


def lengthen_deployment_id(spec: Spec) -> None:
    spec["components"]["parameters"]["DeploymentId"]["schema"]["maxLength"] = 40


def pattern_on_project_name(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["project_name"]["pattern"] = "^[a-z0-9-]+$"


def drop_minimum(spec: Spec) -> None:
    schema(spec, "ResponseMessage")["properties"]["code"]["minimum"] = 1


def enum_on_project_name(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["project_name"]["enum"] = ["a", "b"]


def env_var_branches(spec: Spec) -> list[dict[str, Any]]:
    branches: list[dict[str, Any]] = schema(spec, "EnvVars")["additionalProperties"]["anyOf"]
    return branches


def add_env_var_branch(spec: Spec) -> None:
    env_var_branches(spec).insert(0, {"$ref": "#/components/schemas/ResponseMessage"})


def remove_untyped_env_var(spec: Spec) -> None:
    env_var_branches(spec).remove({"$ref": "#/components/schemas/UntypedEnvVar"})


def discriminate_env_vars(spec: Spec) -> None:
    schema(spec, "EnvVars")["additionalProperties"]["discriminator"] = {"propertyName": "type"}


def add_query_parameter(spec: Spec, *, required: bool = False) -> None:
    parameter = {"name": "per_page", "in": "query", "schema": {"type": "integer"}, "required": required}
    operation(spec)["parameters"].append(parameter)


def add_required_query_parameter(spec: Spec) -> None:
    add_query_parameter(spec, required=True)


def remove_deployment_id(spec: Spec) -> None:
    operation(spec)["parameters"].remove({"$ref": "#/components/parameters/DeploymentId"})


def add_response(spec: Spec) -> None:
    operation(spec)["responses"]["418"] = {"description": "A teapot"}


def remove_response(spec: Spec) -> None:
    del operation(spec)["responses"]["200"]


def add_media_type(spec: Spec) -> None:
    content = operation(spec)["responses"]["200"]["content"]
    content["text/plain"] = {"schema": {"type": "string"}}


def remove_media_type(spec: Spec) -> None:
    content = operation(spec)["responses"]["200"]["content"]
    content.clear()


def add_security_scheme(spec: Spec) -> None:
    spec["components"]["securitySchemes"]["oauth"] = {"type": "oauth2", "flows": {}}
    operation(spec)["security"].append({"oauth": []})


def remove_key_auth(spec: Spec) -> None:
    operation(spec)["security"] = [{"api_token": []}]


def rename_skip_reason(spec: Spec) -> None:
    schemas = spec["components"]["schemas"]
    schemas["SkipReasonCode"] = schemas.pop("SkipReason")
    schema(spec, "Deployment")["properties"]["skip_reason"]["anyOf"][0] = {
        "$ref": "#/components/schemas/SkipReasonCode"
    }


def describe_url(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["url"]["description"] = "Where the deployment is served."


def new_example(spec: Spec) -> None:
    schema(spec, "Deployment")["properties"]["short_id"]["example"] = "0123abcd"


def respell_usage_model(spec: Spec) -> None:
    usage_model = schema(spec, "Deployment")["properties"]["usage_model"]
    usage_model["anyOf"] = [{"type": usage_model.pop("type")[0]}, {"type": "null"}]


def unpattern_deployment_id(spec: Spec) -> None:
    del spec["components"]["parameters"]["DeploymentId"]["schema"]["pattern"]


def no_edit(spec: Spec) -> None:
    """The new spec as it is, against a base edited otherwise."""


def bump_info_version(spec: Spec) -> None:
    spec["info"]["version"] = "9.9.9"


CASES: list[tuple[Edit, list[tuple[str, str, str]]]] = [
    (remove_usage_model, [("breaking", "property-removed", "`Deployment.usage_model`")]),
    (add_placement, [("additive", "property-added", "`Deployment.placement`")]),
    (add_required_placement, [("breaking", "property-added", "`Deployment.placement`")]),
    (require_source, [("breaking", "required-added", "`Deployment.source`")]),
    (unrequire_url, [("breaking", "required-removed", "`Deployment.url`")]),
    (nullable_url, [("breaking", "nullable-added", "`Deployment.url`")]),
    (non_nullable_aliases, [("breaking", "nullable-removed", "`Deployment.aliases`")]),
    (string_build_image, [("breaking", "type-changed", "`Deployment.build_image_major_version`")]),
    (date_created_on, [("breaking", "format-changed", "`Deployment.created_on`")]),
    (uri_url, [("internal", "format-changed", "`Deployment.url`")]),
    (add_rolled_back, [("additive", "enum-value-added", "`StageStatus.ROLLED_BACK`")]),
    (remove_idle, [("breaking", "enum-value-removed", "`StageStatus.IDLE`")]),
    (add_named_trigger, [("additive", "enum-value-added", "`DeploymentTriggerType.API_CALL`")]),
    (rename_trigger_member, [("breaking", "member-names-changed", "`DeploymentTriggerType`")]),
    (close_the_enums, [("internal", "annotation-changed", "`UnknownEnumValue`")]),
    (close_stage_status, [("breaking", "variant-removed", "`Stage.status`")]),
    (
        change_success_const,
        [
            ("breaking", "enum-value-added", "`DeploymentEnvelope.success`"),
            ("breaking", "enum-value-removed", "`DeploymentEnvelope.success`"),
        ],
    ),
    (lengthen_deployment_id, [("internal", "constraint-changed", "`get_deployment(deployment_id=...)`")]),
    (pattern_on_project_name, [("internal", "constraint-added", "`Deployment.project_name`")]),
    (drop_minimum, [("internal", "constraint-added", "`ResponseMessage.code`")]),
    (enum_on_project_name, [("breaking", "constraint-added", "`Deployment.project_name`")]),
    (add_env_var_branch, [("breaking", "variant-added", "`EnvVars`")]),
    (remove_untyped_env_var, [("breaking", "variant-removed", "`EnvVars`")]),
    (discriminate_env_vars, [("breaking", "discriminator-added", "`EnvVars`")]),
    (add_query_parameter, [("additive", "parameter-added", "`get_deployment(per_page=...)`")]),
    (add_required_query_parameter, [("breaking", "parameter-added", "`get_deployment(per_page=...)`")]),
    (remove_deployment_id, [("breaking", "parameter-removed", "`get_deployment` parameters")]),
    (add_response, [("breaking", "response-added", "`get_deployment` responses")]),
    (remove_response, [("breaking", "response-removed", "`get_deployment` responses")]),
    (add_media_type, [("breaking", "media-type-added", "`get_deployment` responses")]),
    (remove_media_type, [("breaking", "media-type-removed", "`get_deployment` responses")]),
    (add_security_scheme, [("additive", "security-scheme-added", "authentication")]),
    (
        remove_key_auth,
        [
            ("breaking", "security-scheme-removed", "authentication"),
            ("breaking", "security-scheme-removed", "authentication"),
        ],
    ),
    (
        rename_skip_reason,
        [
            ("breaking", "class-removed", "`SkipReason`"),
            ("breaking", "class-changed", "`Deployment.skip_reason`"),
            ("additive", "class-added", "`SkipReasonCode`"),
        ],
    ),
    (describe_url, [("internal", "annotation-changed", "`Deployment.url`")]),
    (new_example, [("internal", "annotation-changed", "`Deployment.short_id`")]),
    (respell_usage_model, [("internal", "spelling-changed", "`Deployment.usage_model`")]),
    (unpattern_deployment_id, [("internal", "constraint-removed", "`get_deployment(deployment_id=...)`")]),
    (bump_info_version, []),
]
# Edits of the base: what the spec had at the release and has no more.
UNDONE: list[tuple[Edit, list[tuple[str, str, str]]]] = [
    (discriminate_env_vars, [("breaking", "discriminator-removed", "`EnvVars`")]),
]


@pytest.mark.parametrize(("edit", "expected"), CASES, ids=[edit.__name__ for edit, _ in CASES])
def test_each_edit_is_named_and_classed(edit: Edit, expected: list[tuple[str, str, str]]) -> None:
    assert summary(rows_after(edit)) == expected


@pytest.mark.parametrize(("base_edit", "expected"), UNDONE, ids=[edit.__name__ for edit, _ in UNDONE])
def test_each_undone_edit_is_named_and_classed(base_edit: Edit, expected: list[tuple[str, str, str]]) -> None:
    assert summary(rows_after(no_edit, base_edit)) == expected


def test_every_kind_is_mapped_and_exercised() -> None:
    own = {
        effects.CLASS_ADDED,
        effects.CLASS_REMOVED,
        effects.CLASS_CHANGED,
        effects.MEMBER_NAMES_CHANGED,
        effects.ANNOTATION_CHANGED,
        effects.SPELLING_CHANGED,
        effects.EVIDENCE_CHANGED,
    }
    assert set(effects.RULES) == set(Change)
    assert set(effects.OWN_RULES) == own
    exercised = {kind for _, expected in CASES + UNDONE for _, kind, _ in expected} | {effects.EVIDENCE_CHANGED}
    assert exercised == {str(kind) for kind in Change} | own


def test_deviations_evidence_alone_is_internal() -> None:
    rows = rows_after(bump_info_version, new_evidence="deviations: [new]\n", base_evidence="deviations: []\n")
    assert summary(rows) == [("internal", "evidence-changed", "`openapi/deviations.yaml`")]


def test_the_changelog_lines_name_what_users_type() -> None:
    def both(spec: Spec) -> None:
        remove_usage_model(spec)
        add_rolled_back(spec)
        add_placement(spec)

    rows = rows_after(both)
    assert [(row.section.value, row.line) for row in rows] == [
        ("Removed", "**Breaking:** `Deployment.usage_model` removed"),
        ("Added", "`Deployment.placement` added"),
        ("Added", "`StageStatus.ROLLED_BACK` added"),
    ]
    assert max(row.effect for row in rows if row.effect is Effect.BREAKING) is Effect.BREAKING
