"""Files as they were at a git ref, and the last release tag."""

from __future__ import annotations

import subprocess
from pathlib import Path

# Release tags are v + the version (docs/releasing.md).
TAG_PATTERN = "v[0-9]*"


class GitError(RuntimeError):
    """git failed, or the ref names no commit."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError as error:
        raise GitError(f"cannot run git: {error}") from error


def commit_of(root: Path, ref: str) -> str:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if result.returncode != 0:
        raise GitError(f"{ref!r} names no commit in {root}")
    return result.stdout.strip()


def read_at(root: Path, ref: str, path: str) -> str | None:
    """The text of `path` (relative to the repository root) at `ref`, or None when it did not exist there."""
    commit = commit_of(root, ref)
    if _git(root, "cat-file", "-e", f"{commit}:{path}").returncode != 0:
        return None
    result = _git(root, "show", f"{commit}:{path}")
    if result.returncode != 0:
        raise GitError(f"cannot read {path} at {ref}: {result.stderr.strip()}")
    return result.stdout


def last_release_tag(root: Path) -> str | None:
    """The highest release tag that HEAD contains, or None before the first release."""
    result = _git(root, "tag", "--list", TAG_PATTERN, "--merged", "HEAD", "--sort=-v:refname")
    if result.returncode != 0:
        raise GitError(f"cannot list tags in {root}: {result.stderr.strip()}")
    tags = result.stdout.split()
    return tags[0] if tags else None
