"""Bodies that fail to arrive, arrive too slowly or are too large, from the scripted server on 127.0.0.1
(issue 16, points 9, 6 and 7)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest

from cloudflare_pages_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticatedClient,
    ResponseDecodeError,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.scripted_server import Action, ScriptedServer, cut_short, scripted_server
from tests.support.calls import MODES, fetch, no_wait_policy

JSON = (("Content-Type", "application/json"),)
GZIP = ("Content-Encoding", "gzip")
GOOD_BODY = json.dumps(load(RECORDINGS_DIR / "github-push-with-source.json").body).encode()


@pytest.fixture(scope="module")
def raw() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running


def client_for(raw: ScriptedServer, **options: object) -> AuthenticatedClient:
    policy = no_wait_policy()
    return AuthenticatedClient(base_url=raw.url, token="test-token", retry_policy=policy, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
def test_a_body_cut_short_is_retried_like_a_dropped_connection(raw: ScriptedServer, mode: str) -> None:
    raw.play(cut_short(), Action(200, GOOD_BODY, JSON))
    assert fetch(mode, client_for(raw)).short_id == "c9a8b7d6"
    assert raw.count == 2


@pytest.mark.parametrize("mode", MODES)
def test_a_body_that_never_arrives_ends_after_the_retries_with_the_attempts_made(
    raw: ScriptedServer, mode: str
) -> None:
    raw.play(cut_short())
    with pytest.raises(APIConnectionError) as raised:
        fetch(mode, client_for(raw))
    assert raw.count == 3
    assert raised.value.attempts == 3
    assert "after 3 attempts (RemoteProtocolError" in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("max_retries", "attempts"), [(0, 1), (1, 2)])
def test_the_attempts_reported_are_those_the_server_saw(
    raw: ScriptedServer, mode: str, max_retries: int, attempts: int
) -> None:
    raw.play(cut_short())
    with pytest.raises(APIConnectionError) as raised:
        fetch(mode, client_for(raw, max_retries=5), max_retries=max_retries)
    assert (raw.count, raised.value.attempts) == (attempts, attempts)


@pytest.mark.parametrize("mode", MODES)
def test_a_dripping_body_ends_at_the_calls_deadline(raw: ScriptedServer, mode: str) -> None:
    """One byte every 50 ms of a 400-byte body: each read comes well within the 5 s read timeout, so only the
    total deadline (0.5 s here) ends the call; there is no time left for a retry."""
    raw.play(Action(200, GOOD_BODY[:400], JSON, drip=0.05))
    client = client_for(raw, timeout=5.0, deadline=0.5)
    with pytest.raises(APITimeoutError) as raised:
        fetch(mode, client)
    assert "after 1 attempt: the call's deadline of 0.5 s passed" in str(raised.value)
    assert raised.value.attempts == 1
    assert raw.count == 1


def test_the_default_deadline_is_three_full_attempts() -> None:
    assert AuthenticatedClient(token="test-token").deadline == 180.0


@pytest.mark.parametrize("mode", MODES)
def test_a_reply_past_the_default_limit_is_refused(raw: ScriptedServer, mode: str) -> None:
    raw.play(Action(200, b" " * (4 * 1024 * 1024 + 1), JSON))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(raw))
    assert raised.value.reason == (
        "the reply is larger than the client's limit of 4,194,304 bytes as sent (max_reply_bytes=...)"
    )
    assert raw.count == 1


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_bomb_is_measured_once_decompressed(raw: ScriptedServer, mode: str) -> None:
    bomb = gzip.compress(b"[" + b" " * 2_000_000 + b"]")
    assert len(bomb) < 10_000
    raw.play(Action(200, bomb, (*JSON, GZIP)))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(raw, max_reply_bytes=100_000))
    assert raised.value.reason == (
        "the reply is larger than the client's limit of 100,000 bytes once decompressed (max_reply_bytes=...)"
    )
    assert raised.value.body_start == bomb[:200]


@pytest.mark.parametrize("mode", MODES)
def test_a_reply_within_the_limit_is_read(raw: ScriptedServer, mode: str) -> None:
    raw.play(Action(200, gzip.compress(GOOD_BODY), (*JSON, GZIP)))
    assert fetch(mode, client_for(raw, max_reply_bytes=len(GOOD_BODY))).short_id == "c9a8b7d6"
