"""Reduce a schema to what it allows, whatever OpenAPI version spelled it.

The published document is OpenAPI 3.0 and ours is 3.1, so the same rule is
often written differently. Each `Shape` is the meaning of one schema slot
with these spellings absorbed:

- 3.0 `nullable: true`, 3.1 `type: [X, "null"]`, `anyOf: [X, {type: "null"}]`
  and `null` inside `enum` are all "nullable";
  `type: object, enum: [null], nullable: true` is "null only" (`type: "null"`);
- `const: x` is `enum: [x]`; a missing `type` beside an enum is the type of
  its values;
- `allOf` is merged; `$ref`s are followed (3.0 ignores a `$ref`'s siblings,
  3.1 applies them as if in an `allOf`);
- anyOf/oneOf branches that are our open-enum fallback (`x-open-enum-fallback`)
  are dropped (the strict reading of our spec), and a union left with one
  branch is that branch;
- annotations (description, example(s), title, readOnly, writeOnly,
  deprecated, default, x-*) are not part of a Shape;
- keywords that cannot apply to the declared type (`uniqueItems` on an
  object, `maxLength` on an integer) are dropped, as validators ignore them;
- defaults spelled out (`uniqueItems: false`, `minLength: 0`) are dropped, and
  3.0's boolean `exclusiveMinimum` becomes 3.1's number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cloudflare_pages_client._runtime import json_pointer as pointer
from cloudflare_pages_client._runtime.shapes import json_type_name

OPEN_ENUM_FALLBACK = "x-open-enum-fallback"

# Keywords that describe rather than constrain; never compared.
ANNOTATIONS = frozenset(
    {"description", "example", "examples", "title", "readOnly", "writeOnly", "deprecated", "default", "$comment"}
    | {"externalDocs", "xml", "contentMediaType", "contentEncoding"}
)

STRING_KEYWORDS = ("maxLength", "minLength", "pattern")
NUMBER_KEYWORDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
ARRAY_KEYWORDS = ("maxItems", "minItems", "uniqueItems")
OBJECT_KEYWORDS = ("maxProperties", "minProperties")
CONSTRAINTS = STRING_KEYWORDS + NUMBER_KEYWORDS + ARRAY_KEYWORDS + OBJECT_KEYWORDS
# A keyword with this value says nothing: it is the default.
NO_OP_VALUES: dict[str, Any] = {"uniqueItems": False, "minLength": 0, "minItems": 0, "minProperties": 0}

MAX_HOPS = 64  # $ref and collapse steps per slot; more means a reference cycle


class SchemaError(ValueError):
    """A schema this tool cannot read (a reference cycle, a non-local $ref)."""


@dataclass(frozen=True)
class Slot:
    """A schema as written, and the pointer where it is written."""

    node: Any
    pointer: str


@dataclass(frozen=True)
class Variant:
    """One anyOf/oneOf branch: its slot (the branch itself, before its $ref) and a name."""

    slot: Slot
    name: str


@dataclass
class Shape:
    """The meaning of one schema slot."""

    slot: str  # where the schema is used
    pointer: str  # where its keywords live (a $ref's target; a collapsed union's branch)
    nullable: bool = False
    nullable_pointer: str = ""  # where the null is allowed, or the slot when it is not
    types: frozenset[str] | None = None  # non-null JSON types; None: any
    format: str | None = None
    enum: list[Any] | None = None  # allowed non-null values; None: not restricted
    enum_keyword: str = "enum"  # how the document spells it: "enum" or "const"
    constraints: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, Slot] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    additional: Slot | bool | None = None  # None: anything goes (absent or true)
    items: Slot | None = None
    variants: list[Variant] = field(default_factory=list)
    variant_keyword: str = "anyOf"
    discriminator: str | None = None


class Document:
    """One OpenAPI document, with the $ref rules of its version."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        # 3.0: "sibling values alongside a $ref SHALL be ignored"; 3.1 applies them.
        self.ref_siblings_apply = str(root.get("openapi", "3.0")).startswith("3.1")

    def follow(self, node: Any, where: str) -> tuple[Any, str]:
        """Follow `$ref`s to the schema they name, and that schema's pointer."""
        for _ in range(MAX_HOPS):
            if not isinstance(node, dict) or not isinstance(node.get("$ref"), str):
                return node, where
            siblings = {key: value for key, value in node.items() if key != "$ref" and _significant(key)}
            if self.ref_siblings_apply and siblings:
                # Only here does the pointer stay on the referencing node: its
                # own keywords are part of the meaning.
                return {"allOf": [{"$ref": node["$ref"]}, siblings]}, where
            try:
                target = pointer.ref_target(node["$ref"])
                node = pointer.resolve(self.root, target)
            except (KeyError, IndexError, TypeError, ValueError) as error:
                raise SchemaError(f"{where}/$ref: dangling or non-local reference {node['$ref']!r}") from error
            where = target
        raise SchemaError(f"reference cycle at {where}")

    def merge_all_of(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        """`node` with its allOf members merged in (properties and required united)."""
        members = node.get("allOf")
        if not isinstance(members, list):
            return node
        merged = {key: value for key, value in node.items() if key != "allOf"}
        for index, member in enumerate(members):
            target, target_where = self.follow(member, pointer.join(where, "allOf", index))
            if not isinstance(target, dict):
                continue
            target = self.merge_all_of(target, target_where)
            for key, value in target.items():
                if key == "properties" and isinstance(value, dict):
                    merged["properties"] = {**merged.get("properties", {}), **value}
                elif key == "required" and isinstance(value, list):
                    merged["required"] = list(dict.fromkeys([*merged.get("required", []), *value]))
                elif key == "type" and "type" in merged:
                    mine, theirs = _type_set(merged["type"]), _type_set(value)
                    merged["type"] = sorted(mine & theirs)
                else:
                    merged.setdefault(key, value)
        return merged

    def is_fallback(self, node: Any, where: str) -> bool:
        target, _ = self.follow(node, where)
        return isinstance(target, dict) and target.get(OPEN_ENUM_FALLBACK) is True


def _significant(key: str) -> bool:
    return key not in ANNOTATIONS and not key.startswith("x-")


def _type_set(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {item for item in value if isinstance(item, str)}
    return set()


def _is_null_only(node: Any) -> bool:
    """`{type: "null"}`, `{enum: [null]}` (3.0's "null only"), `{const: null}`."""
    if not isinstance(node, dict):
        return False
    if _type_set(node.get("type")) == {"null"}:
        return True
    if "const" in node and node["const"] is None:
        return True
    enum = node.get("enum")
    return isinstance(enum, list) and len(enum) > 0 and all(value is None for value in enum)


def variant_name(branch: Any, keyword: str, index: int) -> str:
    """A branch's name: the component it references, else its position."""
    if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
        return str(branch["$ref"]).rsplit("/", 1)[-1]
    return f"{keyword}/{index}"


def normalise(document: Document, node: Any, slot: str) -> Shape:
    """The Shape of the schema `node` written at `slot` in `document`."""
    nullable_at: str | None = None
    where = slot
    kept: list[Variant] = []
    keyword = "anyOf"
    for _ in range(MAX_HOPS):
        node, where = document.follow(node, where)
        if not isinstance(node, dict):
            node = {}  # a boolean schema; `true` is the only one these documents use
        node = document.merge_all_of(node, where)
        if node.get("nullable") is True:
            nullable_at = nullable_at or where
        keyword = "oneOf" if "oneOf" in node else "anyOf"
        branches = node.get(keyword)
        if not isinstance(branches, list):
            kept = []
            break
        kept = []
        for index, branch in enumerate(branches):
            branch_where = pointer.join(where, keyword, index)
            if document.is_fallback(branch, branch_where):
                continue
            if _is_null_only(document.follow(branch, branch_where)[0]):
                nullable_at = nullable_at or where
                continue
            kept.append(Variant(Slot(branch, branch_where), variant_name(branch, keyword, index)))
        others = {key for key in node if _significant(key)} - {"anyOf", "oneOf", "nullable", "discriminator"}
        if len(kept) == 1 and not others and "discriminator" not in node:
            node, where = kept[0].slot.node, kept[0].slot.pointer
            continue
        break
    else:
        raise SchemaError(f"too many references or unions at {slot}")

    shape = Shape(slot=slot, pointer=where, variants=kept, variant_keyword=keyword)

    types: set[str] | None = _type_set(node["type"]) if "type" in node else None
    if types is not None and "null" in types:
        nullable_at = nullable_at or where
        types.discard("null")

    enum: list[Any] | None = None
    if "const" in node:
        enum, shape.enum_keyword = [node["const"]], "const"
    elif isinstance(node.get("enum"), list):
        enum = list(node["enum"])
    if enum is not None and None in enum:
        nullable_at = nullable_at or where
        enum = [value for value in enum if value is not None]
        if not enum:
            types, enum = set(), None  # null only
    if types is None and enum:
        types = {json_type_name(value) for value in enum}
    if types is None and not kept:
        if any(key in node for key in ("properties", "required", "additionalProperties")):
            types = {"object"}
        elif "items" in node:
            types = {"array"}

    # A union is nullable when a branch is, and has the types of its branches.
    if kept:
        branch_shapes = [normalise(document, variant.slot.node, variant.slot.pointer) for variant in kept]
        if any(branch.nullable for branch in branch_shapes):
            nullable_at = nullable_at or where
        if types is None and all(branch.types is not None for branch in branch_shapes):
            types = set().union(*(branch.types or frozenset() for branch in branch_shapes))

    shape.nullable = nullable_at is not None
    shape.nullable_pointer = nullable_at or slot
    shape.types = frozenset(types) if types is not None else None
    shape.enum = enum
    shape.format = node.get("format") if isinstance(node.get("format"), str) else None

    def applies(kind: str) -> bool:
        return types is None or kind in types or (kind == "number" and "integer" in types)

    constraints = {key: node[key] for key in CONSTRAINTS if key in node and node[key] != NO_OP_VALUES.get(key, ...)}
    for key in ("exclusiveMinimum", "exclusiveMaximum"):
        if isinstance(constraints.get(key), bool):  # 3.0: a flag on minimum/maximum
            bound = "minimum" if key == "exclusiveMinimum" else "maximum"
            flag = constraints.pop(key)
            if flag and bound in constraints:
                constraints[key] = constraints.pop(bound)
    for kind, keys in (("string", STRING_KEYWORDS), ("number", NUMBER_KEYWORDS), ("array", ARRAY_KEYWORDS)):
        if not applies(kind):
            for key in keys:
                constraints.pop(key, None)
    if not applies("object"):
        for key in OBJECT_KEYWORDS:
            constraints.pop(key, None)
    shape.constraints = constraints

    if applies("object"):
        properties = node.get("properties")
        if isinstance(properties, dict):
            shape.properties = {
                name: Slot(value, pointer.join(where, "properties", name)) for name, value in properties.items()
            }
        required = node.get("required")
        if isinstance(required, list):
            shape.required = frozenset(name for name in required if isinstance(name, str))
        additional = node.get("additionalProperties")
        if isinstance(additional, dict):
            shape.additional = Slot(additional, pointer.join(where, "additionalProperties"))
        elif additional is False:
            shape.additional = False
    if applies("array") and "items" in node:
        shape.items = Slot(node["items"], pointer.join(where, "items"))
    discriminator = node.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
        shape.discriminator = discriminator["propertyName"]
    return shape
