"""The runtime's import rule (stated in _runtime/__init__.py), checked on the source in openapi/runtime/."""

from __future__ import annotations

import ast

import pytest

from contract_tests.kit.paths import ROOT

RUNTIME = ROOT / "openapi" / "runtime" / "_runtime"
# The modules that wrap the generated operation, or are built on its models, may import the generated code.
WRAPPERS = {"operations", "exports", "state", "links", "waiting", "cli"}
GENERATED = {"api", "models"}
MODULES = sorted(path.stem for path in RUNTIME.glob("*.py"))


def imports(module: str) -> list[ast.Import | ast.ImportFrom]:
    tree = ast.parse((RUNTIME / f"{module}.py").read_text())
    return [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


def generated_imports(module: str) -> list[str]:
    """The generated modules `module` imports, `..models` style (two dots: out of _runtime)."""
    found = []
    for node in imports(module):
        if isinstance(node, ast.ImportFrom) and node.level == 2:
            name = node.module or ""
            found += [name] if name else [alias.name for alias in node.names]
    return [name for name in found if name.split(".")[0] in GENERATED]


def test_the_rule_is_stated_where_the_runtime_starts() -> None:
    text = (RUNTIME / "__init__.py").read_text()
    assert "import nothing from the generated `models` or `api`" in text
    assert "only `operations`" in text and "`exports`" in text


@pytest.mark.parametrize("module", MODULES)
def test_the_package_itself_is_imported_by_relative_imports_only(module: str) -> None:
    for node in imports(module):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        assert not any(name.split(".")[0] == "cloudflare_pages_client" for name in names), (module, names)


@pytest.mark.parametrize("module", sorted(set(MODULES) - WRAPPERS))
def test_core_modules_import_nothing_generated(module: str) -> None:
    assert generated_imports(module) == []


def test_the_wrappers_are_the_ones_that_do() -> None:
    assert generated_imports("operations") == ["api.pages_deployment", "models"]
    assert generated_imports("exports") == ["models"]
    assert generated_imports("state") == ["models"]
    assert generated_imports("links") == ["models"]
    assert generated_imports("waiting") == ["models"]
