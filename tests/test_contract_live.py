"""`make contract-live` pointed at local servers (CLOUDFLARE_BASE_URL): every outcome and its exit code."""

from __future__ import annotations

import copy
import dataclasses
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudflare_pages_client.api.pages_deployment import get_deployment as endpoint
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from cloudflare_pages_client.testing.replay_server import ReplayServer
from contract_tests.kit.exchange_checks import check_exchange
from contract_tests.kit.scripted_server import html_reply, scripted_server
from contract_tests.kit.settings import DEFAULT_LIVE_MAX_REQUESTS
from contract_tests.kit.spec import OPERATION_PATH
from contract_tests.live.budget import BudgetedTransport, ReadOnlyViolation
from contract_tests.live.config import LiveConfigError, from_environment
from contract_tests.live.exit_codes import ExitCode
from contract_tests.live.run import UNKNOWN_DEPLOYMENT, UNKNOWN_PROJECT, ApiUnavailable, LiveRun
from scripts import contract_live, record
from tests.support.live_env import ACCOUNT, DRIFTING, GOOD, environment


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    return tmp_path / "reports"


@pytest.fixture(scope="module")
def replay() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


def test_without_credentials_nothing_runs(capsys: pytest.CaptureFixture[str], reports: Path) -> None:
    assert contract_live.main({"CONTRACT_REPORTS_DIR": str(reports)}) == ExitCode.PASSED
    out = capsys.readouterr().out
    assert out == (
        "contract-live: no Cloudflare credentials (CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and "
        "CLOUDFLARE_API_KEY); nothing run.\n"
    )
    assert not reports.exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"CLOUDFLARE_API_TOKEN": "t"},
            "CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_PAGES_PROJECT, CLOUDFLARE_PAGES_DEPLOYMENT_ID not set",
        ),
        (
            {"CLOUDFLARE_EMAIL": "a@b.c", "CLOUDFLARE_ACCOUNT_ID": ACCOUNT, "CLOUDFLARE_PAGES_PROJECT": "p",
             "CLOUDFLARE_PAGES_DEPLOYMENT_ID": GOOD},
            "CLOUDFLARE_API_KEY not set",
        ),
        ({"CLOUDFLARE_ACCOUNT_ID": ACCOUNT}, "CLOUDFLARE_ACCOUNT_ID set but no credentials"),
    ],
)  # fmt: skip
def test_partial_configuration_names_what_is_missing(
    capsys: pytest.CaptureFixture[str], given: dict[str, str], message: str
) -> None:
    assert contract_live.main(given) == ExitCode.CONFIG_INCOMPLETE
    assert message in capsys.readouterr().err
    with pytest.raises(LiveConfigError, match=message):
        from_environment(given)


def test_several_deployment_ids_and_the_default_budget() -> None:
    config = from_environment(
        {**environment("http://x", Path("r")), "CLOUDFLARE_PAGES_DEPLOYMENT_ID": f"{GOOD}, {DRIFTING}"}
    )
    assert config is not None
    assert (config.deployment_ids, config.max_requests) == ((GOOD, DRIFTING), DEFAULT_LIVE_MAX_REQUESTS)
    assert config.base_url == "http://x"


def run(env: dict[str, str]) -> tuple[int, str]:
    code = contract_live.main(env)
    return code, Path(env["CONTRACT_REPORTS_DIR"], "contract-live.md").read_text()


def test_a_conformant_run_sends_get_only_within_the_budget(replay: ReplayServer, reports: Path) -> None:
    before = len(replay.requests)
    code, report = run(environment(replay.url, reports))
    seen = replay.requests[before:]
    assert code == ExitCode.PASSED
    assert {request.method for request in seen} == {"GET"}
    assert len(seen) == DEFAULT_LIVE_MAX_REQUESTS
    budget = DEFAULT_LIVE_MAX_REQUESTS
    assert f"Requests made: **{budget}** of a budget of {budget} (methods sent: GET)" in report
    assert "| live-deployment-3b0f6c1e | 200 | yes | yes | 0 |" in report
    assert "| live-unknown-deployment | 404 | yes | yes | 0 |" in report
    assert "| live-unknown-project | 404 | yes | yes | 0 |" in report
    assert "| live-wrong-credentials | 403 | yes | yes | 0 |" in report
    junit = (reports / "contract-live.xml").read_text()
    # Three checks for each of the four replies, and one for the generated requests.
    assert 'tests="13" failures="0"' in junit


