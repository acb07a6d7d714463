"""Check 3: what a reply carries that the spec does not describe (drift).

A reply can conform to the tolerant spec and still drift: a field the spec
does not declare, an enum value it does not list, a null where it declares
none. Each drift item says where (a JSON pointer into the body), what the
spec says, what the reply had, and what to change in openapi/openapi.yaml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from cloudflare_pages_client._runtime import json_pointer
from contract_tests.kit.spec import document, response_schema
from contract_tests.kit.strict_spec import REF_PREFIX, strict_schema


@dataclass(frozen=True, order=True)
class DriftItem:
    pointer: str
    kind: str
    spec_says: str
    response_had: str
    hint: str

    def key(self) -> dict[str, str]:
        return {"pointer": self.pointer, "kind": self.kind}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


@cache
def _strict_components() -> dict[str, Any]:
    components: dict[str, Any] = strict_schema(document())["components"]
    return components


@cache
def _names_by_identity() -> dict[int, str]:
    return {id(schema): name for name, schema in _strict_components()["schemas"].items()}


def _name(schema: Any) -> str:
    if isinstance(schema, dict) and "$ref" in schema:
        return str(schema["$ref"]).removeprefix(REF_PREFIX)
    return _names_by_identity().get(id(schema), "the schema")


def _items(error: ValidationError) -> list[DriftItem]:
    where = json_pointer.join("", *error.absolute_path)
    schema: Any = error.schema
    instance: Any = error.instance
    expected: Any = error.validator_value
    if error.validator == "additionalProperties":
        declared = set(schema.get("properties", {}))
        owner = _name(schema)
        return [
            DriftItem(
                f"{where}/{key}",
                "undocumented-field",
                f"{owner} declares no `{key}`",
                _short(value),
                f"declare `{key}` (optional) on {owner}",
            )
            for key, value in instance.items()
            if key not in declared
        ]
    if error.validator == "enum":
        owner = _name(schema)
        return [
            DriftItem(
                where,
                "undocumented-enum-value",
                f"one of {', '.join(map(str, expected))} ({owner})",
                _short(error.instance),
                f"add `{error.instance}` to {owner}",
            )
        ]
    if error.validator in ("anyOf", "oneOf") and error.context:
        if error.instance is None:
            return [DriftItem(where, "undeclared-null", "a value, not null", "null", "declare the property nullable")]
        branches: list[Any] = list(expected)
        if isinstance(instance, dict) and _discriminated(branches, instance):
            return _discriminated_items(error, branches, instance, where)
        not_null = [index for index, branch in enumerate(branches) if branch != {"type": "null"}]
        if len(not_null) == 1:
            # A nullable value that is not null: everything its one other branch found.
            return _branch_items(error, not_null[0])
        # The branch that came closest says what is wrong: prefer an unknown enum value.
        for sub in error.context:
            if sub.validator == "enum" and list(sub.absolute_path) == list(error.absolute_path):
                return _items(sub)
        deepest = max(error.context, key=lambda sub: len(sub.absolute_path))
        return _items(deepest)
    if error.validator == "type" and error.instance is None:
        return [
            DriftItem(
                where, "undeclared-null", f"type {error.validator_value}", "null", "declare the property nullable"
            )
        ]
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        return [
            DriftItem(
                f"{where}/{missing}",
                "missing-field",
                "required",
                "absent",
                f"make `{missing}` optional on {_name(error.schema)}",
            )
        ]
    return [DriftItem(where, f"{error.validator}-mismatch", _short(error.validator_value), _short(error.instance), "")]


DISCRIMINATOR = "type"


def _branch_type(branch: Any) -> Any:
    """The `type` const that picks this union branch (PlainTextEnvVar: "plain_text"), or None."""
    if isinstance(branch, dict) and "$ref" in branch:
        branch = _strict_components()["schemas"].get(_name(branch), {})
    if not isinstance(branch, dict):
        return None
    type_schema = branch.get("properties", {}).get(DISCRIMINATOR)
    return type_schema.get("const") if isinstance(type_schema, dict) else None


def _discriminated(branches: list[Any], instance: dict[str, Any]) -> bool:
    """A union whose branches say which one they are by their `type` (the env vars), and a value it can place:
    one with a `type`, or one without where the union has an untyped branch."""
    types = [_branch_type(branch) for branch in branches]
    return any(kind is not None for kind in types) and (DISCRIMINATOR in instance or None in types)


def _discriminated_items(
    error: ValidationError, branches: list[Any], instance: dict[str, Any], where: str
) -> list[DriftItem]:
    """The drift of the branch the value's own `type` picks (or of the untyped branch, when it has none)."""
    types = [_branch_type(branch) for branch in branches]
    given = instance.get(DISCRIMINATOR)
    if DISCRIMINATOR in instance and given not in types:
        named = [_name(branch) for branch, kind in zip(branches, types, strict=True) if kind is not None]
        known = ", ".join(str(kind) for kind in types if kind is not None)
        return [
            DriftItem(
                f"{where}/{DISCRIMINATOR}",
                "undocumented-enum-value",
                f"one of {known} ({', '.join(named)})",
                _short(given),
                f"add a schema with `{DISCRIMINATOR}: {given}` beside {', '.join(named)}",
            )
        ]
    return _branch_items(error, types.index(given if DISCRIMINATOR in instance else None))


def _branch_items(error: ValidationError, index: int) -> list[DriftItem]:
    """The drift one branch of a union found."""
    found: list[DriftItem] = []
    for sub in error.context or []:
        if sub.relative_schema_path and sub.relative_schema_path[0] == index:
            found += _items(sub)
    return found


def find_drift(status: int, content_type: str, body: Any) -> list[DriftItem]:
    """Drift of a JSON reply against the strict reading of the spec, sorted by pointer."""
    schema = response_schema(status, content_type)
    if schema is None:
        return []
    # The response schemas are references to components, all of which the strict reading has tightened.
    validator = Draft202012Validator({**schema, "components": _strict_components()})
    found: set[DriftItem] = set()
    for error in validator.iter_errors(body):
        found.update(_items(error))
    return sorted(found)


def reread_spec() -> None:
    """Forget the spec read so far: the next check reads openapi.yaml afresh (`make adopt` edits it)."""
    document.cache_clear()
    _strict_components.cache_clear()
    _names_by_identity.cache_clear()
