"""`make adopt [UPSTREAM=PATH_OR_URL]` (`python -m scripts.adopt`): adopt the recorded drift into the spec.

Reads every recording's drift, edits openapi/openapi.yaml for each mechanical
kind, appends the deviations.yaml entries, drops from the recordings'
`expected_drift` what the spec now documents, regenerates generated/ (the
client, and the kit's copy of the recordings), and prints (and writes to reports/adopt.md) what it changed and
what it left for a person. The published schema it compares with is the
committed slice unless UPSTREAM names another. Exit 0, or 2 when something
cannot be read. Running it again changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime

from contract_tests.kit.settings import reports_dir
from scripts.adopt.run import adopt
from scripts.adopt.summary import lines, markdown
from scripts.generation import GenerationError, regenerate
from scripts.upstream.source import PUBLISHED_SLICE, LoadError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", default=str(PUBLISHED_SLICE), help="the published document (path or URL)")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=None, help="the date a hand-added recording is seen"
    )
    args = parser.parse_args(argv)
    today = args.today or datetime.now(UTC).date()
    try:
        outcome = adopt(args.upstream, today)
        # Always: the recordings may have changed by hand since the last generation (nightly: by `make record`).
        regenerate()
    except (LoadError, GenerationError, ValueError) as error:
        print(f"adopt: {error}", file=sys.stderr)
        return 2
    reports = reports_dir()
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "adopt.md").write_text(markdown(outcome))
    print("\n".join(lines(outcome)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
