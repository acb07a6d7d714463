"""wait_for_deployment / wait_for_deployment_async: poll "Get deployment info" until the deployment has finished.

How long between polls (constants.py): 2 s after the first answer, growing by half while nothing changes up to
15 s, back to 2 s at each change of stage or status; a RateLimitError's Retry-After is a floor. A 10-minute wait
that never changes sends 45 requests, far under Cloudflare's 1,200 per five minutes.

What ends a wait early: a finished deployment (its state, state.py), or an error that another poll cannot mend
(401/403, 404, any other 4xx, a body the client cannot read). What does not: a 429, a 5xx, a dropped connection
or a timeout; the client's retries absorb them first, then the next poll does.
"""

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

from ..models import Deployment, SkipReason, Stage
from .clients import AuthenticatedClient
from .constants import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT, MAX_POLL_INTERVAL, POLL_BACKOFF
from .errors import APIConnectionError, CloudflarePagesError, RateLimitError, ServerError
from .operations import get_deployment, get_deployment_async
from .state import DeploymentState, deployment_state, ending_stage
from .types import Unset

# Failures the next poll may not see: Cloudflare busy or unreachable for a while.
TRANSIENT_ERRORS = (RateLimitError, ServerError, APIConnectionError)

OnChange = Callable[[Deployment], object]
OnError = Callable[[Exception], object]


def format_duration(seconds: float) -> str:
    """'45s', '2m05s', '1h00m'."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def _stage_text(stage: Stage) -> str:
    return f"{stage.name} ({stage.status})"


class DeploymentFailedError(CloudflarePagesError):
    """The deployment failed or was canceled.

    Attributes:
        deployment: The last Deployment seen.
        state: DeploymentState.FAILURE or DeploymentState.CANCELED.
        stage: The stage that failed or was canceled.
    """

    def __init__(self, deployment: Deployment, state: DeploymentState, stage: Stage) -> None:
        self.deployment = deployment
        self.state = state
        self.stage = stage
        verb = "failed" if state is DeploymentState.FAILURE else "was canceled"
        super().__init__(f"Deployment {deployment.id} {verb} at stage {_stage_text(stage)}.")


class DeploymentSkippedError(CloudflarePagesError):
    """Cloudflare skipped the deployment (nothing was built or deployed).

    Attributes:
        deployment: The last Deployment seen.
        skip_reason: Why, when the body says (a SkipReason, or its string for a reason this client does not know).
    """

    def __init__(self, deployment: Deployment) -> None:
        self.deployment = deployment
        reason = deployment.skip_reason
        self.skip_reason: SkipReason | str | None = None if isinstance(reason, Unset) else reason
        why = f": {self.skip_reason}" if self.skip_reason else ""
        super().__init__(f"Deployment {deployment.id} was skipped{why}.")


class WaitTimeoutError(CloudflarePagesError):
    """The deadline passed before the deployment finished.

    Attributes:
        deployment: The last Deployment seen, or None when no poll was answered.
        timeout: The wait's timeout, in seconds.
        last_error: The error of the last poll, when it failed (a 429, 5xx or connection failure).
    """

    def __init__(
        self, deployment_id: str, deployment: Deployment | None, timeout: float, last_error: Exception | None
    ) -> None:
        self.deployment = deployment
        self.timeout = timeout
        self.last_error = last_error
        if deployment is not None:
            seen = f"it was still at stage {_stage_text(deployment.latest_stage)}"
        else:
            seen = "no poll was answered"
        failed = f"; the last poll failed: {last_error}" if last_error is not None else ""
        super().__init__(
            f"Deployment {deployment_id} did not finish within {format_duration(timeout)}: {seen}{failed}. "
            "Wait longer (timeout=...), or look at it in Cloudflare's dashboard."
        )


def _change_key(deployment: Deployment, state: DeploymentState) -> tuple[str, str, str]:
    return (str(state), str(deployment.latest_stage.name), str(deployment.latest_stage.status))


class _Wait:
    """One wait's decisions, shared by the sync and async loops: what a poll means and how long to sleep."""

    def __init__(
        self,
        deployment_id: str,
        timeout: float,
        poll_interval: float,
        max_poll_interval: float,
        on_change: OnChange | None,
        on_error: OnError | None,
        now: float,
    ) -> None:
        if poll_interval <= 0:
            raise ValueError(f"poll_interval must be more than 0 seconds, got {poll_interval}")
        if timeout < 0:
            raise ValueError(f"timeout must be 0 seconds or more, got {timeout}")
        self._deployment_id = deployment_id
        self._timeout = timeout
        self._deadline = now + timeout
        self._first_interval = poll_interval
        self._max_interval = max(max_poll_interval, poll_interval)
        self._interval = poll_interval
        self._on_change = on_change
        self._on_error = on_error
        self._last: Deployment | None = None
        self._last_key: tuple[str, str, str] | None = None
        self._last_error: Exception | None = None
        self._at_least = 0.0

    def finished(self, deployment: Deployment) -> bool:
        """True when `deployment` succeeded; raises when it failed, was canceled or skipped; False while it runs."""
        self._last, self._last_error = deployment, None
        state = deployment_state(deployment)
        key = _change_key(deployment, state)
        if key != self._last_key:
            self._last_key = key
            self._interval = self._first_interval
            if self._on_change is not None:
                self._on_change(deployment)
        if state is DeploymentState.SUCCESS:
            return True
        if state is DeploymentState.SKIPPED:
            raise DeploymentSkippedError(deployment)
        if state in (DeploymentState.FAILURE, DeploymentState.CANCELED):
            raise DeploymentFailedError(deployment, state, ending_stage(deployment))
        return False

    def transient(self, error: Exception) -> None:
        """A poll failed in a way the next one may not: remember it, and honour a Retry-After."""
        self._last_error = error
        if isinstance(error, RateLimitError) and error.retry_after is not None:
            self._at_least = error.retry_after
        if self._on_error is not None:
            self._on_error(error)

    def delay(self, now: float) -> float:
        """Seconds to sleep before the next poll; WaitTimeoutError once the deadline has passed."""
        remaining = self._deadline - now
        if remaining <= 0:
            raise WaitTimeoutError(self._deployment_id, self._last, self._timeout, self._last_error)
        delay = max(self._interval, self._at_least)
        self._at_least = 0.0
        self._interval = min(self._interval * POLL_BACKOFF, self._max_interval)
        return min(delay, remaining)


