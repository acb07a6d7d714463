from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResponseMessageSource")

_KNOWN_KEYS = frozenset(
    {
        "pointer",
    }
)


@_attrs_define
class ResponseMessageSource:
    """
    Attributes:
        pointer (str | Unset):
    """

    pointer: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        pointer = self.pointer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pointer is not UNSET:
            field_dict["pointer"] = pointer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            pointer = src_dict.get("pointer", UNSET)
            if not (isinstance(pointer, str) or pointer is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "pointer", "ResponseMessageSource.pointer", "str | Unset")

        if cls is ResponseMessageSource:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            response_message_source = object.__new__(cls)
            response_message_source.pointer = pointer
            response_message_source.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            response_message_source = cls(
                pointer=pointer,
            )

        if not _KNOWN_KEYS.issuperset(src_dict):
            response_message_source.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return response_message_source

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
