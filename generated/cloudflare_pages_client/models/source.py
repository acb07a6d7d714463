from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_type import SourceType

if TYPE_CHECKING:
    from ..models.source_config import SourceConfig


T = TypeVar("T", bound="Source")


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
        from ..models.source_config import SourceConfig  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_type_(data: object) -> SourceType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = SourceType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SourceType | str, data)

        type_ = _parse_type_(d.pop("type"))

        config = SourceConfig.from_dict(d.pop("config"))

        source = cls(
            type_=type_,
            config=config,
        )

        source.additional_properties = d
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
