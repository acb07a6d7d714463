"""parse_retry_after: delta-seconds or an HTTP date, read against an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cloudflare_pages_client._runtime.retry import parse_retry_after

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def frozen_now() -> datetime:
    return NOW


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("  7  ", 7.0),
        ("120", 120.0),
        ("Sun, 01 Mar 2026 12:00:30 GMT", 30.0),
        ("Sun, 01 Mar 2026 12:02:00 GMT", 120.0),
        ("Sun, 01 Mar 2026 12:00:00 GMT", 0.0),
        # A date in the past, and a negative delay: wait nothing, not a negative time.
        ("Sun, 01 Mar 2026 11:59:00 GMT", 0.0),
        # An HTTP date without a zone is read as UTC.
        ("Sun, 01 Mar 2026 12:00:10", 10.0),
        ("Sun, 01 Mar 2026 13:00:10 +0100", 10.0),
    ],
)
def test_a_readable_header_gives_the_seconds_to_wait(header: str, seconds: float) -> None:
    assert parse_retry_after(header, frozen_now, limit=600.0) == seconds


@pytest.mark.parametrize(
    "header",
    # RFC 9110's delta-seconds is digits only: Python's float() and int() would read most of these.
    [
        None,
        "",
        "soon",
        "NaN",
        "nan",
        "3 seconds",
        "Sun, 99 Foo 2026",
        "1.5",
        "-5",
        "+5",
        "1_000",
        "inf",
        "1e3",
        "\uff15",
    ],
)
def test_an_unreadable_header_gives_none(header: str | None) -> None:
    assert parse_retry_after(header, frozen_now) is None


@pytest.mark.parametrize(
    "header",
    [
        "61",
        "9" * 5000,  # more digits than int() converts
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Fri, 31 Dec 99999999999999999999 23:59:59 GMT",  # a year past a C long: OverflowError before the fix
        "Fri, 31 Dec 2026 23:59:99999999999999999999 GMT",
    ],
)
def test_a_wait_past_the_limit_is_the_limit(header: str) -> None:
    assert parse_retry_after(header, frozen_now, limit=60.0) == 60.0


def test_the_clock_is_only_read_for_a_date() -> None:
    def no_clock() -> datetime:
        raise AssertionError("the clock was read for delta-seconds")

    assert parse_retry_after("4", no_clock) == 4.0
