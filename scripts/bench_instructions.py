"""Parsing measured in instructions (valgrind's callgrind): a ratio that holds on a loaded machine.

Timings on a shared 2-core machine move from minute to minute; the number of instructions a
parse executes does not. Each count is one process under `valgrind --tool=callgrind` with
PYTHONHASHSEED=0, so that a run repeats exactly. A parser's count per call is
(count with N calls - count with no call) / N: the interpreter's start and the imports, the same
in every process, cancel out.

The same subtraction counts a whole request in the client's process (`count_requests`): the
server runs elsewhere, so what is counted is the client's own work, plain httpx's or ours.

Run as `python -m scripts.bench_instructions BODY PARSER N` (or `request KIND N BASE_URL TOKEN
ACCOUNT PROJECT DEPLOYMENT`) it is that child process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from contract_tests.kit.paths import ROOT
from scripts.bench_bodies import parse_floor, parse_ours, recorded_body

CALLS = 500
REQUESTS = 200
# Requests made before the counted ones in every request child, N=0 included: connection, caches, imports.
WARM_REQUESTS = 20
PARSERS = ("loads", "ours")
_COLLECTED = re.compile(r"Collected : (\d+)")


@dataclass(frozen=True)
class InstructionRow:
    body: str
    calls: int
    loads: float  # instructions per json.loads(raw)
    ours: float  # instructions per from_dict(json.loads(raw))

    @property
    def ratio(self) -> float:
        return self.ours / self.loads


def available() -> bool:
    return shutil.which("valgrind") is not None


def _count(*arguments: str) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "scripts.bench_instructions",
        *arguments,
    ]
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False)
    match = _COLLECTED.search(result.stderr)
    if result.returncode != 0 or match is None:
        raise RuntimeError(f"callgrind failed on {' '.join(arguments)}: {result.stderr[-2000:]}")
    return int(match.group(1))


def count_parses(bodies: tuple[str, ...], calls: int = CALLS) -> list[InstructionRow]:
    """Instructions per parse of each body, for json.loads alone and for json.loads + from_dict."""
    start = _count(bodies[0], "loads", "0")
    rows = []
    for body in bodies:
        per_call = {parser: (_count(body, parser, str(calls)) - start) / calls for parser in PARSERS}
        rows.append(InstructionRow(body, calls, per_call["loads"], per_call["ours"]))
    return rows


def count_requests(server: tuple[str, str, str, str, str], calls: int = REQUESTS) -> dict[str, float]:
    """Client-side instructions per request, plain httpx + json.loads ("httpx") and ours ("ours").

    `server` is (base URL, token, account, project, deployment) of a running local server.
    """
    return {
        kind: (_count("request", kind, str(calls), *server) - _count("request", kind, "0", *server)) / calls
        for kind in ("httpx", "ours")
    }


def _parse_child(body: str, parser: str, calls: int) -> None:
    raw = recorded_body(body)
    parse = parse_floor if parser == "loads" else parse_ours(body)
    for _ in range(calls):
        parse(raw)


def _request_child(
    kind: str, calls: int, base_url: str, token: str, account: str, project: str, deployment: str
) -> None:
    import json

    import httpx

    from cloudflare_pages_client import AuthenticatedClient, get_deployment
    from contract_tests.kit.spec import OPERATION_PATH

    path = OPERATION_PATH.format(account_id=account, project_name=project, deployment_id=deployment)
    plain = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"})
    ours = AuthenticatedClient(token=token, base_url=base_url)

    def plain_request() -> object:
        response = plain.get(path)
        response.raise_for_status()
        return json.loads(response.content)

    def our_request() -> object:
        return get_deployment(ours, account_id=account, project_name=project, deployment_id=deployment)

    request = plain_request if kind == "httpx" else our_request
    for _ in range(WARM_REQUESTS + calls):
        request()


if __name__ == "__main__":
    if sys.argv[1] == "request":
        _request_child(sys.argv[2], int(sys.argv[3]), *sys.argv[4:9])
    else:
        _parse_child(sys.argv[1], sys.argv[2], int(sys.argv[3]))
