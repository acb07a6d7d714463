"""The kit's pytest fixture, opt-in: `pytest_plugins = ["cloudflare_pages_client.testing.pytest_plugin"]` in a
conftest.py. Nothing registers it on install (no pytest11 entry point).

`cloudflare` yields a started ReplayServer for one test and stops it after. The server runs in a thread of
its own, so sync tests and async tests (any event loop) use it alike.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cloudflare_pages_client.testing.replay_server import ReplayServer


@pytest.fixture
def cloudflare() -> Iterator[ReplayServer]:
    """Cloudflare's API on a free port of 127.0.0.1, for this test."""
    with ReplayServer() as server:
        yield server
