"""`make bench`: how fast the client and the checks are, beside the baselines a user would pick instead.

Measures, in one run on this machine: parsing recorded bodies (json.loads alone,
json.loads + our models, json.loads + Cloudflare's official SDK), how parsing
scales with the body, end-to-end requests against a local server, and the
wall time of the tools. Writes reports/bench.md and, with --readme, the
"Performance" section of docs/performance.md. Ratios are the figures to read: they hold
on a noisy machine where absolute times do not. Nothing here asserts a time.
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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from cloudflare_pages_client import AuthenticatedClient, get_deployment, get_deployment_async
from cloudflare_pages_client.models import DeploymentEnvelope, ErrorEnvelope
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR as RECORDINGS
from contract_tests.kit.paths import REPORTS_DIR, ROOT
from contract_tests.kit.spec import OPERATION_PATH
from scripts.bench_server import start_local_server
from scripts.generation import generate_into
from scripts.upstream.source import PUBLISHED_SLICE

REPORT = REPORTS_DIR / "bench.md"
README = ROOT / "docs" / "performance.md"
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"

SUCCESS_BODIES = ("seed-example", "direct-upload-without-source", "github-push-with-source")
ERROR_BODIES = ("bad-token", "project-not-found")
SCALE_SIZES = (10, 100, 1000)
REQUESTS = 2000
CONCURRENCY = 10

Parse = Callable[[bytes], object]


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Timing:
    """Seconds per call: the median of the batch medians, and the batches' quartiles and extremes."""

    median: float
    q1: float
    q3: float
    low: float
    high: float

    def spread(self, scale: float = 1e6) -> str:
        return f"{self.q1 * scale:.2f}-{self.q3 * scale:.2f}"


def measure(function: Callable[[], object], *, batches: int, batch_seconds: float) -> Timing:
    """Time `function` in `batches` batches of n calls each, n chosen so that a batch lasts about batch_seconds."""
    function()  # warm up: imports, caches, the adaptive interpreter
    calls, elapsed = 1, 0.0
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            function()
        elapsed = time.perf_counter() - started
        if elapsed >= batch_seconds / 10:
            break
        calls *= 2
    calls = max(1, int(calls * batch_seconds / elapsed))
    per_call: list[float] = []
    for _ in range(batches):
        started = time.perf_counter()
        for _ in range(calls):
            function()
        per_call.append((time.perf_counter() - started) / calls)
    quartiles = statistics.quantiles(per_call, n=4)
    return Timing(statistics.median(per_call), quartiles[0], quartiles[2], min(per_call), max(per_call))


