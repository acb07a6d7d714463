"""Nothing under contract_tests/ or the test kit (openapi/runtime/testing/, recordings included) looks like a
credential or a real account id."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cloudflare_pages_client.testing.recordings import ACCOUNT_PLACEHOLDER
from contract_tests.kit.paths import ROOT
from contract_tests.live.redaction import REDACTED

CREDENTIAL_PATTERNS = {
    "bearer token": re.compile(r"Bearer\s+(?!REDACTED)[A-Za-z0-9_\-.]{20,}"),
    # Cloudflare API tokens: 40 characters of [A-Za-z0-9_-], mixed case (a git SHA is hex, lower case).
    "API token": re.compile(
        r"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])"
    ),
    # Global API keys: 37 lower-case hexadecimal characters.
    "Global API key": re.compile(r"(?<![0-9a-f])[0-9a-f]{37}(?![0-9a-f])"),
    "X-Auth-Key header": re.compile(r"X-Auth-Key\s*[:=]\s*\S+", re.IGNORECASE),
}
# Values that only look secret: Cloudflare's documentation example for web_analytics_token.
DOCUMENTED_EXAMPLES = {"021e1057c18547eca7b79f2516f06o7x"}
SECRET_KEYS = re.compile(r"(token|secret|password|api_key|authorization)$", re.IGNORECASE)


# The kit's source; generated/ holds its copy, byte for byte (make check-generated).
SCANNED = ("contract_tests", "openapi/runtime/testing")


def committed_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", *SCANNED], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return sorted(p for folder in SCANNED for p in (ROOT / folder).rglob("*") if p.is_file())
    return [ROOT / name for name in listed]


FILES = committed_files()


def test_there_are_files_to_scan() -> None:
    assert sum(1 for path in FILES if path.parent.name == "recordings" and path.suffix == ".json") >= 14


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_credential_looking_strings(path: Path) -> None:
    text = path.read_text(errors="replace")
    for name, pattern in CREDENTIAL_PATTERNS.items():
        assert [m.group(0) for m in pattern.finditer(text)] == [], f"{name} in {path.name}"


def secret_values(node: Any, pointer: str = "") -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{pointer}/{key}"
            secret_type = node.get("type") == "secret_text" and key == "value"
            looks_secret = (SECRET_KEYS.search(key) or secret_type) and isinstance(value, str)
            if looks_secret and value not in ("", REDACTED) and value not in DOCUMENTED_EXAMPLES:
                found.append(where)
            found += secret_values(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += secret_values(value, f"{pointer}/{index}")
    return found


RECORDINGS = [p for p in FILES if p.parent.name == "recordings" and p.suffix == ".json"]


@pytest.mark.parametrize("path", RECORDINGS, ids=lambda p: p.name)
def test_recordings_hold_no_secret_values_and_no_real_account(path: Path) -> None:
    recording = json.loads(path.read_text())
    assert secret_values(recording) == []
    assert recording["request"]["path_params"]["account_id"] == ACCOUNT_PLACEHOLDER


# The API token of Cloudflare's documentation example, kept apart so no line holds a whole header.
DOCUMENTED_EXAMPLE_TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY"


def test_the_scan_catches_what_it_should() -> None:
    planted = (
        f"Authorization: Bearer {DOCUMENTED_EXAMPLE_TOKEN}\n"
        "key 144c9defac04969c7bfad8efaa8ea194abcde\n"
        "sha c0ffee1234567890abcdef1234567890abcdef12\n"
    )
    hits = {name: [m.group(0) for m in p.finditer(planted)] for name, p in CREDENTIAL_PATTERNS.items()}
    assert hits["bearer token"] == [f"Bearer {DOCUMENTED_EXAMPLE_TOKEN}"]
    assert hits["API token"] == [DOCUMENTED_EXAMPLE_TOKEN]
    assert hits["Global API key"] == ["144c9defac04969c7bfad8efaa8ea194abcde"]
    assert secret_values({"env_vars": {"K": {"type": "secret_text", "value": "hunter2"}}}) == ["/env_vars/K/value"]
    assert secret_values({"build_config": {"web_analytics_token": REDACTED}}) == []
