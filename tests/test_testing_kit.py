"""The test kit for users (cloudflare_pages_client.testing): isolated from the client, faithful to the
recordings, and answering what its documentation promises."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from importlib import metadata
from typing import Any

import httpx
import pytest

import cloudflare_pages_client.testing as kit
from cloudflare_pages_client import (
    CloudflarePagesError,
    Deployment,
    RetryPolicy,
    get_deployment,
)
from cloudflare_pages_client.testing import (
    ACCOUNT_ID,
    DEPLOYMENT_ID,
    PROJECT,
    REPLAY_API_KEY,
    REPLAY_EMAIL,
    TOKEN,
    ReplayServer,
    Reply,
    Situation,
    replies,
)
from cloudflare_pages_client.testing import replay_server as kit_server
from cloudflare_pages_client.testing.recordings import Recording, load_all
from cloudflare_pages_client.testing.situations import SLOW_REPLY_SECONDS, recording
from contract_tests.kit.paths import ROOT

IDS: dict[str, Any] = {"account_id": ACCOUNT_ID, "project_name": PROJECT, "deployment_id": DEPLOYMENT_ID}
RECORDINGS = {r.name: r for r in load_all()}
DEPLOYMENTS = [r for r in RECORDINGS.values() if r.status == 200 and r.is_json]


def imported_by(script: str) -> list[str]:
    """The top-level modules outside the standard library that `script`'s last line imports, in a fresh Python."""
    probe = f"import json, sys\n{script}\nprint(json.dumps(sorted({{name.split('.')[0] for name in sys.modules}})))\n"
    before_last = probe.replace(f"{script.splitlines()[-1]}\n", "")
    seen = [
        set(json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout))
        for code in (before_last, probe)
    ]
    return sorted(name for name in seen[1] - seen[0] if name not in sys.stdlib_module_names)


def test_importing_the_client_imports_neither_the_kit_nor_pytest_nor_anything_beyond_attrs_and_httpx() -> None:
    # httpx's own imports (and its optional CLI's, when click and rich are installed) come before the client.
    assert imported_by("import attr, attrs, httpx\nimport cloudflare_pages_client") == ["cloudflare_pages_client"]
    probe = (
        "import sys, cloudflare_pages_client; print(sorted(m for m in sys.modules if 'testing' in m or 'pytest' in m))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_the_kit_itself_needs_only_the_standard_library_and_the_client() -> None:
    assert imported_by("import cloudflare_pages_client\nimport cloudflare_pages_client.testing") == []


def test_installing_the_package_registers_no_pytest_plugin() -> None:
    ours = [entry for entry in metadata.entry_points(group="pytest11") if entry.value.startswith("cloudflare_pages")]
    assert ours == []
    assert "pytest11" not in (ROOT / "pyproject.toml").read_text()


def test_the_server_takes_a_free_port_unless_told_and_its_base_url_ends_in_client_v4() -> None:
    assert inspect.signature(ReplayServer).parameters["port"].default == 0
    with ReplayServer() as first, ReplayServer() as second:
        assert first.url != second.url
        assert first.base_url == f"{first.url}/client/v4"


def test_main_takes_a_free_port_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    stopped: list[str] = []

    def serve_then_return(server: ReplayServer) -> None:
        stopped.append(server.base_url)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ReplayServer, "serve_forever", serve_then_return)
        kit_server.main([])
    [base_url] = stopped
    assert not base_url.endswith(":8787/client/v4")
    assert f"on {base_url}\n" in capsys.readouterr().out


