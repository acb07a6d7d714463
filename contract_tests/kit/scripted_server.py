"""A real HTTP server on 127.0.0.1 that misbehaves on command.

Each request takes the next scripted action (the last one repeats): answer
with a status, headers and body; answer late; send a body cut short; or drop
the connection without a word; or stream a body too large to build. Every request is
recorded, so tests can count them and read the raw path and headers the client
sent; `written` has the body bytes each finished or aborted reply got out.
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Action:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    drop: bool = False
    # Content-Length to claim instead of the body's own (more than sent: a body cut short); the connection
    # is then closed after the reply.
    promised: int | None = None
    # Seconds between the body's bytes (a server dripping its reply); 0 writes it at once.
    drip: float = 0.0
    # Bytes of b"x" sent after `body`, then `tail`: a reply too large to hold in memory, written as it is read.
    filler: int = 0
    tail: bytes = b""


def json_reply(status: int, body: Any, **headers: str) -> Action:
    extra = tuple((name.replace("_", "-"), value) for name, value in headers.items())
    return Action(status, json.dumps(body).encode(), (("Content-Type", "application/json"), *extra))


def html_reply(status: int, html: str = "<!DOCTYPE html><html><body>error</body></html>") -> Action:
    return Action(
        status, html.encode(), (("Content-Type", "text/html; charset=UTF-8"), ("cf-ray", "8e0123456789abcd-SJC"))
    )


def raw_reply(status: int, body: bytes, content_type: str) -> Action:
    return Action(status, body, (("Content-Type", content_type),))


def cut_short(promised: int = 1000, sent: bytes = b'{"success": true, "res') -> Action:
    """A 200 whose head promises `promised` bytes of JSON, then only `sent`, and the connection closes."""
    return Action(200, sent, (("Content-Type", "application/json"),), promised=promised)


DROP = Action(drop=True)


@dataclass
class Received:
    method: str
    raw_path: str
    headers: dict[str, str]


@dataclass
class ScriptedServer:
    url: str
    script: list[Action] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    written: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def play(self, *actions: Action) -> None:
        with self.lock:
            self.script = list(actions)
            self.received.clear()
            self.written.clear()

    def next_action(self, request: Received) -> Action:
        with self.lock:
            self.received.append(request)
            if len(self.script) > 1:
                return self.script.pop(0)
            return self.script[0] if self.script else json_reply(500, {"note": "no script"})

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.received)


REASONS = {200: "OK", 404: "Not Found", 429: "Too Many Requests", 502: "Bad Gateway", 503: "Service Unavailable"}


class _Handler(socketserver.StreamRequestHandler):
    server: _TCPServer

    def handle(self) -> None:
        while True:
            request_line = self.rfile.readline(65537)
            if not request_line:
                return
            method, raw_path, _ = request_line.decode("latin-1").split(" ", 2)
            headers: dict[str, str] = {}
            while (line := self.rfile.readline(65537)) not in (b"\r\n", b"\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            action = self.server.scripted.next_action(Received(method, raw_path, headers))
            if action.delay:
                time.sleep(action.delay)
            if action.drop:
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            head = [f"HTTP/1.1 {action.status} {REASONS.get(action.status, 'Status')}"]
            head += [f"{name}: {value}" for name, value in action.headers]
            whole = len(action.body) + action.filler + len(action.tail)
            length = whole if action.promised is None else action.promised
            head.append(f"Content-Length: {length}")
            try:
                encoded_head = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
                if action.filler:
                    self._stream(encoded_head, action)
                    return
                if action.drip:
                    self.wfile.write(encoded_head)
                    for byte in action.body:
                        self.wfile.flush()
                        time.sleep(action.drip)
                        self.wfile.write(bytes([byte]))
                else:
                    self.wfile.write(encoded_head + action.body)  # one write: no wait for a delayed ACK
                self.wfile.flush()
                if action.promised is not None:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
            except OSError:
                return

    def _stream(self, head: bytes, action: Action) -> None:
        """Head, body, filler and tail, a block at a time; counts what got out until the client hung up."""
        written = 0
        block = b"x" * 65536
        try:
            self.wfile.write(head + action.body)
            written = len(action.body)
            while written < len(action.body) + action.filler:
                piece = block[: len(action.body) + action.filler - written]
                self.wfile.write(piece)
                written += len(piece)
            self.wfile.write(action.tail)
            written += len(action.tail)
            self.wfile.flush()
        finally:
            with self.server.scripted.lock:
                self.server.scripted.written.append(written)


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    scripted: ScriptedServer


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    with _TCPServer(("127.0.0.1", 0), _Handler) as tcp:
        host, port = tcp.socket.getsockname()[:2]
        tcp.scripted = ScriptedServer(url=f"http://{host}:{port}")
        thread = threading.Thread(target=tcp.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield tcp.scripted
        finally:
            tcp.shutdown()
