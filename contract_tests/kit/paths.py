"""Where the repository's folders are, seen from the library (the one place that counts parent folders)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The curated spec, the one source of truth (contract_tests/kit/spec.py reads it).
SPEC_PATH = ROOT / "openapi" / "openapi.yaml"
# What the contract runs write: JUnit, Markdown reports, the live run's exchanges.
REPORTS_DIR = ROOT / "reports"