def _least_squares(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Slope, intercept and r² of the least-squares line through (xs, ys)."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    syy = sum((y - mean_y) ** 2 for y in ys)
    slope = sxy / sxx
    r_squared = 1.0 if syy == 0 else (sxy * sxy) / (sxx * syy)
    return slope, mean_y - slope * mean_x, r_squared


# ---------------------------------------------------------------- the parsers


def parse_floor(body: bytes) -> object:
    return json.loads(body)


def parse_ours_success(body: bytes) -> object:
    return DeploymentEnvelope.from_dict(json.loads(body))


def parse_ours_error(body: bytes) -> object:
    return ErrorEnvelope.from_dict(json.loads(body))


def sdk_parser() -> Parse | None:
    """The official SDK's default path from body to Deployment (non-strict construct_type, then the unwrapper)."""
    try:
        from cloudflare._models import construct_type
        from cloudflare._wrappers import ResultWrapper
        from cloudflare.types.pages import Deployment
    except ImportError:
        return None
    wrapper: Any = ResultWrapper[Deployment]

    def parse(body: bytes) -> object:
        return wrapper._unwrapper(construct_type(type_=wrapper, value=json.loads(body)))

    return parse


def recorded_body(name: str) -> bytes:
    data = json.loads((RECORDINGS / f"{name}.json").read_text())
    return json.dumps(data["response"]["body"], separators=(",", ":")).encode()


def scaled_body(kind: str, size: int) -> bytes:
    """github-push-with-source with `size` env vars (3 plain_text to 1 secret_text) or `size` aliases."""
    envelope = json.loads(recorded_body("github-push-with-source"))
    result = envelope["result"]
    if kind == "env_vars":
        result["env_vars"] = {
            f"VARIABLE_{index:04d}": (
                {"type": "secret_text", "value": ""}
                if index % 4 == 3
                else {"type": "plain_text", "value": f"value-{index}"}
            )
            for index in range(size)
        }
    else:
        result["aliases"] = [f"https://branch-{index:04d}.marketing-site.pages.dev" for index in range(size)]
    return json.dumps(envelope, separators=(",", ":")).encode()


# ---------------------------------------------------------------- sections


@dataclass
class ParseRow:
    body: str
    size: int
    floor: Timing
    ours: Timing
    sdk: Timing | None


def bench_parse(batches: int, batch_seconds: float) -> list[ParseRow]:
    sdk = sdk_parser()
    rows = []
    for name in SUCCESS_BODIES + ERROR_BODIES:
        body = recorded_body(name)
        ours = parse_ours_success if name in SUCCESS_BODIES else parse_ours_error
        # The three are measured back to back, per body, so that they see the same machine.
        floor = measure(functools.partial(parse_floor, body), batches=batches, batch_seconds=batch_seconds)
        mine = measure(functools.partial(ours, body), batches=batches, batch_seconds=batch_seconds)
        theirs = None
        if sdk is not None and name in SUCCESS_BODIES:
            theirs = measure(functools.partial(sdk, body), batches=batches, batch_seconds=batch_seconds)
        rows.append(ParseRow(name, len(body), floor, mine, theirs))
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
        bodies = {size: scaled_body(kind, size) for size in (0, *SCALE_SIZES)}
        for method, parse in methods:
            timings = {
                size: measure(functools.partial(parse, body), batches=batches, batch_seconds=batch_seconds).median
                for size, body in bodies.items()
            }
            series.append(
                ScaleSeries(kind, method, list(SCALE_SIZES), [timings[size] for size in SCALE_SIZES], timings[0])
            )
    return series


@dataclass
class EndToEndRow:
    name: str
    rps: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.rps)


def _run_sync(function: Callable[[], object], requests: int) -> float:
    started = time.perf_counter()
    for _ in range(requests):
        function()
    return requests / (time.perf_counter() - started)


def bench_end_to_end(rounds: int, requests: int) -> tuple[list[EndToEndRow], str]:
    server = start_local_server()
    try:
        return _end_to_end(
            server.base_url, server.token, server.account_id, server.project, server.deployment_id, rounds, requests
        )
    finally:
        server.stop()


