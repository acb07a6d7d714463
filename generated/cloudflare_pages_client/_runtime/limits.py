"""Bounds on one client: its requests in flight, the size of a reply.

How many requests one client has in flight: at most its connection pool's size.

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

from .attempts import reply_attempts
from .constants import DEFAULT_POOL_SIZE
from .errors import ResponseDecodeError


def pool_size(httpx_args: Mapping[str, Any]) -> int | None:
    """The most connections the pool opens (`limits` in httpx_args, else httpx's default); None: no bound."""
    limits = httpx_args.get("limits")
    if isinstance(limits, httpx.Limits):
        return limits.max_connections
    return DEFAULT_POOL_SIZE


def in_flight_bound(size: int | None) -> AbstractAsyncContextManager[Any]:
    """A semaphore of `size` slots (built on the running loop), or nothing for an unbounded pool."""
    return asyncio.Semaphore(size) if size is not None else nullcontext()


def reply_too_large(response: httpx.Response, received: bytes, limit: int, decoded: bool) -> ResponseDecodeError:
    where = "once decompressed" if decoded else "as sent"
    return ResponseDecodeError(
        status_code=response.status_code,
        content_type=response.headers.get("content-type", ""),
        body=received,
        reason=f"the reply is larger than the client's limit of {limit:,} bytes {where} (max_reply_bytes=...)",
        attempts=reply_attempts(response),
    )


def check_reply_size(response: httpx.Response, raw: bytes, limit: int | None) -> None:
    """ResponseDecodeError when `raw`, decompressed as its Content-Encoding says, exceeds `limit` bytes.

    Measured after decompression (a 4 MB gzip bomb once ended in MemoryError), chunk by chunk, so that the
    check itself never holds more than `limit` bytes. A body that does not decompress is left to httpx.
    """
    if limit is None or "content-encoding" not in response.headers:
        return
    probe = httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(raw))
    size = 0
    try:
        for chunk in probe.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise reply_too_large(response, raw, limit, decoded=True)
    except httpx.DecodingError:
        return


__all__ = ["check_reply_size", "in_flight_bound", "pool_size", "reply_too_large"]
