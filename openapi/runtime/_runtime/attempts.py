"""How many times a request was sent: the retrying transport records it on the request, errors read it.

Its own module so that limits.py (which builds the too-large error inside the transport) and wire.py can
read the count without importing the transport.
"""

import httpx

from .constants import ATTEMPTS_EXTENSION


def attempts_made(request: httpx.Request) -> int | None:
    """How many times the retrying transport sent `request`; None when it never saw it."""
    made = request.extensions.get(ATTEMPTS_EXTENSION)
    return made if isinstance(made, int) else None


def reply_attempts(response: httpx.Response) -> int:
    """How many times the request `response` answers was sent: 1 when the retrying transport never saw it."""
    try:
        request = response.request
    except RuntimeError:  # a response built by hand, never sent
        return 1
    return attempts_made(request) or 1


__all__ = ["attempts_made", "reply_attempts"]
