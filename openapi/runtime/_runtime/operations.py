"""get_deployment / get_deployment_async: the Deployment, or the typed error Cloudflare's answer means.

With exports.py, the only runtime module that imports from the generated `api` and `models`.
"""

import json

import httpx

from ..api.pages_deployment import get_deployment as _operation
from ..models import Deployment, DeploymentEnvelope, ErrorEnvelope, FlatError
from .clients import AuthenticatedClient
from .errors import CloudflarePagesError, ResponseDecodeError, api_error
from .scrubbing import scrub_error
from .types import UNSET, Response, Unset
from .wire import says_it_failed, unexpected_status


def _error_body(response: Response[DeploymentEnvelope | ErrorEnvelope | FlatError]) -> object:
    """The parsed error body; for a status the spec's table lacks (999, say), the envelope read here, so that
    its codes are not lost."""
    if response.parsed is not None:
        return response.parsed
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        return None
    for model in (ErrorEnvelope, FlatError):
        try:
            return model.from_dict(data)
        except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
            continue
    return None


def _deployment_or_error(
    client: AuthenticatedClient, response: Response[DeploymentEnvelope | ErrorEnvelope | FlatError]
) -> Deployment:
    if response.status_code == 200 and isinstance(response.parsed, DeploymentEnvelope):
        return response.parsed.result
    error = _error_for(client, response)
    scrub_error(error, client._credentials())
    raise error


def _error_for(
    client: AuthenticatedClient, response: Response[DeploymentEnvelope | ErrorEnvelope | FlatError]
) -> CloudflarePagesError:
    if response.status_code >= 400:
        # Capped as the client's own wait is, so that a caller who sleeps retry_after never waits longer.
        retry_after = client.retry_policy.retry_after(response.headers)
        return api_error(
            int(response.status_code), response.headers, _error_body(response), retry_after, response.attempts
        )
    if 200 <= response.status_code < 300 and says_it_failed(response.content):
        # `success: false` on a 2xx, which decode leaves unparsed: the envelope's codes say what went wrong.
        if isinstance(envelope := _error_body(response), ErrorEnvelope):
            return api_error(int(response.status_code), response.headers, envelope, None, response.attempts)
        return ResponseDecodeError(
            status_code=int(response.status_code),
            content_type=response.headers.get("content-type", ""),
            body=response.content,
            reason="it says success: false, but is no error envelope",
            attempts=response.attempts,
        )
    return unexpected_status(int(response.status_code), response.headers, response.content)


def get_deployment(
    client: AuthenticatedClient,
    *,
    account_id: str,
    project_name: str,
    deployment_id: str,
    timeout: httpx.Timeout | float | Unset | None = UNSET,
    max_retries: int | None = None,
) -> Deployment:
    """Fetch a deployment.

    Raises:
        TypeError: a path parameter is not a str (nothing is sent).
        ValueError: a path parameter is empty, '.' or '..', or holds a control character (nothing is sent).
        AuthenticationError, NotFoundError, RateLimitError, ServerError, APIError: Cloudflare answered an error.
        APITimeoutError, APIConnectionError: no answer, after the retries.
        ResponseDecodeError: an answer that is not the JSON the spec promises.
    """
    response = _operation.sync_detailed(
        account_id, project_name, deployment_id, client=client, timeout=timeout, max_retries=max_retries
    )
    return _deployment_or_error(client, response)


async def get_deployment_async(
    client: AuthenticatedClient,
    *,
    account_id: str,
    project_name: str,
    deployment_id: str,
    timeout: httpx.Timeout | float | Unset | None = UNSET,
    max_retries: int | None = None,
) -> Deployment:
    """The async twin of get_deployment: the same arguments, result and errors."""
    response = await _operation.asyncio_detailed(
        account_id, project_name, deployment_id, client=client, timeout=timeout, max_retries=max_retries
    )
    return _deployment_or_error(client, response)


__all__ = ["get_deployment", "get_deployment_async"]
