"""`make dist-check [DIST=PATH]`: build the sdist and the wheel, and check them as a reviewer and a user would.

Builds both the way pip does (the wheel from the sdist, in an isolated
environment with the build requirements of pyproject.toml), lists their
contents and checks what must and must not be in them, runs `twine check
--strict`, then installs the wheel into a fresh virtual environment and checks
that `cloudflare_pages_client.__version__` is the version in the wheel's
metadata. Needs the package index (the build requirements, attrs and httpx),
nothing else. Exit 0 when everything holds, 1 when something does not.
"""

from __future__ import annotations

import argparse
import email.parser
import fnmatch
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

from contract_tests.kit.paths import ROOT
from scripts.compat.versions import VERSION_FILE, from_version_module

PACKAGE = "cloudflare_pages_client"
DISTRIBUTION = "cloudflare-pages-client"
PYTHON_VERSIONS = ("3.11", "3.12", "3.13", "3.14")
LICENSE_EXPRESSION = "BSD-3-Clause"


@dataclass(frozen=True)
class Rules:
    """Glob patterns over an archive's member names (without the sdist's top folder)."""

    must: tuple[str, ...]
    must_not: tuple[str, ...]


SDIST = Rules(
    must=(
        "PKG-INFO",
        "pyproject.toml",
        "MANIFEST.in",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "openapi/openapi.yaml",
        "openapi/deviations.yaml",
        "openapi/generator-config.yaml",
        f"generated/{PACKAGE}/__init__.py",
        f"generated/{PACKAGE}/py.typed",
        f"generated/{PACKAGE}/_runtime/version.py",
        f"generated/{PACKAGE}/models/deployment.py",
    ),
    must_not=(
        "tests/*",
        "contract_tests/*",
        "scripts/*",
        "examples/*",
        "reports/*",
        ".github/*",
        "*/__pycache__/*",
        "*.pyc",
    ),
)
WHEEL = Rules(
    must=(
        f"{PACKAGE}/__init__.py",
        f"{PACKAGE}/py.typed",
        f"{PACKAGE}/_runtime/version.py",
        f"{PACKAGE}/models/deployment.py",
        f"{PACKAGE}/api/pages_deployment/get_deployment.py",
        # The test kit and its recordings (package data).
        f"{PACKAGE}/testing/pytest_plugin.py",
        f"{PACKAGE}/testing/recordings/github-push-with-source.json",
        "*.dist-info/METADATA",
        "*.dist-info/licenses/LICENSE",
    ),
    # Anything outside the package and its .dist-info is refused by wheel_scope_problems.
    must_not=("*/__pycache__/*", "*.pyc", "*/tests/*"),
)


def problems(names: list[str], rules: Rules) -> list[str]:
    """What breaks the rules: each missing name, each name that must not be there."""
    found = [f"missing: {pattern}" for pattern in rules.must if not fnmatch.filter(names, pattern)]
    for name in names:
        for pattern in rules.must_not:
            if fnmatch.fnmatch(name, pattern):
                found.append(f"must not be there: {name}")
                break
    return found


def wheel_scope_problems(names: list[str]) -> list[str]:
    """Anything in the wheel outside the package and its .dist-info folder."""
    return [
        f"must not be there: {name}"
        for name in names
        if not name.startswith(f"{PACKAGE}/") and not name.split("/", 1)[0].endswith(".dist-info")
    ]


def sdist_names(path: Path) -> list[str]:
    with tarfile.open(path) as archive:
        members = [member.name for member in archive.getmembers() if member.isfile()]
    return sorted(name.split("/", 1)[1] for name in members if "/" in name)


def wheel_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(name for name in archive.namelist() if not name.endswith("/"))


def wheel_metadata(path: Path) -> email.message.Message:
    with zipfile.ZipFile(path) as archive:
        (name,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode())


def metadata_problems(metadata: email.message.Message, version: str) -> list[str]:
    found = []
    if metadata["Version"] != version:
        found.append(f"metadata version {metadata['Version']}, {VERSION_FILE} says {version}")
    if metadata["License-Expression"] != LICENSE_EXPRESSION:
        found.append(f"License-Expression is {metadata['License-Expression']!r}, not {LICENSE_EXPRESSION!r}")
    classifiers = set(metadata.get_all("Classifier") or [])
    wanted = {"Typing :: Typed", *(f"Programming Language :: Python :: {v}" for v in PYTHON_VERSIONS)}
    found += [f"missing classifier: {classifier}" for classifier in sorted(wanted - classifiers)]
    if not metadata.get_all("Project-URL"):
        found.append("no Project-URL")
    return found


def _run(*command: str | Path) -> None:
    print("dist-check: " + " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True)


def build(out: Path) -> tuple[Path, Path]:
    """The sdist, and the wheel built from it (as pip builds one from an sdist)."""
    _run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def smoke_install(wheel: Path, where: Path) -> str:
    """Install the wheel (and attrs and httpx from the index) into a fresh venv; its `__version__`."""
    venv.create(where, with_pip=True)
    python = where / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
    check = (
        "import importlib.metadata, cloudflare_pages_client as package; "
        f"metadata = importlib.metadata.version({DISTRIBUTION!r}); "
        "assert package.__version__ == metadata, (package.__version__, metadata); "
        "print(package.__version__)"
    )
    done = subprocess.run([str(python), "-c", check], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise AssertionError(f"the installed package fails its version check: {done.stderr.strip()}")
    return done.stdout.strip()


def check(out: Path) -> list[str]:
    version = str(from_version_module((ROOT / VERSION_FILE).read_text()))
    sdist, wheel = build(out)
    sdist_list, wheel_list = sdist_names(sdist), wheel_names(wheel)
    print(f"\n{sdist.name}:\n  " + "\n  ".join(sdist_list))
    print(f"\n{wheel.name}:\n  " + "\n  ".join(wheel_list) + "\n")
    found = [f"sdist {problem}" for problem in problems(sdist_list, SDIST)]
    found += [f"wheel {problem}" for problem in problems(wheel_list, WHEEL) + wheel_scope_problems(wheel_list)]
    found += [f"wheel {problem}" for problem in metadata_problems(wheel_metadata(wheel), version)]
    _run(sys.executable, "-m", "twine", "check", "--strict", sdist, wheel)
    with tempfile.TemporaryDirectory(prefix="dist-check-venv-") as where:
        try:
            installed = smoke_install(wheel, Path(where))
            print(f"dist-check: a fresh venv imports {PACKAGE} {installed}")
        except AssertionError as error:
            found.append(str(error))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="keep the sdist and the wheel here (default: a temporary folder)")
    args = parser.parse_args(argv)
    try:
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            found = check(args.out)
        else:
            with tempfile.TemporaryDirectory(prefix="dist-check-") as out:
                found = check(Path(out))
    except subprocess.CalledProcessError as error:
        print(f"dist-check: {error}", file=sys.stderr)
        return 1
    for problem in found:
        print(f"dist-check: {problem}", file=sys.stderr)
    print("dist-check: " + ("FAILED" if found else "the sdist and the wheel are as they should be"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
