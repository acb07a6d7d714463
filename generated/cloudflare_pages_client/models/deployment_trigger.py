from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit
from ..models.deployment_trigger_type import DeploymentTriggerType

T = TypeVar("T", bound="DeploymentTrigger")

_DEPLOYMENT_TRIGGER_TYPE_BY_VALUE = {member.value: member for member in DeploymentTriggerType}
_KNOWN_KEYS = frozenset(
    {
        "type",
        "metadata",
    }
)


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
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

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
        try:
            _type_ = src_dict["type"]
            type_: DeploymentTriggerType | str
            if isinstance(_type_, str):
                type_ = _DEPLOYMENT_TRIGGER_TYPE_BY_VALUE.get(_type_, _type_)
            elif isinstance(_type_, str):
                type_ = _type_
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "type", "DeploymentTrigger.type_", "DeploymentTriggerType | str")

        try:
            metadata = DeploymentTriggerMetadata.from_dict(src_dict["metadata"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "metadata", "DeploymentTrigger.metadata", "DeploymentTriggerMetadata")

        if cls is DeploymentTrigger:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            deployment_trigger = object.__new__(cls)
            deployment_trigger.type_ = type_
            deployment_trigger.metadata = metadata
            deployment_trigger.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            deployment_trigger = cls(
                type_=type_,
                metadata=metadata,
            )

        if len(src_dict) != 2:
            deployment_trigger.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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


# Imported last, not lazily in every call: a model that imports this one (directly or not) still loads.
from ..models.deployment_trigger_metadata import DeploymentTriggerMetadata  # noqa: E402
