"""openapi/templates.lock: a generator upgrade names every override whose stock template changed.

openapi-python-client calls custom templates an unstable API (its 0.29.0 -> 0.29.1
patch changed 8 of the stock templates overridden here), so the lock records the
sha256 of the stock template behind each override and these tests fail until the
overrides have been merged with the new stock and the lock rewritten.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from contract_tests.kit.paths import ROOT
from scripts import template_overrides as overrides
from scripts.template_overrides import Lock, lock_problems, our_lines, read_lock, render_lock, stock_hashes

TEMPLATES = ROOT / "openapi" / "templates"
# The budget: project-owned template lines (not in the stock templates), and the length of a
# template that carries no directive (a re-export of the runtime).
OWNED_LINES_BUDGET = 300
PLAIN_TEMPLATE_MAX_LINES = 15
NAMES = overrides.override_names()


@pytest.fixture
def stock_copy(tmp_path: Path) -> Path:
    """The installed stock templates behind our overrides, in a folder a test may change."""
    folder = tmp_path / "stock"
    for name in NAMES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(overrides.stock_templates() / name, folder / name)
    return folder


def current_lock() -> Lock:
    return Lock(overrides.installed_version(), stock_hashes(NAMES))


def test_the_lock_matches_the_installed_generator() -> None:
    assert lock_problems(read_lock(), overrides.installed_version(), NAMES, stock_hashes(NAMES)) == []


def test_the_lock_has_an_entry_for_every_override_and_no_other() -> None:
    lock = read_lock()
    assert sorted(lock.stock_sha256) == NAMES
    assert all(re.fullmatch("[0-9a-f]{64}", digest) for digest in lock.stock_sha256.values())


def test_a_changed_stock_template_is_named_with_what_to_do(stock_copy: Path) -> None:
    for name in ("endpoint_module.py.jinja", "property_templates/union_property.py.jinja"):
        (stock_copy / name).write_text((stock_copy / name).read_text() + "{# upstream change #}\n")
    problems = lock_problems(current_lock(), "9.9.9", NAMES, stock_hashes(NAMES, stock_copy))
    version = overrides.installed_version()
    assert len(problems) == 2
    assert problems[0].startswith("endpoint_module.py.jinja: its stock template changed in openapi-python-client 9.9.9")
    assert problems[1].startswith("property_templates/union_property.py.jinja: its stock template changed")
    assert f"three-way merge the change between openapi-python-client {version}'s stock template" in problems[0]
    assert "`make generate`, `make test` and `make template-overrides UPDATE=1`" in problems[0]


def test_an_override_without_a_lock_entry_is_named() -> None:
    lock = current_lock()
    del lock.stock_sha256["types.py.jinja"]
    problems = lock_problems(lock, lock.version, NAMES, stock_hashes(NAMES))
    assert len(problems) == 1
    assert problems[0].startswith("types.py.jinja: an override with no entry in openapi/templates.lock")


def test_a_stale_lock_entry_is_named() -> None:
    lock = current_lock()
    lock.stock_sha256["str_enum.py.jinja"] = "0" * 64
    problems = lock_problems(lock, lock.version, NAMES, stock_hashes(NAMES))
    assert problems == [
        "str_enum.py.jinja: in openapi/templates.lock but no longer overridden: `make template-overrides UPDATE=1`"
    ]


def test_an_override_of_a_template_the_generator_no_longer_has_is_named(stock_copy: Path) -> None:
    (stock_copy / "errors.py.jinja").unlink()
    problems = lock_problems(current_lock(), "9.9.9", NAMES, stock_hashes(NAMES, stock_copy))
    assert len(problems) == 1
    assert problems[0].startswith("errors.py.jinja: openapi-python-client 9.9.9 has no such stock template")


def test_a_new_generator_version_with_the_same_stock_templates_only_needs_the_lock_rewritten() -> None:
    lock = current_lock()
    problems = lock_problems(lock, "9.9.9", NAMES, stock_hashes(NAMES))
    assert problems == [
        f"openapi-python-client 9.9.9 is installed but openapi/templates.lock was written for {lock.version}; "
        "no stock template behind an override changed: `make template-overrides UPDATE=1`"
    ]


def test_the_lock_round_trips_through_its_text(tmp_path: Path) -> None:
    lock = current_lock()
    path = tmp_path / "templates.lock"
    path.write_text(render_lock(lock.version, lock.stock_sha256))
    assert read_lock(path) == lock
    assert path.read_text() == (ROOT / "openapi" / "templates.lock").read_text()


def test_an_unreadable_lock_says_how_to_rewrite_it(tmp_path: Path) -> None:
    path = tmp_path / "templates.lock"
    path.write_text("[generator]\n")
    with pytest.raises(overrides.LockError, match=r"run `make template-overrides UPDATE=1`"):
        read_lock(path)


@pytest.mark.parametrize(
    ("stock", "ours", "owned"),
    [
        (["a", "b", "c"], ["a", "b", "c"], 0),
        (["a", "b", "c"], ["a", "x", "b", "c"], 1),
        (["a", "b", "c"], ["a", "x", "y", "c"], 2),
        (["a", "b", "c"], ["a", "c"], 0),
        ([], ["x", "y"], 2),
    ],
    ids=["same", "one inserted", "one replaced by two", "one removed", "all new"],
)
def test_owned_lines_are_the_inserted_and_replacing_ones(stock: list[str], ours: list[str], owned: int) -> None:
    assert our_lines(stock, ours) == owned


def test_the_project_owned_template_lines_stay_under_the_budget() -> None:
    owned = {name: overrides.measure(name).ours for name in NAMES}
    assert sum(owned.values()) < OWNED_LINES_BUDGET, owned


@pytest.mark.parametrize("name", NAMES)
def test_every_override_says_at_its_top_what_it_changes_from_stock(name: str) -> None:
    text = (TEMPLATES / name).read_text()
    assert text.startswith("{#- Written over openapi-python-client's "), name
    assert Path(name).name in text.split("\n", 1)[0]
    assert "-#}" in text


@pytest.mark.parametrize("name", NAMES)
def test_a_template_without_a_directive_is_a_short_re_export(name: str) -> None:
    text = (TEMPLATES / name).read_text()
    without_comments = re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)
    if "{{" not in without_comments and "{%" not in without_comments:
        assert len(text.splitlines()) <= PLAIN_TEMPLATE_MAX_LINES
        assert "from ._runtime." in text


def test_the_tool_prints_each_override_and_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    assert overrides.main([]) == 0
    out = capsys.readouterr().out
    stock_lines = len((overrides.stock_templates() / "client.py.jinja").read_text().splitlines())
    assert re.search(rf"^client\.py\.jinja\s+\d+\s+\d+\s+{stock_lines}$", out, re.MULTILINE)
    total = sum(overrides.measure(name).ours for name in NAMES)
    assert re.search(rf"^total\s+\d+\s+{total}$", out, re.MULTILINE)
    assert "openapi/templates.lock matches openapi-python-client" in out
