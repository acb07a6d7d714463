"""`make kit-check`: the test kit as a user meets it, from the built wheel, timed.

Builds the wheel (scripts/dist_check.py's way), installs it and pytest (the pinned version) into a fresh
virtual environment, copies examples/test_with_the_kit.py into an empty folder and runs pytest on it there,
with nothing of this repository on the module search path. Prints how long the test file took. Needs the
package index (the build requirements, attrs, httpx, pytest). Exit 0 when the example passes, 1 otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from contract_tests.kit.paths import ROOT
from scripts.dist_check import build

EXAMPLE = ROOT / "examples" / "test_with_the_kit.py"
PYTEST_PIN = re.compile(r"^pytest==[^\s;\\]+", re.MULTILINE)


def pinned_pytest() -> str:
    found = PYTEST_PIN.search((ROOT / "requirements" / "dev.lock").read_text())
    if found is None:
        raise ValueError("requirements/dev.lock pins no pytest")
    return found.group(0)


def run_example(python: Path, folder: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """pytest on the example copied into `folder`, as a user runs it: its own folder, no PYTHONPATH."""
    shutil.copyfile(EXAMPLE, folder / EXAMPLE.name)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    started = time.monotonic()
    done = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", EXAMPLE.name],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    return done, time.monotonic() - started


def check(work: Path) -> int:
    _, wheel = build(work / "dist")
    environment = work / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*install, str(wheel), pinned_pytest()], check=True)
    folder = work / "user-tests"
    folder.mkdir()
    done, seconds = run_example(python, folder)
    print(done.stdout[-3000:], end="")
    print(f"kit-check: {EXAMPLE.name} from the wheel in a fresh venv: exit {done.returncode}, {seconds:.2f} s")
    return 0 if done.returncode == 0 else 1


def main() -> int:
    try:
        with tempfile.TemporaryDirectory(prefix="kit-check-") as work:
            return check(Path(work))
    except (subprocess.CalledProcessError, ValueError) as error:
        print(f"kit-check: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
