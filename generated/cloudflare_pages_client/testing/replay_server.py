"""A real HTTP server on 127.0.0.1 that answers the operation like Cloudflare, from the recordings.

The stand-in for the live API: a user's tests, the contract tests, the client's tests, the live run's tests
(through CLOUDFLARE_BASE_URL) and the benchmarks talk to it over a socket, as a program talks to Cloudflare.
Both `/client/v4/accounts/...` (what `base_url` gives a client) and `/accounts/...` are answered.

How it answers the operation (its path and method are those of `operation`):

- a deployment id given a situation or progression (`play()`): the next reply of its sequence, one per
  request, the last one repeated (after the checks of credentials and ids, before the recordings);
- no `Authorization` and no `X-Auth-Key`: 401, code 10000 "Authentication error"
  (assumed: Cloudflare's status for this is not recorded);
- a token other than REPLAY_TOKEN, or a wrong email/key pair: 403, code 10000,
  without `messages` and `result` (as recorded);
- an account id that is not 32 hex characters, or a deployment id that is not
  a UUID: 400, code 7003 "Could not route to ..., perhaps your object
  identifier is invalid?" (assumed);
- the (project, deployment) pair of a 200 recording: that recording's status,
  headers and body;
- a known project and an unknown deployment: 404, code 8000009 "Deployment not
  found." in the standard envelope (assumed: the one recorded reply is flat, see situation
  `deployment-not-found`);
- an unknown project: 404, code 8000007, as recorded;
- header `X-Replay-Recording: <name>`: that recording's reply, whatever it is
  (429, 502, 522, ...);
- any other method on the operation's path: 405, code 7001 "Method not allowed
  for this route" (assumed);
- any other path: 404, code 7000 "No route for that URI" (assumed).

Run it by hand: `python -m cloudflare_pages_client.testing` (a free port unless `--port`).
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from cloudflare_pages_client.testing.operation import API_PREFIX, OPERATION_METHOD, OPERATION_PATH
from cloudflare_pages_client.testing.recordings import Recording, load_all
from cloudflare_pages_client.testing.replies import (
    AUTHENTICATION_ERROR,
    DEPLOYMENT_NOT_FOUND,
    JSON_HEADERS,
    METHOD_NOT_ALLOWED,
    NO_ROUTE,
    PROJECT_NOT_FOUND,
    Reply,
    envelope,
)
from cloudflare_pages_client.testing.situations import Situation, replies

if TYPE_CHECKING:
    from cloudflare_pages_client import AuthenticatedClient

REPLAY_TOKEN = "replay-token"
REPLAY_EMAIL = "replay@example.com"
REPLAY_API_KEY = "replay-api-key"
SELECT_HEADER = "X-Replay-Recording"
# Headers whose values never reach `requests`: what a test asserts on may be printed.
CREDENTIAL_HEADERS = frozenset({"authorization", "x-auth-key", "x-auth-email"})
MASK = "***"

ACCOUNT_ID = re.compile(r"^[0-9a-f]{32}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _route(template: str) -> re.Pattern[str]:
    """A path template as a pattern with one named group per parameter, with or without Cloudflare's
    `/client/v4` prefix; an empty segment still matches."""
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]*)", re.escape(template))
    return re.compile(f"^(?:{re.escape(API_PREFIX)})?{pattern}$")


OPERATION_ROUTE = _route(OPERATION_PATH)


@dataclass(frozen=True)
class ReceivedRequest:
    """One request the server received: method, raw path (with query), headers (names in lower case,
    credentials masked)."""

    method: str
    path: str
    headers: dict[str, str]


def masked(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {name.lower(): MASK if name.lower() in CREDENTIAL_HEADERS else value for name, value in headers}


class _Progressions:
    """The replies each deployment id plays, one per request, the last repeated; safe across server threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replies: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}

    def play(self, deployment_id: str, replies: Sequence[Reply]) -> None:
        if not replies:
            raise ValueError("a progression needs one reply at least")
        with self._lock:
            self._replies[deployment_id] = list(replies)
            self._served[deployment_id] = 0

    def next(self, deployment_id: str) -> Reply | None:
        with self._lock:
            replies = self._replies.get(deployment_id)
            if replies is None:
                return None
            served = self._served[deployment_id]
            self._served[deployment_id] = served + 1
            return replies[min(served, len(replies) - 1)]

    def served(self, deployment_id: str) -> int:
        with self._lock:
            return self._served.get(deployment_id, 0)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Cloudflare's edge
    # Headers and body go out in two writes; with Nagle's algorithm the second waits for the
    # client's delayed ACK, about 40 ms a request.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: tests and benchmarks read their own output

    def _send(self, status: int, body: bytes, headers: Iterable[tuple[str, str]]) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, body: dict[str, Any], *extra: tuple[str, str]) -> None:
        payload = json.dumps(body, separators=(",", ":")).encode()
        self._send(status, payload, [*JSON_HEADERS, *extra])

    def _play(self, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self.close_connection = True  # no status line: the client sees the connection break
            return
        self._send(reply.status, reply.payload(), reply.all_headers())

    def _replay(self, recording: Recording) -> None:
        headers = [(name, value) for name, value in recording.headers.items()]
        self._send(recording.status, self.server.payloads[recording.name], headers)

    def _answer(self) -> None:
        with self.server.lock:
            self.server.received.append(ReceivedRequest(self.command, self.path, masked(self.headers.items())))
        path = urlsplit(self.path).path
        route = OPERATION_ROUTE.match(path)
        if route is None:
            self._json(404, NO_ROUTE)
            return
        if self.command != OPERATION_METHOD:
            self._json(405, METHOD_NOT_ALLOWED, ("Allow", OPERATION_METHOD))  # RFC 9110 requires it with 405
            return
        if not self._authenticated():
            return
        params = {name: unquote(value) for name, value in route.groupdict().items()}
        account_id, project, deployment_id = params["account_id"], params["project_name"], params["deployment_id"]
        if not ACCOUNT_ID.match(account_id) or not UUID.match(deployment_id):
            where = path if path.startswith(API_PREFIX) else f"{API_PREFIX}{path}"
            self._json(400, envelope(7003, f"Could not route to {where}, perhaps your object identifier is invalid?"))
            return
        reply = self.server.progressions.next(deployment_id)
        if reply is not None:
            self._play(reply)
            return
        selected = self.headers.get(SELECT_HEADER)
        if selected is not None:
            recording = self.server.by_name.get(selected)
            if recording is None:
                self._json(404, envelope(7003, f"No recording named {selected!r}"))
            else:
                self._replay(recording)
            return
        known = self.server.deployments.get((project, deployment_id))
        if known is not None:
            self._replay(known)
        elif project in self.server.projects:
            self._json(404, DEPLOYMENT_NOT_FOUND)
        else:
            self._json(404, PROJECT_NOT_FOUND)

    def _authenticated(self) -> bool:
        authorization = self.headers.get("Authorization")
        key, email = self.headers.get("X-Auth-Key"), self.headers.get("X-Auth-Email")
        if authorization is None and key is None:
            self._json(401, AUTHENTICATION_ERROR)
            return False
        if authorization is not None:
            valid = authorization == f"Bearer {self.server.token}"
        else:
            valid = (email, key) == (self.server.email, self.server.api_key)
        if not valid:
            self._json(403, AUTHENTICATION_ERROR)
        return valid

    def __getattr__(self, name: str) -> Any:
        # Every method (GET, DELETE, TRACE, QUERY, ...) reaches _answer, which decides like Cloudflare.
        if name.startswith("do_"):
            return self._answer
        raise AttributeError(name)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    token: str
    email: str
    api_key: str
    by_name: dict[str, Recording]
    deployments: dict[tuple[str, str], Recording]
    projects: set[str]
    lock: threading.Lock
    received: list[ReceivedRequest]
    payloads: dict[str, bytes]
    progressions: _Progressions


class ReplayServer:
    """Cloudflare's API on 127.0.0.1 for one test: `with ReplayServer() as server:` (or `start()` and
    `stop()`); `server.base_url` is the base URL to give a client, `server.client()` a client wired to it.

    `play(deployment_id, situation)` makes a deployment id play a named situation or progression
    (`Situation`), or any list of replies; `requests` is every request received, credentials masked.
    """

    def __init__(
        self,
        recordings: list[Recording] | None = None,
        *,
        port: int = 0,
        token: str = REPLAY_TOKEN,
        email: str = REPLAY_EMAIL,
        api_key: str = REPLAY_API_KEY,
        progressions: Mapping[str, Situation | str | Sequence[Reply]] | None = None,
    ) -> None:
        recordings = load_all() if recordings is None else recordings
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.token, self._server.email, self._server.api_key = token, email, api_key
        self._server.by_name = {r.name: r for r in recordings}
        self._server.payloads = {r.name: r.body_bytes() for r in recordings}  # serialised once, not per request
        successes = [r for r in recordings if r.status == 200]
        self._server.deployments = {
            (r.path_params["project_name"], r.path_params["deployment_id"]): r for r in successes
        }
        self._server.projects = {project for project, _ in self._server.deployments}
        self._server.lock = threading.Lock()
        self._server.received = []
        self._server.progressions = _Progressions()
        for deployment_id, played in (progressions or {}).items():
            self.play(deployment_id, played)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        """The server's root, `http://127.0.0.1:<port>`: the operation is answered right under it too."""
        host, port = self._server.socket.getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        """What a client's `base_url` is for Cloudflare's API: the root and `/client/v4`."""
        return f"{self.url}{API_PREFIX}"

    @property
    def token(self) -> str:
        return self._server.token

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._server.lock:
            return list(self._server.received)

    def client(self, **options: Any) -> AuthenticatedClient:
        """A client for this server with its token; `options` go to `AuthenticatedClient` (e.g. `max_retries`,
        `retry_policy`, `timeout`)."""
        from cloudflare_pages_client import AuthenticatedClient  # the kit is imported only by tests

        return AuthenticatedClient(base_url=self.base_url, token=self.token, **options)

    def play(self, deployment_id: str, situation: Situation | str | Sequence[Reply]) -> None:
        """From now on, answer `deployment_id` (under any project) with `situation` (a Situation or its name)
        or a list of replies, one per request, the last one repeated (after the checks of credentials and ids,
        before the recordings)."""
        if isinstance(situation, str):
            situation = replies(situation, deployment_id)
        self._server.progressions.play(deployment_id, situation)

    def served(self, deployment_id: str) -> int:
        """How many requests for `deployment_id`'s progression were answered (or dropped) so far."""
        return self._server.progressions.served(deployment_id)

    def deployment_recordings(self) -> list[Recording]:
        return list(self._server.deployments.values())

    def serve_forever(self) -> None:
        """Serve in this thread until stopped (for a process of its own)."""
        self._server.serve_forever(poll_interval=0.05)

    def start(self) -> ReplayServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (started with `start()`) and close the socket."""
        self._server.shutdown()
        self.close()

    def close(self) -> None:
        """Close the socket (after `serve_forever()` returned)."""
        self._server.server_close()

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Answer the operation like Cloudflare, from the recordings.")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    args = parser.parse_args(argv)
    server = ReplayServer(port=args.port)
    print(f"replaying {len(server.deployment_recordings())} deployments on {server.base_url}")
    print(f"token: {REPLAY_TOKEN}   or   email: {REPLAY_EMAIL}  key: {REPLAY_API_KEY}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass  # Ctrl-C ends serve_forever; only the socket is left to close
    finally:
        server.close()
