"""The bodies recorded from the live API (in ../shared/evidence) parse and round-trip.

These files are evidence kept outside the project; the tests read them in
place and skip when the folder is not there.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from cloudflare_pages_client.models import Deployment, ErrorEnvelope
from contract_tests.roundtrip import differences
from tests.paths import EVIDENCE

BODIES = EVIDENCE / "real-bodies"
pytestmark = pytest.mark.skipif(not BODIES.is_dir(), reason=f"evidence folder {BODIES} is not present")


def read(name: str) -> Any:
    return json.loads((BODIES / name).read_text())


def deployments() -> list[tuple[str, dict[str, Any]]]:
    if not BODIES.is_dir():
        return []
    items = []
    for path in sorted(BODIES.glob("deployments*.json")):
        body = json.loads(path.read_text())
        if isinstance(body.get("result"), list):
            items += [(f"{path.name}[{i}]", item) for i, item in enumerate(body["result"])]
    return items


def test_the_list_bodies_hold_eighteen_deployments() -> None:
    assert len(deployments()) == 18


@pytest.mark.parametrize(("where", "item"), deployments(), ids=[where for where, _ in deployments()])
def test_real_deployment_parses_and_round_trips(where: str, item: dict[str, Any]) -> None:
    deployment = Deployment.from_dict(item)
    assert deployment.id == item["id"]
    assert differences(item, deployment.to_dict()) == []


@pytest.mark.parametrize(("name", "code"), [("unauthorized.json", 10000), ("deployments-not-found.json", 8000007)])
def test_real_error_envelopes_parse_and_round_trip(name: str, code: int) -> None:
    body = read(name)
    envelope = ErrorEnvelope.from_dict(body)
    assert envelope.errors[0].code == code
    assert differences(body, envelope.to_dict()) == []
