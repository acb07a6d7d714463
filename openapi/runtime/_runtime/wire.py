"""Between an operation and httpx: what every generated operation does the same way.

The generated operation module keeps what varies with the spec (method, path,
parameters, the status -> model table) and calls these for the rest: path
segments that stay one segment, per-call options, typed errors for transport
failures and unreadable bodies, status codes outside HTTPStatus.
"""

import functools
import json
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

import httpx

from .attempts import attempts_made, reply_attempts
from .clients import Client
from .constants import MAX_RETRIES_EXTENSION
from .deadline import DeadlineExceeded
from .errors import (
    APIConnectionError,
    APITimeoutError,
    CloudflarePagesError,
    RedirectError,
    ResponseDecodeError,
    UnexpectedStatus,
)
from .memo import remember_string_values
from .retry import check_max_retries
from .scrubbing import scrubbing
from .shapes import JSONShapeError
from .types import Response, Unset
from .urls import with_absolute_url

T_co = TypeVar("T_co", covariant=True)

# Unicode's categories Cc (C0, DEL, C1) and Cs (surrogates), in one search rather than a call per character
# (`make bench`: unicodedata.category() per character cost 7 us of every call).
_CONTROL_CHARACTER = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff]")
# Every status Python names, by number: a dict lookup per response instead of calling the enum.
_HTTP_STATUSES = {status.value: status for status in HTTPStatus}


