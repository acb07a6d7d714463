"""Property-based checks: schemathesis' requests against the replay server, and generated bodies."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from cloudflare_pages_client import AuthenticatedClient, ResponseDecodeError, get_deployment
from cloudflare_pages_client.models import DeploymentEnvelope, ErrorEnvelope
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from cloudflare_pages_client.testing.replay_server import REPLAY_TOKEN, ReplayServer
from contract_tests.kit.body_strategy import BodyStrategies
from contract_tests.kit.paths import REPORTS_DIR
from contract_tests.kit.report import TALLY
from contract_tests.kit.roundtrip import differences
from contract_tests.kit.scripted_server import json_reply, scripted_server
from contract_tests.kit.settings import BODY_EXAMPLES, RANDOM, REQUEST_EXAMPLES, SEED
from contract_tests.kit.spec import SPEC_PATH, document

STRATEGIES = BodyStrategies(document())
PROPERTY_SETTINGS = settings(
    max_examples=BODY_EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_schemathesis_finds_nothing_against_the_replay_server(replay: ReplayServer, tmp_path: Path) -> None:
    """All phases and all checks, positive and negative: what `st run` does, over the socket."""
    command = [
        str(Path(sys.executable).parent / "st"),
        "run",
        str(SPEC_PATH),
        "--url",
        replay.url,
        "--header",
        f"Authorization: Bearer {REPLAY_TOKEN}",
        "--checks",
        "all",
        "--max-examples",
        str(REQUEST_EXAMPLES),
        "--report",
        "junit",
        "--report-dir",
        str(REPORTS_DIR / "schemathesis"),
        *([] if RANDOM else ["--seed", str(SEED)]),
    ]
    before = len(replay.requests)
    # In an empty folder: schemathesis keeps a crash cache in ./.schemathesis and replays it next run,
    # which would make a run depend on the ones before it.
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path)
    # The report keeps schemathesis' own summary, with its "Reproduce with: curl ..." for each finding.
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    generated = int(re.search(r"(\d+) generated", result.stdout).group(1))  # type: ignore[union-attr]
    assert generated >= REQUEST_EXAMPLES
    assert len(replay.requests) - before >= generated
    TALLY["schemathesis cases"] += generated


@PROPERTY_SETTINGS
@given(body=STRATEGIES.for_component("DeploymentEnvelope"))
def test_generated_deployment_bodies_parse_and_round_trip(body: dict[str, Any]) -> None:
    TALLY["generated bodies"] += 1
    assert differences(body, DeploymentEnvelope.from_dict(body).to_dict()) == []


@settings(PROPERTY_SETTINGS, max_examples=max(BODY_EXAMPLES // 2, 1))
@given(body=STRATEGIES.for_component("ErrorEnvelope"))
def test_generated_error_bodies_parse_and_round_trip(body: dict[str, Any]) -> None:
    TALLY["generated bodies"] += 1
    assert differences(body, ErrorEnvelope.from_dict(body).to_dict()) == []


SEED_BODY = load(RECORDINGS_DIR / "seed-example.json").body


def with_created_on(value: str) -> dict[str, Any]:
    return {**SEED_BODY, "result": {**SEED_BODY["result"], "created_on": value}}


@pytest.mark.parametrize(
    ("written", "read_back"),
    [
        ("2023-06-16T18:41:19.07168Z", "2023-06-16T18:41:19.071680+00:00"),
        ("2023-06-16t18:41:19.5z", "2023-06-16T18:41:19.500000+00:00"),
        ("2023-06-16T20:41:19+02:00", "2023-06-16T20:41:19+02:00"),
        # More than six fraction digits: Python keeps microseconds, the rest is cut.
        ("2023-06-16T18:41:19.123456789Z", "2023-06-16T18:41:19.123456+00:00"),
    ],
)
def test_timestamp_spellings_the_generator_meets(written: str, read_back: str) -> None:
    assert DeploymentEnvelope.from_dict(with_created_on(written)).result.to_dict()["created_on"] == read_back


def test_a_leap_second_is_a_typed_decode_error() -> None:
    # RFC 3339 allows :60; datetime does not. The client must say so, not crash.
    with scripted_server() as server:
        server.play(json_reply(200, with_created_on("2016-12-31T23:59:60Z")))
        with pytest.raises(ResponseDecodeError, match=r"/result/created_on is a string \(not an RFC 3339 timestamp\)"):
            get_deployment(
                AuthenticatedClient(base_url=server.url, token="t"),
                account_id="0123456789abcdef0123456789abcdef",
                project_name="p",
                deployment_id="f64788e9-fccd-4d4a-a28a-cb84f88f6a8e",
            )
