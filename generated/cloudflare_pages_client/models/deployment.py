from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deployment_environment import DeploymentEnvironment
from ..models.skip_reason import SkipReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.build_config import BuildConfig
    from ..models.deployment_trigger import DeploymentTrigger
    from ..models.env_vars import EnvVars
    from ..models.source import Source
    from ..models.stage import Stage


T = TypeVar("T", bound="Deployment")


@_attrs_define
class Deployment:
    """A Pages deployment.

    Attributes:
        id (str): Id of the deployment, a UUID. (The published examples are truncated and are not valid UUIDs.) Example:
            206e215c-33b3-4ce4-adf4-7fc6c9b65483.
        short_id (str): The first 8 characters of the id. Example: 206e215c.
        project_id (str): Id of the project, a UUID.
        project_name (str): Name of the project.
        environment (DeploymentEnvironment | str): Type of deploy.
        url (str): The live URL, https://<short_id>.<project subdomain>.pages.dev.
        created_on (datetime.datetime): When the deployment was created.
        modified_on (datetime.datetime): When the deployment was last modified.
        aliases (list[str] | None): Alias URLs pointing to this deployment; often null.
        latest_stage (Stage): A build stage and its state.
        stages (list[Stage]): List of past stages.
        deployment_trigger (DeploymentTrigger): Info about what caused the deployment.
        build_config (BuildConfig): Configs for the project build process; every field is often null.
        env_vars (EnvVars | None): Environment variables used for builds and Pages Functions; null or {} when none.
        source (None | Source | Unset): The source repository. Absent (2023) or null (2026) for direct uploads.
        is_skipped (bool | Unset): If the deployment has been skipped. Absent in older bodies.
        skip_reason (None | SkipReason | str | Unset): Why the deployment was skipped; absent or null when it was not.
        uses_functions (bool | None | Unset): Whether the deployment uses functions. Absent in older bodies.
        compatibility_date (str | Unset): The Workers runtime compatibility date (undocumented upstream). Example:
            2023-06-02.
        compatibility_flags (list[str] | Unset): The Workers runtime compatibility flags (undocumented upstream).
        build_image_major_version (int | Unset): The build image's major version (undocumented upstream). Example: 1.
        usage_model (None | str | Unset): The Functions usage model (undocumented upstream); seen only as null.
        production_branch (str | Unset): The project's production branch (undocumented upstream). Example: main.
    """

    id: str
    short_id: str
    project_id: str
    project_name: str
    environment: DeploymentEnvironment | str
    url: str
    created_on: datetime.datetime
    modified_on: datetime.datetime
    aliases: list[str] | None
    latest_stage: Stage
    stages: list[Stage]
    deployment_trigger: DeploymentTrigger
    build_config: BuildConfig
    env_vars: EnvVars | None
    source: None | Source | Unset = UNSET
    is_skipped: bool | Unset = UNSET
    skip_reason: None | SkipReason | str | Unset = UNSET
    uses_functions: bool | None | Unset = UNSET
    compatibility_date: str | Unset = UNSET
    compatibility_flags: list[str] | Unset = UNSET
    build_image_major_version: int | Unset = UNSET
    usage_model: None | str | Unset = UNSET
    production_branch: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.env_vars import EnvVars  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415

        id = self.id

        short_id = self.short_id

        project_id = self.project_id

        project_name = self.project_name

        environment: str
        if isinstance(self.environment, DeploymentEnvironment):
            environment = self.environment.value
        else:
            environment = self.environment

        url = self.url

        created_on = self.created_on.isoformat()

        modified_on = self.modified_on.isoformat()

        aliases: list[str] | None
        if isinstance(self.aliases, list):
            aliases = self.aliases

        else:
            aliases = self.aliases

        latest_stage = self.latest_stage.to_dict()

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        deployment_trigger = self.deployment_trigger.to_dict()

        build_config = self.build_config.to_dict()

        env_vars: dict[str, Any] | None
        if isinstance(self.env_vars, EnvVars):
            env_vars = self.env_vars.to_dict()
        else:
            env_vars = self.env_vars

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, Source):
            source = self.source.to_dict()
        else:
            source = self.source

        is_skipped = self.is_skipped

        skip_reason: None | str | Unset
        if isinstance(self.skip_reason, Unset):
            skip_reason = UNSET
        elif isinstance(self.skip_reason, SkipReason):
            skip_reason = self.skip_reason.value
        else:
            skip_reason = self.skip_reason

        uses_functions: bool | None | Unset
        if isinstance(self.uses_functions, Unset):
            uses_functions = UNSET
        else:
            uses_functions = self.uses_functions

        compatibility_date = self.compatibility_date

        compatibility_flags: list[str] | Unset = UNSET
        if not isinstance(self.compatibility_flags, Unset):
            compatibility_flags = self.compatibility_flags

        build_image_major_version = self.build_image_major_version

        usage_model: None | str | Unset
        if isinstance(self.usage_model, Unset):
            usage_model = UNSET
        else:
            usage_model = self.usage_model

        production_branch = self.production_branch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "short_id": short_id,
                "project_id": project_id,
                "project_name": project_name,
                "environment": environment,
                "url": url,
                "created_on": created_on,
                "modified_on": modified_on,
                "aliases": aliases,
                "latest_stage": latest_stage,
                "stages": stages,
                "deployment_trigger": deployment_trigger,
                "build_config": build_config,
                "env_vars": env_vars,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source
        if is_skipped is not UNSET:
            field_dict["is_skipped"] = is_skipped
        if skip_reason is not UNSET:
            field_dict["skip_reason"] = skip_reason
        if uses_functions is not UNSET:
            field_dict["uses_functions"] = uses_functions
        if compatibility_date is not UNSET:
            field_dict["compatibility_date"] = compatibility_date
        if compatibility_flags is not UNSET:
            field_dict["compatibility_flags"] = compatibility_flags
        if build_image_major_version is not UNSET:
            field_dict["build_image_major_version"] = build_image_major_version
        if usage_model is not UNSET:
            field_dict["usage_model"] = usage_model
        if production_branch is not UNSET:
            field_dict["production_branch"] = production_branch

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.build_config import BuildConfig  # noqa: PLC0415
        from ..models.deployment_trigger import DeploymentTrigger  # noqa: PLC0415
        from ..models.env_vars import EnvVars  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415
        from ..models.stage import Stage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        short_id = d.pop("short_id")

        project_id = d.pop("project_id")

        project_name = d.pop("project_name")

        def _parse_environment(data: object) -> DeploymentEnvironment | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                environment_type_0 = DeploymentEnvironment(data)

                return environment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeploymentEnvironment | str, data)

        environment = _parse_environment(d.pop("environment"))

        url = d.pop("url")

        created_on = datetime.datetime.fromisoformat(d.pop("created_on").upper())

        modified_on = datetime.datetime.fromisoformat(d.pop("modified_on").upper())

        def _parse_aliases(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aliases_type_0 = cast(list[str], data)

                return aliases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        aliases = _parse_aliases(d.pop("aliases"))

        latest_stage = Stage.from_dict(d.pop("latest_stage"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = Stage.from_dict(stages_item_data)

            stages.append(stages_item)

        deployment_trigger = DeploymentTrigger.from_dict(d.pop("deployment_trigger"))

        build_config = BuildConfig.from_dict(d.pop("build_config"))

        def _parse_env_vars(data: object) -> EnvVars | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                env_vars_type_0 = EnvVars.from_dict(data)

                return env_vars_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnvVars | None, data)

        env_vars = _parse_env_vars(d.pop("env_vars"))

        def _parse_source(data: object) -> None | Source | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = Source.from_dict(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Source | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        is_skipped = d.pop("is_skipped", UNSET)

        def _parse_skip_reason(data: object) -> None | SkipReason | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                skip_reason_type_0 = SkipReason(data)

                return skip_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SkipReason | str | Unset, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason", UNSET))

        def _parse_uses_functions(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        uses_functions = _parse_uses_functions(d.pop("uses_functions", UNSET))

        compatibility_date = d.pop("compatibility_date", UNSET)

        compatibility_flags = cast(list[str], d.pop("compatibility_flags", UNSET))

        build_image_major_version = d.pop("build_image_major_version", UNSET)

        def _parse_usage_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usage_model = _parse_usage_model(d.pop("usage_model", UNSET))

        production_branch = d.pop("production_branch", UNSET)

        deployment = cls(
            id=id,
            short_id=short_id,
            project_id=project_id,
            project_name=project_name,
            environment=environment,
            url=url,
            created_on=created_on,
            modified_on=modified_on,
            aliases=aliases,
            latest_stage=latest_stage,
            stages=stages,
            deployment_trigger=deployment_trigger,
            build_config=build_config,
            env_vars=env_vars,
            source=source,
            is_skipped=is_skipped,
            skip_reason=skip_reason,
            uses_functions=uses_functions,
            compatibility_date=compatibility_date,
            compatibility_flags=compatibility_flags,
            build_image_major_version=build_image_major_version,
            usage_model=usage_model,
            production_branch=production_branch,
        )

        deployment.additional_properties = d
        return deployment

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
