"""Every default of the client, in one place (as Cloudflare's Python SDK keeps its own in one module)."""

import httpx

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
# Cloudflare's SDK waits 60 s for an answer, 5 s for a connection.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
# The whole call, retries and waits included (deadline.py): three full 60 s attempts; a slow drip ends here.
DEFAULT_DEADLINE = 180.0
# The largest reply accepted, after decompression (limits.py): a deployment is a few KB; 4 MiB leaves room for
# hundreds of aliases and env vars, and stops a 200 MB reply, an endless stream or a gzip bomb.
DEFAULT_MAX_REPLY_BYTES = 4 * 1024 * 1024

# httpx's own default pool size (httpx.Limits(max_connections=100)), the bound on one client's calls in flight.
DEFAULT_POOL_SIZE = 100

# Backoff: the first wait, doubled on each retry up to the longest, then shortened by up to this fraction at random.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
RETRY_JITTER = 0.25
# The longest wait a Retry-After header can ask for; a longer ask waits this long.
MAX_RETRY_AFTER = 60.0

# The request extension that overrides the client's max_retries for one call.
MAX_RETRIES_EXTENSION = "cloudflare_pages_client.max_retries"
# The request extension where the retrying transport counts the attempts it made.
ATTEMPTS_EXTENSION = "cloudflare_pages_client.attempts"

# What stands in for a secret in a repr or an error message.
REDACTED = "[redacted]"
# Shorter secrets are not scrubbed from error messages: replacing every "t" would make them unreadable, and no
# real credential is that short (tokens are 40 characters, Global API keys 37).
MIN_SCRUBBED_LENGTH = 6
# Header names (lower-case) whose values never appear in a repr.
SENSITIVE_HEADERS = frozenset({"authorization", "x-auth-key", "x-auth-email", "cookie"})

# How much of an unreadable body an error keeps and shows.
BODY_EXCERPT_BYTES = 200

LOGGER_NAME = "cloudflare_pages_client"

# Waiting for a deployment (polling.py). Cloudflare allows 1,200 requests per five minutes per user, shared by
# everything that uses the token: the first poll comes 2 s after the first answer (a deployment moves in
# seconds at its start), the interval grows by half while nothing changes, up to 15 s, and falls back to 2 s at
# each change. A 10-minute wait that never changes sends 45 requests (44 polls, then one at the deadline):
# 6 in the first 26.4 s, then 4 a minute; about 1.7 % of the budget.
DEFAULT_POLL_INTERVAL = 2.0
POLL_BACKOFF = 1.5
MAX_POLL_INTERVAL = 15.0
# Long enough for a Git build (Cloudflare stops a build after 20 minutes).
DEFAULT_WAIT_TIMEOUT = 20 * 60.0

__all__ = [
    "ATTEMPTS_EXTENSION",
    "BODY_EXCERPT_BYTES",
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_REPLY_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_POOL_SIZE",
    "DEFAULT_TIMEOUT",
    "DEFAULT_WAIT_TIMEOUT",
    "INITIAL_RETRY_DELAY",
    "LOGGER_NAME",
    "MAX_POLL_INTERVAL",
    "MAX_RETRIES_EXTENSION",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "MIN_SCRUBBED_LENGTH",
    "POLL_BACKOFF",
    "REDACTED",
    "RETRY_JITTER",
    "SENSITIVE_HEADERS",
]
