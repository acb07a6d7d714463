"""The curated spec, loaded once, and its operation as schemathesis sees it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import schemathesis
import yaml
from schemathesis.schemas import APIOperation, BaseSchema

from contract_tests.recordings import OPERATION_PATH

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.yaml"


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return loaded


@cache
def schemathesis_schema() -> BaseSchema:
    return schemathesis.openapi.from_path(str(SPEC_PATH))


def operation() -> APIOperation[Any, Any, Any, Any]:
    return schemathesis_schema()[OPERATION_PATH]["GET"]


def response_schema(status: int, content_type: str, spec: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The schema the spec declares for a reply (exact code first, then 4XX/5XX), or None."""
    spec = spec or document()
    responses = spec["paths"][OPERATION_PATH]["get"]["responses"]
    declared = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
    if declared is None:
        return None
    media_type = content_type.split(";")[0].strip().lower()
    content = declared.get("content", {}).get(media_type)
    return None if content is None else dict(content["schema"])
