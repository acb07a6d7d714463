"""Run the same call through the sync and the async client, so every test covers both."""

from __future__ import annotations

import asyncio
from typing import Any

from cloudflare_pages_client import AuthenticatedClient, Deployment, RetryPolicy, get_deployment, get_deployment_async
from cloudflare_pages_client.api.pages_deployment.get_deployment import asyncio_detailed, sync_detailed
from cloudflare_pages_client.models import DeploymentEnvelope, ErrorEnvelope, FlatError
from cloudflare_pages_client.testing.recordings import ACCOUNT_PLACEHOLDER
from cloudflare_pages_client.types import Response
from contract_tests.kit.spec import OPERATION_PATH as PATH_TEMPLATE

ACCOUNT = ACCOUNT_PLACEHOLDER
PROJECT = "docs-site"
DEPLOYMENT = "3b0f6c1e-8d2a-4f7b-9c3e-5a1d2e4f6b70"
# The concrete path these arguments give (the name the client tests use for it).
OPERATION_PATH = PATH_TEMPLATE.format(account_id=ACCOUNT, project_name=PROJECT, deployment_id=DEPLOYMENT)
MODES = ("sync", "async")


async def _no_async_wait(seconds: float) -> None:
    return None


def no_wait_policy() -> RetryPolicy:
    """The default retries, without their waits (and without jitter): a test's retries cost no time."""
    return RetryPolicy(sleep=lambda seconds: None, async_sleep=_no_async_wait, jitter=lambda: 0.0)


def fetch(mode: str, client: AuthenticatedClient, **overrides: Any) -> Deployment:
    arguments = {"account_id": ACCOUNT, "project_name": PROJECT, "deployment_id": DEPLOYMENT, **overrides}
    if mode == "sync":
        return get_deployment(client, **arguments)
    return asyncio.run(get_deployment_async(client, **arguments))


def fetch_detailed(
    mode: str, client: AuthenticatedClient, **overrides: Any
) -> Response[DeploymentEnvelope | ErrorEnvelope | FlatError]:
    arguments = {"account_id": ACCOUNT, "project_name": PROJECT, "deployment_id": DEPLOYMENT, **overrides}
    if mode == "sync":
        return sync_detailed(client=client, **arguments)
    return asyncio.run(asyncio_detailed(client=client, **arguments))
