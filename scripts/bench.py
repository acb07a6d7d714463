"""`make bench`: how fast the client and the checks are, beside the baselines a user would pick instead.

Measures, in one run on this machine: parsing recorded bodies (json.loads alone, json.loads + our
models, json.loads + Cloudflare's official SDK) in time and, where valgrind is installed, in
instructions; how parsing scales with the body; building clients; end-to-end requests against a
local server in its own process; the command's cold start and a ten-minute wait's request count;
and the wall time of the tools. Writes reports/bench.md and,
with --docs (`make bench-docs`), the figures in docs/performance.md.

The method, so that a ratio compares like with like on a loaded 2-core machine: every client is
built before any timer starts (building is timed on its own, in fresh processes); the things
compared run in alternating batches over several rounds, in an order that rotates, and each
ratio is the median of the per-round ratios, shown with its range; instruction counts, which a
loaded machine does not move, are the parse ratio to read. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from cloudflare_pages_client import AuthenticatedClient, get_deployment, get_deployment_async
from contract_tests.kit.paths import REPORTS_DIR, ROOT
from contract_tests.kit.spec import OPERATION_PATH
from scripts import bench_cli, bench_construction, bench_instructions
from scripts.bench_bodies import (
    ERROR_BODIES,
    SUCCESS_BODIES,
    Parse,
    parse_floor,
    parse_ours,
    parse_ours_success,
    recorded_body,
    scaled_body,
    sdk_parser,
)
from scripts.bench_construction import ConstructionRow, median_ms
from scripts.bench_instructions import InstructionRow
from scripts.bench_server import start_local_server
from scripts.generation import generate_into
from scripts.upstream.source import PUBLISHED_SLICE

REPORT = REPORTS_DIR / "bench.md"
DOCS = ROOT / "docs" / "performance.md"
DOCS_START = "<!-- bench:start -->"
DOCS_END = "<!-- bench:end -->"

SCALE_SIZES = (10, 100, 1000)
CONCURRENCY = 10
# The goals (docs/performance.md): figures to read, never assertions.
END_TO_END_GOAL = 0.95  # ours / plain httpx, requests per second
PARSE_GOAL = 2.2  # from_dict(json.loads(raw)) / json.loads(raw)
LATER_CLIENT_GOAL_MS = 2.0


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Spread:
    """A median with the quartiles and the extremes of the values it was taken from."""

    median: float
    q1: float
    q3: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        quartiles = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        return cls(statistics.median(values), quartiles[0], quartiles[2], min(values), max(values))

    def iqr(self, scale: float = 1e6, digits: int = 2) -> str:
        return f"{self.q1 * scale:.{digits}f}-{self.q3 * scale:.{digits}f}"

    def range(self, scale: float = 1.0, digits: int = 2) -> str:
        return f"{self.low * scale:.{digits}f}-{self.high * scale:.{digits}f}"


def _calls_per_batch(function: Callable[[], object], batch_seconds: float) -> int:
    function()  # warm up: imports, caches, the adaptive interpreter
    calls = 1
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            function()
        elapsed = time.perf_counter() - started
        if elapsed >= batch_seconds / 10:
            return max(1, int(calls * batch_seconds / elapsed))
        calls *= 2


def measure_alternating(
    functions: Sequence[Callable[[], object]], *, batches: int, batch_seconds: float
) -> list[list[float]]:
    """Seconds per call of each function, per batch; the functions take turns, batch by batch, in a rotating order."""
    calls = [_calls_per_batch(function, batch_seconds) for function in functions]
    per_call: list[list[float]] = [[] for _ in functions]
    order = list(range(len(functions)))
    for batch in range(batches):
        for index in order[batch % len(order) :] + order[: batch % len(order)]:
            function, count = functions[index], calls[index]
            started = time.perf_counter()
            for _ in range(count):
                function()
            per_call[index].append((time.perf_counter() - started) / count)
    return per_call


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """The per-round ratios of two series measured round by round."""
    return [a / b for a, b in zip(numerators, denominators, strict=True)]


def _least_squares(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Slope, intercept and r² of the least-squares line through (xs, ys)."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    syy = sum((y - mean_y) ** 2 for y in ys)
    slope = sxy / sxx
    r_squared = 1.0 if syy == 0 else (sxy * sxy) / (sxx * syy)
    return slope, mean_y - slope * mean_x, r_squared


# ---------------------------------------------------------------- parsing


@dataclass
class ParseRow:
    body: str
    size: int
    floor: Spread
    ours: Spread
    ratio: Spread  # ours / json.loads, per batch
    sdk: Spread | None
    sdk_over_ours: Spread | None


def bench_parse(batches: int, batch_seconds: float) -> list[ParseRow]:
    sdk = sdk_parser()
    rows = []
    for name in SUCCESS_BODIES + ERROR_BODIES:
        body = recorded_body(name)
        functions: list[Callable[[], object]] = [
            functools.partial(parse_floor, body),
            functools.partial(parse_ours(name), body),
        ]
        if sdk is not None and name in SUCCESS_BODIES:
            functions.append(functools.partial(sdk, body))
        times = measure_alternating(functions, batches=batches, batch_seconds=batch_seconds)
        theirs = Spread.of(times[2]) if len(times) > 2 else None
        over_ours = Spread.of(ratios(times[2], times[1])) if len(times) > 2 else None
        rows.append(
            ParseRow(
                name,
                len(body),
                Spread.of(times[0]),
                Spread.of(times[1]),
                Spread.of(ratios(times[1], times[0])),
                theirs,
                over_ours,
            )
        )
    return rows


@dataclass
class ScaleSeries:
    kind: str
    method: str
    sizes: list[int]
    seconds: list[float]
    base: float  # the same body with no items

    def per_item(self) -> list[float]:
        return [(total - self.base) / size for size, total in zip(self.sizes, self.seconds, strict=True)]

    def fit(self) -> tuple[float, float, float]:
        return _least_squares([float(size) for size in self.sizes], self.seconds)

    def linear(self) -> bool:
        _, _, r_squared = self.fit()
        items = self.per_item()
        return r_squared >= 0.99 and 0.5 <= items[-1] / items[1] <= 1.5


def bench_scaling(batches: int, batch_seconds: float) -> list[ScaleSeries]:
    sdk = sdk_parser()
    methods: list[tuple[str, Parse]] = [("json.loads", parse_floor), ("json.loads + from_dict", parse_ours_success)]
    if sdk is not None:
        methods.append(("official SDK", sdk))
    series = []
    for kind in ("env_vars", "aliases"):
        sizes = (0, *SCALE_SIZES)
        bodies = [scaled_body(kind, size) for size in sizes]
        for method, parse in methods:
            times = measure_alternating(
                [functools.partial(parse, body) for body in bodies], batches=batches, batch_seconds=batch_seconds
            )
            medians = [statistics.median(values) for values in times]
            series.append(ScaleSeries(kind, method, list(SCALE_SIZES), medians[1:], medians[0]))
    return series


# ---------------------------------------------------------------- end to end

CEILING = "server ceiling (raw socket client)"
SYNC_FLOOR = "plain httpx.Client + json.loads (floor)"
SYNC_ABSOLUTE = "plain httpx.Client, absolute httpx.URL built once + json.loads"
SYNC_OURS = "our sync client, get_deployment"
SYNC_SDK = "official SDK, client.pages.projects.deployments.get"
ASYNC_FLOOR = "plain httpx.AsyncClient + json.loads (floor)"
ASYNC_OURS = "our async client, get_deployment_async, sequential"
ASYNC_SDK = "official SDK, AsyncCloudflare, sequential"
ASYNC_CONCURRENT = f"our async client, {CONCURRENCY} concurrent"
# Which row each row is compared with ("vs its floor") and which SDK row ("vs the SDK").
FLOOR_OF = {
    SYNC_ABSOLUTE: SYNC_FLOOR,
    SYNC_OURS: SYNC_FLOOR,
    SYNC_SDK: SYNC_FLOOR,
    ASYNC_OURS: ASYNC_FLOOR,
    ASYNC_SDK: ASYNC_FLOOR,
    ASYNC_CONCURRENT: ASYNC_FLOOR,
}
SDK_OF = {SYNC_OURS: SYNC_SDK, ASYNC_OURS: ASYNC_SDK}


@dataclass
class EndToEndRow:
    name: str
    rps: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.rps)


@dataclass
class EndToEnd:
    rows: list[EndToEndRow]
    server: str
    requests: int
    rounds: int
    instructions: dict[str, float] | None  # client-side instructions per request, "httpx" and "ours"

    def row(self, name: str) -> EndToEndRow:
        return next(row for row in self.rows if row.name == name)

    def ratio(self, name: str, to: str) -> Spread | None:
        """`name` over `to`, round by round."""
        mine, theirs = self.row(name), self.row(to)
        if not mine.rps or len(mine.rps) != len(theirs.rps):
            return None
        return Spread.of(ratios(mine.rps, theirs.rps))


def bench_end_to_end(rounds: int, requests: int, counted_requests: int | None) -> EndToEnd:
    """The timed rounds, then (counted_requests not None) the instructions per request under callgrind."""
    server = start_local_server()
    described = (server.base_url, server.token, server.account_id, server.project, server.deployment_id)
    try:
        rows = asyncio.run(_end_to_end(*described, rounds, requests))
        instructions = None
        if counted_requests is not None:
            instructions = bench_instructions.count_requests(described, counted_requests)
    finally:
        server.stop()
    return EndToEnd(rows, httpx.URL(server.base_url).host, requests, rounds, instructions)


def _raw_socket_ceiling(base_url: str, path: str, token: str, requests: int) -> float:
    """What the server answers to a client that does nothing but write and read bytes (its capacity)."""
    import socket
    from urllib.parse import urlsplit

    url = urlsplit(base_url)
    request = (f"GET {url.path}{path} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: Bearer {token}\r\n\r\n").encode()
    with socket.create_connection((url.hostname or "127.0.0.1", url.port or 80)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = sock.makefile("rb")
        started = time.perf_counter()
        for _ in range(requests):
            sock.sendall(request)
            length = 0
            while (line := reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            reader.read(length)
        return requests / (time.perf_counter() - started)


async def _end_to_end(
    base_url: str, token: str, account_id: str, project: str, deployment_id: str, rounds: int, requests: int
) -> list[EndToEndRow]:
    path = OPERATION_PATH.format(account_id=account_id, project_name=project, deployment_id=deployment_id)
    headers = {"Authorization": f"Bearer {token}"}
    rows = {
        name: EndToEndRow(name)
        for name in (CEILING, SYNC_FLOOR, SYNC_ABSOLUTE, SYNC_OURS, SYNC_SDK, ASYNC_FLOOR, ASYNC_OURS, ASYNC_SDK)
    }
    rows[ASYNC_CONCURRENT] = EndToEndRow(ASYNC_CONCURRENT, note=f"its own client, {CONCURRENCY} connections")
    rows[SYNC_ABSOLUTE].note = "what ours does for the URL, done by hand"

    # Every client is built (and its connection opened, below) before any timer starts.
    plain = httpx.Client(base_url=base_url, headers=headers)
    absolute = httpx.URL(base_url + path)
    ours = AuthenticatedClient(token=token, base_url=base_url)
    plain_async = httpx.AsyncClient(base_url=base_url, headers=headers)
    # The sequential rows get a client that only ever has one connection: httpcore's per-request
    # bookkeeping grows with the idle connections a concurrent round leaves behind.
    ours_async = AuthenticatedClient(token=token, base_url=base_url)
    ours_concurrent = AuthenticatedClient(token=token, base_url=base_url)
    sdk: Any = None
    sdk_async: Any = None
    try:
        import cloudflare

        sdk = cloudflare.Cloudflare(api_token=token, base_url=base_url)
        sdk_async = cloudflare.AsyncCloudflare(api_token=token, base_url=base_url)
    except ImportError:
        rows[SYNC_SDK].note = rows[ASYNC_SDK].note = "cloudflare is not installed"

    def floor() -> object:
        response = plain.get(path)
        response.raise_for_status()
        return json.loads(response.content)

    def floor_absolute() -> object:
        response = plain.get(absolute)
        response.raise_for_status()
        return json.loads(response.content)

    async def floor_async() -> object:
        response = await plain_async.get(path)
        response.raise_for_status()
        return json.loads(response.content)

    sync: dict[str, Callable[[], object]] = {
        SYNC_FLOOR: floor,
        SYNC_ABSOLUTE: floor_absolute,
        SYNC_OURS: lambda: get_deployment(
            ours, account_id=account_id, project_name=project, deployment_id=deployment_id
        ),
    }
    asynchronous: dict[str, Callable[[], Awaitable[object]]] = {
        ASYNC_FLOOR: floor_async,
        ASYNC_OURS: lambda: get_deployment_async(
            ours_async, account_id=account_id, project_name=project, deployment_id=deployment_id
        ),
    }
    if sdk is not None:
        sync[SYNC_SDK] = lambda: sdk.pages.projects.deployments.get(
            deployment_id, account_id=account_id, project_name=project
        )
        asynchronous[ASYNC_SDK] = lambda: sdk_async.pages.projects.deployments.get(
            deployment_id, account_id=account_id, project_name=project
        )

    def run_sync(function: Callable[[], object], count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            function()
        return count / (time.perf_counter() - started)

    async def run_async(function: Callable[[], Awaitable[object]], count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            await function()
        return count / (time.perf_counter() - started)

    async def run_concurrent(count: int) -> float:
        remaining = count

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await get_deployment_async(
                    ours_concurrent, account_id=account_id, project_name=project, deployment_id=deployment_id
                )

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return count / (time.perf_counter() - started)

    for function in sync.values():  # warm up: connection opened, code paths exercised
        run_sync(function, 50)
    for coroutine in asynchronous.values():
        await run_async(coroutine, 50)
    await run_concurrent(100)
    for index in range(rounds):
        rows[CEILING].rps.append(_raw_socket_ceiling(base_url, path, token, requests))
        names = list(sync)
        for name in names[index % len(names) :] + names[: index % len(names)]:
            rows[name].rps.append(run_sync(sync[name], requests))
        names = list(asynchronous)
        for name in names[index % len(names) :] + names[: index % len(names)]:
            rows[name].rps.append(await run_async(asynchronous[name], requests))
        rows[ASYNC_CONCURRENT].rps.append(await run_concurrent(requests))

    plain.close()
    ours.get_httpx_client().close()
    await plain_async.aclose()
    await ours_async.get_async_httpx_client().aclose()
    await ours_concurrent.get_async_httpx_client().aclose()
    if sdk is not None:
        sdk.close()
        await sdk_async.close()
    return list(rows.values())


@dataclass
class ToolRow:
    name: str
    command: str
    seconds: float | None
    limit: float | None
    note: str = ""


def _timed(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, result.returncode


def bench_tools(upstream_document: Path) -> list[ToolRow]:
    python = sys.executable
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
        started = time.perf_counter()
        generate_into(Path(tmp) / "cloudflare_pages_client")
        rows.append(
            ToolRow(
                "regenerate", "python -m scripts.generate (into a temporary folder)", time.perf_counter() - started, 5.0
            )
        )
    seconds, code = _timed([python, "-m", "scripts.check_generated"])
    rows.append(ToolRow("check generated", "make check-generated", seconds, 10.0, "" if code == 0 else f"exit {code}"))
    seconds, code = _timed([python, "-m", "pytest", "contract_tests", "-q", "-p", "no:cacheprovider"])
    rows.append(ToolRow("offline contract run", "make contract", seconds, 60.0, "" if code == 0 else f"exit {code}"))
    if upstream_document.is_file():
        size = upstream_document.stat().st_size
        shown = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"
        seconds, code = _timed([python, "-m", "scripts.upstream_diff", str(upstream_document)])
        rows.append(
            ToolRow(
                "upstream comparison",
                f"python -m scripts.upstream_diff on the {shown} document {upstream_document.name}",
                seconds,
                None,
                f"exit {code} (0: all documented, 1: an undocumented change)",
            )
        )
    else:
        rows.append(
            ToolRow(
                "upstream comparison",
                "python -m scripts.upstream_diff",
                None,
                None,
                f"not run: {upstream_document} is absent",
            )
        )
    return rows


# ---------------------------------------------------------------- the report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        match = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        if match:
            cpu = match.group(1).strip()
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f}"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def _x(spread: Spread | None) -> str:
    return "-" if spread is None else f"{spread.median:.2f}x ({spread.range()})"


@dataclass
class Results:
    parse: list[ParseRow]
    instructions: list[InstructionRow] | None  # None: valgrind is not installed
    scaling: list[ScaleSeries]
    construction: list[ConstructionRow]
    end_to_end: EndToEnd
    cold_starts: list[bench_cli.ColdStart]
    wait_requests: int
    tools: list[ToolRow]
    elapsed: float = 0.0


def _end_to_end_goal(results: Results, label: str, ours: str, floor: str) -> str:
    e2e = results.end_to_end
    ratio = e2e.ratio(ours, floor)
    assert ratio is not None
    line = (
        f"- End to end, {label} at {END_TO_END_GOAL}x plain httpx or better: {_met(ratio.median >= END_TO_END_GOAL)} "
        f"({ratio.median:.2f}x, rounds {ratio.range()}: {e2e.row(ours).median:,.0f} vs "
        f"{e2e.row(floor).median:,.0f} requests/s"
    )
    same_url = e2e.ratio(ours, SYNC_ABSOLUTE) if ours == SYNC_OURS else None
    if same_url is not None:
        line += f"; against plain httpx given the same prebuilt absolute URL: {_x(same_url)}"
    if ours == SYNC_OURS and e2e.instructions is not None:
        line += f"; {_instructions_per_request(e2e.instructions)}"
    return line + ")"


def _instructions_per_request(counts: dict[str, float]) -> str:
    return (
        f"in instructions per request in the client, ours / plain httpx: {counts['ours'] / counts['httpx']:.2f}x "
        f"({counts['ours']:,.0f} vs {counts['httpx']:,.0f})"
    )


def _sdk_comparisons(results: Results) -> list[tuple[str, float | None]]:
    """How many times faster than the official SDK each of our figures is (None: not measured)."""
    e2e = results.end_to_end
    found: list[tuple[str, float | None]] = []
    for ours, sdk in SDK_OF.items():
        ratio = e2e.ratio(ours, sdk)
        found.append((ours, None if ratio is None else ratio.median))
    for row in results.parse:
        if row.body in SUCCESS_BODIES:
            found.append((f"parse {row.body}", None if row.sdk_over_ours is None else row.sdk_over_ours.median))
    kinds = {row.kind: row for row in results.construction}
    found.append(
        (
            "a later client",
            median_ms(kinds["sdk"].later) / median_ms(kinds["ours"].later) if kinds["sdk"].later else None,
        )
    )
    return found


def goals(results: Results) -> list[str]:
    lines = [
        _end_to_end_goal(results, "sync get_deployment", SYNC_OURS, SYNC_FLOOR),
        _end_to_end_goal(results, "async get_deployment_async (sequential)", ASYNC_OURS, ASYNC_FLOOR),
    ]
    success = [row for row in results.parse if row.body in SUCCESS_BODIES]
    if results.instructions is None:
        lines.append(f"- Parse at {PARSE_GOAL}x json.loads or better, by instruction count: not measured (no valgrind)")
    else:
        worst_count = max(results.instructions, key=lambda row: row.ratio)
        lines.append(
            f"- Parse at {PARSE_GOAL}x json.loads or better on every recorded 200 body, by instruction count: "
            f"{_met(worst_count.ratio <= PARSE_GOAL)} (worst {worst_count.ratio:.2f}x, {worst_count.body})"
        )
    worst_time = max(success, key=lambda row: row.ratio.median)
    fastest = max(row.ours.low / row.floor.low for row in success)
    lines.append(
        f"- The same by time (median of the per-batch ratios of alternating batches): "
        f"{_met(worst_time.ratio.median <= PARSE_GOAL)} (worst {worst_time.ratio.median:.2f}x, batches "
        f"{worst_time.ratio.range()}, {worst_time.body}; the fastest batches' ratio, worst body: {fastest:.2f}x)"
    )
    ours = next(row for row in results.construction if row.kind == "ours")
    later = median_ms(ours.later)
    lines.append(
        f"- A second client in the same process built in {LATER_CLIENT_GOAL_MS:.0f} ms or less: "
        f"{_met(later <= LATER_CLIENT_GOAL_MS)} ({later:.2f} ms; the first: {median_ms(ours.first):.1f} ms)"
    )
    comparisons = _sdk_comparisons(results)
    measured = [(name, times) for name, times in comparisons if times is not None]
    shown = ", ".join(f"{name} {times:.1f}x" for name, times in measured)
    if len(measured) < len(comparisons):
        lines.append(f"- Every row ahead of the official SDK: not measured (cloudflare is not installed) {shown}")
    else:
        lines.append(
            f"- Every row ahead of the official SDK: {_met(all(times > 1 for _, times in measured))} ({shown})"
        )
    kinds = {row.kind: row for row in results.construction}
    if kinds["sdk"].first:
        lines.append(
            f"  The first client of a process is not a row where anyone can be ahead: ours, plain httpx and the "
            f"SDK each build one SSL context ({median_ms(kinds['ours'].first):.1f}, "
            f"{median_ms(kinds['httpx'].first):.1f} and {median_ms(kinds['sdk'].first):.1f} ms)."
        )
    for tool in results.tools:
        if tool.limit is None:
            continue
        if tool.seconds is None:
            lines.append(f"- {tool.name} under {tool.limit:.0f} s: not measured ({tool.note})")
        else:
            lines.append(
                f"- {tool.name.capitalize()} under {tool.limit:.0f} s: {_met(tool.seconds < tool.limit)} "
                f"({tool.seconds:.2f} s)"
            )
    return lines


def _render_parse(results: Results) -> list[str]:
    out = [
        "## 1. Parsing a response",
        "",
        "Per body, microseconds per parse: the median of alternating batches, with their interquartile range;",
        "ours / loads is the median of the per-batch ratios, with their range. Every column starts from the same",
        "bytes. Ours: `DeploymentEnvelope.from_dict` / `ErrorEnvelope.from_dict`. SDK: `construct_type(type_=",
        "ResultWrapper[Deployment], value=...)` then `ResultWrapper._unwrapper`, its client's default (non-strict)",
        "path.",
        "",
        "| body | bytes | json.loads (µs) | + our from_dict (µs) | ours / loads | official SDK (µs) | SDK / loads |"
        " SDK / ours |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results.parse:
        if row.sdk is not None:
            sdk_over_loads = row.sdk.median / row.floor.median
            sdk = f"{_us(row.sdk.median)} ({row.sdk.iqr()}) | {sdk_over_loads:.2f}x | {_x(row.sdk_over_ours)}"
        elif row.body in ERROR_BODIES:
            sdk = "no model: the SDK raises APIStatusError with the raw dict | - | -"
        else:
            sdk = "not installed | - | -"
        out.append(
            f"| {row.body} | {row.size:,} | {_us(row.floor.median)} ({row.floor.iqr()}) | "
            f"{_us(row.ours.median)} ({row.ours.iqr()}) | {_x(row.ratio)} | {sdk} |"
        )
    out += ["", "### In instructions", ""]
    if results.instructions is None:
        out.append("Not measured: valgrind is not installed.")
        return out
    out += [
        f"Instructions per parse under `valgrind --tool=callgrind` ({results.instructions[0].calls} calls, "
        "PYTHONHASHSEED=0,",
        "the count of a process making no call subtracted): the same on every run, however loaded the machine.",
        "",
        "| body | json.loads | + our from_dict | ours / loads |",
        "|---|---:|---:|---:|",
    ]
    for count in results.instructions:
        out.append(f"| {count.body} | {count.loads:,.0f} | {count.ours:,.0f} | {count.ratio:.2f}x |")
    return out


def _render_scaling(results: Results) -> list[str]:
    out = [
        "## 2. Scaling",
        "",
        "github-push-with-source with N env vars (3 plain_text to 1 secret_text) or N aliases. Per body (µs),",
        "per item ((t(N) - t(0)) / N, µs), and the least-squares line through the three sizes.",
        "",
        "| items | parse | "
        + " | ".join(f"N={size:,} (µs)" for size in SCALE_SIZES)
        + " | "
        + " | ".join(f"per item, N={size:,}" for size in SCALE_SIZES)
        + " | slope (µs/item) | r² | |",
        "|---|---|" + "---:|" * (2 * len(SCALE_SIZES) + 2) + "---|",
    ]
    for series in results.scaling:
        slope, _, r_squared = series.fit()
        out.append(
            f"| {series.kind} | {series.method} | "
            + " | ".join(_us(value) for value in series.seconds)
            + " | "
            + " | ".join(f"{value * 1e6:.3f}" for value in series.per_item())
            + f" | {slope * 1e6:.3f} | {r_squared:.4f} | {'linear' if series.linear() else 'NOT linear'} |"
        )
    return out


def _render_construction(results: Results) -> list[str]:
    sdk = next(row for row in results.construction if row.kind == "sdk")
    out = [
        "## 3. Building a client",
        "",
        "Milliseconds until a client can send (ours builds its httpx client on first use: included), each kind in",
        "fresh processes with the libraries already imported, kinds alternating: the first client of a process,",
        "and every later one in the same process; median (min-max). The first builds an SSL context (loading the",
        "CA bundle); ours shares one per process among the clients with the default certificate checks.",
        "",
        "| client | first (ms) | later (ms) | later: SDK / this |",
        "|---|---:|---:|---:|",
    ]
    for row in results.construction:
        if not row.later:
            out.append(f"| {row.name} | - | - | {row.note} |")
            continue
        versus = f"{median_ms(sdk.later) / median_ms(row.later):.1f}x" if sdk.later else "-"
        first, later = Spread.of(row.first), Spread.of(row.later)
        out.append(
            f"| {row.name} | {first.median * 1e3:.2f} ({first.range(1e3)}) | "
            f"{later.median * 1e3:.3f} ({later.range(1e3, 3)}) | {versus} |"
        )
    return out


def _render_end_to_end(results: Results) -> list[str]:
    e2e = results.end_to_end
    out = [
        "## 4. End to end",
        "",
        f"{e2e.rounds} rounds of {e2e.requests:,} GETs per client over one keep-alive connection to a local server",
        f"({e2e.server}, the replay server in its own process: `scripts/bench_server.py`); every client built and",
        "its connection opened before the timers; within a round the clients take turns in a rotating order.",
        'Requests per second, median of the rounds (min-max); "vs its floor" and "vs the SDK" are medians of',
        "the per-round ratios (their range). The server ceiling is a raw-socket client that only writes and reads",
        "bytes: the server answers that fast, so it is not what limits the clients below it.",
        "",
        "Read the ratio knowing what each side does: the plain-httpx floor passes the relative path and httpx",
        "joins it to `base_url` on every request (about 35 µs of its 200 µs), as httpx's own documentation",
        "does it; our client resolves each absolute URL once and hands httpx an `httpx.URL`. The row",
        '"absolute httpx.URL built once" is plain httpx doing the same by hand: against it, ours pays for',
        "everything it adds (path checks, typed errors, retries, the model).",
        "",
        "| client | requests/s | min-max | vs its floor | vs the SDK | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    if e2e.instructions is not None:
        out[-3:-3] = [
            "",
            "Counted instead of timed (callgrind, the client's process only, "
            f"{bench_instructions.REQUESTS} requests after {bench_instructions.WARM_REQUESTS}, sync): "
            f"{_instructions_per_request(e2e.instructions)}.",
        ]
    for row in e2e.rows:
        if not row.rps:
            out.append(f"| {row.name} | - | - | - | - | {row.note} |")
            continue
        floor = _x(e2e.ratio(row.name, FLOOR_OF[row.name])) if row.name in FLOOR_OF else "1.00x"
        if row.name == CEILING:
            floor = _x(e2e.ratio(row.name, SYNC_FLOOR))
        versus_sdk = _x(e2e.ratio(row.name, SDK_OF[row.name])) if row.name in SDK_OF else "-"
        out.append(
            f"| {row.name} | {row.median:,.0f} | {min(row.rps):,.0f}-{max(row.rps):,.0f} | {floor} | "
            f"{versus_sdk} | {row.note} |"
        )
    return out


def render(results: Results) -> str:
    out = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {time.strftime('%Y-%m-%d %H:%M %Z')}, in {results.elapsed:.0f} s.",
        f"Machine: {machine()}.",
        "",
        "Ratios are the figures to read: every pair was measured in alternating batches in the same run.",
        "",
        "## Goals",
        "",
        *goals(results),
        "",
        *_render_parse(results),
        "",
        *_render_scaling(results),
        "",
        *_render_construction(results),
        "",
        *_render_end_to_end(results),
        "",
        *_render_command(results),
        "",
        "## 6. The tools",
        "",
        "Wall time of one run each.",
        "",
        "| tool | command | seconds | limit | |",
        "|---|---|---:|---:|---|",
    ]
    for tool in results.tools:
        seconds = "-" if tool.seconds is None else f"{tool.seconds:.2f}"
        limit = "-" if tool.limit is None else f"{tool.limit:.0f} s"
        out.append(f"| {tool.name} | {tool.command} | {seconds} | {limit} | {tool.note} |")
    return "\n".join(out) + "\n"


def _render_command(results: Results) -> list[str]:
    floor = Spread.of(results.cold_starts[0].seconds)
    out = [
        "## 5. The command and the wait",
        "",
        "Cold start: the wall time of one run in a fresh interpreter, as a CI step runs it, against the local",
        "server; the median of the runs (min-max), the two commands alternating.",
        "",
        "| command | ms | min-max | vs the floor |",
        "|---|---:|---:|---:|",
    ]
    for row in results.cold_starts:
        spread = Spread.of(row.seconds)
        ratio = spread.median / floor.median
        out.append(f"| {row.command} | {spread.median * 1e3:.0f} | {spread.range(1e3, 0)} | {ratio:.2f}x |")
    minutes = bench_cli.TEN_MINUTES / 60
    out += [
        "",
        f"A default wait on a deployment that never finishes sends **{results.wait_requests} requests** in "
        f"{minutes:.0f} minutes ({results.wait_requests / minutes:.1f} a minute; Cloudflare allows 240 a minute).",
    ]
    return out


def update_docs(report: str) -> None:
    """Put the report, one heading level down, between the markers of docs/performance.md."""
    text = DOCS.read_text()
    if DOCS_START not in text or DOCS_END not in text:
        raise SystemExit(f"bench: {DOCS.name} has no {DOCS_START} ... {DOCS_END} markers")
    body = report.split("\n", 2)[2]  # without the "# Benchmarks" title
    body = re.sub(r"^(#{2,3}) ", r"#\1 ", body, flags=re.MULTILINE)
    head, rest = text.split(DOCS_START, 1)
    _, tail = rest.split(DOCS_END, 1)
    DOCS.write_text(f"{head}{DOCS_START}\n{body.strip()}\n{DOCS_END}{tail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke run, not figures")
    parser.add_argument("--docs", action="store_true", help="also write the figures in docs/performance.md")
    parser.add_argument(
        "--upstream",
        type=Path,
        default=PUBLISHED_SLICE,
        help="the published document to time the upstream comparison on "
        "(default: the committed slice of this operation; give the whole 12.5 MB document for the real figure)",
    )
    options = parser.parse_args()
    batches, batch_seconds = (5, 0.005) if options.quick else (25, 0.02)
    rounds, requests = (2, 100) if options.quick else (7, 1000)
    construction_rounds, clients = (1, 5) if options.quick else (5, 20)

    started = time.perf_counter()
    print(f"bench: {machine()}", flush=True)
    print("bench: 1/7 parsing", flush=True)
    parse = bench_parse(batches, batch_seconds)
    print("bench: 2/7 parsing in instructions (valgrind)", flush=True)
    instructions = None
    if bench_instructions.available():
        calls = 50 if options.quick else bench_instructions.CALLS
        instructions = bench_instructions.count_parses(SUCCESS_BODIES, calls)
    print("bench: 3/7 scaling", flush=True)
    scaling = bench_scaling(max(5, batches // 2), batch_seconds)
    print("bench: 4/7 building clients", flush=True)
    construction = bench_construction.measure(construction_rounds, clients, sdk_parser() is not None)
    print("bench: 5/7 end to end", flush=True)
    counted = (20 if options.quick else bench_instructions.REQUESTS) if bench_instructions.available() else None
    end_to_end = bench_end_to_end(rounds, requests, counted)
    print("bench: 6/7 the command's cold start and a ten-minute wait", flush=True)
    server = start_local_server()
    try:
        cold_starts = bench_cli.cold_starts(server, 3 if options.quick else 10)
    finally:
        server.stop()
    wait_requests = bench_cli.ten_minute_wait_requests()
    print("bench: 7/7 tools", flush=True)
    tools = bench_tools(options.upstream)
    results = Results(
        parse,
        instructions,
        scaling,
        construction,
        end_to_end,
        cold_starts,
        wait_requests,
        tools,
        time.perf_counter() - started,
    )
    report = render(results)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report)
    if options.docs:
        update_docs(report)
    print(report)
    print(f"bench: wrote {REPORT.relative_to(ROOT)}" + (f" and {DOCS.relative_to(ROOT)}" if options.docs else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
