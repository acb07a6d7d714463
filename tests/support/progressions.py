"""Deployments on their way, as the replay server plays them: the test kit's progressions (one body per poll, in
the recordings' shapes), and a few of the project's own, with faults in between.

Each progression comes with what waiting on it must end in and how many requests it takes, so that the Python
tests (sync and async) and the CLI tests check the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cloudflare_pages_client.testing import DROP, Reply, Situation, replies
from cloudflare_pages_client.testing.situations import DIRECT_UPLOAD_DEPLOYMENT, GIT_DEPLOYMENT, GIT_STAGES, stage
from cloudflare_pages_client.testing.situations import deployment as step

__all__ = [
    "ACCOUNT",
    "GIT_STAGES",
    "PROJECT",
    "FakeTime",
    "Progression",
    "_id",
    "all_progressions",
    "body",
    "build_failure",
    "cancel",
    "direct_upload",
    "disagreeing_latest_stage",
    "faults_mid_wait",
    "git_build",
    "never_finishes",
    "skip_2025",
    "skip_2026",
    "stage",
    "step",
]

ACCOUNT = "0123456789abcdef0123456789abcdef"
PROJECT = "marketing-site"


def body(deployment_id: str, statuses: dict[str, str], *, trigger: str = "github:push", **options: Any) -> Any:
    """A deployment object as the kit builds it: a git one, or with `trigger="ad_hoc"` a direct upload."""
    template = GIT_DEPLOYMENT if trigger == "github:push" else DIRECT_UPLOAD_DEPLOYMENT
    return step(deployment_id, statuses, template=template, **options).body["result"]


@dataclass(frozen=True)
class Progression:
    name: str
    deployment_id: str
    replies: list[Reply]
    # What the wait ends in: "success", "failure", "canceled", "skipped" or "timeout".
    outcome: str
    requests: int
    # How many progress lines (on_change calls): one per change of state, stage or stage status.
    changes: int
    stage: str = ""
    skip_reason: str | None = None
    # How many failed polls the wait absorbs (on_error calls): errors left after the client's retries.
    absorbed: int = 0
    # The smallest sleep the wait must take somewhere (a Retry-After it honours), seconds.
    honours: float = 0.0
    timeout: float = 20 * 60.0
    tags: tuple[str, ...] = field(default=())


def _id(number: int) -> str:
    return f"{number:08x}-0000-4000-8000-000000000000"


def git_build() -> Progression:
    d = _id(1)
    return Progression(
        "git build", d, replies(Situation.GIT_BUILD_SUCCESS, d), "success", requests=7, changes=6, stage="deploy"
    )


def build_failure() -> Progression:
    d = _id(2)
    return Progression(
        "build failure", d, replies(Situation.BUILD_FAILURE, d), "failure", requests=3, changes=3, stage="build"
    )


def cancel() -> Progression:
    d = _id(3)
    return Progression(
        "cancel", d, replies(Situation.CANCELED, d), "canceled", requests=2, changes=2, stage="initialize"
    )


def skip_2025() -> Progression:
    d = _id(4)
    return Progression("skip (2025 shape)", d, replies(Situation.SKIPPED_2025, d), "skipped", requests=2, changes=2)


def skip_2026() -> Progression:
    d = _id(5)
    return Progression(
        "skip (2026 shape)",
        d,
        replies(Situation.SKIPPED_2026, d),
        "skipped",
        requests=2,
        changes=2,
        skip_reason="superseded_queued_build",
    )


def direct_upload() -> Progression:
    d = _id(6)
    return Progression(
        "direct upload", d, replies(Situation.DIRECT_UPLOAD, d), "success", requests=3, changes=3, stage="deploy"
    )


def disagreeing_latest_stage() -> Progression:
    d = _id(7)
    replies = [
        step(d, {"queued": "active"}),
        # latest_stage says queued/active (with ended_on set) while stages[0] was canceled and nothing later ran.
        step(
            d,
            {"queued": "canceled"},
            latest=stage("queued", "active", ended="2026-11-27T08:00:04.5Z"),
        ),
    ]
    return Progression("latest_stage disagrees", d, replies, "canceled", requests=2, changes=2, stage="queued")


def faults_mid_wait(retry_after: str = "7") -> Progression:
    """429 and 503 (each past the client's two retries), then a dropped connection (absorbed by a retry)."""
    d = _id(8)
    limited = Reply.error(
        429, 10000, "Rate limited. Please wait and consider throttling your request speed", ("Retry-After", retry_after)
    )
    unavailable = Reply.error(503, 8000000, "An unknown error occurred", ("Retry-After", "0"))
    done = dict.fromkeys(GIT_STAGES, "success")
    building = {"queued": "success", "initialize": "success", "clone_repo": "success", "build": "active"}
    replies = [
        step(d, {"queued": "active"}),
        limited,
        limited,
        limited,
        step(d, building),
        unavailable,
        unavailable,
        unavailable,
        DROP,
        step(d, done),
    ]
    return Progression(
        "429 and 503 mid-wait",
        d,
        replies,
        "success",
        requests=10,
        changes=3,
        stage="deploy",
        absorbed=2,
        honours=float(retry_after),
    )


def never_finishes() -> Progression:
    """A build that stays active: a 10-minute wait's requests, counted by hand from the documented schedule.

    Polls at 0, 2, 5, 9.5, 16.25, 26.375 s (intervals 2, 3, 4.5, 6.75, 10.125), then every 15 s from 41.375 to
    596.375 (38 polls), then one at the deadline, 600 s: 6 + 38 + 1 = 45.
    """
    d = _id(9)
    building = {"queued": "success", "initialize": "success", "clone_repo": "success", "build": "active"}
    return Progression(
        "never finishes", d, [step(d, building)], "timeout", requests=45, changes=1, stage="build", timeout=600.0
    )


def all_progressions() -> list[Progression]:
    return [
        git_build(),
        build_failure(),
        cancel(),
        skip_2025(),
        skip_2026(),
        direct_upload(),
        disagreeing_latest_stage(),
        faults_mid_wait(),
        never_finishes(),
    ]


class FakeTime:
    """A monotonic clock that only moves when something sleeps: the wait's sleeps and the retries' alike."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
