"""The environment of a live run pointed at a local server (CLOUDFLARE_BASE_URL), for the live run's tests."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

from cloudflare_pages_client.testing.recordings import ACCOUNT_PLACEHOLDER, RECORDINGS_DIR, Recording, load
from cloudflare_pages_client.testing.replay_server import REPLAY_TOKEN

ACCOUNT = ACCOUNT_PLACEHOLDER
GOOD = "3b0f6c1e-8d2a-4f7b-9c3e-5a1d2e4f6b70"
DRIFTING = "2468ace0-1357-4b9d-8f0e-a1c3e5f7b9d2"
# The deployment of github-push-with-source.json, which has env vars of both types.
WITH_ENV_VARS = "c9a8b7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d"


def environment(url: str, reports: Path, **overrides: str) -> dict[str, str]:
    return {
        "CLOUDFLARE_API_TOKEN": REPLAY_TOKEN,
        "CLOUDFLARE_ACCOUNT_ID": ACCOUNT,
        "CLOUDFLARE_PAGES_PROJECT": "docs-site",
        "CLOUDFLARE_PAGES_DEPLOYMENT_ID": GOOD,
        "CLOUDFLARE_BASE_URL": url,
        "CONTRACT_LIVE_MIN_INTERVAL": "0",
        "CONTRACT_REPORTS_DIR": str(reports),
        **overrides,
    }


def with_result(name: str, **changes: Any) -> Recording:
    """A recording whose body's `result` has these fields set (the rest as recorded)."""
    recording = load(RECORDINGS_DIR / f"{name}.json")
    body: Any = copy.deepcopy(recording.body)
    body["result"].update(changes)
    return dataclasses.replace(recording, body=body)
