"""The error hierarchy: which class an error reply becomes, and what its message says."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from cloudflare_pages_client._runtime.errors import (
    APIError,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    UnexpectedStatus,
    api_error,
    status_text,
)


def envelope(*errors: tuple[int, str]) -> Any:
    """Stands in for a parsed ErrorEnvelope: api_error reads only errors[].code and errors[].message."""
    return SimpleNamespace(errors=[SimpleNamespace(code=code, message=message) for code, message in errors])


@pytest.mark.parametrize(
    ("status", "codes", "error_class"),
    [
        (400, [], APIError),
        (401, [], AuthenticationError),
        (403, [], AuthenticationError),
        # The status decides, whatever the code: 10000 is also Cloudflare's code for a rate limit.
        (400, [10000], APIError),
        (429, [10000], RateLimitError),
        (404, [10000], NotFoundError),
        (404, [8000007], NotFoundError),
        (409, [], APIError),
        (429, [971], RateLimitError),
        (500, [], ServerError),
        (503, [], ServerError),
        (522, [], ServerError),
        (530, [], ServerError),
    ],
)
def test_an_error_reply_becomes_its_class(status: int, codes: list[int], error_class: type[APIError]) -> None:
    error = api_error(status, {}, envelope(*((code, "m") for code in codes)), None)
    assert type(error) is error_class
    assert error.status_code == status
    assert error.codes == codes


def test_the_envelope_codes_messages_and_cf_ray_are_kept() -> None:
    parsed = envelope((8000007, "Project not found."), (8000000, "Second."))
    error = api_error(404, {"cf-ray": "8e00-SJC"}, parsed, None)
    assert error.codes == [8000007, 8000000]
    assert error.messages == ["Project not found.", "Second."]
    assert error.cf_ray == "8e00-SJC"
    assert error.envelope is parsed
    assert str(error) == (
        "Cloudflare answered 404 Not Found: [8000007] Project not found.; [8000000] Second. (cf-ray 8e00-SJC). "
        "Check the account id, the project name and the deployment id."
    )


def test_a_rate_limit_error_carries_retry_after() -> None:
    error = api_error(429, {}, envelope((971, "Please wait")), 30.0)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 30.0


def test_an_html_reply_has_no_codes() -> None:
    error = api_error(522, {}, None, None)
    assert error.codes == []
    assert str(error).startswith(
        "Cloudflare answered 522 Connection timed out (Cloudflare edge): no error envelope (not a JSON reply)."
    )


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (200, "200 OK"),
        (404, "404 Not Found"),
        (429, "429 Too Many Requests"),
        (502, "502 Bad Gateway"),
        (520, "520 Web server returned an unknown error (Cloudflare edge)"),
        (522, "522 Connection timed out (Cloudflare edge)"),
        (530, "530 Origin DNS error (Cloudflare edge)"),
        (599, "599"),
    ],
)
def test_status_text(status: int, text: str) -> None:
    assert status_text(status) == text


def test_a_decode_error_keeps_and_shows_the_start_of_the_body() -> None:
    body = b"<html>" + b"x" * 300
    error = ResponseDecodeError(status_code=200, content_type="text/html", body=body, reason="not JSON")
    assert error.body_start == body[:200]
    assert "Cloudflare answered 200 OK with a body this client cannot read (not JSON)" in str(error)
    assert f"body starts {body[:200].decode()!r}..." in str(error)


def test_unexpected_status_names_it_and_the_body() -> None:
    error = UnexpectedStatus(302, b"moved")
    assert str(error) == "Unexpected status code: 302 Found; the spec does not document it. Body starts 'moved'"