def test_a_smaller_budget_is_kept(replay: ReplayServer, reports: Path) -> None:
    before = len(replay.requests)
    code, report = run(environment(replay.url, reports, CONTRACT_LIVE_MAX_REQUESTS="7"))
    assert code == ExitCode.PASSED
    assert len(replay.requests) - before == 7
    assert "Requests made: **7** of a budget of 7" in report
    assert "Generated requests (schemathesis, positive, GET only): 3," in report


def test_the_transport_refuses_anything_but_get() -> None:
    inner = httpx.HTTPTransport()
    transport = BudgetedTransport(inner, limit=5, min_interval=0)
    path = OPERATION_PATH.format(account_id="a", project_name="p", deployment_id="d")
    request = httpx.Request("DELETE", f"http://127.0.0.1:9{path}")
    with pytest.raises(ReadOnlyViolation, match="refused DELETE"):
        transport.handle_request(request)
    assert transport.sent == 0
    inner.close()


def test_drift_is_named_and_passes_by_default_fails_on_request(replay: ReplayServer, reports: Path) -> None:
    env = environment(replay.url, reports, CLOUDFLARE_PAGES_DEPLOYMENT_ID=DRIFTING, CONTRACT_LIVE_MAX_REQUESTS="4")
    code, report = run(env)
    assert code == ExitCode.PASSED
    for pointer in (
        "/result/placement",
        "/result/environment",
        "/result/latest_stage/status",
        "/result/deployment_trigger/type",
        "/result/stages/0/name",
        "/result/skip_reason",
        "/result/build_config/build_timeout_minutes",
        "/result/deployment_trigger/metadata/commit_author",
    ):
        assert f"| live-deployment-2468ace0 | `{pointer}` |" in report
    code, report = run({**env, "CONTRACT_FAIL_ON_DRIFT": "1"})
    assert code == ExitCode.CONTRACT_FAILED
    assert "Drift found, and CONTRACT_FAIL_ON_DRIFT is set." in report


def broken(change: str) -> ReplayServer:
    recording = load(RECORDINGS_DIR / "direct-upload-without-source.json")
    body: Any = copy.deepcopy(recording.body)
    if change == "missing":
        del body["result"]["created_on"]
    else:
        body["result"]["project_id"] = None
    return ReplayServer([dataclasses.replace(recording, body=body)])


@pytest.mark.parametrize(
    ("change", "pointer", "problem"),
    [
        ("missing", "/result", '"created_on" is a required property'),
        ("null", "/result/project_id", 'null is not of type \\"string\\"'),
    ],
)
def test_a_non_conforming_reply_fails_naming_the_pointer(
    reports: Path, change: str, pointer: str, problem: str
) -> None:
    with broken(change) as server:
        code, report = run(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4"))
    assert code == ExitCode.CONTRACT_FAILED
    assert "**Result: contract failure (exit 1).**" in report
    assert f"- **live-deployment-3b0f6c1e**: {pointer}: Response violates schema: {problem}".replace("\\", "") in report


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"CLOUDFLARE_API_TOKEN": "expired-token"}, "credentials rejected: Cloudflare answered 403"),
        ({"CLOUDFLARE_PAGES_DEPLOYMENT_ID": "00000000-0000-4000-8000-000000000001"}, "deployment not found:"),
        ({"CLOUDFLARE_PAGES_PROJECT": "gone"}, "deployment not found:"),
    ],
)
def test_the_canary_stops_a_run_that_cannot_read_its_deployments(
    replay: ReplayServer, reports: Path, overrides: dict[str, str], message: str
) -> None:
    before = len(replay.requests)
    code, report = run(environment(replay.url, reports, **overrides))
    assert code == ExitCode.CANARY_FAILED
    assert len(replay.requests) - before == 1
    assert f"**Result: canary failed (exit 3).** {message}" in report
    assert not json.loads((reports / "live-exchanges.json").read_text())["complete"]


