"""`make check-generated`: fail when generated/ is not what openapi/ produces.

Regenerates into a temporary folder and compares file by file, so a spec,
config or template change without `make generate`, a hand edit, and a stale
file left over from an earlier generation are all caught and named.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from scripts.generation import GENERATED, PACKAGE, ROOT, GenerationError, generate_into

# Written by Python, not by the generator.
IGNORED_PARTS = {"__pycache__"}


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED_PARTS.intersection(path.relative_to(root).parts)
    }


def compare(committed: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    problems = []
    for name in sorted(committed.keys() | fresh.keys()):
        if name not in fresh:
            problems.append(f"stale (not generated from openapi/ any more): {name}")
        elif name not in committed:
            problems.append(f"missing (generated from openapi/ but not committed): {name}")
        elif committed[name] != fresh[name]:
            problems.append(f"differs from what openapi/ generates: {name}")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="check-generated-") as tmp:
        try:
            generate_into(Path(tmp) / PACKAGE)
        except GenerationError as error:
            print(f"check-generated: {error}", file=sys.stderr)
            return 2
        fresh = tree(Path(tmp) / PACKAGE)
    committed = tree(GENERATED) if GENERATED.is_dir() else {}
    problems = compare(committed, fresh)
    where = GENERATED.relative_to(ROOT)
    if problems:
        print(f"check-generated: {where} is out of date with openapi/ ({len(problems)} files):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("Run `make generate` and commit the result.", file=sys.stderr)
        return 1
    print(f"check-generated: {where} matches openapi/ ({len(fresh)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
