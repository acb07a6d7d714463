"""Is a document shaped as the comparison reads it? Checked before it is read, so a wrong shape is one line.

The comparison walks a document's operation, responses, parameters, security
and schemas, expecting an object here, a list there. A document that breaks
one of those expectations (`paths: []`, a `properties` that is a string, JSON
nested deeper than any schema is) is refused here with the file and the JSON
pointer of the first place that is wrong, instead of failing somewhere inside
the comparison.
"""

from __future__ import annotations

from typing import Any

from cloudflare_pages_client._runtime import json_pointer as pointer
from cloudflare_pages_client._runtime.shapes import in_words, json_type

# Deeper than any real document nests (Cloudflare's is about 20 levels deep), and far enough from Python's
# recursion limit for every recursive walk of the comparison (a few frames per level).
MAX_DEPTH = 200

SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_SLOTS = ("not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties")


class StructureError(ValueError):
    """The document is not shaped as OpenAPI says: the message names the file and the JSON pointer."""


# A place in the document as its tokens: the pointer string is built only for a failure (the check runs on every
# schema of every comparison, and building each pointer cost more than the check itself).
Where = tuple[str | int, ...]


def _pointer(where: Where) -> str:
    return pointer.join("", *where) or "/"


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: Where, expected: str, value: Any) -> StructureError:
        return StructureError(f"{self.source}: {_pointer(where)}: expected {expected}, found {json_type(value)}")

    def mapping(self, value: Any, where: Where) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, in_words("object"), value)
        return value

    def sequence(self, value: Any, where: Where) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, in_words("array"), value)
        return value

    def optional_mapping(self, node: dict[str, Any], key: str, where: Where) -> dict[str, Any]:
        return self.mapping(node[key], (*where, key)) if key in node else {}

    def schema(self, node: Any, where: Where) -> None:
        if isinstance(node, bool):
            return
        node = self.mapping(node, where)
        for key, expected in (("$ref", str), ("nullable", bool), ("format", str)):
            if key in node and not isinstance(node[key], expected):
                raise self.fail((*where, key), in_words("string" if expected is str else "boolean"), node[key])
        if "type" in node:
            types = node["type"]
            if not isinstance(types, str) and not (
                isinstance(types, list) and all(isinstance(item, str) for item in types)
            ):
                raise self.fail((*where, "type"), "a type name or a list of them", types)
        for key in ("required", "enum"):
            if key in node:
                self.sequence(node[key], (*where, key))
        for key in SCHEMA_MAPS:
            for name, child in self.optional_mapping(node, key, where).items():
                self.schema(child, (*where, key, name))
        for key in SCHEMA_LISTS:
            if key in node:
                for index, child in enumerate(self.sequence(node[key], (*where, key))):
                    self.schema(child, (*where, key, index))
        for key in (*SCHEMA_SLOTS, "items", "additionalProperties"):
            if key in node:
                self.schema(node[key], (*where, key))
        if "discriminator" in node:
            discriminator = self.mapping(node["discriminator"], (*where, "discriminator"))
            self.optional_mapping(discriminator, "mapping", (*where, "discriminator"))

    def operation(self, operation: dict[str, Any], where: Where) -> None:
        for index, parameter in enumerate(self.sequence(operation.get("parameters", []), (*where, "parameters"))):
            at = (*where, "parameters", index)
            parameter = self.mapping(parameter, at)
            if "schema" in parameter:
                self.schema(parameter["schema"], (*at, "schema"))
        for code, response in self.optional_mapping(operation, "responses", where).items():
            at = (*where, "responses", code)
            for media_type, media in self.optional_mapping(self.mapping(response, at), "content", at).items():
                media_at = (*at, "content", media_type)
                if "schema" in self.mapping(media, media_at):
                    self.schema(media["schema"], (*media_at, "schema"))
        self.security(operation, where)

    def security(self, node: dict[str, Any], where: Where) -> None:
        for index, requirement in enumerate(self.sequence(node.get("security", []), (*where, "security"))):
            self.mapping(requirement, (*where, "security", index))


def check_depth(document: Any, source: str) -> None:
    """StructureError at the first place nested deeper than MAX_DEPTH (without recursing: that is the point)."""
    pending: list[tuple[Any, Where]] = [(document, ())]
    while pending:
        node, where = pending.pop()
        if len(where) > MAX_DEPTH:
            raise StructureError(f"{source}: {_pointer(where[: MAX_DEPTH + 1])}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            pending.extend((value, (*where, key)) for key, value in node.items())
        elif isinstance(node, list):
            pending.extend((value, (*where, index)) for index, value in enumerate(node))


def check_structure(document: Any, source: str, path: str, method: str, *, schemas: bool = True) -> None:
    """Raise StructureError at the first place `document` is not shaped as the comparison of `method path` reads.

    `schemas=False` leaves the component schemas out: the whole published document has thousands that the
    comparison never reads; its slice (only what the operation references) is checked with them.
    """
    checker = _Checker(source)
    root = checker.mapping(document, ())
    paths = checker.optional_mapping(root, "paths", ())
    if path in paths:
        item_at: Where = ("paths", path)
        item = checker.mapping(paths[path], item_at)
        checker.sequence(item.get("parameters", []), (*item_at, "parameters"))
        if method in item:
            checker.operation(checker.mapping(item[method], (*item_at, method)), (*item_at, method))
    components = checker.optional_mapping(root, "components", ())
    for kind, entries in components.items():
        checker.mapping(entries, ("components", kind))
    for name, schema in components.get("schemas", {}).items() if schemas else ():
        checker.schema(schema, ("components", "schemas", name))
    for name, scheme in components.get("securitySchemes", {}).items():
        checker.mapping(scheme, ("components", "securitySchemes", name))
    checker.security(root, ())
