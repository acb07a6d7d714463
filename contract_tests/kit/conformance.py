"""Check 1: does a reply conform to the curated spec? schemathesis decides.

Status code, content type, headers and body schema are all checked, and every
violation is reported, each as "<JSON pointer>: <what is wrong>". schemathesis
merges repeats at one schema location (a null in the status of two stages is
one failure), so the body also goes through jsonschema's `iter_errors` against
the same (tolerant) schema, and what schemathesis merged away is added.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import requests
import schemathesis
from jsonschema import Draft202012Validator
from schemathesis.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.errors import FailureGroup
from schemathesis.schemas import APIOperation, BaseSchema

from cloudflare_pages_client._runtime import json_pointer
from cloudflare_pages_client.testing.recordings import Recording
from contract_tests.kit.spec import OPERATION_METHOD, OPERATION_PATH, SPEC_PATH, document, response_schema

CHECKS = [status_code_conformance, content_type_conformance, response_headers_conformance, response_schema_conformance]


@cache
def schemathesis_schema() -> BaseSchema:
    return schemathesis.openapi.from_path(str(SPEC_PATH))


def operation() -> APIOperation[Any, Any, Any, Any]:
    """The operation as schemathesis sees it (the live run draws its requests from it too)."""
    return schemathesis_schema()[OPERATION_PATH][OPERATION_METHOD]


def _pointer(path: list[str | int]) -> str:
    # The whole body reads as "/" in these messages, as in the round-trip check's.
    return json_pointer.join("", *path) or "/"


@cache
def _components() -> dict[str, Any]:
    components: dict[str, Any] = document()["components"]
    return components


def _merged_away(recording: Recording, reported: set[tuple[str, str]]) -> list[str]:
    """Body violations schemathesis folded into another one at the same schema location."""
    schema = response_schema(recording.status, recording.content_type) if recording.is_json else None
    if schema is None:
        return []
    found = []
    for error in Draft202012Validator({**schema, "components": _components()}).iter_errors(recording.body):
        where = _pointer(list(error.absolute_path))
        if (where, str(error.validator)) not in reported:
            reported.add((where, str(error.validator)))
            found.append(f"{where}: Response violates schema: {error.message}")
    return found


def violations(recording: Recording) -> list[str]:
    """Every way the recorded reply departs from the spec; empty when it conforms."""
    request = requests.Request(recording.method, f"http://replay.invalid{recording.url_path}").prepare()
    response = schemathesis.Response(
        status_code=recording.status,
        headers={name: [value] for name, value in recording.headers.items()},
        content=recording.body_bytes(),
        request=request,
        elapsed=0.0,
        verify=True,
    )
    case = operation().Case(path_parameters=recording.path_params)
    found: list[str] = []
    reported: set[tuple[str, str]] = set()
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        for failure in group.exceptions:
            path = getattr(failure, "instance_path", None)
            where = _pointer(list(path)) if path is not None else "(reply)"
            keyword = getattr(failure, "schema_path", None)
            if keyword:
                reported.add((where, str(list(keyword)[-1])))
            detail = str(failure).strip().splitlines()
            summary = next((line for line in detail[1:] if line.strip()), detail[0] if detail else "")
            found.append(f"{where}: {failure.title}: {summary.strip()}")
    if found and any(line.startswith("(reply)") for line in found):
        return sorted(found)  # wrong status or content type: the body was not expected to match
    return sorted(found + _merged_away(recording, reported))
