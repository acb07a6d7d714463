"""When to retry, how long to wait, and the transports that do it (sync and async).

Every decision is one method of RetryPolicy, so that a test (or a subclass) can
look at each alone; the transports only loop.
"""

import asyncio
import email.utils
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime

import httpx
from attrs import define, field

from .constants import (
    ATTEMPTS_EXTENSION,
    BODY_EXCERPT_BYTES,
    INITIAL_RETRY_DELAY,
    LOGGER_NAME,
    MAX_RETRIES_EXTENSION,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRY_JITTER,
)
from .deadline import Deadline, DeadlineExceeded
from .limits import check_reply_size, reply_too_large

logger = logging.getLogger(LOGGER_NAME)

# Failures worth another try: the request may not have reached Cloudflare, or the answer got lost.
RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

# Sending one of these again changes nothing on the server, so only they are retried.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


# RFC 9110's delta-seconds: 1*DIGIT (ASCII only, unlike str.isdigit()).
_DELTA_SECONDS = re.compile("[0-9]+")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def parse_retry_after(
    value: str | None, now: Callable[[], datetime] = _utc_now, limit: float = MAX_RETRY_AFTER
) -> float | None:
    """Seconds to wait from a Retry-After header, at most `limit`; None when it is not one RFC 9110 allows.

    RFC 9110 (10.2.3) allows delta-seconds (digits only: no sign, fraction, `1_000` or `inf`) or an HTTP date.
    A date in the past waits nothing; a date or a number too large for Python's clock waits `limit`.
    """
    if value is None:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        # Many digits could exceed int() and float() limits; past nine, it is beyond any limit anyway.
        return min(float(value) if len(value) <= 9 else limit, limit)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except OverflowError:  # a year with more digits than a C long holds: far in the future
        return limit
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        seconds = (when - now()).total_seconds()
    except OverflowError:
        return limit
    return min(max(seconds, 0.0), limit)


