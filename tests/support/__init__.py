"""Helpers for the tests in tests/ only (the test servers both suites use are in contract_tests.kit)."""