@pytest.mark.parametrize("prefix", ["/client/v4", ""])
def test_prefixed_and_bare_paths_are_answered_alike(prefix: str) -> None:
    path = f"{prefix}/accounts/{ACCOUNT_ID}/pages/projects/{PROJECT}/deployments/{DEPLOYMENT_ID}"
    with ReplayServer() as server:
        answer = httpx.get(server.url + path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert (answer.status_code, answer.json()["result"]["id"]) == (200, DEPLOYMENT_ID)


def test_a_malformed_id_under_the_prefix_names_the_path_once() -> None:
    path = f"/client/v4/accounts/{ACCOUNT_ID}/pages/projects/{PROJECT}/deployments/not-a-uuid"
    with ReplayServer() as server:
        answer = httpx.get(server.url + path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 400
    assert (
        answer.json()["errors"][0]["message"]
        == f"Could not route to {path}, perhaps your object identifier is invalid?"
    )


def test_every_request_is_listed_with_its_credentials_masked() -> None:
    with ReplayServer() as server:
        get_deployment(server.client(headers={"X-Team": "web"}), **IDS)
        httpx.delete(f"{server.base_url}/nowhere", headers={"X-Auth-Email": REPLAY_EMAIL, "X-Auth-Key": REPLAY_API_KEY})
        seen = server.requests
    assert [(r.method, r.path) for r in seen] == [
        ("GET", f"/client/v4/accounts/{ACCOUNT_ID}/pages/projects/{PROJECT}/deployments/{DEPLOYMENT_ID}"),
        ("DELETE", "/client/v4/nowhere"),
    ]
    assert (seen[0].headers["authorization"], seen[0].headers["x-team"]) == ("***", "web")
    assert (seen[1].headers["x-auth-email"], seen[1].headers["x-auth-key"]) == ("***", "***")
    printed = repr(seen)
    assert TOKEN not in printed and REPLAY_API_KEY not in printed and REPLAY_EMAIL not in printed


# -- faithful: every reply a situation plays is what a recording shows -------------------------------------

# The fields a situation changes in a recorded deployment (and the values it may give them beyond recorded ones).
CHANGED_FIELDS = {"id", "short_id", "url", "stages", "latest_stage", "project_name", "project_id", "aliases"}
CHANGED_FIELDS_SKIPPED = CHANGED_FIELDS | {"is_skipped", "skip_reason"}
# Listed as assumptions in the kit's docstring and docs/testing.md.
UNRECORDED_STAGE_STATUSES = {"canceled"}


def recorded_stage_statuses() -> set[str]:
    return {s["status"] for r in DEPLOYMENTS for s in [*r.body["result"]["stages"], r.body["result"]["latest_stage"]]}


def played(situation: Situation) -> list[Reply]:
    return replies(situation, "00000000-0000-4000-8000-00000000abcd")


@pytest.mark.parametrize("situation", list(Situation), ids=str)
def test_every_reply_a_situation_plays_is_what_a_recording_shows(situation: Situation) -> None:
    for reply in played(situation):
        if reply.drop:
            continue  # a network fault, no reply: listed as such
        source = recording(reply.recording)
        if source.status != 200:
            assert (reply.status, reply.headers, reply.body, reply.text) == (
                source.status,
                tuple(source.headers.items()),
                source.body,
                source.body_text,
            )
            continue
        result, recorded = reply.body["result"], source.body["result"]
        assert reply.status == 200 and set(result) == set(recorded)
        changed = (
            CHANGED_FIELDS_SKIPPED if situation in {Situation.SKIPPED_2025, Situation.SKIPPED_2026} else CHANGED_FIELDS
        )
        assert {key: result[key] for key in set(recorded) - changed} == {
            key: recorded[key] for key in set(recorded) - changed
        }
        assert [s["name"] for s in result["stages"]] == [s["name"] for s in recorded["stages"]]
        statuses = {s["status"] for s in [*result["stages"], result["latest_stage"]]}
        assert statuses <= recorded_stage_statuses() | UNRECORDED_STAGE_STATUSES
        assert {key: reply.body[key] for key in reply.body if key != "result"} == {
            key: source.body[key] for key in source.body if key != "result"
        }


def test_the_unrecorded_stage_statuses_are_really_unrecorded_and_listed_for_users() -> None:
    assert UNRECORDED_STAGE_STATUSES.isdisjoint(recorded_stage_statuses())
    docs = (ROOT / "docs" / "testing.md").read_text()
    for status in UNRECORDED_STAGE_STATUSES:
        assert f"`{status}` as a stage status is not" in (kit.__doc__ or "")
        assert f"`{status}` as a stage status is not" in docs


def test_every_situation_is_named_in_the_docs_and_the_enum_s_docstring() -> None:
    docs = (ROOT / "docs" / "testing.md").read_text()
    for situation in Situation:
        assert f"`{situation.value}`" in docs
        assert f"`{situation.value}`" in (Situation.__doc__ or "")


# -- what each situation does to the client --------------------------------------------------------------


def outcome(server: ReplayServer, **options: Any) -> str:
    try:
        deployment = get_deployment(server.client(max_retries=0, **options), **IDS)
    except CloudflarePagesError as error:
        return type(error).__name__
    assert isinstance(deployment, Deployment)
    return f"{deployment.latest_stage.name}:{deployment.latest_stage.status}"


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        (Situation.GIT_BUILD_SUCCESS, "queued:active"),
        (Situation.DEPLOYED, "deploy:success"),
        (Situation.RATE_LIMITED, "RateLimitError"),
        (Situation.RATE_LIMITED_10000, "RateLimitError"),
        (Situation.HTML_502, "ServerError"),
        (Situation.HTML_522, "ServerError"),
        (Situation.DROPPED_CONNECTION, "APIConnectionError"),
        (Situation.EXPIRED_TOKEN, "AuthenticationError"),
        (Situation.DEPLOYMENT_NOT_FOUND, "NotFoundError"),
        (Situation.PROJECT_NOT_FOUND, "NotFoundError"),
        (Situation.RATE_LIMITED_THEN_OK, "RateLimitError"),
        (Situation.HTML_522_THEN_OK, "ServerError"),
        (Situation.DROPPED_CONNECTION_THEN_OK, "APIConnectionError"),
    ],
    ids=str,
)
def test_a_situation_s_first_reply_reaches_the_client_as_documented(situation: Situation, expected: str) -> None:
    with ReplayServer() as server:
        server.play(DEPLOYMENT_ID, situation)
        assert outcome(server) == expected


