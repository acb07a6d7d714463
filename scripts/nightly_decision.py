"""What the nightly workflow does after the live run: open a pull request, open an issue, or only say a line.

The workflow (.github/workflows/nightly-contract.yml) gathers the facts, this
decides, and the workflow acts on the outputs; the rules live here, with
tests, not in YAML. What each kind of night gets is the table in docs/nightly.md.

Outage nights are counted in a one-line state file that the workflow keeps
between runs in the Actions cache: this reads the count of the nights before,
and writes tonight's (any other result resets it to 0). A lost cache counts
from 0 again, so at worst the issue comes a few nights later.

`python -m scripts.nightly_decision --configured true --live-exit 0 --changed true --checks passed
--state PATH --reports reports --github-output "$GITHUB_OUTPUT"`
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from contract_tests.live.exit_codes import ExitCode

OUTAGE_NIGHTS = 3
ISSUE_TITLE = "Nightly contract check: needs a person"
PR_TITLE = "Nightly contract: adopt what the live API answered"
SECRETS = "CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_PAGES_PROJECT, CLOUDFLARE_PAGES_DEPLOYMENT_ID"
NOT_CONFIGURED = (
    f"nightly contract: no Cloudflare credentials configured, nothing run; set the secrets {SECRETS} (docs/nightly.md)"
)
# What a pull request or issue body may hold (GitHub refuses bodies over 65,536 characters).
BODY_LIMIT = 60_000
REPORTS = ("adopt.md", "contract-live.md")


@dataclass(frozen=True)
class Night:
    """The facts the workflow gathers."""

    configured: bool
    live_exit: int | None  # None when the live run did not run
    changed: bool = False  # recordings, spec or generated client differ from the checkout
    checks_passed: bool = True  # `make test` on the changed tree (True when nothing changed)
    outage_nights_before: int = 0


@dataclass(frozen=True)
class Decision:
    open_pr: bool
    open_issue: bool
    fail_job: bool
    outage_nights: int  # tonight's count, to keep for tomorrow
    line: str  # the summary line


def decide(night: Night) -> Decision:
    if not night.configured:
        return Decision(False, False, False, night.outage_nights_before, NOT_CONFIGURED)
    code = _known(night.live_exit)
    if code is ExitCode.API_UNAVAILABLE:
        nights = night.outage_nights_before + 1
        persists = nights >= OUTAGE_NIGHTS
        line = f"nightly contract: API unavailable, nothing known tonight ({nights} night{'s' * (nights > 1)} in a row)"
        if persists:
            line += f"; an issue is opened from {OUTAGE_NIGHTS} nights on"
        return Decision(False, persists, False, nights, line)
    if code in (ExitCode.PASSED, ExitCode.CONTRACT_FAILED):
        broken = code is ExitCode.CONTRACT_FAILED
        proposal_fails = night.changed and not night.checks_passed
        line = "nightly contract: " + ("contract failure" if broken else "conformant")
        if night.changed:
            line += "; a pull request proposes the change" + (
                "" if night.checks_passed else ", and `make test` fails on it"
            )
        elif not broken:
            line += ", nothing changed"
        return Decision(night.changed, broken or proposal_fails, broken or proposal_fails, 0, line)
    meaning = code.meaning if code is not None else f"the live run ended with code {night.live_exit}"
    return Decision(False, True, True, 0, f"nightly contract: {meaning}; an issue says what to do")


def _known(code: int | None) -> ExitCode | None:
    return ExitCode(code) if code in set(ExitCode) else None


def body(decision: Decision, reports: Path) -> str:
    """The pull request's description or the issue's comment: the line, then the reports there are."""
    parts = [decision.line]
    parts += [(reports / name).read_text() for name in REPORTS if (reports / name).is_file()]
    text = "\n\n".join(parts)
    if len(text) > BODY_LIMIT:
        text = text[:BODY_LIMIT] + "\n\n(cut here: the whole report is in the run's artifacts)"
    return text + "\n"


def read_count(path: Path) -> int:
    try:
        return max(0, int(path.read_text().strip() or 0))
    except (OSError, ValueError):
        return 0


def _output(value: bool | str) -> str:
    return str(value).lower() if isinstance(value, bool) else value


def _flag(text: str) -> bool:
    return text.strip().lower() in ("true", "yes", "1", "passed", "success")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configured", type=_flag, required=True)
    parser.add_argument("--live-exit", type=lambda text: int(text) if text.strip() else None, default=None)
    parser.add_argument("--changed", type=_flag, default=False)
    parser.add_argument("--checks", type=_flag, default=True, help="passed / failed: `make test` on the change")
    parser.add_argument("--state", type=Path, required=True, help="the outage count kept between nights")
    parser.add_argument("--reports", type=Path, default=Path("reports"))
    parser.add_argument("--github-output", type=Path, default=None)
    args = parser.parse_args(argv)
    night = Night(args.configured, args.live_exit, args.changed, args.checks, read_count(args.state))
    decision = decide(night)
    args.state.parent.mkdir(parents=True, exist_ok=True)
    args.state.write_text(f"{decision.outage_nights}\n")
    args.reports.mkdir(parents=True, exist_ok=True)
    (args.reports / "nightly.md").write_text(body(decision, args.reports))
    if args.github_output is not None:
        outputs: dict[str, bool | str] = {
            "open_pr": decision.open_pr,
            "open_issue": decision.open_issue,
            "fail_job": decision.fail_job,
            "pr_title": PR_TITLE,
            "issue_title": ISSUE_TITLE,
        }
        with args.github_output.open("a") as handle:
            handle.writelines(f"{name}={_output(value)}\n" for name, value in outputs.items())
    print(decision.line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
