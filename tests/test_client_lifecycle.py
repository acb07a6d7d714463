"""A client as a new user meets it: configured from the environment, closed and used again, used from two event
loops, announcing itself, and every public name where the docs say."""

from __future__ import annotations

import asyncio
import importlib.metadata
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import cloudflare_pages_client
import cloudflare_pages_client.models
from cloudflare_pages_client import (
    ApiKeyAuthenticatedClient,
    AuthenticatedClient,
    ConfigurationError,
    client_from_env,
    get_deployment,
    get_deployment_async,
)
from cloudflare_pages_client.testing.replay_server import REPLAY_API_KEY, REPLAY_EMAIL, REPLAY_TOKEN, ReplayServer
from contract_tests.kit.scripted_server import ScriptedServer, json_reply
from tests.support.calls import ACCOUNT, DEPLOYMENT, PROJECT
from tests.support.progressions import GIT_STAGES, body

IDS: dict[str, Any] = {"account_id": ACCOUNT, "project_name": PROJECT, "deployment_id": DEPLOYMENT}


@pytest.fixture(scope="module")
def replay() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


def test_a_token_in_the_environment_is_enough(replay: ReplayServer) -> None:
    client = client_from_env({"CLOUDFLARE_API_TOKEN": REPLAY_TOKEN, "CLOUDFLARE_BASE_URL": replay.url})
    assert type(client) is AuthenticatedClient
    assert get_deployment(client, **IDS).id == DEPLOYMENT


def test_the_key_pair_is_used_without_a_token(replay: ReplayServer) -> None:
    environ = {
        "CLOUDFLARE_EMAIL": REPLAY_EMAIL,
        "CLOUDFLARE_API_KEY": REPLAY_API_KEY,
        "CLOUDFLARE_BASE_URL": replay.url,
    }
    client = client_from_env(environ, max_retries=0)
    assert type(client) is ApiKeyAuthenticatedClient
    assert client.max_retries == 0
    assert get_deployment(client, **IDS).id == DEPLOYMENT


def test_the_token_wins_and_the_default_base_url_is_cloudflares() -> None:
    client = client_from_env({"CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_EMAIL": "e", "CLOUDFLARE_API_KEY": "k"})
    assert type(client) is AuthenticatedClient
    assert str(client.get_httpx_client().base_url) == "https://api.cloudflare.com/client/v4/"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "No Cloudflare credentials in the environment: set CLOUDFLARE_API_TOKEN"),
        ({"CLOUDFLARE_API_TOKEN": "  "}, "No Cloudflare credentials in the environment"),
        ({"CLOUDFLARE_EMAIL": "e"}, "CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY go together: CLOUDFLARE_API_KEY is not"),
        ({"CLOUDFLARE_API_KEY": "k"}, "go together: CLOUDFLARE_EMAIL is not set"),
    ],
)
def test_missing_credentials_name_the_variables(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        client_from_env(environ)


def test_a_closed_client_and_a_with_block_can_be_used_again(replay: ReplayServer) -> None:
    client = AuthenticatedClient(base_url=replay.url, token=REPLAY_TOKEN)
    with client:
        first = client.get_httpx_client()
        assert get_deployment(client, **IDS).id == DEPLOYMENT
    assert first.is_closed
    with client:
        assert get_deployment(client, **IDS).id == DEPLOYMENT
    client.close()
    client.close()  # twice is harmless
    assert get_deployment(client, **IDS).id == DEPLOYMENT
    assert client.get_httpx_client() is not first


def test_an_async_client_works_across_event_loops(replay: ReplayServer) -> None:
    client = AuthenticatedClient(base_url=replay.url, token=REPLAY_TOKEN)

    async def fetch() -> tuple[str, httpx.AsyncClient]:
        deployment = await get_deployment_async(client, **IDS)
        return deployment.id, client.get_async_httpx_client()

    first_id, first = asyncio.run(fetch())
    second_id, second = asyncio.run(fetch())  # a new loop: the first's connections cannot serve it
    assert (first_id, second_id) == (DEPLOYMENT, DEPLOYMENT)
    assert second is not first

    async def twice_in_one_loop() -> bool:
        async with client:
            one = client.get_async_httpx_client()
            await get_deployment_async(client, **IDS)
        async with client:
            await get_deployment_async(client, **IDS)
            return client.get_async_httpx_client() is one

    assert asyncio.run(twice_in_one_loop()) is False  # closed at the end of the first block, a new one after


def test_the_user_agent_names_this_client_and_httpx(server: ScriptedServer) -> None:
    server.play(json_reply(200, {"result": body(DEPLOYMENT, dict.fromkeys(GIT_STAGES, "success")), "success": True,
                                 "errors": [], "messages": []}))  # fmt: skip
    get_deployment(AuthenticatedClient(base_url=server.url, token="t"), **IDS)
    version = importlib.metadata.version("cloudflare-pages-client")
    expected = f"cloudflare-pages-client/{version} python-httpx/{httpx.__version__}"
    assert server.received[-1].headers["user-agent"] == expected


def test_a_user_agent_of_ones_own_is_kept(server: ScriptedServer) -> None:
    server.play(json_reply(404, {"code": 8000009, "message": "gone"}))
    client = AuthenticatedClient(base_url=server.url, token="t", headers={"user-agent": "my-ci/2"}, max_retries=0)
    with pytest.raises(cloudflare_pages_client.NotFoundError):
        get_deployment(client, **IDS)
    assert server.received[-1].headers["user-agent"] == "my-ci/2"


def test_the_version_is_the_packages_metadata_version() -> None:
    assert cloudflare_pages_client.__version__ == importlib.metadata.version("cloudflare-pages-client")


def test_every_model_and_enum_is_importable_from_the_package_root() -> None:
    root = set(cloudflare_pages_client.__all__)
    assert set(cloudflare_pages_client.models.__all__) <= root
    for name in cloudflare_pages_client.__all__:
        assert getattr(cloudflare_pages_client, name) is not None
