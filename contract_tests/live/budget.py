"""Every request the live run sends passes through here: counted, paced, and GET only.

The transport sits *below* the client's retry transport, so each attempt,
retries included, is counted against the budget and spaced to stay under
Cloudflare's rate limit (1,200 requests per five minutes: one every 0.25 s).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx

from contract_tests.kit.settings import CLOUDFLARE_MIN_INTERVAL


class BudgetExhausted(RuntimeError):
    """The run has sent as many requests as it may."""


class ReadOnlyViolation(RuntimeError):
    """Something tried to send a method other than GET to the live API."""


class BudgetedTransport(httpx.BaseTransport):
    def __init__(
        self,
        transport: httpx.BaseTransport,
        *,
        limit: int,
        min_interval: float = CLOUDFLARE_MIN_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._transport = transport
        self.limit = limit
        self.sent = 0
        self.methods: list[str] = []
        self._min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._last: float | None = None
        self._lock = threading.Lock()

    @property
    def remaining(self) -> int:
        return max(self.limit - self.sent, 0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            if request.method != "GET":
                # DELETE on this path deletes the deployment: refuse before anything leaves the machine.
                raise ReadOnlyViolation(f"the live run sends GET only; refused {request.method} {request.url.path}")
            if self.sent >= self.limit:
                raise BudgetExhausted(f"the live request budget of {self.limit} is spent")
            if self._last is not None:
                wait = self._last + self._min_interval - self._clock()
                if wait > 0:
                    self._sleep(wait)
            self.sent += 1
            self.methods.append(request.method)
            self._last = self._clock()
        return self._transport.handle_request(request)

    def close(self) -> None:
        self._transport.close()
