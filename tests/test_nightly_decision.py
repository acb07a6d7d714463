"""The nightly workflow's decisions: one row per kind of night."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_tests.live.exit_codes import ExitCode
from scripts.nightly_decision import NOT_CONFIGURED, OUTAGE_NIGHTS, Decision, Night, decide, main

CASES = [
    # (night, open_pr, open_issue, fail_job, outage count kept, line)
    (Night(False, None, outage_nights_before=2), False, False, False, 2, NOT_CONFIGURED),
    (
        Night(True, ExitCode.PASSED, outage_nights_before=2),
        False,
        False,
        False,
        0,
        "nightly contract: conformant, nothing changed",
    ),
    (
        Night(True, ExitCode.PASSED, changed=True),
        True,
        False,
        False,
        0,
        "nightly contract: conformant; a pull request proposes the change",
    ),
    (
        Night(True, ExitCode.PASSED, changed=True, checks_passed=False),
        True,
        True,
        True,
        0,
        "nightly contract: conformant; a pull request proposes the change, and `make test` fails on it",
    ),
    (
        Night(True, ExitCode.CONTRACT_FAILED),
        False,
        True,
        True,
        0,
        "nightly contract: contract failure",
    ),
    (
        Night(True, ExitCode.CONTRACT_FAILED, changed=True),
        True,
        True,
        True,
        0,
        "nightly contract: contract failure; a pull request proposes the change",
    ),
    (
        Night(True, ExitCode.CONFIG_INCOMPLETE, changed=True),
        False,
        True,
        True,
        0,
        "nightly contract: configuration incomplete; an issue says what to do",
    ),
    (
        Night(True, ExitCode.CANARY_FAILED, outage_nights_before=1),
        False,
        True,
        True,
        0,
        "nightly contract: canary failed; an issue says what to do",
    ),
    (
        Night(True, ExitCode.API_UNAVAILABLE, changed=True),
        False,
        False,
        False,
        1,
        "nightly contract: API unavailable, nothing known tonight (1 night in a row)",
    ),
    (
        Night(True, ExitCode.API_UNAVAILABLE, outage_nights_before=OUTAGE_NIGHTS - 2),
        False,
        False,
        False,
        OUTAGE_NIGHTS - 1,
        f"nightly contract: API unavailable, nothing known tonight ({OUTAGE_NIGHTS - 1} nights in a row)",
    ),
    (
        Night(True, ExitCode.API_UNAVAILABLE, outage_nights_before=OUTAGE_NIGHTS - 1),
        False,
        True,
        False,
        OUTAGE_NIGHTS,
        f"nightly contract: API unavailable, nothing known tonight ({OUTAGE_NIGHTS} nights in a row); "
        f"an issue is opened from {OUTAGE_NIGHTS} nights on",
    ),
    (
        Night(True, 137),
        False,
        True,
        True,
        0,
        "nightly contract: the live run ended with code 137; an issue says what to do",
    ),
]


@pytest.mark.parametrize(("night", "open_pr", "open_issue", "fail_job", "outages", "line"), CASES)
def test_each_night_gets_its_decision(
    night: Night, open_pr: bool, open_issue: bool, fail_job: bool, outages: int, line: str
) -> None:
    assert decide(night) == Decision(open_pr, open_issue, fail_job, outages, line)


def test_the_cases_cover_every_exit_code_and_no_credentials() -> None:
    assert {night.live_exit for night, *_ in CASES} >= {None, *ExitCode}
    assert OUTAGE_NIGHTS == 3


def test_the_command_writes_the_outputs_the_count_and_the_body(tmp_path: Path) -> None:
    state, reports, outputs = tmp_path / "state" / "outage-nights", tmp_path / "reports", tmp_path / "github-output"
    state.parent.mkdir()
    state.write_text("2\n")
    reports.mkdir()
    (reports / "contract-live.md").write_text("# Live contract report\n")
    outputs.write_text("earlier=kept\n")
    argv = ["--configured", "true", "--live-exit", "4", "--state", str(state), "--reports", str(reports)]
    assert main([*argv, "--github-output", str(outputs)]) == 0
    assert outputs.read_text() == (
        "earlier=kept\nopen_pr=false\nopen_issue=true\nfail_job=false\n"
        "pr_title=Nightly contract: adopt what the live API answered\n"
        "issue_title=Nightly contract check: needs a person\n"
    )
    assert state.read_text() == "3\n"
    assert (reports / "nightly.md").read_text() == (
        "nightly contract: API unavailable, nothing known tonight (3 nights in a row); "
        "an issue is opened from 3 nights on\n\n# Live contract report\n\n"
    )


def test_a_missing_or_unreadable_count_starts_from_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "outage-nights"
    state.write_text("not a number")
    argv = ["--configured", "yes", "--live-exit", "4", "--state", str(state), "--reports", str(tmp_path)]
    assert main(argv) == 0
    assert capsys.readouterr().out == "nightly contract: API unavailable, nothing known tonight (1 night in a row)\n"
    assert state.read_text() == "1\n"


def test_without_credentials_the_line_names_every_secret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--configured", "false", "--live-exit", "", "--state", str(tmp_path / "n"), "--reports", str(tmp_path)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    for secret in (
        "CLOUDFLARE_API_TOKEN",
        "CLOUDFLARE_ACCOUNT_ID",
        "CLOUDFLARE_PAGES_PROJECT",
        "CLOUDFLARE_PAGES_DEPLOYMENT_ID",
    ):
        assert secret in out


def test_a_body_too_long_for_github_is_cut(tmp_path: Path) -> None:
    (tmp_path / "adopt.md").write_text("x" * 70_000)
    argv = ["--configured", "1", "--live-exit", "0", "--changed", "1", "--state", str(tmp_path / "n")]
    assert main([*argv, "--reports", str(tmp_path)]) == 0
    text = (tmp_path / "nightly.md").read_text()
    assert len(text) == 60_000 + len("\n\n(cut here: the whole report is in the run's artifacts)\n")
    assert text.endswith("(cut here: the whole report is in the run's artifacts)\n")
