"""Every error this package raises, and how an error reply becomes one.

    CloudflarePagesError
    ├── APIConnectionError          no answer: connection refused or dropped (after the retries)
    │   └── APITimeoutError         no answer within the timeout (after the retries)
    ├── ConfigurationError          the environment does not say how to connect (client_from_env, the CLI)
    ├── ResponseDecodeError         an answer, but not the JSON the spec promises
    ├── UnexpectedStatus            a status code the spec does not document
    │   └── RedirectError           a 3xx: the client never follows one (redirects.py); see location
    └── APIError                    Cloudflare answered with an error
        ├── AuthenticationError     401/403: the token or key is wrong, expired or lacks permission
        ├── NotFoundError           404: no such project or deployment
        ├── RateLimitError          429: too many requests; see retry_after
        └── ServerError             5xx, including Cloudflare's own 520-530

Waiting for a deployment adds DeploymentFailedError, DeploymentSkippedError and WaitTimeoutError
(waiting.py), each a CloudflarePagesError carrying the last Deployment seen.

An error reply's class is chosen by its HTTP status alone; its codes and messages are read from
Cloudflare's envelope (`errors[]`) or from a flat `{code, message}` body.

No message ever contains a token or an API key: the request's headers are never read here.
"""

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from .constants import BODY_EXCERPT_BYTES

_EDGE_STATUS = {
    520: "Web server returned an unknown error",
    521: "Web server is down",
    522: "Connection timed out",
    523: "Origin is unreachable",
    524: "A timeout occurred",
    525: "SSL handshake failed",
    526: "Invalid SSL certificate",
    527: "Railgun error",
    530: "Origin DNS error",
}


def status_text(status_code: int) -> str:
    """'404 Not Found', '522 Connection timed out (Cloudflare edge)', or just the number."""
    if status_code in _EDGE_STATUS:
        return f"{status_code} {_EDGE_STATUS[status_code]} (Cloudflare edge)"
    try:
        return f"{status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return str(status_code)


class CloudflarePagesError(Exception):
    """The base of every error this package raises."""


class ConfigurationError(CloudflarePagesError, ValueError):
    """Credentials or settings missing or contradictory in the environment; the message names the variables."""


class APIConnectionError(CloudflarePagesError):
    """Cloudflare could not be reached, or the connection broke before an answer came (after the retries)."""

    def __init__(self, message: str, *, url: str, attempts: int) -> None:
        self.url = url
        self.attempts = attempts
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """No answer within the timeout (after the retries)."""


class ResponseDecodeError(CloudflarePagesError):
    """The answer is not the JSON the spec promises for its status: the body is kept, in part, to look at.

    Attributes:
        pointer: Where the body departs from the models (a JSON pointer from the body's root, "/result/id"),
            when it is JSON whose shape is wrong; None when it is not JSON at all.
        attempts: How many times the request was sent, retries included (a 503 retried, then this answer).
    """

    def __init__(
        self,
        *,
        status_code: int,
        content_type: str,
        body: bytes,
        reason: str,
        pointer: str | None = None,
        attempts: int = 1,
    ) -> None:
        self.status_code = status_code
        self.attempts = attempts
        self.content_type = content_type
        self.body_start = body[:BODY_EXCERPT_BYTES]
        self.reason = reason
        self.pointer = pointer
        excerpt = self.body_start.decode("utf-8", errors="replace")
        more = "..." if len(body) > BODY_EXCERPT_BYTES else ""
        super().__init__(
            f"Cloudflare answered {status_text(status_code)} with a body this client cannot read "
            f"({reason}); content-type {content_type or 'missing'!r}, body starts {excerpt!r}{more}. "
            "If Cloudflare changed its answer, update openapi/openapi.yaml; if it is an edge page, retry later."
        )


class UnexpectedStatus(CloudflarePagesError):
    """A status code the spec does not document (raised when Client.raise_on_unexpected_status is True)."""

    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content
        excerpt = content[:BODY_EXCERPT_BYTES].decode("utf-8", errors="replace")
        super().__init__(
            f"Unexpected status code: {status_text(status_code)}; the spec does not document it. "
            f"Body starts {excerpt!r}"
        )


