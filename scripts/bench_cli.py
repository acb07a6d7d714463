"""What a CI job pays for the command and the wait: the CLI's cold start, and a long wait's request count.

The cold start is the wall time of one `cloudflare-pages-deployment get ID` against the local
replay server (a fresh interpreter each time, as a CI step runs it), beside the floor any Python
HTTP tool pays: a fresh interpreter that only runs `import httpx`. The request count is what a
wait that never finishes sends in ten minutes, against the replay server playing an unfinished
deployment, with a clock that advances by the waits instead of waiting.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from cloudflare_pages_client import AuthenticatedClient, WaitTimeoutError, wait_for_deployment
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from cloudflare_pages_client.testing.replay_server import REPLAY_TOKEN, ReplayServer
from cloudflare_pages_client.testing.replies import Reply
from scripts.bench_server import LocalServer

# A deployment that stays in its build stage for as long as anyone asks.
UNFINISHED = "build-in-progress"
TEN_MINUTES = 600.0


@dataclass(frozen=True)
class ColdStart:
    label: str
    command: str
    seconds: list[float]


def _command_line(server: LocalServer) -> list[str]:
    script = Path(sys.executable).parent / "cloudflare-pages-deployment"
    return [str(script), "get", server.deployment_id]


def cold_starts(server: LocalServer, rounds: int) -> list[ColdStart]:
    """Each command `rounds` times, alternating, so that both see the same machine."""
    environment = {
        **os.environ,
        "CLOUDFLARE_API_TOKEN": server.token,
        "CLOUDFLARE_ACCOUNT_ID": server.account_id,
        "CLOUDFLARE_PAGES_PROJECT": server.project,
        "CLOUDFLARE_BASE_URL": server.base_url,
    }
    commands = [
        ("python -c 'import httpx' (the floor)", "python -c 'import httpx'", [sys.executable, "-c", "import httpx"]),
        ("cloudflare-pages-deployment get", "cloudflare-pages-deployment get ID", _command_line(server)),
    ]
    timings: dict[str, list[float]] = {label: [] for label, _, _ in commands}
    for _ in range(rounds):
        for label, _, command in commands:
            started = time.perf_counter()
            subprocess.run(command, env=environment, capture_output=True, check=True)
            timings[label].append(time.perf_counter() - started)
    return [ColdStart(label, shown, timings[label]) for label, shown, _ in commands]


class _Clock:
    """Time that moves only when the wait sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def ten_minute_wait_requests() -> int:
    """Requests a default `wait_for_deployment` sends to a deployment that never finishes, in ten minutes."""
    recording = load(RECORDINGS_DIR / f"{UNFINISHED}.json")
    params = recording.path_params
    with ReplayServer() as server:
        server.play(params["deployment_id"], [Reply(recording.status, recording.body)])
        clock = _Clock()
        with AuthenticatedClient(base_url=server.url, token=REPLAY_TOKEN) as client:
            try:
                wait_for_deployment(
                    client,
                    account_id=params["account_id"],
                    project_name=params["project_name"],
                    deployment_id=params["deployment_id"],
                    timeout=TEN_MINUTES,
                    clock=clock,
                    sleep=clock.sleep,
                )
            except WaitTimeoutError:
                pass
            else:
                raise RuntimeError(f"the {UNFINISHED} recording finished a wait; it must stay in progress")
        return server.served(params["deployment_id"])
