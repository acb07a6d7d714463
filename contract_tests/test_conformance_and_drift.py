"""Checks 1 and 3 for every recording: conformance to the spec, and exactly the drift it states."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, Recording, load
from contract_tests.kit.conformance import violations
from contract_tests.kit.drift import find_drift
from contract_tests.kit.settings import FAIL_ON_DRIFT


def drift_keys(recording: Recording) -> list[dict[str, str]]:
    if not recording.is_json:
        return []
    return [item.key() for item in find_drift(recording.status, recording.content_type, recording.body)]


def drift_mismatch(recording: Recording) -> str:
    """'' when the found drift is exactly the stated one; otherwise what differs, by JSON pointer."""
    found = drift_keys(recording)
    unexpected = [item for item in found if item not in recording.expected_drift]
    gone = [item for item in recording.expected_drift if item not in found]
    lines = [f"unexpected drift {item['kind']} at {item['pointer']}" for item in unexpected]
    lines += [f"stated drift {item['kind']} at {item['pointer']} not found" for item in gone]
    return "\n".join(lines)


def test_conforms_to_the_spec(recording: Recording) -> None:
    assert violations(recording) == []


def test_shows_exactly_its_stated_drift(recording: Recording) -> None:
    assert drift_mismatch(recording) == ""
    if FAIL_ON_DRIFT:
        assert drift_keys(recording) == [], "drift found, and CONTRACT_FAIL_ON_DRIFT is set"


SITUATIONS = {
    "seed-example": 200,
    "direct-upload-without-source": 200,
    "direct-upload-source-null": 200,
    "github-push-with-source": 200,
    "build-in-progress": 200,
    "build-failed": 200,
    "skipped": 200,
    "unknown-fields-and-values": 200,
    "legacy-deployment": 200,
    "project-not-found": 404,
    "bad-token": 403,
    "rate-limited": 429,
    "rate-limited-code-10000": 429,
    "deployment-not-found-flat": 404,
    "bad-gateway-html": 502,
    "origin-unreachable-522-html": 522,
}


def test_the_recordings_cover_every_situation() -> None:
    statuses = {r.name: r.status for r in map(load, sorted(RECORDINGS_DIR.glob("*.json")))}
    assert {name: statuses.get(name) for name in SITUATIONS} == SITUATIONS


def mutated(name: str, change: str) -> Recording:
    recording = load(RECORDINGS_DIR / f"{name}.json")
    body = copy.deepcopy(recording.body)
    if change == "type":
        body["result"]["created_on"] = 1700000000
    elif change == "drop-required":
        del body["result"]["id"]
    elif change == "enum":
        body["result"]["latest_stage"]["status"] = "paused"
    elif change == "null":
        body["result"]["deployment_trigger"]["metadata"]["branch"] = None
    return dataclasses.replace(recording, body=body)


def test_a_changed_type_fails_conformance_naming_the_pointer() -> None:
    assert violations(mutated("github-push-with-source", "type")) == [
        '/result/created_on: Response violates schema: 1700000000 is not of type "string"'
    ]


def test_a_dropped_required_field_fails_conformance_naming_the_pointer() -> None:
    assert violations(mutated("github-push-with-source", "drop-required")) == [
        '/result: Response violates schema: "id" is a required property'
    ]


def test_an_undeclared_enum_value_conforms_but_fails_the_drift_check_naming_the_pointer() -> None:
    recording = mutated("github-push-with-source", "enum")
    assert violations(recording) == []
    assert drift_mismatch(recording) == "unexpected drift undocumented-enum-value at /result/latest_stage/status"


def test_an_undeclared_null_is_drift_and_a_conformance_failure() -> None:
    recording = mutated("github-push-with-source", "null")
    assert violations(recording) == [
        '/result/deployment_trigger/metadata/branch: Response violates schema: null is not of type "string"'
    ]
    assert drift_keys(recording) == [
        {"pointer": "/result/deployment_trigger/metadata/branch", "kind": "undeclared-null"}
    ]


def test_drift_items_say_what_to_change() -> None:
    recording = load(RECORDINGS_DIR / "unknown-fields-and-values.json")
    items = {item.pointer: item for item in find_drift(recording.status, recording.content_type, recording.body)}
    assert items["/result/placement"].hint == "declare `placement` (optional) on Deployment"
    assert items["/result/placement"].response_had == '{"mode": "smart"}'
    assert items["/result/latest_stage/status"].hint == "add `rolled_back` to StageStatus"
    assert items["/result/skip_reason"].spec_says.startswith("one of commit_message, ")


@pytest.mark.parametrize(
    ("status", "content_type", "expected"),
    [
        (302, "application/json", "(reply): Undocumented status code: Received: 302"),
        (200, "text/html", "(reply): Undocumented Content-Type: Received: text/html"),
    ],
)
def test_undocumented_status_or_content_type_fails(status: int, content_type: str, expected: str) -> None:
    recording = load(RECORDINGS_DIR / "github-push-with-source.json")
    changed = dataclasses.replace(recording, status=status, headers={**recording.headers, "content-type": content_type})
    assert expected in violations(changed)


def test_repeats_at_one_schema_location_are_each_reported() -> None:
    recording = load(RECORDINGS_DIR / "github-push-with-source.json")
    body = copy.deepcopy(recording.body)
    body["result"]["stages"][1]["status"] = None
    body["result"]["stages"][3]["status"] = None
    found = violations(dataclasses.replace(recording, body=body))
    assert [line.split(":")[0] for line in found] == ["/result/stages/1/status", "/result/stages/3/status"]
