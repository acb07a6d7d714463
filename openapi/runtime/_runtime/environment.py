"""client_from_env: a client configured from Cloudflare's own environment variables.

The names are those Cloudflare's SDKs and its CLI (wrangler) read, so that a CI job already set up for them
needs nothing more:

- ``CLOUDFLARE_API_TOKEN``: an API token (recommended; "Pages Read" is enough);
- else ``CLOUDFLARE_EMAIL`` with ``CLOUDFLARE_API_KEY``: the legacy Global API key;
- ``CLOUDFLARE_BASE_URL``: another API base URL (a proxy, or a test server), optional.

A function rather than ``from_env()`` classmethods: which class to build (token or key pair) is what the
environment decides.
"""

import os
from collections.abc import Mapping
from typing import Any

from .clients import ApiKeyAuthenticatedClient, AuthenticatedClient
from .constants import DEFAULT_BASE_URL
from .errors import ConfigurationError

TOKEN = "CLOUDFLARE_API_TOKEN"
EMAIL = "CLOUDFLARE_EMAIL"
API_KEY = "CLOUDFLARE_API_KEY"
BASE_URL = "CLOUDFLARE_BASE_URL"


def _value(environ: Mapping[str, str], name: str) -> str:
    return environ.get(name, "").strip()


def client_from_env(environ: Mapping[str, str] = os.environ, **options: Any) -> AuthenticatedClient:
    """An AuthenticatedClient (token) or ApiKeyAuthenticatedClient (email + key) from `environ`.

    `options` go to the client (timeout=..., max_retries=..., ...). A token wins over a key pair when both are set.

    Raises:
        ConfigurationError: no credentials, or half of the key pair; the message names the variables.
    """
    base_url = _value(environ, BASE_URL) or DEFAULT_BASE_URL
    token = _value(environ, TOKEN)
    if token:
        return AuthenticatedClient(base_url=base_url, token=token, **options)
    email, api_key = _value(environ, EMAIL), _value(environ, API_KEY)
    if email and api_key:
        return ApiKeyAuthenticatedClient(base_url=base_url, email=email, api_key=api_key, **options)
    if email or api_key:
        missing = API_KEY if email else EMAIL
        raise ConfigurationError(f"{EMAIL} and {API_KEY} go together: {missing} is not set (or set {TOKEN}).")
    raise ConfigurationError(
        f"No Cloudflare credentials in the environment: set {TOKEN} (an API token with Pages Read), "
        f"or {EMAIL} and {API_KEY}."
    )


__all__ = ["API_KEY", "BASE_URL", "EMAIL", "TOKEN", "client_from_env"]
