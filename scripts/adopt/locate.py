"""Where in openapi.yaml a place in a reply body is described: the spec node a drift item's pointer lands on.

The walk follows the tolerant spec (the one adopt edits) from the operation's
response schema down the body's pointer: through `$ref`s, through a union
with one real branch (the open-enum fallback and `type: "null"` are not
branches that describe a value), into `properties` and array `items`. A place
the walk cannot name exactly (a union of several objects, a map of values) is
`None`: adopt leaves that drift for a person.
"""

from __future__ import annotations

from typing import Any

from cloudflare_pages_client._runtime import json_pointer
from contract_tests.kit.spec import OPERATION_METHOD, OPERATION_PATH
from contract_tests.kit.strict_spec import REF_PREFIX, fallback_schemas

# A path of keys from the spec's root to one of its nodes.
SpecPath = tuple[str, ...]


def tokens(pointer: str) -> list[str]:
    return [json_pointer.unescape(raw) for raw in pointer.split("/")[1:]]


def node_at(spec: dict[str, Any], path: SpecPath) -> Any:
    node: Any = spec
    for key in path:
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def as_pointer(path: SpecPath) -> str:
    return json_pointer.join("", *path)


def _ref_path(ref: str) -> SpecPath | None:
    return ("components", "schemas", ref.removeprefix(REF_PREFIX)) if ref.startswith(REF_PREFIX) else None


def _is_null(node: Any) -> bool:
    return isinstance(node, dict) and node.get("type") == "null"


class Locator:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.fallbacks = fallback_schemas(spec)

    def _value_branches(self, node: dict[str, Any], keyword: str) -> list[int]:
        return [
            index
            for index, branch in enumerate(node[keyword])
            if not _is_null(branch) and str(branch.get("$ref", "")).removeprefix(REF_PREFIX) not in self.fallbacks
        ]

    def described(self, path: SpecPath) -> SpecPath | None:
        """The node that describes the value at `path`: `$ref`s followed, a one-branch union entered."""
        for _ in range(64):  # a reference cycle is not a description
            node = node_at(self.spec, path)
            if not isinstance(node, dict):
                return None
            if "$ref" in node:
                target = _ref_path(str(node["$ref"]))
                if target is None:
                    return None
                path = target
                continue
            keyword = next((key for key in ("anyOf", "oneOf") if key in node), None)
            if keyword is None:
                return path
            branches = self._value_branches(node, keyword)
            if len(branches) != 1:
                return None
            path = (*path, keyword, str(branches[0]))
        return None

    def response_root(self, status: int, content_type: str) -> SpecPath | None:
        responses = self.spec["paths"][OPERATION_PATH][OPERATION_METHOD.lower()]["responses"]
        code = str(status) if str(status) in responses else f"{str(status)[0]}XX"
        media = content_type.split(";")[0].strip().lower()
        if media not in responses.get(code, {}).get("content", {}):
            return None
        return ("paths", OPERATION_PATH, OPERATION_METHOD.lower(), "responses", code, "content", media, "schema")

    def slot(self, root: SpecPath, pointer: str) -> SpecPath | None:
        """The spec node that holds the value at `pointer` (the property itself, not what it refers to)."""
        path = root
        for token in tokens(pointer):
            owner = self.described(path)
            if owner is None:
                return None
            node = node_at(self.spec, owner)
            if token in node.get("properties", {}):
                path = (*owner, "properties", token)
            elif token.isdigit() and isinstance(node.get("items"), dict):
                path = (*owner, "items")
            else:
                return None
        return path

    def owner(self, root: SpecPath, pointer: str) -> SpecPath | None:
        """The object schema that holds (or should hold) the last field of `pointer`."""
        parent = self.slot(root, pointer.rsplit("/", 1)[0])
        owner = None if parent is None else self.described(parent)
        if owner is None or "properties" not in node_at(self.spec, owner):
            return None
        return owner


def component_name(path: SpecPath) -> str | None:
    """The component a path is, when it is one (`components/schemas/<name>`)."""
    return path[2] if len(path) == 3 and path[:2] == ("components", "schemas") else None
