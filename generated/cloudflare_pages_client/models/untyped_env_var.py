from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit

T = TypeVar("T", bound="UntypedEnvVar")

_KNOWN_KEYS = frozenset(
    {
        "value",
    }
)


@_attrs_define
class UntypedEnvVar:
    """An environment variable without `type`, as older deployments return them: {"BUILD_VERSION": {"value": "3.3"}}.

    Attributes:
        value (str):
    """

    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            value = src_dict["value"]
            if not (isinstance(value, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "value", "UntypedEnvVar.value", "str")

        if cls is UntypedEnvVar:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            untyped_env_var = object.__new__(cls)
            untyped_env_var.value = value
            untyped_env_var.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            untyped_env_var = cls(
                value=value,
            )

        if len(src_dict) != 1:
            untyped_env_var.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return untyped_env_var

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
