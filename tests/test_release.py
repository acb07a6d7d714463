"""The release facts that must agree: one version, the spec's info.version, the changelog, the packaging rules."""

from __future__ import annotations

import email.message
import re
import tomllib

import yaml

from cloudflare_pages_client._runtime import version as version_module
from contract_tests.kit.paths import ROOT
from contract_tests.kit.spec import SPEC_PATH
from scripts import dist_check
from scripts.compat import effects
from scripts.compat.versions import VERSION_FILE, from_version_module
from scripts.dist_check import SDIST, WHEEL, metadata_problems, problems, wheel_scope_problems

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
VERSION = str(from_version_module((ROOT / VERSION_FILE).read_text()))


def test_pyproject_reads_the_version_from_the_one_place_it_is_written() -> None:
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    attribute = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attribute == "cloudflare_pages_client._runtime.version.__version__"
    assert version_module.__version__ == VERSION


def test_the_spec_says_which_package_version_it_was_released_with() -> None:
    assert yaml.safe_load(SPEC_PATH.read_text())["info"]["version"] == VERSION


def test_the_changelog_keeps_a_changelog() -> None:
    headings = re.findall(r"^## (.*)$", (ROOT / "CHANGELOG.md").read_text(), re.MULTILINE)
    assert headings[0] == "[Unreleased]"
    for heading in headings[1:]:
        assert re.fullmatch(r"\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}", heading), heading


def test_the_license_file_is_the_declared_license() -> None:
    assert PYPROJECT["project"]["license"] == "BSD-3-Clause"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().splitlines()[0] == "BSD 3-Clause License"


def test_the_build_backend_reads_license_expressions() -> None:
    assert PYPROJECT["build-system"]["requires"] == ["setuptools>=77"]


SDIST_LISTING = [
    "CHANGELOG.md",
    "LICENSE",
    "MANIFEST.in",
    "PKG-INFO",
    "README.md",
    "generated/cloudflare_pages_client/__init__.py",
    "generated/cloudflare_pages_client/_runtime/version.py",
    "generated/cloudflare_pages_client/models/deployment.py",
    "generated/cloudflare_pages_client/py.typed",
    "openapi/deviations.yaml",
    "openapi/generator-config.yaml",
    "openapi/openapi.yaml",
    "pyproject.toml",
]


def test_the_sdist_rules_name_what_is_missing_and_what_must_not_ship() -> None:
    assert problems(SDIST_LISTING, SDIST) == []
    listing = [name for name in SDIST_LISTING if name != "openapi/openapi.yaml"] + [
        "tests/test_spec.py",
        "generated/cloudflare_pages_client/__pycache__/client.cpython-311.pyc",
    ]
    assert problems(listing, SDIST) == [
        "missing: openapi/openapi.yaml",
        "must not be there: tests/test_spec.py",
        "must not be there: generated/cloudflare_pages_client/__pycache__/client.cpython-311.pyc",
    ]


def test_the_wheel_rules_want_py_typed_and_nothing_beside_the_package() -> None:
    listing = [
        "cloudflare_pages_client-1.0.0.dist-info/METADATA",
        "cloudflare_pages_client-1.0.0.dist-info/licenses/LICENSE",
        "cloudflare_pages_client/__init__.py",
        "cloudflare_pages_client/_runtime/version.py",
        "cloudflare_pages_client/api/pages_deployment/get_deployment.py",
        "cloudflare_pages_client/models/deployment.py",
        "cloudflare_pages_client/testing/pytest_plugin.py",
        "cloudflare_pages_client/testing/recordings/github-push-with-source.json",
        "cloudflare_pages_client/py.typed",
    ]
    assert problems(listing, WHEEL) == []
    assert wheel_scope_problems(listing) == []
    assert problems(listing[:-1], WHEEL) == ["missing: cloudflare_pages_client/py.typed"]
    assert problems([name for name in listing if "/recordings/" not in name], WHEEL) == [
        "missing: cloudflare_pages_client/testing/recordings/github-push-with-source.json"
    ]
    assert wheel_scope_problems([*listing, "tests/test_spec.py"]) == ["must not be there: tests/test_spec.py"]


def test_the_metadata_check_names_each_gap() -> None:
    metadata = email.message.Message()
    metadata["Version"] = "1.0.0"
    metadata["License-Expression"] = "MIT"
    for classifier in ("Typing :: Typed", "Programming Language :: Python :: 3.11"):
        metadata["Classifier"] = classifier
    assert metadata_problems(metadata, "1.0.1") == [
        "metadata version 1.0.0, openapi/runtime/_runtime/version.py says 1.0.1",
        "License-Expression is 'MIT', not 'BSD-3-Clause'",
        "missing classifier: Programming Language :: Python :: 3.12",
        "missing classifier: Programming Language :: Python :: 3.13",
        "missing classifier: Programming Language :: Python :: 3.14",
        "no Project-URL",
    ]


def test_pyproject_declares_what_the_metadata_check_wants() -> None:
    classifiers = set(PYPROJECT["project"]["classifiers"])
    assert {f"Programming Language :: Python :: {v}" for v in dist_check.PYTHON_VERSIONS} <= classifiers
    assert "Typing :: Typed" in classifiers
    assert PYPROJECT["project"]["urls"]


def test_the_releasing_page_states_each_kind_s_effect_as_make_compat_applies_it() -> None:
    stated = {}
    for line in (ROOT / "docs" / "releasing.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("| `") and len(cells) >= 3:
            stated.update(dict.fromkeys(re.findall(r"`([a-z-]+)`", cells[0]), cells[1]))
    applied = {str(kind): rule.effect.value for kind, rule in effects.RULES.items()}
    applied |= {kind: rule.effect.value for kind, rule in effects.OWN_RULES.items()}
    assert stated == applied
