"""Arguments that cannot travel: refused before anything reaches the server on 127.0.0.1 (issue 16, points 1, 13)."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import pytest

from cloudflare_pages_client import ApiKeyAuthenticatedClient, AuthenticatedClient
from contract_tests.kit.scripted_server import ScriptedServer, json_reply
from tests.support.calls import MODES, fetch

SECRET = "s3cr3t-token-value-0123456789"


def full_text(error: BaseException) -> str:
    """The message, every cause and context, and the traceback: everything a log could show."""
    return "".join(traceback.format_exception(error))


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        (SECRET + "\n", "starts or ends with whitespace"),
        (" " + SECRET, "starts or ends with whitespace"),
        (SECRET[:6] + "\r\nX-Injected: 1", "contains a control character at position 6"),
        (SECRET[:4] + "\u20ac" + SECRET[4:], "contains a non-Latin-1 character at position 4"),
        ("", "is empty"),
    ],
)
def test_a_token_no_header_can_carry_is_refused_when_the_client_is_built(
    token: str, problem: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ValueError, match=f"^token {problem}") as raised:
        AuthenticatedClient(base_url="http://127.0.0.1:9", token=token)
    assert SECRET[:6] not in full_text(raised.value)
    assert raised.value.__cause__ is None
    assert not any(SECRET[:6] in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("field", ["api_key", "email"])
def test_the_key_pair_is_checked_the_same_way(field: str) -> None:
    credentials: dict[str, Any] = {"email": "ops@example.com", "api_key": "0123456789abcdef", field: SECRET + "\n"}
    with pytest.raises(ValueError, match=f"^{field} starts or ends with whitespace") as raised:
        ApiKeyAuthenticatedClient(base_url="http://127.0.0.1:9", **credentials)
    assert SECRET not in full_text(raised.value)


def test_a_token_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"^token must be a str, not bytes$"):
        AuthenticatedClient(base_url="http://127.0.0.1:9", token=SECRET.encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
def test_a_secret_file_newline_never_reaches_the_wire_or_a_message(
    mode: str, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Before the check, httpx refused the header mid-call: the error, its cause and httpcore's log held the token."""
    caplog.set_level(logging.DEBUG)
    server.play(json_reply(200, {"note": "never asked"}))
    with pytest.raises(ValueError) as raised:
        fetch(mode, AuthenticatedClient(base_url=server.url, token=SECRET + "\n"))
    assert server.count == 0
    assert SECRET not in full_text(raised.value)
    assert not any(SECRET in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", [None, 42, b"docs-site", ["docs-site"], True])
def test_a_path_parameter_that_is_not_text_is_a_type_error_and_nothing_is_sent(
    mode: str, value: object, server: ScriptedServer
) -> None:
    server.play(json_reply(200, {"note": "never asked"}))
    client = AuthenticatedClient(base_url=server.url, token="test-token")
    with pytest.raises(TypeError, match=f"^project_name must be a str, not {type(value).__name__}$"):
        fetch(mode, client, project_name=value)
    assert server.count == 0
