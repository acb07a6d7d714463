"""A server on 127.0.0.1 that echoes the request's credentials back: no error message or attribute built from
its reply keeps them (issue 16, point 3, the client's part)."""

from __future__ import annotations

import json
import traceback

import pytest

from cloudflare_pages_client import (
    ApiKeyAuthenticatedClient,
    AuthenticatedClient,
    AuthenticationError,
    CloudflarePagesError,
    RedirectError,
    ResponseDecodeError,
    UnexpectedStatus,
)
from contract_tests.kit.scripted_server import Action, ScriptedServer, json_reply, raw_reply
from tests.support.calls import MODES, fetch, fetch_detailed

TOKEN = "tok-0123456789abcdefECHOED"
API_KEY = "key-fedcba9876543210ECHOED"
EMAIL = "ops-echoed@example.com"


def echoing_replies(secret: str) -> list[tuple[str, Action, type[CloudflarePagesError]]]:
    """Replies that quote `secret` where the client copies text into an error."""
    envelope = {
        "success": False,
        "errors": [{"code": 10000, "message": f"Authentication error: header was 'Bearer {secret}'"}],
        "messages": [],
        "result": None,
    }
    return [
        ("envelope-message", json_reply(403, envelope), AuthenticationError),
        ("flat-message", json_reply(403, {"code": 10000, "message": f"bad key {secret}"}), AuthenticationError),
        ("body-excerpt", raw_reply(200, f"Authorization: Bearer {secret}".encode(), "text/plain"), ResponseDecodeError),
        (
            "unreadable-json",
            raw_reply(200, json.dumps({"echo": secret, "success": True}).encode(), "application/json"),
            ResponseDecodeError,
        ),
        ("redirect", Action(302, secret.encode(), (("Location", f"https://x.example/?t={secret}"),)), RedirectError),
        ("unexpected", json_reply(299, {"echo": secret}), UnexpectedStatus),
    ]


def every_text(error: BaseException) -> str:
    """The message, the traceback and every attribute the error carries (bytes decoded)."""
    texts = ["".join(traceback.format_exception(error))]
    for value in vars(error).values():
        if isinstance(value, bytes):
            texts.append(value.decode("utf-8", errors="replace"))
        elif isinstance(value, (str, list)):
            texts.append(str(value))
    return "\n".join(texts)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", range(6), ids=[name for name, _, _ in echoing_replies("x")])
def test_a_token_echoed_by_the_server_appears_in_no_error(server: ScriptedServer, mode: str, case: int) -> None:
    _, action, error_class = echoing_replies(TOKEN)[case]
    server.play(action)
    with pytest.raises(error_class) as raised:
        fetch(mode, AuthenticatedClient(base_url=server.url, token=TOKEN, max_retries=0))
    text = every_text(raised.value)
    assert TOKEN not in text
    assert "[redacted]" in str(raised.value)


@pytest.mark.parametrize("secret", [API_KEY, EMAIL])
def test_the_key_pair_echoed_appears_in_no_error(server: ScriptedServer, secret: str) -> None:
    client = ApiKeyAuthenticatedClient(base_url=server.url, email=EMAIL, api_key=API_KEY, max_retries=0)
    for _, action, error_class in echoing_replies(secret):
        server.play(action)
        with pytest.raises(error_class) as raised:
            fetch("sync", client)
        assert secret not in every_text(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_the_detailed_call_scrubs_its_errors_too(server: ScriptedServer, mode: str) -> None:
    server.play(raw_reply(200, f"echo {TOKEN}".encode(), "text/html"))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch_detailed(mode, AuthenticatedClient(base_url=server.url, token=TOKEN, max_retries=0))
    assert TOKEN not in every_text(raised.value)
    assert raised.value.body_start == b"echo [redacted]"
