"""A tiny curated spec (OpenAPI 3.1) and the published document it was curated from (3.0).

They say the same thing in each version's spelling, so they compare equal;
each test changes one thing on one side. Written for these tests, independent
of the real openapi/openapi.yaml.
"""

from __future__ import annotations

from typing import Any

from cloudflare_pages_client._runtime import json_pointer as pointer
from scripts.upstream.slicing import METHOD, PATH

OPERATION = pointer.join("/paths", PATH, METHOD)


def _document(version: str, operation: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "test", "version": "1"},
        "paths": {PATH: {METHOD: operation}},
        "components": components,
    }


def _json(schema_ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": schema_ref}}}


def ours() -> dict[str, Any]:
    operation = {
        "parameters": [{"$ref": "#/components/parameters/ThingId"}],
        "security": [{"token": []}],
        "responses": {
            "200": {"description": "ok", "content": _json("#/components/schemas/Thing")},
            "4XX": {"description": "error", "content": _json("#/components/schemas/Error")},
        },
    }
    schemas = {
        "Thing": {
            "type": "object",
            "required": ["id", "status"],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "status": {
                    "anyOf": [{"$ref": "#/components/schemas/Status"}, {"$ref": "#/components/schemas/Unknown"}]
                },
                "note": {"type": ["string", "null"]},
                "ok": {"const": True},
                "pet": {
                    "anyOf": [
                        {"$ref": "#/components/schemas/Cat"},
                        {"$ref": "#/components/schemas/Dog"},
                        {"type": "null"},
                    ]
                },
            },
        },
        "Status": {"type": "string", "enum": ["ready", "failed"]},
        "Unknown": {"type": "string", "x-open-enum-fallback": True},
        "Cat": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"const": "cat"}, "meows": {"type": "boolean"}},
        },
        "Dog": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"const": "dog"}, "barks": {"type": "boolean"}},
        },
        "Error": {
            "type": "object",
            "properties": {
                "result": {"type": "null"},
                "errors": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"code": {"type": "integer", "minimum": 1000}}},
                },
            },
        },
    }
    components = {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "parameters": {
            "ThingId": {
                "name": "deployment_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "maxLength": 36},
            }
        },
        "schemas": schemas,
    }
    return _document("3.1.0", operation, components)


def upstream() -> dict[str, Any]:
    operation = {
        "operationId": "a-different-id",
        "tags": ["Not compared"],
        "parameters": [
            {"name": "deployment_id", "in": "path", "required": True, "schema": {"$ref": "#/components/schemas/up_id"}}
        ],
        "security": [{"token": []}],
        "responses": {
            "200": {"description": "ok", "content": _json("#/components/schemas/up_thing")},
            "4XX": {"description": "error", "content": _json("#/components/schemas/up_error")},
        },
    }
    schemas = {
        "up_thing": {
            "type": "object",
            "required": ["id", "status"],
            "properties": {
                "id": {
                    "description": "annotations are not compared",
                    "type": "string",
                    "format": "uuid",
                    "example": "x",
                    "readOnly": True,
                    "x-auditable": True,
                },
                "status": {"type": "string", "enum": ["ready", "failed"]},
                "note": {"type": "string", "nullable": True},
                "ok": {"type": "boolean", "enum": [True]},
                "pet": {
                    "type": "object",
                    "nullable": True,
                    "anyOf": [{"$ref": "#/components/schemas/up_cat"}, {"$ref": "#/components/schemas/up_dog"}],
                },
            },
        },
        "up_animal": {"type": "object", "required": ["kind"]},
        "up_cat": {
            "allOf": [
                {"$ref": "#/components/schemas/up_animal"},
                {"properties": {"kind": {"type": "string", "enum": ["cat"]}, "meows": {"type": "boolean"}}},
            ]
        },
        "up_dog": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"type": "string", "enum": ["dog"]}, "barks": {"type": "boolean"}},
        },
        "up_error": {
            "type": "object",
            "properties": {
                "result": {"type": "object", "enum": [None], "nullable": True},
                # 3.0 ignores a $ref's siblings: this minLength means nothing.
                "errors": {"$ref": "#/components/schemas/up_messages", "minLength": 1},
            },
        },
        "up_messages": {
            "type": "array",
            # uniqueItems on an object applies to nothing.
            "items": {
                "type": "object",
                "uniqueItems": True,
                "properties": {"code": {"type": "integer", "minimum": 1000}},
            },
        },
        "up_id": {"type": "string", "maxLength": 36},
    }
    components = {"securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}, "schemas": schemas}
    return _document("3.0.3", operation, components)
