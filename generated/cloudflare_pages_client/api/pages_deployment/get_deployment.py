import re
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import MAX_RETRIES_EXTENSION, AuthenticatedClient, Client
from ...models.deployment_envelope import DeploymentEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset

# Unicode's categories Cc (C0, DEL, C1) and Cs (surrogates), in one search rather than a call per character.
_CONTROL_CHARACTER = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff]")


def _path_segment(name: str, value: object) -> str:
    """`value` quoted as one path segment; ValueError when it cannot stay one."""
    text = str(value)
    if text in ("", ".", ".."):
        raise ValueError(
            f"{name} must be a name, not {text!r}: an empty, '.' or '..' segment would send the request "
            "to another endpoint"
        )
    found = _CONTROL_CHARACTER.search(text)
    if found is not None:
        raise ValueError(f"{name} contains a control character ({found.group()!r} at position {found.start()})")
    return quote(text, safe="")


def _get_kwargs(
    account_id: str,
    project_name: str,
    deployment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/accounts/{account_id}/pages/projects/{project_name}/deployments/{deployment_id}".format(
            account_id=_path_segment("account_id", account_id),
            project_name=_path_segment("project_name", project_name),
            deployment_id=_path_segment("deployment_id", deployment_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeploymentEnvelope | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = DeploymentEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorEnvelope.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorEnvelope.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _is_json(response: httpx.Response) -> bool:
    media_type = str(response.headers.get("content-type", "")).split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _decode(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeploymentEnvelope | ErrorEnvelope | None:
    content_type = response.headers.get("content-type", "")
    if not _is_json(response):
        if response.status_code >= 500:
            # The spec allows Cloudflare's HTML pages here; the raw body stays in Response.content.
            return None
        raise errors.ResponseDecodeError(
            status_code=response.status_code,
            content_type=content_type,
            body=response.content,
            reason="not JSON",
        )
    try:
        return _parse_response(client=client, response=response)
    except errors.CloudflarePagesError:
        raise
    except KeyError as error:
        reason = f"required field {error} is missing"
    except (ValueError, TypeError, AttributeError) as error:
        reason = f"{type(error).__name__}: {error}"
    raise errors.ResponseDecodeError(
        status_code=response.status_code, content_type=content_type, body=response.content, reason=reason
    )


def _status(code: int) -> HTTPStatus | int:
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeploymentEnvelope | ErrorEnvelope]:
    return Response(
        status_code=_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_decode(client=client, response=response),
    )


def _request_options(timeout: httpx.Timeout | float | None | Unset, max_retries: int | None) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if not isinstance(timeout, Unset):
        options["timeout"] = timeout
    if max_retries is not None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        options["extensions"] = {MAX_RETRIES_EXTENSION: max_retries}
    return options


def _transport_error(
    error: httpx.TransportError, client: AuthenticatedClient | Client, max_retries: int | None
) -> errors.APIConnectionError:
    attempts = 1 + (client.max_retries if max_retries is None else max_retries)
    try:
        url = str(error.request.url)
    except RuntimeError:  # httpx raised before the request existed
        url = "the API"
    tries = f"{attempts} attempts" if attempts > 1 else "1 attempt"
    if isinstance(error, httpx.TimeoutException):
        return errors.APITimeoutError(
            f"No answer from {url} within the timeout after {tries} ({type(error).__name__}). "
            "Check the network, or raise the timeout (timeout=...).",
            url=url,
            attempts=attempts,
        )
    return errors.APIConnectionError(
        f"Could not get an answer from {url} after {tries} ({type(error).__name__}: {error}). "
        "Check the network and the base URL.",
        url=url,
        attempts=attempts,
    )


def sync_detailed(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | None = None,
) -> Response[DeploymentEnvelope | ErrorEnvelope]:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeploymentEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        project_name=project_name,
        deployment_id=deployment_id,
    )

    try:
        response = client.get_httpx_client().request(**kwargs, **_request_options(timeout, max_retries))
    except httpx.TransportError as error:
        raise _transport_error(error, client, max_retries) from error

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
) -> DeploymentEnvelope | ErrorEnvelope | None:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeploymentEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        account_id=account_id,
        project_name=project_name,
        deployment_id=deployment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | None = None,
) -> Response[DeploymentEnvelope | ErrorEnvelope]:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeploymentEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        project_name=project_name,
        deployment_id=deployment_id,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs, **_request_options(timeout, max_retries))
    except httpx.TransportError as error:
        raise _transport_error(error, client, max_retries) from error

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
) -> DeploymentEnvelope | ErrorEnvelope | None:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeploymentEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            project_name=project_name,
            deployment_id=deployment_id,
            client=client,
        )
    ).parsed
