"""Credentials on the wire, never in a repr."""

from collections.abc import Generator, Mapping

import httpx

from .constants import REDACTED, SENSITIVE_HEADERS


class HeaderAuth(httpx.Auth):
    """Adds fixed headers to every request; its repr never shows them."""

    def __init__(self, headers: Mapping[str, str]) -> None:
        self._headers = dict(headers)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        yield request

    def __repr__(self) -> str:
        return f"HeaderAuth(headers=[{', '.join(sorted(self._headers))}])"


def redacted_headers(headers: Mapping[str, str]) -> str:
    """The repr of `headers` with every sensitive value replaced by "[redacted]"."""
    shown = {name: (REDACTED if name.lower() in SENSITIVE_HEADERS else value) for name, value in headers.items()}
    return repr(shown)


__all__ = ["HeaderAuth", "redacted_headers"]
