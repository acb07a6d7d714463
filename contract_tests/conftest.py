from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from contract_tests.kit.spec_check import spec_problem

# Before anything reads the spec (the modules below do, on import): a broken spec is one line and exit 2.
_PROBLEM = spec_problem()
if _PROBLEM is None:
    from cloudflare_pages_client.testing.recordings import load_all
    from cloudflare_pages_client.testing.replay_server import ReplayServer
    from contract_tests.kit.report import write

    RECORDINGS = load_all()


def pytest_configure(config: pytest.Config) -> None:
    if _PROBLEM is not None:
        # pytest prints this as the one line "Exit: contract: <file>: <JSON pointer>: <problem>" on stderr.
        pytest.exit(f"contract: {_PROBLEM}", returncode=2)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Every test that asks for `recording` runs once per recording file, named after it.
    if "recording" in metafunc.fixturenames:
        metafunc.parametrize("recording", RECORDINGS, ids=[r.name for r in RECORDINGS])


@pytest.fixture(scope="session")
def replay() -> Iterator[ReplayServer]:
    """The replay server, on a free port of 127.0.0.1, for the whole session."""
    with ReplayServer() as server:
        yield server


_OUTCOMES: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or report.outcome != "passed":
        _OUTCOMES[report.outcome] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Only when contract tests ran (the report would say nothing otherwise; `make test-published` deselects them).
    if _OUTCOMES and any("contract_tests" in str(path) for path in terminalreporter.config.args):
        path = write(RECORDINGS, _OUTCOMES)
        terminalreporter.write_sep("-", f"contract report: {path}")
        terminalreporter.write_line(path.read_text())
