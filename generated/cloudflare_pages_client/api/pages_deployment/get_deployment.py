from typing import Any

import httpx

from ... import errors
from ..._runtime import wire
from ..._runtime.shapes import deepest
from ...client import AuthenticatedClient, Client
from ...models.deployment_envelope import DeploymentEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.flat_error import FlatError
from ...types import UNSET, Response, Unset

METHOD = "GET"
PATH = "/accounts/{account_id}/pages/projects/{project_name}/deployments/{deployment_id}"


def _get_kwargs(
    account_id: str,
    project_name: str,
    deployment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            account_id=wire.path_segment("account_id", account_id),
            project_name=wire.path_segment("project_name", project_name),
            deployment_id=wire.path_segment("deployment_id", deployment_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeploymentEnvelope | ErrorEnvelope | FlatError | None:
    if response.status_code == 200:
        response_200 = DeploymentEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if 400 <= response.status_code <= 499:
        _response_4xx = response.json()
        response_4xx: ErrorEnvelope | FlatError
        try:
            if not isinstance(_response_4xx, dict) or _response_4xx.get("success") != False:
                raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
            response_4xx_type_0 = ErrorEnvelope.from_dict(_response_4xx)

            response_4xx = response_4xx_type_0
        except (TypeError, ValueError, AttributeError, KeyError) as error_0:
            try:
                if not isinstance(_response_4xx, dict):
                    raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                response_4xx_type_1 = FlatError.from_dict(_response_4xx)

                response_4xx = response_4xx_type_1
            except (TypeError, ValueError, AttributeError, KeyError) as error_1:
                raise deepest(error_0, error_1)

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
) -> Response[DeploymentEnvelope | ErrorEnvelope | FlatError]:
    return wire.build_response(client, response, _parse_response)


def sync_detailed(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | None = None,
) -> Response[DeploymentEnvelope | ErrorEnvelope | FlatError]:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        TypeError: If a path parameter is not a str (nothing is sent).
        ValueError: If a path parameter is empty, '.' or '..', or holds a control character (nothing is sent).
        errors.APITimeoutError: If no answer comes within the timeout, after the retries.
        errors.APIConnectionError: If the connection fails or breaks before an answer, after the retries.
        errors.ResponseDecodeError: If the answer is not the JSON the spec promises for its status.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.

    Returns:
        Response[DeploymentEnvelope | ErrorEnvelope | FlatError]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        project_name=project_name,
        deployment_id=deployment_id,
    )

    response = wire.send(client, kwargs, timeout, max_retries)

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
) -> DeploymentEnvelope | ErrorEnvelope | FlatError | None:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        TypeError: If a path parameter is not a str (nothing is sent).
        ValueError: If a path parameter is empty, '.' or '..', or holds a control character (nothing is sent).
        errors.APITimeoutError: If no answer comes within the timeout, after the retries.
        errors.APIConnectionError: If the connection fails or breaks before an answer, after the retries.
        errors.ResponseDecodeError: If the answer is not the JSON the spec promises for its status.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.

    Returns:
        DeploymentEnvelope | ErrorEnvelope | FlatError
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
) -> Response[DeploymentEnvelope | ErrorEnvelope | FlatError]:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        TypeError: If a path parameter is not a str (nothing is sent).
        ValueError: If a path parameter is empty, '.' or '..', or holds a control character (nothing is sent).
        errors.APITimeoutError: If no answer comes within the timeout, after the retries.
        errors.APIConnectionError: If the connection fails or breaks before an answer, after the retries.
        errors.ResponseDecodeError: If the answer is not the JSON the spec promises for its status.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.

    Returns:
        Response[DeploymentEnvelope | ErrorEnvelope | FlatError]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        project_name=project_name,
        deployment_id=deployment_id,
    )

    response = await wire.send_async(client, kwargs, timeout, max_retries)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    project_name: str,
    deployment_id: str,
    *,
    client: AuthenticatedClient,
) -> DeploymentEnvelope | ErrorEnvelope | FlatError | None:
    """Get deployment info

     Fetch information about a deployment.

    Args:
        account_id (str):  Example: 0123456789abcdef0123456789abcdef.
        project_name (str):  Example: this-is-my-project-01.
        deployment_id (str):  Example: f64788e9-fccd-4d4a-a28a-cb84f88f6a8e.

    Raises:
        TypeError: If a path parameter is not a str (nothing is sent).
        ValueError: If a path parameter is empty, '.' or '..', or holds a control character (nothing is sent).
        errors.APITimeoutError: If no answer comes within the timeout, after the retries.
        errors.APIConnectionError: If the connection fails or breaks before an answer, after the retries.
        errors.ResponseDecodeError: If the answer is not the JSON the spec promises for its status.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.

    Returns:
        DeploymentEnvelope | ErrorEnvelope | FlatError
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            project_name=project_name,
            deployment_id=deployment_id,
            client=client,
        )
    ).parsed
