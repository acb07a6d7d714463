"""Files written whole or not at all, and the temporary files a killed writer leaves behind, cleaned up.

A reader (`make record`, the nightly job, a person) must never find a half-written file: each is written to a
temporary file beside its target and renamed over it (a rename within one folder is atomic). A process killed
between the two leaves only the temporary file, named so that the next writer finds and removes it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMPORARY_PREFIX = ".partial-"
TEMPORARY_SUFFIX = ".tmp"


def stage(path: Path, text: str) -> Path:
    """`text` written and flushed to disk in a temporary file beside `path`: its name."""
    prefix = f"{TEMPORARY_PREFIX}{path.name}."
    descriptor, name = tempfile.mkstemp(prefix=prefix, suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_atomically(path: Path, text: str) -> None:
    staged = stage(path, text)
    try:
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def remove_leftovers(directory: Path) -> int:
    """Remove the temporary files killed writers left in `directory`; how many there were."""
    removed = 0
    for leftover in directory.glob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):  # another writer's cleanup got there first
            leftover.unlink()
            removed += 1
    return removed
