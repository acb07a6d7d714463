"""The clients: connection settings, timeouts, retries and credentials.

The defaults follow Cloudflare's official Python SDK (see constants.py): a 60 s
timeout (5 s to connect), two retries with exponential backoff and jitter for
connection errors, timeouts, 429 and 5xx (Cloudflare's own 520-530 included),
honouring Retry-After (retry.py).
"""

import asyncio
import ssl
import threading
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from .auth import HeaderAuth, redacted_headers
from .constants import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_REPLY_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    SENSITIVE_HEADERS,
)
from .credentials import credential_validator
from .limits import in_flight_bound, pool_size
from .redirects import refuse_following, refuse_following_in
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport, check_max_retries
from .tls import transport_verify
from .version import __version__

# Who is calling, for Cloudflare's logs and support; httpx's own token stays after ours.
USER_AGENT = f"cloudflare-pages-client/{__version__} python-httpx/{httpx.__version__}"


def _check_max_retries(instance: object, attribute: object, value: int) -> None:
    check_max_retries(value)


# httpx.Client arguments that configure the connection pool: they go to the transport we wrap.
_TRANSPORT_ARGS = ("limits", "http1", "http2", "cert", "local_address", "retries", "socket_options")


@define
class Client:
    """A client for the Cloudflare API without credentials (every operation here needs one of the
    authenticated clients below).

    Keyword arguments:

        ``base_url``: The API's base URL; defaults to https://api.cloudflare.com/client/v4.

        ``timeout``: An ``httpx.Timeout`` or seconds; defaults to 60 s, 5 s to connect. ``None`` waits forever.

        ``max_retries``: Retries after a connection error, a timeout, 429 or 5xx; defaults to 2, 0 turns them off.

        ``retry_policy``: Backoff and Retry-After limits (``RetryPolicy``).

        ``max_reply_bytes``: The largest reply accepted, measured after decompression; defaults to 4 MiB.
        A larger one ends in ResponseDecodeError and its connection is closed. ``None``: no limit.

        ``deadline``: Seconds for the whole call, retries and waits included; defaults to 180 s. Each attempt's
        timeouts are cut to what remains (deadline.py). ``None``: no deadline beyond the per-phase timeouts.

        ``headers``, ``cookies``, ``verify_ssl``, ``httpx_args``: passed to httpx.
        A ``transport`` in ``httpx_args`` is wrapped by the retrying transport.

        ``follow_redirects``: only False: following would carry credentials to another origin (redirects.py).

    Attributes:
        raise_on_unexpected_status: Whether to raise errors.UnexpectedStatus for a status code the spec
            does not document.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=redacted_headers)
    _timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects", validator=refuse_following)
    _httpx_args: dict[str, Any] = field(
        factory=dict, kw_only=True, alias="httpx_args", repr=False, validator=refuse_following_in
    )
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True, validator=_check_max_retries)
    retry_policy: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    deadline: float | None = field(default=DEFAULT_DEADLINE, kw_only=True)
    max_reply_bytes: int | None = field(default=DEFAULT_MAX_REPLY_BYTES, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    # Whether this object built the httpx clients (then it may drop and rebuild them), and on which event loop.
    _owns_client: bool = field(default=True, init=False, repr=False)
    _owns_async_client: bool = field(default=True, init=False, repr=False)
    _async_loop: asyncio.AbstractEventLoop | None = field(default=None, init=False, repr=False)
    # The async calls in flight, at most the pool's size (limits.py); built with the async client, on its loop.
    _async_slots: AbstractAsyncContextManager[Any] = field(factory=nullcontext, init=False, repr=False, eq=False)
    # Threads sharing a client would otherwise each build an httpx.Client on their first concurrent call.
    _build_lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False, eq=False)

    def _auth(self) -> httpx.Auth | None:
        return None

    def _credentials(self) -> tuple[str, ...]:
        """Every secret this client sends, for the scrubber of error messages (scrubbing.py)."""
        return tuple(value for name, value in self._headers.items() if name.lower() in SENSITIVE_HEADERS and value)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float | None) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = httpx.Timeout(timeout)
        if self._async_client is not None:
            self._async_client.timeout = httpx.Timeout(timeout)
        return evolve(self, timeout=timeout)

    def _client_args(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The httpx.Client arguments, and those that belong to the transport."""
        args = dict(self._httpx_args)
        transport_args = {name: args.pop(name) for name in _TRANSPORT_ARGS if name in args}
        args.pop("transport", None)
        headers = dict(self._headers)
        if not any(name.lower() == "user-agent" for name in headers):
            headers["User-Agent"] = USER_AGENT
        client_args = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": headers,
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth(),
            **args,
        }
        return client_args, transport_args

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout,
        credentials and retries.
        """
        self._client = client
        self._owns_client = False
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set (one, however many
        threads ask at once)."""
        client = self._client
        if client is not None:
            return client
        with self._build_lock:
            if self._client is None:
                client_args, transport_args = self._client_args()
                inner = self._httpx_args.get("transport") or httpx.HTTPTransport(
                    verify=transport_verify(self._verify_ssl, transport_args),  # one SSL context per process (tls.py)
                    **transport_args,
                )
                self._client = httpx.Client(
                    transport=RetryTransport(
                        inner, self.max_retries, self.retry_policy, self.deadline, self.max_reply_bytes
                    ),
                    **client_args,
                )
            return self._client

    def close(self) -> None:
        """Close the connections of the sync client. The client stays usable: the next call opens new ones
        (unless the httpx.Client was given with set_httpx_client, which httpx cannot reopen)."""
        if self._client is not None:
            self._client.close()
            if self._owns_client:
                self._client = None

    def __enter__(self) -> Self:
        """`with client:` closes the connections at the end; the client can be entered again."""
        self.get_httpx_client()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        self.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout,
        credentials and retries.
        """
        self._async_client = async_client
        self._owns_async_client = False
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set.

        An httpx.AsyncClient's connections belong to the event loop they were opened on: when this is called on
        another loop (a second `asyncio.run()`), the client built here is replaced by a new one for that loop.
        """
        loop = _running_loop()
        built_elsewhere = self._async_loop is not None and loop is not None and loop is not self._async_loop
        if self._async_client is not None and self._owns_async_client and built_elsewhere:
            # Its loop is gone or busy elsewhere: its connections cannot be closed from here, only dropped.
            self._async_client = None
        if self._async_client is None:
            self._owns_async_client = True
            self._async_loop = loop
            client_args, transport_args = self._client_args()
            inner = self._httpx_args.get("transport") or httpx.AsyncHTTPTransport(
                verify=transport_verify(self._verify_ssl, transport_args),  # one SSL context per process (tls.py)
                **transport_args,
            )
            self._async_client = httpx.AsyncClient(
                transport=AsyncRetryTransport(
                    inner, self.max_retries, self.retry_policy, self.deadline, self.max_reply_bytes
                ),
                **client_args,
            )
            self._async_slots = in_flight_bound(self._pool_size())
        return self._async_client

    def _pool_size(self) -> int | None:
        return pool_size(self._httpx_args)

    def _async_call_slot(self) -> AbstractAsyncContextManager[Any]:
        """Entered around each async call: waits while the pool's every connection is in use."""
        self.get_async_httpx_client()
        return self._async_slots

    async def aclose(self) -> None:
        """Close the connections of the async client; the next call opens new ones (see close)."""
        if self._async_client is not None:
            await self._async_client.aclose()
            if self._owns_async_client:
                self._async_client = None
                self._async_loop = None

    async def __aenter__(self) -> Self:
        """`async with client:` closes the connections at the end; the client can be entered again."""
        self.get_async_httpx_client()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        await self.aclose()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


