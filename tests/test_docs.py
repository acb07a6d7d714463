"""The README stays short, and every page it and docs/ point to exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contract_tests.kit.paths import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = sorted([README, *DOCS.glob("*.md")])
README_MAX_LINES = 150
FENCED_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
# `make bench` rewrites what lies between these markers (scripts/bench.py).
BENCH_START, BENCH_END = "<!-- bench:start -->", "<!-- bench:end -->"


def relative_links(page: Path) -> list[str]:
    """Link targets outside code blocks that are neither URLs nor anchors within the page."""
    text = FENCED_BLOCK.sub("", page.read_text())
    targets = [match.group(1) for match in LINK.finditer(text)]
    return [target for target in targets if not re.match(r"[a-z][a-z0-9+.-]*:|#", target)]


def linked_files(page: Path) -> set[Path]:
    return {(page.parent / target.split("#", 1)[0]).resolve() for target in relative_links(page)}


def test_readme_fits_on_a_few_screens() -> None:
    lines = README.read_text().count("\n")
    assert lines < README_MAX_LINES, f"README.md has {lines} lines; move reference material to docs/"


def test_only_relative_links_outside_code_blocks_are_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("[a](docs/x.md) [b](https://example.com) [c](#here)\n[d](../y.md#part)\n```\n[e](z.md)\n```\n")
    assert relative_links(page) == ["docs/x.md", "../y.md#part"]
    assert linked_files(page) == {tmp_path / "docs" / "x.md", tmp_path.parent / "y.md"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_to_an_existing_file(page: Path) -> None:
    missing = [target for target in relative_links(page) if not (page.parent / target.split("#", 1)[0]).exists()]
    assert missing == []


@pytest.mark.parametrize("index", [README, DOCS / "index.md"], ids=["README.md", "docs/index.md"])
def test_every_docs_page_is_linked_from_the_readme_and_the_index(index: Path) -> None:
    pages = {page.resolve() for page in DOCS.glob("*.md")} - {index.resolve()}
    assert len(pages) >= 6
    assert sorted(str(page.relative_to(ROOT)) for page in pages - linked_files(index)) == []


def test_the_benchmark_figures_have_one_place_to_be_written() -> None:
    holders = [page.name for page in PAGES if BENCH_START in page.read_text() or BENCH_END in page.read_text()]
    assert holders == ["performance.md"]
    text = (DOCS / "performance.md").read_text()
    assert text.count(BENCH_START) == text.count(BENCH_END) == 1
    assert text.index(BENCH_START) < text.index(BENCH_END)
