"""Where a JSON value departs from the models' annotations: JSONShapeError, which names the place.

The generated `from_dict` methods check every value's JSON type with a plain isinstance (cheap on the
usual path) and build each field inside a `try` whose handler calls `misfit`. The first failure becomes
a JSONShapeError naming its field; each enclosing `from_dict` prepends its own key (and the index, for
an item of a list) on the way out, so that the error reaching the caller carries the whole JSON pointer.
Only the error path pays for finding the place. New *values* (an unknown enum member) and new *fields*
are not failures: the models keep them.

A message never quotes the value itself, only its JSON type: the value may be a secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .json_pointer import escape
from .types import UNSET

# What building a field can raise when the value has the wrong shape: a failed isinstance check raises
# TypeError, a missing key KeyError, a string that is not a timestamp ValueError, a list where an object
# was expected AttributeError or TypeError. Anything else (MemoryError, RecursionError) is not about
# the shape, and passes through.
FIELD_FAILURES = (TypeError, ValueError, KeyError, AttributeError)

_MISSING = object()


class JSONShapeError(ValueError):
    """A JSON value whose type contradicts the model's annotation, or a required field that is missing.

    Attributes:
        pointer: Where, as a JSON pointer (RFC 6901) from the document `from_dict` was given.
        found: The JSON type found there ("an integer", "null", "missing", ...), never the value.
        field: The model attribute that could not take it ("Stage.status").
        expected: That attribute's annotation ("StageStatus | str").

    Raised with at most a short detail that never holds the value; `misfit` gives it its place. It has
    no __init__ of its own: a union member that does not fit fails this way on the usual path, where a
    Python-level constructor was the largest cost (1.5 us a failure, docs/performance.md).
    """

    field = ""
    expected = ""
    _tokens: tuple[str | int, ...] = ()  # from the innermost token outwards
    _placed = False  # until `misfit` (or check_items) says where it happened
    _holder: object = None  # the container the innermost token is read in
    _value: object = None
    _missing = False

    @property
    def pointer(self) -> str:
        return "".join("/" + escape(token) for token in reversed(self._tokens))

    @property
    def found(self) -> str:
        kind = "missing" if self._missing else json_type(self._value)
        return f"{kind} ({self.args[0]})" if self.args and self.args[0] else kind

    def __str__(self) -> str:
        where = self.pointer or "the document"
        wanted = f"; {self.field} takes {self.expected}" if self.field else ""
        return f"{where} is {self.found}{wanted}"

    def _place(self, holder: Any, key: str | int | None, field: str, expected: str) -> JSONShapeError:
        """Where this error happened: holder[key] (key None: the holder itself, which is not an object)."""
        self._placed, self._holder, self.field, self.expected = True, holder, field, expected
        if key is None:
            self._tokens, self._value = (), holder
        else:
            self._tokens = (key,)
            mapping = type(holder) is dict or isinstance(holder, Mapping)
            self._value = holder.get(key, _MISSING) if mapping else holder[key]
            self._missing = self._value is _MISSING
        return self

    def _within(self, holder: Any, key: str | int) -> bool:
        """Prepend `key` (and an index below it) when this error was raised inside holder[key]."""
        value = holder[key] if type(holder) is dict or isinstance(holder, Mapping) else _MISSING
        if value is self._holder:
            self._tokens += (key,)
        elif isinstance(value, list):
            # The first identical item is the one that failed: the items are built in order.
            index = next((i for i, item in enumerate(value) if item is self._holder), None)
            if index is None:
                return False
            self._tokens += (index, key)
        else:
            return False
        self._holder = holder
        return True


class ValueMismatch(JSONShapeError):
    """A value of the right JSON type that is still not what the model takes (a string that is no timestamp)."""


class ConstMismatch(ValueMismatch):
    """Not the constant the model requires: in a union, the sign of another member rather than a bad value."""


class NoMemberFits(JSONShapeError):
    """A value that no member of a union takes, where no member's failure tells more (see `deepest`)."""


def json_type_name(value: object) -> str:
    """JSON Schema's name for the type of a value json.loads gave (an int is an integer, never a number)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, Mapping) else type(value).__name__


_IN_WORDS = {"null": "null", "array": "an array", "integer": "an integer", "object": "an object"}


def in_words(type_name: str) -> str:
    """A JSON type's name as a message says it: "an integer", "null", "an array", ..."""
    return _IN_WORDS.get(type_name, f"a {type_name}")


def json_type(value: object) -> str:
    """The JSON type of a value, in words for a message."""
    return in_words(json_type_name(value))


def misfit(error: Exception, holder: Any, key: str, field: str, expected: str) -> JSONShapeError:
    """The JSONShapeError for a failure while building the field read from holder[key].

    `error` is either a JSONShapeError raised deeper (inside the object or an item of the array at that
    key), which gains the key on its way out, one raised by this field's own check, which is placed here,
    or any other failure of this field (a missing key, a failed isinstance), which becomes one.
    """
    if isinstance(error, JSONShapeError):
        if not error._placed:
            return error._place(holder, key, field, expected)
        if error._within(holder, key):
            if not error.field:
                error.field, error.expected = field, expected
            return error
    shape = JSONShapeError()
    if type(holder) is dict or isinstance(holder, Mapping):
        shape._place(holder, key, field, expected)
    else:
        # from_dict was given something that is not an object at all: the place is the holder itself.
        shape._place(holder, None, field.partition(".")[0], "an object")
    shape.__cause__ = error
    return shape


def deepest(*errors: Exception) -> Exception:
    """What a union raises when none of its members takes the value, given each member's failure.

    A member that fails on a value that is there, of the wrong type, tells where the body is wrong: the
    deepest such failure is raised. A member that fails because a key is missing or a constant differs
    only says that the value is another member's: when every failure is of that kind, NoMemberFits,
    which names the union's own place.
    """
    telling = [
        error
        for error in errors
        if isinstance(error, JSONShapeError) and not error._missing and not isinstance(error, ConstMismatch)
    ]
    if not telling:
        return NoMemberFits("no member of the union takes it")
    return max(telling, key=lambda error: len(error._tokens))


def list_only(value: Any) -> list[Any]:
    """`value`, which must be a list (an empty string or object would otherwise read as an empty list)."""
    if isinstance(value, list):
        return value
    raise TypeError


def check_items(value: object, kind: type[Any]) -> None:
    """Raise unless `value` is UNSET (an optional list left out) or a list whose every item is a `kind`."""
    if value is UNSET:
        return
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, kind):
                break
        else:
            return
    accepted = (int, float) if kind is float else kind  # JSON has one number type: 1 is a float too
    for index, item in enumerate(list_only(value)):
        if not isinstance(item, accepted):
            shape = JSONShapeError()
            shape._place(value, index, "", "")
            raise shape


__all__ = [
    "FIELD_FAILURES",
    "ConstMismatch",
    "JSONShapeError",
    "NoMemberFits",
    "ValueMismatch",
    "check_items",
    "deepest",
    "in_words",
    "json_type",
    "json_type_name",
    "list_only",
    "misfit",
]
