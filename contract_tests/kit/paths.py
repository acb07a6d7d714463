"""Where the repository's folders are, seen from the library (the one place that counts parent folders)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The curated spec, the one source of truth (contract_tests/kit/spec.py reads it).
SPEC_PATH = ROOT / "openapi" / "openapi.yaml"
# What the contract runs write: JUnit, Markdown reports, the live run's exchanges.
REPORTS_DIR = ROOT / "reports"
# The recordings' source: the kit's package data, copied into generated/ at `make generate`. What writes
# recordings (`make record`, `make adopt`) writes here; what reads them reads the package's copy.
RECORDINGS_SOURCE = ROOT / "openapi" / "runtime" / "testing" / "recordings"
RECORDINGS_FOLDER = RECORDINGS_SOURCE.relative_to(ROOT).as_posix()
