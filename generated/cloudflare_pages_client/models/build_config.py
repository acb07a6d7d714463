from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BuildConfig")


@_attrs_define
class BuildConfig:
    """Configs for the project build process; every field is often null.

    Attributes:
        web_analytics_tag (None | str):
        web_analytics_token (None | str):
        build_caching (bool | None | Unset):
        build_command (None | str | Unset):
        destination_dir (None | str | Unset):
        root_dir (None | str | Unset):
    """

    web_analytics_tag: None | str
    web_analytics_token: None | str
    build_caching: bool | None | Unset = UNSET
    build_command: None | str | Unset = UNSET
    destination_dir: None | str | Unset = UNSET
    root_dir: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        web_analytics_tag: None | str
        web_analytics_tag = self.web_analytics_tag

        web_analytics_token: None | str
        web_analytics_token = self.web_analytics_token

        build_caching: bool | None | Unset
        if isinstance(self.build_caching, Unset):
            build_caching = UNSET
        else:
            build_caching = self.build_caching

        build_command: None | str | Unset
        if isinstance(self.build_command, Unset):
            build_command = UNSET
        else:
            build_command = self.build_command

        destination_dir: None | str | Unset
        if isinstance(self.destination_dir, Unset):
            destination_dir = UNSET
        else:
            destination_dir = self.destination_dir

        root_dir: None | str | Unset
        if isinstance(self.root_dir, Unset):
            root_dir = UNSET
        else:
            root_dir = self.root_dir

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "web_analytics_tag": web_analytics_tag,
                "web_analytics_token": web_analytics_token,
            }
        )
        if build_caching is not UNSET:
            field_dict["build_caching"] = build_caching
        if build_command is not UNSET:
            field_dict["build_command"] = build_command
        if destination_dir is not UNSET:
            field_dict["destination_dir"] = destination_dir
        if root_dir is not UNSET:
            field_dict["root_dir"] = root_dir

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_web_analytics_tag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        web_analytics_tag = _parse_web_analytics_tag(d.pop("web_analytics_tag"))

        def _parse_web_analytics_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        web_analytics_token = _parse_web_analytics_token(d.pop("web_analytics_token"))

        def _parse_build_caching(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        build_caching = _parse_build_caching(d.pop("build_caching", UNSET))

        def _parse_build_command(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        build_command = _parse_build_command(d.pop("build_command", UNSET))

        def _parse_destination_dir(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_dir = _parse_destination_dir(d.pop("destination_dir", UNSET))

        def _parse_root_dir(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        root_dir = _parse_root_dir(d.pop("root_dir", UNSET))

        build_config = cls(
            web_analytics_tag=web_analytics_tag,
            web_analytics_token=web_analytics_token,
            build_caching=build_caching,
            build_command=build_command,
            destination_dir=destination_dir,
            root_dir=root_dir,
        )

        build_config.additional_properties = d
        return build_config

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
