"""A small program that uses the client as a user would; `make typecheck` runs mypy --strict on it."""

from __future__ import annotations

import asyncio
import os

from cloudflare_pages_client import (
    ApiKeyAuthenticatedClient,
    AuthenticatedClient,
    CloudflarePagesError,
    Deployment,
    NotFoundError,
    get_deployment,
    get_deployment_async,
)
from cloudflare_pages_client.api.pages_deployment.get_deployment import sync_detailed
from cloudflare_pages_client.models import DeploymentEnvelope, StageStatus


def describe(deployment: Deployment) -> str:
    stage = deployment.latest_stage
    status = stage.status.value if isinstance(stage.status, StageStatus) else f"{stage.status} (new)"
    return f"{deployment.short_id} {deployment.environment}: {stage.name} {status}"


def main() -> None:
    account_id = os.environ["CLOUDFLARE_ACCOUNT_ID"]
    project = os.environ["CLOUDFLARE_PAGES_PROJECT"]
    deployment_id = os.environ["CLOUDFLARE_PAGES_DEPLOYMENT_ID"]

    client = AuthenticatedClient(token=os.environ["CLOUDFLARE_API_TOKEN"], timeout=20.0, max_retries=3)
    try:
        deployment = get_deployment(client, account_id=account_id, project_name=project, deployment_id=deployment_id)
    except NotFoundError as error:
        print(f"no such deployment: {error.codes}")
        return
    except CloudflarePagesError as error:
        print(f"failed: {error}")
        return
    print(describe(deployment))

    legacy = ApiKeyAuthenticatedClient(email=os.environ["CLOUDFLARE_EMAIL"], api_key=os.environ["CLOUDFLARE_API_KEY"])
    response = sync_detailed(account_id, project, deployment_id, client=legacy)
    if isinstance(response.parsed, DeploymentEnvelope):
        print(describe(response.parsed.result))

    async_deployment = asyncio.run(
        get_deployment_async(client, account_id=account_id, project_name=project, deployment_id=deployment_id)
    )
    print(describe(async_deployment))


if __name__ == "__main__":
    main()
