"""The local HTTP server the end-to-end benchmark talks to: the one place to change it.

`start_local_server()` is the whole interface. For now it is a minimal stdlib
server (ThreadingHTTPServer, HTTP/1.1 keep-alive, Content-Length) answering the
`github-push-with-source.json` recording for its path, in a separate process so
that it runs on another core and does not share the benchmark's GIL. It is meant
to be replaced by `contract_tests/replay_server.py` once that exists.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
RECORDING = ROOT / "contract_tests" / "recordings" / "github-push-with-source.json"
OPERATION_PATH = "/accounts/{account_id}/pages/projects/{project_name}/deployments/{deployment_id}"
BASE_PATH = "/client/v4"


class LocalServer(NamedTuple):
    base_url: str
    account_id: str
    project: str
    deployment_id: str
    stop: Callable[[], None]


def _response(status: int, reason: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: keep-alive\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


def _serve(recording: str, ready: multiprocessing.connection.Connection) -> None:
    data = json.loads(Path(recording).read_text())
    path = BASE_PATH + OPERATION_PATH.format(**data["request"]["path_params"])
    body = json.dumps(data["response"]["body"], separators=(",", ":")).encode()
    found = _response(200, "OK", body)
    missing = _response(
        404,
        "Not Found",
        b'{"success":false,"errors":[{"code":8000007,"message":"Project not found."}],"messages":[],"result":null}',
    )

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive; every answer carries Content-Length
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            # The whole answer, precomputed, in one write: the server does as little as it can.
            self.wfile.write(found if self.path == path else missing)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ready.send(server.server_address[1])
    server.serve_forever(poll_interval=0.05)


def start_local_server() -> LocalServer:
    """Start the server; returns its base URL, the recorded path parameters, and a function that stops it."""
    data = json.loads(RECORDING.read_text())
    params = data["request"]["path_params"]
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(str(RECORDING), sender), daemon=True)
    process.start()
    if not receiver.poll(30):
        process.kill()
        raise RuntimeError("the local server did not start within 30 s")
    port = receiver.recv()

    def stop() -> None:
        process.terminate()
        process.join(5)

    return LocalServer(
        base_url=f"http://127.0.0.1:{port}{BASE_PATH}",
        account_id=params["account_id"],
        project=params["project_name"],
        deployment_id=params["deployment_id"],
        stop=stop,
    )
