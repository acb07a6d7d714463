"""Make a live exchange safe to commit.

What goes: the token and API key wherever they appear (they should appear
nowhere, but a body may echo anything); the account id, replaced by a stable
placeholder; every value the spec marks `x-sensitive: true` (the analytics
token, secret env var values). Everything else stays as Cloudflare sent it.
"""

from __future__ import annotations

import json
from typing import Any

from contract_tests.kit.recordings import ACCOUNT_PLACEHOLDER
from contract_tests.kit.spec import document

REDACTED = "REDACTED"
KEPT_HEADERS = ("content-type", "retry-after", "cf-ray")


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document()["components"]["schemas"][name]
    return schema


def _branches(schema: dict[str, Any], value: Any) -> list[dict[str, Any]]:
    """The object schemas among a schema's anyOf/oneOf that could describe `value`."""
    schema = _resolve(schema)
    options = schema.get("anyOf") or schema.get("oneOf")
    if not options:
        return [schema]
    found = []
    for option in options:
        option = _resolve(option)
        discriminator = option.get("properties", {}).get("type", {}).get("const")
        if isinstance(value, dict) and discriminator is not None and value.get("type") != discriminator:
            continue
        found.append(option)
    return found


def redact_sensitive(value: Any, schema: dict[str, Any]) -> Any:
    """`value` with every property that `schema` marks x-sensitive replaced (when it is a non-empty string)."""
    if isinstance(value, dict):
        result = dict(value)
        for branch in _branches(schema, value):
            properties = branch.get("properties", {})
            for key, item in value.items():
                if key in properties:
                    child = _resolve(properties[key])
                    if child.get("x-sensitive") and isinstance(item, str) and item:
                        result[key] = REDACTED
                    else:
                        result[key] = redact_sensitive(result[key], properties[key])
                elif isinstance(branch.get("additionalProperties"), dict):
                    result[key] = redact_sensitive(result[key], branch["additionalProperties"])
        return result
    if isinstance(value, list):
        for branch in _branches(schema, value):
            if "items" in branch:
                return [redact_sensitive(item, branch["items"]) for item in value]
    return value


def _replace_everywhere(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {_replace_everywhere(k, old, new): _replace_everywhere(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_everywhere(item, old, new) for item in value]
    return value


def redact_exchange(exchange: dict[str, Any], *, account_id: str, secrets: tuple[str, ...]) -> dict[str, Any]:
    """A recording-shaped exchange, safe to write: see the module docstring."""
    response = exchange["response"]
    headers = {name: value for name, value in response["headers"].items() if name in KEPT_HEADERS}
    response = {**response, "headers": headers}
    if "body" in response and response["status"] == 200:
        envelope = {"$ref": "#/components/schemas/DeploymentEnvelope"}
        response["body"] = redact_sensitive(response["body"], envelope)
    redacted: dict[str, Any] = {**exchange, "response": response}
    for secret in secrets:
        redacted = _replace_everywhere(redacted, secret, REDACTED)
    redacted = _replace_everywhere(redacted, account_id, ACCOUNT_PLACEHOLDER)
    # Belt and braces: nothing may survive, in any spelling json would write.
    text = json.dumps(redacted)
    for secret in secrets:
        if secret in text:
            raise AssertionError("a credential survived redaction")
    return redacted
