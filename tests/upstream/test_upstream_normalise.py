"""Spelling-only differences between OpenAPI 3.0 and 3.1 compare equal; meaning does not."""

from __future__ import annotations

from typing import Any

import pytest

from scripts.upstream.compare import compare_documents
from scripts.upstream.normalise import Document, normalise
from scripts.upstream.slicing import METHOD, PATH
from tests.support.minimal_docs import OPERATION

SCHEMA_AT = f"{OPERATION}/responses/200/content/application~1json/schema"


def _document(version: str, schema: Any, schemas: dict[str, Any] | None) -> dict[str, Any]:
    responses = {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {PATH: {METHOD: {"responses": responses}}},
        "components": {"schemas": schemas or {}},
    }


def diff(
    ours: Any, upstream: Any, ours_schemas: dict[str, Any] | None = None, up_schemas: dict[str, Any] | None = None
) -> list[tuple[str, str, str | None]]:
    differences = compare_documents(_document("3.1.0", ours, ours_schemas), _document("3.0.3", upstream, up_schemas))
    return [difference.key for difference in differences]


STRING = {"type": "string"}

SAME_MEANING = {
    "3.0 nullable is a 3.1 type list": ({"type": ["string", "null"]}, {"type": "string", "nullable": True}),
    "3.0 nullable is an anyOf with null": (
        {"anyOf": [STRING, {"type": "null"}]},
        {"type": "string", "nullable": True},
    ),
    "enum [true] is const true": ({"const": True}, {"type": "boolean", "enum": [True]}),
    "a one-value enum is const": ({"const": "plain_text"}, {"type": "string", "enum": ["plain_text"]}),
    "null in an enum is nullable": (
        {"type": ["string", "null"], "enum": ["a", "b"]},
        {"type": "string", "enum": ["a", "b", None]},
    ),
    "3.0 null only is type null": ({"type": "null"}, {"type": "object", "enum": [None], "nullable": True}),
    "allOf is merged": (
        {"type": "object", "required": ["a", "b"], "properties": {"a": STRING, "b": {"type": "integer"}}},
        {
            "allOf": [
                {"type": "object", "required": ["a"], "properties": {"a": STRING}},
                {"required": ["b"], "properties": {"b": {"type": "integer"}}},
            ]
        },
    ),
    "annotations are ignored": (
        STRING,
        {
            "type": "string",
            "description": "d",
            "title": "t",
            "example": "e",
            "readOnly": True,
            "deprecated": True,
            "default": "x",
            "x-auditable": True,
        },
    ),
    "keywords for another type are ignored": (
        {"type": "object"},
        {"type": "object", "uniqueItems": True, "maxLength": 3, "minimum": 1},
    ),
    "defaults spelled out are ignored": ({"type": "array"}, {"type": "array", "uniqueItems": False, "minItems": 0}),
    "3.0 boolean exclusiveMinimum is a number": (
        {"type": "integer", "exclusiveMinimum": 0},
        {"type": "integer", "minimum": 0, "exclusiveMinimum": True},
    ),
    "key order is not a difference": (
        {"properties": {"b": STRING, "a": STRING}, "type": "object", "required": ["b", "a"]},
        {"type": "object", "required": ["a", "b"], "properties": {"a": STRING, "b": STRING}},
    ),
    "a union's null may sit on its branches": (
        {"anyOf": [{"type": "object", "properties": {"k": {"const": "x"}}}, {"type": "null"}]},
        {"anyOf": [{"type": "object", "nullable": True, "properties": {"k": {"type": "string", "enum": ["x"]}}}]},
    ),
}


@pytest.mark.parametrize(("ours", "upstream"), SAME_MEANING.values(), ids=SAME_MEANING.keys())
def test_spellings_of_the_same_schema_compare_equal(ours: Any, upstream: Any) -> None:
    assert diff(ours, upstream) == []


def test_siblings_of_a_3_0_ref_are_ignored() -> None:
    up_schemas = {"up_messages": {"type": "array", "items": STRING}}
    upstream = {"$ref": "#/components/schemas/up_messages", "minLength": 1, "example": []}
    assert diff({"type": "array", "items": STRING}, upstream, up_schemas=up_schemas) == []


def test_siblings_of_a_3_1_ref_apply() -> None:
    ours_schemas = {"Name": STRING}
    ours = {"$ref": "#/components/schemas/Name", "maxLength": 5}
    assert diff(ours, STRING, ours_schemas=ours_schemas) == [(SCHEMA_AT, "constraint-added", "maxLength")]


def test_open_enum_fallback_is_dropped_and_the_union_collapses() -> None:
    ours_schemas = {
        "Colour": {"type": "string", "enum": ["red", "blue"]},
        "Unknown": {"type": "string", "x-open-enum-fallback": True},
    }
    ours = {"anyOf": [{"$ref": "#/components/schemas/Colour"}, {"$ref": "#/components/schemas/Unknown"}]}
    assert diff(ours, {"type": "string", "enum": ["red", "blue"]}, ours_schemas=ours_schemas) == []
    assert diff(ours, {"type": "string", "enum": ["red"]}, ours_schemas=ours_schemas) == [
        ("/components/schemas/Colour/enum", "enum-value-added", "blue")
    ]


def test_a_plain_string_is_not_an_open_enum() -> None:
    # Only the marked fallback is dropped: a plain `type: string` branch stays.
    ours = {"anyOf": [{"type": "string", "enum": ["red"]}, STRING]}
    assert diff(ours, {"type": "string", "enum": ["red"]}) == [(f"{SCHEMA_AT}/anyOf/1", "variant-added", "anyOf/1")]


def test_nullability_is_where_it_is_declared() -> None:
    ours_doc = _document("3.1.0", {"$ref": "#/components/schemas/Maybe"}, {"Maybe": {"type": ["string", "null"]}})
    shape = normalise(Document(ours_doc), {"$ref": "#/components/schemas/Maybe"}, SCHEMA_AT)
    assert (shape.nullable, shape.nullable_pointer, shape.pointer) == (
        True,
        "/components/schemas/Maybe",
        "/components/schemas/Maybe",
    )
    assert shape.types == frozenset({"string"})


def test_real_differences_survive_normalisation() -> None:
    assert diff({"type": "string"}, {"type": "string", "nullable": True}) == [(SCHEMA_AT, "nullable-removed", None)]
    assert diff({"const": True}, {"type": "boolean"}) == [(SCHEMA_AT, "constraint-added", "enum")]
    assert diff({"type": "integer"}, {"type": "number"}) == [(SCHEMA_AT, "type-changed", None)]
