from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deployment_trigger_type import DeploymentTriggerType

if TYPE_CHECKING:
    from ..models.deployment_trigger_metadata import DeploymentTriggerMetadata


T = TypeVar("T", bound="DeploymentTrigger")


@_attrs_define
class DeploymentTrigger:
    """Info about what caused the deployment.

    Attributes:
        type_ (DeploymentTriggerType | str):
        metadata (DeploymentTriggerMetadata): Additional info about the trigger.
    """

    type_: DeploymentTriggerType | str
    metadata: DeploymentTriggerMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, DeploymentTriggerType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deployment_trigger_metadata import DeploymentTriggerMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_type_(data: object) -> DeploymentTriggerType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = DeploymentTriggerType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeploymentTriggerType | str, data)

        type_ = _parse_type_(d.pop("type"))

        metadata = DeploymentTriggerMetadata.from_dict(d.pop("metadata"))

        deployment_trigger = cls(
            type_=type_,
            metadata=metadata,
        )

        deployment_trigger.additional_properties = d
        return deployment_trigger

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
