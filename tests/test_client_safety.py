"""Path parameters stay in their segment; credentials stay out of reprs, logs and errors."""

from __future__ import annotations

import logging
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloudflare_pages_client import (
    ApiKeyAuthenticatedClient,
    AuthenticatedClient,
    AuthenticationError,
    CloudflarePagesError,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.scripted_server import DROP, ScriptedServer, json_reply
from contract_tests.kit.spec import OPERATION_PATH
from tests.support.calls import ACCOUNT, DEPLOYMENT, MODES, fetch, fetch_detailed, no_wait_policy

GOOD_BODY = load(RECORDINGS_DIR / "github-push-with-source.json").body
BAD_TOKEN = load(RECORDINGS_DIR / "bad-token.json").body
TOKEN = "planted-token-Zx9Qw7Lm2Np4Rt6Vb8Yc0Ae3"
API_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c"
EMAIL = "owner@example.com"


@pytest.mark.parametrize(
    ("parameter", "value", "message"),
    [
        ("project_name", "", "project_name must be a name, not ''"),
        ("project_name", ".", "project_name must be a name, not '.'"),
        ("project_name", "..", "project_name must be a name, not '..'"),
        ("deployment_id", "..", "deployment_id must be a name, not '..'"),
        ("account_id", "", "account_id must be a name, not ''"),
        ("project_name", "docs\nsite", r"project_name contains a control character \('\\n' at position 4\)"),
        ("deployment_id", "abc\x00", r"deployment_id contains a control character \('\\x00' at position 3\)"),
        ("project_name", "a\x7fb", r"project_name contains a control character \('\\x7f' at position 1\)"),
        ("project_name", "bad\ud800", r"project_name contains a control character \('\\ud800' at position 3\)"),
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_unsafe_path_parameters_are_refused_before_sending(
    server: ScriptedServer, mode: str, parameter: str, value: str, message: str
) -> None:
    server.play(json_reply(200, GOOD_BODY))
    client = AuthenticatedClient(base_url=server.url, token="t")
    with pytest.raises(ValueError, match=message):
        fetch(mode, client, **{parameter: value})
    with pytest.raises(ValueError, match=message):
        fetch_detailed(mode, AuthenticatedClient(base_url=server.url, token="t"), **{parameter: value})
    assert server.count == 0


@pytest.mark.parametrize(
    ("project_name", "raw_segment"),
    [
        ("this-is-my-project-01", "this-is-my-project-01"),
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("x?y#z", "x%3Fy%23z"),
        ("%2e%2e", "%252e%252e"),
        ("...", "..."),
        ("名前 space", "%E5%90%8D%E5%89%8D%20space"),
    ],
)
def test_legitimate_values_are_quoted_into_their_segment(
    server: ScriptedServer, project_name: str, raw_segment: str
) -> None:
    server.play(json_reply(200, GOOD_BODY))
    fetch("sync", AuthenticatedClient(base_url=server.url, token="t"), project_name=project_name)
    expected = OPERATION_PATH.format(account_id=ACCOUNT, project_name=raw_segment, deployment_id=DEPLOYMENT)
    assert server.received[0].raw_path == expected


_keep_alive_clients: dict[str, AuthenticatedClient] = {}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project_name=st.text(max_size=12), deployment_id=st.text(max_size=12))
def test_any_string_is_refused_or_arrives_intact(server: ScriptedServer, project_name: str, deployment_id: str) -> None:
    server.play(json_reply(200, GOOD_BODY))
    # One keep-alive client for all examples: a new connection per example would dominate the run time.
    client = _keep_alive_clients.setdefault(server.url, AuthenticatedClient(base_url=server.url, token="t"))
    try:
        fetch("sync", client, project_name=project_name, deployment_id=deployment_id)
    except ValueError:
        assert server.count == 0
        return
    assert server.count == 1
    # Quoting leaves no "/" inside a value, so the path has exactly the operation's eight segments.
    segments = server.received[0].raw_path.split("/")
    assert len(segments) == 8
    assert segments[:5] == ["", "accounts", ACCOUNT, "pages", "projects"]
    assert segments[6] == "deployments"
    assert unquote(segments[5], errors="strict") == project_name
    assert unquote(segments[7], errors="strict") == deployment_id


def test_token_is_sent_but_never_shown(server: ScriptedServer) -> None:
    server.play(json_reply(200, GOOD_BODY))
    client = AuthenticatedClient(base_url=server.url, token=TOKEN, headers={"X-Trace": "1"})
    fetch("sync", client)
    assert server.received[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in repr(client)
    assert TOKEN not in repr(client.get_httpx_client().auth)
    assert "X-Trace" in repr(client)


def test_api_key_pair_is_sent_but_never_shown(server: ScriptedServer) -> None:
    server.play(json_reply(200, GOOD_BODY))
    client = ApiKeyAuthenticatedClient(base_url=server.url, email=EMAIL, api_key=API_KEY)
    fetch("sync", client)
    sent = server.received[0].headers
    assert (sent["x-auth-email"], sent["x-auth-key"]) == (EMAIL, API_KEY)
    assert "authorization" not in sent
    assert API_KEY not in repr(client)
    assert EMAIL not in repr(client)


def test_credentials_in_extra_headers_are_redacted_in_the_repr() -> None:
    client = AuthenticatedClient(token="t", headers={"Authorization": f"Bearer {TOKEN}", "X-Auth-Key": API_KEY})
    assert TOKEN not in repr(client)
    assert API_KEY not in repr(client)
    assert "'Authorization': '[redacted]'" in repr(client)


@pytest.mark.parametrize("mode", MODES)
def test_credentials_never_reach_logs_or_errors(
    server: ScriptedServer, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    clients = [
        AuthenticatedClient(base_url=server.url, token=TOKEN, retry_policy=no_wait_policy()),
        ApiKeyAuthenticatedClient(base_url=server.url, email=EMAIL, api_key=API_KEY, retry_policy=no_wait_policy()),
    ]
    messages: list[str] = []
    with caplog.at_level(logging.DEBUG):
        for client in clients:
            for script in ([json_reply(403, BAD_TOKEN)], [DROP], [json_reply(502, {"bad": "envelope"})]):
                server.play(*script)
                with pytest.raises(CloudflarePagesError) as raised:
                    fetch(mode, client.with_headers({}))
                messages.append(str(raised.value))
                messages.append(repr(raised.value))
    assert len(messages) == 12
    assert any(isinstance(m, str) and "Authentication error" in m for m in messages)
    logged = [record.getMessage() for record in caplog.records]
    assert any("Retrying GET" in line for line in logged)
    for text in messages + logged:
        assert TOKEN not in text
        assert API_KEY not in text


def test_authentication_error_is_importable_from_the_root() -> None:
    assert issubclass(AuthenticationError, CloudflarePagesError)