@remember_string_values  # an account, project or deployment repeats: checked and quoted once (memo.py)
def path_segment(name: str, value: object) -> str:
    """`value` quoted as one path segment; TypeError unless it is text, ValueError when it cannot stay one.

    Quoting leaves dots alone, and httpx would normalise "." and ".." into another endpoint's path.
    Only text is accepted: str() would send None, 42 or b'x' as '/None', '/42' or "/b'x'".
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    text = value
    if text in ("", ".", ".."):
        raise ValueError(
            f"{name} must be a name, not {text!r}: an empty, '.' or '..' segment would send the request "
            "to another endpoint"
        )
    found = _CONTROL_CHARACTER.search(text)
    if found is not None:
        raise ValueError(f"{name} contains a control character ({found.group()!r} at position {found.start()})")
    return quote(text, safe="")


@functools.lru_cache(maxsize=64)  # a server sends one or two Content-Type values: each is tested once
def is_json_content_type(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def http_status(code: int) -> HTTPStatus | int:
    """The HTTPStatus member, or the plain number where Python has none (Cloudflare's 520-530)."""
    return _HTTP_STATUSES.get(code, code)


def request_options(timeout: httpx.Timeout | float | Unset | None, max_retries: int | None) -> dict[str, Any]:
    """The httpx request arguments for a per-call `timeout` and `max_retries` (UNSET and None: the client's)."""
    options: dict[str, Any] = {}
    if not isinstance(timeout, Unset):
        options["timeout"] = timeout
    if max_retries is not None:
        options["extensions"] = {MAX_RETRIES_EXTENSION: check_max_retries(max_retries)}
    return options


def transport_error(error: httpx.TransportError, pool_size: int | None = None) -> APIConnectionError:
    """The typed error for a request that got no answer, with the attempts the retrying transport made."""
    try:
        url = str(error.request.url)
        attempts = attempts_made(error.request) or 1
    except RuntimeError:  # httpx raised before the request existed
        url, attempts = "the API", 1
    tries = f"{attempts} attempts" if attempts > 1 else "1 attempt"
    if isinstance(error, DeadlineExceeded):
        return APITimeoutError(
            f"No complete answer from {url} after {tries}: {error}. The server may be sending very slowly; "
            "raise the client's deadline (deadline=...) if the wait is expected.",
            url=url,
            attempts=attempts,
        )
    if isinstance(error, httpx.PoolTimeout):
        busy = f"all {pool_size} connections" if pool_size is not None else "every connection"
        return APITimeoutError(
            f"Nothing was sent to {url}: {busy} of the client's pool stayed busy for the whole pool timeout "
            "(PoolTimeout). Make fewer concurrent calls on one client, or raise its pool "
            "(httpx_args={'limits': httpx.Limits(max_connections=...)}) or the timeout.",
            url=url,
            attempts=attempts,
        )
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(
            f"No answer from {url} within the timeout after {tries} ({type(error).__name__}). "
            "Check the network, or raise the timeout (timeout=...).",
            url=url,
            attempts=attempts,
        )
    return APIConnectionError(
        f"Could not get an answer from {url} after {tries} ({type(error).__name__}: {error}). "
        "Check the network and the base URL.",
        url=url,
        attempts=attempts,
    )


def _request_failure(error: httpx.HTTPError | httpx.InvalidURL, pool_size: int | None) -> Exception:
    """The typed error for httpx's failure before an answer was read."""
    if isinstance(error, httpx.InvalidURL):
        # Raised while building the request, before anything is sent (a path parameter of 100 KB, say).
        return ValueError(f"The request URL is invalid: {error}")
    if isinstance(error, httpx.TransportError):
        return transport_error(error, pool_size)
    try:
        url = str(error.request.url)
    except RuntimeError:
        url = "the API"
    # TooManyRedirects (an httpx.Client given with set_httpx_client that follows them), StreamError, ...
    return APIConnectionError(f"No answer from {url} ({type(error).__name__}: {error}).", url=url, attempts=1)


def _read_failure(response: httpx.Response, error: httpx.HTTPError, pool_size: int | None) -> Exception:
    """The typed error for a body that arrived but cannot be read."""
    if isinstance(error, httpx.DecodingError):
        encoding = response.headers.get("content-encoding", "")
        return ResponseDecodeError(
            status_code=response.status_code,
            content_type=response.headers.get("content-type", ""),
            body=b"",
            reason=f"the body does not decode as its Content-Encoding {encoding!r} says: {error}",
            attempts=reply_attempts(response),
        )
    return _request_failure(error, pool_size)


def send(
    client: Client, kwargs: dict[str, Any], timeout: httpx.Timeout | float | Unset | None, max_retries: int | None
) -> httpx.Response:
    """Send the request `kwargs` describes and read the answer; every httpx failure becomes a typed error."""
    with scrubbing(client._credentials()):
        return _send(client, kwargs, timeout, max_retries)


def _send(
    client: Client, kwargs: dict[str, Any], timeout: httpx.Timeout | float | Unset | None, max_retries: int | None
) -> httpx.Response:
    http = client.get_httpx_client()
    try:
        response = http.send(
            http.build_request(**with_absolute_url(kwargs, http), **request_options(timeout, max_retries)), stream=True
        )
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise _request_failure(error, client._pool_size()) from error
    try:
        response.read()
    except httpx.HTTPError as error:
        raise _read_failure(response, error, client._pool_size()) from error
    finally:
        response.close()
    return response


async def send_async(
    client: Client, kwargs: dict[str, Any], timeout: httpx.Timeout | float | Unset | None, max_retries: int | None
) -> httpx.Response:
    """The async twin of send; at most the pool's size of these are in flight at once (limits.py)."""
    with scrubbing(client._credentials()):
        async with client._async_call_slot():
            return await _send_async(client, kwargs, timeout, max_retries)


async def _send_async(
    client: Client, kwargs: dict[str, Any], timeout: httpx.Timeout | float | Unset | None, max_retries: int | None
) -> httpx.Response:
    http = client.get_async_httpx_client()
    try:
        request = http.build_request(**with_absolute_url(kwargs, http), **request_options(timeout, max_retries))
        response = await http.send(request, stream=True)
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise _request_failure(error, client._pool_size()) from error
    try:
        await response.aread()
    except httpx.HTTPError as error:
        raise _read_failure(response, error, client._pool_size()) from error
    finally:
        await response.aclose()
    return response


class ResponseParser(Protocol[T_co]):
    """A generated operation's `_parse_response`: the status -> model table."""

    def __call__(self, *, client: Client, response: httpx.Response) -> T_co | None: ...


def decode(client: Client, response: httpx.Response, parse: ResponseParser[T_co]) -> T_co | None:
    """The parsed body; None for an error reply whose body is in no known shape; else ResponseDecodeError.

    Never a bare KeyError or JSONDecodeError.
    """
    content_type = response.headers.get("content-type", "")
    if 300 <= response.status_code < 400:
        # No 3xx is documented, and none is followed (redirects.py): the status and Location say what it is.
        if client.raise_on_unexpected_status:
            raise unexpected_status(response.status_code, response.headers, response.content)
        return None
    if not is_json_content_type(str(content_type)):
        if response.status_code >= 400:
            # Cloudflare's HTML pages (5xx from its edge, a 403 from its firewall): the status says what it is,
            # and the raw body stays in Response.content.
            return None
        raise ResponseDecodeError(
            status_code=response.status_code,
            content_type=content_type,
            body=response.content,
            reason="not JSON",
            attempts=reply_attempts(response),
        )
    try:
        return parse(client=client, response=response)
    except CloudflarePagesError:
        raise
    except (KeyError, RecursionError, ValueError, TypeError, AttributeError, OverflowError) as error:
        if response.status_code >= 400:
            # An error reply is classified by its status alone; a body in no known shape stays in Response.content.
            return None
        if says_it_failed(response.content):
            # Cloudflare's own envelope saying `success: false` on a 2xx: an error reply, not a broken body.
            return None
        raise ResponseDecodeError(
            status_code=response.status_code,
            content_type=content_type,
            body=response.content,
            reason=_reason(error),
            pointer=error.pointer if isinstance(error, JSONShapeError) else None,
            attempts=reply_attempts(response),
        ) from error


def says_it_failed(content: bytes) -> bool:
    """Whether a body is a JSON object saying `success: false` (Cloudflare's word that the call failed)."""
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("success") is False


def _reason(error: Exception) -> str:
    if isinstance(error, JSONShapeError):
        return f"its shape departs from the models: {error}"
    if isinstance(error, KeyError):
        return f"required field {error} is missing"
    if isinstance(error, RecursionError):
        return "JSON nested deeper than Python can read"
    return f"{type(error).__name__}: {error}"


def unexpected_status(status_code: int, headers: Mapping[str, str], content: bytes) -> UnexpectedStatus:
    """UnexpectedStatus, or RedirectError naming the Location for a redirect."""
    location = headers.get("location")
    if 300 <= status_code < 400 and location is not None:
        return RedirectError(status_code, content, location)
    return UnexpectedStatus(status_code, content)


def build_response(client: Client, response: httpx.Response, parse: ResponseParser[T_co]) -> Response[T_co]:
    with scrubbing(client._credentials()):
        parsed = decode(client, response, parse)
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        attempts=reply_attempts(response),
    )


__all__ = [
    "ResponseParser",
    "build_response",
    "decode",
    "http_status",
    "is_json_content_type",
    "path_segment",
    "request_options",
    "says_it_failed",
    "send",
    "send_async",
    "transport_error",
    "unexpected_status",
]
