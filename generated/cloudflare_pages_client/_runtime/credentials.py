"""Credentials checked when a client is built, so that httpx never refuses one mid-call.

httpx refuses a header value with a newline or a character outside Latin-1 only when the request is sent,
and its error, the error's cause and httpcore's debug log then carry the whole value. Checked here, the
error names the credential and the problem, never the value.
"""

import re

import attrs

# What RFC 9110 allows in a field value: visible ASCII, space and tab inside, obs-text (0x80-0xFF).
_FORBIDDEN = re.compile("[^\\t\\x20-\\x7e\\x80-\\xff]")


def check_credential(name: str, value: object) -> None:
    """TypeError unless `value` is text; ValueError when it cannot travel in a header as it is.

    The messages name `name` and the problem (with its position), never the value or any part of it.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} is empty")
    if value != value.strip():
        raise ValueError(
            f"{name} starts or ends with whitespace (a trailing newline from a secret file?); strip it first"
        )
    found = _FORBIDDEN.search(value)
    if found is not None:
        kind = "a control character" if found.group() < " " or found.group() == "\x7f" else "a non-Latin-1 character"
        raise ValueError(f"{name} contains {kind} at position {found.start()}, which no HTTP header can carry")


def credential_validator(instance: object, attribute: "attrs.Attribute[str]", value: str) -> None:
    """`check_credential` as an attrs validator, named after the attribute."""
    check_credential(attribute.alias or attribute.name, value)


__all__ = ["check_credential", "credential_validator"]
