"""How `make contract-live` ends: one code a situation, so the nightly job (and a person) can tell them apart.

contract_tests/README.md documents this table; a test keeps the two in step.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    PASSED = 0
    CONTRACT_FAILED = 1
    CONFIG_INCOMPLETE = 2
    CANARY_FAILED = 3
    API_UNAVAILABLE = 4

    @property
    def meaning(self) -> str:
        """What the report's first line and the last line printed call it."""
        return _MEANING[self]


_MEANING = {
    ExitCode.PASSED: "conformant",
    ExitCode.CONTRACT_FAILED: "contract failure",
    ExitCode.CONFIG_INCOMPLETE: "configuration incomplete",
    ExitCode.CANARY_FAILED: "canary failed",
    ExitCode.API_UNAVAILABLE: "API unavailable",
}
