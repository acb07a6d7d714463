"""One scrubber for every error built from a reply: a server that echoes the request's headers (a proxy, a
debugging endpoint) must not put the client's credentials into an error message or attribute."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .constants import MIN_SCRUBBED_LENGTH, REDACTED
from .errors import APIError, CloudflarePagesError, RedirectError, ResponseDecodeError, UnexpectedStatus


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def scrub_bytes(data: bytes, secrets: Iterable[str]) -> bytes:
    for secret in secrets:
        data = data.replace(secret.encode("utf-8"), REDACTED.encode())
    return data


def scrub_error(error: CloudflarePagesError, secrets: tuple[str, ...]) -> None:
    """Replace every secret in `error`'s message and in the attributes it copied from the reply, in place."""
    secrets = tuple(secret for secret in secrets if len(secret) >= MIN_SCRUBBED_LENGTH)
    if not secrets:
        return
    error.args = tuple(scrub_text(arg, secrets) if isinstance(arg, str) else arg for arg in error.args)
    if isinstance(error, APIError):
        error.messages = [scrub_text(message, secrets) for message in error.messages]
    if isinstance(error, ResponseDecodeError):
        error.body_start = scrub_bytes(error.body_start, secrets)
        error.reason = scrub_text(error.reason, secrets)
    if isinstance(error, UnexpectedStatus):
        error.content = scrub_bytes(error.content, secrets)
    if isinstance(error, RedirectError):
        error.location = scrub_text(error.location, secrets)


@contextmanager
def scrubbing(secrets: tuple[str, ...]) -> Iterator[None]:
    """Every CloudflarePagesError raised inside leaves with `secrets` scrubbed."""
    try:
        yield
    except CloudflarePagesError as error:
        scrub_error(error, secrets)
        raise


__all__ = ["scrub_bytes", "scrub_error", "scrub_text", "scrubbing"]
