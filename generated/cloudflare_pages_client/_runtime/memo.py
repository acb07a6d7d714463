"""Results of pure checks remembered for the values that repeat from call to call."""

import functools
from collections.abc import Callable

_MAX_ENTRIES = 1024


def remember_string_values(function: Callable[[str, object], str]) -> Callable[[str, object], str]:
    """`function(name, value)` computed once per (name, value) while `value` is exactly a str.

    Other values are passed through uncached: 1, 1.0 and True are equal keys with different str().
    An exception is not remembered. The cache is emptied when it reaches its bound.
    """
    cache: dict[tuple[str, str], str] = {}

    @functools.wraps(function)
    def remembered(name: str, value: object) -> str:
        if type(value) is not str:
            return function(name, value)
        key = (name, value)
        result = cache.get(key)
        if result is None:
            result = function(name, value)
            if len(cache) >= _MAX_ENTRIES:
                cache.clear()
            cache[key] = result
        return result

    return remembered


__all__ = ["remember_string_values"]
