"""Wait for a deployment as a CI job would; `make typecheck` runs mypy --strict on it.

Configured from Cloudflare's environment variables (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, ...).
"""

from __future__ import annotations

import asyncio
import os
import sys

from cloudflare_pages_client import (
    CloudflarePagesError,
    Deployment,
    DeploymentFailedError,
    DeploymentSkippedError,
    DeploymentState,
    WaitTimeoutError,
    client_from_env,
    dashboard_url,
    deployment_state,
    preview_url,
    wait_for_deployment,
    wait_for_deployment_async,
)


def progress(deployment: Deployment) -> None:
    stage = deployment.latest_stage
    print(f"{stage.name}: {stage.status} ({deployment_state(deployment)})", file=sys.stderr)


def main() -> int:
    account_id = os.environ["CLOUDFLARE_ACCOUNT_ID"]
    project = os.environ["CLOUDFLARE_PAGES_PROJECT"]
    deployment_id = sys.argv[1]

    with client_from_env() as client:
        try:
            deployment = wait_for_deployment(
                client,
                account_id=account_id,
                project_name=project,
                deployment_id=deployment_id,
                timeout=15 * 60,
                on_change=progress,
            )
        except DeploymentFailedError as error:
            print(f"{error} See {dashboard_url(error.deployment, account_id)}", file=sys.stderr)
            return 1
        except DeploymentSkippedError as error:
            print(f"skipped: {error.skip_reason}", file=sys.stderr)
            return 0
        except WaitTimeoutError as error:
            last = deployment_state(error.deployment) if error.deployment is not None else None
            print(f"still {last} after {error.timeout:.0f} s", file=sys.stderr)
            return 1
        except CloudflarePagesError as error:
            print(f"could not wait: {error}", file=sys.stderr)
            return 1
    assert deployment_state(deployment) is DeploymentState.SUCCESS
    print(preview_url(deployment))
    return 0


async def main_async(deployment_id: str) -> str:
    client = client_from_env()
    try:
        deployment = await wait_for_deployment_async(
            client,
            account_id=os.environ["CLOUDFLARE_ACCOUNT_ID"],
            project_name=os.environ["CLOUDFLARE_PAGES_PROJECT"],
            deployment_id=deployment_id,
        )
    finally:
        await client.aclose()
    return preview_url(deployment)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--async":
        print(asyncio.run(main_async(sys.argv[1])))
    else:
        raise SystemExit(main())
