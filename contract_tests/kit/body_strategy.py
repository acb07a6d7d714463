"""Hypothesis strategies for bodies that the curated spec allows, for the round-trip property.

hypothesis-jsonschema does not work with current hypothesis releases, and
schemathesis' own generator makes about 8 bodies a second for this schema,
too slow for a few hundred per run in a suite that must stay under a minute.
So this covers exactly the JSON Schema keywords our spec uses ($ref, type and
type lists, const, enum, anyOf/oneOf, properties/required,
additionalProperties, items, format date-time, minimum) and fails loudly on
any other, so a new construct in the spec cannot be skipped silently.
Objects without `additionalProperties: false` also get unknown keys, and the
open enums unknown strings: the tolerance the client promises is exercised.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

ANNOTATIONS = {"description", "example", "examples", "title", "deprecated", "readOnly", "format", "default"}
HANDLED = {"$ref", "type", "const", "enum", "anyOf", "oneOf", "properties", "required", "additionalProperties",
           "items", "minimum", "maxLength", "pattern"}  # fmt: skip


class UnsupportedSchema(ValueError):
    """The spec uses a keyword this strategy does not generate: extend it rather than skip it."""


JSON_SCALARS = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=12)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


@st.composite
def rfc3339(draw: st.DrawFn) -> str:
    """Timestamps as Cloudflare writes them: 0 to 6 fraction digits, `Z` or an offset."""
    moment = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
    digits = draw(st.integers(0, 6))
    fraction = f".{moment.microsecond:06d}"[: digits + 1] if digits else ""
    offset = draw(st.sampled_from(["Z", "+00:00", "+05:30", "-08:00"]))
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + fraction + offset


def instant(text: str) -> datetime:
    parsed = datetime.fromisoformat(text)
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=timezone(timedelta(0)))


class BodyStrategies:
    def __init__(self, spec: dict[str, Any]) -> None:
        self._schemas: dict[str, Any] = spec["components"]["schemas"]
        self._cache: dict[str, st.SearchStrategy[Any]] = {}

    def for_component(self, name: str) -> st.SearchStrategy[Any]:
        if name not in self._cache:
            self._cache[name] = st.deferred(lambda: self.for_schema(self._schemas[name]))
        return self._cache[name]

    def for_schema(self, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        unknown = set(schema) - HANDLED - ANNOTATIONS - {key for key in schema if key.startswith("x-")}
        if unknown:
            raise UnsupportedSchema(f"no strategy for {sorted(unknown)} in {schema}")
        if "$ref" in schema:
            return self.for_component(schema["$ref"].rsplit("/", 1)[-1])
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                return st.one_of([self.for_schema(branch) for branch in schema[keyword]])
        types = schema.get("type")
        if isinstance(types, list):
            return st.one_of([self.for_schema({**schema, "type": kind}) for kind in types])
        return self._for_type(types, schema)

    def _for_type(self, kind: str | None, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            return st.integers(min_value=schema.get("minimum", -(2**53)), max_value=2**53)
        if kind == "number":  # a number make adopt inferred from the values seen, e.g. 29.5
            return st.floats(allow_nan=False, allow_infinity=False)
        if kind == "string":
            if schema.get("format") == "date-time":
                return rfc3339()
            return st.text(max_size=schema.get("maxLength", 24))
        if kind == "array":
            return st.lists(self.for_schema(schema.get("items", {})), max_size=4)
        if kind == "object" or "properties" in schema:
            return self._object(schema)
        raise UnsupportedSchema(f"no strategy for type {kind!r} in {schema}")

    def _object(self, schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        properties: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        extra = schema.get("additionalProperties")
        fixed = {name: self.for_schema(sub) for name, sub in properties.items() if name in required}
        optional = {name: self.for_schema(sub) for name, sub in properties.items() if name not in required}
        if isinstance(extra, dict):
            # A map (EnvVars): keys are the data.
            return st.dictionaries(st.text(min_size=1, max_size=10), self.for_schema(extra), max_size=4)
        body = st.fixed_dictionaries(fixed, optional=optional)
        if extra is False:
            return body
        unknown_keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10).filter(
            lambda key: key not in properties
        )
        return st.tuples(body, st.dictionaries(unknown_keys, JSON_VALUES, max_size=2)).map(
            lambda pair: {**pair[1], **pair[0]}
        )
