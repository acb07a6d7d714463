"""Compare a body with what the generated models give back from `to_dict()`.

The models write timestamps with `datetime.isoformat()`: `...19.07168Z` comes
back as `...19.071680+00:00`. Those are the same instant, so two strings that
both parse as RFC 3339 timestamps are compared as instants; everything else
must be equal to the letter.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cloudflare_pages_client._runtime import json_pointer


def _instant(value: str) -> datetime | None:
    if len(value) < 20 or value[10] not in "Tt":
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def differences(expected: Any, actual: Any, pointer: str = "") -> list[str]:
    """Every place where `actual` differs from `expected`, as JSON pointers with both values."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(expected.keys() | actual.keys()):
            where = json_pointer.join(pointer, key)
            if key not in actual:
                found.append(f"{where}: missing after the round trip")
            elif key not in expected:
                found.append(f"{where}: added by the round trip ({actual[key]!r})")
            else:
                found += differences(expected[key], actual[key], where)
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{pointer}: {len(expected)} items became {len(actual)}"]
        found = []
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            found += differences(left, right, json_pointer.join(pointer, index))
        return found
    if isinstance(expected, str) and isinstance(actual, str) and expected != actual:
        left, right = _instant(expected), _instant(actual)
        if left is not None and left == right:
            return []
    if type(expected) is not type(actual) or expected != actual:
        return [f"{pointer or '/'}: {expected!r} became {actual!r}"]
    return []
