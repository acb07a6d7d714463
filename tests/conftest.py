from __future__ import annotations

from collections.abc import Iterator

import pytest

from contract_tests.kit.scripted_server import ScriptedServer, scripted_server


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running