def test_the_canary_and_the_error_probes_go_through_the_generated_endpoint(
    replay: ReplayServer, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, ...]] = []
    through = endpoint.sync_detailed

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return through(*args, **kwargs)

    monkeypatch.setattr(endpoint, "sync_detailed", counted)
    env = environment(replay.url, reports, CLOUDFLARE_PAGES_DEPLOYMENT_ID=f"{GOOD},{DRIFTING}")
    code, _ = run({**env, "CONTRACT_LIVE_MAX_REQUESTS": "5"})
    assert code == ExitCode.PASSED
    assert calls == [
        (ACCOUNT, "docs-site", GOOD),
        (ACCOUNT, "docs-site", DRIFTING),
        (ACCOUNT, "docs-site", UNKNOWN_DEPLOYMENT),
        (ACCOUNT, UNKNOWN_PROJECT, GOOD),
        (ACCOUNT, "docs-site", GOOD),
    ]


def test_the_client_refuses_an_identifier_that_would_leave_its_segment(replay: ReplayServer, reports: Path) -> None:
    before = len(replay.requests)
    code, report = run(environment(replay.url, reports, CLOUDFLARE_PAGES_PROJECT=".."))
    assert code == ExitCode.CANARY_FAILED
    assert len(replay.requests) == before  # nothing was sent
    assert "**Result: canary failed (exit 3).** the client refuses the configured identifiers: project_name" in report


