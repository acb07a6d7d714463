"""Check 1: does a reply conform to the curated spec? schemathesis decides.

Status code, content type and body schema are all checked, and every
violation is reported (schemathesis merges repeats at one schema location),
each as "<JSON pointer>: <what is wrong>".
"""

from __future__ import annotations

import requests
import schemathesis
from schemathesis.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.errors import FailureGroup

from contract_tests.recordings import Recording
from contract_tests.spec import operation

CHECKS = [status_code_conformance, content_type_conformance, response_headers_conformance, response_schema_conformance]


def _pointer(path: list[str | int]) -> str:
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def violations(recording: Recording) -> list[str]:
    """Every way the recorded reply departs from the spec; empty when it conforms."""
    request = requests.Request("GET", f"http://replay.invalid{recording.url_path}").prepare()
    response = schemathesis.Response(
        status_code=recording.status,
        headers={name: [value] for name, value in recording.headers.items()},
        content=recording.body_bytes(),
        request=request,
        elapsed=0.0,
        verify=True,
    )
    case = operation().Case(path_parameters=recording.path_params)
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        found = []
        for failure in group.exceptions:
            path = getattr(failure, "instance_path", None)
            where = _pointer(list(path)) if path is not None else "(reply)"
            detail = str(failure).strip().splitlines()
            summary = next((line for line in detail[1:] if line.strip()), detail[0] if detail else "")
            found.append(f"{where}: {failure.title}: {summary.strip()}")
        return sorted(found)
    return []
