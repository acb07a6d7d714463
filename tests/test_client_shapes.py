"""A reply whose JSON types contradict the models, over a real socket: a typed error naming the place.

The client never hands out a value whose run-time type contradicts its annotation. New values and new
fields are not contradictions: they still read. Timestamps without an offset are read as UTC. An
envelope saying `success: false` on a 200 is Cloudflare's error, with its codes.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any

import pytest

from cloudflare_pages_client import (
    APIError,
    AuthenticatedClient,
    JSONShapeError,
    ResponseDecodeError,
    StageStatus,
    UntypedEnvVar,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.scripted_server import ScriptedServer, json_reply
from tests.support.calls import MODES, fetch, fetch_detailed, no_wait_policy

GOOD_BODY = load(RECORDINGS_DIR / "github-push-with-source.json").body
SECRET = "sk-live-value-that-must-not-leak"


def changed(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(GOOD_BODY)
    change(body)
    return body


def client_for(server: ScriptedServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token="test-token", max_retries=0)


# The cases, and the pointer and message each must give.
WRONG_TYPES = [
    ("id as an integer", lambda b: b["result"].update(id=42), "/result/id", "is an integer; Deployment.id takes str"),
    ("url null", lambda b: b["result"].update(url=None), "/result/url", "is null; Deployment.url takes str"),
    (
        "aliases as a string",
        lambda b: b["result"].update(aliases="https://a.example"),
        "/result/aliases",
        "is a string (no member of the union takes it); Deployment.aliases takes list[str] | None",
    ),
    (
        "an alias that is not a string",
        lambda b: b["result"].update(aliases=["https://a.example", 7]),
        "/result/aliases/1",
        "is an integer; Deployment.aliases takes list[str] | None",
    ),
    (
        "env_vars as a list",
        lambda b: b["result"].update(env_vars=[]),
        "/result/env_vars",
        "is an array (no member of the union takes it); Deployment.env_vars takes EnvVars | None",
    ),
    (
        "a stage status of 42",
        lambda b: b["result"]["stages"][3].update(status=42),
        "/result/stages/3/status",
        "is an integer; Stage.status takes StageStatus | str",
    ),
    (
        "success: 1",
        lambda b: b.update(success=1),
        "/success",
        "is an integer (not the constant True); DeploymentEnvelope.success takes Literal[True]",
    ),
    (
        "a secret env var whose value is a number",
        lambda b: b["result"]["env_vars"].update(API_KEY={"type": "secret_text", "value": 4242}),
        "/result/env_vars/API_KEY/value",
        "is an integer; SecretTextEnvVar.value takes str",
    ),
    (
        "a timestamp that is not one",
        lambda b: b["result"]["latest_stage"].update(ended_on="yesterday"),
        "/result/latest_stage/ended_on",
        "is a string (not an RFC 3339 timestamp); Stage.ended_on takes datetime.datetime | None",
    ),
    (
        "a required field missing",
        lambda b: b["result"].pop("short_id"),
        "/result/short_id",
        "is missing; Deployment.short_id takes str",
    ),
    (
        "stages as an empty string",
        lambda b: b["result"].update(stages=""),
        "/result/stages",
        "is a string; Deployment.stages takes list[Stage]",
    ),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("case", "change", "pointer", "message"), WRONG_TYPES, ids=[case[0] for case in WRONG_TYPES])
def test_a_wrong_json_type_is_a_decode_error_naming_the_pointer(
    server: ScriptedServer,
    mode: str,
    case: str,
    change: Callable[[dict[str, Any]], object],
    pointer: str,
    message: str,
) -> None:
    server.play(json_reply(200, changed(change)))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(server))
    error = raised.value
    assert error.pointer == pointer
    assert f"its shape departs from the models: {pointer} {message})" in str(error)
    assert isinstance(error.__cause__, JSONShapeError)
    assert error.__cause__.pointer == pointer
    assert server.count == 1


@pytest.mark.parametrize("mode", MODES)
def test_the_message_names_the_type_never_the_value(server: ScriptedServer, mode: str) -> None:
    body = changed(lambda b: b["result"]["env_vars"].update(API_KEY={"type": "secret_text", "value": [SECRET]}))
    server.play(json_reply(200, body))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(server))
    shape = raised.value.__cause__
    assert isinstance(shape, JSONShapeError)
    assert str(shape) == "/result/env_vars/API_KEY/value is an array; SecretTextEnvVar.value takes str"
    assert SECRET not in str(shape)


@pytest.mark.parametrize("mode", MODES)
def test_new_values_and_new_fields_still_read(server: ScriptedServer, mode: str) -> None:
    def grow(body: dict[str, Any]) -> None:
        body["result"]["stages"][2]["status"] = "retrying"
        body["result"]["build_insights"] = {"cache_hit_ratio": 0.5}
        body["result"]["env_vars"]["TOKEN_V2"] = {"type": "secret_text_v2", "value": ""}

    server.play(json_reply(200, changed(grow)))
    deployment = fetch(mode, client_for(server))
    assert deployment.stages[2].status == "retrying"
    assert deployment.stages[1].status is StageStatus.SUCCESS
    assert deployment.additional_properties["build_insights"] == {"cache_hit_ratio": 0.5}
    assert deployment.env_vars is not None
    new_type = deployment.env_vars["TOKEN_V2"]
    assert isinstance(new_type, UntypedEnvVar)
    assert (new_type.value, new_type.additional_properties) == ("", {"type": "secret_text_v2"})


@pytest.mark.parametrize("mode", MODES)
def test_a_timestamp_without_an_offset_is_read_as_utc(server: ScriptedServer, mode: str) -> None:
    body = changed(lambda b: b["result"].update(created_on="2026-11-27T08:00:00.5"))
    server.play(json_reply(200, body))
    created_on = fetch(mode, client_for(server)).created_on
    assert created_on == datetime.datetime(2026, 11, 27, 8, 0, 0, 500000, tzinfo=datetime.UTC)
    assert created_on.tzinfo is datetime.UTC


FAILED_ENVELOPE = {
    "success": False,
    "errors": [{"code": 8000009, "message": "The deployment could not be found."}],
    "messages": [],
    "result": None,
}


@pytest.mark.parametrize("mode", MODES)
def test_success_false_on_a_200_is_an_api_error_with_the_envelopes_codes(server: ScriptedServer, mode: str) -> None:
    server.play(json_reply(200, FAILED_ENVELOPE))
    with pytest.raises(APIError) as raised:
        fetch(mode, client_for(server))
    error = raised.value
    assert type(error) is APIError
    assert (error.status_code, error.codes, error.messages) == (200, [8000009], ["The deployment could not be found."])
    assert str(error).startswith("Cloudflare answered 200 OK: [8000009] The deployment could not be found.")
    assert server.count == 1


@pytest.mark.parametrize("mode", MODES)
def test_success_false_on_a_200_in_no_envelope_shape_is_a_decode_error(server: ScriptedServer, mode: str) -> None:
    server.play(json_reply(200, {"success": False, "errors": "the origin is down"}))
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client_for(server))
    assert raised.value.status_code == 200
    assert "(it says success: false, but is no error envelope)" in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
def test_sync_detailed_returns_a_200_saying_success_false_unparsed(server: ScriptedServer, mode: str) -> None:
    server.play(json_reply(200, FAILED_ENVELOPE))
    response = fetch_detailed(mode, client_for(server))
    assert (response.status_code, response.parsed) == (200, None)


@pytest.mark.parametrize("mode", MODES)
def test_a_decode_error_after_a_retried_503_reports_both_attempts(server: ScriptedServer, mode: str) -> None:
    server.play(
        json_reply(503, {"success": False, "errors": [{"code": 10000, "message": "busy"}], "messages": []}),
        json_reply(200, changed(lambda b: b["result"].update(id=42))),
    )
    client = AuthenticatedClient(
        base_url=server.url,
        token="test-token",
        retry_policy=no_wait_policy(),
    )
    with pytest.raises(ResponseDecodeError) as raised:
        fetch(mode, client)
    assert (raised.value.attempts, server.count, raised.value.pointer) == (2, 2, "/result/id")
