"""Make scripts/ importable (the scripts import each other as plain modules) and find the evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

# Read-only reference material kept outside the repository (never copied in).
EVIDENCE = ROOT.parent / "shared" / "evidence"
FULL_DOCUMENT = EVIDENCE / "upstream-cloudflare-openapi.json"
SLICE = EVIDENCE / "upstream-get-deployment-slice.json"


def _require(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(
            f"{path} is absent: the published Cloudflare schema lives outside the repository, in ../shared/evidence/"
        )
    return path


@pytest.fixture
def full_document_path() -> Path:
    return _require(FULL_DOCUMENT)


@pytest.fixture
def slice_path() -> Path:
    return _require(SLICE)
