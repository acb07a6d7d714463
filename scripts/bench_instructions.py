"""Parsing measured in instructions (valgrind's callgrind): a ratio that holds on a loaded machine.

Timings on a shared 2-core machine move from minute to minute; the number of instructions a
parse executes does not. Each count is one process under `valgrind --tool=callgrind` with
PYTHONHASHSEED=0, so that a run repeats exactly. A parser's count per call is
(count with N calls - count with no call) / N: the interpreter's start and the imports, the same
in every process, cancel out.

Run as `python -m scripts.bench_instructions BODY PARSER N` it is that child process.
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


def _count(body: str, parser: str, calls: int) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "scripts.bench_instructions",
        body,
        parser,
        str(calls),
    ]
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False)
    match = _COLLECTED.search(result.stderr)
    if result.returncode != 0 or match is None:
        raise RuntimeError(f"callgrind failed on {body} {parser}: {result.stderr[-2000:]}")
    return int(match.group(1))


def count_parses(bodies: tuple[str, ...], calls: int = CALLS) -> list[InstructionRow]:
    """Instructions per parse of each body, for json.loads alone and for json.loads + from_dict."""
    start = _count(bodies[0], "loads", 0)
    rows = []
    for body in bodies:
        per_call = {parser: (_count(body, parser, calls) - start) / calls for parser in PARSERS}
        rows.append(InstructionRow(body, calls, per_call["loads"], per_call["ours"]))
    return rows


def _child(body: str, parser: str, calls: int) -> None:
    raw = recorded_body(body)
    parse = parse_floor if parser == "loads" else parse_ours(body)
    for _ in range(calls):
        parse(raw)


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], int(sys.argv[3]))
