"""The client against a real server on 127.0.0.1 that misbehaves: counts, waits and errors."""

from __future__ import annotations

import dataclasses
import email.utils
import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from cloudflare_pages_client import (
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticatedClient,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    RetryPolicy,
    ServerError,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.scripted_server import DROP, ScriptedServer, html_reply, json_reply, raw_reply
from tests.support.calls import MODES, OPERATION_PATH, fetch, fetch_detailed

GOOD_BODY = load(RECORDINGS_DIR / "github-push-with-source.json").body
NOT_FOUND = load(RECORDINGS_DIR / "project-not-found.json").body
BAD_TOKEN = load(RECORDINGS_DIR / "bad-token.json").body
RATE_LIMITED = load(RECORDINGS_DIR / "rate-limited.json").body


class Sleeps:
    """Stands in for time.sleep / asyncio.sleep: records every wait instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def sync(self, seconds: float) -> None:
        self.waits.append(seconds)

    async def async_(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def make_client(server: ScriptedServer, sleeps: Sleeps, **options: object) -> AuthenticatedClient:
    # jitter=0: the backoff is exactly initial_delay * 2**n.
    policy = RetryPolicy(sleep=sleeps.sync, async_sleep=sleeps.async_, jitter=lambda: 0.0)
    return AuthenticatedClient(base_url=server.url, token="test-token", retry_policy=policy, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
def test_success_needs_one_request_and_no_wait(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(json_reply(200, GOOD_BODY))
    deployment = fetch(mode, make_client(server, sleeps))
    assert deployment.id == "c9a8b7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d"
    assert server.count == 1
    assert server.received[0].raw_path == OPERATION_PATH
    assert server.received[0].headers["authorization"] == "Bearer test-token"
    assert sleeps.waits == []


@pytest.mark.parametrize("mode", MODES)
def test_dropped_connection_is_retried_twice_then_a_connection_error(
    server: ScriptedServer, sleeps: Sleeps, mode: str
) -> None:
    server.play(DROP)
    with pytest.raises(APIConnectionError) as raised:
        fetch(mode, make_client(server, sleeps))
    assert not isinstance(raised.value, APITimeoutError)
    assert server.count == 3
    assert sleeps.waits == [0.5, 1.0]
    assert raised.value.attempts == 3
    assert "after 3 attempts (RemoteProtocolError" in str(raised.value)
    assert "Check the network and the base URL" in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_dropped_connection_then_success(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(DROP, json_reply(200, GOOD_BODY))
    assert fetch(mode, make_client(server, sleeps)).short_id == "c9a8b7d6"
    assert server.count == 2
    assert sleeps.waits == [0.5]


@pytest.mark.parametrize("mode", MODES)
def test_answer_slower_than_the_timeout(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(dataclasses.replace(json_reply(200, GOOD_BODY), delay=1.0))
    client = make_client(server, sleeps, timeout=httpx.Timeout(0.2), max_retries=1)
    with pytest.raises(APITimeoutError) as raised:
        fetch(mode, client)
    assert server.count == 2
    assert sleeps.waits == [0.5]
    assert "within the timeout after 2 attempts (ReadTimeout)" in str(raised.value)
    assert "raise the timeout" in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_per_call_timeout_and_retries_override_the_client(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(dataclasses.replace(json_reply(200, GOOD_BODY), delay=1.0))
    client = make_client(server, sleeps, timeout=30.0)
    with pytest.raises(APITimeoutError) as raised:
        fetch(mode, client, timeout=0.2, max_retries=0)
    assert server.count == 1
    assert sleeps.waits == []
    assert "after 1 attempt " in str(raised.value)


def test_default_timeout_is_60s_with_5s_to_connect() -> None:
    client = AuthenticatedClient(token="t")
    assert httpx.Timeout(60.0, connect=5.0) == DEFAULT_TIMEOUT
    assert client.get_httpx_client().timeout == httpx.Timeout(60.0, connect=5.0)
    assert client.max_retries == 2
    assert str(client.get_httpx_client().base_url) == "https://api.cloudflare.com/client/v4/"


@pytest.mark.parametrize("mode", MODES)
def test_truncated_json_is_a_decode_error(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    truncated = json_reply(200, GOOD_BODY).body[:150]
    server.play(raw_reply(200, truncated, "application/json"))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, make_client(server, sleeps))
    error = raised.value
    assert server.count == 1
    assert (error.status_code, error.content_type) == (200, "application/json")
    assert error.body_start == truncated
    assert "Cloudflare answered 200 OK with a body this client cannot read (JSONDecodeError" in str(error)


@pytest.mark.parametrize("mode", MODES)
def test_missing_required_field_is_a_decode_error_naming_it(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    body = {**GOOD_BODY, "result": {k: v for k, v in GOOD_BODY["result"].items() if k != "created_on"}}
    server.play(json_reply(200, body))
    with pytest.raises(
        ResponseDecodeError, match=r"/result/created_on is missing; Deployment\.created_on takes datetime\.datetime\)"
    ) as raised:
        fetch(mode, make_client(server, sleeps))
    assert raised.value.pointer == "/result/created_on"
    assert server.count == 1


@pytest.mark.parametrize("mode", MODES)
def test_html_with_200_is_a_decode_error(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(raw_reply(200, b"<!DOCTYPE html><html>Just a moment...</html>", "text/html; charset=UTF-8"))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, make_client(server, sleeps))
    assert server.count == 1
    assert raised.value.content_type == "text/html; charset=UTF-8"
    assert raised.value.body_start.startswith(b"<!DOCTYPE html>")
    assert "(not JSON)" in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_bad_gateway_html_is_retried_then_a_server_error(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(html_reply(502))
    with pytest.raises(ServerError) as raised:
        fetch(mode, make_client(server, sleeps))
    error = raised.value
    assert server.count == 3
    assert sleeps.waits == [0.5, 1.0]
    assert (error.status_code, error.codes, error.cf_ray) == (502, [], "8e0123456789abcd-SJC")
    assert str(error).startswith("Cloudflare answered 502 Bad Gateway: no error envelope (not a JSON reply)")
    assert "usually transient" in str(error)


@pytest.mark.parametrize("status", [520, 521, 522, 523, 524, 525, 526, 527, 530])
def test_cloudflare_edge_statuses_are_server_errors(server: ScriptedServer, sleeps: Sleeps, status: int) -> None:
    server.play(html_reply(status))
    with pytest.raises(ServerError) as raised:
        fetch("sync", make_client(server, sleeps, max_retries=0))
    assert server.count == 1
    assert raised.value.status_code == status
    assert f"Cloudflare answered {status} " in str(raised.value)
    assert "(Cloudflare edge)" in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_detailed_call_returns_edge_pages_unparsed(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(html_reply(522))
    response = fetch_detailed(mode, make_client(server, sleeps, max_retries=0))
    assert response.status_code == 522
    assert response.parsed is None
    assert response.content.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("mode", MODES)
def test_rate_limit_waits_retry_after_seconds(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(json_reply(429, RATE_LIMITED, retry_after="7"), json_reply(200, GOOD_BODY))
    assert fetch(mode, make_client(server, sleeps)).project_name == "marketing-site"
    assert server.count == 2
    assert sleeps.waits == [7.0]


def test_rate_limit_waits_until_an_http_date(server: ScriptedServer, sleeps: Sleeps) -> None:
    when = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    server.play(json_reply(429, RATE_LIMITED, retry_after=when), json_reply(200, GOOD_BODY))
    fetch("sync", make_client(server, sleeps))
    assert server.count == 2
    # The date has a one-second resolution and the clock moves on while the test runs.
    assert len(sleeps.waits) == 1
    assert 17.0 <= sleeps.waits[0] <= 20.0


def test_retry_after_is_capped(server: ScriptedServer, sleeps: Sleeps) -> None:
    server.play(json_reply(429, RATE_LIMITED, retry_after="3600"), json_reply(200, GOOD_BODY))
    fetch("sync", make_client(server, sleeps))
    assert sleeps.waits == [60.0]


@pytest.mark.parametrize("mode", MODES)
def test_persistent_rate_limit_is_a_rate_limit_error(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(json_reply(429, RATE_LIMITED, retry_after="30"))
    with pytest.raises(RateLimitError) as raised:
        fetch(mode, make_client(server, sleeps))
    assert server.count == 3
    assert sleeps.waits == [30.0, 30.0]
    assert (raised.value.retry_after, raised.value.codes) == (30.0, [971])
    assert "[971] Please wait and consider throttling your request speed" in str(raised.value)


def test_backoff_doubles_up_to_the_cap_and_jitter_shortens_it(server: ScriptedServer) -> None:
    waits: list[float] = []
    policy = RetryPolicy(sleep=waits.append, jitter=lambda: 1.0, initial_delay=1.0, max_delay=3.0)
    server.play(json_reply(503, {"success": False, "errors": [{"code": 8000000, "message": "unknown"}]}))
    client = AuthenticatedClient(base_url=server.url, token="t", retry_policy=policy, max_retries=4)
    with pytest.raises(ServerError):
        fetch("sync", client)
    assert server.count == 5
    assert waits == [0.75, 1.5, 2.25, 2.25]


@pytest.mark.parametrize("mode", MODES)
def test_not_found_is_not_retried(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(json_reply(404, NOT_FOUND))
    with pytest.raises(NotFoundError) as raised:
        fetch(mode, make_client(server, sleeps))
    assert server.count == 1
    assert sleeps.waits == []
    assert raised.value.codes == [8000007]
    assert raised.value.messages[0].startswith("Project not found.")
    assert "Check the account id, the project name and the deployment id" in str(raised.value)


@pytest.mark.parametrize("status", [400, 401, 403, 405, 409])
def test_other_4xx_are_never_retried(server: ScriptedServer, sleeps: Sleeps, status: int) -> None:
    server.play(json_reply(status, BAD_TOKEN))
    with pytest.raises(APIError):
        fetch("sync", make_client(server, sleeps))
    assert server.count == 1


@pytest.mark.parametrize("mode", MODES)
def test_bad_token_is_an_authentication_error(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(json_reply(403, BAD_TOKEN, cf_ray="8e9999aaaabbbbcc-LHR"))
    with pytest.raises(AuthenticationError) as raised:
        fetch(mode, make_client(server, sleeps))
    assert (raised.value.status_code, raised.value.codes, raised.value.cf_ray) == (403, [10000], "8e9999aaaabbbbcc-LHR")
    assert "Pages Read" in str(raised.value)
    assert "test-token" not in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_zero_retries_turns_retrying_off(server: ScriptedServer, sleeps: Sleeps, mode: str) -> None:
    server.play(html_reply(503))
    with pytest.raises(ServerError):
        fetch(mode, make_client(server, sleeps, max_retries=0))
    assert server.count == 1
    assert sleeps.waits == []


def test_negative_retries_are_refused() -> None:
    with pytest.raises(ValueError, match="max_retries must be 0 or more, got -1"):
        AuthenticatedClient(token="t", max_retries=-1)


def test_each_retry_is_logged_at_debug(
    server: ScriptedServer, sleeps: Sleeps, caplog: pytest.LogCaptureFixture
) -> None:
    server.play(html_reply(503), html_reply(503), json_reply(200, GOOD_BODY))
    with caplog.at_level(logging.DEBUG, logger="cloudflare_pages_client"):
        fetch("sync", make_client(server, sleeps))
    retries = [r for r in caplog.records if r.name == "cloudflare_pages_client"]
    assert [r.levelno for r in retries] == [logging.DEBUG, logging.DEBUG]
    assert [r.getMessage() for r in retries] == [
        f"Retrying GET {OPERATION_PATH} after status 503 (retry 1 of 2) in 0.50 s",
        f"Retrying GET {OPERATION_PATH} after status 503 (retry 2 of 2) in 1.00 s",
    ]
