"""generated/ is a pure function of openapi/: the golden-record checks.

Like openapi-python-client's own end-to-end tests, these regenerate and
compare. The tamper tests work on a copy of the checkout in a temporary
folder, so they can break it freely.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contract_tests.kit.paths import ROOT
from scripts.check_generated import tree
from scripts.generation import PACKAGE, generate_into, pinned_version

COPIED = ("openapi", "scripts", "requirements", "generated")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of what generation reads and writes, one folder below a parent that tests may pollute."""
    copy = tmp_path / "parent" / "checkout"
    for name in COPIED:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def check(checkout: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check_generated"], cwd=checkout, capture_output=True, text=True, check=False
    )


def test_two_generations_are_byte_identical_and_match_the_committed_tree(tmp_path: Path) -> None:
    generate_into(tmp_path / "first" / PACKAGE)
    generate_into(tmp_path / "second" / PACKAGE)
    first, second = tree(tmp_path / "first" / PACKAGE), tree(tmp_path / "second" / PACKAGE)
    assert first == second
    assert first == tree(ROOT / "generated" / PACKAGE)
    assert "py.typed" in first
    assert not any(".ruff_cache" in name for name in first)


def test_clean_checkout_passes(checkout: Path) -> None:
    result = check(checkout)
    assert result.returncode == 0, result.stderr
    assert "matches openapi/" in result.stdout


def test_spec_change_without_regeneration_is_named(checkout: Path) -> None:
    spec = checkout / "openapi" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("The first 8 characters of the id.", "The short id."))
    result = check(checkout)
    assert result.returncode == 1
    assert "differs from what openapi/ generates: models/deployment.py" in result.stderr
    assert "1 files" in result.stderr
    assert "Run `make generate`" in result.stderr


def test_hand_edit_is_named(checkout: Path) -> None:
    client = checkout / "generated" / PACKAGE / "client.py"
    client.write_text(client.read_text() + "\n# a hand edit\n")
    result = check(checkout)
    assert result.returncode == 1
    assert "differs from what openapi/ generates: client.py" in result.stderr


def test_stale_and_missing_files_are_named(checkout: Path) -> None:
    package = checkout / "generated" / PACKAGE
    (package / "models" / "old_model.py").write_text("class OldModel: ...\n")
    (package / "py.typed").unlink()
    result = check(checkout)
    assert result.returncode == 1
    assert "stale (not generated from openapi/ any more): models/old_model.py" in result.stderr
    assert "missing (generated from openapi/ but not committed): py.typed" in result.stderr


def test_template_change_without_regeneration_is_named(checkout: Path) -> None:
    template = checkout / "openapi" / "templates" / "endpoint_module.py.jinja"
    template.write_text(template.read_text().replace('PATH = "', 'PATH: str = "'))
    result = check(checkout)
    assert result.returncode == 1
    assert "differs from what openapi/ generates: api/pages_deployment/get_deployment.py" in result.stderr
    assert "1 files" in result.stderr


def test_runtime_change_without_regeneration_is_named(checkout: Path) -> None:
    constants = checkout / "openapi" / "runtime" / "_runtime" / "constants.py"
    constants.write_text(constants.read_text().replace("BODY_EXCERPT_BYTES = 200", "BODY_EXCERPT_BYTES = 100"))
    result = check(checkout)
    assert result.returncode == 1
    assert "differs from what openapi/ generates: _runtime/constants.py" in result.stderr
    assert "1 files" in result.stderr


def test_a_new_runtime_module_must_be_generated_too(checkout: Path) -> None:
    (checkout / "openapi" / "runtime" / "_runtime" / "extra.py").write_text('"""A new runtime module."""\n')
    result = check(checkout)
    assert result.returncode == 1
    assert "missing (generated from openapi/ but not committed): _runtime/extra.py" in result.stderr


def test_a_runtime_module_never_replaces_a_generated_one(checkout: Path) -> None:
    (checkout / "openapi" / "runtime" / "client.py").write_text('"""Would hide the generated client.py."""\n')
    result = check(checkout)
    assert result.returncode == 2
    assert "openapi/runtime/client.py would overwrite a file the generator wrote" in result.stderr


def test_ruff_configuration_in_a_parent_folder_does_not_leak_in(checkout: Path) -> None:
    hostile = "line-length = 40\n[format]\nquote-style = 'single'\n"
    (checkout.parent / "ruff.toml").write_text(hostile)
    (checkout / "ruff.toml").write_text(hostile)
    (checkout / "generated" / "ruff.toml").write_text(hostile)
    result = check(checkout)
    assert result.returncode == 0, result.stderr


def test_another_ruff_version_is_refused(checkout: Path) -> None:
    lock = checkout / "requirements" / "dev.lock"
    lines = [line for line in lock.read_text().splitlines() if not line.startswith("ruff==")]
    lock.write_text("\n".join([*lines, "ruff==0.0.1", ""]))
    result = check(checkout)
    assert result.returncode == 2
    assert f"ruff {pinned_version('ruff')} is installed but 0.0.1 is pinned" in result.stderr
