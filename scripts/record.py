"""`make record` (`python -m scripts.record`): turn what the last live run saw into recordings, atomically.

`make contract-live` leaves the exchanges it saw, already redacted, in
reports/live-exchanges.json, marked complete only when the run finished.
This writes each as contract_tests/recordings/<name>.json, replacing an
existing file only when its content changed (a new cf-ray or date alone is
no change), and says what changed. A missing or incomplete file changes
nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from contract_tests.kit.recordings import RECORDINGS_DIR, same_content
from contract_tests.kit.settings import reports_dir


def plan(exchanges: list[dict[str, object]], directory: Path) -> tuple[list[str], list[str], list[str]]:
    added, changed, unchanged = [], [], []
    for exchange in exchanges:
        name = str(exchange["name"])
        target = directory / f"{name}.json"
        if not target.exists():
            added.append(name)
        elif same_content(json.loads(target.read_text()), exchange["recording"]):  # type: ignore[arg-type]
            unchanged.append(name)
        else:
            changed.append(name)
    return added, changed, unchanged


def write(exchanges: list[dict[str, object]], directory: Path, names: set[str]) -> None:
    # Everything is written to temporary files first; only then are they moved into place, each
    # with an atomic rename, so a failure half-way leaves every recording whole.
    staged: list[tuple[Path, Path]] = []
    try:
        for exchange in exchanges:
            if exchange["name"] not in names:
                continue
            with tempfile.NamedTemporaryFile(
                "w", dir=directory, suffix=".tmp", delete=False, encoding="utf-8"
            ) as handle:
                handle.write(json.dumps(exchange["recording"], indent=2, ensure_ascii=False) + "\n")
            staged.append((Path(handle.name), directory / f"{exchange['name']}.json"))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Where `make contract-live` left them (CONTRACT_REPORTS_DIR, default reports/).
    parser.add_argument("--exchanges", type=Path, default=reports_dir() / "live-exchanges.json")
    parser.add_argument("--recordings", type=Path, default=RECORDINGS_DIR)
    args = parser.parse_args(argv)
    if not args.exchanges.exists():
        print(f"record: {args.exchanges} not found; run `make contract-live` first. Nothing written.")
        return 1
    saved = json.loads(args.exchanges.read_text())
    if not saved.get("complete"):
        print("record: the last live run did not finish; its exchanges are not recorded. Nothing written.")
        return 1
    exchanges = saved["exchanges"]
    args.recordings.mkdir(parents=True, exist_ok=True)
    added, changed, unchanged = plan(exchanges, args.recordings)
    write(exchanges, args.recordings, set(added) | set(changed))
    for label, names in (("added", added), ("changed", changed), ("unchanged", unchanged)):
        for name in names:
            print(f"record: {label:9} {args.recordings.name}/{name}.json")
    print(f"record: {len(added)} added, {len(changed)} changed, {len(unchanged)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
