"""How a client builds its httpx clients: the retrying transport around the one given, the policy it uses."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from cloudflare_pages_client._runtime.clients import ApiKeyAuthenticatedClient, AuthenticatedClient, Client
from cloudflare_pages_client._runtime.retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from tests.runtime.waits import Waits


def flaky(failures: int) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A transport that answers 503 `failures` times, then 200."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) <= failures else 200)

    return httpx.MockTransport(handler), seen


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_given_transport_is_wrapped_by_the_retrying_one(mode: str) -> None:
    transport, seen = flaky(failures=2)
    waits = Waits()
    policy = RetryPolicy(sleep=waits.sleep, async_sleep=waits.async_sleep, jitter=lambda: 0.0, initial_delay=0.25)
    client = Client(base_url="https://api.example", httpx_args={"transport": transport}, retry_policy=policy)
    if mode == "sync":
        assert isinstance(client.get_httpx_client()._transport, RetryTransport)
        response = client.get_httpx_client().get("/x")
    else:
        assert isinstance(client.get_async_httpx_client()._transport, AsyncRetryTransport)
        response = asyncio.run(client.get_async_httpx_client().get("/x"))
    assert response.status_code == 200
    assert len(seen) == 3
    assert waits.seconds == [0.25, 0.5]


def test_pool_settings_go_to_the_transport_and_the_rest_to_httpx() -> None:
    limits = httpx.Limits(max_connections=3)
    client = Client(httpx_args={"limits": limits, "http2": False, "event_hooks": {"request": []}})
    client_args, transport_args = client._client_args()
    assert transport_args == {"limits": limits, "http2": False}
    assert client_args["event_hooks"] == {"request": []}
    assert "limits" not in client_args


@pytest.mark.parametrize("max_retries", [-1, -10])
def test_negative_retries_are_refused(max_retries: int) -> None:
    with pytest.raises(ValueError, match=rf"^max_retries must be 0 or more, got {max_retries}$"):
        Client(max_retries=max_retries)


@pytest.mark.parametrize(
    ("client", "headers"),
    [
        (AuthenticatedClient(token="t-1"), {"authorization": "Bearer t-1"}),
        (AuthenticatedClient(token="t-1", prefix=""), {"authorization": "t-1"}),
        (AuthenticatedClient(token="t-1", auth_header_name="X-Token", prefix="Token"), {"x-token": "Token t-1"}),
        (ApiKeyAuthenticatedClient(email="e@x", api_key="k-1"), {"x-auth-email": "e@x", "x-auth-key": "k-1"}),
    ],
)
def test_each_client_sends_its_credentials(client: AuthenticatedClient, headers: dict[str, str]) -> None:
    request = httpx.Request("GET", "https://api.example/x")
    auth = client._auth()
    assert auth is not None
    sent = next(auth.auth_flow(request))
    assert {name: sent.headers[name] for name in headers} == headers


@pytest.mark.parametrize(
    "client",
    [
        AuthenticatedClient(token="t-secret", headers={"X-Auth-Key": "k-secret"}),
        ApiKeyAuthenticatedClient(email="e-secret@x", api_key="k-secret"),
    ],
)
def test_no_credential_appears_in_a_repr(client: Any) -> None:
    assert "secret" not in repr(client)
