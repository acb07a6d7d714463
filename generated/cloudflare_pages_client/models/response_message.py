from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResponseMessage")

_KNOWN_KEYS = frozenset(
    {
        "code",
        "message",
        "documentation_url",
        "source",
    }
)


@_attrs_define
class ResponseMessage:
    """An error or message in Cloudflare's envelope.

    Attributes:
        code (int): Cloudflare's error code, e.g. 10000 (authentication error), 8000007 (project not found) or 971 (rate
            limited).
        message (str):
        documentation_url (str | Unset):
        source (ResponseMessageSource | Unset):
    """

    code: int
    message: str
    documentation_url: str | Unset = UNSET
    source: ResponseMessageSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        documentation_url = self.documentation_url

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if documentation_url is not UNSET:
            field_dict["documentation_url"] = documentation_url
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            code = src_dict["code"]
            if not (isinstance(code, int)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "code", "ResponseMessage.code", "int")

        try:
            message = src_dict["message"]
            if not (isinstance(message, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "message", "ResponseMessage.message", "str")

        try:
            documentation_url = src_dict.get("documentation_url", UNSET)
            if not (isinstance(documentation_url, str) or documentation_url is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "documentation_url", "ResponseMessage.documentation_url", "str | Unset")

        try:
            _source = src_dict.get("source", UNSET)
            source: ResponseMessageSource | Unset
            if isinstance(_source, Unset):
                source = UNSET
            else:
                source = ResponseMessageSource.from_dict(_source)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "source", "ResponseMessage.source", "ResponseMessageSource | Unset")

        if cls is ResponseMessage:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            response_message = object.__new__(cls)
            response_message.code = code
            response_message.message = message
            response_message.documentation_url = documentation_url
            response_message.source = source
            response_message.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            response_message = cls(
                code=code,
                message=message,
                documentation_url=documentation_url,
                source=source,
            )

        if not _KNOWN_KEYS.issuperset(src_dict):
            response_message.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return response_message

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
from ..models.response_message_source import ResponseMessageSource  # noqa: E402
