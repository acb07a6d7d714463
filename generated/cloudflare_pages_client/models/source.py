from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit
from ..models.source_type import SourceType

T = TypeVar("T", bound="Source")

_SOURCE_TYPE_BY_VALUE = {member.value: member for member in SourceType}
_KNOWN_KEYS = frozenset(
    {
        "type",
        "config",
    }
)


@_attrs_define
class Source:
    """Configs for the project source control.

    Attributes:
        type_ (SourceType | str):
        config (SourceConfig): The repository's settings. Older bodies carry only some of these fields.
    """

    type_: SourceType | str
    config: SourceConfig
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, SourceType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "config": config,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            _type_ = src_dict["type"]
            type_: SourceType | str
            if isinstance(_type_, str):
                type_ = _SOURCE_TYPE_BY_VALUE.get(_type_, _type_)
            elif isinstance(_type_, str):
                type_ = _type_
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "type", "Source.type_", "SourceType | str")

        try:
            config = SourceConfig.from_dict(src_dict["config"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "config", "Source.config", "SourceConfig")

        if cls is Source:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            source = object.__new__(cls)
            source.type_ = type_
            source.config = config
            source.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            source = cls(
                type_=type_,
                config=config,
            )

        if len(src_dict) != 2:
            source.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return source

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


# Imported last, not lazily in every call: a model that imports this one (directly or not) still loads.
from ..models.source_config import SourceConfig  # noqa: E402
