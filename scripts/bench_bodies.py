"""What the benchmarks parse: recorded bodies, bodies scaled up, and each parser from bytes to a model."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from cloudflare_pages_client.models import DeploymentEnvelope, ErrorEnvelope
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR

SUCCESS_BODIES = ("seed-example", "direct-upload-without-source", "github-push-with-source")
ERROR_BODIES = ("bad-token", "project-not-found")

Parse = Callable[[bytes], object]


def parse_floor(body: bytes) -> object:
    return json.loads(body)


def parse_ours_success(body: bytes) -> object:
    return DeploymentEnvelope.from_dict(json.loads(body))


def parse_ours_error(body: bytes) -> object:
    return ErrorEnvelope.from_dict(json.loads(body))


def parse_ours(name: str) -> Parse:
    return parse_ours_success if name not in ERROR_BODIES else parse_ours_error


def sdk_parser() -> Parse | None:
    """The official SDK's default path from body to Deployment (non-strict construct_type, then the unwrapper)."""
    try:
        from cloudflare._models import construct_type
        from cloudflare._wrappers import ResultWrapper
        from cloudflare.types.pages import Deployment
    except ImportError:
        return None
    wrapper: Any = ResultWrapper[Deployment]

    def parse(body: bytes) -> object:
        return wrapper._unwrapper(construct_type(type_=wrapper, value=json.loads(body)))

    return parse


def recorded_body(name: str) -> bytes:
    data = json.loads((RECORDINGS_DIR / f"{name}.json").read_text())
    return json.dumps(data["response"]["body"], separators=(",", ":")).encode()


def scaled_body(kind: str, size: int) -> bytes:
    """github-push-with-source with `size` env vars (3 plain_text to 1 secret_text) or `size` aliases."""
    envelope = json.loads(recorded_body("github-push-with-source"))
    result = envelope["result"]
    if kind == "env_vars":
        result["env_vars"] = {
            f"VARIABLE_{index:04d}": (
                {"type": "secret_text", "value": ""}
                if index % 4 == 3
                else {"type": "plain_text", "value": f"value-{index}"}
            )
            for index in range(size)
        }
    else:
        result["aliases"] = [f"https://branch-{index:04d}.marketing-site.pages.dev" for index in range(size)]
    return json.dumps(envelope, separators=(",", ":")).encode()
