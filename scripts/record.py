"""`make record` (`python -m scripts.record`): turn what the last live run saw into recordings, atomically.

`make contract-live` leaves the exchanges it saw, already redacted, in
reports/live-exchanges.json under the id of its run: written incomplete when
the run starts, complete when it finished. This writes each as
openapi/runtime/testing/recordings/<name>.json (the test kit's
package data; generated/ gets the copy), replacing an existing file only when
its content changed (a new cf-ray or date alone is no change), and says what
changed. A missing, unreadable or incomplete file (a run that did not finish,
or was killed) changes nothing: exit 1, with one line saying why.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from cloudflare_pages_client.testing.recordings import RecordingFormatError, from_json, same_content
from contract_tests.kit.atomic_files import remove_leftovers, stage
from contract_tests.kit.paths import RECORDINGS_SOURCE
from contract_tests.kit.settings import reports_dir
from scripts.generation import regenerate

# A recording's name becomes a file name in the recordings folder: nothing that could leave it.
RECORDING_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*", re.IGNORECASE)


class Refused(ValueError):
    """The exchanges cannot be recorded: the message says why."""


def plan(exchanges: list[dict[str, Any]], directory: Path) -> tuple[list[str], list[str], list[str]]:
    added, changed, unchanged = [], [], []
    for exchange in exchanges:
        name = str(exchange["name"])
        target = directory / f"{name}.json"
        if not target.exists():
            added.append(name)
        elif same_content(json.loads(target.read_text()), exchange["recording"]):
            unchanged.append(name)
        else:
            changed.append(name)
    return added, changed, unchanged


def write(exchanges: list[dict[str, Any]], directory: Path, names: set[str]) -> None:
    # Everything is written to temporary files first; only then are they moved into place, each
    # with an atomic rename, so a failure half-way leaves every recording whole.
    staged: list[tuple[Path, Path]] = []
    try:
        for exchange in exchanges:
            if exchange["name"] in names:
                target = directory / f"{exchange['name']}.json"
                text = json.dumps(exchange["recording"], indent=2, ensure_ascii=False) + "\n"
                staged.append((stage(target, text), target))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)


def read_exchanges(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """(run id, exchanges) of one complete live run; Refused says why not."""
    if not path.exists():
        raise Refused(f"{path} not found; run `make contract-live` first")
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise Refused(f"{path} is not readable JSON ({error}); run `make contract-live` again") from None
    run_id = saved.get("run_id") if isinstance(saved, dict) else None
    if not isinstance(run_id, str) or not run_id:
        raise Refused(f"{path} names no live run (no run_id); run `make contract-live` again")
    if saved.get("complete") is not True:
        raise Refused(f"the live run {run_id} did not finish; its exchanges are not recorded")
    exchanges = saved.get("exchanges")
    if not isinstance(exchanges, list):
        raise Refused(f"{path}: the run {run_id} lists no exchanges")
    names: set[str] = set()
    for exchange in exchanges:
        name = exchange.get("name") if isinstance(exchange, dict) else None
        if not isinstance(name, str) or not RECORDING_NAME.fullmatch(name) or name in names:
            raise Refused(f"{path}: the run {run_id} has an exchange named {name!r}: not a distinct file name")
        names.add(name)
        try:
            from_json(name, exchange.get("recording"))
        except (RecordingFormatError, TypeError, AttributeError) as error:
            raise Refused(f"{path}: the exchange {name} is not a recording ({error})") from None
    return run_id, exchanges


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Where `make contract-live` left them (CONTRACT_REPORTS_DIR, default reports/).
    parser.add_argument("--exchanges", type=Path, default=reports_dir() / "live-exchanges.json")
    parser.add_argument("--recordings", type=Path, default=RECORDINGS_SOURCE)
    args = parser.parse_args(argv)
    try:
        run_id, exchanges = read_exchanges(args.exchanges)
    except Refused as error:
        print(f"record: {error}. Nothing written.")
        return 1
    args.recordings.mkdir(parents=True, exist_ok=True)
    remove_leftovers(args.recordings)  # what an earlier, killed `make record` left behind
    added, changed, unchanged = plan(exchanges, args.recordings)
    write(exchanges, args.recordings, set(added) | set(changed))
    for label, names in (("added", added), ("changed", changed), ("unchanged", unchanged)):
        for name in names:
            print(f"record: {label:9} {args.recordings.name}/{name}.json")
    print(f"record: run {run_id}: {len(added)} added, {len(changed)} changed, {len(unchanged)} unchanged")
    if (added or changed) and args.recordings.resolve() == RECORDINGS_SOURCE:
        regenerate()  # the package's copy of the recordings, which `make contract` reads
    return 0


if __name__ == "__main__":
    sys.exit(main())
