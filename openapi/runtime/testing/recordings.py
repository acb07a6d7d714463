"""Load the recorded exchanges shipped with the kit in recordings/ (format: recordings/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cloudflare_pages_client.testing.operation import OPERATION_PATH

# Package data: in the wheel beside this module; in the repository, openapi/runtime/testing/recordings/ is the
# source and generated/ its copy (`make generate`).
RECORDINGS_DIR = Path(__file__).resolve().parent / "recordings"
# The account id every recording carries instead of a real one (the live run's redaction writes it).
ACCOUNT_PLACEHOLDER = "0123456789abcdef0123456789abcdef"
ORIGIN_KINDS = frozenset({"seed", "evidence-shape", "constructed", "live"})


class RecordingFormatError(ValueError):
    """A recording file does not follow recordings/README.md."""


@dataclass(frozen=True)
class Recording:
    name: str
    description: str
    origin: dict[str, str]
    method: str
    path_params: dict[str, str]
    status: int
    headers: dict[str, str]
    body: Any = None
    body_text: str | None = None
    expected_drift: list[dict[str, str]] = field(default_factory=list)

    @property
    def is_json(self) -> bool:
        return self.body_text is None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def url_path(self) -> str:
        """The request path with the recorded parameters filled in."""
        return OPERATION_PATH.format(**self.path_params)

    def body_bytes(self) -> bytes:
        if self.body_text is not None:
            return self.body_text.encode()
        return json.dumps(self.body, separators=(",", ":"), ensure_ascii=False).encode()


def from_json(name: str, data: dict[str, Any]) -> Recording:
    """A recording from its file form (the inverse of `to_json`); RecordingFormatError names what is wrong."""
    try:
        request, response = data["request"], data["response"]
        if request["path"] != OPERATION_PATH:
            raise RecordingFormatError(f"{name}: request.path is not the operation's path")
        if data["origin"]["kind"] not in ORIGIN_KINDS:
            raise RecordingFormatError(f"{name}: origin.kind must be one of {sorted(ORIGIN_KINDS)}")
        if ("body" in response) == ("body_text" in response):
            raise RecordingFormatError(f"{name}: response needs exactly one of body and body_text")
        headers = {key.lower(): value for key, value in response["headers"].items()}
        return Recording(
            name=name,
            description=data["description"],
            origin=data["origin"],
            method=request["method"],
            path_params=request["path_params"],
            status=response["status"],
            headers=headers,
            body=response.get("body"),
            body_text=response.get("body_text"),
            expected_drift=data.get("expected_drift", []),
        )
    except KeyError as missing:
        raise RecordingFormatError(f"{name}: missing key {missing}") from None


def load(path: Path) -> Recording:
    return from_json(path.stem, json.loads(path.read_text()))


def load_all(directory: Path = RECORDINGS_DIR) -> list[Recording]:
    return [load(path) for path in sorted(directory.glob("*.json"))]


def to_json(recording: Recording) -> dict[str, Any]:
    """The file form of a recording (the inverse of `load`)."""
    response: dict[str, Any] = {"status": recording.status, "headers": recording.headers}
    if recording.body_text is None:
        response["body"] = recording.body
    else:
        response["body_text"] = recording.body_text
    return {
        "description": recording.description,
        "origin": recording.origin,
        "request": {"method": recording.method, "path": OPERATION_PATH, "path_params": recording.path_params},
        "response": response,
        "expected_drift": recording.expected_drift,
    }


def dumps(recording: Recording) -> str:
    return json.dumps(to_json(recording), indent=2, ensure_ascii=False) + "\n"


# What changes on every request without the answer changing: not a reason to rewrite a recording.
VOLATILE = (("origin", "recorded_on"), ("response", "headers", "cf-ray"))


def same_content(old: dict[str, Any], new: dict[str, Any]) -> bool:
    def stable(data: dict[str, Any]) -> dict[str, Any]:
        copy: dict[str, Any] = json.loads(json.dumps(data))
        for path in VOLATILE:
            node = copy
            for key in path[:-1]:
                node = node.get(key, {})
            node.pop(path[-1], None)
        return copy

    return stable(old) == stable(new)
