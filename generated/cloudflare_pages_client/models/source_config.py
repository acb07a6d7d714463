from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, check_items, misfit
from ..models.preview_deployment_setting import PreviewDeploymentSetting
from ..types import UNSET, Unset

T = TypeVar("T", bound="SourceConfig")

_PREVIEW_DEPLOYMENT_SETTING_BY_VALUE = {member.value: member for member in PreviewDeploymentSetting}
_KNOWN_KEYS = frozenset(
    {
        "deployments_enabled",
        "owner",
        "owner_id",
        "path_excludes",
        "path_includes",
        "pr_comments_enabled",
        "preview_branch_excludes",
        "preview_branch_includes",
        "preview_deployment_setting",
        "production_branch",
        "production_deployments_enabled",
        "repo_id",
        "repo_name",
    }
)


@_attrs_define
class SourceConfig:
    """The repository's settings. Older bodies carry only some of these fields.

    Attributes:
        deployments_enabled (bool | Unset):
        owner (str | Unset):
        owner_id (str | Unset):
        path_excludes (list[str] | Unset):
        path_includes (list[str] | Unset):
        pr_comments_enabled (bool | Unset):
        preview_branch_excludes (list[str] | Unset):
        preview_branch_includes (list[str] | Unset):
        preview_deployment_setting (PreviewDeploymentSetting | str | Unset):
        production_branch (str | Unset):
        production_deployments_enabled (bool | Unset):
        repo_id (str | Unset):
        repo_name (str | Unset):
    """

    deployments_enabled: bool | Unset = UNSET
    owner: str | Unset = UNSET
    owner_id: str | Unset = UNSET
    path_excludes: list[str] | Unset = UNSET
    path_includes: list[str] | Unset = UNSET
    pr_comments_enabled: bool | Unset = UNSET
    preview_branch_excludes: list[str] | Unset = UNSET
    preview_branch_includes: list[str] | Unset = UNSET
    preview_deployment_setting: PreviewDeploymentSetting | str | Unset = UNSET
    production_branch: str | Unset = UNSET
    production_deployments_enabled: bool | Unset = UNSET
    repo_id: str | Unset = UNSET
    repo_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        deployments_enabled = self.deployments_enabled

        owner = self.owner

        owner_id = self.owner_id

        path_excludes: list[str] | Unset = UNSET
        if not isinstance(self.path_excludes, Unset):
            path_excludes = self.path_excludes

        path_includes: list[str] | Unset = UNSET
        if not isinstance(self.path_includes, Unset):
            path_includes = self.path_includes

        pr_comments_enabled = self.pr_comments_enabled

        preview_branch_excludes: list[str] | Unset = UNSET
        if not isinstance(self.preview_branch_excludes, Unset):
            preview_branch_excludes = self.preview_branch_excludes

        preview_branch_includes: list[str] | Unset = UNSET
        if not isinstance(self.preview_branch_includes, Unset):
            preview_branch_includes = self.preview_branch_includes

        preview_deployment_setting: str | Unset
        if isinstance(self.preview_deployment_setting, Unset):
            preview_deployment_setting = UNSET
        elif isinstance(self.preview_deployment_setting, PreviewDeploymentSetting):
            preview_deployment_setting = self.preview_deployment_setting.value
        else:
            preview_deployment_setting = self.preview_deployment_setting

        production_branch = self.production_branch

        production_deployments_enabled = self.production_deployments_enabled

        repo_id = self.repo_id

        repo_name = self.repo_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if deployments_enabled is not UNSET:
            field_dict["deployments_enabled"] = deployments_enabled
        if owner is not UNSET:
            field_dict["owner"] = owner
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if path_excludes is not UNSET:
            field_dict["path_excludes"] = path_excludes
        if path_includes is not UNSET:
            field_dict["path_includes"] = path_includes
        if pr_comments_enabled is not UNSET:
            field_dict["pr_comments_enabled"] = pr_comments_enabled
        if preview_branch_excludes is not UNSET:
            field_dict["preview_branch_excludes"] = preview_branch_excludes
        if preview_branch_includes is not UNSET:
            field_dict["preview_branch_includes"] = preview_branch_includes
        if preview_deployment_setting is not UNSET:
            field_dict["preview_deployment_setting"] = preview_deployment_setting
        if production_branch is not UNSET:
            field_dict["production_branch"] = production_branch
        if production_deployments_enabled is not UNSET:
            field_dict["production_deployments_enabled"] = production_deployments_enabled
        if repo_id is not UNSET:
            field_dict["repo_id"] = repo_id
        if repo_name is not UNSET:
            field_dict["repo_name"] = repo_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            deployments_enabled = src_dict.get("deployments_enabled", UNSET)
            if not (isinstance(deployments_enabled, bool) or deployments_enabled is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "deployments_enabled", "SourceConfig.deployments_enabled", "bool | Unset")

        try:
            owner = src_dict.get("owner", UNSET)
            if not (isinstance(owner, str) or owner is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "owner", "SourceConfig.owner", "str | Unset")

        try:
            owner_id = src_dict.get("owner_id", UNSET)
            if not (isinstance(owner_id, str) or owner_id is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "owner_id", "SourceConfig.owner_id", "str | Unset")

        try:
            path_excludes: list[str] | Unset = src_dict.get("path_excludes", UNSET)
            if path_excludes or (path_excludes is not UNSET and not isinstance(path_excludes, list)):
                check_items(path_excludes, str)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "path_excludes", "SourceConfig.path_excludes", "list[str] | Unset")

        try:
            path_includes: list[str] | Unset = src_dict.get("path_includes", UNSET)
            if path_includes or (path_includes is not UNSET and not isinstance(path_includes, list)):
                check_items(path_includes, str)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "path_includes", "SourceConfig.path_includes", "list[str] | Unset")

        try:
            pr_comments_enabled = src_dict.get("pr_comments_enabled", UNSET)
            if not (isinstance(pr_comments_enabled, bool) or pr_comments_enabled is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "pr_comments_enabled", "SourceConfig.pr_comments_enabled", "bool | Unset")

        try:
            preview_branch_excludes: list[str] | Unset = src_dict.get("preview_branch_excludes", UNSET)
            if preview_branch_excludes or (
                preview_branch_excludes is not UNSET and not isinstance(preview_branch_excludes, list)
            ):
                check_items(preview_branch_excludes, str)

        except FIELD_FAILURES as error:
            raise misfit(
                error, src_dict, "preview_branch_excludes", "SourceConfig.preview_branch_excludes", "list[str] | Unset"
            )

        try:
            preview_branch_includes: list[str] | Unset = src_dict.get("preview_branch_includes", UNSET)
            if preview_branch_includes or (
                preview_branch_includes is not UNSET and not isinstance(preview_branch_includes, list)
            ):
                check_items(preview_branch_includes, str)

        except FIELD_FAILURES as error:
            raise misfit(
                error, src_dict, "preview_branch_includes", "SourceConfig.preview_branch_includes", "list[str] | Unset"
            )

        try:
            _preview_deployment_setting = src_dict.get("preview_deployment_setting", UNSET)
            preview_deployment_setting: PreviewDeploymentSetting | str | Unset
            if isinstance(_preview_deployment_setting, str):
                preview_deployment_setting = _PREVIEW_DEPLOYMENT_SETTING_BY_VALUE.get(
                    _preview_deployment_setting, _preview_deployment_setting
                )
            elif isinstance(_preview_deployment_setting, str) or _preview_deployment_setting is UNSET:
                preview_deployment_setting = _preview_deployment_setting
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(
                error,
                src_dict,
                "preview_deployment_setting",
                "SourceConfig.preview_deployment_setting",
                "PreviewDeploymentSetting | str | Unset",
            )

        try:
            production_branch = src_dict.get("production_branch", UNSET)
            if not (isinstance(production_branch, str) or production_branch is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "production_branch", "SourceConfig.production_branch", "str | Unset")

        try:
            production_deployments_enabled = src_dict.get("production_deployments_enabled", UNSET)
            if not (isinstance(production_deployments_enabled, bool) or production_deployments_enabled is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(
                error,
                src_dict,
                "production_deployments_enabled",
                "SourceConfig.production_deployments_enabled",
                "bool | Unset",
            )

        try:
            repo_id = src_dict.get("repo_id", UNSET)
            if not (isinstance(repo_id, str) or repo_id is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "repo_id", "SourceConfig.repo_id", "str | Unset")

        try:
            repo_name = src_dict.get("repo_name", UNSET)
            if not (isinstance(repo_name, str) or repo_name is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "repo_name", "SourceConfig.repo_name", "str | Unset")

        if cls is SourceConfig:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            source_config = object.__new__(cls)
            source_config.deployments_enabled = deployments_enabled
            source_config.owner = owner
            source_config.owner_id = owner_id
            source_config.path_excludes = path_excludes
            source_config.path_includes = path_includes
            source_config.pr_comments_enabled = pr_comments_enabled
            source_config.preview_branch_excludes = preview_branch_excludes
            source_config.preview_branch_includes = preview_branch_includes
            source_config.preview_deployment_setting = preview_deployment_setting
            source_config.production_branch = production_branch
            source_config.production_deployments_enabled = production_deployments_enabled
            source_config.repo_id = repo_id
            source_config.repo_name = repo_name
            source_config.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            source_config = cls(
                deployments_enabled=deployments_enabled,
                owner=owner,
                owner_id=owner_id,
                path_excludes=path_excludes,
                path_includes=path_includes,
                pr_comments_enabled=pr_comments_enabled,
                preview_branch_excludes=preview_branch_excludes,
                preview_branch_includes=preview_branch_includes,
                preview_deployment_setting=preview_deployment_setting,
                production_branch=production_branch,
                production_deployments_enabled=production_deployments_enabled,
                repo_id=repo_id,
                repo_name=repo_name,
            )

        if not _KNOWN_KEYS.issuperset(src_dict):
            source_config.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return source_config

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
