"""The wire helpers every generated operation calls: path segments, options, typed errors, decoding."""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus
from typing import Any

import httpx
import pytest

from cloudflare_pages_client._runtime import wire
from cloudflare_pages_client._runtime.clients import Client
from cloudflare_pages_client._runtime.constants import ATTEMPTS_EXTENSION, MAX_RETRIES_EXTENSION
from cloudflare_pages_client._runtime.errors import (
    APIConnectionError,
    APITimeoutError,
    NotFoundError,
    ResponseDecodeError,
)
from cloudflare_pages_client._runtime.types import UNSET
from tests.support.calls import no_wait_policy

URL = "https://api.example/client/v4/accounts/a"


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("my-project", "my-project"),
        ("a/b", "a%2Fb"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("%2F", "%252F"),
        ("a b", "a%20b"),
        ("café", "caf%C3%A9"),
        ("...", "..."),
        (".hidden", ".hidden"),
    ],
)
def test_a_value_is_quoted_into_one_segment(value: object, segment: str) -> None:
    assert wire.path_segment("project_name", value) == segment


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_a_segment_that_would_move_the_request_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match=rf"^project_name must be a name, not {value!r}: an empty, '\.' or '\.\.'"):
        wire.path_segment("project_name", value)


@pytest.mark.parametrize(
    ("value", "character", "position"),
    [
        ("a\x00b", "\x00", 1),
        ("\nfoo", "\n", 0),
        ("ab\r", "\r", 2),
        ("a\x1fb", "\x1f", 1),
        ("a\x7f", "\x7f", 1),
        ("a\x85b", "\x85", 1),
        ("a\x9f", "\x9f", 1),
        ("x\ud800", "\ud800", 1),
    ],
)
def test_a_control_character_is_refused_and_located(value: str, character: str, position: int) -> None:
    with pytest.raises(ValueError) as raised:
        wire.path_segment("deployment_id", value)
    assert str(raised.value) == f"deployment_id contains a control character ({character!r} at position {position})"


@pytest.mark.parametrize(
    ("content_type", "json_like"),
    [
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("Application/JSON", True),
        ("application/problem+json", True),
        (" application/json ", True),
        ("text/html", False),
        ("text/plain; charset=utf-8", False),
        ("application/jsonp", False),
        ("", False),
    ],
)
def test_is_json_content_type(content_type: str, json_like: bool) -> None:
    assert wire.is_json_content_type(content_type) is json_like


@pytest.mark.parametrize(
    ("code", "status"), [(200, HTTPStatus.OK), (404, HTTPStatus.NOT_FOUND), (522, 522), (599, 599)]
)
def test_http_status_is_the_member_or_the_number(code: int, status: HTTPStatus | int) -> None:
    result = wire.http_status(code)
    assert result == status
    assert type(result) is type(status)


@pytest.mark.parametrize(
    ("timeout", "max_retries", "options"),
    [
        (UNSET, None, {}),
        (5.0, None, {"timeout": 5.0}),
        (None, None, {"timeout": None}),
        (UNSET, 0, {"extensions": {MAX_RETRIES_EXTENSION: 0}}),
        (1.5, 4, {"timeout": 1.5, "extensions": {MAX_RETRIES_EXTENSION: 4}}),
    ],
)
def test_request_options(timeout: Any, max_retries: int | None, options: dict[str, Any]) -> None:
    assert wire.request_options(timeout, max_retries) == options


def test_negative_per_call_retries_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^max_retries must be 0 or more, got -1$"):
        wire.request_options(UNSET, -1)


@pytest.mark.parametrize(
    ("error", "error_class", "attempts", "message"),
    [
        (
            httpx.ConnectTimeout("timed out"),
            APITimeoutError,
            3,
            f"No answer from {URL} within the timeout after 3 attempts (ConnectTimeout). "
            "Check the network, or raise the timeout (timeout=...).",
        ),
        (
            httpx.ReadTimeout("timed out"),
            APITimeoutError,
            1,
            f"No answer from {URL} within the timeout after 1 attempt (ReadTimeout). "
            "Check the network, or raise the timeout (timeout=...).",
        ),
        (
            httpx.ConnectError("refused"),
            APIConnectionError,
            3,
            f"Could not get an answer from {URL} after 3 attempts (ConnectError: refused). "
            "Check the network and the base URL.",
        ),
        (
            httpx.RemoteProtocolError("closed"),
            APIConnectionError,
            1,
            f"Could not get an answer from {URL} after 1 attempt (RemoteProtocolError: closed). "
            "Check the network and the base URL.",
        ),
    ],
)
def test_a_transport_error_becomes_a_typed_error(
    error: httpx.TransportError, error_class: type[APIConnectionError], attempts: int, message: str
) -> None:
    error.request = httpx.Request("GET", URL, extensions={ATTEMPTS_EXTENSION: attempts})
    typed = wire.transport_error(error)
    assert type(typed) is error_class
    assert (typed.url, typed.attempts, str(typed)) == (URL, attempts, message)


