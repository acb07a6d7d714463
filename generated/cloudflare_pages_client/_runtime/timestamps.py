"""Timestamps as the API writes them (RFC 3339), read into datetimes."""

import datetime

_fromisoformat = datetime.datetime.fromisoformat


def parse_timestamp(text: str) -> datetime.datetime:
    """`text` as a datetime; RFC 3339's lower-case "t" and "z", which fromisoformat refuses, are read too.

    fromisoformat is tried first and the string upper-cased only when it fails: the usual spelling is read
    without a copy. Upper-casing changes nothing else (the rest is digits and signs), and more than six
    fraction digits are truncated to microseconds by fromisoformat itself. A value that is not a string
    raises TypeError, as the stock models' fromisoformat does.
    """
    try:
        return _fromisoformat(text)
    except ValueError:
        return _fromisoformat(text.upper())


__all__ = ["parse_timestamp"]
