"""The strict reading of the curated spec, for drift.

The spec is tolerant on purpose (openapi/NOTES.md): enums are open and
objects accept unknown fields, so the client keeps working when Cloudflare
adds something. Drift is what that tolerance hides. The strict reading
removes it: every open-enum fallback branch (a schema marked
`x-open-enum-fallback: true`) is dropped, and every object with declared
properties allows no others.
"""

from __future__ import annotations

import copy
from typing import Any

REF_PREFIX = "#/components/schemas/"


def fallback_schemas(spec: dict[str, Any]) -> set[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    return {name for name, schema in schemas.items() if schema.get("x-open-enum-fallback")}


def _is_fallback(node: Any, fallbacks: set[str]) -> bool:
    return isinstance(node, dict) and node.get("$ref", "").removeprefix(REF_PREFIX) in fallbacks


def _tighten(node: Any, fallbacks: set[str]) -> Any:
    if isinstance(node, list):
        return [_tighten(item, fallbacks) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _tighten(value, fallbacks) for key, value in node.items()}
    for keyword in ("anyOf", "oneOf"):
        if keyword in node:
            kept = [branch for branch in node[keyword] if not _is_fallback(branch, fallbacks)]
            if len(kept) == 1:
                # anyOf of one: the branch itself, keeping the property's own annotations.
                rest = {key: value for key, value in node.items() if key != keyword}
                node = {**rest, **kept[0]} if "$ref" not in kept[0] else {**rest, "allOf": kept}
            else:
                node[keyword] = kept
    if "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    return node


def strict_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of `spec` that accepts only documented fields and enum values."""
    fallbacks = fallback_schemas(spec)
    strict = copy.deepcopy(spec)
    schemas = strict.get("components", {}).get("schemas", {})
    for name in list(schemas):
        if name in fallbacks:
            continue
        schemas[name] = _tighten(schemas[name], fallbacks)
    for path in strict.get("paths", {}).values():
        for operation in path.values():
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    media["schema"] = _tighten(media["schema"], fallbacks)
    return strict
