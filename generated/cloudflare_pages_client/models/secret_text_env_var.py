from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, ConstMismatch, misfit

T = TypeVar("T", bound="SecretTextEnvVar")

_KNOWN_KEYS = frozenset(
    {
        "type",
        "value",
    }
)


@_attrs_define
class SecretTextEnvVar:
    """An encrypted environment variable.

    Attributes:
        type_ (Literal['secret_text']):
        value (str):
    """

    type_: Literal["secret_text"]
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "value",
        }
    )

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            type_: Literal["secret_text"] = src_dict["type"]
            if type_.__class__ is not "secret_text".__class__ or type_ != "secret_text":
                raise ConstMismatch("not the constant 'secret_text'")
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "type", "SecretTextEnvVar.type_", "Literal['secret_text']")

        try:
            value = src_dict["value"]
            if not (isinstance(value, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "value", "SecretTextEnvVar.value", "str")

        if cls is SecretTextEnvVar:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            secret_text_env_var = object.__new__(cls)
            secret_text_env_var.type_ = type_
            secret_text_env_var.value = value
            secret_text_env_var.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            secret_text_env_var = cls(
                type_=type_,
                value=value,
            )

        if len(src_dict) != 2:
            secret_text_env_var.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return secret_text_env_var

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
