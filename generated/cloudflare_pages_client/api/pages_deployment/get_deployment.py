from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deployment_envelope import DeploymentEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    account_id: str,
    project_name: str,
    deployment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/accounts/{account_id}/pages/projects/{project_name}/deployments/{deployment_id}".format(
            account_id=quote(str(account_id), safe=""),
            project_name=quote(str(project_name), safe=""),
            deployment_id=quote(str(deployment_id), safe=""),
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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeploymentEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[DeploymentEnvelope | ErrorEnvelope]:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 023e105f4ecef8ad9ca31a8372d0c353.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: 206e215c-33b3-4ce4-adf4-7fc6c9b65483.

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

    response = client.get_httpx_client().request(
        **kwargs,
    )

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
        account_id (str):  Example: 023e105f4ecef8ad9ca31a8372d0c353.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: 206e215c-33b3-4ce4-adf4-7fc6c9b65483.

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
) -> Response[DeploymentEnvelope | ErrorEnvelope]:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 023e105f4ecef8ad9ca31a8372d0c353.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: 206e215c-33b3-4ce4-adf4-7fc6c9b65483.

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

    response = await client.get_async_httpx_client().request(**kwargs)

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
        account_id (str):  Example: 023e105f4ecef8ad9ca31a8372d0c353.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: 206e215c-33b3-4ce4-adf4-7fc6c9b65483.

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