def wait_for_deployment(
    client: AuthenticatedClient,
    *,
    account_id: str,
    project_name: str,
    deployment_id: str,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_poll_interval: float = MAX_POLL_INTERVAL,
    on_change: OnChange | None = None,
    on_error: OnError | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
) -> Deployment:
    """Poll the deployment until it has finished; return it when it succeeded.

    Args:
        timeout: Seconds to wait in all (default 20 minutes); the last poll comes at the deadline.
        poll_interval: Seconds before the first poll after a change (default 2); grows x1.5 while nothing changes.
        max_poll_interval: The longest interval (default 15 s).
        on_change: Called with the Deployment at the first answer and at each change of state, stage or
            stage status (not at each poll).
        on_error: Called with each error the wait absorbs (a 429, 5xx or connection failure, after the client's
            retries), so that a wait that cannot reach Cloudflare is not silent.
        clock, sleep: Monotonic seconds, and how to wait (replaceable in tests).

    Raises:
        DeploymentFailedError: the deployment failed or was canceled (`.deployment`, `.stage`).
        DeploymentSkippedError: Cloudflare skipped it (`.deployment`, `.skip_reason`).
        WaitTimeoutError: the deadline passed (`.deployment`: the last one seen, or None).
        AuthenticationError, NotFoundError, APIError: an answer another poll cannot change, at once.
        ResponseDecodeError: an answer the client cannot read.
        ValueError: a path parameter that cannot be sent, or poll_interval <= 0.
    """
    wait = _Wait(deployment_id, timeout, poll_interval, max_poll_interval, on_change, on_error, clock())
    while True:
        try:
            deployment = get_deployment(
                client, account_id=account_id, project_name=project_name, deployment_id=deployment_id
            )
        except TRANSIENT_ERRORS as error:
            wait.transient(error)
        else:
            if wait.finished(deployment):
                return deployment
        sleep(wait.delay(clock()))


async def wait_for_deployment_async(
    client: AuthenticatedClient,
    *,
    account_id: str,
    project_name: str,
    deployment_id: str,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_poll_interval: float = MAX_POLL_INTERVAL,
    on_change: OnChange | None = None,
    on_error: OnError | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Coroutine[Any, Any, object]] = asyncio.sleep,
) -> Deployment:
    """The async twin of wait_for_deployment: the same arguments (`sleep` is awaited), result and errors."""
    wait = _Wait(deployment_id, timeout, poll_interval, max_poll_interval, on_change, on_error, clock())
    while True:
        try:
            deployment = await get_deployment_async(
                client, account_id=account_id, project_name=project_name, deployment_id=deployment_id
            )
        except TRANSIENT_ERRORS as error:
            wait.transient(error)
        else:
            if wait.finished(deployment):
                return deployment
        await sleep(wait.delay(clock()))


__all__ = [
    "TRANSIENT_ERRORS",
    "DeploymentFailedError",
    "DeploymentSkippedError",
    "WaitTimeoutError",
    "format_duration",
    "wait_for_deployment",
    "wait_for_deployment_async",
]
