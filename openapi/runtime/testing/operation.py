"""The one operation the stand-in answers, as the generated endpoint states it (from the spec)."""

from __future__ import annotations

from ..api.pages_deployment.get_deployment import METHOD as OPERATION_METHOD
from ..api.pages_deployment.get_deployment import PATH as OPERATION_PATH

# Cloudflare's API root: what the client's base URL ends in, and what the stand-in also answers without.
API_PREFIX = "/client/v4"

__all__ = ["API_PREFIX", "OPERATION_METHOD", "OPERATION_PATH"]
