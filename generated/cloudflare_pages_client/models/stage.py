from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, deepest, misfit
from .._runtime.timestamps import parse_timestamp
from ..models.stage_name import StageName
from ..models.stage_status import StageStatus

T = TypeVar("T", bound="Stage")

_STAGE_NAME_BY_VALUE = {member.value: member for member in StageName}
_STAGE_STATUS_BY_VALUE = {member.value: member for member in StageStatus}
_KNOWN_KEYS = frozenset(
    {
        "name",
        "status",
        "started_on",
        "ended_on",
    }
)


@_attrs_define
class Stage:
    """A build stage and its state.

    Attributes:
        name (StageName | str):
        status (StageStatus | str):
        started_on (datetime.datetime | None): When the stage started; often null, even on a finished stage.
        ended_on (datetime.datetime | None): When the stage ended; often null, even on a finished stage.
    """

    name: StageName | str
    status: StageStatus | str
    started_on: datetime.datetime | None
    ended_on: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        name: str
        if isinstance(self.name, StageName):
            name = self.name.value
        else:
            name = self.name

        status: str
        if isinstance(self.status, StageStatus):
            status = self.status.value
        else:
            status = self.status

        started_on: None | str
        if isinstance(self.started_on, datetime.datetime):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        ended_on: None | str
        if isinstance(self.ended_on, datetime.datetime):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "status": status,
                "started_on": started_on,
                "ended_on": ended_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        try:
            _name = src_dict["name"]
            name: StageName | str
            if isinstance(_name, str):
                name = _STAGE_NAME_BY_VALUE.get(_name, _name)
            elif isinstance(_name, str):
                name = _name
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "name", "Stage.name", "StageName | str")

        try:
            _status = src_dict["status"]
            status: StageStatus | str
            if isinstance(_status, str):
                status = _STAGE_STATUS_BY_VALUE.get(_status, _status)
            elif isinstance(_status, str):
                status = _status
            else:
                raise TypeError

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "status", "Stage.status", "StageStatus | str")

        try:
            _started_on = src_dict["started_on"]
            started_on: datetime.datetime | None
            if _started_on is None:
                started_on = None
            else:
                try:
                    if not isinstance(_started_on, str):
                        raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                    started_on_type_0 = parse_timestamp(_started_on)

                    started_on = started_on_type_0
                except (TypeError, ValueError, AttributeError, KeyError) as error_0:
                    if _started_on is None:
                        started_on = _started_on
                    else:
                        raise deepest(error_0)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "started_on", "Stage.started_on", "datetime.datetime | None")

        try:
            _ended_on = src_dict["ended_on"]
            ended_on: datetime.datetime | None
            if _ended_on is None:
                ended_on = None
            else:
                try:
                    if not isinstance(_ended_on, str):
                        raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                    ended_on_type_0 = parse_timestamp(_ended_on)

                    ended_on = ended_on_type_0
                except (TypeError, ValueError, AttributeError, KeyError) as error_0:
                    if _ended_on is None:
                        ended_on = _ended_on
                    else:
                        raise deepest(error_0)

        except FIELD_FAILURES as error:
            raise misfit(error, src_dict, "ended_on", "Stage.ended_on", "datetime.datetime | None")

        if cls is Stage:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            stage = object.__new__(cls)
            stage.name = name
            stage.status = status
            stage.started_on = started_on
            stage.ended_on = ended_on
            stage.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            stage = cls(
                name=name,
                status=status,
                started_on=started_on,
                ended_on=ended_on,
            )

        if len(src_dict) != 4:
            stage.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return stage

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
