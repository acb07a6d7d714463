"""The live run's configuration, from the environment, in Cloudflare's own conventions."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from cloudflare_pages_client import DEFAULT_BASE_URL, ApiKeyAuthenticatedClient, AuthenticatedClient
from contract_tests.kit.settings import (
    DEFAULT_LIVE_DEADLINE,
    DEFAULT_LIVE_MAX_REQUESTS,
    SettingError,
    live_deadline,
    live_max_requests,
)


class LiveConfigError(ValueError):
    """The configuration is partial: the message names what is missing."""


@dataclass(frozen=True)
class LiveConfig:
    account_id: str
    project_name: str
    deployment_ids: tuple[str, ...]
    base_url: str = DEFAULT_BASE_URL
    token: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)
    api_key: str | None = field(default=None, repr=False)
    max_requests: int = DEFAULT_LIVE_MAX_REQUESTS
    deadline: float = DEFAULT_LIVE_DEADLINE

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every credential value, the email included: none of them may appear in anything the run writes."""
        return tuple(value for value in (self.token, self.api_key, self.email) if value)

    @property
    def auth_scheme(self) -> str:
        return "api_token" if self.token else "api_email + api_key"

    def client(self, **options: object) -> AuthenticatedClient:
        if self.token:
            return AuthenticatedClient(base_url=self.base_url, token=self.token, **options)  # type: ignore[arg-type]
        assert self.email and self.api_key
        return ApiKeyAuthenticatedClient(base_url=self.base_url, email=self.email, api_key=self.api_key, **options)  # type: ignore[arg-type]

    def client_with_wrong_credentials(self, **options: object) -> AuthenticatedClient:
        """The same scheme with a credential Cloudflare cannot accept, for the bad-token probe."""
        if self.token:
            return AuthenticatedClient(base_url=self.base_url, token="invalid-token-for-the-contract-probe", **options)  # type: ignore[arg-type]
        assert self.email
        return ApiKeyAuthenticatedClient(base_url=self.base_url, email=self.email, api_key="0" * 37, **options)  # type: ignore[arg-type]


def _get(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "").strip()
    return value or None


CREDENTIAL_VARIABLES = ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY")
TARGET_VARIABLES = ("CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_PAGES_PROJECT", "CLOUDFLARE_PAGES_DEPLOYMENT_ID")
# Requests every run makes before the generated ones: one canary a deployment, and these error probes.
ERROR_PROBES = 3


def _base_url(environ: Mapping[str, str]) -> str:
    text = (_get(environ, "CLOUDFLARE_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise LiveConfigError(
            f"CLOUDFLARE_BASE_URL must be an http:// or https:// URL with a host, like {DEFAULT_BASE_URL}"
        )
    return text


def _deployment_ids(environ: Mapping[str, str]) -> tuple[str, ...]:
    parts = (part.strip() for part in environ["CLOUDFLARE_PAGES_DEPLOYMENT_ID"].split(","))
    ids = tuple(dict.fromkeys(part for part in parts if part))  # each once, in the order given
    if not ids:
        raise LiveConfigError("CLOUDFLARE_PAGES_DEPLOYMENT_ID holds no deployment id (ids are separated by commas)")
    return ids


def from_environment(environ: Mapping[str, str] = os.environ) -> LiveConfig | None:
    """The configuration, or None when no credential is given at all (nothing to run)."""
    token, email, api_key = (_get(environ, name) for name in CREDENTIAL_VARIABLES)
    given = [name for name in (*CREDENTIAL_VARIABLES, *TARGET_VARIABLES) if _get(environ, name)]
    if not (token or email or api_key):
        if given:
            raise LiveConfigError(
                f"{', '.join(given)} set but no credentials: set CLOUDFLARE_API_TOKEN, "
                "or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY"
            )
        return None
    missing = [name for name in TARGET_VARIABLES if not _get(environ, name)]
    if not token and not (email and api_key):
        missing.append("CLOUDFLARE_API_KEY" if email else "CLOUDFLARE_EMAIL")
    if missing:
        raise LiveConfigError(f"incomplete live configuration: {', '.join(missing)} not set")
    deployment_ids = _deployment_ids(environ)
    try:
        max_requests = live_max_requests(environ)
        deadline = live_deadline(environ)
    except SettingError as error:
        raise LiveConfigError(str(error)) from None
    needed = len(deployment_ids) + ERROR_PROBES
    if max_requests < needed:
        raise LiveConfigError(
            f"CONTRACT_LIVE_MAX_REQUESTS is {max_requests}, but the run needs at least {needed}: one canary for "
            f"each of the {len(deployment_ids)} deployments and {ERROR_PROBES} error probes"
        )
    return LiveConfig(
        account_id=environ["CLOUDFLARE_ACCOUNT_ID"].strip(),
        project_name=environ["CLOUDFLARE_PAGES_PROJECT"].strip(),
        deployment_ids=deployment_ids,
        base_url=_base_url(environ),
        token=token,
        email=None if token else email,
        api_key=None if token else api_key,
        max_requests=max_requests,
        deadline=deadline,
    )
