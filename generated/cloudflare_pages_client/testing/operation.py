"""The one operation the stand-in answers, as the spec states it (tests/test_spec.py pins both to openapi.yaml).

Written out here because the kit runs without the spec or a YAML reader: it ships in the wheel.
"""

from __future__ import annotations

OPERATION_PATH = "/accounts/{account_id}/pages/projects/{project_name}/deployments/{deployment_id}"
OPERATION_METHOD = "GET"
# Cloudflare's API root: what the client's base URL ends in, and what the stand-in also answers without.
API_PREFIX = "/client/v4"