@define
class AuthenticatedClient(Client):
    """A client that authenticates with an API token (``Authorization: Bearer <token>``), the scheme
    Cloudflare recommends. A read-only token with "Pages Read" is enough for this API.

    A credential that no HTTP header can carry (empty, surrounded by whitespace such as a secret file's
    trailing newline, a control or non-Latin-1 character) is refused here with a ValueError that names the
    problem, never the value.

    Attributes:
        token: The API token; never shown in a repr.
        prefix: The prefix to use for the Authorization header.
        auth_header_name: The name of the Authorization header.
    """

    token: str = field(kw_only=True, repr=False, validator=credential_validator)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def _auth(self) -> httpx.Auth | None:
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return HeaderAuth({self.auth_header_name: value})

    def _credentials(self) -> tuple[str, ...]:
        return (*super()._credentials(), self.token)


@define
class ApiKeyAuthenticatedClient(AuthenticatedClient):
    """A client that authenticates with the legacy pair ``X-Auth-Email`` + ``X-Auth-Key`` (Global API key).

    Attributes:
        email: The account's email address.
        api_key: The Global API key; never shown in a repr.
    """

    email: str = field(kw_only=True, repr=False, validator=credential_validator)
    api_key: str = field(kw_only=True, repr=False, validator=credential_validator)
    token: str = field(default="", init=False, repr=False)

    def _auth(self) -> httpx.Auth | None:
        return HeaderAuth({"X-Auth-Email": self.email, "X-Auth-Key": self.api_key})

    def _credentials(self) -> tuple[str, ...]:
        return (*Client._credentials(self), self.email, self.api_key)


__all__ = ["USER_AGENT", "ApiKeyAuthenticatedClient", "AuthenticatedClient", "Client"]
