from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._runtime.reprs import short_repr
from .._runtime.shapes import FIELD_FAILURES, deepest, misfit

T = TypeVar("T", bound="EnvVars")


@_attrs_define
class EnvVars:
    """Environment variables by name."""

    additional_properties: dict[str, None | PlainTextEnvVar | SecretTextEnvVar | UntypedEnvVar] = _attrs_field(
        init=False, factory=dict
    )
    # The fields the spec marks x-sensitive: never shown by repr().
    _SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        return short_repr(self, self._SENSITIVE_FIELDS)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, PlainTextEnvVar):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, SecretTextEnvVar):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, UntypedEnvVar):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is EnvVars:
            # Built without the keyword __init__ (tests/test_model_construction.py keeps this safe).
            env_vars = object.__new__(cls)
            env_vars.additional_properties = {}
        else:  # a subclass may add fields, defaults or an __init__ of its own
            env_vars = cls()

        additional_properties = {}
        for prop_name, prop_dict in src_dict.items():
            try:
                _additional_property = prop_dict
                additional_property: None | PlainTextEnvVar | SecretTextEnvVar | UntypedEnvVar
                if _additional_property is None:
                    additional_property = None
                else:
                    try:
                        if (
                            not isinstance(_additional_property, dict)
                            or _additional_property.get("type") != "plain_text"
                        ):
                            raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                        additional_property_type_0 = PlainTextEnvVar.from_dict(_additional_property)

                        additional_property = additional_property_type_0
                    except (TypeError, ValueError, AttributeError, KeyError) as error_0:
                        try:
                            if (
                                not isinstance(_additional_property, dict)
                                or _additional_property.get("type") != "secret_text"
                            ):
                                raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                            additional_property_type_1 = SecretTextEnvVar.from_dict(_additional_property)

                            additional_property = additional_property_type_1
                        except (TypeError, ValueError, AttributeError, KeyError) as error_1:
                            try:
                                if not isinstance(_additional_property, dict):
                                    raise TypeError()  # not this member (a constant that tells members apart differs): no from_dict to fail
                                additional_property_type_2 = UntypedEnvVar.from_dict(_additional_property)

                                additional_property = additional_property_type_2
                            except (TypeError, ValueError, AttributeError, KeyError) as error_2:
                                if _additional_property is None:
                                    additional_property = _additional_property
                                else:
                                    raise deepest(error_0, error_1, error_2)

            except FIELD_FAILURES as error:
                raise misfit(
                    error,
                    src_dict,
                    prop_name,
                    "EnvVars[...]",
                    "None | PlainTextEnvVar | SecretTextEnvVar | UntypedEnvVar",
                )
            additional_properties[prop_name] = additional_property

        env_vars.additional_properties = additional_properties
        return env_vars

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> None | PlainTextEnvVar | SecretTextEnvVar | UntypedEnvVar:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: None | PlainTextEnvVar | SecretTextEnvVar | UntypedEnvVar) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, not lazily in every call: a model that imports this one (directly or not) still loads.
from ..models.plain_text_env_var import PlainTextEnvVar  # noqa: E402
from ..models.secret_text_env_var import SecretTextEnvVar  # noqa: E402
from ..models.untyped_env_var import UntypedEnvVar  # noqa: E402
