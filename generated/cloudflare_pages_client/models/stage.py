from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stage_name import StageName
from ..models.stage_status import StageStatus

T = TypeVar("T", bound="Stage")


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
        d = dict(src_dict)

        def _parse_name(data: object) -> StageName | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                name_type_0 = StageName(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(StageName | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_status(data: object) -> StageStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = StageStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(StageStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_started_on(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.datetime.fromisoformat(data.upper())

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_on = _parse_started_on(d.pop("started_on"))

        def _parse_ended_on(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.datetime.fromisoformat(data.upper())

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        stage = cls(
            name=name,
            status=status,
            started_on=started_on,
            ended_on=ended_on,
        )

        stage.additional_properties = d
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
