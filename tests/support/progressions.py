"""Deployments on their way, as the replay server plays them: one body per poll, written by the project in the
shapes real bodies show (contract_tests/recordings, shared/evidence/README.md), plus faults in between.

Each progression comes with what waiting on it must end in and how many requests it takes, so that the Python
tests (sync and async) and the CLI tests check the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contract_tests.kit.replay_server import DROP, Reply

ACCOUNT = "0123456789abcdef0123456789abcdef"
PROJECT = "marketing-site"
GIT_STAGES = ("queued", "initialize", "clone_repo", "build", "deploy")
T0 = "2026-11-27T08:00:00.123456Z"


def stage(name: str, status: str, *, started: str | None = T0, ended: str | None = None) -> dict[str, Any]:
    if status == "idle":
        started = None
    return {"name": name, "started_on": started, "ended_on": ended, "status": status}


def body(
    deployment_id: str,
    statuses: dict[str, str],
    *,
    latest: dict[str, Any] | None = None,
    trigger: str = "github:push",
    aliases: list[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A deployment whose stages have `statuses` (missing ones idle); `latest_stage` is the last stage that is not
    idle, unless given."""
    names = GIT_STAGES if trigger == "github:push" else ("queued", "deploy")
    stages = [stage(name, statuses.get(name, "idle")) for name in names]
    started = [s for s in stages if s["status"] != "idle"]
    metadata = {"branch": "feature/search", "commit_hash": "c0ffee1234567890abcdef1234567890abcdef12"}
    return {
        "id": deployment_id,
        "short_id": deployment_id[:8],
        "project_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "project_name": PROJECT,
        "environment": "preview",
        "url": f"https://{deployment_id[:8]}.{PROJECT}.pages.dev",
        "created_on": T0,
        "modified_on": "2026-11-27T08:00:19.06Z",
        "latest_stage": latest or (started[-1] if started else stages[0]),
        "deployment_trigger": {
            "type": trigger,
            "metadata": {**metadata, "commit_message": "Add search page", "commit_dirty": False},
        },
        "stages": stages,
        "build_config": {
            "build_caching": None,
            "build_command": None,
            "destination_dir": None,
            "root_dir": None,
            "web_analytics_tag": None,
            "web_analytics_token": None,
        },
        "env_vars": None,
        "aliases": aliases,
        "is_skipped": False,
        **extra,
    }


def step(deployment_id: str, statuses: dict[str, str], **options: Any) -> Reply:
    return Reply.deployment(body(deployment_id, statuses, **options))


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
    done = dict.fromkeys(GIT_STAGES, "success")
    replies = [
        step(d, {"queued": "active"}),
        step(d, {"queued": "success", "initialize": "active"}),
        step(d, {"queued": "success", "initialize": "success", "clone_repo": "active"}),
        step(d, {"queued": "success", "initialize": "success", "clone_repo": "success", "build": "active"}),
        step(d, {"queued": "success", "initialize": "success", "clone_repo": "success", "build": "active"}),
        step(d, {**done, "deploy": "active"}),
        step(d, done, aliases=[f"https://feature-search.{PROJECT}.pages.dev"]),
    ]
    return Progression("git build", d, replies, "success", requests=7, changes=6, stage="deploy")


def build_failure() -> Progression:
    d = _id(2)
    before = {"queued": "success", "initialize": "success", "clone_repo": "success"}
    replies = [
        step(d, {"queued": "active"}),
        step(d, {**before, "build": "active"}),
        step(d, {**before, "build": "failure"}),
    ]
    return Progression("build failure", d, replies, "failure", requests=3, changes=3, stage="build")


def cancel() -> Progression:
    d = _id(3)
    replies = [
        step(d, {"queued": "success", "initialize": "active"}),
        step(d, {"queued": "success", "initialize": "canceled"}),
    ]
    return Progression("cancel", d, replies, "canceled", requests=2, changes=2, stage="initialize")


def skip_2025() -> Progression:
    d = _id(4)
    idle_queued = stage("queued", "idle")
    replies = [
        # `idle` alone is not an end: the same body without `is_skipped` is a deployment not started yet.
        step(d, {}, latest=idle_queued),
        step(d, {}, latest=idle_queued, is_skipped=True),
    ]
    return Progression("skip (2025 shape)", d, replies, "skipped", requests=2, changes=2)


def skip_2026() -> Progression:
    d = _id(5)
    skipped = {"queued": "success", **dict.fromkeys(GIT_STAGES[1:], "skipped")}
    replies = [
        step(d, {"queued": "active"}),
        step(d, skipped, latest=stage("queued", "success"), is_skipped=True, skip_reason="branch_config"),
    ]
    return Progression("skip (2026 shape)", d, replies, "skipped", requests=2, changes=2, skip_reason="branch_config")


def direct_upload() -> Progression:
    d = _id(6)
    upload = {"trigger": "ad_hoc", "source": None}
    replies = [
        step(d, {"queued": "active"}, **upload),
        step(d, {"queued": "active", "deploy": "active"}, **upload),
        # `queued` stays active with ended_on null while deploy succeeded (started_on null).
        step(
            d,
            {"queued": "active", "deploy": "success"},
            latest=stage("deploy", "success", started=None, ended="2026-11-27T08:00:09.2Z"),
            **upload,
        ),
    ]
    return Progression("direct upload", d, replies, "success", requests=3, changes=3, stage="deploy")


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