def _end_to_end(
    base_url: str, token: str, account_id: str, project: str, deployment_id: str, rounds: int, requests: int
) -> tuple[list[EndToEndRow], str]:
    path = OPERATION_PATH.format(account_id=account_id, project_name=project, deployment_id=deployment_id)
    headers = {"Authorization": f"Bearer {token}"}

    plain = httpx.Client(base_url=base_url, headers=headers)
    ours = AuthenticatedClient(token=token, base_url=base_url)

    def fetch() -> object:
        return get_deployment(ours, account_id=account_id, project_name=project, deployment_id=deployment_id)

    def floor() -> object:
        response = plain.get(path)
        response.raise_for_status()
        return json.loads(response.content)

    def raw_socket_ceiling() -> float:
        """What the server answers to a client that does nothing but write and read bytes (its capacity)."""
        import socket
        from urllib.parse import urlsplit

        url = urlsplit(base_url)
        request = (
            f"GET {url.path}{path} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: Bearer {token}\r\n\r\n"
        ).encode()
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

    rows = {
        name: EndToEndRow(name)
        for name in (
            "server ceiling (raw socket client)",
            "plain httpx.Client + json.loads (floor)",
            "our sync client, get_deployment",
            "plain httpx.AsyncClient + json.loads",
            "our async client, sequential",
            f"our async client, {CONCURRENCY} concurrent",
            "official SDK, client.pages.projects.deployments.get",
        )
    }
    rows[f"our async client, {CONCURRENCY} concurrent"].note = f"{CONCURRENCY} connections"

    sdk: Any = None
    try:
        import cloudflare

        sdk = cloudflare.Cloudflare(api_token=token, base_url=base_url)
    except ImportError:
        rows["official SDK, client.pages.projects.deployments.get"].note = "cloudflare is not installed"

    async def async_rounds() -> None:
        plain_async = httpx.AsyncClient(base_url=base_url, headers=headers)
        ours_async = AuthenticatedClient(token=token, base_url=base_url)

        async def fetch_async() -> object:
            return await get_deployment_async(
                ours_async, account_id=account_id, project_name=project, deployment_id=deployment_id
            )

        async def floor_async() -> object:
            response = await plain_async.get(path)
            response.raise_for_status()
            return json.loads(response.content)

        async def sequential(function: Callable[[], Any], count: int) -> float:
            started = time.perf_counter()
            for _ in range(count):
                await function()
            return count / (time.perf_counter() - started)

        async def concurrent(count: int) -> float:
            remaining = count

            async def worker() -> None:
                nonlocal remaining
                while remaining > 0:
                    remaining -= 1
                    await fetch_async()

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
            return count / (time.perf_counter() - started)

        await sequential(floor_async, 50)
        await sequential(fetch_async, 50)
        await concurrent(100)
        for _ in range(rounds):
            rows["plain httpx.AsyncClient + json.loads"].rps.append(await sequential(floor_async, requests))
            rows["our async client, sequential"].rps.append(await sequential(fetch_async, requests))
            rows[f"our async client, {CONCURRENCY} concurrent"].rps.append(await concurrent(requests))
        await plain_async.aclose()
        await ours_async.get_async_httpx_client().aclose()

    # Warm up every client (connection opened, code paths exercised), then interleave the rounds.
    for _ in range(50):
        floor()
        fetch()
        if sdk is not None:
            sdk.pages.projects.deployments.get(deployment_id, account_id=account_id, project_name=project)
    for _ in range(rounds):
        rows["server ceiling (raw socket client)"].rps.append(raw_socket_ceiling())
        rows["plain httpx.Client + json.loads (floor)"].rps.append(_run_sync(floor, requests))
        rows["our sync client, get_deployment"].rps.append(_run_sync(fetch, requests))
        if sdk is not None:
            rows["official SDK, client.pages.projects.deployments.get"].rps.append(
                _run_sync(
                    lambda: sdk.pages.projects.deployments.get(
                        deployment_id, account_id=account_id, project_name=project
                    ),
                    requests,
                )
            )
    asyncio.run(async_rounds())
    plain.close()
    ours.get_httpx_client().close()
    if sdk is not None:
        sdk.close()
    return list(rows.values()), httpx.URL(base_url).host


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


@dataclass
class Results:
    parse: list[ParseRow]
    scaling: list[ScaleSeries]
    end_to_end: list[EndToEndRow]
    server: str
    tools: list[ToolRow]
    elapsed: float = 0.0


def goals(results: Results) -> list[str]:
    lines = []
    worst = max(results.parse, key=lambda row: row.ours.median / row.floor.median)
    ratio = worst.ours.median / worst.floor.median
    lines.append(
        f"- Parse, json.loads + from_dict within 2x of json.loads on every body: {_met(ratio <= 2.0)} "
        f"(worst {ratio:.2f}x, {worst.body})"
    )
    rows = {row.name: row for row in results.end_to_end}
    floor = rows["plain httpx.Client + json.loads (floor)"].median
    sync = rows["our sync client, get_deployment"].median
    lines.append(
        f"- End to end, our sync client at 0.9x of plain httpx or better: {_met(sync / floor >= 0.9)} "
        f"({sync / floor:.2f}x: {sync:,.0f} vs {floor:,.0f} requests/s)"
    )
    sdk = rows["official SDK, client.pages.projects.deployments.get"]
    if sdk.rps:
        lines.append(
            f"- End to end, at least 3x the official SDK: {_met(sync / sdk.median >= 3.0)} "
            f"({sync / sdk.median:.2f}x: {sync:,.0f} vs {sdk.median:,.0f} requests/s)"
        )
    else:
        lines.append(f"- End to end, at least 3x the official SDK: not measured ({sdk.note})")
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


