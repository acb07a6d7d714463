from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuildConfig")

_KNOWN_KEYS = frozenset(
    {
        "web_analytics_tag",
        "web_analytics_token",
        "build_caching",
        "build_command",
        "destination_dir",
        "root_dir",
    }
)


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
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "web_analytics_token",
        }
    )

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

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
        try:
            web_analytics_tag: None | str = src_dict["web_analytics_tag"]
            if not (isinstance(web_analytics_tag, str) or web_analytics_tag is None):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "web_analytics_tag", "BuildConfig.web_analytics_tag", "None | str")

        try:
            web_analytics_token: None | str = src_dict["web_analytics_token"]
            if not (isinstance(web_analytics_token, str) or web_analytics_token is None):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "web_analytics_token", "BuildConfig.web_analytics_token", "None | str")

        try:
            build_caching: bool | None | Unset = src_dict.get("build_caching", UNSET)
            if not (isinstance(build_caching, bool) or build_caching is None or build_caching is UNSET):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "build_caching", "BuildConfig.build_caching", "bool | None | Unset")

        try:
            build_command: None | str | Unset = src_dict.get("build_command", UNSET)
            if not (isinstance(build_command, str) or build_command is None or build_command is UNSET):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "build_command", "BuildConfig.build_command", "None | str | Unset")

        try:
            destination_dir: None | str | Unset = src_dict.get("destination_dir", UNSET)
            if not (isinstance(destination_dir, str) or destination_dir is None or destination_dir is UNSET):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "destination_dir", "BuildConfig.destination_dir", "None | str | Unset")

        try:
            root_dir: None | str | Unset = src_dict.get("root_dir", UNSET)
            if not (isinstance(root_dir, str) or root_dir is None or root_dir is UNSET):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "root_dir", "BuildConfig.root_dir", "None | str | Unset")

        if cls is BuildConfig:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            build_config = object.__new__(cls)
            build_config.web_analytics_tag = web_analytics_tag
            build_config.web_analytics_token = web_analytics_token
            build_config.build_caching = build_caching
            build_config.build_command = build_command
            build_config.destination_dir = destination_dir
            build_config.root_dir = root_dir
            build_config.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            build_config = cls(
                web_analytics_tag=web_analytics_tag,
                web_analytics_token=web_analytics_token,
                build_caching=build_caching,
                build_command=build_command,
                destination_dir=destination_dir,
                root_dir=root_dir,
            )

        if not _KNOWN_KEYS.issuperset(src_dict):
            build_config.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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
