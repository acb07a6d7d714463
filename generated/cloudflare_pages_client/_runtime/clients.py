"""The clients: connection settings, timeouts, retries and credentials.

The defaults follow Cloudflare's official Python SDK (see constants.py): a 60 s
timeout (5 s to connect), two retries with exponential backoff and jitter for
connection errors, timeouts, 429 and 5xx (Cloudflare's own 520-530 included),
honouring Retry-After (retry.py).
"""

import ssl
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from .auth import HeaderAuth, redacted_headers
from .constants import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport, check_max_retries
from .tls import transport_verify


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

        ``headers``, ``cookies``, ``verify_ssl``, ``follow_redirects``, ``httpx_args``: passed to httpx.
        A ``transport`` in ``httpx_args`` is wrapped by the retrying transport.

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
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True, validator=_check_max_retries)
    retry_policy: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def _auth(self) -> httpx.Auth | None:
        return None

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
        client_args = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
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
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            client_args, transport_args = self._client_args()
            inner = self._httpx_args.get("transport") or httpx.HTTPTransport(
                verify=transport_verify(self._verify_ssl, transport_args),  # one SSL context per process (tls.py)
                **transport_args,
            )
            self._client = httpx.Client(
                transport=RetryTransport(inner, self.max_retries, self.retry_policy), **client_args
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout,
        credentials and retries.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            client_args, transport_args = self._client_args()
            inner = self._httpx_args.get("transport") or httpx.AsyncHTTPTransport(
                verify=transport_verify(self._verify_ssl, transport_args),  # one SSL context per process (tls.py)
                **transport_args,
            )
            self._async_client = httpx.AsyncClient(
                transport=AsyncRetryTransport(inner, self.max_retries, self.retry_policy), **client_args
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient(Client):
    """A client that authenticates with an API token (``Authorization: Bearer <token>``), the scheme
    Cloudflare recommends. A read-only token with "Pages Read" is enough for this API.

    Attributes:
        token: The API token; never shown in a repr.
        prefix: The prefix to use for the Authorization header.
        auth_header_name: The name of the Authorization header.
    """

    token: str = field(kw_only=True, repr=False)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def _auth(self) -> httpx.Auth | None:
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return HeaderAuth({self.auth_header_name: value})


@define
class ApiKeyAuthenticatedClient(AuthenticatedClient):
    """A client that authenticates with the legacy pair ``X-Auth-Email`` + ``X-Auth-Key`` (Global API key).

    Attributes:
        email: The account's email address.
        api_key: The Global API key; never shown in a repr.
    """

    email: str = field(kw_only=True, repr=False)
    api_key: str = field(kw_only=True, repr=False)
    token: str = field(default="", init=False, repr=False)

    def _auth(self) -> httpx.Auth | None:
        return HeaderAuth({"X-Auth-Email": self.email, "X-Auth-Key": self.api_key})


__all__ = ["ApiKeyAuthenticatedClient", "AuthenticatedClient", "Client"]
