"""Cut our operation out of the published document, with everything it references.

The result is a standalone OpenAPI document: the one path item (with only our
method), the components reachable from it through `$ref`s and discriminator
mappings, and the security schemes the operation actually uses.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from cloudflare_pages_client._runtime import json_pointer as pointer
from contract_tests.kit.spec import OPERATION_METHOD, OPERATION_PATH

# Our operation, as the curated spec states it; OpenAPI keys a path item's operations by lower-case method.
PATH = OPERATION_PATH
METHOD = OPERATION_METHOD.lower()


class SliceError(LookupError):
    """The document lacks the operation, or references something it does not define."""


def _references(node: Any) -> Iterator[str]:
    """Every local reference inside `node`: `$ref` values and discriminator mappings."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/"):
                yield value
            elif key == "discriminator" and isinstance(value, dict):
                mapping = value.get("mapping")
                if isinstance(mapping, dict):
                    yield from (ref for ref in mapping.values() if isinstance(ref, str) and ref.startswith("#/"))
                yield from _references(value)
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


def _security_in_use(document: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
    """The operation's own requirements, or the document's when it has none."""
    requirements = operation.get("security", document.get("security", []))
    return [requirement for requirement in requirements if isinstance(requirement, dict)]


def cut_operation(document: dict[str, Any], path: str = PATH, method: str = METHOD) -> dict[str, Any]:
    """A copy of `document` holding only `method path` and its closure."""
    path_item = document.get("paths", {}).get(path)
    if not isinstance(path_item, dict) or not isinstance(path_item.get(method), dict):
        raise SliceError(f"the document has no operation {method.upper()} {path}")
    operation = path_item[method]
    # Path-level parameters apply to the operation too; nothing else on the
    # path item (other methods) belongs to the slice.
    kept_item = {key: value for key, value in path_item.items() if key in ("parameters", "servers", "summary")}
    kept_item[method] = operation

    components: dict[str, dict[str, Any]] = {}
    pending = list(_references(kept_item))
    seen: set[str] = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        target = pointer.ref_target(ref)
        tokens = [pointer.unescape(token) for token in target.split("/")[1:]]
        if len(tokens) < 3 or tokens[0] != "components":
            raise SliceError(f"unsupported reference {ref}: only whole components are cut out")
        try:
            value = document["components"][tokens[1]][tokens[2]]
        except (KeyError, TypeError) as error:
            raise SliceError(f"dangling reference {ref}") from error
        components.setdefault(tokens[1], {})[tokens[2]] = value
        pending.extend(_references(value))

    security = _security_in_use(document, operation)
    schemes = document.get("components", {}).get("securitySchemes", {})
    for requirement in security:
        for name in requirement:
            if name not in schemes:
                raise SliceError(f"security scheme {name!r} is used but not defined")
            components.setdefault("securitySchemes", {})[name] = schemes[name]

    sliced: dict[str, Any] = {
        "openapi": document.get("openapi", "3.0.3"),
        "info": document.get("info", {"title": "slice", "version": "0"}),
    }
    if "servers" in document:
        sliced["servers"] = document["servers"]
    sliced["paths"] = {path: kept_item}
    sliced["components"] = {kind: dict(sorted(entries.items())) for kind, entries in sorted(components.items())}
    # A root `security` may only name schemes the slice defines; the
    # operation's own requirements are what apply anyway.
    defined = set(components.get("securitySchemes", {}))
    root_security = [req for req in document.get("security", []) if isinstance(req, dict) and set(req) <= defined]
    if root_security:
        sliced["security"] = root_security
    return copy.deepcopy(sliced)
