"""Can the contract checks read the curated spec at all? One line naming the place when they cannot.

schemathesis, jsonschema and the generated client each fail on a broken spec in
their own way, with hundreds of lines of traceback (a dangling `$ref`, a
`$ref` cycle, an unknown type). `make contract` asks this first and stops
with exit 2 and one line: the file and the JSON pointer of the first problem.
It imports nothing that reads the spec, so it works when that would fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from cloudflare_pages_client._runtime import json_pointer as pointer
from contract_tests.kit.document_shape import StructureError, check_depth, check_structure
from contract_tests.kit.paths import SPEC_PATH

JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})


def _nodes(node: Any, where: str = "") -> Any:
    """Every (object, pointer) in the document, depth first."""
    if isinstance(node, dict):
        yield node, where
        for key, value in node.items():
            yield from _nodes(value, pointer.join(where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, pointer.join(where, index))


def _target(document: dict[str, Any], ref: str) -> Any:
    return pointer.resolve(document, pointer.ref_target(ref))


def _reference_problem(document: dict[str, Any], node: dict[str, Any], where: str) -> str | None:
    ref = node["$ref"]
    try:
        _target(document, ref)
    except (KeyError, IndexError, TypeError, ValueError):
        return f"{where}/$ref: {ref!r} points to nothing in the document"
    # Follow the chain of references from here: coming back to one already seen is a cycle.
    seen = [ref]
    target = _target(document, ref)
    while isinstance(target, dict) and isinstance(target.get("$ref"), str):
        if target["$ref"] in seen:
            return f"{where}/$ref: a reference cycle ({' -> '.join([*seen, target['$ref']])})"
        seen.append(target["$ref"])
        try:
            target = _target(document, target["$ref"])
        except (KeyError, IndexError, TypeError, ValueError):
            return None  # that reference's own check names it
    return None


def _type_problem(node: dict[str, Any], where: str) -> str | None:
    names = node["type"] if isinstance(node["type"], list) else [node["type"]]
    unknown = [name for name in names if name not in JSON_TYPES]
    if unknown:
        return f"{where}/type: unknown type {unknown[0]!r} (JSON Schema has {', '.join(sorted(JSON_TYPES))})"
    return None


def spec_problem(path: Path = SPEC_PATH) -> str | None:
    """The first problem that keeps the checks from reading the spec at `path`, as one line; None when none."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return f"{path}: cannot read it as YAML: {first}"
    try:
        check_depth(document, str(path))
        paths = document.get("paths") if isinstance(document, dict) else None
        operations = [
            (template, method) for template, item in (paths or {}).items() if isinstance(item, dict) for method in item
        ]
        if len(operations) != 1:
            return f"{path}: /paths: must describe exactly one operation, found {len(operations)}"
        check_structure(document, str(path), *operations[0])
    except StructureError as error:
        return str(error)
    for node, where in _nodes(document):
        if isinstance(node.get("$ref"), str):
            problem = _reference_problem(document, node, where)
            if problem:
                return f"{path}: {problem}"
        # A `type` that is a string or a list is a schema's (a property named "type" holds a schema object);
        # a security scheme's `type` (http, apiKey) is another vocabulary.
        if isinstance(node.get("type"), (str, list)) and not where.startswith("/components/securitySchemes"):
            problem = _type_problem(node, where)
            if problem:
                return f"{path}: {problem}"
    return None
