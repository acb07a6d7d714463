"""RetryPolicy: one method per decision, each checked alone, with injected jitter and clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
import pytest

from cloudflare_pages_client._runtime.constants import MAX_RETRIES_EXTENSION
from cloudflare_pages_client._runtime.retry import RetryPolicy, is_retryable_status

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def policy(jitter: float = 0.0, **numbers: Any) -> RetryPolicy:
    """The default policy (or these numbers) with a fixed jitter and a frozen clock."""
    return attrs.evolve(RetryPolicy(jitter=lambda: jitter, now=lambda: NOW), **numbers)


def reply(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers)


@pytest.mark.parametrize(
    ("retry_number", "jitter", "delay"),
    [
        (0, 0.0, 0.5),
        (1, 0.0, 1.0),
        (2, 0.0, 2.0),
        (3, 0.0, 4.0),
        (4, 0.0, 8.0),
        # The cap: 16 s would be next.
        (5, 0.0, 8.0),
        (20, 0.0, 8.0),
        # Jitter shortens by up to a quarter, never lengthens.
        (0, 0.5, 0.4375),
        (1, 1.0, 0.75),
        (5, 1.0, 6.0),
    ],
)
def test_the_backoff_doubles_up_to_the_cap_and_jitter_shortens_it(
    retry_number: int, jitter: float, delay: float
) -> None:
    assert policy(jitter).delay(retry_number, None) == delay
    assert policy(jitter).delay(retry_number, reply(503)) == delay


def test_the_backoff_numbers_can_be_set() -> None:
    tuned = policy(initial_delay=0.1, max_delay=0.3)
    assert [tuned.delay(n, None) for n in range(4)] == [0.1, 0.2, 0.3, 0.3]


@pytest.mark.parametrize(
    ("retry_after", "delay"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("59", 59.0),
        # Capped at max_retry_after (60 s).
        ("600", 60.0),
        ("99999999999999999999999", 60.0),
        ("Sun, 01 Mar 2026 12:00:30 GMT", 30.0),
        ("Sun, 01 Mar 2026 13:00:00 GMT", 60.0),
        # Unreadable: the backoff for retry 2 instead.
        ("later", 2.0),
        ("inf", 2.0),
        ("1.5", 2.0),
    ],
)
def test_retry_after_wins_over_the_backoff_up_to_its_cap(retry_after: str, delay: float) -> None:
    assert policy().delay(2, reply(429, **{"Retry-After": retry_after})) == delay


def test_the_retry_after_cap_can_be_set() -> None:
    assert policy(max_retry_after=5.0).delay(0, reply(429, **{"Retry-After": "30"})) == 5.0


@pytest.mark.parametrize(
    ("status", "retried"),
    [
        (200, False),
        (304, False),
        (400, False),
        (401, False),
        (403, False),
        (404, False),
        (409, False),
        (429, True),
        (500, True),
        (502, True),
        (503, True),
        (520, True),
        (522, True),
        (530, True),
    ],
)
def test_should_retry_status(status: int, retried: bool) -> None:
    assert RetryPolicy().should_retry_status(status) is retried
    assert is_retryable_status(status) is retried


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ConnectTimeout("slow"), True),
        (httpx.ReadTimeout("slow"), True),
        # Nothing was sent: the pool is full, and a retry would only queue again.
        (httpx.PoolTimeout("busy"), False),
        (httpx.ReadError("reset"), True),
        (httpx.WriteError("broken pipe"), True),
        (httpx.RemoteProtocolError("closed mid-answer"), True),
        (httpx.LocalProtocolError("bad request line"), False),
        (httpx.ProxyError("proxy refused"), False),
        (httpx.UnsupportedProtocol("ftp://"), False),
        (ValueError("not a transport error"), False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_should_retry_error(error: Exception, retried: bool) -> None:
    assert RetryPolicy().should_retry_error(error) is retried


@pytest.mark.parametrize(
    ("method", "extensions", "retries"),
    [
        ("GET", {}, 2),
        ("HEAD", {}, 2),
        ("OPTIONS", {}, 2),
        ("GET", {MAX_RETRIES_EXTENSION: 5}, 5),
        ("GET", {MAX_RETRIES_EXTENSION: 0}, 0),
        # Not idempotent: never retried, whatever the call asks.
        ("POST", {}, 0),
        ("PUT", {MAX_RETRIES_EXTENSION: 5}, 0),
        ("PATCH", {}, 0),
        ("DELETE", {}, 0),
    ],
)
def test_retries_for(method: str, extensions: dict[str, int], retries: int) -> None:
    request = httpx.Request(method, "https://api.example/x", extensions=extensions)
    assert RetryPolicy().retries_for(request, default=2) == retries


def test_the_repr_shows_the_numbers_not_the_callables() -> None:
    assert repr(RetryPolicy()) == "RetryPolicy(initial_delay=0.5, max_delay=8.0, max_retry_after=60.0)"
