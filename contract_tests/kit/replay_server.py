"""A real HTTP server on 127.0.0.1 that answers the operation like Cloudflare, from the recordings.

The offline stand-in for the live API: the contract tests, the client's tests,
the live run's tests (through CLOUDFLARE_BASE_URL) and the benchmarks talk to
it over a socket, as a user's program talks to Cloudflare.

How it answers the operation (its path and method are those of contract_tests.kit.spec):

- no `Authorization` and no `X-Auth-Key`: 401, code 10000 "Authentication error"
  (assumed: Cloudflare's status for this is not recorded);
- a token other than REPLAY_TOKEN, or a wrong email/key pair: 403, code 10000,
  without `messages` and `result` (as recorded);
- an account id that is not 32 hex characters, or a deployment id that is not
  a UUID: 400, code 7003 "Could not route to ..., perhaps your object
  identifier is invalid?";
- the (project, deployment) pair of a 200 recording: that recording's status,
  headers and body;
- a known project and an unknown deployment: 404, code 8000009 "Deployment not
  found." (assumed: not publicly recorded);
- an unknown project: 404, code 8000007, as recorded;
- header `X-Replay-Recording: <name>`: that recording's reply, whatever it is
  (429, 502, 522, ...);
- a deployment id given a progression (`progressions=` or `play()`): the next
  reply of its sequence, one per request, the last one repeated: a deployment
  moving through its stages, with faults (429, 503, a dropped connection) in
  between, for the waiting code's tests and the test kit's users;
- any other method on the operation's path: 405, code 7001 "Method not allowed
  for this route";
- any other path: 404, code 7000 "No route for that URI".

Run it by hand: `python -m contract_tests.kit.replay_server --port 8787`.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from contract_tests.kit.recordings import Recording, load_all
from contract_tests.kit.spec import OPERATION_METHOD, OPERATION_PATH

REPLAY_TOKEN = "replay-token"
REPLAY_EMAIL = "replay@example.com"
REPLAY_API_KEY = "replay-api-key"
SELECT_HEADER = "X-Replay-Recording"

ACCOUNT_ID = re.compile(r"^[0-9a-f]{32}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
CF_RAY = "8e00000000000000-REPLAY"


def _route(template: str) -> re.Pattern[str]:
    """A path template as a pattern with one named group per parameter; an empty segment still matches."""
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]*)", re.escape(template))
    return re.compile(f"^{pattern}$")


OPERATION_ROUTE = _route(OPERATION_PATH)


def envelope(code: int, message: str, *, with_messages: bool = True) -> dict[str, Any]:
    body: dict[str, Any] = {"success": False, "errors": [{"code": code, "message": message}]}
    if with_messages:
        body = {"result": None, **body, "messages": []}
    return body


AUTHENTICATION_ERROR = envelope(10000, "Authentication error", with_messages=False)
PROJECT_NOT_FOUND = envelope(
    8000007, "Project not found. The specified project name does not match any of your existing projects."
)
DEPLOYMENT_NOT_FOUND = envelope(8000009, "Deployment not found.")
METHOD_NOT_ALLOWED = envelope(7001, "Method not allowed for this route")
NO_ROUTE = envelope(7000, "No route for that URI")


@dataclass(frozen=True)
class Reply:
    """One answer of a progression: a status, a JSON body and headers; or, with `drop`, no answer at all
    (the connection is closed, as when a connection breaks mid-request)."""

    status: int = 200
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False

    @classmethod
    def deployment(cls, result: dict[str, Any]) -> Reply:
        """A 200 carrying `result` (a deployment object) in Cloudflare's success envelope."""
        return cls(200, {"result": result, "success": True, "errors": [], "messages": []})

    @classmethod
    def error(cls, status: int, code: int, message: str, *headers: tuple[str, str]) -> Reply:
        return cls(status, envelope(code, message), headers)


DROP = Reply(drop=True)


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
        self._send(status, payload, [("Content-Type", "application/json"), ("cf-ray", CF_RAY), *extra])

    def _play(self, reply: Reply) -> None:
        if reply.drop:
            self.close_connection = True  # no status line: the client sees the connection break
            return
        self._json(reply.status, reply.body, *reply.headers)

    def _replay(self, recording: Recording) -> None:
        headers = [(name, value) for name, value in recording.headers.items()]
        self._send(recording.status, self.server.payloads[recording.name], headers)

    def _answer(self) -> None:
        self.server.requests_seen.append((self.command, self.path))
        route = OPERATION_ROUTE.match(urlsplit(self.path).path)
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
            where = f"/client/v4{urlsplit(self.path).path}"
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
    requests_seen: list[tuple[str, str]]
    payloads: dict[str, bytes]
    progressions: _Progressions


class ReplayServer:
    """Start with `with ReplayServer() as server:`; `server.url` is the base URL to give a client."""

    def __init__(
        self,
        recordings: list[Recording] | None = None,
        *,
        port: int = 0,
        token: str = REPLAY_TOKEN,
        email: str = REPLAY_EMAIL,
        api_key: str = REPLAY_API_KEY,
        progressions: Mapping[str, Sequence[Reply]] | None = None,
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
        self._server.requests_seen = []
        self._server.progressions = _Progressions()
        for deployment_id, replies in (progressions or {}).items():
            self.play(deployment_id, replies)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def requests_seen(self) -> list[tuple[str, str]]:
        """(method, raw path) of every request so far."""
        return self._server.requests_seen

    def play(self, deployment_id: str, replies: Sequence[Reply]) -> None:
        """From now on, answer `deployment_id` (under any project) with `replies`, one per request, the last
        one repeated (after the checks of credentials and ids, before the recordings)."""
        self._server.progressions.play(deployment_id, replies)

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
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Answer the operation like Cloudflare, from the recordings.")
    parser.add_argument("--port", type=int, default=8787)
    args = parser.parse_args()
    server = ReplayServer(port=args.port)
    print(f"replaying {len(server.deployment_recordings())} deployments on {server.url}")
    print(f"token: {REPLAY_TOKEN}   or   email: {REPLAY_EMAIL}  key: {REPLAY_API_KEY}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
