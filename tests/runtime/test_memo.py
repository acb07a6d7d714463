"""Checks remembered for repeated string values, and only for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cloudflare_pages_client._runtime import memo


def counted() -> tuple[list[tuple[str, object]], Callable[[str, object], str]]:
    calls: list[tuple[str, object]] = []

    def check(name: str, value: object) -> str:
        calls.append((name, value))
        if value == "":
            raise ValueError(f"{name} is empty")
        return f"{name}={value}"

    return calls, memo.remember_string_values(check)


def test_a_string_value_is_checked_once_per_name() -> None:
    calls, check = counted()
    assert [check("a", "x"), check("a", "x"), check("b", "x")] == ["a=x", "a=x", "b=x"]
    assert calls == [("a", "x"), ("b", "x")]


def test_equal_values_of_other_types_are_not_mixed_up() -> None:
    calls, check = counted()
    assert [check("a", 1), check("a", 1.0), check("a", True), check("a", 1)] == [
        "a=1",
        "a=1.0",
        "a=True",
        "a=1",
    ]
    assert len(calls) == 4


def test_an_exception_is_raised_every_time() -> None:
    calls, check = counted()
    for _ in range(2):
        with pytest.raises(ValueError, match="a is empty"):
            check("a", "")
    assert len(calls) == 2


def test_the_cache_is_emptied_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "_MAX_ENTRIES", 2)
    calls, check = counted()
    for value in ("x", "y", "z", "x"):
        check("a", value)
    assert [value for _, value in calls] == ["x", "y", "z", "x"]
    check("a", "x")
    assert len(calls) == 4
