"""The curated spec: where it is, its one operation (path and method, as the spec states them), its schemas.

Every other module takes these facts from here, so a change to the spec's path
or method reaches the recordings, the replay server, the live run, the upstream
comparison and the benchmarks at once.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from contract_tests.kit.paths import SPEC_PATH

__all__ = ["OPERATION_METHOD", "OPERATION_PATH", "SPEC_PATH", "document", "response_schema"]


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return loaded


def _the_operation() -> tuple[str, str]:
    """(path template, HTTP method) of the spec's only operation; the project is built for exactly one."""
    operations = [(path, method) for path, item in document()["paths"].items() for method in item]
    if len(operations) != 1:
        raise ValueError(f"{SPEC_PATH.name} must describe exactly one operation, found {len(operations)}")
    path, method = operations[0]
    return path, method.upper()


OPERATION_PATH, OPERATION_METHOD = _the_operation()


def response_schema(status: int, content_type: str, spec: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The schema the spec declares for a reply (exact code first, then 4XX/5XX), or None."""
    spec = spec or document()
    responses = spec["paths"][OPERATION_PATH][OPERATION_METHOD.lower()]["responses"]
    declared = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
    if declared is None:
        return None
    media_type = content_type.split(";")[0].strip().lower()
    content = declared.get("content", {}).get(media_type)
    return None if content is None else dict(content["schema"])
