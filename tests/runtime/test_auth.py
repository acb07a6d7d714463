"""Credentials go on the wire and nowhere else."""

from __future__ import annotations

import httpx
import pytest

from cloudflare_pages_client._runtime.auth import HeaderAuth, redacted_headers


def test_header_auth_sets_its_headers_on_the_request() -> None:
    auth = HeaderAuth({"X-Auth-Email": "me@example.com", "X-Auth-Key": "k-123"})
    request = httpx.Request("GET", "https://api.example/x", headers={"Accept": "application/json"})
    sent = next(auth.auth_flow(request))
    assert sent.headers["x-auth-email"] == "me@example.com"
    assert sent.headers["x-auth-key"] == "k-123"
    assert sent.headers["accept"] == "application/json"


def test_header_auth_repr_names_the_headers_only() -> None:
    auth = HeaderAuth({"X-Auth-Key": "k-123", "Authorization": "Bearer t-456"})
    assert repr(auth) == "HeaderAuth(headers=[Authorization, X-Auth-Key])"


@pytest.mark.parametrize(
    ("headers", "shown"),
    [
        ({}, "{}"),
        ({"Accept": "application/json"}, "{'Accept': 'application/json'}"),
        ({"Authorization": "Bearer t"}, "{'Authorization': '[redacted]'}"),
        ({"AUTHORIZATION": "Bearer t"}, "{'AUTHORIZATION': '[redacted]'}"),
        ({"x-auth-key": "k", "X-Auth-Email": "e"}, "{'x-auth-key': '[redacted]', 'X-Auth-Email': '[redacted]'}"),
        ({"Cookie": "session=1", "X-Trace": "abc"}, "{'Cookie': '[redacted]', 'X-Trace': 'abc'}"),
    ],
)
def test_redacted_headers(headers: dict[str, str], shown: str) -> None:
    assert redacted_headers(headers) == shown
