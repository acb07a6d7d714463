"""How many requests one client has in flight: at most its connection pool's size.

Past the pool's size, httpcore queues the requests, and each waits out its pool timeout in the queue: 2,000
concurrent calls on one client had none reach the server. The async client therefore waits for a free slot
before it hands a request to httpx (an asyncio.Semaphore the size of the pool), so that any number of
concurrent calls completes in time proportional to their number.
"""

import asyncio
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import Any

import httpx

from .constants import DEFAULT_POOL_SIZE


def pool_size(httpx_args: Mapping[str, Any]) -> int | None:
    """The most connections the pool opens (`limits` in httpx_args, else httpx's default); None: no bound."""
    limits = httpx_args.get("limits")
    if isinstance(limits, httpx.Limits):
        return limits.max_connections
    return DEFAULT_POOL_SIZE


def in_flight_bound(size: int | None) -> AbstractAsyncContextManager[Any]:
    """A semaphore of `size` slots (built on the running loop), or nothing for an unbounded pool."""
    return asyncio.Semaphore(size) if size is not None else nullcontext()


__all__ = ["in_flight_bound", "pool_size"]
