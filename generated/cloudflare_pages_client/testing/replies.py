"""One reply of the stand-in, and Cloudflare's error envelope."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from cloudflare_pages_client.testing.recordings import Recording

CF_RAY = "8e00000000000000-REPLAY"
JSON_HEADERS = (("Content-Type", "application/json"), ("cf-ray", CF_RAY))


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
    """One answer of a progression: a status, a body (JSON, or `text` as it is) and headers; with `delay`,
    sent that many seconds late; with `drop`, no answer at all (the connection is closed, as when a
    connection breaks mid-request). `recording` names the recording whose shape it has."""

    status: int = 200
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False
    delay: float = 0.0
    text: str | None = None
    recording: str = ""

    @classmethod
    def deployment(cls, result: dict[str, Any], *, recording: str = "") -> Reply:
        """A 200 carrying `result` (a deployment object) in Cloudflare's success envelope."""
        return cls(200, {"result": result, "success": True, "errors": [], "messages": []}, recording=recording)

    @classmethod
    def error(cls, status: int, code: int, message: str, *headers: tuple[str, str]) -> Reply:
        return cls(status, envelope(code, message), headers)

    @classmethod
    def of(cls, recording: Recording) -> Reply:
        """Exactly what `recording` answered: status, headers and body."""
        headers = tuple(recording.headers.items())
        return cls(recording.status, recording.body, headers, text=recording.body_text, recording=recording.name)

    def later(self, seconds: float) -> Reply:
        """The same reply, sent `seconds` late."""
        return replace(self, delay=seconds)

    def payload(self) -> bytes:
        if self.text is not None:
            return self.text.encode()
        return json.dumps(self.body, separators=(",", ":"), ensure_ascii=False).encode()

    def all_headers(self) -> list[tuple[str, str]]:
        """Its own headers, and a JSON reply's content type and cf-ray where it does not give them."""
        given = {name.lower() for name, _ in self.headers}
        defaults = [] if self.text is not None else [(n, v) for n, v in JSON_HEADERS if n.lower() not in given]
        return [*defaults, *self.headers]


DROP = Reply(drop=True)
