"""The package version, read where it lives, and the bump a set of changes needs (semantic versioning)."""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass
from enum import IntEnum

from scripts.compat.effects import Effect

# The one place the version is written; pyproject.toml reads it (`dynamic = ["version"]`).
VERSION_FILE = "openapi/runtime/_runtime/version.py"
# Before VERSION_FILE existed, the version was written in pyproject.toml.
PYPROJECT = "pyproject.toml"

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


class VersionError(ValueError):
    """No version could be read, or it is not MAJOR.MINOR.PATCH."""


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _SEMVER.match(text)
        if match is None:
            raise VersionError(f"{text!r} is not a MAJOR.MINOR.PATCH version")
        return cls(*(int(part) for part in match.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


class Bump(IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


NEEDED = {Effect.BREAKING: Bump.MAJOR, Effect.ADDITIVE: Bump.MINOR, Effect.INTERNAL: Bump.PATCH}


def needed(found: set[Effect]) -> Bump:
    """Major for a breaking change, minor for an additive one, patch for internal ones only."""
    return max((NEEDED[effect] for effect in found), default=Bump.NONE)


def bump_between(old: Version, new: Version) -> Bump:
    """Which part went up; raises when the version went down."""
    if new < old:
        raise VersionError(f"the version went down, from {old} to {new}")
    if new.major > old.major:
        return Bump.MAJOR
    if new.minor > old.minor:
        return Bump.MINOR
    return Bump.PATCH if new.patch > old.patch else Bump.NONE


def next_version(old: Version, bump: Bump) -> Version:
    """The smallest version with `bump` over `old`."""
    if bump is Bump.MAJOR:
        return Version(old.major + 1, 0, 0)
    if bump is Bump.MINOR:
        return Version(old.major, old.minor + 1, 0)
    return Version(old.major, old.minor, old.patch + (bump is Bump.PATCH))


def from_version_module(source: str) -> Version:
    """`__version__ = "1.2.3"` in a module's text, read without importing it."""
    for node in ast.parse(source).body:
        if (
            isinstance(node, ast.Assign)
            and [getattr(target, "id", None) for target in node.targets] == ["__version__"]
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return Version.parse(node.value.value)
    raise VersionError(f"{VERSION_FILE} assigns no string to __version__")


def from_pyproject(source: str) -> Version:
    version = tomllib.loads(source).get("project", {}).get("version")
    if not isinstance(version, str):
        raise VersionError(f"{PYPROJECT} has no static [project].version")
    return Version.parse(version)
