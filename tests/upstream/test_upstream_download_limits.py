"""The published document's download is bounded in time and size (issue 16, point 6 and 7, the upstream fetch).

A per-read timeout alone let a server that drips one byte a second hold `make upstream-diff` for as long as
it liked, and any size was read into memory. The scripted server on 127.0.0.1; the limits are made small.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contract_tests.kit.scripted_server import Action, ScriptedServer, scripted_server
from scripts.upstream import source
from scripts.upstream.source import LoadError, load_document

DOCUMENT = b'{"openapi": "3.0.3", "info": {"version": "4.0.0"}, "paths": {}}'
JSON = (("Content-Type", "application/json"),)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running


def test_a_dripping_server_ends_at_the_download_deadline(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "DOWNLOAD_DEADLINE_SECONDS", 0.5)
    # Every read gets a byte (none times out), 10,000 of them 50 ms apart.
    server.play(Action(200, b" " * 10_000, JSON, drip=0.05))
    url = f"{server.url}/openapi.json"
    with pytest.raises(LoadError) as caught:
        load_document(url)
    assert str(caught.value) == f"cannot download {url}: not complete after 0.5 s"


def test_a_reply_over_the_size_limit_is_refused(server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "DOWNLOAD_MAX_BYTES", 1000)
    server.play(Action(200, b" " * 5000 + DOCUMENT, JSON))
    url = f"{server.url}/openapi.json"
    with pytest.raises(LoadError) as caught:
        load_document(url)
    assert str(caught.value) == f"cannot download {url}: over 1,000 bytes, not the published document"


def test_a_document_within_the_limits_is_read_whole(server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "DOWNLOAD_MAX_BYTES", len(DOCUMENT))
    server.play(Action(200, DOCUMENT, JSON))
    document, provenance = load_document(f"{server.url}/openapi.json")
    assert document["info"] == {"version": "4.0.0"}
    assert provenance.size == len(DOCUMENT)
