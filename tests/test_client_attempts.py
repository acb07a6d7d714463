"""An APIError reports the attempts actually made, as the retrying transport counted them (issue 16, point 9).

Each test runs against the scripted server on 127.0.0.1, sync and async, and compares the count the error carries
with the requests the server saw.
"""

from __future__ import annotations

import pytest

from cloudflare_pages_client import (
    APIError,
    AuthenticatedClient,
    NotFoundError,
    RateLimitError,
    ServerError,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.scripted_server import Action, ScriptedServer, html_reply, json_reply
from tests.support.calls import MODES, fetch, fetch_detailed, no_wait_policy

NOT_FOUND = load(RECORDINGS_DIR / "project-not-found.json").body
RATE_LIMITED = load(RECORDINGS_DIR / "rate-limited.json").body
GOOD_BODY = load(RECORDINGS_DIR / "github-push-with-source.json").body


def make_client(server: ScriptedServer, **options: object) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token="test-token", retry_policy=no_wait_policy(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("script", "kind", "attempts"),
    [
        ((html_reply(503),), ServerError, 3),
        ((json_reply(429, RATE_LIMITED, Retry_After="0"),), RateLimitError, 3),
        ((json_reply(404, NOT_FOUND),), NotFoundError, 1),
        ((html_reply(503), html_reply(502), json_reply(404, NOT_FOUND)), NotFoundError, 3),
    ],
    ids=["503-retried", "429-retried", "404-once", "404-after-two-5xx"],
)
def test_the_error_carries_the_requests_the_server_saw(
    server: ScriptedServer, mode: str, script: tuple[Action, ...], kind: type[APIError], attempts: int
) -> None:
    server.play(*script)
    with pytest.raises(kind) as raised:
        fetch(mode, make_client(server))
    assert server.count == attempts
    assert raised.value.attempts == attempts
    assert (f", after {attempts} attempts. " in str(raised.value)) is (attempts > 1)


@pytest.mark.parametrize("mode", MODES)
def test_the_message_says_after_how_many_attempts(server: ScriptedServer, mode: str) -> None:
    server.play(html_reply(503))
    with pytest.raises(ServerError) as raised:
        fetch(mode, make_client(server))
    assert str(raised.value) == (
        "Cloudflare answered 503 Service Unavailable: no error envelope (not a JSON reply) "
        "(cf-ray 8e0123456789abcd-SJC), after 3 attempts. Cloudflare or its edge failed; this is usually "
        "transient, retry later."
    )


@pytest.mark.parametrize("mode", MODES)
def test_no_retry_allowed_is_one_attempt(server: ScriptedServer, mode: str) -> None:
    server.play(html_reply(503))
    with pytest.raises(ServerError) as raised:
        fetch(mode, make_client(server), max_retries=0)
    assert (server.count, raised.value.attempts) == (1, 1)
    assert "attempt" not in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_a_retry_the_deadline_has_no_room_for_is_not_counted(server: ScriptedServer, mode: str) -> None:
    # max_retries allows 2 more, but a 30 s Retry-After does not fit a 10 s deadline: counted, not guessed.
    server.play(json_reply(429, RATE_LIMITED, Retry_After="30"))
    with pytest.raises(RateLimitError) as raised:
        fetch(mode, make_client(server, deadline=10.0))
    assert (server.count, raised.value.attempts, raised.value.retry_after) == (1, 1, 30.0)


@pytest.mark.parametrize("mode", MODES)
def test_the_detailed_response_carries_the_attempts_too(server: ScriptedServer, mode: str) -> None:
    server.play(html_reply(502), json_reply(200, GOOD_BODY))
    response = fetch_detailed(mode, make_client(server))
    assert (response.status_code, response.attempts, server.count) == (200, 2, 2)
    server.play(json_reply(200, GOOD_BODY))
    assert fetch_detailed(mode, make_client(server)).attempts == 1


def test_an_error_built_without_attempts_is_one_attempt_as_before() -> None:
    error = ServerError(status_code=500, codes=[], messages=[], cf_ray=None)
    assert error.attempts == 1
    assert str(error) == (
        "Cloudflare answered 500 Internal Server Error: no error envelope (not a JSON reply). "
        "Cloudflare or its edge failed; this is usually transient, retry later."
    )
    limited = RateLimitError(status_code=429, codes=[971], messages=["Slow down"], cf_ray=None, attempts=4)
    assert (limited.attempts, limited.retry_after) == (4, None)
    assert str(limited).startswith("Cloudflare answered 429 Too Many Requests: [971] Slow down, after 4 attempts. ")
