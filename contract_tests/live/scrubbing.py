"""Take every credential and the account id out of what the live run prints, logs and writes."""

from __future__ import annotations

import logging

from contract_tests.kit.recordings import ACCOUNT_PLACEHOLDER
from contract_tests.live.config import LiveConfig

# The loggers that see URLs (with the account id) and requests during a live run.
SCRUBBED_LOGGERS = ("httpx", "httpcore", "cloudflare_pages_client", "urllib3")


class Scrubber:
    """Takes every credential and the account id out of text before it is printed or written."""

    def __init__(self, config: LiveConfig) -> None:
        self._replacements = [(secret, "[REDACTED]") for secret in config.secrets]
        self._replacements.append((config.account_id, ACCOUNT_PLACEHOLDER))

    def __call__(self, text: str) -> str:
        for old, new in self._replacements:
            text = text.replace(old, new)
        return text


class ScrubbingFilter(logging.Filter):
    """Rewrites every log record of the HTTP stack before any handler sees it."""

    def __init__(self, scrub: Scrubber) -> None:
        super().__init__()
        self._scrub = scrub

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._scrub(record.getMessage())
        record.args = None
        return True
