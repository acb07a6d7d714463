"""deployment_state, rule by rule, on bodies in the shapes real ones have; and the links a deployment gives."""

from __future__ import annotations

from typing import Any

import pytest

from cloudflare_pages_client import Deployment, DeploymentState, dashboard_url, deployment_state, preview_url
from cloudflare_pages_client._runtime.state import ending_stage
from tests.support.progressions import ACCOUNT, PROJECT, body, stage

ID = "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"
DONE = dict.fromkeys(("queued", "initialize", "clone_repo", "build", "deploy"), "success")


def deployment(statuses: dict[str, str], **options: Any) -> Deployment:
    return Deployment.from_dict(body(ID, statuses, **options))


@pytest.mark.parametrize(
    ("statuses", "options", "state"),
    [
        # 1: is_skipped decides, even with latest_stage queued/idle (2025) or a stage that failed.
        ({}, {"latest": stage("queued", "idle"), "is_skipped": True}, DeploymentState.SKIPPED),
        ({"queued": "failure"}, {"is_skipped": True}, DeploymentState.SKIPPED),
        # 2: every stage after queued skipped (2026), with or without is_skipped; latest_stage skipped.
        ({"queued": "success", "initialize": "skipped", "build": "skipped"}, {}, DeploymentState.SKIPPED),
        ({"queued": "active"}, {"latest": stage("queued", "skipped")}, DeploymentState.SKIPPED),
        # 3 and 4: failure beats canceled; the stages beat a latest_stage that disagrees.
        ({"queued": "success", "build": "failure"}, {}, DeploymentState.FAILURE),
        ({"build": "failure", "deploy": "canceled"}, {}, DeploymentState.FAILURE),
        ({"queued": "canceled"}, {"latest": stage("queued", "active", ended=None)}, DeploymentState.CANCELED),
        # 5: deploy success is enough (direct uploads leave queued active); and beats nothing above.
        ({"queued": "active", "deploy": "success"}, {"trigger": "ad_hoc"}, DeploymentState.SUCCESS),
        (DONE, {}, DeploymentState.SUCCESS),
        ({**DONE, "build": "failure"}, {}, DeploymentState.FAILURE),
        # 6: idle, active, and names or statuses this client does not know are in progress.
        ({}, {"latest": stage("queued", "idle")}, DeploymentState.IN_PROGRESS),
        ({"queued": "success", "build": "active"}, {}, DeploymentState.IN_PROGRESS),
        ({"queued": "success", "build": "paused"}, {}, DeploymentState.IN_PROGRESS),
        ({"queued": "success"}, {"latest": stage("warmup", "success")}, DeploymentState.IN_PROGRESS),
        ({"queued": "success", "build": "success"}, {"is_skipped": False}, DeploymentState.IN_PROGRESS),
    ],
)
def test_the_rules_decide_in_order(statuses: dict[str, str], options: dict[str, Any], state: DeploymentState) -> None:
    assert deployment_state(deployment(statuses, **options)) is state


def test_an_older_body_without_is_skipped_is_read_by_its_stages() -> None:
    raw = body(ID, DONE)
    del raw["is_skipped"]
    assert deployment_state(Deployment.from_dict(raw)) is DeploymentState.SUCCESS


def test_timestamps_running_backwards_change_nothing() -> None:
    backwards = stage("deploy", "success", started="2026-11-27T08:00:09.2Z", ended="2026-11-27T08:00:09.197Z")
    assert deployment_state(deployment(DONE, latest=backwards)) is DeploymentState.SUCCESS


def test_only_in_progress_is_unfinished() -> None:
    assert [state for state in DeploymentState if not state.is_finished] == [DeploymentState.IN_PROGRESS]


def test_the_ending_stage_is_the_one_that_failed_even_when_latest_stage_is_stale() -> None:
    canceled = deployment({"queued": "canceled"}, latest=stage("queued", "active"))
    assert (ending_stage(canceled).name, ending_stage(canceled).status) == ("queued", "canceled")
    failed = deployment({"build": "failure", "deploy": "canceled"})
    assert ending_stage(failed).name == "build"


@pytest.mark.parametrize(
    ("aliases", "expected"),
    [
        (None, f"https://{ID[:8]}.{PROJECT}.pages.dev"),
        ([], f"https://{ID[:8]}.{PROJECT}.pages.dev"),
        (["https://www.example.com", f"https://main.{PROJECT}.pages.dev"], f"https://main.{PROJECT}.pages.dev"),
        ([f"https://undefined.{PROJECT}.pages.dev"], f"https://{ID[:8]}.{PROJECT}.pages.dev"),
        (["https://www.example.com"], f"https://{ID[:8]}.{PROJECT}.pages.dev"),
        ([f"https://.{PROJECT}.pages.dev", "https://pages.dev"], f"https://{ID[:8]}.{PROJECT}.pages.dev"),
    ],
    ids=["null", "empty", "custom domain first", "undefined host", "custom domain only", "not a host"],
)
def test_the_preview_url_is_the_first_real_pages_dev_alias_else_the_url(
    aliases: list[str] | None, expected: str
) -> None:
    assert preview_url(deployment(DONE, aliases=aliases)) == expected


def test_the_dashboard_url_names_account_project_and_deployment() -> None:
    expected = f"https://dash.cloudflare.com/{ACCOUNT}/pages/view/{PROJECT}/{ID}"
    assert dashboard_url(deployment(DONE), ACCOUNT) == expected
