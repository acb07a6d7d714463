"""from_dict builds models without their keyword __init__ (model.py.jinja): this keeps that safe.

attrs' generated __init__ does nothing but assign while no field has a validator, a converter or an
on_setattr hook and the class has no __attrs_pre_init__ / __attrs_post_init__. If a model gains one,
building it with object.__new__ would silently skip it: `construction_hazards` names each such model.
The fast path must also assign every field, or an attribute would be missing on the built instance.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from typing import Any

import attrs
import pytest

import cloudflare_pages_client.models as models
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.exchange_checks import reply_model
from contract_tests.kit.spec import document

MODELS = sorted(
    (getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))),
    key=lambda cls: cls.__name__,
)
JSON_RECORDINGS = [recording for recording in map(load, sorted(RECORDINGS_DIR.glob("*.json"))) if recording.is_json]


def construction_hazards(cls: type) -> list[str]:
    """What attrs' __init__ or __setattr__ of `cls` would do beyond plain assignment, one line each."""
    found = []
    for field in attrs.fields(cls):
        if field.validator is not None:
            found.append(f"{cls.__name__}.{field.name} has a validator")
        if field.converter is not None:
            found.append(f"{cls.__name__}.{field.name} has a converter")
        if field.on_setattr not in (None, attrs.setters.NO_OP):
            found.append(f"{cls.__name__}.{field.name} has an on_setattr hook")
    for hook in ("__attrs_pre_init__", "__attrs_post_init__"):
        if hasattr(cls, hook):
            found.append(f"{cls.__name__} has {hook}")
    if cls.__setattr__ is not object.__setattr__:  # type: ignore[comparison-overlap]
        found.append(f"{cls.__name__} has its own __setattr__ (attrs adds one for frozen or hooked fields)")
    return found


def fast_path_assignments(cls: type) -> set[str]:
    """The attributes from_dict assigns on the instance it builds with object.__new__."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls.from_dict)))  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == f"cls is {cls.__name__}":
            return {
                target.attr
                for statement in node.body
                if isinstance(statement, ast.Assign)
                for target in statement.targets
                if isinstance(target, ast.Attribute)
            }
    raise AssertionError(f"{cls.__name__}.from_dict has no `if cls is {cls.__name__}:` fast path")


def test_every_model_is_found() -> None:
    # One model per object schema of the spec: none escapes the guard below.
    schemas = document()["components"]["schemas"]
    objects = {name for name, schema in schemas.items() if schema.get("type") == "object" or "properties" in schema}
    assert {cls.__name__ for cls in MODELS} == objects


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_no_model_has_anything_the_fast_path_would_skip(cls: type) -> None:
    assert construction_hazards(cls) == []


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_the_fast_path_assigns_every_field(cls: type) -> None:
    assert fast_path_assignments(cls) == {field.name for field in attrs.fields(cls)}


def test_the_guard_names_each_hazard() -> None:
    @attrs.define
    class Hooked:
        checked: int = attrs.field(validator=attrs.validators.instance_of(int))
        converted: int = attrs.field(converter=int)

        def __attrs_post_init__(self) -> None:
            pass

    assert construction_hazards(Hooked) == [
        "Hooked.checked has a validator",
        "Hooked.converted has a converter",
        "Hooked has __attrs_post_init__",
        "Hooked has its own __setattr__ (attrs adds one for frozen or hooked fields)",
    ]


def test_the_fast_path_finder_names_a_model_without_one() -> None:
    @attrs.define
    class Plain:
        value: int

        @classmethod
        def from_dict(cls, src_dict: dict[str, Any]) -> Plain:
            return cls(value=src_dict["value"])

    with pytest.raises(AssertionError, match=re.escape("Plain.from_dict has no `if cls is Plain:` fast path")):
        fast_path_assignments(Plain)


@pytest.mark.parametrize("recording", JSON_RECORDINGS, ids=lambda recording: recording.name)
def test_a_model_built_by_from_dict_equals_one_built_by_init(recording: Any) -> None:
    built = reply_model(recording.status, recording.body).from_dict(recording.body)
    assert built == rebuilt(built)


def rebuilt(instance: Any) -> Any:
    """`instance` built again, recursively, through each class's keyword __init__."""
    if isinstance(instance, list):
        return [rebuilt(item) for item in instance]
    if not attrs.has(type(instance)):
        return instance
    fields = attrs.fields(type(instance))
    copy = type(instance)(**{f.alias: rebuilt(getattr(instance, f.name)) for f in fields if f.init})
    for field in fields:
        if not field.init:
            setattr(copy, field.name, getattr(instance, field.name))
    return copy


def test_a_subclass_is_built_by_its_own_init() -> None:
    @attrs.define
    class NotedStage(models.Stage):
        note: str = "default"

    body = {"name": "deploy", "status": "success", "started_on": None, "ended_on": None, "extra": 1}
    stage = NotedStage.from_dict(body)
    assert type(stage) is NotedStage
    assert stage.note == "default"
    assert stage.additional_properties == {"extra": 1}
