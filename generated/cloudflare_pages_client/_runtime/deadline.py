"""A total deadline per call: httpx's timeouts are per phase and per read, so a server that drips one byte a
second held a `timeout=2` call for as long as it liked.

The retrying transport starts one Deadline per call. Before each attempt it cuts every per-phase timeout
(connect, read, write, pool) to the time that remains; while the body arrives it checks the clock after each
chunk; and it retries only when the wait still fits. A call therefore ends within its deadline plus at most
one chunk's processing.
"""

from collections.abc import Callable

import httpx


class DeadlineExceeded(httpx.TimeoutException):
    """The call's total deadline passed; never retried."""


class Deadline:
    def __init__(self, seconds: float | None, clock: Callable[[], float]) -> None:
        self._seconds = seconds
        self._clock = clock
        self._end = None if seconds is None else clock() + seconds

    def remaining(self) -> float | None:
        return None if self._end is None else self._end - self._clock()

    def check(self, request: httpx.Request) -> None:
        """DeadlineExceeded once the deadline has passed."""
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            raise DeadlineExceeded(f"the call's deadline of {self._seconds:g} s passed", request=request)

    def start_attempt(self, request: httpx.Request) -> None:
        """Check the deadline, then cut each per-phase timeout of `request` to the time that remains."""
        self.check(request)
        remaining = self.remaining()
        if remaining is None:
            return
        timeouts = request.extensions.get("timeout", {})
        request.extensions["timeout"] = {
            phase: remaining if value is None else min(value, remaining) for phase, value in timeouts.items()
        }

    def allows(self, wait: float) -> bool:
        """Whether waiting `wait` seconds before another attempt leaves time for it."""
        remaining = self.remaining()
        return remaining is None or wait < remaining


__all__ = ["Deadline", "DeadlineExceeded"]
