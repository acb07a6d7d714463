"""The local HTTP server the end-to-end benchmark talks to: the replay server, in its own process.

`start_local_server()` is the whole interface. It runs the test kit's replay server (`cloudflare_pages_client.testing`)
(the offline stand-in for Cloudflare: HTTP/1.1 keep-alive, the recorded reply for a known
deployment) in a separate process, so that it runs on another core and does not share the
benchmark's GIL.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections.abc import Callable
from typing import NamedTuple

from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from cloudflare_pages_client.testing.replay_server import REPLAY_TOKEN, ReplayServer

RECORDING = "github-push-with-source"


class LocalServer(NamedTuple):
    base_url: str
    token: str
    account_id: str
    project: str
    deployment_id: str
    stop: Callable[[], None]


def _serve(ready: multiprocessing.connection.Connection) -> None:
    server = ReplayServer()
    ready.send(server.url)
    server.serve_forever()


def start_local_server() -> LocalServer:
    """Start the replay server; returns its base URL, its token, a recorded deployment and a function that stops it."""
    params = load(RECORDINGS_DIR / f"{RECORDING}.json").path_params
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(sender,), daemon=True)
    process.start()
    if not receiver.poll(30):
        process.kill()
        raise RuntimeError("the replay server did not start within 30 s")
    url = receiver.recv()

    def stop() -> None:
        process.terminate()
        process.join(5)

    return LocalServer(
        base_url=url,
        token=REPLAY_TOKEN,
        account_id=params["account_id"],
        project=params["project_name"],
        deployment_id=params["deployment_id"],
        stop=stop,
    )
