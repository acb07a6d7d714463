from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, ConstMismatch, list_only, misfit
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorEnvelope")

_KNOWN_KEYS = frozenset(
    {
        "success",
        "errors",
        "messages",
        "result",
    }
)


@_attrs_define
class ErrorEnvelope:
    """Cloudflare's error envelope. A bad token's reply has only `success` and `errors`; other errors also carry `messages:
    []` and `result: null`.

        Attributes:
            success (Literal[False]): Whether the API call was successful.
            errors (list[ResponseMessage]):
            messages (list[ResponseMessage] | Unset):
            result (None | Unset): Always null on an error.
    """

    success: Literal[False]
    errors: list[ResponseMessage]
    messages: list[ResponseMessage] | Unset = UNSET
    result: None | Unset = UNSET
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

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for componentsschemas_response_messages_item_data in self.messages:
                componentsschemas_response_messages_item = componentsschemas_response_messages_item_data.to_dict()
                messages.append(componentsschemas_response_messages_item)

        result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errors": errors,
            }
        )
        if messages is not UNSET:
            field_dict["messages"] = messages
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            success: Literal[False] = src_dict["success"]
            if success.__class__ is not False.__class__ or success != False:
                raise ConstMismatch("not the constant False")
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "success", "ErrorEnvelope.success", "Literal[False]")

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
            raise misfit(error, src_dict, "errors", "ErrorEnvelope.errors", "list[ResponseMessage]")

        try:
            _messages = src_dict.get("messages", UNSET)
            messages: list[ResponseMessage] | Unset = UNSET
            if _messages is not UNSET:
                messages = []
                for componentsschemas_response_messages_item_data in list_only(_messages):
                    componentsschemas_response_messages_item = ResponseMessage.from_dict(
                        componentsschemas_response_messages_item_data
                    )

                    messages.append(componentsschemas_response_messages_item)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "messages", "ErrorEnvelope.messages", "list[ResponseMessage] | Unset")

        try:
            result = src_dict.get("result", UNSET)
            if not (result is None or result is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "result", "ErrorEnvelope.result", "None | Unset")

        if cls is ErrorEnvelope:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            error_envelope = object.__new__(cls)
            error_envelope.success = success
            error_envelope.errors = errors
            error_envelope.messages = messages
            error_envelope.result = result
            error_envelope.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            error_envelope = cls(
                success=success,
                errors=errors,
                messages=messages,
                result=result,
            )

        if not _KNOWN_KEYS.issuperset(src_dict):
            error_envelope.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return error_envelope

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
from ..models.response_message import ResponseMessage  # noqa: E402