def test_a_reply_the_models_cannot_read_is_recorded_and_checked(reports: Path) -> None:
    with broken("missing") as server:
        config = from_environment(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4"))
        assert config is not None
        result = LiveRun(config, sleep=lambda seconds: None, min_interval=0).run()
    canary = result.exchanges[0]
    assert (canary.name, canary.status, canary.method) == ("live-deployment-3b0f6c1e", 200, "GET")
    assert "created_on" not in canary.body["result"]
    assert check_exchange(canary).parse == [
        "DeploymentEnvelope.from_dict failed: JSONShapeError: /result/created_on is missing; "
        "Deployment.created_on takes datetime.datetime"
    ]


def test_no_answer_at_all_is_api_unavailable_after_the_retries(reports: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on once this closes
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = from_environment(environment(f"http://127.0.0.1:{port}", reports))
    assert config is not None
    run_ = LiveRun(config, sleep=lambda seconds: None, min_interval=0)
    with pytest.raises(ApiUnavailable, match=r"^API unavailable: no answer after 3 attempts \(ConnectError\("):
        run_.run()
    assert run_.transport.sent == 3


def test_a_persistent_outage_is_api_unavailable(reports: Path) -> None:
    with scripted_server() as server:
        server.play(html_reply(503))
        env = environment(server.url, reports)
        code, report = run(env)
        assert server.count == 3  # one request and its two retries
    assert code == ExitCode.API_UNAVAILABLE
    assert (
        "**Result: API unavailable (exit 4).** API unavailable: Cloudflare kept answering 503 after 3 attempts"
        in report
    )


PLANTED_TOKEN = "planted-Tok3n-Zx9Qw7Lm2Np4Rt6Vb8Yc0Ae3Kd5"
PLANTED_ACCOUNT = "fedcba9876543210fedcba9876543210"
PLANTED_SECRET = "planted-secret-env-value-41"
PLANTED_ANALYTICS = "planted-analytics-token-77"
PLANTED = (PLANTED_TOKEN, PLANTED_ACCOUNT, PLANTED_SECRET, PLANTED_ANALYTICS)


def planted_server(token: str) -> ReplayServer:
    recording = load(RECORDINGS_DIR / "github-push-with-source.json")
    body: Any = copy.deepcopy(recording.body)
    body["result"]["env_vars"]["SEARCH_API_KEY"]["value"] = PLANTED_SECRET
    body["result"]["build_config"]["web_analytics_token"] = PLANTED_ANALYTICS
    body["result"]["url"] = f"https://{PLANTED_ACCOUNT}.example.pages.dev"
    return ReplayServer([dataclasses.replace(recording, body=body)], token=token)


def test_planted_secrets_reach_no_recording_report_log_or_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    texts: list[str] = []
    with caplog.at_level("DEBUG"):
        for server_token in (PLANTED_TOKEN, "another-token"):  # accepted, then rejected (the canary fails)
            with planted_server(server_token) as server:
                env = environment(
                    server.url,
                    reports,
                    CLOUDFLARE_API_TOKEN=PLANTED_TOKEN,
                    CLOUDFLARE_ACCOUNT_ID=PLANTED_ACCOUNT,
                    CLOUDFLARE_PAGES_PROJECT="marketing-site",
                    CLOUDFLARE_PAGES_DEPLOYMENT_ID="c9a8b7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d",
                    CONTRACT_LIVE_MAX_REQUESTS="6",
                )
                codes = contract_live.main(env)
                texts += [path.read_text() for path in sorted(reports.iterdir())]
                if server_token == PLANTED_TOKEN:
                    assert codes == ExitCode.PASSED
                    assert (
                        record.main(
                            ["--exchanges", str(reports / "live-exchanges.json"), "--recordings", str(recordings)]
                        )
                        == 0
                    )
                else:
                    assert codes == ExitCode.CANARY_FAILED
    captured = capsys.readouterr()
    texts += [captured.out, captured.err]
    texts += [record_.getMessage() for record_ in caplog.records]
    texts += [path.read_text() for path in sorted(recordings.iterdir())]
    assert len(list(recordings.iterdir())) == 4
    assert any("GET" in record_.getMessage() for record_ in caplog.records)  # the HTTP stack did log
    for text in texts:
        for planted in PLANTED:
            assert planted not in text
    saved = json.loads((recordings / "live-deployment-c9a8b7d6.json").read_text())
    result = saved["response"]["body"]["result"]
    assert result["env_vars"]["SEARCH_API_KEY"] == {"type": "secret_text", "value": "REDACTED"}
    assert result["env_vars"]["NODE_VERSION"] == {"type": "plain_text", "value": "22"}
    assert result["build_config"]["web_analytics_token"] == "REDACTED"
    assert result["url"] == "https://0123456789abcdef0123456789abcdef.example.pages.dev"
    assert saved["request"]["path_params"]["account_id"] == "0123456789abcdef0123456789abcdef"


def test_recording_replaces_only_what_changed_and_a_partial_run_writes_nothing(
    replay: ReplayServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    exchanges = ["--exchanges", str(reports / "live-exchanges.json"), "--recordings", str(recordings)]
    assert contract_live.main(environment(replay.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4")) == ExitCode.PASSED
    assert record.main(exchanges) == 0
    first = {path.name: path.read_text() for path in recordings.iterdir()}
    assert sorted(first) == [
        "live-deployment-3b0f6c1e.json",
        "live-unknown-deployment.json",
        "live-unknown-project.json",
        "live-wrong-credentials.json",
    ]
    capsys.readouterr()
    # A second run: new cf-ray and date would not count as a change; nothing is rewritten.
    assert contract_live.main(environment(replay.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4")) == ExitCode.PASSED
    capsys.readouterr()
    assert record.main(exchanges) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(": 0 added, 0 changed, 4 unchanged")
    # A changed reply is replaced and named.
    saved = json.loads((reports / "live-exchanges.json").read_text())
    saved["exchanges"][1]["recording"]["response"]["body"]["errors"][0]["message"] = "Deployment gone."
    (reports / "live-exchanges.json").write_text(json.dumps(saved))
    assert record.main(exchanges) == 0
    out = capsys.readouterr().out.splitlines()
    assert "record: changed   recordings/live-unknown-deployment.json" in out
    assert out[-1] == f"record: run {saved['run_id']}: 0 added, 1 changed, 3 unchanged"
    # A run that did not finish leaves every recording as it was.
    saved["complete"] = False
    saved["exchanges"][0]["recording"]["response"]["status"] = 500
    (reports / "live-exchanges.json").write_text(json.dumps(saved))
    before = {path.name: path.read_text() for path in recordings.iterdir()}
    assert record.main(exchanges) == 1
    assert "did not finish" in capsys.readouterr().out
    assert {path.name: path.read_text() for path in recordings.iterdir()} == before


def test_live_recordings_pass_the_offline_checks(replay: ReplayServer, tmp_path: Path) -> None:

    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    env = environment(
        replay.url, reports, CLOUDFLARE_PAGES_DEPLOYMENT_ID=f"{GOOD},{DRIFTING}", CONTRACT_LIVE_MAX_REQUESTS="5"
    )
    assert contract_live.main(env) == ExitCode.PASSED
    assert record.main(["--exchanges", str(reports / "live-exchanges.json"), "--recordings", str(recordings)]) == 0
    for path in sorted(recordings.iterdir()):
        recording = load(path)
        verdict = check_exchange(recording)
        assert (verdict.conformance, verdict.parse) == ([], [])
        assert [item.key() for item in verdict.drift] == recording.expected_drift
    assert len(load(recordings / "live-deployment-2468ace0.json").expected_drift) == 8
