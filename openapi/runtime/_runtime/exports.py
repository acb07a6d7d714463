"""The names the package root offers: cloudflare_pages_client/__init__.py re-exports this module's __all__."""

from ..models import Deployment, DeploymentEnvelope, ErrorEnvelope
from .clients import ApiKeyAuthenticatedClient, AuthenticatedClient, Client
from .constants import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    CloudflarePagesError,
    NotFoundError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    UnexpectedStatus,
    api_error,
)
from .operations import get_deployment, get_deployment_async
from .retry import RetryPolicy, parse_retry_after
from .types import UNSET, Response, Unset

__all__ = (
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "ApiKeyAuthenticatedClient",
    "AuthenticatedClient",
    "AuthenticationError",
    "Client",
    "CloudflarePagesError",
    "Deployment",
    "DeploymentEnvelope",
    "ErrorEnvelope",
    "NotFoundError",
    "RateLimitError",
    "Response",
    "ResponseDecodeError",
    "RetryPolicy",
    "ServerError",
    "UnexpectedStatus",
    "Unset",
    "api_error",
    "get_deployment",
    "get_deployment_async",
    "parse_retry_after",
)
