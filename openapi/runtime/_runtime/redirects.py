"""Redirects are never followed: httpx would carry credentials to whatever origin a redirect names.

httpx strips only `Authorization` on a cross-origin hop; `X-Auth-Key`, `X-Auth-Email`, a custom auth header
and cookies would go along. Cloudflare's API does not redirect, so a redirect means a wrong base URL or a
proxy: the call ends in RedirectError, which names the Location.
"""

from collections.abc import Mapping
from typing import Any

REFUSED = (
    "follow_redirects=True is not supported: httpx would send the API key, the email, custom auth headers and "
    "cookies to whatever origin a redirect names. A redirect ends in RedirectError naming its Location; "
    "set base_url to that address instead."
)


def refuse_following(instance: object, attribute: object, value: bool) -> None:
    """attrs validator for Client.follow_redirects."""
    if value:
        raise ValueError(REFUSED)


def refuse_following_in(instance: object, attribute: object, value: Mapping[str, Any]) -> None:
    """attrs validator for Client.httpx_args."""
    if value.get("follow_redirects"):
        raise ValueError(REFUSED)


__all__ = ["REFUSED", "refuse_following", "refuse_following_in"]
