"""Absolute URLs resolved once: the same URL httpx would build from the base URL and the relative path."""

from __future__ import annotations

import httpx
import pytest

from cloudflare_pages_client._runtime import urls, wire
from cloudflare_pages_client.api.pages_deployment.get_deployment import PATH

BASES = [
    "https://api.cloudflare.com/client/v4",
    "https://api.cloudflare.com/client/v4/",
    "http://127.0.0.1:8080",
    "http://127.0.0.1:8080/",
    "http://[::1]:9000/prefix/v4",
    "https://user@api.example/a%20b/v4?ignored=1",
]
VALUES = [
    ("0123456789abcdef0123456789abcdef", "my-project", "206e215c-33b3-4ce4-adf4-7fc6c9b65483"),
    ("a/b", "100%", "café ?#"),
    ("...", "%2F", "x;y=z"),
]


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls, "_resolved", {})


def relative_path(values: tuple[str, str, str]) -> str:
    account, project, deployment = values
    return PATH.format(
        account_id=wire.path_segment("account_id", account),
        project_name=wire.path_segment("project_name", project),
        deployment_id=wire.path_segment("deployment_id", deployment),
    )


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("values", VALUES, ids=["plain", "quoted", "dots-and-escapes"])
def test_the_url_is_the_one_httpx_builds_from_the_relative_path(base: str, values: tuple[str, str, str]) -> None:
    client = httpx.Client(base_url=base)
    path = relative_path(values)
    expected = client.build_request("GET", path).url
    resolved = urls.absolute_url(client.base_url, path)
    assert isinstance(resolved, httpx.URL)
    assert resolved == expected
    assert resolved.raw_path == expected.raw_path
    assert client.build_request("GET", resolved).url == expected


def test_a_url_is_resolved_once_per_base_and_path() -> None:
    client = httpx.Client(base_url="https://api.example/v4")
    first = urls.absolute_url(client.base_url, "/a/b")
    assert urls.absolute_url(client.base_url, "/a/b") is first
    assert urls.absolute_url(client.base_url, "/a/c") is not first
    assert len(urls._resolved) == 2


def test_a_replaced_base_url_is_resolved_anew() -> None:
    client = httpx.Client(base_url="https://api.example/v4")
    assert str(urls.absolute_url(client.base_url, "/a")) == "https://api.example/v4/a"
    client.base_url = httpx.URL("https://other.example/v9")
    assert str(urls.absolute_url(client.base_url, "/a")) == "https://other.example/v9/a"


def test_without_an_absolute_base_the_path_is_left_to_httpx() -> None:
    assert urls.absolute_url(httpx.Client().base_url, "/a/b") == "/a/b"
    assert urls._resolved == {}


def test_the_cache_is_emptied_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls, "_MAX_ENTRIES", 3)
    base = httpx.URL("https://api.example/")
    for index in range(3):
        urls.absolute_url(base, f"/{index}")
    assert len(urls._resolved) == 3
    urls.absolute_url(base, "/3")
    assert list(urls._resolved) == [(id(base), "/3")]


def test_the_request_arguments_keep_everything_but_the_url() -> None:
    client = httpx.Client(base_url="https://api.example/v4")
    kwargs = {"method": "GET", "url": "/x", "params": {"a": "1"}}
    resolved = urls.with_absolute_url(kwargs, client)
    assert resolved == {"method": "GET", "url": httpx.URL("https://api.example/v4/x"), "params": {"a": "1"}}
    assert kwargs["url"] == "/x"
