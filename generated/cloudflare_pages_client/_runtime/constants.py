"""Every default of the client, in one place (as Cloudflare's Python SDK keeps its own in one module)."""

import httpx

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
# Cloudflare's SDK waits 60 s for an answer, 5 s for a connection.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

# Backoff: the first wait, doubled on each retry up to the longest, then shortened by up to this fraction at random.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
RETRY_JITTER = 0.25
# The longest wait a Retry-After header can ask for; a longer ask waits this long.
MAX_RETRY_AFTER = 60.0

# The request extension that overrides the client's max_retries for one call.
MAX_RETRIES_EXTENSION = "cloudflare_pages_client.max_retries"

# Header names (lower-case) whose values never appear in a repr.
SENSITIVE_HEADERS = frozenset({"authorization", "x-auth-key", "x-auth-email", "cookie"})

# How much of an unreadable body an error keeps and shows.
BODY_EXCERPT_BYTES = 200

LOGGER_NAME = "cloudflare_pages_client"

__all__ = [
    "BODY_EXCERPT_BYTES",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "INITIAL_RETRY_DELAY",
    "LOGGER_NAME",
    "MAX_RETRIES_EXTENSION",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "RETRY_JITTER",
    "SENSITIVE_HEADERS",
]
