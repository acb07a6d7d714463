"""Redirects and odd statuses from a server on 127.0.0.1: credentials stay home, errors name what happened
(issue 16, points 4, 14)."""

from __future__ import annotations

from typing import Any

import pytest

from cloudflare_pages_client import (
    ApiKeyAuthenticatedClient,
    AuthenticatedClient,
    RedirectError,
    ServerError,
    UnexpectedStatus,
)
from contract_tests.kit.scripted_server import Action, ScriptedServer, html_reply, json_reply, scripted_server
from tests.support.calls import MODES, fetch, fetch_detailed

ENVELOPE_7003 = {
    "success": False,
    "errors": [{"code": 7003, "message": "Could not route to /accounts/x, perhaps your object identifier is invalid?"}],
    "messages": [],
    "result": None,
}


@pytest.mark.parametrize(
    "options", [{"follow_redirects": True}, {"httpx_args": {"follow_redirects": True}}], ids=["option", "httpx_args"]
)
def test_following_redirects_is_refused_so_no_credential_reaches_another_origin(
    server: ScriptedServer, options: dict[str, Any]
) -> None:
    """Before: httpx followed to the other origin with X-Auth-Key and X-Auth-Email (it strips only Authorization)."""
    with scripted_server() as elsewhere:
        elsewhere.play(json_reply(200, {"note": "stolen"}))
        server.play(Action(302, b"", (("Location", f"{elsewhere.url}/collect"),)))
        with pytest.raises(ValueError, match=r"^follow_redirects=True is not supported: httpx would send the API key"):
            client = ApiKeyAuthenticatedClient(
                base_url=server.url, email="ops@example.com", api_key="0123456789abcdef", max_retries=0, **options
            )
            fetch("sync", client)
        assert elsewhere.count == 0


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_ends_in_a_redirect_error_naming_the_location(
    server: ScriptedServer, mode: str, status: int
) -> None:
    server.play(Action(status, b"<html>moved</html>", (("Location", "https://elsewhere.example/v4/x"),)))
    with pytest.raises(RedirectError) as raised:
        fetch(mode, AuthenticatedClient(base_url=server.url, token="test-token"))
    assert raised.value.location == "https://elsewhere.example/v4/x"
    assert raised.value.status_code == status
    assert "a redirect to 'https://elsewhere.example/v4/x', which this client does not follow" in str(raised.value)
    assert isinstance(raised.value, UnexpectedStatus)
    assert server.count == 1


@pytest.mark.parametrize("mode", MODES)
def test_the_detailed_call_returns_a_redirect_as_it_came(server: ScriptedServer, mode: str) -> None:
    server.play(Action(301, b"<html>moved</html>", (("Location", "https://elsewhere.example/"),)))
    response = fetch_detailed(mode, AuthenticatedClient(base_url=server.url, token="test-token"))
    assert (response.status_code, response.parsed, response.headers["location"]) == (
        301,
        None,
        "https://elsewhere.example/",
    )


@pytest.mark.parametrize("mode", MODES)
def test_an_undocumented_status_with_an_envelope_keeps_its_codes(server: ScriptedServer, mode: str) -> None:
    server.play(json_reply(999, ENVELOPE_7003))
    with pytest.raises(ServerError) as raised:
        fetch(mode, AuthenticatedClient(base_url=server.url, token="test-token", max_retries=0))
    assert raised.value.codes == [7003]
    assert raised.value.messages == [ENVELOPE_7003["errors"][0]["message"]]  # type: ignore[index]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [400, 403, 404, 429])
def test_the_detailed_call_returns_a_non_json_4xx_page(server: ScriptedServer, mode: str, status: int) -> None:
    server.play(html_reply(status))
    response = fetch_detailed(mode, AuthenticatedClient(base_url=server.url, token="test-token", max_retries=0))
    assert (response.status_code, response.parsed) == (status, None)
    assert response.content.startswith(b"<!DOCTYPE html>")
