"""The benchmark's method: alternating batches in a rotating order, per-round ratios, the docs' markers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import bench, bench_cli, bench_instructions


def test_the_functions_take_turns_in_a_rotating_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "_calls_per_batch", lambda function, batch_seconds: 2)
    calls: list[str] = []
    functions = [lambda name=name: calls.append(name) for name in "abc"]
    per_call = bench.measure_alternating(functions, batches=3, batch_seconds=0.0)
    assert "".join(calls) == "aabbcc" + "bbccaa" + "ccaabb"
    assert [len(values) for values in per_call] == [3, 3, 3]


def test_ratios_are_taken_round_by_round() -> None:
    assert bench.ratios([2.0, 6.0, 3.0], [1.0, 3.0, 3.0]) == [2.0, 2.0, 1.0]
    spread = bench.Spread.of(bench.ratios([2.0, 6.0, 3.0], [1.0, 3.0, 3.0]))
    assert (spread.median, spread.low, spread.high) == (2.0, 1.0, 2.0)
    with pytest.raises(ValueError, match="zip"):
        bench.ratios([1.0], [1.0, 2.0])


def test_the_docs_figures_are_replaced_between_the_markers_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\nProse.\n\n{bench.DOCS_START}\nold figures\n{bench.DOCS_END}\n\nMore prose.\n")
    monkeypatch.setattr(bench, "DOCS", page)
    bench.update_docs("# Benchmarks\n\nWritten today.\n\n## Goals\n\n- met\n\n### In instructions\n")
    assert page.read_text() == (
        f"# Performance\n\nProse.\n\n{bench.DOCS_START}\nWritten today.\n\n### Goals\n\n- met\n\n"
        f"#### In instructions\n{bench.DOCS_END}\n\nMore prose.\n"
    )


def test_a_docs_page_without_markers_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n")
    monkeypatch.setattr(bench, "DOCS", page)
    with pytest.raises(SystemExit, match=re.escape("has no <!-- bench:start --> ... <!-- bench:end --> markers")):
        bench.update_docs("# Benchmarks\n\nx\n")
    assert page.read_text() == "# Performance\n"


def test_instructions_per_call_subtract_the_process_that_makes_no_call(monkeypatch: pytest.MonkeyPatch) -> None:
    per_call = {("a", "loads"): 100, ("a", "ours"): 180, ("b", "loads"): 50, ("b", "ours"): 110}
    counted: list[tuple[str, str, int]] = []

    def count(body: str, parser: str, calls: str) -> int:
        counted.append((body, parser, int(calls)))
        return 1_000_000 + int(calls) * per_call[body, parser]

    monkeypatch.setattr(bench_instructions, "_count", count)
    rows = bench_instructions.count_parses(("a", "b"), calls=10)
    assert [(row.body, row.loads, row.ours, row.calls) for row in rows] == [
        ("a", 100.0, 180.0, 10),
        ("b", 50.0, 110.0, 10),
    ]
    assert [row.ratio for row in rows] == [1.8, 2.2]
    assert counted[0] == ("a", "loads", 0)
    assert len(counted) == 5


def test_the_ten_minute_wait_row_counts_the_requests_of_a_default_wait() -> None:
    # Polls at 0, 2, 5, 9.5, 16.25 and 26.375 s (2 s, x1.5 each time), then every 15 s (the cap) up to
    # 596.375 s (38 polls), then one at the deadline: 6 + 38 + 1.
    assert bench_cli.ten_minute_wait_requests() == 45
