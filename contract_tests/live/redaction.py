"""Make a live exchange safe to commit, and safe to check: every message of the live run is built from it.

What goes:
- every configured credential (token, API key, email) wherever it appears (it should appear nowhere, but a
  body may echo anything), and the account id, replaced by a stable placeholder;
- every value the spec marks `x-sensitive: true` (the analytics token, secret env var values);
- in a union told apart by its `type` const (the env vars), every string but `type` itself unless the
  `type` names a branch with nothing sensitive: a new type (`secret_text_v2`) or no type at all is not
  known to be plain, so its value may be a secret;
- every string under a field the spec does not declare: what a new field carries is not known to be safe.
  Its name, its JSON type and the body's structure stay, which is what the drift report needs.
Everything else stays as Cloudflare sent it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cloudflare_pages_client.testing.recordings import ACCOUNT_PLACEHOLDER
from contract_tests.kit.spec import document, response_schema

REDACTED = "REDACTED"
KEPT_HEADERS = ("content-type", "retry-after", "cf-ray")
DISCRIMINATOR = "type"


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document()["components"]["schemas"][name]
    return schema


def _const_type(branch: dict[str, Any]) -> Any:
    type_schema = branch.get("properties", {}).get(DISCRIMINATOR, {})
    return _resolve(type_schema).get("const") if isinstance(type_schema, dict) else None


def _is_object(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema or "additionalProperties" in schema


def _has_sensitive(branch: dict[str, Any]) -> bool:
    return any(_resolve(child).get("x-sensitive") for child in branch.get("properties", {}).values())


@dataclass
class _Redactor:
    # Every secret taken out (sensitive values, env var values), so that the scrubber can take it out of any text
    # built from the raw reply too. Strings of undeclared fields are not kept here: most are plain words
    # ("success"), and scrubbing those would garble the report.
    removed: set[str] = field(default_factory=set)

    def _remove(self, value: str, *, secret: bool = True) -> str:
        if secret:
            self.removed.add(value)
        return REDACTED

    def everything(self, value: Any, keep: frozenset[str] = frozenset(), *, secret: bool = True) -> Any:
        """Every string inside `value` redacted (but the values of the keys in `keep`)."""
        if isinstance(value, str):
            return self._remove(value, secret=secret) if value else value
        if isinstance(value, dict):
            return {key: item if key in keep else self.everything(item, secret=secret) for key, item in value.items()}
        if isinstance(value, list):
            return [self.everything(item, secret=secret) for item in value]
        return value

    def walk(self, value: Any, schema: dict[str, Any]) -> Any:
        schema = _resolve(schema)
        options = [_resolve(option) for option in schema.get("anyOf") or schema.get("oneOf") or []]
        if isinstance(value, dict):
            return self._object(value, [schema] if not options else [o for o in options if _is_object(o)])
        if isinstance(value, list):
            items = [branch["items"] for branch in ([schema, *options]) if "items" in branch]
            return [self.walk(item, items[0]) for item in value] if items else self.everything(value, secret=False)
        return value

    def _object(self, value: dict[str, Any], branches: list[dict[str, Any]]) -> Any:
        typed = [branch for branch in branches if _const_type(branch) is not None]
        if typed:
            # A union told apart by `type`: only a branch it names, and one with nothing sensitive, is plain.
            named = [branch for branch in typed if _const_type(branch) == value.get(DISCRIMINATOR)]
            if not named or _has_sensitive(named[0]):
                return self.everything(value, keep=frozenset({DISCRIMINATOR}))
            branches = named
        result: dict[str, Any] = {}
        for key, item in value.items():
            declared = [branch["properties"][key] for branch in branches if key in branch.get("properties", {})]
            extra = [
                branch["additionalProperties"]
                for branch in branches
                if isinstance(branch.get("additionalProperties"), dict)
            ]
            if declared:
                child = _resolve(declared[0])
                if child.get("x-sensitive") and isinstance(item, str) and item:
                    result[key] = self._remove(item)
                else:
                    result[key] = self.walk(item, declared[0])
            elif extra:
                result[key] = self.walk(item, extra[0])
            else:
                result[key] = self.everything(item, secret=False)
        return result


def redact_body(status: int, content_type: str, body: Any) -> tuple[Any, set[str]]:
    """The body with everything sensitive replaced, and the values replaced."""
    redactor = _Redactor()
    schema = response_schema(status, content_type)
    redacted = redactor.walk(body, schema) if schema is not None else redactor.everything(body, secret=False)
    return redacted, redactor.removed


def _replace_everywhere(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {_replace_everywhere(k, old, new): _replace_everywhere(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_everywhere(item, old, new) for item in value]
    return value


def redact_exchange(
    exchange: dict[str, Any],
    *,
    account_id: str,
    secrets: tuple[str, ...],
    removed: set[str] | None = None,
) -> dict[str, Any]:
    """A recording-shaped exchange, safe to write: see the module docstring. `removed` collects what went."""
    response = exchange["response"]
    headers = {name: value for name, value in response["headers"].items() if name in KEPT_HEADERS}
    response = {**response, "headers": headers}
    if "body" in response:
        response["body"], gone = redact_body(response["status"], headers.get("content-type", ""), response["body"])
        if removed is not None:
            removed |= gone
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
