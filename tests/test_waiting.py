"""wait_for_deployment and its async twin against the replay server: every progression, over a real socket,
with an injected clock and sleep (no wall time), the requests counted."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from cloudflare_pages_client import (
    AuthenticatedClient,
    AuthenticationError,
    Deployment,
    DeploymentFailedError,
    DeploymentSkippedError,
    DeploymentState,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    SkipReason,
    WaitTimeoutError,
    deployment_state,
    wait_for_deployment,
    wait_for_deployment_async,
)
from cloudflare_pages_client.testing import Reply
from cloudflare_pages_client.testing.replay_server import REPLAY_TOKEN, ReplayServer
from tests.support.progressions import (
    ACCOUNT,
    PROJECT,
    FakeTime,
    Progression,
    all_progressions,
    git_build,
    never_finishes,
    step,
)

MODES = ("sync", "async")
PROGRESSIONS = all_progressions()


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


def make_client(server: ReplayServer, time: FakeTime, token: str = REPLAY_TOKEN) -> AuthenticatedClient:
    policy = RetryPolicy(sleep=time.sleep, async_sleep=time.async_sleep, jitter=lambda: 0.0)
    return AuthenticatedClient(base_url=server.url, token=token, retry_policy=policy)


def wait(mode: str, client: AuthenticatedClient, time: FakeTime, deployment_id: str, **options: Any) -> Deployment:
    arguments: dict[str, Any] = {
        "account_id": ACCOUNT,
        "project_name": PROJECT,
        "deployment_id": deployment_id,
        "clock": time.clock,
        **options,
    }
    if mode == "sync":
        return wait_for_deployment(client, sleep=time.sleep, **arguments)
    return asyncio.run(wait_for_deployment_async(client, sleep=time.async_sleep, **arguments))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("progression", PROGRESSIONS, ids=[p.name for p in PROGRESSIONS])
def test_every_progression_ends_as_documented(replay: ReplayServer, progression: Progression, mode: str) -> None:
    replay.play(progression.deployment_id, progression.replies)
    time = FakeTime()
    changes: list[tuple[str, str, str]] = []

    def on_change(deployment: Deployment) -> None:
        changes.append(
            (str(deployment_state(deployment)), deployment.latest_stage.name, deployment.latest_stage.status)
        )

    absorbed: list[Exception] = []
    outcome, last = "success", None
    try:
        last = wait(
            mode, make_client(replay, time), time, progression.deployment_id,
            timeout=progression.timeout, on_change=on_change, on_error=absorbed.append,
        )  # fmt: skip
    except DeploymentFailedError as error:
        outcome, last = str(error.state), error.deployment
        assert error.stage.name == progression.stage
    except DeploymentSkippedError as error:
        outcome, last = "skipped", error.deployment
        assert error.skip_reason == progression.skip_reason
    except WaitTimeoutError as error:
        outcome, last = "timeout", error.deployment
        assert error.timeout == progression.timeout
        assert time.now == progression.timeout  # the last poll came at the deadline, not after it
    assert outcome == progression.outcome
    assert replay.served(progression.deployment_id) == progression.requests
    assert len(changes) == progression.changes
    assert len(absorbed) == progression.absorbed
    assert last is not None and last.id == progression.deployment_id
    if progression.outcome == "success":
        assert last.latest_stage.name == progression.stage
    if progression.honours:
        # The client's two retries waited the Retry-After, and so did the wait before its next poll.
        assert time.sleeps.count(progression.honours) == 3
        assert [type(error) for error in absorbed] == [RateLimitError, ServerError]


@pytest.mark.parametrize("mode", MODES)
def test_a_ten_minute_wait_that_never_changes_polls_45_times_on_the_documented_schedule(
    replay: ReplayServer, mode: str
) -> None:
    progression = never_finishes()
    replay.play(progression.deployment_id, progression.replies)
    time = FakeTime()
    with pytest.raises(WaitTimeoutError, match=r"did not finish within 10m00s: it was still at stage build \(active\)"):
        wait(mode, make_client(replay, time), time, progression.deployment_id, timeout=600.0)
    assert replay.served(progression.deployment_id) == 45
    assert time.sleeps[:7] == [2.0, 3.0, 4.5, 6.75, 10.125, 15.0, 15.0]
    assert max(time.sleeps) == 15.0
    assert time.sleeps[-1] == pytest.approx(3.625)  # the last sleep stops at the deadline
    assert sum(time.sleeps) == pytest.approx(600.0)


@pytest.mark.parametrize("mode", MODES)
def test_each_change_starts_the_interval_again(replay: ReplayServer, mode: str) -> None:
    progression = git_build()
    replay.play(progression.deployment_id, progression.replies)
    time = FakeTime()
    wait(mode, make_client(replay, time), time, progression.deployment_id)
    # queued, initialize, clone_repo, build change; build again (no change: x1.5); deploy active changes.
    assert time.sleeps == [2.0, 2.0, 2.0, 2.0, 3.0, 2.0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("fault", "error_type"),
    [
        (Reply.error(404, 8000009, "The deployment ID you have specified does not exist."), NotFoundError),
        (
            Reply(404, {"code": 8000009, "message": "The deployment ID you have specified does not exist."}),
            NotFoundError,
        ),
        (Reply.error(403, 10000, "Authentication error"), AuthenticationError),
    ],
    ids=["404", "flat 404", "403"],
)
def test_an_answer_another_poll_cannot_mend_ends_the_wait_at_once(
    replay: ReplayServer, mode: str, fault: Reply, error_type: type[Exception]
) -> None:
    deployment_id = "0000000a-0000-4000-8000-000000000000"
    replay.play(deployment_id, [step(deployment_id, {"queued": "active"}), fault])
    time = FakeTime()
    with pytest.raises(error_type):
        wait(mode, make_client(replay, time), time, deployment_id)
    assert replay.served(deployment_id) == 2
    assert time.sleeps == [2.0]


@pytest.mark.parametrize("mode", MODES)
def test_a_wrong_token_ends_the_wait_before_any_progression_is_played(replay: ReplayServer, mode: str) -> None:
    progression = git_build()
    replay.play(progression.deployment_id, progression.replies)
    time = FakeTime()
    with pytest.raises(AuthenticationError):
        wait(mode, make_client(replay, time, token="wrong"), time, progression.deployment_id)
    assert (replay.served(progression.deployment_id), len(replay.requests)) == (0, 1)


@pytest.mark.parametrize("mode", MODES)
def test_a_timeout_without_any_answer_names_the_last_error(replay: ReplayServer, mode: str) -> None:
    deployment_id = "0000000b-0000-4000-8000-000000000000"
    replay.play(deployment_id, [Reply.error(503, 8000000, "An unknown error occurred", ("Retry-After", "0"))])
    time = FakeTime()
    with pytest.raises(WaitTimeoutError) as raised:
        wait(mode, make_client(replay, time), time, deployment_id, timeout=5.0)
    assert raised.value.deployment is None
    assert "no poll was answered; the last poll failed: Cloudflare answered 503 Service Unavailable" in str(
        raised.value
    )
    # Polls at 0, 2 and 5 s (the deadline), each tried three times by the client.
    assert replay.served(deployment_id) == 9


def test_the_skip_reason_is_the_enum_member_when_known(replay: ReplayServer) -> None:
    progression = next(p for p in PROGRESSIONS if p.skip_reason)
    replay.play(progression.deployment_id, progression.replies)
    time = FakeTime()
    with pytest.raises(DeploymentSkippedError) as raised:
        wait("sync", make_client(replay, time), time, progression.deployment_id)
    assert raised.value.skip_reason is SkipReason.SUPERSEDED_QUEUED_BUILD
    assert str(raised.value) == f"Deployment {progression.deployment_id} was skipped: superseded_queued_build."
    assert deployment_state(raised.value.deployment) is DeploymentState.SKIPPED


@pytest.mark.parametrize("interval", [0.0, -1.0])
def test_a_poll_interval_that_would_busy_loop_is_refused(replay: ReplayServer, interval: float) -> None:
    time = FakeTime()
    with pytest.raises(ValueError, match="poll_interval must be more than 0 seconds"):
        wait("sync", make_client(replay, time), time, git_build().deployment_id, poll_interval=interval)
    assert replay.requests == []
