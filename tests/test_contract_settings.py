"""The CONTRACT_* settings and the live run's exit codes: how they read, and that contract_tests/README.md says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_tests.kit import settings
from contract_tests.kit.paths import REPORTS_DIR, ROOT
from contract_tests.live.exit_codes import ExitCode

README = ROOT / "contract_tests" / "README.md"


def table(heading: str) -> list[list[str]]:
    """The rows (cells stripped) of the first table after `heading` in contract_tests/README.md."""
    section = README.read_text().split(f"\n{heading}\n", 1)[1]
    lines = section[section.index("\n|") + 1 :].splitlines()
    rows = []
    for line in lines[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_the_readme_lists_every_setting_with_its_default() -> None:
    rows = {row[0].strip("`").split("=")[0]: row[1:] for row in table("## Settings")}
    assert sorted(rows) == sorted(settings.VARIABLES)
    for name, effect in settings.VARIABLES.items():
        assert rows[name][0].startswith(effect), name
    defaults = {name: row[1] for name, row in rows.items()}
    assert defaults["CONTRACT_EXAMPLES"] == f"{settings.DEFAULT_BODY_EXAMPLES} ({settings.DEFAULT_REQUEST_EXAMPLES})"
    assert defaults["CONTRACT_LIVE_MAX_REQUESTS"] == str(settings.DEFAULT_LIVE_MAX_REQUESTS)
    assert defaults["CONTRACT_LIVE_MIN_INTERVAL"] == f"{settings.CLOUDFLARE_MIN_INTERVAL:g}"
    assert defaults["CONTRACT_LIVE_DEADLINE"] == f"{settings.DEFAULT_LIVE_DEADLINE:g}"
    assert defaults["CONTRACT_REPORTS_DIR"] == f"`{REPORTS_DIR.relative_to(ROOT).as_posix()}/`"
    assert f"seed {settings.SEED}" in defaults["CONTRACT_RANDOM"]


def test_the_readme_lists_the_exit_codes_of_the_enum() -> None:
    rows = table("## Reports and exit codes")
    assert [(int(code), name.strip("`")) for code, name, _ in rows] == [(code.value, code.name) for code in ExitCode]
    for (_, _, meaning), code in zip(rows, ExitCode, strict=True):
        assert meaning.startswith(code.meaning), code.name


def test_empty_means_the_default_and_a_bad_value_names_its_variable() -> None:
    empty = {name: "" for name in settings.VARIABLES}
    assert settings.live_max_requests(empty) == settings.DEFAULT_LIVE_MAX_REQUESTS
    assert settings.live_min_interval(empty) == settings.CLOUDFLARE_MIN_INTERVAL
    assert settings.live_deadline(empty) == settings.DEFAULT_LIVE_DEADLINE
    assert settings.body_examples(empty) == settings.DEFAULT_BODY_EXAMPLES
    assert settings.request_examples(empty) == settings.DEFAULT_REQUEST_EXAMPLES
    assert settings.reports_dir(empty) == REPORTS_DIR
    assert (settings.fail_on_drift(empty), settings.random_cases(empty)) == (False, False)
    given = {
        "CONTRACT_LIVE_MAX_REQUESTS": "7",
        "CONTRACT_LIVE_MIN_INTERVAL": "0",
        "CONTRACT_LIVE_DEADLINE": "2.5",
        "CONTRACT_EXAMPLES": "12",
        "CONTRACT_REPORTS_DIR": "/tmp/r",
        "CONTRACT_FAIL_ON_DRIFT": "1",
        "CONTRACT_RANDOM": "0",
    }
    assert (settings.live_max_requests(given), settings.live_min_interval(given)) == (7, 0.0)
    assert settings.live_deadline(given) == 2.5
    assert (settings.body_examples(given), settings.request_examples(given)) == (12, 12)
    assert settings.reports_dir(given) == Path("/tmp/r")
    assert (settings.fail_on_drift(given), settings.random_cases(given)) == (True, False)
    with pytest.raises(settings.SettingError, match="CONTRACT_LIVE_MAX_REQUESTS must be a whole number, not 'many'"):
        settings.live_max_requests({"CONTRACT_LIVE_MAX_REQUESTS": "many"})
    with pytest.raises(settings.SettingError, match="CONTRACT_LIVE_MIN_INTERVAL must be a number of seconds"):
        settings.live_min_interval({"CONTRACT_LIVE_MIN_INTERVAL": "soon"})
