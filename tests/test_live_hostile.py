"""The live run and the recorder against hostile servers, hostile settings and kills (issue 16: points 2, 3, 6, 7,
15-17).

Every test drives `make contract-live` (`scripts.contract_live`) and `make record` against a real server on
127.0.0.1, in process or as a subprocess (where a traceback, an exit code or a signal is the point).
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from cloudflare_pages_client._runtime.constants import DEFAULT_MAX_REPLY_BYTES
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from cloudflare_pages_client.testing.replay_server import ReplayServer
from cloudflare_pages_client.testing.replies import AUTHENTICATION_ERROR, DEPLOYMENT_NOT_FOUND, PROJECT_NOT_FOUND
from contract_tests.kit.atomic_files import TEMPORARY_PREFIX, TEMPORARY_SUFFIX
from contract_tests.kit.conformance import operation
from contract_tests.kit.paths import RECORDINGS_FOLDER, ROOT
from contract_tests.kit.scripted_server import (
    Action,
    ScriptedServer,
    html_reply,
    json_reply,
    raw_reply,
    scripted_server,
)
from contract_tests.kit.spec import OPERATION_PATH
from contract_tests.live import run as live_run
from contract_tests.live.exit_codes import ExitCode
from scripts import contract_live, record
from tests.support.live_env import ACCOUNT, GOOD, WITH_ENV_VARS, environment, with_result

PLANTED_SECRET = "s3cr3t-Zq8"
PLANTED_EMAIL = "planted.owner@example.org"
PLANTED_V2 = "planted-secret-text-v2-value-58"
PLANTED_UNTYPED = "planted-untyped-env-value-27"
PLANTED_UNKNOWN = "planted-unknown-field-secret-64"
PLANTED_KEY = "planted-legacy-api-key-0c4f2b"


def every_text(reports: Path, *more: str) -> list[str]:
    return [path.read_text() for path in sorted(reports.iterdir()) if path.is_file()] + list(more)


def record_into(reports: Path, recordings: Path) -> int:
    return record.main(["--exchanges", str(reports / "live-exchanges.json"), "--recordings", str(recordings)])


def live_subprocess(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.contract_live"],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", ""), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- 2. every message of the live run is built from the redacted exchange --------------------------------------


def test_a_secret_under_a_broken_env_vars_reaches_no_report_or_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    # BROKEN has no value: env_vars breaks the schema, and the violation at /result/env_vars quotes the object's
    # first 80 characters or so (short name, short secret: all of it, unless the message is built from the
    # redacted reply).
    env_vars = {"A": {"type": "secret_text", "value": PLANTED_SECRET}, "BROKEN": {"type": "plain_text"}}
    with ReplayServer([with_result("github-push-with-source", env_vars=env_vars)]) as server:
        env = environment(
            server.url,
            reports,
            CLOUDFLARE_PAGES_PROJECT="marketing-site",
            CLOUDFLARE_PAGES_DEPLOYMENT_ID=WITH_ENV_VARS,
            CONTRACT_LIVE_MAX_REQUESTS="6",
        )
        code = contract_live.main(env)
    captured = capsys.readouterr()
    report = (reports / "contract-live.md").read_text()
    assert code == ExitCode.CONTRACT_FAILED
    assert "- **live-deployment-c9a8b7d6**: /result/env_vars: Response violates schema:" in report
    texts = every_text(reports, captured.out, captured.err)
    assert len(texts) == 5  # the markdown, the JUnit XML, the exchanges, stdout, stderr
    for text in texts:
        assert PLANTED_SECRET not in text


# -- 3. the email, new env-var types and unknown fields ------------------------------------------------------------


def test_the_email_new_env_var_types_and_unknown_fields_are_never_kept_verbatim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    changed = with_result(
        "github-push-with-source",
        env_vars={
            "NODE_VERSION": {"type": "plain_text", "value": "22"},
            "NEW_KIND": {"type": "secret_text_v2", "value": PLANTED_V2},
            "OLD_STYLE": {"value": PLANTED_UNTYPED},
        },
        deploy_hook={"secret": PLANTED_UNKNOWN, "retries": 3},
        url=f"https://marketing-site.pages.dev/?owner={PLANTED_EMAIL}",
    )
    with ReplayServer([changed], email=PLANTED_EMAIL, api_key=PLANTED_KEY) as server:
        env = environment(
            server.url,
            reports,
            CLOUDFLARE_API_TOKEN="",
            CLOUDFLARE_EMAIL=PLANTED_EMAIL,
            CLOUDFLARE_API_KEY=PLANTED_KEY,
            CLOUDFLARE_PAGES_PROJECT="marketing-site",
            CLOUDFLARE_PAGES_DEPLOYMENT_ID=WITH_ENV_VARS,
            CONTRACT_LIVE_MAX_REQUESTS="5",
        )
        code = contract_live.main(env)
    assert code == ExitCode.PASSED, (reports / "contract-live.md").read_text()
    assert record_into(reports, recordings) == 0
    captured = capsys.readouterr()
    for text in every_text(reports, captured.out, captured.err) + every_text(recordings):
        for planted in (PLANTED_EMAIL, PLANTED_V2, PLANTED_UNTYPED, PLANTED_UNKNOWN, PLANTED_KEY):
            assert planted not in text
    result = load(recordings / "live-deployment-c9a8b7d6.json").body["result"]
    assert result["env_vars"] == {
        "NODE_VERSION": {"type": "plain_text", "value": "22"},  # known to be plain: kept
        "NEW_KIND": {"type": "secret_text_v2", "value": "REDACTED"},
        "OLD_STYLE": {"value": "REDACTED"},
    }
    assert result["deploy_hook"] == {"secret": "REDACTED", "retries": 3}  # the field and its shape stay
    assert result["url"] == "https://marketing-site.pages.dev/?owner=REDACTED"


# -- 6. every live request ends within the live deadline ------------------------------------------------------------


TWO_GENERATED_UNAVAILABLE = (
    "**Result: API unavailable (exit 4).** API unavailable: 2 of the 2 generated requests got 5xx or 429 "
    "(or no complete answer) after the retries"
)


def dripping(action: Action) -> Action:
    """`action`'s reply, one byte a second: thousands of seconds for a deployment, per-read timeouts never fire."""
    return dataclasses.replace(action, drip=1.0)


