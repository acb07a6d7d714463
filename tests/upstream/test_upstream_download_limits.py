"""The published document's download is bounded in time and size (issue 16, point 6 and 7, the upstream fetch).

A per-read timeout alone let a server that drips one byte a second hold `make upstream-diff` for as long as
it liked, and any size was read into memory. Real servers on 127.0.0.1; the limits are made small.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from scripts.upstream import source
from scripts.upstream.source import LoadError, load_document

DOCUMENT = b'{"openapi": "3.0.3", "info": {"version": "4.0.0"}, "paths": {}}'


@contextmanager
def serving(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A one-connection-at-a-time HTTP server that hands each connection to `answer`; yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def loop() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(65536)
                with contextlib.suppress(OSError):  # the client gave up: what the test wants
                    answer(connection)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/openapi.json"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def drip(connection: socket.socket) -> None:
    """Headers at once, then the body one byte every 50 ms: every read gets something, none times out."""
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % 10_000)
    for _ in range(10_000):
        connection.sendall(b" ")
        time.sleep(0.05)


def whole(body: bytes) -> Callable[[socket.socket], None]:
    def answer(connection: socket.socket) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
        connection.sendall(head + body)

    return answer


def test_a_dripping_server_ends_at_the_download_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "DOWNLOAD_DEADLINE_SECONDS", 0.5)
    with serving(drip) as url, pytest.raises(LoadError) as caught:
        load_document(url)
    assert str(caught.value) == f"cannot download {url}: not complete after 0.5 s"


def test_a_reply_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "DOWNLOAD_MAX_BYTES", 1000)
    with serving(whole(b" " * 5000 + DOCUMENT)) as url, pytest.raises(LoadError) as caught:
        load_document(url)
    assert str(caught.value) == f"cannot download {url}: over 1,000 bytes, not the published document"


def test_a_document_within_the_limits_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "DOWNLOAD_MAX_BYTES", len(DOCUMENT))
    with serving(whole(DOCUMENT)) as url:
        document, provenance = load_document(url)
    assert document["info"] == {"version": "4.0.0"}
    assert provenance.size == len(DOCUMENT)
