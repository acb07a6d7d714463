"""The published documents the upstream tests read: the committed slice, and the whole document when given.

The whole document (12.5 MB) is not committed. Tests that need it are marked
`published_document`, deselected by default (pyproject.toml), and run by the
nightly workflow's upstream job, which downloads the document and passes its
path in UPSTREAM_DOCUMENT (`make test-published UPSTREAM=PATH`). Selected
without it, they fail: they are never skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.upstream.source import PUBLISHED_SLICE


@pytest.fixture
def slice_path() -> Path:
    return PUBLISHED_SLICE


@pytest.fixture
def full_document_path() -> Path:
    given = os.environ.get("UPSTREAM_DOCUMENT", "").strip()
    if not given:
        pytest.fail(
            "UPSTREAM_DOCUMENT is not set: give the published document's path (make test-published UPSTREAM=...)"
        )
    path = Path(given)
    if not path.is_file():
        pytest.fail(f"UPSTREAM_DOCUMENT={given}: no such file")
    return path
