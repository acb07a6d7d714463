"""Where a deployment stands: in progress, or finished and how, decided from the body alone.

Real bodies need more than "is every stage `success`" (public pollers have hung on that, on a status name that
does not exist, `failed`, and on returning at `idle`). `deployment_state` decides it from
`is_skipped`, `latest_stage` and `stages` alone, by the rules in its docstring.
"""

from collections.abc import Iterable
from enum import StrEnum

from ..models import Deployment, Stage, StageName, StageStatus


class DeploymentState(StrEnum):
    """Where a deployment stands (see deployment_state for how it is decided)."""

    IN_PROGRESS = "in_progress"
    SUCCESS = "success"
    FAILURE = "failure"
    CANCELED = "canceled"
    SKIPPED = "skipped"

    @property
    def is_finished(self) -> bool:
        return self is not DeploymentState.IN_PROGRESS

    def __str__(self) -> str:
        return str(self.value)


def _all_stages(deployment: Deployment) -> list[Stage]:
    return [deployment.latest_stage, *deployment.stages]


def _any(stages: Iterable[Stage], status: StageStatus) -> bool:
    # StageStatus is a StrEnum: an unknown status, kept as its string, compares with it too.
    return any(stage.status == status for stage in stages)


def _deployed(deployment: Deployment) -> bool:
    return any(
        stage.name == StageName.DEPLOY and stage.status == StageStatus.SUCCESS for stage in _all_stages(deployment)
    )


def _nothing_ran(deployment: Deployment) -> bool:
    statuses = {str(stage.status) for stage in deployment.stages}
    return StageStatus.SKIPPED in statuses and statuses <= {StageStatus.SKIPPED, StageStatus.SUCCESS}


def deployment_state(deployment: Deployment) -> DeploymentState:
    """The state of `deployment`: the first rule that matches decides (skip > failure > canceled > success).

    ==  ==========================================================  ===========
    #   when                                                        state
    ==  ==========================================================  ===========
    1   ``is_skipped`` is true                                      SKIPPED
    2   ``latest_stage`` is ``skipped``; or no stage ran: every     SKIPPED
        one of ``stages`` ``skipped`` or ``success``, one at least
        ``skipped``, and ``deploy`` not ``success``
    3   any stage (``latest_stage`` or ``stages``) is ``failure``   FAILURE
    4   any stage is ``canceled``                                   CANCELED
    5   the ``deploy`` stage is ``success``                         SUCCESS
    6   anything else                                               IN_PROGRESS
    ==  ==========================================================  ===========

    The evidence, rule by rule (real bodies, ../shared/evidence/README.md):

    1. 2025 skips: ``latest_stage`` ``queued``/``idle`` (never terminal by itself) with ``is_skipped: true``.
    2. 2026 skips: every stage after ``queued`` is ``skipped``, ``is_skipped: true`` and a ``skip_reason``.
    3. A failed build ends with its stage ``failure`` (the status is ``failure``; no body says ``failed``).
    4. Seen: ``latest_stage`` ``queued``/``active`` while ``stages[0]`` is ``queued``/``canceled`` and
       nothing later ran; the stages win over a stale ``latest_stage``.
    5. Direct uploads: ``queued`` stays ``active`` with ``ended_on: null`` while ``deploy`` is ``success``;
       waiting for every stage to succeed hangs forever.
    6. ``idle`` is "not started yet". Cloudflare adds stage names and statuses without notice: an unknown
       one is in progress unless a rule above says otherwise.

    Timestamps are never read: they have been seen running backwards (``ended_on`` before ``started_on``).
    """
    if deployment.is_skipped is True:
        return DeploymentState.SKIPPED
    if deployment.latest_stage.status == StageStatus.SKIPPED or (
        _nothing_ran(deployment) and not _deployed(deployment)
    ):
        return DeploymentState.SKIPPED
    stages = _all_stages(deployment)
    if _any(stages, StageStatus.FAILURE):
        return DeploymentState.FAILURE
    if _any(stages, StageStatus.CANCELED):
        return DeploymentState.CANCELED
    if _deployed(deployment):
        return DeploymentState.SUCCESS
    return DeploymentState.IN_PROGRESS


def ending_stage(deployment: Deployment) -> Stage:
    """The stage that failed or was canceled (from `stages` first, where a stale `latest_stage` cannot hide it),
    else `latest_stage`."""
    stages = [*deployment.stages, deployment.latest_stage]
    for status in (StageStatus.FAILURE, StageStatus.CANCELED):
        for stage in stages:
            if stage.status == status:
                return stage
    return deployment.latest_stage


__all__ = ["DeploymentState", "deployment_state", "ending_stage"]
