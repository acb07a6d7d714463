"""The models' repr: short, and never a value the spec marks `x-sensitive`.

attrs' own repr printed a whole deployment (3.5 KB), secrets included (`env_vars` values of type
`secret_text`, `build_config.web_analytics_token`). Here: the fields that are set, nested models one level
deep (their first two fields), lists and maps as their length, long strings cut, sensitive values as '***'.
The generated model passes the names of its sensitive fields, which the template reads from the spec's
`x-sensitive`.
"""

import datetime
from collections.abc import Collection
from enum import Enum
from typing import cast

import attrs
from attrs import AttrsInstance

from .types import Unset

MAX_TEXT = 60
# A nested model shows its first fields only: enough to tell a Stage's name and status.
NESTED_FIELDS = 2
HIDDEN = "'***'"


def _value(value: object, depth: int) -> str:
    if attrs.has(type(value)):
        nested = cast(AttrsInstance, value)
        return short_repr(nested, getattr(nested, "_SENSITIVE_FIELDS", frozenset()), depth + 1)
    if isinstance(value, Enum):
        return repr(value.value)
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…")
    if isinstance(value, list | dict):
        return f"<{len(value)} item{'' if len(value) == 1 else 's'}>"
    return repr(value)


def short_repr(model: AttrsInstance, sensitive: Collection[str], depth: int = 0) -> str:
    """`Name(field=value, ...)` for an attrs model: set fields only, nested models to one level, secrets hidden."""
    name = type(model).__name__
    if depth > 1:
        return f"{name}(...)"
    shown = []
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if isinstance(value, Unset) or value is None:
            continue
        if field.name == "additional_properties":
            if value:
                shown.append(f"<{len(value)} more>")
            continue
        text = HIDDEN if field.name in sensitive else _value(value, depth)
        shown.append(f"{field.name}={text}")
    if depth > 0 and len(shown) > NESTED_FIELDS:
        shown = [*shown[:NESTED_FIELDS], "..."]
    return f"{name}({', '.join(shown)})"


__all__ = ["short_repr"]
