"""The command `cloudflare-pages-deployment` as a subprocess against the replay server: exit codes, stderr lines,
JSON, and the GitHub Actions outputs and step summary, for every progression, the requests counted."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cloudflare_pages_client._runtime.cli import EXIT_CODES
from cloudflare_pages_client.testing import Reply
from cloudflare_pages_client.testing.replay_server import REPLAY_TOKEN, ReplayServer
from tests.support.progressions import (
    ACCOUNT,
    PROJECT,
    Progression,
    all_progressions,
    build_failure,
    faults_mid_wait,
    git_build,
    step,
)

# The CLI sleeps for real: a short first interval, Retry-After 0 instead of 7 s, and `--timeout 0` for the one
# that never ends.
CLI_PROGRESSIONS = [faults_mid_wait(retry_after="0") if p.honours else p for p in all_progressions()]
EXIT_BY_OUTCOME = {"success": 0, "failure": 1, "canceled": 1, "timeout": 5, "skipped": 6}
STATE_BY_OUTCOME = {"timeout": "in_progress"}
ERROR_PREFIX = "cloudflare-pages-deployment: error: "


@pytest.fixture(scope="module")
def replay() -> Iterator[ReplayServer]:
    with ReplayServer() as server:
        yield server


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]
    step_summary: str


def cli(replay: ReplayServer, tmp_path: Path, *args: str, token: str | None = REPLAY_TOKEN, **env: str) -> Run:
    output, step_summary = tmp_path / "github-output", tmp_path / "step-summary"
    environ = {
        "PATH": os.environ.get("PATH", ""),
        "CLOUDFLARE_BASE_URL": replay.url,
        "CLOUDFLARE_ACCOUNT_ID": ACCOUNT,
        "CLOUDFLARE_PAGES_PROJECT": PROJECT,
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(step_summary),
        **({"CLOUDFLARE_API_TOKEN": token} if token else {}),
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-m", "cloudflare_pages_client", *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert REPLAY_TOKEN not in done.stdout + done.stderr  # secrets are never printed
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines()) if output.exists() else {}
    summary = step_summary.read_text() if step_summary.exists() else ""
    return Run(done.returncode, done.stdout, done.stderr, outputs, summary)


def progress_lines(run: Run) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith("[")]


@pytest.mark.parametrize("as_json", [False, True], ids=["summary", "json"])
@pytest.mark.parametrize("progression", CLI_PROGRESSIONS, ids=[p.name for p in CLI_PROGRESSIONS])
def test_wait_ends_every_progression_with_its_exit_code_and_outputs(
    replay: ReplayServer, tmp_path: Path, progression: Progression, as_json: bool
) -> None:
    replay.play(progression.deployment_id, progression.replies)
    timeout = "0" if progression.outcome == "timeout" else "1m"
    options = ["--poll-interval", "0.01", "--timeout", timeout, *(["--json"] if as_json else [])]
    run = cli(replay, tmp_path, "wait", progression.deployment_id, *options)

    assert run.code == EXIT_BY_OUTCOME[progression.outcome]
    assert replay.served(progression.deployment_id) == (1 if progression.outcome == "timeout" else progression.requests)
    failed_polls = [line for line in progress_lines(run) if "] poll failed, polling on: Cloudflare answered" in line]
    assert len(failed_polls) == progression.absorbed
    changes = len(progress_lines(run)) - len(failed_polls)
    assert changes == (1 if progression.outcome == "timeout" else progression.changes)
    errors = [line for line in run.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
    assert len(errors) == (0 if progression.outcome == "success" else 1)
    state = STATE_BY_OUTCOME.get(progression.outcome, progression.outcome)
    assert run.outputs["id"] == progression.deployment_id
    assert run.outputs["state"] == state
    assert run.outputs["url"] == f"https://{progression.deployment_id[:8]}.{PROJECT}.pages.dev"
    assert set(run.outputs) == {"id", "url", "preview_url", "environment", "state", "stage"}
    if progression.stage:
        assert run.outputs["stage"] == progression.stage
    assert run.step_summary.startswith(f"### Cloudflare Pages deployment `{progression.deployment_id[:8]}`: {state}")
    if as_json:
        assert json.loads(run.stdout)["id"] == progression.deployment_id
    else:
        assert f"state        {state}\n" in run.stdout


def test_the_progress_lines_name_each_change_with_its_elapsed_time(replay: ReplayServer, tmp_path: Path) -> None:
    progression = build_failure()
    replay.play(progression.deployment_id, progression.replies)
    run = cli(replay, tmp_path, "wait", progression.deployment_id, "--poll-interval", "0.01")
    lines = run.stderr.splitlines()
    assert all(re.fullmatch(r"\[\d+s\] .+", line) for line in lines[:3])
    assert [line.split("] ", 1)[1] for line in lines[:3]] == [
        "queued active (in_progress)",
        "build active (in_progress)",
        "build failure (failure)",
    ]
    assert lines[3:] == [f"{ERROR_PREFIX}Deployment {progression.deployment_id} failed at stage build (failure)."]


def test_quiet_prints_no_progress(replay: ReplayServer, tmp_path: Path) -> None:
    progression = git_build()
    replay.play(progression.deployment_id, progression.replies)
    run = cli(replay, tmp_path, "wait", progression.deployment_id, "--poll-interval", "0.01", "--quiet")
    assert (run.code, run.stderr) == (0, "")
    assert f"preview url  https://feature-search.{PROJECT}.pages.dev\n" in run.stdout
    assert run.outputs["preview_url"] == f"https://feature-search.{PROJECT}.pages.dev"


def test_get_prints_the_summary_after_one_request(replay: ReplayServer, tmp_path: Path) -> None:
    deployment_id = "00000010-0000-4000-8000-000000000000"
    replay.play(deployment_id, [step(deployment_id, {"queued": "success", "initialize": "active"})])
    run = cli(replay, tmp_path, "get", deployment_id)
    assert (run.code, run.stderr, replay.served(deployment_id)) == (0, "", 1)
    lines = run.stdout.splitlines()
    assert lines[:4] == [
        f"id           {deployment_id}",
        "state        in_progress",
        "stage        initialize (active)",
        "environment  preview",
    ]
    assert f"dashboard    https://dash.cloudflare.com/{ACCOUNT}/pages/view/{PROJECT}/{deployment_id}" in lines
    assert run.outputs["state"] == "in_progress"


@pytest.mark.parametrize(
    ("reply", "code", "requests", "message"),
    [
        (Reply.error(403, 10000, "Authentication error"), 3, 1, "Cloudflare answered 403 Forbidden: [10000]"),
        (Reply(404, {"code": 8000009, "message": "No such deployment."}), 3, 1, "404 Not Found: [8000009]"),
        (Reply.error(503, 8000000, "Unknown", ("Retry-After", "0")), 4, 3, "503 Service Unavailable: [8000000]"),
        (Reply.error(400, 7003, "Could not route"), 2, 1, "400 Bad Request: [7003] Could not route"),
    ],
    ids=["rejected", "not found", "unavailable", "bad request"],
)
def test_get_maps_errors_to_exit_codes(
    replay: ReplayServer, tmp_path: Path, reply: Reply, code: int, requests: int, message: str
) -> None:
    deployment_id = f"000000{code}{requests}-0000-4000-8000-000000000000"
    replay.play(deployment_id, [reply])
    run = cli(replay, tmp_path, "get", deployment_id)
    assert run.code == code
    assert replay.served(deployment_id) == requests
    assert run.stderr.startswith(ERROR_PREFIX) and message in run.stderr
    assert (run.stdout, run.outputs) == ("", {})


def test_no_credentials_is_a_configuration_error_naming_the_variables(replay: ReplayServer, tmp_path: Path) -> None:
    run = cli(replay, tmp_path, "wait", git_build().deployment_id, token=None)
    assert run.code == 2
    assert run.stderr == (
        f"{ERROR_PREFIX}No Cloudflare credentials in the environment: set CLOUDFLARE_API_TOKEN (an API token "
        "with Pages Read), or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY.\n"
    )


def test_an_option_overrides_its_variable(replay: ReplayServer, tmp_path: Path) -> None:
    deployment_id = "00000011-0000-4000-8000-000000000000"
    replay.play(deployment_id, [step(deployment_id, dict.fromkeys(("queued", "deploy"), "success"), trigger="ad_hoc")])
    run = cli(
        replay, tmp_path, "get", deployment_id, "--account-id", "f" * 32, "--project", "other",
        CLOUDFLARE_ACCOUNT_ID="", CLOUDFLARE_PAGES_PROJECT="",
    )  # fmt: skip
    assert run.code == 0
    assert replay.requests[-1].path.endswith(f"/accounts/{'f' * 32}/pages/projects/other/deployments/{deployment_id}")


def test_a_missing_account_id_is_a_usage_error(replay: ReplayServer, tmp_path: Path) -> None:
    run = cli(replay, tmp_path, "get", git_build().deployment_id, CLOUDFLARE_ACCOUNT_ID="")
    assert (run.code, run.stderr) == (
        2,
        f"{ERROR_PREFIX}no account id: set CLOUDFLARE_ACCOUNT_ID or pass --account-id\n",
    )


@pytest.mark.parametrize("timeout", ["soon", "5x"])
def test_a_bad_timeout_is_a_usage_error(replay: ReplayServer, tmp_path: Path, timeout: str) -> None:
    run = cli(replay, tmp_path, "wait", git_build().deployment_id, "--timeout", timeout)
    assert run.code == 2
    assert f"argument --timeout: not a duration: '{timeout}'" in run.stderr


def test_help_lists_every_exit_code(replay: ReplayServer, tmp_path: Path) -> None:
    run = cli(replay, tmp_path, "wait", "--help")
    assert run.code == 0
    for code, meaning in EXIT_CODES:
        assert f"  {code}  {meaning}\n" in run.stdout


def test_the_console_script_is_installed_and_runs(replay: ReplayServer, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "cloudflare-pages-deployment"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False, timeout=60)
    version = importlib.metadata.version("cloudflare-pages-client")
    assert (done.returncode, done.stdout) == (0, f"cloudflare-pages-deployment {version}\n")


def test_no_answer_at_all_is_unavailable_without_a_traceback(replay: ReplayServer, tmp_path: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed_port = unused.getsockname()[1]
    run = cli(replay, tmp_path, "get", git_build().deployment_id, CLOUDFLARE_BASE_URL=f"http://127.0.0.1:{closed_port}")
    assert run.code == 4
    assert run.stderr.startswith(f"{ERROR_PREFIX}Could not get an answer from http://127.0.0.1:{closed_port}/")
    assert "after 3 attempts (ConnectError" in run.stderr
