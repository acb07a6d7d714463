"""A copy of the repository to run a command in: what `make adopt` reads and writes, and the code it runs.

Commands run in a subprocess whose imports come from the copy (its scripts,
its contract_tests, its regenerated client), never from this checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from contract_tests.kit.paths import RECORDINGS_FOLDER, ROOT

COPIED = ("openapi", "generated", "contract_tests", "scripts", "requirements", "pyproject.toml")
PUBLISHED_SLICE = Path("tests", "upstream", "fixtures")
RECORDINGS = Path(RECORDINGS_FOLDER)
SPEC = Path("openapi", "openapi.yaml")
DEVIATIONS = Path("openapi", "deviations.yaml")


def make_copy(destination: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copyfile(source, destination / name)
    shutil.copytree(ROOT / PUBLISHED_SLICE, destination / PUBLISHED_SLICE, ignore=ignore)
    return destination


def run(copy: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python <arguments>` inside the copy, importing the copy's packages first; `env` adds variables."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("CONTRACT_", "PYTHON"))}
    environment.update(env or {})
    environment.update(
        PYTHONPATH=os.pathsep.join([str(copy), str(copy / "generated")]), CONTRACT_REPORTS_DIR=str(copy / "reports")
    )
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def read_recording(copy: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((copy / RECORDINGS / f"{name}.json").read_text())
    return loaded


def write_recording(copy: Path, name: str, data: dict[str, Any]) -> None:
    (copy / RECORDINGS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n")


def snapshot(copy: Path) -> dict[str, bytes]:
    """Every file adopt may write, by path: two snapshots are equal when nothing changed."""
    return {
        str(path.relative_to(copy)): path.read_bytes()
        for folder in ("openapi", "generated", RECORDINGS.as_posix())
        for path in sorted((copy / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
