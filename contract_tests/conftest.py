from __future__ import annotations

import pytest

from contract_tests.recordings import Recording, load_all

RECORDINGS = load_all()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Every test that asks for `recording` runs once per recording file, named after it.
    if "recording" in metafunc.fixturenames:
        metafunc.parametrize("recording", RECORDINGS, ids=[r.name for r in RECORDINGS])


def json_recordings() -> list[Recording]:
    return [r for r in RECORDINGS if r.is_json]
