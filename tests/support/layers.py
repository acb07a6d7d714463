"""The import rule of ARCHITECTURE.md, as code: which hand-written module may import which.

Every .py file under the repository (but generated/, which is the generator's
output, and hidden folders) is given a module name and a layer; each of its
imports (`import`, `from ... import`, relative ones, and `importlib.import_module`
with a literal name) is checked against the rule. A breach names the importer,
the imported module and the rule it breaks.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

# Layers from the bottom up, and what each may import (itself included).
ALLOWED = {
    "client": {"client"},
    "kit": {"client", "kit"},
    "live": {"client", "kit", "live"},
    "scripts": {"client", "kit", "live", "scripts"},
    "contract tests": {"client", "kit", "live", "scripts"},
    "tests": {"client", "kit", "live", "scripts", "tests"},
    "examples": {"client"},
}
PACKAGES = {
    "client": "cloudflare_pages_client",
    "kit": "contract_tests.kit",
    "live": "contract_tests.live",
    "scripts": "scripts",
    "tests": "tests",
    "examples": "examples",
}
# The runtime's source is laid over the generated package (scripts/generation.py).
RUNTIME_SOURCE = ("openapi", "runtime")
SKIPPED_FOLDERS = {"generated", "__pycache__", "node_modules", "reports"}


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool


def module_name(relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if tuple(parts[:2]) == RUNTIME_SOURCE:
        parts = ["cloudflare_pages_client", *parts[2:]]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def hand_written_modules(root: Path) -> list[Module]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        folders = relative.parts[:-1]
        if any(part.startswith(".") or part in SKIPPED_FOLDERS for part in folders):
            continue
        found.append(Module(module_name(relative), path, path.name == "__init__.py"))
    return found


def is_test_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def layer(name: str) -> str | None:
    """The layer of a project module, or None for anything else (the standard library, third parties)."""
    if name.startswith("contract_tests.") and is_test_module(name):
        return "contract tests"
    if name == "contract_tests":
        return "kit"  # the package marker; it holds nothing
    for candidate, package in PACKAGES.items():
        if name == package or name.startswith(package + "."):
            return candidate
    return None


def _absolute(module: Module, level: int, target: str | None) -> str:
    package = module.name.split(".") if module.is_package else module.name.split(".")[:-1]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, *([target] if target else [])])


def imports(module: Module, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) for every import in `module`; `from package import name` counts as package.name if that exists."""
    tree = ast.parse(module.path.read_text(), filename=str(module.path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node.level, node.module) if node.level else str(node.module)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.append((node.lineno, submodule if submodule in known else base))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def edits_the_search_path(module: Module) -> list[int]:
    """Lines that reach the module search path (sys + .path): scripts run as modules; pytest and mypy set it."""
    tree = ast.parse(module.path.read_text(), filename=str(module.path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    ]


def breaches(root: Path) -> list[str]:
    """Every breach of the rule under `root`, one line each; empty when the layers hold."""
    modules = hand_written_modules(root)
    known = {module.name for module in modules}
    found: list[str] = []
    for module in modules:
        where = module.path.relative_to(root)
        importer = layer(module.name)
        if importer is None:
            found.append(f"{where}: module {module.name} belongs to no layer of ARCHITECTURE.md")
            continue
        for line in edits_the_search_path(module):
            found.append(f"{where}:{line}: {module.name} edits the module search path (run it as a module instead)")
        for line, imported in imports(module, known):
            target = layer(imported)
            if target is None:
                continue
            if is_test_module(imported):
                found.append(
                    f"{where}:{line}: {module.name} imports {imported}: nothing imports a test module or a conftest"
                )
            elif target not in ALLOWED[importer]:
                may = ", ".join(package for name, package in PACKAGES.items() if name in ALLOWED[importer])
                found.append(f"{where}:{line}: {module.name} imports {imported}: {importer} may import only {may}")
    return found