def test_a_transport_error_before_any_request_names_the_api() -> None:
    typed = wire.transport_error(httpx.ConnectError("no request yet"))
    assert typed.url == "the API"
    assert str(typed).startswith("Could not get an answer from the API after 1 attempt")


def parse_json(*, client: Client, response: httpx.Response) -> dict[str, Any] | None:
    """A status table as the generated _parse_response writes it: reads fields, may raise KeyError."""
    if response.status_code == 404:
        raise NotFoundError(status_code=404, codes=[], messages=[], cf_ray=None)
    data: dict[str, Any] = response.json()
    return {"id": data["id"]}


def json_reply(status: int, body: object) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(body).encode(), headers={"content-type": "application/json"})


CLIENT = Client(base_url="https://api.example")


def test_a_json_reply_is_parsed_into_a_response() -> None:
    built = wire.build_response(CLIENT, json_reply(200, {"id": "d1"}), parse_json)
    assert built.status_code is HTTPStatus.OK
    assert built.parsed == {"id": "d1"}
    assert built.content == b'{"id": "d1"}'


def test_a_non_json_edge_page_is_returned_unparsed() -> None:
    page = httpx.Response(522, content=b"<html>522</html>", headers={"content-type": "text/html"})
    built = wire.build_response(CLIENT, page, parse_json)
    assert (built.status_code, built.parsed, built.content) == (522, None, b"<html>522</html>")


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (httpx.Response(200, content=b"<html/>", headers={"content-type": "text/html"}), "not JSON"),
        (json_reply(200, {"other": 1}), "required field 'id' is missing"),
        (
            httpx.Response(200, content=b'{"id":', headers={"content-type": "application/json"}),
            "JSONDecodeError: Expecting value: line 1 column 7 (char 6)",
        ),
        (json_reply(200, ["a list"]), "TypeError: list indices must be integers or slices, not str"),
    ],
    ids=["html with 200", "missing field", "truncated JSON", "wrong shape"],
)
def test_an_unreadable_body_is_a_decode_error_with_its_reason(reply: httpx.Response, reason: str) -> None:
    with pytest.raises(ResponseDecodeError) as raised:
        wire.decode(CLIENT, reply, parse_json)
    assert raised.value.reason == reason
    assert raised.value.status_code == 200


def test_the_package_own_errors_pass_through_decoding() -> None:
    with pytest.raises(NotFoundError):
        wire.decode(CLIENT, json_reply(404, {}), parse_json)


def mock_client(handler: Any, **options: Any) -> Client:
    return Client(base_url="https://api.example", httpx_args={"transport": httpx.MockTransport(handler)}, **options)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_send_passes_the_per_call_options_to_httpx(mode: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    client = mock_client(handler, max_retries=0)
    kwargs = {"method": "GET", "url": "/x"}
    if mode == "sync":
        response = wire.send(client, kwargs, 2.5, 3)
    else:
        response = asyncio.run(wire.send_async(client, kwargs, 2.5, 3))
    assert response.status_code == 200
    assert seen[0].extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert seen[0].extensions[MAX_RETRIES_EXTENSION] == 3


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("client_retries", "call_retries", "attempts"), [(2, None, 3), (2, 0, 1), (0, 4, 5)])
def test_send_counts_the_attempts_in_its_typed_error(
    mode: str, client_retries: int, call_retries: int | None, attempts: int
) -> None:
    tries: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        tries.append(request)
        raise httpx.ConnectError("refused", request=request)

    client = mock_client(handler, max_retries=client_retries, retry_policy=no_wait_policy())
    kwargs = {"method": "GET", "url": "/x"}
    with pytest.raises(APIConnectionError) as raised:
        if mode == "sync":
            wire.send(client, kwargs, UNSET, call_retries)
        else:
            asyncio.run(wire.send_async(client, kwargs, UNSET, call_retries))
    assert raised.value.attempts == attempts
    assert len(tries) == attempts
    assert isinstance(raised.value.__cause__, httpx.ConnectError)
