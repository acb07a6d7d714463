from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit

T = TypeVar("T", bound="FlatError")

_KNOWN_KEYS = frozenset(
    {
        "code",
        "message",
    }
)


@_attrs_define
class FlatError:
    """An error as a flat `{code, message}` body, without the envelope: a third party recorded the 404 for an unknown
    deployment id (code 8000009) to this GET in this shape.

        Attributes:
            code (int): Cloudflare's error code, e.g. 8000009 (deployment not found).
            message (str): The error message.
    """

    code: int
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            code = src_dict["code"]
            if not (isinstance(code, int)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "code", "FlatError.code", "int")

        try:
            message = src_dict["message"]
            if not (isinstance(message, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "message", "FlatError.message", "str")

        if cls is FlatError:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            flat_error = object.__new__(cls)
            flat_error.code = code
            flat_error.message = message
            flat_error.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            flat_error = cls(
                code=code,
                message=message,
            )

        if len(src_dict) != 2:
            flat_error.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return flat_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
