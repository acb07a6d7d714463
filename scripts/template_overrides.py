"""`make template-overrides [UPDATE=1]`: our template overrides beside the generator's stock ones.

Prints, for each template in openapi/templates/, its lines, the lines that are
ours (not in the stock template it overrides, by difflib) and the totals. Then
checks openapi/templates.lock, which records the generator version and the
sha256 of the stock template behind every override: when the generator is
upgraded, each override whose stock template changed is named, to be merged by
hand (openapi/NOTES.md, "Upgrading the generator"). `--update` (UPDATE=1) rewrites the lock
from the installed generator, once the overrides have been reviewed.

Exit 0 when the lock matches the installed generator, 1 when it does not.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.metadata
import importlib.util
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scripts.generation import ROOT, TEMPLATES

GENERATOR = "openapi-python-client"
LOCK = ROOT / "openapi" / "templates.lock"
UPDATE_COMMAND = "make template-overrides UPDATE=1"


class LockError(RuntimeError):
    """The lock file cannot be read."""


@dataclass(frozen=True)
class Lock:
    version: str
    stock_sha256: dict[str, str]


@dataclass(frozen=True)
class Override:
    name: str
    lines: int
    ours: int
    stock_lines: int | None


def stock_templates() -> Path:
    """The installed generator's own templates folder (found without importing the generator)."""
    spec = importlib.util.find_spec("openapi_python_client")
    if spec is None or not spec.submodule_search_locations:
        raise LockError(f"{GENERATOR} is not installed; run `make setup`")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def installed_version() -> str:
    return importlib.metadata.version(GENERATOR)


def override_names(templates: Path = TEMPLATES) -> list[str]:
    """Every override, as its path under openapi/templates/ (which is also its path among the stock templates)."""
    return sorted(path.relative_to(templates).as_posix() for path in templates.rglob("*.jinja"))


def our_lines(stock: list[str], ours: list[str]) -> int:
    """How many lines of `ours` are not in `stock`: inserted or replaced, by difflib."""
    matcher = difflib.SequenceMatcher(None, stock, ours, autojunk=False)
    return sum(j2 - j1 for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert"))


def measure(name: str, templates: Path = TEMPLATES, stock: Path | None = None) -> Override:
    ours = (templates / name).read_text().splitlines()
    stock_path = (stock or stock_templates()) / name
    if not stock_path.is_file():
        return Override(name, len(ours), len(ours), None)
    stock_lines = stock_path.read_text().splitlines()
    return Override(name, len(ours), our_lines(stock_lines, ours), len(stock_lines))


def stock_hashes(names: list[str], stock: Path | None = None) -> dict[str, str]:
    """The sha256 of the stock template behind each override that has one."""
    folder = stock or stock_templates()
    return {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names if (folder / name).is_file()
    }


def read_lock(path: Path = LOCK) -> Lock:
    try:
        data = tomllib.loads(path.read_text())
        return Lock(version=str(data["generator"]["version"]), stock_sha256=dict(data["stock_sha256"]))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise LockError(f"cannot read {path.name}: {error}; run `{UPDATE_COMMAND}`") from error


def render_lock(version: str, hashes: dict[str, str]) -> str:
    lines = [
        "# The stock templates behind openapi/templates/: the openapi-python-client version the overrides were",
        "# last merged with, and the sha256 of each stock template they override. A test fails when the installed",
        f"# generator's templates differ. Written by `{UPDATE_COMMAND}`; see openapi/NOTES.md.",
        "",
        "[generator]",
        f'name = "{GENERATOR}"',
        f'version = "{version}"',
        "",
        "[stock_sha256]",
        *(f'"{name}" = "{digest}"' for name, digest in sorted(hashes.items())),
    ]
    return "\n".join(lines) + "\n"


def lock_problems(lock: Lock, version: str, names: list[str], hashes: dict[str, str]) -> list[str]:
    """What a generator upgrade (or a new or removed override) left unreviewed, one message per override."""
    problems = []
    merge = (
        f"three-way merge the change between {GENERATOR} {lock.version}'s stock template and {version}'s into it, "
        f"then `make generate`, `make test` and `{UPDATE_COMMAND}`"
    )
    for name in names:
        if name not in hashes:
            problems.append(
                f"{name}: {GENERATOR} {version} has no such stock template, so the generator never reads this "
                "override (renamed or removed upstream?): move its changes to the template that replaced it"
            )
        elif name not in lock.stock_sha256:
            problems.append(
                f"{name}: an override with no entry in openapi/templates.lock: say at its top what it changes "
                f"from stock and why, then `{UPDATE_COMMAND}`"
            )
        elif lock.stock_sha256[name] != hashes[name]:
            problems.append(f"{name}: its stock template changed in {GENERATOR} {version}: {merge}")
    for name in sorted(lock.stock_sha256.keys() - set(names)):
        problems.append(f"{name}: in openapi/templates.lock but no longer overridden: `{UPDATE_COMMAND}`")
    if not problems and lock.version != version:
        problems.append(
            f"{GENERATOR} {version} is installed but openapi/templates.lock was written for {lock.version}; "
            f"no stock template behind an override changed: `{UPDATE_COMMAND}`"
        )
    return problems


def render_table(overrides: list[Override]) -> str:
    width = max(len(override.name) for override in overrides)
    rows = [f"{'override':<{width}}  {'lines':>5}  {'ours':>5}  {'stock':>5}"]
    for override in overrides:
        stock = "-" if override.stock_lines is None else str(override.stock_lines)
        rows.append(f"{override.name:<{width}}  {override.lines:>5}  {override.ours:>5}  {stock:>5}")
    total_lines = sum(override.lines for override in overrides)
    total_ours = sum(override.ours for override in overrides)
    rows.append(f"{'total':<{width}}  {total_lines:>5}  {total_ours:>5}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite openapi/templates.lock after review")
    args = parser.parse_args(argv)
    names = override_names()
    print(render_table([measure(name) for name in names]))
    version, hashes = installed_version(), stock_hashes(names)
    if args.update:
        LOCK.write_text(render_lock(version, hashes))
        print(f"\nwrote {LOCK.relative_to(ROOT)} for {GENERATOR} {version}")
        return 0
    try:
        problems = lock_problems(read_lock(), version, names, hashes)
    except LockError as error:
        problems = [str(error)]
    if problems:
        print(f"\n{LOCK.relative_to(ROOT)} does not match {GENERATOR} {version}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"\n{LOCK.relative_to(ROOT)} matches {GENERATOR} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