class RedirectError(UnexpectedStatus):
    """A redirect (3xx with a Location): never followed, since credentials would go to another origin.

    Attributes:
        location: The Location header, where the server wanted the request to go.
    """

    def __init__(self, status_code: int, content: bytes, location: str) -> None:
        self.location = location
        CloudflarePagesError.__init__(
            self,
            f"Cloudflare answered {status_text(status_code)}, a redirect to {location!r}, which this client does "
            "not follow (the credentials would go along). Check the base URL: Cloudflare's API does not redirect.",
        )
        self.status_code = status_code
        self.content = content


class APIError(CloudflarePagesError):
    """Cloudflare answered with an error.

    Attributes:
        status_code: The HTTP status.
        codes: Cloudflare's error codes, from the envelope's ``errors[].code`` or a flat body's ``code``
            (empty for an HTML page or a body in neither shape).
        messages: The matching messages.
        cf_ray: The ``cf-ray`` header, the id Cloudflare support asks for.
        envelope: The parsed error envelope, when the body was one.
        attempts: How many times the request was sent, retries included, as the retrying transport counted them.
    """

    hint = "See the messages above."

    def __init__(
        self,
        *,
        status_code: int,
        codes: list[int],
        messages: list[str],
        cf_ray: str | None,
        envelope: Any = None,
        attempts: int = 1,
    ) -> None:
        self.status_code = status_code
        self.codes = codes
        self.messages = messages
        self.cf_ray = cf_ray
        self.envelope = envelope
        self.attempts = attempts
        if codes:
            details = "; ".join(f"[{code}] {message}" for code, message in zip(codes, messages, strict=False))
        else:
            details = "no error envelope (not a JSON reply)"
        ray = f" (cf-ray {cf_ray})" if cf_ray else ""
        after = f", after {attempts} attempts" if attempts > 1 else ""
        super().__init__(f"Cloudflare answered {status_text(status_code)}: {details}{ray}{after}. {self.hint}")


class AuthenticationError(APIError):
    hint = (
        "The token or API key was rejected: check that it is current and has the Pages Read permission "
        "for this account."
    )


class NotFoundError(APIError):
    hint = "Check the account id, the project name and the deployment id."


class RateLimitError(APIError):
    """Attributes:
    retry_after: Seconds Cloudflare asked to wait (from Retry-After), or None.
    """

    hint = "Over Cloudflare's rate limit (1,200 requests per five minutes); wait and retry."

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(**kwargs)


class ServerError(APIError):
    hint = "Cloudflare or its edge failed; this is usually transient, retry later."


def error_details(body: Any) -> tuple[list[int], list[str]]:
    """Cloudflare's codes and messages from an error body: the envelope's `errors[]`, or a flat `{code, message}`.

    `body` is the parsed ErrorEnvelope or FlatError, or None when the body was neither (HTML, other JSON).
    """
    codes: list[int] = []
    messages: list[str] = []
    for error in getattr(body, "errors", None) or []:
        codes.append(error.code)
        messages.append(error.message)
    flat_code = getattr(body, "code", None)
    if not codes and isinstance(flat_code, int):
        codes.append(flat_code)
        messages.append(str(getattr(body, "message", "")))
    return codes, messages


def api_error(
    status_code: int, headers: Mapping[str, str], envelope: Any, retry_after: float | None, attempts: int = 1
) -> APIError:
    """The typed error for an error reply, chosen by the HTTP status alone; the body only adds codes and messages.

    The status decides because one code can mean two things: Cloudflare answers both a rejected token (403) and
    a rate limit (429) with code 10000. `envelope` is the parsed ErrorEnvelope or FlatError, or None; `attempts`
    is how many times the request was sent (Response.attempts).
    """
    codes, messages = error_details(envelope)
    fields: dict[str, Any] = {
        "status_code": status_code,
        "codes": codes,
        "messages": messages,
        "cf_ray": headers.get("cf-ray"),
        "envelope": envelope,
        "attempts": attempts,
    }
    if status_code in (401, 403):
        return AuthenticationError(**fields)
    if status_code == 404:
        return NotFoundError(**fields)
    if status_code == 429:
        return RateLimitError(retry_after=retry_after, **fields)
    if status_code >= 500:
        return ServerError(**fields)
    return APIError(**fields)


__all__ = [
    "BODY_EXCERPT_BYTES",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "CloudflarePagesError",
    "ConfigurationError",
    "NotFoundError",
    "RateLimitError",
    "RedirectError",
    "ResponseDecodeError",
    "ServerError",
    "UnexpectedStatus",
    "api_error",
    "error_details",
    "status_text",
]
