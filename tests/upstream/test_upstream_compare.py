"""Each kind of difference, found at the right pointer on small documents."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from scripts.upstream.compare import compare_documents
from scripts.upstream.vocabulary import Change
from tests.support.minimal_docs import OPERATION, ours, upstream

Docs = dict[str, Any]
Key = tuple[str, str, str | None]

THING = "/components/schemas/Thing"
UP_THING = "/components/schemas/up_thing"


def keys(ours_doc: Docs, upstream_doc: Docs) -> list[Key]:
    return [difference.key for difference in compare_documents(ours_doc, upstream_doc)]


def test_the_minimal_documents_say_the_same_thing() -> None:
    # 3.0 nullable, enum [x], "null only", allOf, $ref siblings, annotations,
    # a misplaced uniqueItems and the open-enum fallback all absorbed.
    assert compare_documents(ours(), upstream()) == []


def _schemas(doc: Docs) -> dict[str, Any]:
    schemas: dict[str, Any] = doc["components"]["schemas"]
    return schemas


def _operation(doc: Docs) -> dict[str, Any]:
    operation: dict[str, Any] = next(iter(doc["paths"].values()))["get"]
    return operation


def property_added(o: Docs, u: Docs) -> None:
    _schemas(o)["Thing"]["properties"]["extra"] = {"type": "string"}


def property_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["size"] = {"type": "integer"}


def required_added(o: Docs, u: Docs) -> None:
    _schemas(o)["Thing"]["required"].append("note")


def required_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["required"].append("note")


def parameter_required_added(o: Docs, u: Docs) -> None:
    _operation(u)["parameters"][0]["required"] = False


def nullable_added(o: Docs, u: Docs) -> None:
    del _schemas(u)["up_thing"]["properties"]["note"]["nullable"]


def nullable_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["id"]["nullable"] = True


def union_nullable_added(o: Docs, u: Docs) -> None:
    del _schemas(u)["up_thing"]["properties"]["pet"]["nullable"]


def type_changed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["id"]["type"] = "integer"


def format_changed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["id"]["format"] = "date-time"


def enum_value_added(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["status"]["enum"] = ["ready"]


def enum_value_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["status"]["enum"].append("queued")


def const_value_changed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["ok"]["enum"] = [False]


def constraint_added(o: Docs, u: Docs) -> None:
    o["components"]["parameters"]["ThingId"]["schema"]["pattern"] = "^[0-9a-f-]{36}$"


def constraint_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_id"]["minLength"] = 36


def constraint_changed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_id"]["maxLength"] = 32


def enum_constraint_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["id"]["enum"] = ["a", "b"]


def variant_added(o: Docs, u: Docs) -> None:
    _schemas(o)["Thing"]["properties"]["pet"]["anyOf"].insert(2, {"$ref": "#/components/schemas/Bird"})
    _schemas(o)["Bird"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": "bird"}, "wings": {"type": "integer"}},
    }


def variant_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["pet"]["anyOf"].append({"$ref": "#/components/schemas/up_bird"})
    _schemas(u)["up_bird"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": ["bird"]}, "wings": {"type": "integer"}},
    }


def discriminator_removed(o: Docs, u: Docs) -> None:
    _schemas(u)["up_thing"]["properties"]["pet"]["discriminator"] = {"propertyName": "kind"}


def discriminator_added(o: Docs, u: Docs) -> None:
    _schemas(o)["Thing"]["properties"]["pet"]["discriminator"] = {"propertyName": "kind"}


def parameter_added(o: Docs, u: Docs) -> None:
    _operation(o)["parameters"].append({"$ref": "#/components/parameters/Verbose"})
    o["components"]["parameters"]["Verbose"] = {"name": "verbose", "in": "query", "schema": {"type": "boolean"}}


def parameter_removed(o: Docs, u: Docs) -> None:
    _operation(u)["parameters"].append({"name": "cursor", "in": "query", "schema": {"type": "string"}})


def response_added(o: Docs, u: Docs) -> None:
    _operation(o)["responses"]["429"] = {"description": "slow down"}


def response_removed(o: Docs, u: Docs) -> None:
    _operation(u)["responses"]["404"] = {"description": "not found"}


def media_type_added(o: Docs, u: Docs) -> None:
    _operation(o)["responses"]["4XX"]["content"]["text/html"] = {"schema": {"type": "string"}}


def media_type_removed(o: Docs, u: Docs) -> None:
    _operation(u)["responses"]["200"]["content"]["application/xml"] = {"schema": {"type": "string"}}


def security_scheme_added(o: Docs, u: Docs) -> None:
    o["components"]["securitySchemes"]["key"] = {"type": "apiKey", "in": "header", "name": "X-Auth-Key"}
    _operation(o)["security"].append({"key": []})


def security_scheme_removed(o: Docs, u: Docs) -> None:
    u["components"]["securitySchemes"]["up_key"] = {"type": "apiKey", "in": "header", "name": "X-Auth-Key"}
    _operation(u)["security"].append({"up_key": []})


CASES: list[tuple[Callable[[Docs, Docs], None], list[Key]]] = [
    (property_added, [(f"{THING}/properties/extra", "property-added", "extra")]),
    (property_removed, [(f"{THING}/properties/size", "property-removed", "size")]),
    (required_added, [(f"{THING}/required", "required-added", "note")]),
    (required_removed, [(f"{THING}/required", "required-removed", "note")]),
    (parameter_required_added, [("/components/parameters/ThingId/required", "required-added", "deployment_id")]),
    (nullable_added, [(f"{THING}/properties/note", "nullable-added", None)]),
    (nullable_removed, [(f"{THING}/properties/id", "nullable-removed", None)]),
    (union_nullable_added, [(f"{THING}/properties/pet", "nullable-added", None)]),
    (type_changed, [(f"{THING}/properties/id", "type-changed", None)]),
    (format_changed, [(f"{THING}/properties/id", "format-changed", None)]),
    (enum_value_added, [("/components/schemas/Status/enum", "enum-value-added", "failed")]),
    (enum_value_removed, [("/components/schemas/Status/enum", "enum-value-removed", "queued")]),
    (
        const_value_changed,
        [
            (f"{THING}/properties/ok/const", "enum-value-added", "true"),
            (f"{THING}/properties/ok/const", "enum-value-removed", "false"),
        ],
    ),
    (constraint_added, [("/components/parameters/ThingId/schema", "constraint-added", "pattern")]),
    (constraint_removed, [("/components/parameters/ThingId/schema", "constraint-removed", "minLength")]),
    (constraint_changed, [("/components/parameters/ThingId/schema", "constraint-changed", "maxLength")]),
    (enum_constraint_removed, [(f"{THING}/properties/id", "constraint-removed", "enum")]),
    (variant_added, [(f"{THING}/properties/pet/anyOf/2", "variant-added", "Bird")]),
    (variant_removed, [(f"{THING}/properties/pet/anyOf", "variant-removed", "up_bird")]),
    (discriminator_removed, [(f"{THING}/properties/pet", "discriminator-removed", "kind")]),
    (discriminator_added, [(f"{THING}/properties/pet", "discriminator-added", "kind")]),
    (parameter_added, [("/components/parameters/Verbose", "parameter-added", "verbose")]),
    (parameter_removed, [(f"{OPERATION}/parameters", "parameter-removed", "cursor")]),
    (response_added, [(f"{OPERATION}/responses/429", "response-added", "429")]),
    (response_removed, [(f"{OPERATION}/responses/404", "response-removed", "404")]),
    (media_type_added, [(f"{OPERATION}/responses/4XX/content/text~1html", "media-type-added", "text/html")]),
    (
        media_type_removed,
        [(f"{OPERATION}/responses/200/content/application~1xml", "media-type-removed", "application/xml")],
    ),
    (security_scheme_added, [("/components/securitySchemes/key", "security-scheme-added", "key")]),
    (security_scheme_removed, [("/components/securitySchemes/up_key", "security-scheme-removed", "up_key")]),
]


@pytest.mark.parametrize(("mutate", "expected"), CASES, ids=[case[0].__name__ for case in CASES])
def test_each_kind_of_difference_is_found_where_it_lives(
    mutate: Callable[[Docs, Docs], None], expected: list[Key]
) -> None:
    ours_doc, upstream_doc = ours(), upstream()
    mutate(ours_doc, upstream_doc)
    assert keys(ours_doc, upstream_doc) == expected


def test_every_change_kind_has_a_case() -> None:
    covered = {key[1] for _, expected in CASES for key in expected}
    assert covered == set(Change)


def test_a_difference_carries_the_upstream_pointer_and_both_values() -> None:
    ours_doc, upstream_doc = ours(), upstream()
    constraint_changed(ours_doc, upstream_doc)
    [difference] = compare_documents(ours_doc, upstream_doc)
    assert difference.upstream_pointer == "/components/schemas/up_id"
    assert (difference.upstream, difference.ours) == (32, 36)


def test_a_type_change_reports_both_types() -> None:
    ours_doc, upstream_doc = ours(), upstream()
    type_changed(ours_doc, upstream_doc)
    [difference] = compare_documents(ours_doc, upstream_doc)
    assert (difference.upstream_pointer, difference.upstream, difference.ours) == (
        f"{UP_THING}/properties/id",
        ["integer"],
        ["string"],
    )


def test_a_schema_used_twice_is_reported_once() -> None:
    ours_doc, upstream_doc = ours(), upstream()
    _schemas(ours_doc)["Thing"]["properties"]["again"] = {"$ref": "#/components/schemas/Status"}
    _schemas(upstream_doc)["up_thing"]["properties"]["again"] = {"type": "string", "enum": ["ready", "failed", "x"]}
    _schemas(upstream_doc)["up_thing"]["properties"]["status"]["enum"].append("x")
    assert keys(ours_doc, upstream_doc) == [("/components/schemas/Status/enum", "enum-value-removed", "x")]
