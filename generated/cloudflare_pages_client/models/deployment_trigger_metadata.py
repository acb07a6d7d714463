from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, misfit
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentTriggerMetadata")

_KNOWN_KEYS = frozenset(
    {
        "branch",
        "commit_hash",
        "commit_message",
        "commit_dirty",
    }
)


@_attrs_define
class DeploymentTriggerMetadata:
    """Additional info about the trigger.

    Attributes:
        branch (str): Where the trigger happened; can be the literal string "undefined".
        commit_hash (str): Hash of the commit; can be empty for direct uploads.
        commit_message (str):
        commit_dirty (bool | Unset): Whether the commit was dirty. Absent in older bodies.
    """

    branch: str
    commit_hash: str
    commit_message: str
    commit_dirty: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        branch = self.branch

        commit_hash = self.commit_hash

        commit_message = self.commit_message

        commit_dirty = self.commit_dirty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "branch": branch,
                "commit_hash": commit_hash,
                "commit_message": commit_message,
            }
        )
        if commit_dirty is not UNSET:
            field_dict["commit_dirty"] = commit_dirty

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            branch = src_dict["branch"]
            if not (isinstance(branch, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "branch", "DeploymentTriggerMetadata.branch", "str")

        try:
            commit_hash = src_dict["commit_hash"]
            if not (isinstance(commit_hash, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "commit_hash", "DeploymentTriggerMetadata.commit_hash", "str")

        try:
            commit_message = src_dict["commit_message"]
            if not (isinstance(commit_message, str)):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "commit_message", "DeploymentTriggerMetadata.commit_message", "str")

        try:
            commit_dirty = src_dict.get("commit_dirty", UNSET)
            if not (isinstance(commit_dirty, bool) or commit_dirty is UNSET):
                raise TypeError
        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "commit_dirty", "DeploymentTriggerMetadata.commit_dirty", "bool | Unset")

        if cls is DeploymentTriggerMetadata:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            deployment_trigger_metadata = object.__new__(cls)
            deployment_trigger_metadata.branch = branch
            deployment_trigger_metadata.commit_hash = commit_hash
            deployment_trigger_metadata.commit_message = commit_message
            deployment_trigger_metadata.commit_dirty = commit_dirty
            deployment_trigger_metadata.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            deployment_trigger_metadata = cls(
                branch=branch,
                commit_hash=commit_hash,
                commit_message=commit_message,
                commit_dirty=commit_dirty,
            )

        if not _KNOWN_KEYS.issuperset(src_dict):
            deployment_trigger_metadata.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return deployment_trigger_metadata

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
