"""The console script `cloudflare-pages-deployment` (and `python -m cloudflare_pages_client`): get a deployment,
or wait for it to finish, from a shell or a CI job. Standard library only (argparse)."""

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TextIO

from ..models import Deployment
from .constants import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT
from .environment import BASE_URL, client_from_env
from .errors import (
    APIError,
    AuthenticationError,
    CloudflarePagesError,
    ConfigurationError,
    NotFoundError,
)
from .links import dashboard_url, preview_url
from .operations import get_deployment
from .state import deployment_state, ending_stage
from .types import Unset
from .version import __version__
from .waiting import (
    DeploymentFailedError,
    DeploymentSkippedError,
    WaitTimeoutError,
    format_duration,
    wait_for_deployment,
)

PROG = "cloudflare-pages-deployment"
ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID"
PROJECT = "CLOUDFLARE_PAGES_PROJECT"

# The exit codes, in one place: `--help` prints this table, and docs/waiting.md shows it.
EXIT_SUCCESS = 0
EXIT_DEPLOYMENT_FAILED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_UNAVAILABLE = 4
EXIT_TIMEOUT = 5
EXIT_SKIPPED = 6
EXIT_CODES = (
    (EXIT_SUCCESS, "success (get: the deployment was read; wait: it was deployed)"),
    (EXIT_DEPLOYMENT_FAILED, "the deployment failed or was canceled"),
    (EXIT_USAGE, "usage or configuration error (an option, a variable, an id Cloudflare cannot route)"),
    (EXIT_REJECTED, "credentials rejected, or the deployment or project not found"),
    (EXIT_UNAVAILABLE, "Cloudflare unavailable after the retries (or an answer the client cannot read)"),
    (EXIT_TIMEOUT, "timed out: the deployment had not finished"),
    (EXIT_SKIPPED, "Cloudflare skipped the deployment"),
)

EPILOG = f"""\
configuration (each variable overridable by its option):
  CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY   credentials (no option: never on a command line)
  {ACCOUNT_ID}      --account-id
  {PROJECT}   --project
  {BASE_URL}        --base-url (default: Cloudflare's API)

in GitHub Actions: with GITHUB_OUTPUT set, writes the outputs id, url, preview_url, environment, state, stage;
with GITHUB_STEP_SUMMARY set, appends a short summary.

exit codes:
{chr(10).join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES)}
"""

_DURATION = re.compile(r"^(?:(?P<h>\d+(?:\.\d+)?)h)?(?:(?P<m>\d+(?:\.\d+)?)m)?(?:(?P<s>\d+(?:\.\d+)?)s?)?$")


def parse_duration(text: str) -> float:
    """Seconds from '20m', '90s', '1h30m' or '600' (seconds)."""
    match = _DURATION.match(text.strip())
    if not text.strip() or match is None:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (use e.g. 20m, 90s, 1h30m or 600)")
    hours, minutes, seconds = (float(match.group(unit) or 0) for unit in "hms")
    return hours * 3600 + minutes * 60 + seconds


def _positive_seconds(text: str) -> float:
    value = parse_duration(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("deployment_id", metavar="DEPLOYMENT_ID", help="the deployment's id (a UUID)")
    common.add_argument("--account-id", help=f"the account id (default: ${ACCOUNT_ID})")
    common.add_argument("--project", help=f"the Pages project's name (default: ${PROJECT})")
    common.add_argument("--base-url", help=f"the API's base URL (default: ${BASE_URL}, else Cloudflare's)")
    common.add_argument("--json", action="store_true", help="print the deployment as JSON instead of a summary")
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Get a Cloudflare Pages deployment, or wait until it has finished.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{get,wait}")
    commands.add_parser(
        "get",
        parents=[common],
        help="print the deployment",
        description="Print the deployment: a summary, or the body as JSON.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    wait = commands.add_parser(
        "wait",
        parents=[common],
        help="wait until the deployment has finished",
        description="Poll the deployment until it has finished; one line on stderr per change, then the summary.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    wait.add_argument(
        "--timeout",
        type=parse_duration,
        default=DEFAULT_WAIT_TIMEOUT,
        help=f"how long to wait in all, e.g. 20m, 90s (default: {format_duration(DEFAULT_WAIT_TIMEOUT)})",
    )
    wait.add_argument(
        "--poll-interval",
        type=_positive_seconds,
        default=DEFAULT_POLL_INTERVAL,
        help=f"seconds before a poll after a change (default: {DEFAULT_POLL_INTERVAL:g}; grows to 15 s while "
        "nothing changes)",
    )
    wait.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    return parser


def _setting(value: str | None, environ: Mapping[str, str], variable: str, option: str) -> str:
    found = (value or environ.get(variable, "")).strip()
    if not found:
        raise ConfigurationError(f"no {option.lstrip('-').replace('-', ' ')}: set {variable} or pass {option}")
    return found


def _text(value: object) -> str:
    return "" if value is None or isinstance(value, Unset) else str(value)


def _first_line(text: str, limit: int = 72) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def facts(deployment: Deployment, account_id: str) -> list[tuple[str, str]]:
    """The summary, as (label, value) pairs: what `get` prints and the end of `wait`. No secret is among them."""
    state = deployment_state(deployment)
    stage = ending_stage(deployment)
    metadata = deployment.deployment_trigger.metadata
    commit = " ".join(part for part in (metadata.commit_hash[:12], _first_line(metadata.commit_message)) if part)
    return [
        ("id", deployment.id),
        ("state", str(state)),
        ("stage", f"{stage.name} ({stage.status})"),
        ("environment", str(deployment.environment)),
        ("url", deployment.url),
        ("preview url", preview_url(deployment)),
        ("commit", commit),
        ("branch", metadata.branch),
        ("created", deployment.created_on.isoformat()),
        ("modified", deployment.modified_on.isoformat()),
        ("skip reason", _text(deployment.skip_reason)),
        ("dashboard", dashboard_url(deployment, account_id)),
    ]


def summary(deployment: Deployment, account_id: str) -> str:
    pairs = [(label, value) for label, value in facts(deployment, account_id) if value]
    width = max(len(label) for label, _ in pairs)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in pairs)


