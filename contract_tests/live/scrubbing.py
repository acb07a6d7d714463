"""Take every credential, the account id and every redacted value out of what the live run prints, logs and writes."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from cloudflare_pages_client.testing.recordings import ACCOUNT_PLACEHOLDER
from contract_tests.live.config import LiveConfig

# The loggers that see URLs (with the account id) and requests during a live run.
SCRUBBED_LOGGERS = ("httpx", "httpcore", "cloudflare_pages_client", "urllib3")
# A redacted value this short ("22", "true") is no secret worth hiding, and hiding it would garble the report.
SHORTEST_LEARNED = 6


class Scrubber:
    """Takes every credential, the account id and what redaction removed out of text before it is shown.

    The live run's messages are built from redacted exchanges; this is the one place that also catches a
    value quoted from a raw reply (an exception's text, a log line). It also makes the text writable as
    UTF-8: a reply may carry a lone surrogate (`"\\ud800"`), which no file or terminal can take.
    """

    def __init__(self, config: LiveConfig) -> None:
        self._replacements = {secret: "[REDACTED]" for secret in config.secrets}
        self._replacements[config.account_id] = ACCOUNT_PLACEHOLDER

    def learn(self, values: Iterable[str]) -> None:
        """Values redaction took out of a reply: none of them may appear in any text either."""
        for value in values:
            if len(value) >= SHORTEST_LEARNED:
                self._replacements.setdefault(value, "[REDACTED]")

    def __call__(self, text: str) -> str:
        # Longest first, so that a secret containing another is replaced whole.
        for old in sorted(self._replacements, key=len, reverse=True):
            text = text.replace(old, self._replacements[old])
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class ScrubbingFilter(logging.Filter):
    """Rewrites every log record of the HTTP stack before any handler sees it."""

    def __init__(self, scrub: Scrubber) -> None:
        super().__init__()
        self._scrub = scrub

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._scrub(record.getMessage())
        record.args = None
        return True
