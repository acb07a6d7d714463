"""The models' repr: short, and never a value the spec marks x-sensitive."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

import cloudflare_pages_client.models as models
from cloudflare_pages_client import Deployment
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.spec import document

DEPLOYMENTS = [r for r in map(load, sorted(RECORDINGS_DIR.glob("*.json"))) if r.status == 200]


def sensitive_in_spec() -> dict[str, set[str]]:
    """{schema name: its properties marked x-sensitive}, read from openapi.yaml."""
    schemas: dict[str, Any] = document()["components"]["schemas"]
    return {
        name: {prop for prop, schema in schema.get("properties", {}).items() if schema.get("x-sensitive")}
        for name, schema in schemas.items()
        if isinstance(schema, dict)
    }


MODELS = sorted(name for name in models.__all__ if attrs.has(getattr(models, name)))


@pytest.mark.parametrize("name", MODELS)
def test_each_model_hides_what_the_spec_marks_sensitive(name: str) -> None:
    assert sensitive_in_spec().get(name, set()) == getattr(models, name)._SENSITIVE_FIELDS


def test_the_spec_marks_the_secrets_this_test_knows_of() -> None:
    marked = {name: fields for name, fields in sensitive_in_spec().items() if fields}
    assert marked == {"BuildConfig": {"web_analytics_token"}, "SecretTextEnvVar": {"value"}}


@pytest.mark.parametrize("recording", DEPLOYMENTS, ids=lambda r: r.name)
def test_a_deployment_repr_is_short_and_shows_no_secret(recording: Any) -> None:
    result = recording.body["result"]
    deployment = Deployment.from_dict(result)
    text = repr(deployment)
    assert len(text) < 1000
    assert text.startswith(f"Deployment(id='{result['id']}', short_id='{result['short_id']}'")
    token = (result.get("build_config") or {}).get("web_analytics_token")
    if token:
        assert token not in text
        assert "web_analytics_token='***'" in text
    assert re.search(r"latest_stage=Stage\(name='\w+', status='\w+'", text)


def test_a_secret_env_var_shows_stars() -> None:
    secret = models.SecretTextEnvVar.from_dict({"type": "secret_text", "value": "s3cr3t-value"})
    assert repr(secret) == "SecretTextEnvVar(type_='secret_text', value='***')"
    plain = models.PlainTextEnvVar.from_dict({"type": "plain_text", "value": "22"})
    assert repr(plain) == "PlainTextEnvVar(type_='plain_text', value='22')"
