"""`make compat` on throw-away git repositories: a release tag, a spec edit, a version bump, the exit code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from contract_tests.kit.paths import ROOT
from scripts import compat_check
from scripts.compat.versions import VERSION_FILE

SPEC = ROOT / "openapi" / "openapi.yaml"
USAGE_MODEL = (
    "        usage_model:\n"
    "          description: The Functions usage model (undocumented upstream); seen only as null.\n"
    '          type: [string, "null"]\n'
)
STAGE_STATUSES = "enum: [success, idle, active, failure, canceled, skipped]"


def git(repo: Path, *args: str) -> str:
    identity = ("-c", "user.name=compat test", "-c", "user.email=compat@example.invalid", "-c", "tag.gpgSign=false")
    done = subprocess.run(["git", *identity, *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def set_version(repo: Path, version: str) -> None:
    (repo / VERSION_FILE).write_text(f'"""The package version."""\n\n__version__ = "{version}"\n')


def edit_spec(repo: Path, old: str, new: str) -> None:
    spec = repo / "openapi" / "openapi.yaml"
    text = spec.read_text()
    assert text.count(old) == 1
    spec.write_text(text.replace(old, new))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the curated spec at version 1.0.0, committed and not yet tagged."""
    (tmp_path / "openapi" / "runtime" / "_runtime").mkdir(parents=True)
    (tmp_path / "openapi" / "openapi.yaml").write_text(SPEC.read_text())
    set_version(tmp_path, "1.0.0")
    git(tmp_path, "init", "--quiet")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "first")
    return tmp_path


@pytest.fixture
def released(repo: Path) -> Path:
    git(repo, "tag", "v1.0.0")
    return repo


def run(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = compat_check.main(["--root", str(repo), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_before_the_first_release_there_is_nothing_to_compare(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(repo, USAGE_MODEL, "")
    assert run(repo, capsys) == (0, compat_check.NO_RELEASE_YET + "\n")


def test_a_removed_field_needs_a_major_bump(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(released, USAGE_MODEL, "")
    code, out = run(released, capsys)
    assert code == 1
    assert "| breaking | property-removed usage_model | `Deployment.usage_model` |" in out
    assert "- **Breaking:** `Deployment.usage_model` removed" in out
    assert out.endswith(
        "result: version 1.0.0 at v1.0.0, 1.0.0 now; the changes need a major bump (2.0.0 or later): "
        "NOT BUMPED ENOUGH\n"
    )
    set_version(released, "1.1.0")
    assert run(released, capsys)[0] == 1
    set_version(released, "2.0.0")
    code, out = run(released, capsys)
    assert code == 0
    assert out.endswith("the changes need a major bump (2.0.0 or later): ok\n")


def test_a_new_enum_value_needs_a_minor_bump(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(released, STAGE_STATUSES, STAGE_STATUSES.replace("]", ", rolled_back]"))
    code, out = run(released, capsys)
    assert code == 1
    assert "| additive | enum-value-added rolled_back | `StageStatus.ROLLED_BACK` |" in out
    assert "### Added\n- `StageStatus.ROLLED_BACK` added" in out
    assert "the changes need a minor bump (1.1.0 or later): NOT BUMPED ENOUGH" in out
    for version, expected in (("1.0.1", 1), ("1.1.0", 0), ("2.0.0", 0)):
        set_version(released, version)
        assert run(released, capsys)[0] == expected, version


def test_a_description_needs_a_patch_bump(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(released, "description: The first 8 characters of the id.", "description: The id's first 8 characters.")
    code, out = run(released, capsys)
    assert code == 1
    assert "| internal | annotation-changed | `Deployment.short_id` |" in out
    assert "the changes need a patch bump (1.0.1 or later)" in out
    set_version(released, "1.0.1")
    assert run(released, capsys)[0] == 0


def test_an_unchanged_spec_needs_no_bump(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(released, capsys)
    assert (code, out.splitlines()[-1]) == (
        0,
        "result: version 1.0.0 at v1.0.0, 1.0.0 now: the spec did not change, any version will do",
    )


def test_the_base_is_the_highest_release_tag_in_the_history(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_spec(released, STAGE_STATUSES, STAGE_STATUSES.replace("]", ", rolled_back]"))
    set_version(released, "1.1.0")
    git(released, "commit", "--quiet", "-am", "rolled_back")
    git(released, "tag", "v1.1.0")
    git(released, "tag", "not-a-release")
    code, out = run(released, capsys)
    assert (code, out.splitlines()[-1]) == (
        0,
        "result: version 1.1.0 at v1.1.0, 1.1.0 now: the spec did not change, any version will do",
    )
    assert run(released, capsys, "--base", "v1.0.0")[0] == 0


def test_a_base_from_before_the_version_module_reads_pyproject(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / VERSION_FILE).unlink()
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "1.0.0"\n')
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "static version")
    set_version(repo, "1.0.0")
    edit_spec(repo, USAGE_MODEL, "")
    code, out = run(repo, capsys, "--base", "HEAD")
    assert code == 1
    assert "version 1.0.0 at HEAD, 1.0.0 now; the changes need a major bump" in out


def test_what_cannot_be_read_exits_2(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(released, capsys, "--base", "no-such-ref") == (
        2,
        f"compat: 'no-such-ref' names no commit in {released}\n",
    )
    set_version(released, "0.9.0")
    assert run(released, capsys) == (2, "compat: the version went down, from 1.0.0 to 0.9.0\n")
    set_version(released, "1.0")
    assert run(released, capsys) == (2, "compat: '1.0' is not a MAJOR.MINOR.PATCH version\n")


def test_a_spec_without_the_operation_exits_2(released: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (released / "openapi" / "openapi.yaml").write_text("openapi: 3.1.0\npaths: {}\n")
    code, out = run(released, capsys)
    assert code == 2
    assert out.startswith("compat: cannot compare openapi/openapi.yaml at v1.0.0 with the working tree: KeyError(")
