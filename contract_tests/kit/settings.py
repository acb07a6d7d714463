"""Every `CONTRACT_*` setting, read here and nowhere else, each with its default.

The offline checks are deterministic by default (fixed seed, derandomized), so
CI gives the same verdict on the same code; `CONTRACT_RANDOM=1` draws new cases
on every run and `CONTRACT_EXAMPLES=N` sets how many (e.g. `make contract
CONTRACT_RANDOM=1 CONTRACT_EXAMPLES=2000` for a longer exploration). The live
run reads its budget, pacing, deadline and report folder here too. contract_tests/README.md
documents each variable; a test keeps that table and this module in step.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

from contract_tests.kit.paths import REPORTS_DIR

SEED = 42
DEFAULT_BODY_EXAMPLES = 200
DEFAULT_REQUEST_EXAMPLES = 100
DEFAULT_LIVE_MAX_REQUESTS = 50
# Cloudflare allows 1,200 requests per five minutes: one every 0.25 s.
CLOUDFLARE_MIN_INTERVAL = 300.0 / 1200.0
# A pause longer than this between two requests is a typo, not a rate limit.
MAX_LIVE_MIN_INTERVAL = 60.0
# Each live request, retries and waits included, ends within this (a server dripping its reply would otherwise hold
# the run): the default budget of 50 requests at 30 s each stays within the nightly job's 30 minutes.
DEFAULT_LIVE_DEADLINE = 30.0
MIN_LIVE_DEADLINE = 1.0
MAX_LIVE_DEADLINE = 600.0

# name: what it sets, as contract_tests/README.md's settings table states it.
VARIABLES = {
    "CONTRACT_FAIL_ON_DRIFT": "any drift fails the run",
    "CONTRACT_RANDOM": "new random cases each run",
    "CONTRACT_EXAMPLES": "generated bodies (and schemathesis cases) per offline run",
    "CONTRACT_LIVE_MAX_REQUESTS": "the live run's request budget for the whole run",
    "CONTRACT_LIVE_MIN_INTERVAL": "seconds between live requests",
    "CONTRACT_LIVE_DEADLINE": "seconds each live request may take, retries included",
    "CONTRACT_REPORTS_DIR": "where the live run writes its reports",
}


class SettingError(ValueError):
    """A setting has a value that cannot be used: the message names the variable."""


def _text(environ: Mapping[str, str], name: str) -> str:
    return environ.get(name, "").strip()


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return _text(environ, name) not in ("", "0")


def _whole_number(environ: Mapping[str, str], name: str, default: int) -> int:
    text = _text(environ, name)
    try:
        number = int(text) if text else default
    except ValueError:
        number = -1
    if number < 0:
        raise SettingError(f"{name} must be a whole number, not {text!r}")
    return number


def fail_on_drift(environ: Mapping[str, str] = os.environ) -> bool:
    """Drift is reported and allowed by default; set CONTRACT_FAIL_ON_DRIFT=1 to make any drift fail the run."""
    return _flag(environ, "CONTRACT_FAIL_ON_DRIFT")


def random_cases(environ: Mapping[str, str] = os.environ) -> bool:
    return _flag(environ, "CONTRACT_RANDOM")


def body_examples(environ: Mapping[str, str] = os.environ) -> int:
    return _whole_number(environ, "CONTRACT_EXAMPLES", DEFAULT_BODY_EXAMPLES)


def request_examples(environ: Mapping[str, str] = os.environ) -> int:
    return _whole_number(environ, "CONTRACT_EXAMPLES", DEFAULT_REQUEST_EXAMPLES)


def live_max_requests(environ: Mapping[str, str] = os.environ) -> int:
    """An empty value is the default: the nightly workflow passes its input through, given or not."""
    return _whole_number(environ, "CONTRACT_LIVE_MAX_REQUESTS", DEFAULT_LIVE_MAX_REQUESTS)


def _seconds(environ: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    text = _text(environ, name)
    try:
        seconds = float(text) if text else default
    except ValueError:
        seconds = math.nan
    if not low <= seconds <= high:  # also refuses nan
        raise SettingError(f"{name} must be a number of seconds from {low:g} to {high:g}, not {text!r}")
    return seconds


def live_min_interval(environ: Mapping[str, str] = os.environ) -> float:
    return _seconds(environ, "CONTRACT_LIVE_MIN_INTERVAL", CLOUDFLARE_MIN_INTERVAL, 0.0, MAX_LIVE_MIN_INTERVAL)


def live_deadline(environ: Mapping[str, str] = os.environ) -> float:
    """The client's total deadline for each live request: its per-read timeouts alone let a drip last forever."""
    return _seconds(environ, "CONTRACT_LIVE_DEADLINE", DEFAULT_LIVE_DEADLINE, MIN_LIVE_DEADLINE, MAX_LIVE_DEADLINE)


def reports_dir(environ: Mapping[str, str] = os.environ) -> Path:
    text = _text(environ, "CONTRACT_REPORTS_DIR")
    return Path(text) if text else REPORTS_DIR


# The offline suite's settings, read once when pytest imports the checks.
RANDOM = random_cases()
BODY_EXAMPLES = body_examples()
REQUEST_EXAMPLES = request_examples()
FAIL_ON_DRIFT = fail_on_drift()
