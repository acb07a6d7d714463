"""Spec names as the generated client spells them, with the generator's own functions.

The generator (openapi-python-client, pinned in requirements/dev.lock) turns a
schema name into a class name, a property into an attribute and an enum value
into a member; calling its functions here keeps a CHANGELOG line in the names
a user types: `Deployment.placement`, `StageStatus.ROLLED_BACK`.
"""

from __future__ import annotations

from typing import Any

from openapi_python_client import strings
from openapi_python_client.parser.properties.enum_property import EnumProperty
from openapi_python_client.parser.properties.schemas import Class

from cloudflare_pages_client._runtime import json_pointer as pointer

# The generator's default; openapi/generator-config.yaml does not change it.
FIELD_PREFIX = "field_"


def class_name(schema_name: str) -> str:
    return str(strings.ClassName(schema_name, FIELD_PREFIX))


def attribute_name(property_name: str) -> str:
    return str(strings.PythonIdentifier(property_name, FIELD_PREFIX))


def member_name(enum_class: str, schema: dict[str, Any], value: Any) -> str | None:
    """The enum member the generator writes for `value` in `schema`, or None for no member (a const, a bool)."""
    values = schema.get("enum")
    if not isinstance(values, list) or value not in values or not all(isinstance(v, str | int) for v in values):
        return None
    var_names = schema.get("x-enum-varnames", [])
    info = Class(name=strings.ClassName(enum_class, FIELD_PREFIX), module_name=strings.PythonIdentifier(enum_class, ""))
    members = list(EnumProperty.values_from_list(values, info, var_names if isinstance(var_names, list) else []))
    return members[values.index(value)]


def _tokens(at: str) -> list[str]:
    return [pointer.unescape(token) for token in at.split("/")[1:]]


def owner(at: str) -> tuple[str | None, str | None]:
    """The class and attribute a pointer into a schema is about: ("Deployment", "placement"), ("Stage", None)."""
    tokens = _tokens(at)
    if tokens[:2] != ["components", "schemas"] or len(tokens) < 3:
        return None, None
    owner_class, attribute = class_name(tokens[2]), None
    rest = tokens[3:]
    while rest:
        if rest[0] == "properties" and len(rest) > 1:
            if attribute is not None:  # an inline object: the generator names it after its parent and property
                owner_class = class_name(f"{owner_class}_{attribute}")
            attribute, rest = rest[1], rest[2:]
        elif rest[0] in ("anyOf", "oneOf", "allOf") and len(rest) > 1:
            rest = rest[2:]
        elif rest[0] in ("items", "additionalProperties"):
            rest = rest[1:]
        else:
            break  # a keyword: enum, required, type, ...
    return owner_class, attribute_name(attribute) if attribute is not None else None


def subject(document: dict[str, Any], at: str, operation: str) -> str:
    """What a pointer into `document` is, in a user's terms."""
    owner_class, attribute = owner(at)
    if owner_class is not None:
        return f"`{owner_class}.{attribute}`" if attribute else f"`{owner_class}`"
    tokens = _tokens(at)
    if "parameters" in tokens:
        parameter_at = "/" + "/".join(pointer.escape(t) for t in tokens[: tokens.index("parameters") + 2])
        try:
            parameter = pointer.resolve(document, parameter_at)
        except (KeyError, IndexError, ValueError, TypeError):
            parameter = None
        if isinstance(parameter, dict) and isinstance(parameter.get("name"), str):
            return f"`{operation}({attribute_name(parameter['name'])}=...)`"
        return f"`{operation}` parameters"
    if "responses" in tokens:
        return f"`{operation}` responses"
    if tokens[:2] == ["components", "securitySchemes"]:
        return "authentication"
    return f"`{at}`"


def operation_name(document: dict[str, Any], path: str, method: str) -> str:
    """The generated function for the operation: its operationId in snake case."""
    operation = document.get("paths", {}).get(path, {}).get(method, {})
    operation_id = operation.get("operationId") if isinstance(operation, dict) else None
    return str(strings.PythonIdentifier(operation_id, FIELD_PREFIX)) if isinstance(operation_id, str) else method
