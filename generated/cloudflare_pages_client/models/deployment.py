from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, check_items, deepest, list_only, misfit
from .._runtime.timestamps import parse_timestamp
from ..models.deployment_environment import DeploymentEnvironment
from ..models.skip_reason import SkipReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="Deployment")

_DEPLOYMENT_ENVIRONMENT_BY_VALUE = {member.value: member for member in DeploymentEnvironment}
_SKIP_REASON_BY_VALUE = {member.value: member for member in SkipReason}
_KNOWN_KEYS = frozenset(
    {
        "id",
        "short_id",
        "project_id",
        "project_name",
        "environment",
        "url",
        "created_on",
        "modified_on",
        "aliases",
        "latest_stage",
        "stages",
        "deployment_trigger",
        "build_config",
        "env_vars",
        "source",
        "is_skipped",
        "skip_reason",
        "uses_functions",
        "compatibility_date",
        "compatibility_flags",
        "build_image_major_version",
        "usage_model",
        "production_branch",
    }
)


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
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
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
        try:
            id = src_dict["id"]
            if not (isinstance(id, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "id", "Deployment.id", "str")

        try:
            short_id = src_dict["short_id"]
            if not (isinstance(short_id, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "short_id", "Deployment.short_id", "str")

        try:
            project_id = src_dict["project_id"]
            if not (isinstance(project_id, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "project_id", "Deployment.project_id", "str")

        try:
            project_name = src_dict["project_name"]
            if not (isinstance(project_name, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "project_name", "Deployment.project_name", "str")

        try:
            _environment = src_dict["environment"]
            environment: DeploymentEnvironment | str
            if isinstance(_environment, str):
                environment = _DEPLOYMENT_ENVIRONMENT_BY_VALUE.get(_environment, _environment)
            elif isinstance(_environment, str):
                environment = _environment
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "environment", "Deployment.environment", "DeploymentEnvironment | str")

        try:
            url = src_dict["url"]
            if not (isinstance(url, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "url", "Deployment.url", "str")

        try:
            created_on = parse_timestamp(src_dict["created_on"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "created_on", "Deployment.created_on", "datetime.datetime")

        try:
            modified_on = parse_timestamp(src_dict["modified_on"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "modified_on", "Deployment.modified_on", "datetime.datetime")

        try:
            _aliases = src_dict["aliases"]
            aliases: list[str] | None
            if _aliases is None:
                aliases = None
            else:
                try:
                    if not isinstance(_aliases, list):
                        raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                    aliases_type_0: list[str] = _aliases
                    if aliases_type_0 or (not isinstance(aliases_type_0, list)):
                        check_items(aliases_type_0, str)

                    aliases = aliases_type_0
                except (TypeError, ValueError, AttributeError, KeyError) as error_0:
                    if _aliases is None:
                        aliases = _aliases
                    else:
                        raise deepest(error_0)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "aliases", "Deployment.aliases", "list[str] | None")

        try:
            latest_stage = Stage.from_dict(src_dict["latest_stage"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "latest_stage", "Deployment.latest_stage", "Stage")

        try:
            stages = (
                [Stage.from_dict(stages_item_data) for stages_item_data in src_dict["stages"]]
                if isinstance(src_dict["stages"], list)
                else list_only(src_dict["stages"])
            )

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "stages", "Deployment.stages", "list[Stage]")

        try:
            deployment_trigger = DeploymentTrigger.from_dict(src_dict["deployment_trigger"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "deployment_trigger", "Deployment.deployment_trigger", "DeploymentTrigger")

        try:
            build_config = BuildConfig.from_dict(src_dict["build_config"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "build_config", "Deployment.build_config", "BuildConfig")

        try:
            _env_vars = src_dict["env_vars"]
            env_vars: EnvVars | None
            if _env_vars is None:
                env_vars = None
            else:
                try:
                    if not isinstance(_env_vars, dict):
                        raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                    env_vars_type_0 = EnvVars.from_dict(_env_vars)

                    env_vars = env_vars_type_0
                except (TypeError, ValueError, AttributeError, KeyError) as error_0:
                    if _env_vars is None:
                        env_vars = _env_vars
                    else:
                        raise deepest(error_0)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "env_vars", "Deployment.env_vars", "EnvVars | None")

        try:
            _source = src_dict.get("source", UNSET)
            source: None | Source | Unset
            if _source is None:
                source = None
            elif isinstance(_source, Unset):
                source = UNSET
            else:
                try:
                    if not isinstance(_source, dict):
                        raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                    source_type_0 = Source.from_dict(_source)

                    source = source_type_0
                except (TypeError, ValueError, AttributeError, KeyError) as error_0:
                    if _source is None:
                        source = _source
                    else:
                        raise deepest(error_0)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "source", "Deployment.source", "None | Source | Unset")

        try:
            is_skipped = src_dict.get("is_skipped", UNSET)
            if not (isinstance(is_skipped, bool) or is_skipped is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "is_skipped", "Deployment.is_skipped", "bool | Unset")

        try:
            _skip_reason = src_dict.get("skip_reason", UNSET)
            skip_reason: None | SkipReason | str | Unset
            if isinstance(_skip_reason, str):
                skip_reason = _SKIP_REASON_BY_VALUE.get(_skip_reason, _skip_reason)
            elif isinstance(_skip_reason, str) or _skip_reason is None or _skip_reason is UNSET:
                skip_reason = _skip_reason
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "skip_reason", "Deployment.skip_reason", "None | SkipReason | str | Unset")

        try:
            uses_functions: bool | None | Unset = src_dict.get("uses_functions", UNSET)
            if not (isinstance(uses_functions, bool) or uses_functions is None or uses_functions is UNSET):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "uses_functions", "Deployment.uses_functions", "bool | None | Unset")

        try:
            compatibility_date = src_dict.get("compatibility_date", UNSET)
            if not (isinstance(compatibility_date, str) or compatibility_date is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "compatibility_date", "Deployment.compatibility_date", "str | Unset")

        try:
            compatibility_flags: list[str] | Unset = src_dict.get("compatibility_flags", UNSET)
            if compatibility_flags or (compatibility_flags is not UNSET and not isinstance(compatibility_flags, list)):
                check_items(compatibility_flags, str)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "compatibility_flags", "Deployment.compatibility_flags", "list[str] | Unset")

        try:
            build_image_major_version = src_dict.get("build_image_major_version", UNSET)
            if not (isinstance(build_image_major_version, int) or build_image_major_version is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(
                error, src_dict, "build_image_major_version", "Deployment.build_image_major_version", "int | Unset"
            )

        try:
            usage_model: None | str | Unset = src_dict.get("usage_model", UNSET)
            if not (isinstance(usage_model, str) or usage_model is None or usage_model is UNSET):
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "usage_model", "Deployment.usage_model", "None | str | Unset")

        try:
            production_branch = src_dict.get("production_branch", UNSET)
            if not (isinstance(production_branch, str) or production_branch is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "production_branch", "Deployment.production_branch", "str | Unset")

        if cls is Deployment:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            deployment = object.__new__(cls)
            deployment.id = id
            deployment.short_id = short_id
            deployment.project_id = project_id
            deployment.project_name = project_name
            deployment.environment = environment
            deployment.url = url
            deployment.created_on = created_on
            deployment.modified_on = modified_on
            deployment.aliases = aliases
            deployment.latest_stage = latest_stage
            deployment.stages = stages
            deployment.deployment_trigger = deployment_trigger
            deployment.build_config = build_config
            deployment.env_vars = env_vars
            deployment.source = source
            deployment.is_skipped = is_skipped
            deployment.skip_reason = skip_reason
            deployment.uses_functions = uses_functions
            deployment.compatibility_date = compatibility_date
            deployment.compatibility_flags = compatibility_flags
            deployment.build_image_major_version = build_image_major_version
            deployment.usage_model = usage_model
            deployment.production_branch = production_branch
            deployment.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
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

        if not _KNOWN_KEYS.issuperset(src_dict):
            deployment.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
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


# Imported last, not lazily in every call: a model that imports this one (directly or not) still loads.
from ..models.build_config import BuildConfig  # noqa: E402
from ..models.deployment_trigger import DeploymentTrigger  # noqa: E402
from ..models.env_vars import EnvVars  # noqa: E402
from ..models.source import Source  # noqa: E402
from ..models.stage import Stage  # noqa: E402
