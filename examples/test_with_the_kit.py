"""Testing your own code against Cloudflare's stand-in from `cloudflare_pages_client.testing`.

Runs as it is with only this package and pytest installed: `pytest test_with_the_kit.py`.
Each test gets `cloudflare`, a server on a free port of 127.0.0.1 answering like Cloudflare's API.
"""

from __future__ import annotations

import asyncio

import pytest

from cloudflare_pages_client import (
    NotFoundError,
    RetryPolicy,
    get_deployment,
    get_deployment_async,
    wait_for_deployment,
)
from cloudflare_pages_client.testing import ACCOUNT_ID, DEPLOYMENT_ID, PROJECT, ReplayServer, Situation

# Usually in your conftest.py; nothing is enabled by installing the package.
pytest_plugins = ["cloudflare_pages_client.testing.pytest_plugin"]


def test_a_deployment_is_read(cloudflare: ReplayServer) -> None:
    deployment = get_deployment(
        cloudflare.client(), account_id=ACCOUNT_ID, project_name=PROJECT, deployment_id=DEPLOYMENT_ID
    )
    assert (deployment.id, deployment.project_name) == (DEPLOYMENT_ID, PROJECT)
    [request] = cloudflare.requests
    assert (request.method, request.path) == (
        "GET",
        f"/client/v4/accounts/{ACCOUNT_ID}/pages/projects/{PROJECT}/deployments/{DEPLOYMENT_ID}",
    )
    assert request.headers["authorization"] == "***"  # credentials are masked


def test_async_code_reads_it_too(cloudflare: ReplayServer) -> None:
    deployment = asyncio.run(
        get_deployment_async(
            cloudflare.client(), account_id=ACCOUNT_ID, project_name=PROJECT, deployment_id=DEPLOYMENT_ID
        )
    )
    assert deployment.id == DEPLOYMENT_ID


def test_the_wait_follows_a_build_to_its_end(cloudflare: ReplayServer) -> None:
    cloudflare.play(DEPLOYMENT_ID, Situation.GIT_BUILD_SUCCESS)
    stages: list[str] = []
    deployment = wait_for_deployment(
        cloudflare.client(),
        account_id=ACCOUNT_ID,
        project_name=PROJECT,
        deployment_id=DEPLOYMENT_ID,
        on_change=lambda seen: stages.append(f"{seen.latest_stage.name}:{seen.latest_stage.status}"),
        sleep=lambda seconds: None,  # no real waiting between polls
    )
    assert stages[0] == "queued:active"
    assert stages[-1] == "deploy:success"
    assert deployment.aliases == [f"https://feature-search.{PROJECT}.pages.dev"]
    assert len(cloudflare.requests) == 7


def test_an_unknown_deployment_is_not_found(cloudflare: ReplayServer) -> None:
    cloudflare.play(DEPLOYMENT_ID, Situation.DEPLOYMENT_NOT_FOUND)
    with pytest.raises(NotFoundError):
        get_deployment(cloudflare.client(), account_id=ACCOUNT_ID, project_name=PROJECT, deployment_id=DEPLOYMENT_ID)


def test_a_rate_limit_resolves_after_retry_after(cloudflare: ReplayServer) -> None:
    cloudflare.play(DEPLOYMENT_ID, Situation.RATE_LIMITED_THEN_OK)
    slept: list[float] = []
    client = cloudflare.client(retry_policy=RetryPolicy(sleep=slept.append))
    deployment = get_deployment(client, account_id=ACCOUNT_ID, project_name=PROJECT, deployment_id=DEPLOYMENT_ID)
    assert deployment.id == DEPLOYMENT_ID
    assert slept == [30.0]  # the Retry-After Cloudflare sent, honoured once
    assert len(cloudflare.requests) == 2
