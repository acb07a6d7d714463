"""The URLs a person wants from a deployment: where to look at it, and its page in Cloudflare's dashboard."""

from urllib.parse import quote, urlsplit

from ..models import Deployment

PAGES_DEV = ".pages.dev"
DASHBOARD = "https://dash.cloudflare.com"


def _is_real_pages_host(alias: str) -> bool:
    # `aliases` has been seen holding "https://undefined.<project>.pages.dev".
    try:
        host = urlsplit(alias).hostname or ""
    except ValueError:
        return False
    labels = host.split(".")
    return host.endswith(PAGES_DEV) and len(labels) >= 3 and all(labels) and "undefined" not in labels


def preview_url(deployment: Deployment) -> str:
    """The first alias on `.pages.dev` that is a real host (as Cloudflare's CLI picks it), else `url`.

    Aliases are the branch alias of a preview (`https://<branch>.<project>.pages.dev`) and custom domains for
    production; they are null or incomplete right after a deploy, hence the fallback to the deployment's own URL.
    """
    for alias in deployment.aliases or []:
        if _is_real_pages_host(alias):
            return alias
    return deployment.url


def dashboard_url(deployment: Deployment, account_id: str) -> str:
    """The deployment's page in Cloudflare's dashboard (the body does not carry the account id: pass it)."""
    parts = (account_id, "pages", "view", deployment.project_name, deployment.id)
    return "/".join([DASHBOARD, *(quote(part, safe="") for part in parts)])


__all__ = ["dashboard_url", "preview_url"]
