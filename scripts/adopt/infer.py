"""A schema for a field the spec does not declare, inferred from every value seen of it.

Only what every value shows is claimed: the JSON types seen (integer and
number together are number), null when a null was seen, and for an object
with fields a named component whose fields are all optional (a field absent
from some replies is not known to be required). What cannot be told from the
values (only nulls, only empty arrays, an object or array beside another type)
raises CannotInfer, and adopt leaves the field for a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cloudflare_pages_client._runtime.shapes import json_type_name
from contract_tests.kit.strict_spec import REF_PREFIX


class CannotInfer(ValueError):
    """The values seen do not say what the schema is."""


@dataclass
class Inferred:
    """The property's schema and the components it needs, in the order they should be written."""

    schema: dict[str, Any]
    components: dict[str, dict[str, Any]] = field(default_factory=dict)


def pascal(key: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in key.replace("-", "_").split("_") if part)


class Inference:
    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)
        self.components: dict[str, dict[str, Any]] = {}

    def _name(self, wanted: str) -> str:
        name, number = wanted, 2
        while name in self.taken:
            name, number = f"{wanted}{number}", number + 1
        self.taken.add(name)
        return name

    def schema(self, values: list[Any], name: str, where: str) -> dict[str, Any]:
        types = {json_type_name(value) for value in values}
        nullable = "null" in types
        types.discard("null")
        if {"integer", "number"} <= types:
            types.discard("integer")
        if not types:
            raise CannotInfer(f"{where}: only null seen, the type is unknown")
        if len(types) > 1 and types & {"object", "array"}:
            raise CannotInfer(f"{where}: an object or array beside other types ({', '.join(sorted(types))})")
        if types == {"object"}:
            return self._object([value for value in values if isinstance(value, dict)], name, where, nullable)
        if types == {"array"}:
            items = [item for value in values if isinstance(value, list) for item in value]
            if not items:
                raise CannotInfer(f"{where}: only empty arrays seen, the item type is unknown")
            array: dict[str, Any] = {"type": ["array", "null"] if nullable else "array"}
            array["items"] = self.schema(items, name + "Item", f"{where}[]")
            return array
        ordered = sorted(types)
        if nullable:
            return {"type": [*ordered, "null"]}
        return {"type": ordered[0] if len(ordered) == 1 else ordered}

    def _object(self, objects: list[dict[str, Any]], name: str, where: str, nullable: bool) -> dict[str, Any]:
        keys = list(dict.fromkeys(key for value in objects for key in value))
        if not keys:
            return {"type": ["object", "null"] if nullable else "object"}
        component_name = self._name(name)
        properties = {
            key: self.schema(
                [value[key] for value in objects if key in value], component_name + pascal(key), f"{where}.{key}"
            )
            for key in keys
        }
        self.components[component_name] = {"type": "object", "properties": properties}
        reference = {"$ref": REF_PREFIX + component_name}
        return {"anyOf": [reference, {"type": "null"}]} if nullable else reference


def infer(values: list[Any], name: str, where: str, taken: set[str]) -> Inferred:
    """The schema of a field seen with `values`; a new object component is called `name` (made unique)."""
    inference = Inference(taken)
    schema = inference.schema(values, name, where)
    # Nested components were finished first; the field's own component reads best first.
    components = dict(reversed(list(inference.components.items())))
    return Inferred(schema, components)