def render(results: Results) -> str:
    out = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {time.strftime('%Y-%m-%d %H:%M %Z')}, in {results.elapsed:.0f} s.",
        f"Machine: {machine()}.",
        "",
        "Ratios are the figures to read: every pair was measured back to back in the same run.",
        "",
        "## Goals",
        "",
        *goals(results),
        "",
        "## 1. Parsing a response",
        "",
        "Per body, microseconds per parse: the median of the batch medians, with the batches' interquartile range.",
        "Every column starts from the same bytes. Ours: `DeploymentEnvelope.from_dict` / `ErrorEnvelope.from_dict`.",
        "SDK: `construct_type(type_=ResultWrapper[Deployment], value=...)` then `ResultWrapper._unwrapper`,",
        "its client's default (non-strict) path.",
        "",
        "| body | bytes | json.loads (µs) | + our from_dict (µs) | ours / loads | official SDK (µs) | SDK / loads |"
        " SDK / ours |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results.parse:
        ratio = row.ours.median / row.floor.median
        if row.sdk is not None:
            sdk = (
                f"{_us(row.sdk.median)} ({row.sdk.spread()}) | {row.sdk.median / row.floor.median:.2f}x | "
                f"{row.sdk.median / row.ours.median:.2f}x"
            )
        elif row.body in ERROR_BODIES:
            sdk = "no model: the SDK raises APIStatusError with the raw dict | - | -"
        else:
            sdk = "not installed | - | -"
        out.append(
            f"| {row.body} | {row.size:,} | {_us(row.floor.median)} ({row.floor.spread()}) | "
            f"{_us(row.ours.median)} ({row.ours.spread()}) | {ratio:.2f}x | {sdk} |"
        )
    out += [
        "",
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
    rows = {row.name: row for row in results.end_to_end}
    floor = rows["plain httpx.Client + json.loads (floor)"].median
    out += [
        "",
        "## 3. End to end",
        "",
        f"{REQUESTS:,} GETs per round over one keep-alive connection to a local server ({results.server},",
        "the replay server in a separate process: `scripts/bench_server.py`), rounds interleaved;",
        "requests per second, median of the rounds (min-max). The server ceiling is a raw-socket client",
        "that only writes and reads bytes: the server answers that fast, so it is not what limits the",
        "clients below it.",
        "",
        "| client | requests/s | min-max | vs the floor | |",
        "|---|---:|---:|---:|---|",
    ]
    for client in results.end_to_end:
        if not client.rps:
            out.append(f"| {client.name} | - | - | - | {client.note} |")
            continue
        out.append(
            f"| {client.name} | {client.median:,.0f} | {min(client.rps):,.0f}-{max(client.rps):,.0f} | "
            f"{client.median / floor:.2f}x | {client.note} |"
        )
    out += [
        "",
        "## 4. The tools",
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


def update_readme(report: str) -> None:
    """Put the report, one heading level down, between the markers of docs/performance.md."""
    text = README.read_text()
    if README_START not in text or README_END not in text:
        raise SystemExit(f"bench: {README.name} has no {README_START} ... {README_END} markers")
    body = report.split("\n", 2)[2]  # without the "# Benchmarks" title
    body = re.sub(r"^## ", "### ", body, flags=re.MULTILINE)
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    README.write_text(f"{head}{README_START}\n{body.strip()}\n{README_END}{tail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke run, not figures")
    parser.add_argument("--readme", action="store_true", help="also write the figures in docs/performance.md")
    parser.add_argument(
        "--upstream",
        type=Path,
        default=PUBLISHED_SLICE,
        help="the published document to time the upstream comparison on "
        "(default: the committed slice of this operation; give the whole 12.5 MB document for the real figure)",
    )
    options = parser.parse_args()
    batches, batch_seconds = (5, 0.005) if options.quick else (25, 0.02)
    rounds, requests = (1, 200) if options.quick else (3, REQUESTS)

    started = time.perf_counter()
    print(f"bench: {machine()}", flush=True)
    print("bench: 1/4 parsing", flush=True)
    parse = bench_parse(batches, batch_seconds)
    print("bench: 2/4 scaling", flush=True)
    scaling = bench_scaling(max(5, batches // 2), batch_seconds)
    print("bench: 3/4 end to end", flush=True)
    end_to_end, server = bench_end_to_end(rounds, requests)
    print("bench: 4/4 tools", flush=True)
    tools = bench_tools(options.upstream)
    results = Results(parse, scaling, end_to_end, server, tools, time.perf_counter() - started)
    report = render(results)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report)
    if options.readme:
        update_readme(report)
    print(report)
    print(f"bench: wrote {REPORT.relative_to(ROOT)}" + (f" and {README.relative_to(ROOT)}" if options.readme else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
