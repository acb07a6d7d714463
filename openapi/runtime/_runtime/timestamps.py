"""Timestamps as the API writes them (RFC 3339), read into timezone-aware datetimes."""

import datetime

from .shapes import ValueMismatch

_fromisoformat = datetime.datetime.fromisoformat
_UTC = datetime.UTC


def parse_timestamp(text: str) -> datetime.datetime:
    """`text` as an aware datetime; RFC 3339's lower-case "t" and "z", which fromisoformat refuses, are read too.

    fromisoformat is tried first and the string upper-cased only when it fails: the usual spelling is read
    without a copy. Upper-casing changes nothing else (the rest is digits and signs), and more than six
    fraction digits are truncated to microseconds by fromisoformat itself. A timestamp without an offset
    (RFC 3339 requires one; Cloudflare has always sent `Z`) is read as UTC, so that every datetime the
    models hand out can be compared with every other. A value that is not a string raises TypeError; a
    string that is not a timestamp ValueMismatch, whose message does not quote it.
    """
    try:
        parsed = _fromisoformat(text)
    except ValueError:
        try:
            parsed = _fromisoformat(text.upper())
        except ValueError:
            raise ValueMismatch("not an RFC 3339 timestamp") from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=_UTC)
    return parsed


__all__ = ["parse_timestamp"]
