"""A typed client for Cloudflare Pages "Get deployment info", generated from a curated OpenAPI spec.

    from cloudflare_pages_client import AuthenticatedClient, get_deployment

    client = AuthenticatedClient(token="...")
    deployment = get_deployment(client, account_id="...", project_name="...", deployment_id="...")
Waiting for a deployment (wait_for_deployment, `cloudflare-pages-deployment wait`): docs/waiting.md.
"""

from ._runtime.exports import *  # noqa: F403
from ._runtime.exports import __all__ as __all__
