"""Hostile servers on 127.0.0.1 that would wear the client out: leaked connections, endless waits, threads
racing to build the pool (issue 16, points 5, 8, 9, 10)."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from cloudflare_pages_client import (
    APITimeoutError,
    AuthenticatedClient,
    Deployment,
    RateLimitError,
    RetryPolicy,
    get_deployment,
    get_deployment_async,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.scripted_server import ScriptedServer, json_reply
from tests.support.calls import ACCOUNT, DEPLOYMENT, OPERATION_PATH, PROJECT, no_wait_policy

GOOD_BODY = load(RECORDINGS_DIR / "github-push-with-source.json").body
RATE_LIMITED = load(RECORDINGS_DIR / "rate-limited.json").body
ARGUMENTS: dict[str, Any] = {"account_id": ACCOUNT, "project_name": PROJECT, "deployment_id": DEPLOYMENT}


async def no_wait(seconds: float) -> None:
    return None


def client_for(server: ScriptedServer, **options: Any) -> AuthenticatedClient:
    """Waits recorded nowhere and taking no time; a small pool, so that a leak shows within a few calls."""
    options.setdefault("retry_policy", no_wait_policy())
    options.setdefault("httpx_args", {"limits": httpx.Limits(max_connections=5)})
    options.setdefault("timeout", httpx.Timeout(10.0, pool=1.0))
    return AuthenticatedClient(base_url=server.url, token="test-token", **options)


# Years past a C long made the date parser raise OverflowError; 5,000 digits are past int()'s limit.
HOSTILE_RETRY_AFTER = [
    "Fri, 31 Dec 99999999999999999999 23:59:59 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "9" * 5000,
]


@pytest.mark.parametrize("retry_after", HOSTILE_RETRY_AFTER)
def test_300_rate_limits_with_a_hostile_retry_after_then_a_normal_call_succeeds_sync(
    server: ScriptedServer, retry_after: str
) -> None:
    client = client_for(server, max_retries=1)
    server.play(json_reply(429, RATE_LIMITED, retry_after=retry_after))
    for _ in range(300):
        with pytest.raises(RateLimitError) as raised:
            get_deployment(client, **ARGUMENTS)
        assert raised.value.retry_after == 60.0
    assert server.count == 600
    server.play(json_reply(200, GOOD_BODY))
    assert isinstance(get_deployment(client, **ARGUMENTS), Deployment)


@pytest.mark.parametrize("retry_after", HOSTILE_RETRY_AFTER)
def test_300_rate_limits_with_a_hostile_retry_after_then_a_normal_call_succeeds_async(
    server: ScriptedServer, retry_after: str
) -> None:
    client = client_for(server, max_retries=1)
    server.play(json_reply(429, RATE_LIMITED, retry_after=retry_after))

    async def calls() -> Deployment:
        for _ in range(300):
            with pytest.raises(RateLimitError) as raised:
                await get_deployment_async(client, **ARGUMENTS)
            assert raised.value.retry_after == 60.0
        server.play(json_reply(200, GOOD_BODY))
        return await get_deployment_async(client, **ARGUMENTS)

    assert isinstance(asyncio.run(calls()), Deployment)


def test_rate_limit_error_retry_after_is_capped_as_the_wait_is(server: ScriptedServer) -> None:
    policy = RetryPolicy(sleep=lambda seconds: None, max_retry_after=5.0)
    client = AuthenticatedClient(base_url=server.url, token="test-token", retry_policy=policy, max_retries=0)
    server.play(json_reply(429, RATE_LIMITED, retry_after="3600"))
    with pytest.raises(RateLimitError) as raised:
        get_deployment(client, **ARGUMENTS)
    assert raised.value.retry_after == 5.0


class PolicyBug(Exception):
    pass


class BrokenPolicy(RetryPolicy):
    """A policy that fails while deciding the wait: the answer it was deciding about must still be closed."""

    def delay(self, retry_number: int, response: httpx.Response | None) -> float:
        raise PolicyBug("delay")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_answer_is_closed_even_when_deciding_its_retry_fails(server: ScriptedServer, mode: str) -> None:
    """Five pooled connections: before the fix, the sixth call waited for the pool and failed."""
    client = client_for(server, retry_policy=BrokenPolicy())
    server.play(json_reply(503, RATE_LIMITED))

    async def calls_async() -> None:
        for _ in range(20):
            with pytest.raises(PolicyBug):
                await get_deployment_async(client, **ARGUMENTS)

    if mode == "sync":
        for _ in range(20):
            with pytest.raises(PolicyBug):
                get_deployment(client, **ARGUMENTS)
    else:
        asyncio.run(calls_async())
    assert server.count == 20


def test_sixteen_threads_sharing_a_client_build_one_httpx_client(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[httpx.Client] = []
    real_init = httpx.Client.__init__

    def counting_init(self: httpx.Client, *args: Any, **kwargs: Any) -> None:
        built.append(self)
        time.sleep(0.05)  # widens the window in which another thread could start a second build
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "__init__", counting_init)
    server.play(json_reply(200, GOOD_BODY))
    client = client_for(server, httpx_args={"limits": httpx.Limits(max_connections=16)})
    start = threading.Barrier(16)

    def call() -> Deployment:
        start.wait()
        return get_deployment(client, **ARGUMENTS)

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _: call(), range(16)))
    assert all(isinstance(result, Deployment) for result in results)
    assert server.count == 16
    assert built == [client.get_httpx_client()]


def test_a_full_pool_is_not_retried_and_says_so(server: ScriptedServer) -> None:
    """One connection, held by a slow call: the second call's PoolTimeout sent nothing, so it is not retried."""
    waits: list[float] = []
    policy = RetryPolicy(sleep=waits.append, async_sleep=no_wait)
    client = client_for(
        server,
        retry_policy=policy,
        httpx_args={"limits": httpx.Limits(max_connections=1)},
        timeout=httpx.Timeout(10.0, pool=0.2),
    )
    server.play(dataclasses.replace(json_reply(200, GOOD_BODY), delay=1.0))
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(get_deployment, client, **ARGUMENTS)
        while server.count == 0:
            time.sleep(0.01)
        with pytest.raises(APITimeoutError) as raised:
            get_deployment(client, **ARGUMENTS)
        assert isinstance(slow.result(), Deployment)
    assert str(raised.value).startswith(
        f"Nothing was sent to {server.url}{OPERATION_PATH}: all 1 connections of the client's pool stayed busy"
    )
    assert "Make fewer concurrent calls on one client" in str(raised.value)
    assert isinstance(raised.value.__cause__, httpx.PoolTimeout)
    assert waits == []
    assert server.count == 1


def test_more_concurrent_async_calls_than_connections_all_complete(server: ScriptedServer) -> None:
    """200 calls through 2 connections whose answers take 20 ms: about 2 s in all, far past the 0.5 s pool timeout
    each call waited out in httpcore's queue before the client bounded its calls in flight."""
    client = client_for(
        server, httpx_args={"limits": httpx.Limits(max_connections=2)}, timeout=httpx.Timeout(10.0, pool=0.5)
    )
    server.play(dataclasses.replace(json_reply(200, GOOD_BODY), delay=0.02))

    async def calls() -> list[Deployment | BaseException]:
        return await asyncio.gather(
            *(get_deployment_async(client, **ARGUMENTS) for _ in range(200)), return_exceptions=True
        )

    results = asyncio.run(calls())
    assert [type(result).__name__ for result in results] == ["Deployment"] * 200
    assert server.count == 200
