"""A server on 127.0.0.1 that writes raw bytes: for the replies no well-behaved server sends.

Each connection reads one request head, writes the next scripted bytes (the last one repeats) and closes,
so a reply can promise more body than it sends, stop after its headers, or drip its body byte by byte.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class RawServer:
    url: str
    replies: list[bytes] = field(default_factory=list)
    count: int = 0
    # Seconds between bytes after the head; 0 writes each reply at once.
    drip: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def play(self, *replies: bytes, drip: float = 0.0) -> None:
        with self.lock:
            self.replies = list(replies)
            self.count = 0
            self.drip = drip

    def next_reply(self) -> bytes:
        with self.lock:
            self.count += 1
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


def cut_short(status: int = 200, promised: int = 1000, sent: bytes = b'{"success": true, "res') -> bytes:
    """A head promising `promised` bytes of JSON, then only `sent`."""
    head = f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {promised}\r\n\r\n"
    return head.encode() + sent


def complete(status: int, body: bytes, *headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} Status", *headers, f"Content-Length: {len(body)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class _Handler(socketserver.StreamRequestHandler):
    server: _TCPServer

    def handle(self) -> None:
        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
            pass
        reply = self.server.raw.next_reply()
        drip = self.server.raw.drip
        try:
            if drip:
                head, _, body = reply.partition(b"\r\n\r\n")
                self.wfile.write(head + b"\r\n\r\n")
                for byte in body:
                    self.wfile.flush()
                    time.sleep(drip)
                    self.wfile.write(bytes([byte]))
            else:
                self.wfile.write(reply)
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            return


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    raw: RawServer


@contextmanager
def raw_server() -> Iterator[RawServer]:
    with _TCPServer(("127.0.0.1", 0), _Handler) as tcp:
        host, port = tcp.socket.getsockname()[:2]
        tcp.raw = RawServer(url=f"http://{host}:{port}")
        thread = threading.Thread(target=tcp.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield tcp.raw
        finally:
            tcp.shutdown()
