"""`make contract` on a broken openapi.yaml: exit 2 and one line naming the file and the JSON pointer (issue 16,
point 18), where schemathesis and jsonschema print hundreds of lines of traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contract_tests.kit.paths import ROOT, SPEC_PATH

BREAKAGES = {
    "dangling-ref": (
        ('$ref: "#/components/schemas/SecretTextEnvVar"', '$ref: "#/components/schemas/NoSuchSchema"'),
        "/components/schemas/EnvVars/additionalProperties/anyOf/1/$ref: '#/components/schemas/NoSuchSchema' points "
        "to nothing in the document",
    ),
    "ref-cycle": (
        ("    SourceType:\n      type: string\n", '    SourceType:\n      $ref: "#/components/schemas/SourceKind"\n'
         '    SourceKind:\n      $ref: "#/components/schemas/SourceType"\n    Unused:\n      type: string\n'),
        "/components/schemas/Source/properties/type/anyOf/0/$ref: a reference cycle (#/components/schemas/SourceType "
        "-> #/components/schemas/SourceKind -> #/components/schemas/SourceType)",
    ),
    "unknown-type": (
        ("    SourceType:\n      type: string\n", "    SourceType:\n      type: strnig\n"),
        "/components/schemas/SourceType/type: unknown type 'strnig' (JSON Schema has array, boolean, integer, null, "
        "number, object, string)",
    ),
    "not-yaml": (("    SourceType:\n", "    SourceType: [\n"), "cannot read it as YAML: "),
}  # fmt: skip


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_make_contract_on_a_broken_spec_exits_2_with_one_line(tmp_path: Path, breakage: str) -> None:
    (old, new), problem = BREAKAGES[breakage]
    for folder in ("contract_tests", "openapi"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    spec = tmp_path / SPEC_PATH.relative_to(ROOT)
    text = spec.read_text()
    assert old in text
    spec.write_text(text.replace(old, new, 1))
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "contract_tests", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (finished.returncode, finished.stdout) == (2, "")
    assert finished.stderr.startswith(f"Exit: contract: {spec}: {problem}")
    assert finished.stderr.count("\n") == 1