@pytest.mark.parametrize(
    ("situation", "sleeps"),
    [
        (Situation.RATE_LIMITED_THEN_OK, [30.0]),
        (Situation.HTML_522_THEN_OK, [0.5]),
        (Situation.DROPPED_CONNECTION_THEN_OK, [0.5]),
    ],
    ids=str,
)
def test_a_fault_that_resolves_is_absorbed_by_one_retry(situation: Situation, sleeps: list[float]) -> None:
    slept: list[float] = []
    policy = RetryPolicy(initial_delay=0.5, sleep=slept.append, jitter=lambda: 0.0)
    with ReplayServer() as server:
        server.play(DEPLOYMENT_ID, situation.value)  # the name works as well as the member
        deployment = get_deployment(server.client(retry_policy=policy), **IDS)
        assert (deployment.id, slept, server.served(DEPLOYMENT_ID)) == (DEPLOYMENT_ID, sleeps, 2)


def test_a_slow_reply_outlasts_a_short_client_timeout() -> None:
    assert SLOW_REPLY_SECONDS >= 1.0
    with ReplayServer() as server:
        server.play(DEPLOYMENT_ID, Situation.SLOW_REPLY)
        assert outcome(server, timeout=SLOW_REPLY_SECONDS / 10) == "APITimeoutError"


def test_an_unknown_situation_name_is_refused_with_the_name() -> None:
    with ReplayServer() as server, pytest.raises(ValueError, match="'no-such-thing' is not a valid Situation"):
        server.play(DEPLOYMENT_ID, "no-such-thing")


def test_the_default_deployment_is_a_recorded_one() -> None:
    recorded: Recording = RECORDINGS["github-push-with-source"]
    assert recorded.path_params == IDS


# -- the documentation's test file, run as users run it ------------------------------------------------------

EXAMPLE = ROOT / "examples" / "test_with_the_kit.py"


def test_the_docs_page_shows_the_example_file_whole() -> None:
    assert f"```python\n{EXAMPLE.read_text()}```" in (ROOT / "docs" / "testing.md").read_text()


def test_the_example_file_passes_in_an_empty_folder(tmp_path: Any) -> None:
    (tmp_path / EXAMPLE.name).write_text(EXAMPLE.read_text())
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", EXAMPLE.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "5 passed" in done.stdout
