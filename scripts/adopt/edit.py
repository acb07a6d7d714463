"""Make a plan's edits in the round-trip document of openapi.yaml, keeping its comments, order and style."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from contract_tests.kit.strict_spec import REF_PREFIX
from scripts.adopt.infer import CannotInfer, infer, pascal
from scripts.adopt.locate import component_name, node_at
from scripts.adopt.plan import ENUM_VALUE, FIELD, MISSING, NULL, Edit, LeftOver, Plan


def round_trip() -> YAML:
    """The settings under which openapi.yaml reads and writes back byte for byte (a test holds it to that)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-fold a line the spec wrapped by hand
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(path: Path) -> Any:
    return round_trip().load(path.read_text())


def dumps(document: Any) -> str:
    out = io.StringIO()
    round_trip().dump(document, out)
    return out.getvalue()


class CannotEdit(ValueError):
    """The node is not of a shape this edit knows how to change."""


def _styled(value: Any) -> Any:
    """Plain data as the spec writes it: type lists in flow style, "null" and references quoted."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _styled(item) if key != "type" or not isinstance(item, list) else _type_list(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_styled(item) for item in value)
    if value == "null" or (isinstance(value, str) and value.startswith("#")):
        return DoubleQuotedScalarString(value)
    return value


def _type_list(types: list[str]) -> CommentedSeq:
    sequence = CommentedSeq(DoubleQuotedScalarString(name) if name == "null" else name for name in types)
    sequence.fa.set_flow_style()
    return sequence


def enum_varname(value: str) -> str:
    return "".join(char if char.isalnum() else "_" for char in value).strip("_").upper()


def _add_enum_value(node: Any, value: str) -> bool:
    if value in node["enum"]:
        return False
    node["enum"].append(value)
    if "x-enum-varnames" in node:
        node["x-enum-varnames"].append(enum_varname(value))
    return True


def _make_nullable(node: Any) -> bool:
    if "type" in node:
        declared = node["type"]
        if isinstance(declared, list):
            if "null" in declared:
                return False
            declared.append(DoubleQuotedScalarString("null"))
        else:
            node["type"] = _type_list([declared, "null"])
        return True
    for keyword in ("anyOf", "oneOf"):
        if keyword in node:
            if any(isinstance(branch, dict) and branch.get("type") == "null" for branch in node[keyword]):
                return False
            node[keyword].append(_styled({"type": "null"}))
            return True
    if "$ref" in node:
        reference = node.pop("$ref")
        node["anyOf"] = _styled([{"$ref": str(reference)}, {"type": "null"}])
        return True
    raise CannotEdit("the schema is neither typed, a reference nor a union")


def _make_optional(node: Any, name: str) -> bool:
    required = node.get("required", [])
    if name not in required:
        return False
    required.remove(name)
    return True


def _insert_after(schemas: Any, after: str | None, name: str, schema: Any) -> None:
    keys = list(schemas)
    position = keys.index(after) + 1 if after in keys else len(keys)
    schemas.insert(position, name, schema)


def _declare_field(spec: Any, edit: Edit, values: list[Any]) -> bool:
    owner = node_at(spec, edit.target)
    if edit.name in owner["properties"]:
        return False
    first = edit.sightings[0]
    note = f"Added by make adopt, first seen {first.seen_on} in recordings/{first.recording}."
    owner_name = component_name(edit.target) or "Object"
    schemas = spec["components"]["schemas"]
    inferred = infer(values, owner_name + pascal(edit.name), f"{owner_name}.{edit.name}", set(schemas))
    schema = {"description": note, **inferred.schema}
    own_component = str(inferred.schema.get("$ref", "")).removeprefix(REF_PREFIX)
    after = component_name(edit.target)
    for name, component in inferred.components.items():
        body = {"description": note, **component} if name == own_component else component
        _insert_after(schemas, after, name, _styled(body))
        after = name
    if own_component:
        schema = dict(inferred.schema)  # a reference stands alone; the component carries the description
    owner["properties"][edit.name] = _styled(schema)
    return True


def apply(spec: Any, plan: Plan) -> tuple[list[Edit], list[LeftOver]]:
    """Make each edit; return those that changed the spec, and those that could not be made."""
    made: list[Edit] = []
    refused: list[LeftOver] = []
    for edit in plan.edits:
        node = node_at(spec, edit.target)
        try:
            if edit.kind == ENUM_VALUE:
                changed = _add_enum_value(node, edit.name)
            elif edit.kind == NULL:
                changed = _make_nullable(node)
            elif edit.kind == MISSING:
                changed = _make_optional(node, edit.name)
            else:
                assert edit.kind == FIELD
                changed = _declare_field(spec, edit, plan.field_values.get((edit.target, edit.name), []))
        except (CannotEdit, CannotInfer) as error:
            refused.extend(
                LeftOver(sighting.recording, sighting.pointer, edit.kind, str(error)) for sighting in edit.sightings
            )
            continue
        if changed:
            made.append(edit)
    return made, refused
