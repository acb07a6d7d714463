"""One SSL context per process for the default certificate checks; a client's own settings stay its own."""

from __future__ import annotations

import ssl
from typing import Any

import certifi
import httpx
import pytest

from cloudflare_pages_client._runtime import tls
from cloudflare_pages_client._runtime.clients import AuthenticatedClient


@pytest.fixture(autouse=True)
def no_shared_contexts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no context built and without the environment's CA settings."""
    monkeypatch.setattr(tls, "_shared", {})
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def pool_context(transport: Any) -> ssl.SSLContext:
    """The SSL context of the connection pool inside our retrying transport."""
    context = transport._transport._pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


def test_clients_with_the_default_checks_share_one_context() -> None:
    first = AuthenticatedClient(token="t")
    second = AuthenticatedClient(token="u", base_url="https://other.example")
    shared = pool_context(first.get_httpx_client()._transport)
    assert pool_context(second.get_httpx_client()._transport) is shared
    assert pool_context(first.get_async_httpx_client()._transport) is shared
    assert shared.verify_mode == ssl.CERT_REQUIRED and shared.check_hostname


def test_http2_gets_its_own_shared_context() -> None:
    # httpcore sets ALPN protocols on the context for each new connection, from the HTTP/2 setting.
    plain = tls.transport_verify(True, {})
    http2 = tls.transport_verify(True, {"http2": True})
    assert isinstance(plain, ssl.SSLContext) and isinstance(http2, ssl.SSLContext)
    assert plain is not http2
    assert tls.transport_verify(True, {"http2": True}) is http2
    assert tls.transport_verify(True, {"http2": False}) is plain


@pytest.mark.parametrize("verify", [False, "/etc/ssl/certs", ssl.create_default_context()], ids=["off", "path", "own"])
def test_a_client_s_own_verify_is_passed_on_unchanged(verify: str | bool | ssl.SSLContext) -> None:
    assert tls.transport_verify(verify, {}) is verify
    assert tls._shared == {}


def test_a_client_certificate_gets_a_context_of_its_own() -> None:
    assert tls.transport_verify(True, {"cert": "client.pem"}) is True
    assert tls._shared == {}


def test_the_ca_variables_httpx_reads_get_a_context_of_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    default = tls.transport_verify(True, {})
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    from_file = tls.transport_verify(True, {})
    assert from_file is not default
    assert tls.transport_verify(True, {}) is from_file
    assert len(tls._shared) == 2


def test_a_client_given_its_own_transport_builds_no_context() -> None:
    client = AuthenticatedClient(token="t", httpx_args={"transport": httpx.MockTransport(lambda request: None)})  # type: ignore[arg-type]
    client.get_httpx_client()
    assert tls._shared == {}