def test_a_dripping_canary_ends_the_run_at_the_live_deadline_as_api_unavailable(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    with scripted_server() as server:
        server.play(dripping(deployment_reply()))
        # The subprocess' own timeout is the hang detector: without a deadline the canary would drip for an hour.
        finished = live_subprocess(environment(server.url, reports, CONTRACT_LIVE_DEADLINE="1"))
        assert server.count == 1  # a deadline that passed is not retried
    assert (finished.returncode, finished.stderr) == (ExitCode.API_UNAVAILABLE, "")
    report = (reports / "contract-live.md").read_text()
    assert (
        "**Result: API unavailable (exit 4).** API unavailable: no complete answer within the live deadline of 1 s "
        "(CONTRACT_LIVE_DEADLINE), after 1 attempt\n"
    ) in report
    assert finished.stdout.splitlines()[-1] == "contract-live: API unavailable (exit 4); 1 requests made"
    assert json.loads((reports / "live-exchanges.json").read_text())["complete"] is False


def test_dripping_generated_requests_each_end_at_the_deadline_and_count_as_unavailable(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    with scripted_server() as server:
        server.play(deployment_reply(), *PROBES_REFUSED, dripping(json_reply(404, DEPLOYMENT_NOT_FOUND)))
        env = environment(server.url, reports, CONTRACT_LIVE_DEADLINE="1", CONTRACT_LIVE_MAX_REQUESTS="6")
        code = contract_live.main(env)
        assert server.count == 6  # the canary, the probes, and two generated requests, each sent once
    report = (reports / "contract-live.md").read_text()
    assert code == ExitCode.API_UNAVAILABLE
    assert TWO_GENERATED_UNAVAILABLE in report


# -- 7. a reply larger than the client's limit is refused while it arrives ----------------------------------------

HUGE = 300_000_000


def huge_deployment_reply() -> Action:
    """A 200 of 300 MB, streamed: a deployment whose commit message is 300 MB of "x", valid JSON throughout."""
    body: Any = load(RECORDINGS_DIR / "github-push-with-source.json").body
    body["result"]["deployment_trigger"]["metadata"]["commit_message"] = "<filler>"
    head, tail = json.dumps(body).encode().split(b"<filler>")
    return Action(200, head, (("Content-Type", "application/json"),), filler=HUGE, tail=tail)


def written_once_closed(server: ScriptedServer) -> list[int]:
    """The bytes each streamed reply got out, once the client hung up (the writer blocks while it does not)."""
    for _ in range(200):
        if server.written:
            return list(server.written)
        time.sleep(0.05)
    return []


def test_a_300_mb_canary_is_refused_at_the_size_limit_and_nothing_of_it_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    with scripted_server() as server:
        server.play(huge_deployment_reply(), *PROBES_REFUSED, json_reply(404, DEPLOYMENT_NOT_FOUND))
        code = contract_live.main(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="5"))
        assert server.count == 5  # refused, not retried
        written = written_once_closed(server)
    assert code == ExitCode.CONTRACT_FAILED
    assert len(written) == 1 and written[0] < HUGE // 10  # the client closed the connection: the server stopped
    report = (reports / "contract-live.md").read_text()
    assert (
        "- **live-deployment-3b0f6c1e**: the body cannot be read: the reply is larger than the client's limit of "
        f"{DEFAULT_MAX_REPLY_BYTES:,} bytes as sent"
    ) in report
    saved = json.loads((reports / "live-exchanges.json").read_text())
    assert [exchange["name"] for exchange in saved["exchanges"]] == [
        "live-unknown-deployment",
        "live-unknown-project",
        "live-wrong-credentials",
    ]
    record_into(reports, recordings)
    assert "live-deployment-3b0f6c1e.json" not in {path.name for path in recordings.glob("*")}
    for folder in (reports, recordings):
        for path in folder.glob("*"):
            assert path.stat().st_size < 100_000, path
    assert "Traceback" not in "".join(capsys.readouterr())


def test_a_300_mb_generated_reply_is_a_failed_request_not_a_hang(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    with scripted_server() as server:
        server.play(deployment_reply(), *PROBES_REFUSED, huge_deployment_reply())
        code = contract_live.main(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="5"))
        assert server.count == 5
        written = written_once_closed(server)
    assert code == ExitCode.CONTRACT_FAILED
    assert len(written) == 1 and written[0] < HUGE // 10
    report = (reports / "contract-live.md").read_text()
    assert "- Generated requests (schemathesis, positive, GET only): 1, failures: 1" in report
    assert (
        f"the body cannot be read: the reply is larger than the client's limit of {DEFAULT_MAX_REPLY_BYTES:,} bytes "
        "as sent"
    ) in report


# -- 15. "conformant" only when the API behaved like one ---------------------------------------------------------


def deployment_reply() -> Action:
    return json_reply(200, load(RECORDINGS_DIR / "github-push-with-source.json").body)


# Cloudflare's answers to the three error probes, in the order the run sends them.
PROBES_REFUSED = (
    json_reply(404, DEPLOYMENT_NOT_FOUND),
    json_reply(404, PROJECT_NOT_FOUND),
    json_reply(403, AUTHENTICATION_ERROR),
)


def test_error_probes_answered_200_fail_the_run_and_nothing_is_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    with scripted_server() as server:
        server.play(deployment_reply())  # a proxy answering 200 to everything
        code = contract_live.main(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4"))
        assert server.count == 4
    report = (reports / "contract-live.md").read_text()
    assert code == ExitCode.CONTRACT_FAILED
    assert (
        "**Result: contract failure (exit 1).** the error probes must be refused with a 4xx, but "
        "live-unknown-deployment answered 200, live-unknown-project answered 200, live-wrong-credentials answered 200"
    ) in report
    assert record_into(reports, recordings) == 1
    assert "did not finish" in capsys.readouterr().out
    assert not recordings.exists()


def test_generated_requests_that_mostly_fail_make_the_api_unavailable(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    with scripted_server() as server:
        server.play(deployment_reply(), *PROBES_REFUSED, html_reply(500))  # 500: every generated request and retry
        code = contract_live.main(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="10"))
        assert server.count == 10
    report = (reports / "contract-live.md").read_text()
    assert code == ExitCode.API_UNAVAILABLE
    # 6 attempts left: two generated requests, each tried three times (with the client's real backoff).
    assert TWO_GENERATED_UNAVAILABLE in report


# -- 16. configuration errors: exit 2, one line; an unreadable reply: a contract failure with a report ----------


@pytest.fixture(scope="module")
def replay() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


@pytest.mark.parametrize(
    ("overrides", "line"),
    [
        (
            {"CONTRACT_LIVE_MAX_REQUESTS": "3"},
            "contract-live: CONTRACT_LIVE_MAX_REQUESTS is 3, but the run needs at least 4: one canary for each of "
            "the 1 deployments and 3 error probes",
        ),
        (
            {"CONTRACT_LIVE_MIN_INTERVAL": "inf"},
            "contract-live: CONTRACT_LIVE_MIN_INTERVAL must be a number of seconds from 0 to 60, not 'inf'",
        ),
        (
            {"CONTRACT_LIVE_MIN_INTERVAL": "soon"},
            "contract-live: CONTRACT_LIVE_MIN_INTERVAL must be a number of seconds from 0 to 60, not 'soon'",
        ),
        (
            {"CONTRACT_LIVE_DEADLINE": "0"},
            "contract-live: CONTRACT_LIVE_DEADLINE must be a number of seconds from 1 to 600, not '0'",
        ),
        (
            {"CONTRACT_LIVE_DEADLINE": "nan"},
            "contract-live: CONTRACT_LIVE_DEADLINE must be a number of seconds from 1 to 600, not 'nan'",
        ),
        (
            {"CLOUDFLARE_PAGES_DEPLOYMENT_ID": " , "},
            "contract-live: CLOUDFLARE_PAGES_DEPLOYMENT_ID holds no deployment id (ids are separated by commas)",
        ),
        (
            {"CLOUDFLARE_BASE_URL": "127.0.0.1:9"},
            "contract-live: CLOUDFLARE_BASE_URL must be an http:// or https:// URL with a host, like "
            "https://api.cloudflare.com/client/v4",
        ),
    ],
)
def test_a_configuration_error_exits_2_with_one_line(
    replay: ReplayServer, tmp_path: Path, overrides: dict[str, str], line: str
) -> None:
    before = len(replay.requests)
    finished = live_subprocess(environment(replay.url, tmp_path / "reports", **overrides))
    assert (finished.returncode, finished.stderr, finished.stdout) == (ExitCode.CONFIG_INCOMPLETE, line + "\n", "")
    assert len(replay.requests) == before  # refused before anything was sent


def test_a_reports_path_that_is_a_file_exits_2_with_one_line(replay: ReplayServer, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.write_text("not a folder")
    finished = live_subprocess(environment(replay.url, reports))
    assert finished.returncode == ExitCode.CONFIG_INCOMPLETE
    assert finished.stderr == (
        f"contract-live: CONTRACT_REPORTS_DIR: cannot write the reports to {reports}: File exists\n"
    )


def surrogate_body() -> bytes:
    body: Any = load(RECORDINGS_DIR / "github-push-with-source.json").body
    body["result"]["short_id"] = "\ud800"
    return json.dumps(body).encode()  # ensure_ascii: the escape "\ud800", valid JSON syntax


@pytest.mark.parametrize(
    ("canary", "problem"),
    [
        (raw_reply(200, b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "application/json"), "nested deeper than"),
        (
            raw_reply(200, b"[" * 600 + b"]" * 600, "application/json"),  # Python reads it; the checks would not
            "the JSON body: /0/0/0/",
        ),
        (
            Action(200, b"this is not gzip", (("Content-Type", "application/json"), ("Content-Encoding", "gzip"))),
            "the body cannot be read: DecodingError: Error -3 while decompressing data",
        ),
        (raw_reply(200, surrogate_body(), "application/json"), "lone surrogate ('\\ud800')"),
    ],
    ids=["deeply-nested", "nested-600", "broken-gzip", "lone-surrogate"],
)
def test_an_unreadable_reply_is_a_contract_failure_with_a_report(tmp_path: Path, canary: Action, problem: str) -> None:
    reports = tmp_path / "reports"
    with scripted_server() as server:
        server.play(canary, *PROBES_REFUSED, json_reply(404, DEPLOYMENT_NOT_FOUND))
        finished = live_subprocess(environment(server.url, reports, CONTRACT_LIVE_MAX_REQUESTS="5"))
    assert "Traceback" not in finished.stderr
    assert finished.returncode == ExitCode.CONTRACT_FAILED
    report = (reports / "contract-live.md").read_text()
    assert "**Result: contract failure (exit 1).** See the contract failures below." in report
    failure = next(line for line in report.splitlines() if line.startswith("- **live-deployment-3b0f6c1e**"))
    assert problem in failure
    assert finished.stdout.splitlines()[-1] == "contract-live: contract failure (exit 1); 5 requests made"


# -- 17. recorder integrity ----------------------------------------------------------------------------------------


def test_after_a_killed_live_run_record_refuses_the_previous_runs_exchanges(
    replay: ReplayServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    assert contract_live.main(environment(replay.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4")) == ExitCode.PASSED
    with scripted_server() as server:
        server.play(Action(delay=60))  # the canary's answer never comes in time
        process = subprocess.Popen(
            [sys.executable, "-m", "scripts.contract_live"],
            cwd=ROOT,
            env={"PATH": os.environ.get("PATH", ""), **environment(server.url, reports)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(600):  # until the run is under way: its first request arrived
                if server.count:
                    break
                time.sleep(0.05)
            assert server.count == 1
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
    capsys.readouterr()
    assert record_into(reports, recordings) == 1
    out = capsys.readouterr().out
    assert out.startswith("record: the live run ") and out.endswith(
        " did not finish; its exchanges are not recorded. Nothing written.\n"
    )
    assert not recordings.exists()


def test_a_truncated_exchanges_file_is_refused_in_one_line(tmp_path: Path) -> None:
    exchanges = tmp_path / "live-exchanges.json"
    exchanges.write_text('{"run_id": "r1", "complete": true, "exchanges": [{"name": "live-dep')  # a kill mid-write
    finished = subprocess.run(
        [sys.executable, "-m", "scripts.record", "--exchanges", str(exchanges), "--recordings", str(tmp_path / "r")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert finished.stderr == ""
    assert finished.stdout.startswith(f"record: {exchanges} is not readable JSON (")
    assert len(finished.stdout.splitlines()) == 1


def test_leftover_temporary_files_are_removed_and_ignored(
    replay: ReplayServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    recordings.mkdir()
    leftover = recordings / f"{TEMPORARY_PREFIX}live-unknown-project.json.k2j4{TEMPORARY_SUFFIX}"
    leftover.write_text('{"desc')  # what a killed `make record` leaves
    assert contract_live.main(environment(replay.url, reports, CONTRACT_LIVE_MAX_REQUESTS="4")) == ExitCode.PASSED
    assert record_into(reports, recordings) == 0
    assert sorted(path.name for path in recordings.iterdir()) == [
        "live-deployment-3b0f6c1e.json",
        "live-unknown-deployment.json",
        "live-unknown-project.json",
        "live-wrong-credentials.json",
    ]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", f"{RECORDINGS_FOLDER}/{leftover.name}"],
        cwd=ROOT,
        check=False,
    )
    assert ignored.returncode == 0


def test_deployment_ids_sharing_their_first_8_characters_keep_one_recording_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports, recordings = tmp_path / "reports", tmp_path / "recordings"
    twins = ["3b0f6c1e-0000-4000-8000-00000000000a", "3b0f6c1e-0000-4000-8000-00000000000b"]
    served = []
    for twin in twins:
        recording = with_result("direct-upload-without-source", id=twin)
        params = {**recording.path_params, "deployment_id": twin}
        served.append(dataclasses.replace(recording, name=twin, path_params=params))
    project = served[0].path_params["project_name"]
    with ReplayServer(served) as server:
        env = environment(
            server.url,
            reports,
            CLOUDFLARE_PAGES_PROJECT=project,
            CLOUDFLARE_PAGES_DEPLOYMENT_ID=",".join(twins),
            CONTRACT_LIVE_MAX_REQUESTS="5",
        )
        assert contract_live.main(env) == ExitCode.PASSED
    assert record_into(reports, recordings) == 0
    names = sorted(path.name for path in recordings.iterdir() if path.name.startswith("live-deployment-"))
    assert names == [f"live-deployment-{twin}.json" for twin in twins]
    assert [load(recordings / name).body["result"]["id"] for name in names] == twins


class _DrawsOnly:
    """The operation, but drawing exactly these path parameters: what schemathesis could draw for a looser spec."""

    def __init__(self, deployment_ids: list[str]) -> None:
        self._ids = deployment_ids

    def as_strategy(self, mode: object, path_parameters: dict[str, str]) -> st.SearchStrategy[Any]:
        cases = [operation().Case(path_parameters={**path_parameters, "deployment_id": i}) for i in self._ids]
        return st.sampled_from(cases)


def test_generated_requests_go_through_the_clients_path_checks(
    replay: ReplayServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_run, "operation", lambda: _DrawsOnly(["..", ".", "", GOOD]))
    before = len(replay.requests)
    assert contract_live.main(environment(replay.url, tmp_path / "reports", CONTRACT_LIVE_MAX_REQUESTS="8")) == 0
    paths = [request.path for request in replay.requests[before:]]
    # Each generated request stays on the operation's path: "..", "." and "" are never sent (httpx would
    # normalise them into the project's or the deployments' path).
    template = OPERATION_PATH.format(account_id=ACCOUNT, project_name="docs-site", deployment_id="")
    assert len(paths) == 5  # the canary, the three probes, and the one generated id the client accepts
    assert paths[-1] == template + GOOD
    for path in paths:
        assert path.count("/") == OPERATION_PATH.count("/"), path
