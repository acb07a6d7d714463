"""The generated client, sync and async, against the replay server over a real socket."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from cloudflare_pages_client import (
    APIError,
    ApiKeyAuthenticatedClient,
    AuthenticatedClient,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ServerError,
    get_deployment,
    get_deployment_async,
)
from cloudflare_pages_client.api.pages_deployment.get_deployment import asyncio_detailed, sync_detailed
from cloudflare_pages_client.models import DeploymentEnvelope, ErrorEnvelope, FlatError
from cloudflare_pages_client.testing.recordings import ACCOUNT_PLACEHOLDER, Recording, load_all
from cloudflare_pages_client.testing.replay_server import (
    REPLAY_API_KEY,
    REPLAY_EMAIL,
    REPLAY_TOKEN,
    SELECT_HEADER,
    ReplayServer,
)
from contract_tests.kit.roundtrip import differences
from contract_tests.kit.spec import OPERATION_PATH

RECORDINGS = load_all()
SUCCESSES = [r for r in RECORDINGS if r.status == 200]
FAILURES = [r for r in RECORDINGS if r.status != 200]
KNOWN_PROJECT, KNOWN_DEPLOYMENT = "docs-site", "3b0f6c1e-8d2a-4f7b-9c3e-5a1d2e4f6b70"
KNOWN_PATH = OPERATION_PATH.format(
    account_id=ACCOUNT_PLACEHOLDER, project_name=KNOWN_PROJECT, deployment_id=KNOWN_DEPLOYMENT
)


def client(server: ReplayServer, **options: Any) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token=REPLAY_TOKEN, max_retries=0, **options)


def fetch(mode: str, authenticated: AuthenticatedClient, **params: str) -> Any:
    arguments: dict[str, Any] = {"account_id": ACCOUNT_PLACEHOLDER, **params}
    if mode == "sync":
        return get_deployment(authenticated, **arguments)
    return asyncio.run(get_deployment_async(authenticated, **arguments))


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("success", SUCCESSES, ids=[r.name for r in SUCCESSES])
def test_every_recorded_deployment_comes_back_typed(replay: ReplayServer, success: Recording, mode: str) -> None:
    deployment = fetch(mode, client(replay), **{k: v for k, v in success.path_params.items() if k != "account_id"})
    assert deployment.id == success.body["result"]["id"]
    assert differences(success.body["result"], deployment.to_dict()) == []


def detailed(mode: str, authenticated: AuthenticatedClient, recording: Recording) -> Any:
    params: dict[str, Any] = dict(recording.path_params)
    if mode == "sync":
        return sync_detailed(client=authenticated, **params)
    return asyncio.run(asyncio_detailed(client=authenticated, **params))


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("failure", FAILURES, ids=[r.name for r in FAILURES])
def test_every_recorded_failure_comes_back_as_recorded(replay: ReplayServer, failure: Recording, mode: str) -> None:
    response = detailed(mode, client(replay, headers={SELECT_HEADER: failure.name}), failure)
    assert response.status_code == failure.status
    if failure.is_json and isinstance(response.parsed, FlatError):
        assert (response.parsed.code, response.parsed.message) == (failure.body["code"], failure.body["message"])
    elif failure.is_json:
        assert isinstance(response.parsed, ErrorEnvelope)
        assert [e.code for e in response.parsed.errors] == [e["code"] for e in failure.body["errors"]]
    else:
        assert response.parsed is None
        assert response.content == failure.body_bytes()


@pytest.mark.parametrize(
    ("name", "error_type", "codes"),
    [
        ("bad-token", AuthenticationError, [10000]),
        ("project-not-found", NotFoundError, [8000007]),
        ("rate-limited", RateLimitError, [971]),
        # Code 10000 also means "rate limited": the status decides, and retry_after is kept.
        ("rate-limited-code-10000", RateLimitError, [10000]),
        # A flat {code, message} body: still NotFoundError, with its code.
        ("deployment-not-found-flat", NotFoundError, [8000009]),
        ("bad-gateway-html", ServerError, []),
        ("origin-unreachable-522-html", ServerError, []),
    ],
)
def test_recorded_failures_raise_typed_errors(
    replay: ReplayServer, name: str, error_type: type[APIError], codes: list[int]
) -> None:
    with pytest.raises(error_type) as raised:
        fetch(
            "sync",
            client(replay, headers={SELECT_HEADER: name}),
            project_name="docs-site",
            deployment_id=KNOWN_DEPLOYMENT,
        )
    assert raised.value.codes == codes
    assert raised.value.cf_ray is not None


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_429_with_code_10000_is_a_rate_limit_with_its_retry_after(replay: ReplayServer, mode: str) -> None:
    with pytest.raises(RateLimitError) as raised:
        fetch(
            mode,
            client(replay, headers={SELECT_HEADER: "rate-limited-code-10000"}),
            project_name=KNOWN_PROJECT,
            deployment_id=KNOWN_DEPLOYMENT,
        )
    assert (raised.value.status_code, raised.value.codes, raised.value.retry_after) == (429, [10000], 20.0)
    assert not isinstance(raised.value, AuthenticationError)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_flat_404_is_not_found_with_its_code_and_message(replay: ReplayServer, mode: str) -> None:
    with pytest.raises(NotFoundError) as raised:
        fetch(
            mode,
            client(replay, headers={SELECT_HEADER: "deployment-not-found-flat"}),
            project_name=KNOWN_PROJECT,
            deployment_id=KNOWN_DEPLOYMENT,
        )
    assert raised.value.codes == [8000009]
    assert raised.value.messages == ["The deployment ID you have specified does not exist."]


def test_the_legacy_key_pair_is_accepted(replay: ReplayServer) -> None:
    legacy = ApiKeyAuthenticatedClient(base_url=replay.url, email=REPLAY_EMAIL, api_key=REPLAY_API_KEY)
    deployment = fetch("sync", legacy, project_name=KNOWN_PROJECT, deployment_id=KNOWN_DEPLOYMENT)
    assert deployment.short_id == "3b0f6c1e"


def test_a_wrong_token_is_rejected_like_cloudflare(replay: ReplayServer) -> None:
    wrong = AuthenticatedClient(base_url=replay.url, token="not-the-token", max_retries=0)
    response = sync_detailed(ACCOUNT_PLACEHOLDER, KNOWN_PROJECT, KNOWN_DEPLOYMENT, client=wrong)
    assert response.status_code == 403
    assert isinstance(response.parsed, ErrorEnvelope)
    assert response.parsed.to_dict() == {
        "success": False,
        "errors": [{"code": 10000, "message": "Authentication error"}],
    }


@pytest.mark.parametrize(
    ("project", "deployment_id", "status", "code"),
    [
        ("no-such-project", KNOWN_DEPLOYMENT, 404, 8000007),
        (KNOWN_PROJECT, "00000000-0000-4000-8000-000000000000", 404, 8000009),
        (KNOWN_PROJECT, "not-a-uuid", 400, 7003),
    ],
)
def test_unknown_or_invalid_identifiers(
    replay: ReplayServer, project: str, deployment_id: str, status: int, code: int
) -> None:
    response = sync_detailed(ACCOUNT_PLACEHOLDER, project, deployment_id, client=client(replay))
    assert response.status_code == status
    assert isinstance(response.parsed, ErrorEnvelope)
    assert [e.code for e in response.parsed.errors] == [code]


def test_missing_credentials_wrong_method_and_wrong_path(replay: ReplayServer) -> None:
    with httpx.Client(base_url=replay.url) as plain:
        missing = plain.get(KNOWN_PATH)
        deleted = plain.delete(KNOWN_PATH, headers={"Authorization": f"Bearer {REPLAY_TOKEN}"})
        elsewhere = plain.get("/accounts/x/pages/projects", headers={"Authorization": f"Bearer {REPLAY_TOKEN}"})
    assert (missing.status_code, missing.json()["errors"][0]["code"]) == (401, 10000)
    assert (deleted.status_code, deleted.json()["errors"][0]["code"]) == (405, 7001)
    assert (elsewhere.status_code, elsewhere.json()["errors"][0]["code"]) == (404, 7000)


def test_one_keep_alive_connection_serves_many_requests(replay: ReplayServer) -> None:
    ports = set()
    with httpx.Client(base_url=replay.url, headers={"Authorization": f"Bearer {REPLAY_TOKEN}"}) as plain:
        for _ in range(20):
            response = plain.get(KNOWN_PATH, extensions={})
            assert response.status_code == 200
            stream = response.extensions["network_stream"]
            ports.add(stream.get_extra_info("client_addr")[1])
    assert len(ports) == 1
    assert isinstance(DeploymentEnvelope.from_dict(response.json()), DeploymentEnvelope)
