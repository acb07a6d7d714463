"""Run openapi-python-client on openapi/ exactly as `make generate` does.

generated/ must be a pure function of openapi/ and the pinned tool versions,
so this module refuses to run with any other generator or ruff version and
keeps the environment (ruff settings, parent-folder configuration) out.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml  # type: ignore[import-untyped,unused-ignore]  # stubs (types-PyYAML) are not pinned

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
# Hand-written modules laid over the generated package: openapi/runtime/X lands at <package>/X.
RUNTIME = ROOT / "openapi" / "runtime"
LOCK = ROOT / "requirements" / "dev.lock"
PACKAGE = "cloudflare_pages_client"
GENERATED = ROOT / "generated" / PACKAGE

# The two tools whose versions decide the bytes in generated/.
PINNED_TOOLS = ("openapi-python-client", "ruff")


class GenerationError(RuntimeError):
    """The generator could not run, or did not run cleanly."""


def pinned_version(name: str) -> str:
    """The exact version of `name` pinned in the lock file."""
    match = re.search(rf"^{re.escape(name)}==([^\s;]+)", LOCK.read_text(), re.MULTILINE | re.IGNORECASE)
    if match is None:
        raise GenerationError(f"{LOCK.relative_to(ROOT)} pins no version of {name}")
    return match.group(1)


def check_tool_versions() -> None:
    for name in PINNED_TOOLS:
        wanted = pinned_version(name)
        try:
            found = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            raise GenerationError(f"{name} is not installed; run `make setup`") from None
        if found != wanted:
            raise GenerationError(
                f"{name} {found} is installed but {wanted} is pinned; its version decides the bytes in "
                "generated/. Run `make setup` to install the pinned tools."
            )


def _clean_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("RUFF_")}
    # The post-hooks call `ruff` by name: make it the pinned one from this interpreter's environment.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run_generator(destination: Path, config: Path, templates: Path | None) -> None:
    check_tool_versions()
    if destination.exists():
        raise GenerationError(f"{destination} exists; generation writes into a fresh folder only")
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(config),
        "--meta",
        "none",
        "--output-path",
        str(destination),
        "--fail-on-warning",
    ]
    if templates is not None:
        command += ["--custom-template-path", str(templates)]
    # Run from an empty folder so that nothing around the checkout is read.
    with tempfile.TemporaryDirectory(prefix="generate-cwd-") as cwd:
        result = subprocess.run(command, cwd=cwd, env=_clean_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise GenerationError(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")


def generate_into(destination: Path) -> None:
    """Write the package into `destination`, which must not exist yet."""
    _run_generator(destination, CONFIG, TEMPLATES if TEMPLATES.is_dir() else None)
    overlay_runtime(destination)


def generate_stock_into(destination: Path, package: str) -> None:
    """The package as the generator's stock templates write it, named `package`: no template, no runtime.

    What the template forks are compared with (tests/test_model_forks.py). The post-hooks are left out:
    they only format, and they take most of the time.
    """
    config = yaml.safe_load(CONFIG.read_text())
    config.update(package_name_override=package, project_name_override=package.replace("_", "-"), post_hooks=[])
    with tempfile.TemporaryDirectory(prefix="generate-stock-") as folder:
        stock_config = Path(folder) / "config.yaml"
        stock_config.write_text(yaml.safe_dump(config))
        _run_generator(destination, stock_config, templates=None)


def runtime_files() -> list[Path]:
    """The runtime's files, relative to openapi/runtime/, in a stable order (no caches)."""
    return sorted(
        path.relative_to(RUNTIME)
        for path in RUNTIME.rglob("*")
        if path.is_file() and "__pycache__" not in path.relative_to(RUNTIME).parts
    )


def overlay_runtime(destination: Path) -> None:
    """Copy openapi/runtime/ into the generated package, byte for byte; never over a generated file."""
    for relative in runtime_files():
        target = destination / relative
        if target.exists():
            raise GenerationError(
                f"openapi/runtime/{relative.as_posix()} would overwrite a file the generator wrote; "
                "give the runtime module another name"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RUNTIME / relative, target)


def regenerate() -> None:
    """Replace generated/ with a fresh generation; nothing stale survives."""
    GENERATED.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="generate-", dir=GENERATED.parent) as tmp:
        fresh = Path(tmp) / PACKAGE
        generate_into(fresh)
        if GENERATED.exists():
            shutil.rmtree(GENERATED)
        fresh.rename(GENERATED)
