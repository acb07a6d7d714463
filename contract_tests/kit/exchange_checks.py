"""The three contract checks on one exchange, recorded or live: conformance, the client reads it, drift."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from cloudflare_pages_client.models import DeploymentEnvelope, ErrorEnvelope, FlatError
from cloudflare_pages_client.testing.recordings import Recording
from contract_tests.kit.conformance import violations
from contract_tests.kit.drift import DriftItem, find_drift
from contract_tests.kit.roundtrip import differences


@dataclass(frozen=True)
class Verdict:
    name: str
    status: int
    conformance: list[str] = field(default_factory=list)
    parse: list[str] = field(default_factory=list)
    drift: list[DriftItem] = field(default_factory=list)
    origin: str = "live"
    # Whether the drift found is exactly the drift the recording states (a live exchange states none yet).
    drift_as_stated: bool = True


def reply_model(status: int, body: object) -> type[DeploymentEnvelope | ErrorEnvelope | FlatError]:
    """The model the spec gives a JSON reply: the success envelope for 200; for an error, the envelope, or the
    flat `{code, message}` shape (4XX only) when the body has neither `success` nor `errors`."""
    if status == 200:
        return DeploymentEnvelope
    is_flat = isinstance(body, dict) and "code" in body and not {"success", "errors"} & body.keys()
    return FlatError if is_flat and status < 500 else ErrorEnvelope


def parse_problems(recording: Recording) -> list[str]:
    """Why the generated models cannot read the body and give it back; empty when they can."""
    if not recording.is_json:
        if recording.status >= 500:
            return []  # the spec allows Cloudflare's HTML pages here, and the client returns them unparsed
        return [f"a {recording.status} reply that is not JSON ({recording.content_type or 'no content-type'})"]
    model = reply_model(recording.status, recording.body)
    try:
        parsed = model.from_dict(recording.body)
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        return [f"{model.__name__}.from_dict failed: {type(error).__name__}: {error}"]
    return [f"round trip: {line}" for line in differences(recording.body, parsed.to_dict())]


T = TypeVar("T")


def _guarded(check: Callable[[], list[T]], problems: list[str], what: str) -> list[T]:
    """The check's findings; a check that cannot run on this reply at all (nesting too deep) is a problem of it."""
    try:
        return check()
    except (RecursionError, MemoryError) as error:
        problems.append(f"the {what} check cannot run on this reply: {type(error).__name__}")
        return []


def conformance_problems(recording: Recording) -> list[str]:
    """Check 1 alone (the live run's generated requests get only this), never raising on a hostile body."""
    unreadable: list[str] = []
    return _guarded(lambda: violations(recording), unreadable, "conformance") + unreadable


def check_exchange(recording: Recording) -> Verdict:
    unreadable: list[str] = []
    conformance = _guarded(lambda: violations(recording), unreadable, "conformance")
    parse = _guarded(lambda: parse_problems(recording), unreadable, "client")
    drift = (
        _guarded(lambda: find_drift(recording.status, recording.content_type, recording.body), unreadable, "drift")
        if recording.is_json
        else []
    )
    return Verdict(
        name=recording.name,
        status=recording.status,
        conformance=conformance,
        parse=parse + unreadable,
        drift=drift,
        origin=recording.origin["kind"],
        drift_as_stated=[item.key() for item in drift] == recording.expected_drift,
    )
