"""One SSL context per process for every client with the default certificate checks.

Building one costs 20-50 ms (loading the CA bundle), which a CLI call, a short script or a test
would pay for every client. A context with the default settings is safe to share: connections
only read it, except that httpcore sets its ALPN protocols on each new connection, to a value
that depends on HTTP/2 alone, so the shared contexts are kept one per HTTP/2 setting. A client
with its own `verify` (False, a path, a context) or a client certificate gets what it asked for.
"""

import os
import ssl
import threading
from collections.abc import Mapping
from typing import Any

import httpx

_lock = threading.Lock()
# (http2, SSL_CERT_FILE, SSL_CERT_DIR) -> context: httpx reads the two variables when it builds one.
_shared: dict[tuple[bool, str | None, str | None], ssl.SSLContext] = {}


def transport_verify(
    verify: str | bool | ssl.SSLContext, transport_args: Mapping[str, Any]
) -> str | bool | ssl.SSLContext:
    """The `verify` to give the transport: the shared context for the default checks, else `verify` unchanged."""
    if verify is not True or transport_args.get("cert"):
        return verify
    key = (bool(transport_args.get("http2")), os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    context = _shared.get(key)
    if context is None:
        with _lock:
            context = _shared.get(key)
            if context is None:
                context = _shared[key] = httpx.create_ssl_context(verify=True)
    return context


__all__ = ["transport_verify"]
