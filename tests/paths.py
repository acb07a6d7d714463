"""Where things are, for tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.yaml"
DEVIATIONS = ROOT / "openapi" / "deviations.yaml"
EVIDENCE = ROOT.parent / "shared" / "evidence"
