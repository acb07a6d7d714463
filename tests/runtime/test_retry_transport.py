"""RetryTransport and AsyncRetryTransport over a scripted inner transport: no socket, no real wait."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

import httpx
import pytest

from cloudflare_pages_client._runtime.constants import MAX_RETRIES_EXTENSION
from cloudflare_pages_client._runtime.retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from tests.runtime.waits import Waits

URL = "https://api.example/client/v4/thing"
Step = httpx.Response | Exception


class Script:
    """The inner transport's answers, in order: a response to return or an exception to raise."""

    def __init__(self, steps: Iterable[Step]) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.answered: list[httpx.Response] = []

    def next(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        self.answered.append(step)
        return step


class SyncInner(httpx.BaseTransport):
    def __init__(self, script: Script) -> None:
        self.script = script

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.script.next(request)


class AsyncInner(httpx.AsyncBaseTransport):
    def __init__(self, script: Script) -> None:
        self.script = script

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.script.next(request)


def send(
    mode: str,
    steps: Iterable[Step],
    waits: Waits,
    method: str = "GET",
    max_retries: int = 2,
    per_call: int | None = None,
) -> tuple[httpx.Response, Script]:
    """Send one request through the retrying transport of `mode`; returns the final response and the script."""
    script = Script(steps)
    policy = RetryPolicy(sleep=waits.sleep, async_sleep=waits.async_sleep, jitter=lambda: 0.0)
    extensions = {} if per_call is None else {MAX_RETRIES_EXTENSION: per_call}
    request = httpx.Request(method, URL, extensions=extensions)
    if mode == "sync":
        return RetryTransport(SyncInner(script), max_retries, policy).handle_request(request), script
    transport = AsyncRetryTransport(AsyncInner(script), max_retries, policy)
    return asyncio.run(transport.handle_async_request(request)), script


MODES = ("sync", "async")


def streamed(status: int) -> httpx.Response:
    """An answer whose body is still open, as from a real connection (a plain Response is born closed)."""
    return httpx.Response(status, stream=httpx.ByteStream(b"{}"))


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.mark.parametrize("mode", MODES)
def test_a_success_is_returned_at_once(mode: str, waits: Waits) -> None:
    response, script = send(mode, [httpx.Response(200)], waits)
    assert response.status_code == 200
    assert len(script.requests) == 1
    assert waits.seconds == []


@pytest.mark.parametrize("mode", MODES)
def test_retryable_statuses_are_retried_with_backoff(mode: str, waits: Waits) -> None:
    steps = [streamed(503), streamed(522), streamed(200)]
    response, script = send(mode, steps, waits)
    assert response.status_code == 200
    assert len(script.requests) == 3
    assert waits.seconds == [0.5, 1.0]
    # Every answer is read inside the retry loop, then closed: its connection goes back to the pool.
    assert [answer.is_closed for answer in script.answered] == [True, True, True]
    assert response.read() == b"{}"


@pytest.mark.parametrize("mode", MODES)
def test_the_last_answer_is_returned_when_the_retries_run_out(mode: str, waits: Waits) -> None:
    response, script = send(mode, [httpx.Response(500), httpx.Response(502), httpx.Response(503)], waits)
    assert response.status_code == 503
    assert len(script.requests) == 3
    assert waits.seconds == [0.5, 1.0]


@pytest.mark.parametrize("mode", MODES)
def test_retry_after_is_waited(mode: str, waits: Waits) -> None:
    limited = httpx.Response(429, headers={"Retry-After": "7"})
    response, _ = send(mode, [limited, httpx.Response(200)], waits)
    assert response.status_code == 200
    assert waits.seconds == [7.0]


@pytest.mark.parametrize("mode", MODES)
def test_a_non_retryable_status_is_returned_at_once(mode: str, waits: Waits) -> None:
    response, script = send(mode, [httpx.Response(404), httpx.Response(200)], waits)
    assert response.status_code == 404
    assert len(script.requests) == 1
    assert waits.seconds == []


@pytest.mark.parametrize("mode", MODES)
def test_connection_errors_are_retried_then_raised(mode: str, waits: Waits) -> None:
    steps: list[Step] = [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.ConnectError("again")]
    with pytest.raises(httpx.ConnectError, match="again"):
        send(mode, steps, waits)
    assert waits.seconds == [0.5, 1.0]


@pytest.mark.parametrize("mode", MODES)
def test_a_connection_error_then_a_success(mode: str, waits: Waits) -> None:
    response, script = send(mode, [httpx.RemoteProtocolError("closed"), httpx.Response(200)], waits)
    assert response.status_code == 200
    assert len(script.requests) == 2
    assert waits.seconds == [0.5]


@pytest.mark.parametrize("mode", MODES)
def test_a_non_retryable_error_is_raised_at_once(mode: str, waits: Waits) -> None:
    with pytest.raises(httpx.UnsupportedProtocol):
        send(mode, [httpx.UnsupportedProtocol("ftp"), httpx.Response(200)], waits)
    assert waits.seconds == []


@pytest.mark.parametrize("mode", MODES)
def test_a_post_is_never_retried(mode: str, waits: Waits) -> None:
    response, script = send(mode, [httpx.Response(503), httpx.Response(200)], waits, method="POST")
    assert response.status_code == 503
    assert len(script.requests) == 1


@pytest.mark.parametrize("mode", MODES)
def test_the_per_call_extension_overrides_the_transport_default(mode: str, waits: Waits) -> None:
    steps: list[Step] = [*[httpx.Response(503)] * 4, httpx.Response(200)]
    response, script = send(mode, steps, waits, max_retries=0, per_call=4)
    assert (response.status_code, len(script.requests)) == (200, 5)
    assert waits.seconds == [0.5, 1.0, 2.0, 4.0]
    response, script = send(mode, [httpx.Response(503), httpx.Response(200)], waits, max_retries=5, per_call=0)
    assert (response.status_code, len(script.requests)) == (503, 1)


def test_each_retry_is_logged_with_its_reason(waits: Waits, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="cloudflare_pages_client"):
        send("sync", [httpx.ConnectError("refused"), httpx.Response(503), httpx.Response(200)], waits)
    assert caplog.messages == [
        "Retrying GET /client/v4/thing after ConnectError (retry 1 of 2) in 0.50 s",
        "Retrying GET /client/v4/thing after status 503 (retry 2 of 2) in 1.00 s",
    ]