def github_outputs(deployment: Deployment) -> dict[str, str]:
    stage = ending_stage(deployment)
    return {
        "id": deployment.id,
        "url": deployment.url,
        "preview_url": preview_url(deployment),
        "environment": str(deployment.environment),
        "state": str(deployment_state(deployment)),
        "stage": str(stage.name),
    }


def _one_line(value: str) -> str:
    # GITHUB_OUTPUT reads `name=value` lines: a line break in a value would start another output.
    return " ".join(value.splitlines())


def _markdown_cell(value: str) -> str:
    return _one_line(value).replace("|", "\\|")


def _write_github(deployment: Deployment, account_id: str, environ: Mapping[str, str]) -> None:
    output_path = environ.get("GITHUB_OUTPUT")
    if output_path:
        with open(output_path, "a", encoding="utf-8") as output:
            for name, value in github_outputs(deployment).items():
                output.write(f"{name}={_one_line(value)}\n")
    summary_path = environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        rows = [(label, value) for label, value in facts(deployment, account_id) if value and label != "id"]
        lines = [
            f"### Cloudflare Pages deployment `{deployment.short_id}`: {deployment_state(deployment)}",
            "",
            "| | |",
            "|---|---|",
            *(f"| {label} | {_markdown_cell(value)} |" for label, value in rows),
            "",
        ]
        with open(summary_path, "a", encoding="utf-8") as step_summary:
            step_summary.write("\n".join(lines) + "\n")


def _report(deployment: Deployment, account_id: str, as_json: bool, stdout: TextIO) -> None:
    if as_json:
        stdout.write(json.dumps(deployment.to_dict(), indent=2) + "\n")
    else:
        stdout.write(summary(deployment, account_id) + "\n")
    stdout.flush()


class _Progress:
    """The lines a person watching a CI log sees: one per change, and one per poll that failed."""

    def __init__(self, stderr: TextIO, clock: Callable[[], float]) -> None:
        self._stderr = stderr
        self._clock = clock
        self._started = clock()

    def _line(self, text: str) -> None:
        self._stderr.write(f"[{format_duration(self._clock() - self._started)}] {text}\n")
        self._stderr.flush()

    def on_change(self, deployment: Deployment) -> None:
        stage = deployment.latest_stage
        self._line(f"{stage.name} {stage.status} ({deployment_state(deployment)})")

    def on_error(self, error: Exception) -> None:
        self._line(f"poll failed, polling on: {error}")


def exit_code(error: Exception) -> int:
    """The exit code an error means (the table in EXIT_CODES)."""
    if isinstance(error, DeploymentFailedError):
        return EXIT_DEPLOYMENT_FAILED
    if isinstance(error, DeploymentSkippedError):
        return EXIT_SKIPPED
    if isinstance(error, WaitTimeoutError):
        return EXIT_TIMEOUT
    if isinstance(error, AuthenticationError | NotFoundError):
        return EXIT_REJECTED
    if isinstance(error, ConfigurationError | ValueError):
        return EXIT_USAGE
    if isinstance(error, APIError) and 400 <= error.status_code < 500 and error.status_code != 429:
        return EXIT_USAGE  # e.g. 400 code 7003: Cloudflare cannot route an id of this shape
    return EXIT_UNAVAILABLE


def run(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] = os.environ,
    stdout: TextIO = sys.stdout,
    stderr: TextIO = sys.stderr,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """The command: its exit code. Every expected failure is one line on stderr, never a traceback."""
    args = build_parser().parse_args(argv)
    deployment: Deployment | None = None
    account_id = ""
    try:
        account_id = _setting(args.account_id, environ, ACCOUNT_ID, "--account-id")
        project = _setting(args.project, environ, PROJECT, "--project")
        settings = dict(environ)
        if args.base_url:
            settings[BASE_URL] = args.base_url
        with client_from_env(settings) as client:
            ids = {"account_id": account_id, "project_name": project, "deployment_id": args.deployment_id}
            if args.command == "get":
                deployment = get_deployment(client, **ids)
            else:
                progress = None if args.quiet else _Progress(stderr, clock)
                deployment = wait_for_deployment(
                    client,
                    **ids,
                    timeout=args.timeout,
                    poll_interval=args.poll_interval,
                    on_change=progress.on_change if progress else None,
                    on_error=progress.on_error if progress else None,
                )
    except CloudflarePagesError as error:
        last = getattr(error, "deployment", None)
        if isinstance(last, Deployment):
            _write_github(last, account_id, environ)
            _report(last, account_id, args.json, stdout)
        stderr.write(f"{PROG}: error: {error}\n")
        return exit_code(error)
    except ValueError as error:  # a path parameter that cannot be sent
        stderr.write(f"{PROG}: error: {error}\n")
        return EXIT_USAGE
    _write_github(deployment, account_id, environ)
    _report(deployment, account_id, args.json, stdout)
    return EXIT_SUCCESS


def main() -> int:
    try:
        return run()
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130


__all__ = ["EXIT_CODES", "build_parser", "exit_code", "facts", "github_outputs", "main", "parse_duration", "run"]
