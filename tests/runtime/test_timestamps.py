"""parse_timestamp: RFC 3339 as the API writes it, lower-case letters included."""

from __future__ import annotations

import datetime

import pytest

from cloudflare_pages_client._runtime.shapes import ValueMismatch
from cloudflare_pages_client._runtime.timestamps import parse_timestamp

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-16T18:41:19.07168Z", datetime.datetime(2023, 6, 16, 18, 41, 19, 71680, tzinfo=UTC)),
        ("2023-06-16t18:41:19.07168z", datetime.datetime(2023, 6, 16, 18, 41, 19, 71680, tzinfo=UTC)),
        ("2023-06-16T18:41:19z", datetime.datetime(2023, 6, 16, 18, 41, 19, tzinfo=UTC)),
        ("2023-06-16T18:41:19.071680999Z", datetime.datetime(2023, 6, 16, 18, 41, 19, 71680, tzinfo=UTC)),
        (
            "2023-06-16T20:41:19+02:00",
            datetime.datetime(2023, 6, 16, 20, 41, 19, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        ),
    ],
)
def test_every_rfc_3339_spelling_is_read(text: str, expected: datetime.datetime) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


def test_a_string_that_is_no_timestamp_raises_a_value_mismatch_that_does_not_quote_it() -> None:
    with pytest.raises(ValueMismatch) as raised:
        parse_timestamp("2023-13-01t00:00:00z")
    assert raised.value.args == ("not an RFC 3339 timestamp",)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-16T18:41:19", datetime.datetime(2023, 6, 16, 18, 41, 19, tzinfo=UTC)),
        ("2023-06-16T18:41:19.07168", datetime.datetime(2023, 6, 16, 18, 41, 19, 71680, tzinfo=UTC)),
        ("2023-06-16 18:41:19", datetime.datetime(2023, 6, 16, 18, 41, 19, tzinfo=UTC)),
    ],
)
def test_a_timestamp_without_an_offset_is_read_as_utc(text: str, expected: datetime.datetime) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    assert parsed.tzinfo is UTC


def test_a_value_that_is_not_a_string_raises_type_error_as_stock_does() -> None:
    with pytest.raises(TypeError, match="fromisoformat: argument must be str"):
        parse_timestamp(1686940879)  # type: ignore[arg-type]
