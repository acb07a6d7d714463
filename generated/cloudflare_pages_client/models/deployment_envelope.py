from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, ConstMismatch, list_only, misfit

T = TypeVar("T", bound="DeploymentEnvelope")

_KNOWN_KEYS = frozenset(
    {
        "success",
        "errors",
        "messages",
        "result",
    }
)


@_attrs_define
class DeploymentEnvelope:
    """Cloudflare's success envelope around a deployment.

    Attributes:
        success (Literal[True]): Whether the API call was successful.
        errors (list[ResponseMessage]):
        messages (list[ResponseMessage]):
        result (Deployment): A Pages deployment.
    """

    success: Literal[True]
    errors: list[ResponseMessage]
    messages: list[ResponseMessage]
    result: Deployment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        errors = []
        for componentsschemas_response_messages_item_data in self.errors:
            componentsschemas_response_messages_item = componentsschemas_response_messages_item_data.to_dict()
            errors.append(componentsschemas_response_messages_item)

        messages = []
        for componentsschemas_response_messages_item_data in self.messages:
            componentsschemas_response_messages_item = componentsschemas_response_messages_item_data.to_dict()
            messages.append(componentsschemas_response_messages_item)

        result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errors": errors,
                "messages": messages,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            success: Literal[True] = src_dict["success"]
            if success.__class__ is not True.__class__ or success != True:
                raise ConstMismatch("not the constant True")
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "success", "DeploymentEnvelope.success", "Literal[True]")

        try:
            errors = (
                [
                    ResponseMessage.from_dict(componentsschemas_response_messages_item_data)
                    for componentsschemas_response_messages_item_data in src_dict["errors"]
                ]
                if isinstance(src_dict["errors"], list)
                else list_only(src_dict["errors"])
            )

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "errors", "DeploymentEnvelope.errors", "list[ResponseMessage]")

        try:
            messages = (
                [
                    ResponseMessage.from_dict(componentsschemas_response_messages_item_data)
                    for componentsschemas_response_messages_item_data in src_dict["messages"]
                ]
                if isinstance(src_dict["messages"], list)
                else list_only(src_dict["messages"])
            )

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "messages", "DeploymentEnvelope.messages", "list[ResponseMessage]")

        try:
            result = Deployment.from_dict(src_dict["result"])

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "result", "DeploymentEnvelope.result", "Deployment")

        if cls is DeploymentEnvelope:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            deployment_envelope = object.__new__(cls)
            deployment_envelope.success = success
            deployment_envelope.errors = errors
            deployment_envelope.messages = messages
            deployment_envelope.result = result
            deployment_envelope.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            deployment_envelope = cls(
                success=success,
                errors=errors,
                messages=messages,
                result=result,
            )

        if len(src_dict) != 4:
            deployment_envelope.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return deployment_envelope

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
from ..models.deployment import Deployment  # noqa: E402
from ..models.response_message import ResponseMessage  # noqa: E402