def check_max_retries(value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"max_retries must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"max_retries must be 0 or more, got {value}")
    return value


@define(frozen=True)
class RetryPolicy:
    """Which failures are retried and how long to wait; the clock, sleep and jitter sources can be replaced.

    Attributes:
        initial_delay: The first backoff, doubled on each retry.
        max_delay: The longest computed backoff.
        max_retry_after: The longest wait a Retry-After header can ask for; longer asks wait this long.
        sleep: How the sync client waits.
        async_sleep: How the async client waits.
        jitter: A number in [0, 1); the backoff is shortened by up to a quarter of it.
        now: The current time, to read a Retry-After given as an HTTP date.
        clock: A monotonic clock in seconds, for the call's deadline (deadline.py).
    """

    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    jitter: Callable[[], float] = field(default=random.random, repr=False)
    now: Callable[[], datetime] = field(default=_utc_now, repr=False)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)

    def retries_for(self, request: httpx.Request, default: int) -> int:
        """How many retries `request` may have: none unless idempotent, else its per-call override or `default`."""
        if request.method not in IDEMPOTENT_METHODS:
            return 0
        return int(request.extensions.get(MAX_RETRIES_EXTENSION, default))

    def should_retry_status(self, status_code: int) -> bool:
        # 429: rate limited; 5xx: the API or Cloudflare's edge (520-530) failed.
        return status_code == 429 or status_code >= 500

    def should_retry_error(self, error: BaseException) -> bool:
        # A PoolTimeout sent nothing: the pool is full, and a retry would only queue again.
        return isinstance(error, RETRYABLE_ERRORS) and not isinstance(error, httpx.PoolTimeout)

    def backoff(self, retry_number: int) -> float:
        """The exponential backoff before retry number `retry_number` (0 for the first), with jitter."""
        backoff = min(self.initial_delay * 2.0**retry_number, self.max_delay)
        return backoff * (1.0 - RETRY_JITTER * self.jitter())

    def retry_after(self, headers: Mapping[str, str]) -> float | None:
        """The wait a Retry-After header in `headers` asks for, capped at max_retry_after; None without one."""
        return parse_retry_after(headers.get("retry-after"), self.now, self.max_retry_after)

    def delay(self, retry_number: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number `retry_number`: the (capped) Retry-After, else the backoff."""
        if response is not None:
            retry_after = self.retry_after(response.headers)
            if retry_after is not None:
                return retry_after
        return self.backoff(retry_number)


_DEFAULT_POLICY = RetryPolicy()


def is_retryable_status(status_code: int) -> bool:
    """Whether the default policy retries an answer with this status."""
    return _DEFAULT_POLICY.should_retry_status(status_code)


class _Attempts:
    """One request's retry loop: after each failure, the wait before the next try, or None to give up."""

    def __init__(self, policy: RetryPolicy, request: httpx.Request, default_retries: int, deadline: Deadline) -> None:
        self._policy = policy
        self._deadline = deadline
        self._request = request
        self._retries = policy.retries_for(request, default_retries)
        self._retry = 0
        self._made = 0

    def count(self) -> None:
        """One more attempt is being made: recorded on the request, where the caller's error reads it."""
        self._deadline.start_attempt(self._request)
        self._made += 1
        self._request.extensions[ATTEMPTS_EXTENSION] = self._made

    def wait_after_error(self, error: Exception) -> float | None:
        if self._retry >= self._retries or isinstance(error, DeadlineExceeded):
            return None
        if not self._policy.should_retry_error(error):
            return None
        return self._next(self._policy.delay(self._retry, None), type(error).__name__)

    def wait_after_response(self, response: httpx.Response) -> float | None:
        if self._retry >= self._retries or not self._policy.should_retry_status(response.status_code):
            return None
        return self._next(self._policy.delay(self._retry, response), f"status {response.status_code}")

    def _next(self, delay: float, reason: str) -> float | None:
        if not self._deadline.allows(delay):
            return None
        self._retry += 1
        logger.debug(
            "Retrying %s %s after %s (retry %d of %d) in %.2f s",
            self._request.method,
            self._request.url.path,
            reason,
            self._retry,
            self._retries,
            delay,
        )
        return delay


class RetryTransport(httpx.BaseTransport):
    """Retries an idempotent request on connection errors, timeouts, 429 and 5xx.

    The body is read here, inside the loop, so that a body that fails to arrive (a reset, an early close) is
    retried like a connection error; the attempts made are counted on the request (`attempts_made`).
    """

    def __init__(
        self,
        transport: httpx.BaseTransport,
        max_retries: int,
        policy: RetryPolicy,
        deadline: float | None = None,
        max_reply_bytes: int | None = None,
    ) -> None:
        self._transport = transport
        self._max_retries = max_retries
        self._policy = policy
        self._deadline = deadline
        self._max_reply_bytes = max_reply_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = Deadline(self._deadline, self._policy.clock)
        attempts = _Attempts(self._policy, request, self._max_retries, deadline)
        while True:
            try:
                attempts.count()
                response = self._read(request, deadline)
            except httpx.TransportError as error:
                wait = attempts.wait_after_error(error)
                if wait is None:
                    raise
            else:
                try:
                    wait = attempts.wait_after_response(response)
                except BaseException:
                    # An unclosed response keeps its pooled connection for good: close it on every path.
                    response.close()
                    raise
                if wait is None:
                    return response
                response.close()
            self._policy.sleep(wait)

    def _read(self, request: httpx.Request, deadline: Deadline) -> httpx.Response:
        response = self._transport.handle_request(request)
        if response.is_stream_consumed:  # born in memory (a MockTransport's answer): nothing left to arrive
            return response
        chunks = _Chunks(response, self._max_reply_bytes)
        try:
            for chunk in response.iter_raw():
                chunks.add(chunk)
                deadline.check(request)
        finally:
            response.close()
        return chunks.buffered()

    def close(self) -> None:
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of RetryTransport."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        max_retries: int,
        policy: RetryPolicy,
        deadline: float | None = None,
        max_reply_bytes: int | None = None,
    ) -> None:
        self._transport = transport
        self._max_retries = max_retries
        self._policy = policy
        self._deadline = deadline
        self._max_reply_bytes = max_reply_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        deadline = Deadline(self._deadline, self._policy.clock)
        attempts = _Attempts(self._policy, request, self._max_retries, deadline)
        while True:
            try:
                attempts.count()
                response = await self._read(request, deadline)
            except httpx.TransportError as error:
                wait = attempts.wait_after_error(error)
                if wait is None:
                    raise
            else:
                try:
                    wait = attempts.wait_after_response(response)
                except BaseException:
                    await response.aclose()
                    raise
                if wait is None:
                    return response
                await response.aclose()
            await self._policy.async_sleep(wait)

    async def _read(self, request: httpx.Request, deadline: Deadline) -> httpx.Response:
        response = await self._transport.handle_async_request(request)
        if response.is_stream_consumed:
            return response
        chunks = _Chunks(response, self._max_reply_bytes)
        try:
            async for chunk in response.aiter_raw():
                chunks.add(chunk)
                deadline.check(request)
        finally:
            await response.aclose()
        return chunks.buffered()

    async def aclose(self) -> None:
        await self._transport.aclose()


class _Chunks:
    """A body as it arrives, at most `limit` bytes as sent and, once all is in, as decompressed (limits.py)."""

    def __init__(self, response: httpx.Response, limit: int | None) -> None:
        self._response = response
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0

    def add(self, chunk: bytes) -> None:
        self._chunks.append(chunk)
        self._size += len(chunk)
        if self._limit is not None and self._size > self._limit:
            # Raised inside the read: the caller closes the response, and with it the connection.
            raise reply_too_large(self._response, b"".join(self._chunks)[:BODY_EXCERPT_BYTES], self._limit, False)

    def buffered(self) -> httpx.Response:
        """The response with its body in memory, still encoded: httpx decodes it after the response hooks, as it
        would have from the connection, so that a hook sees a body labelled gzip that is not."""
        raw = b"".join(self._chunks)
        check_reply_size(self._response, raw, self._limit)
        return httpx.Response(
            self._response.status_code,
            headers=self._response.headers,
            stream=httpx.ByteStream(raw),
            extensions=self._response.extensions,
        )


__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRYABLE_ERRORS",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "check_max_retries",
    "is_retryable_status",
    "logger",
    "parse_retry_after",
]
