"""Deadline against an injected clock: the per-phase timeouts are cut to what remains, and it passes once."""

from __future__ import annotations

import httpx
import pytest

from cloudflare_pages_client._runtime.deadline import Deadline, DeadlineExceeded


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def request() -> httpx.Request:
    return httpx.Request(
        "GET", "http://127.0.0.1/x", extensions={"timeout": httpx.Timeout(60.0, connect=5.0).as_dict()}
    )


def test_each_attempt_gets_at_most_the_time_that_remains() -> None:
    clock = Clock()
    deadline = Deadline(10.0, clock)
    clock.now += 7.5
    sent = request()
    deadline.start_attempt(sent)
    assert sent.extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}


def test_a_shorter_phase_timeout_is_kept() -> None:
    sent = request()
    Deadline(30.0, Clock()).start_attempt(sent)
    assert sent.extensions["timeout"] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}


def test_the_deadline_passes_and_no_wait_beyond_it_is_allowed() -> None:
    clock = Clock()
    deadline = Deadline(10.0, clock)
    assert deadline.allows(9.9)
    assert not deadline.allows(10.0)
    clock.now += 10.0
    with pytest.raises(DeadlineExceeded, match=r"^the call's deadline of 10 s passed$"):
        deadline.check(request())


def test_no_deadline_changes_nothing() -> None:
    sent = request()
    Deadline(None, Clock()).start_attempt(sent)
    assert sent.extensions["timeout"] == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    assert Deadline(None, Clock()).allows(1e9)
