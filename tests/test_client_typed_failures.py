"""Every failure of a call is a CloudflarePagesError, or a ValueError/TypeError before anything is sent
(issue 16, point 11), against a server on 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest

from cloudflare_pages_client import (
    APIConnectionError,
    AuthenticatedClient,
    NotFoundError,
    ResponseDecodeError,
)
from contract_tests.kit.scripted_server import Action, ScriptedServer, raw_reply
from tests.support.calls import MODES, fetch, fetch_detailed

DEEP_JSON = b"[" * 100_000 + b"]" * 100_000


def client_for(server: ScriptedServer, **options: object) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token="test-token", max_retries=0, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
def test_json_nested_too_deep_is_a_decode_error(server: ScriptedServer, mode: str) -> None:
    server.play(raw_reply(200, DEEP_JSON, "application/json"))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(server))
    assert raised.value.reason == "JSON nested deeper than Python can read"
    assert isinstance(raised.value.__cause__, RecursionError)


@pytest.mark.parametrize("mode", MODES)
def test_an_error_reply_nested_too_deep_keeps_its_status(server: ScriptedServer, mode: str) -> None:
    server.play(raw_reply(404, DEEP_JSON, "application/json"))
    with pytest.raises(NotFoundError) as raised:
        fetch(mode, client_for(server))
    assert raised.value.codes == []
    assert fetch_detailed(mode, client_for(server)).status_code == 404


@pytest.mark.parametrize("mode", MODES)
def test_a_body_labelled_gzip_that_is_not_is_a_decode_error(server: ScriptedServer, mode: str) -> None:
    server.play(Action(200, b"this is not gzip", (("Content-Type", "application/json"), ("Content-Encoding", "gzip"))))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(server))
    assert raised.value.status_code == 200
    assert raised.value.reason.startswith("the body does not decode as its Content-Encoding 'gzip' says")
    assert isinstance(raised.value.__cause__, httpx.DecodingError)


@pytest.mark.parametrize("mode", MODES)
def test_a_100_kb_path_parameter_is_a_value_error_and_nothing_is_sent(server: ScriptedServer, mode: str) -> None:
    server.play(raw_reply(200, b"{}", "application/json"))
    with pytest.raises(ValueError, match=r"^The request URL is invalid: URL too long$") as raised:
        fetch(mode, client_for(server), deployment_id="d" * 100_000)
    assert isinstance(raised.value.__cause__, httpx.InvalidURL)
    assert server.count == 0


@pytest.mark.parametrize("mode", MODES)
def test_max_retries_as_text_is_a_type_error_before_anything_is_sent(server: ScriptedServer, mode: str) -> None:
    server.play(raw_reply(200, b"{}", "application/json"))
    with pytest.raises(TypeError, match=r"^max_retries must be an int, not str$"):
        AuthenticatedClient(base_url=server.url, token="test-token", max_retries="3")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^max_retries must be an int, not str$"):
        fetch(mode, client_for(server), max_retries="3")
    assert server.count == 0


def test_a_redirect_loop_through_a_given_httpx_client_is_a_connection_error(server: ScriptedServer) -> None:
    server.play(Action(302, b"", (("Location", "/loop"),)))
    for mode in MODES:
        client = client_for(server)
        if mode == "sync":
            client.set_httpx_client(httpx.Client(base_url=server.url, follow_redirects=True, max_redirects=3))
        else:
            client.set_async_httpx_client(
                httpx.AsyncClient(base_url=server.url, follow_redirects=True, max_redirects=3)
            )
        with pytest.raises(
            APIConnectionError, match=r"\(TooManyRedirects: Exceeded maximum allowed redirects\.\)\.$"
        ) as raised:
            fetch(mode, client)
        assert isinstance(raised.value.__cause__, httpx.TooManyRedirects)
    assert server.count == 8
