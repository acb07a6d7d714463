"""Building a client: the first in a fresh process, and every later one in the same process.

Each kind runs in its own fresh process (libraries imported before the timer starts), so that
no kind inherits another's SSL context or warm caches; the kinds alternate over the rounds.
A client counts as built when it can send: ours builds its httpx client on first use, so that
is included (`get_httpx_client()`).

Run as `python -m scripts.bench_construction KIND COUNT` it is that child process: it prints the
seconds of each construction, the first one first, as JSON.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from contract_tests.kit.paths import ROOT

BASE_URL = "http://127.0.0.1:9/client/v4"  # never contacted: nothing is sent
TOKEN = "bench-token"
KINDS = {
    "ours": "our AuthenticatedClient (+ its httpx client)",
    "httpx": "plain httpx.Client",
    "sdk": "official SDK, cloudflare.Cloudflare",
}


@dataclass
class ConstructionRow:
    kind: str
    first: list[float] = field(default_factory=list)
    later: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def name(self) -> str:
        return KINDS[self.kind]


def _builder(kind: str) -> Callable[[], object]:
    if kind == "ours":
        from cloudflare_pages_client import AuthenticatedClient

        return lambda: AuthenticatedClient(token=TOKEN, base_url=BASE_URL).get_httpx_client()
    if kind == "httpx":
        import httpx

        return lambda: httpx.Client(base_url=BASE_URL, headers={"Authorization": f"Bearer {TOKEN}"})
    import cloudflare

    return lambda: cloudflare.Cloudflare(api_token=TOKEN, base_url=BASE_URL)


def _child(kind: str, count: int) -> None:
    build = _builder(kind)
    # What httpx imports on its first client, imported before the timer for every kind alike
    # (the SDK's own imports already bring them in).
    import certifi  # noqa: F401
    import httpcore  # noqa: F401

    seconds = []
    kept = []  # every client stays alive, as in a program that holds several
    for _ in range(count):
        started = time.perf_counter()
        kept.append(build())
        seconds.append(time.perf_counter() - started)
    print(json.dumps(seconds))


def measure(rounds: int, count: int, sdk_installed: bool) -> list[ConstructionRow]:
    rows = {kind: ConstructionRow(kind) for kind in KINDS}
    if not sdk_installed:
        rows["sdk"].note = "cloudflare is not installed"
    kinds = [kind for kind in KINDS if sdk_installed or kind != "sdk"]
    for index in range(rounds):
        for kind in kinds[index % len(kinds) :] + kinds[: index % len(kinds)]:
            result = subprocess.run(
                [sys.executable, "-m", "scripts.bench_construction", kind, str(count)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            seconds = json.loads(result.stdout)
            rows[kind].first.append(seconds[0])
            rows[kind].later.extend(seconds[1:])
    return list(rows.values())


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1e3


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))
