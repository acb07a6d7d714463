"""Clients for the Cloudflare API: timeouts, retries and authentication.

Written from openapi/templates/client.py.jinja. The defaults follow
Cloudflare's official Python SDK: a 60 s timeout (5 s to connect), two
retries with exponential backoff and jitter for connection errors, timeouts,
429 and 5xx (Cloudflare's own 520-530 included), honouring Retry-After.
"""

import asyncio
import email.utils
import logging
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from datetime import UTC, datetime
from typing import Any, Self

import httpx
from attrs import define, evolve, field

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

# The request extension that overrides the client's max_retries for one call.
MAX_RETRIES_EXTENSION = "cloudflare_pages_client.max_retries"

# Header names whose values never appear in a repr.
SENSITIVE_HEADERS = frozenset({"authorization", "x-auth-key", "x-auth-email", "cookie"})

logger = logging.getLogger("cloudflare_pages_client")


def parse_retry_after(value: str | None, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - now()).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return max(seconds, 0.0)


def is_retryable_status(status_code: int) -> bool:
    # 429: rate limited; 5xx: the API or Cloudflare's edge (520-530) failed.
    return status_code == 429 or status_code >= 500


# Failures worth another try: the request may not have reached Cloudflare, or the answer got lost.
RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@define(frozen=True)
class RetryPolicy:
    """How long to wait between retries; the sleep and jitter sources can be replaced (tests, schedulers).

    Attributes:
        initial_delay: The first backoff, doubled on each retry.
        max_delay: The longest computed backoff.
        max_retry_after: The longest wait a Retry-After header can ask for; longer asks wait this long.
        sleep: How the sync client waits.
        async_sleep: How the async client waits.
        jitter: A number in [0, 1); the backoff is shortened by up to a quarter of it.
    """

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    jitter: Callable[[], float] = field(default=random.random, repr=False)

    def delay(self, retry_number: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number `retry_number` (0 for the first retry)."""
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retry_after is not None:
                return min(retry_after, self.max_retry_after)
        backoff = min(self.initial_delay * 2.0**retry_number, self.max_delay)
        return backoff * (1.0 - 0.25 * self.jitter())


def _retries_for(request: httpx.Request, default: int) -> int:
    if request.method not in IDEMPOTENT_METHODS:
        return 0
    value = request.extensions.get(MAX_RETRIES_EXTENSION, default)
    return int(value)


def _log_retry(request: httpx.Request, reason: str, retry: int, retries: int, delay: float) -> None:
    logger.debug(
        "Retrying %s %s after %s (retry %d of %d) in %.2f s",
        request.method,
        request.url.path,
        reason,
        retry,
        retries,
        delay,
    )


class RetryTransport(httpx.BaseTransport):
    """Retries an idempotent request on connection errors, timeouts, 429 and 5xx."""

    def __init__(self, transport: httpx.BaseTransport, max_retries: int, policy: RetryPolicy) -> None:
        self._transport = transport
        self._max_retries = max_retries
        self._policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retries = _retries_for(request, self._max_retries)
        retry = 0
        while True:
            try:
                response = self._transport.handle_request(request)
            except RETRYABLE_ERRORS as error:
                if retry >= retries:
                    raise
                delay, reason = self._policy.delay(retry, None), type(error).__name__
            else:
                if retry >= retries or not is_retryable_status(response.status_code):
                    return response
                delay, reason = self._policy.delay(retry, response), f"status {response.status_code}"
                response.close()
            retry += 1
            _log_retry(request, reason, retry, retries, delay)
            self._policy.sleep(delay)

    def close(self) -> None:
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of RetryTransport."""

    def __init__(self, transport: httpx.AsyncBaseTransport, max_retries: int, policy: RetryPolicy) -> None:
        self._transport = transport
        self._max_retries = max_retries
        self._policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        retries = _retries_for(request, self._max_retries)
        retry = 0
        while True:
            try:
                response = await self._transport.handle_async_request(request)
            except RETRYABLE_ERRORS as error:
                if retry >= retries:
                    raise
                delay, reason = self._policy.delay(retry, None), type(error).__name__
            else:
                if retry >= retries or not is_retryable_status(response.status_code):
                    return response
                delay, reason = self._policy.delay(retry, response), f"status {response.status_code}"
                await response.aclose()
            retry += 1
            _log_retry(request, reason, retry, retries, delay)
            await self._policy.async_sleep(delay)

    async def aclose(self) -> None:
        await self._transport.aclose()


class HeaderAuth(httpx.Auth):
    """Adds fixed headers to every request; its repr never shows them."""

    def __init__(self, headers: Mapping[str, str]) -> None:
        self._headers = dict(headers)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        yield request

    def __repr__(self) -> str:
        return f"HeaderAuth(headers=[{', '.join(sorted(self._headers))}])"


def _redacted_headers(headers: Mapping[str, str]) -> str:
    shown = {name: ("[redacted]" if name.lower() in SENSITIVE_HEADERS else value) for name, value in headers.items()}
    return repr(shown)


def _check_max_retries(instance: object, attribute: object, value: int) -> None:
    if value < 0:
        raise ValueError(f"max_retries must be 0 or more, got {value}")


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
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=_redacted_headers)
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
            inner = self._httpx_args.get("transport") or httpx.HTTPTransport(verify=self._verify_ssl, **transport_args)
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
                verify=self._verify_ssl, **transport_args
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
