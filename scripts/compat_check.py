"""`make compat [BASE=<git ref>]`: is the version bumped enough for what changed in the spec since BASE?

Compares openapi/openapi.yaml at BASE (default: the last release tag, v*)
with the working tree, classifies every change by its effect on code that uses
the generated client (breaking, additive, internal), prints a table and the
CHANGELOG lines to add, and checks the version (openapi/runtime/_runtime/version.py)
against semantic versioning: major for breaking, minor for additive, patch for
internal only. Exit 0 when the bump is enough (or there is no release tag yet),
1 when it is not, 2 when something cannot be read.
By hand: `python -m scripts.compat_check [--base REF] [--root DIR]`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]  # stubs (types-PyYAML) are not pinned

from contract_tests.kit.paths import ROOT
from scripts.compat import gitrefs, versions
from scripts.compat.changes import classify
from scripts.compat.report import Verdict, render
from scripts.compat.versions import Version, VersionError
from scripts.upstream.normalise import SchemaError

SPEC = "openapi/openapi.yaml"
DEVIATIONS = "openapi/deviations.yaml"

NO_RELEASE_YET = (
    "compat: no release tag (v*) yet, so nothing to compare with: every version is fine until the first "
    "release is tagged (docs/releasing.md). Give BASE=<git ref> to compare with another commit."
)


class LoadError(RuntimeError):
    """A spec or a version that cannot be read."""


def _spec(text: str | None, where: str) -> dict[str, Any]:
    if text is None:
        raise LoadError(f"there is no {SPEC} {where}")
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise LoadError(f"{SPEC} {where} is not YAML: {error}") from error
    if not isinstance(document, dict):
        raise LoadError(f"{SPEC} {where} is not a mapping")
    return document


def _working_text(root: Path, path: str) -> str | None:
    file = root / path
    return file.read_text() if file.is_file() else None


def version_at(root: Path, ref: str) -> Version:
    """The version at `ref`: its version module, or pyproject.toml's static version before there was one."""
    module = gitrefs.read_at(root, ref, versions.VERSION_FILE)
    if module is not None:
        return versions.from_version_module(module)
    pyproject = gitrefs.read_at(root, ref, versions.PYPROJECT)
    if pyproject is None:
        raise VersionError(f"no {versions.VERSION_FILE} and no {versions.PYPROJECT} at {ref}")
    return versions.from_pyproject(pyproject)


def check(root: Path, base: str) -> tuple[str, int]:
    """The report and the exit code for the working tree in `root` against `base`."""
    new = _spec(_working_text(root, SPEC), "in the working tree")
    old = _spec(gitrefs.read_at(root, base, SPEC), f"at {base}")
    try:
        rows = classify(
            new,
            old,
            new_evidence=_working_text(root, DEVIATIONS),
            base_evidence=gitrefs.read_at(root, base, DEVIATIONS),
        )
    except (KeyError, IndexError, SchemaError) as error:
        raise LoadError(f"cannot compare {SPEC} at {base} with the working tree: {error!r}") from error
    module = _working_text(root, versions.VERSION_FILE)
    if module is None:
        raise VersionError(f"there is no {versions.VERSION_FILE} in the working tree")
    base_version, version = version_at(root, base), versions.from_version_module(module)
    verdict = Verdict(
        base_ref=base,
        base_version=base_version,
        version=version,
        needed=versions.needed({row.effect for row in rows}),
        made=versions.bump_between(base_version, version),
    )
    return render(rows, verdict), 0 if verdict.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="the git ref to compare with (default: the last release tag)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        base = args.base or gitrefs.last_release_tag(args.root)
        if base is None:
            print(NO_RELEASE_YET)
            return 0
        text, code = check(args.root, base)
    except (gitrefs.GitError, LoadError, VersionError, OSError) as error:
        print(f"compat: {error}", file=sys.stderr)
        return 2
    print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
