"""Stands in for time.sleep and asyncio.sleep in the runtime's tests: records every wait, waits for none."""

from __future__ import annotations


class Waits:
    def __init__(self) -> None:
        self.seconds: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.seconds.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.seconds.append(seconds)
