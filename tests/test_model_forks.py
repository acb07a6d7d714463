"""The model template forks change speed, robustness and strictness, not meaning.

The package is generated a second time with the generator's stock templates
(no custom template, no runtime, another package name), and the project's
models and the stock models read the same bodies: every JSON recording, the
same recordings with each value at every depth removed or replaced by one of
another JSON type, and a few hundred bodies the spec allows
(contract_tests/kit/body_strategy.py, derandomised).

Where both read a body, they give the same to_dict(). Where they differ, it is
one of two enumerated ways, each asserted, never skipped:
- ours refuses what stock accepts only when stock hands out a value that
  contradicts its own annotation (an `int` in a `str` field, a string where a
  list belongs), checked by an oracle written here from `typing.get_type_hints`,
  not from the templates; and ours then raises JSONShapeError naming the place
  that was changed;
- RFC 3339 allows a lower-case "z" (datetime_property.py.jinja), which the
  stock models refuse in a required timestamp and keep as an unparsed string in
  a nullable one.
Whatever ours refuses, it refuses with JSONShapeError, never another exception.
"""

from __future__ import annotations

import copy
import datetime
import enum
import importlib.util
import sys
import types
import typing
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import cloudflare_pages_client.models as our_models
from cloudflare_pages_client import JSONShapeError
from cloudflare_pages_client._runtime.shapes import NoMemberFits
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, load
from contract_tests.kit.body_strategy import BodyStrategies
from contract_tests.kit.exchange_checks import reply_model
from contract_tests.kit.spec import document
from scripts.generation import generate_stock_into

STOCK_PACKAGE = "stock_pages_client"
STRATEGIES = BodyStrategies(document())
BODIES = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
JSON_RECORDINGS = [recording for recording in map(load, sorted(RECORDINGS_DIR.glob("*.json"))) if recording.is_json]
# One value of every JSON type: whatever a field's type, most of these contradict it.
OTHER_VALUES: tuple[Any, ...] = (None, True, 42, 4.5, "text", [1], {"unexpected": [1]})
_MISSING = object()


def _import_package(folder: Path) -> ModuleType:
    """Import the package in `folder` under its folder's name, without touching the import search path."""
    spec = importlib.util.spec_from_file_location(
        folder.name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules[folder.name] = package
    spec.loader.exec_module(package)
    return package


@pytest.fixture(scope="session")
def stock_models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("stock") / STOCK_PACKAGE
    generate_stock_into(folder, STOCK_PACKAGE)
    _import_package(folder)
    yield importlib.import_module(f"{STOCK_PACKAGE}.models")
    for name in [name for name in sys.modules if name == STOCK_PACKAGE or name.startswith(f"{STOCK_PACKAGE}.")]:
        del sys.modules[name]


def read(models: ModuleType, model: str, body: Any) -> tuple[str, Any]:
    """("to_dict", the model's to_dict()) or ("raises", the exception's type name)."""
    try:
        return "to_dict", getattr(models, model).from_dict(body).to_dict()
    except Exception as error:
        return "raises", type(error).__name__


def assert_same_meaning(stock_models: ModuleType, model: str, body: Any) -> None:
    ours = read(our_models, model, copy.deepcopy(body))
    stock = read(stock_models, model, copy.deepcopy(body))
    assert ours == stock, f"{model} reads {body!r} differently"


def model_for(status: int, body: Any) -> str:
    """The model the spec gives a JSON reply (the envelope, or the flat error shape some 404s have)."""
    return reply_model(status, body).__name__


def contradictions(value: Any, annotation: Any, models: ModuleType, where: str = "") -> list[str]:
    """The places where `value` (a model, or anything in one) is not of the type its annotation names.

    `models` is the package's models module: the stock models import each other only for type checkers.
    """
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Any:
        return []
    if origin in (typing.Union, types.UnionType):
        options = [contradictions(value, option, models, where) for option in arguments]
        return [] if any(not found for found in options) else [where]
    if origin is typing.Literal:
        return [] if any(value == option and type(value) is type(option) for option in arguments) else [where]
    if origin is list:
        if not isinstance(value, list):
            return [where]
        return [
            place
            for index, item in enumerate(value)
            for place in contradictions(item, arguments[0], models, f"{where}/{index}")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [where]
        return [
            place
            for key, item in value.items()
            for place in contradictions(item, arguments[1], models, f"{where}/{key}")
        ]
    if annotation is type(None):
        return [] if value is None else [where]
    if annotation is float:  # as in Python's typing (and JSON, with one number type), an int is a float
        return [] if isinstance(value, (int, float)) else [where]
    if annotation is datetime.datetime:
        # The README promises an offset on every timestamp.
        return [] if isinstance(value, datetime.datetime) and value.tzinfo is not None else [where]
    if isinstance(annotation, type) and attrs.has(annotation):
        if not isinstance(value, annotation):
            return [where]
        hints = typing.get_type_hints(annotation, localns=vars(models))
        return [
            place
            for field in attrs.fields(annotation)
            for place in contradictions(getattr(value, field.name), hints[field.name], models, f"{where}.{field.name}")
        ]
    if isinstance(annotation, type) and (
        issubclass(annotation, (str, int, enum.Enum)) or annotation.__name__ == "Unset"
    ):
        return [] if isinstance(value, annotation) else [where]
    raise AssertionError(f"the oracle does not know the annotation {annotation!r} at {where}")


def leaves(value: Any, pointer: str = "") -> Iterator[str]:
    """The JSON pointer of every value inside `value`, containers and scalars, the root excepted."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        child = f"{pointer}/{key}"
        yield child
        yield from leaves(item, child)


def changed(body: Any, pointer: str, new: Any) -> Any:
    """A copy of `body` with the value at `pointer` replaced by `new` (or removed, for _MISSING)."""
    copied = copy.deepcopy(body)
    *path, last = pointer.split("/")[1:]
    parent = copied
    for token in path:
        parent = parent[int(token)] if isinstance(parent, list) else parent[token]
    key: Any = int(last) if isinstance(parent, list) else last
    if new is _MISSING:
        del parent[key]
    else:
        parent[key] = new
    return copied


def mutations(body: Any) -> Iterator[tuple[str, Any]]:
    """(the pointer changed, the body) for every value of `body` removed, and replaced by each of OTHER_VALUES."""
    for pointer in leaves(body):
        for new in (_MISSING, *OTHER_VALUES):
            yield pointer, changed(body, pointer, new)


def test_the_recordings_cover_both_models() -> None:
    models = {model_for(recording.status, recording.body) for recording in JSON_RECORDINGS}
    assert models == {"DeploymentEnvelope", "ErrorEnvelope", "FlatError"}
    assert len(JSON_RECORDINGS) >= 10


@pytest.mark.parametrize("recording", JSON_RECORDINGS, ids=lambda recording: recording.name)
def test_every_recording_reads_the_same(stock_models: ModuleType, recording: Any) -> None:
    model = model_for(recording.status, recording.body)
    assert read(our_models, model, recording.body)[0] == "to_dict"
    assert_same_meaning(stock_models, model, recording.body)


def test_every_value_removed_or_of_another_type_reads_as_stock_or_is_refused_where_stock_breaks_its_types(
    stock_models: ModuleType,
) -> None:
    outcomes: Counter[str] = Counter()
    for recording in JSON_RECORDINGS:
        model = model_for(recording.status, recording.body)
        annotation = getattr(our_models, model)
        for pointer, body in mutations(recording.body):
            label = f"{recording.name}, {pointer} = {body!r:.80}"
            try:
                ours = annotation.from_dict(copy.deepcopy(body))
            except JSONShapeError as error:
                # The place changed, a place inside it, or the union around it that no longer takes it.
                inside = (error.pointer + "/").startswith(pointer + "/")
                around = pointer.startswith(error.pointer + "/") and isinstance(error, NoMemberFits)
                assert inside or around, f"{label}: {error}"
                stock = read(stock_models, model, body)
                if stock[0] == "to_dict":
                    kept = getattr(stock_models, model).from_dict(copy.deepcopy(body))
                    assert contradictions(kept, getattr(stock_models, model), stock_models), (
                        f"{label}: stock's reading fits"
                    )
                    outcomes["refused where stock breaks its types"] += 1
                else:
                    outcomes["refused by both"] += 1
                continue
            assert contradictions(ours, annotation, our_models) == [], label
            assert ("to_dict", ours.to_dict()) == read(stock_models, model, body), label
            outcomes["read as stock"] += 1
    # Every outcome occurs, and the mutations are many: the test cannot pass by reading nothing.
    assert set(outcomes) == {"read as stock", "refused by both", "refused where stock breaks its types"}
    assert outcomes["refused where stock breaks its types"] > 500, outcomes
    assert sum(outcomes.values()) > 5_000, outcomes


@BODIES
@given(body=STRATEGIES.for_component("DeploymentEnvelope"))
def test_generated_deployment_bodies_read_the_same(stock_models: ModuleType, body: dict[str, Any]) -> None:
    assert_same_meaning(stock_models, "DeploymentEnvelope", body)


@settings(BODIES, max_examples=100)
@given(body=STRATEGIES.for_component("ErrorEnvelope"))
def test_generated_error_bodies_read_the_same(stock_models: ModuleType, body: dict[str, Any]) -> None:
    assert_same_meaning(stock_models, "ErrorEnvelope", body)


# The enumerated difference: a lower-case "z" (RFC 3339 section 5.6 allows it; datetime.fromisoformat does not).
def _deployment_with_lower_case_z() -> tuple[dict[str, Any], dict[str, Any]]:
    """A recorded deployment with its timestamps spelled with "z", and the same one spelled with "Z"."""
    upper = next(recording.body for recording in JSON_RECORDINGS if recording.name == "build-failed")
    lower = copy.deepcopy(upper)
    result = lower["result"]
    result["created_on"] = result["created_on"].replace("Z", "z")
    result["latest_stage"]["ended_on"] = result["latest_stage"]["ended_on"].replace("Z", "z")
    assert result["created_on"].endswith("z") and result["latest_stage"]["ended_on"].endswith("z")
    return lower, upper


def test_a_lower_case_z_is_read_as_the_same_instant_as_an_upper_case_one() -> None:
    lower, upper = _deployment_with_lower_case_z()
    assert read(our_models, "DeploymentEnvelope", lower) == read(our_models, "DeploymentEnvelope", upper)


def test_stock_models_refuse_a_lower_case_z_in_a_required_timestamp(stock_models: ModuleType) -> None:
    lower, _ = _deployment_with_lower_case_z()
    with pytest.raises(ValueError, match="Invalid isoformat string"):
        stock_models.DeploymentEnvelope.from_dict(lower)


def test_stock_models_keep_a_lower_case_z_unparsed_in_a_nullable_timestamp(stock_models: ModuleType) -> None:
    lower, _ = _deployment_with_lower_case_z()
    stage = lower["result"]["latest_stage"]
    assert stock_models.Stage.from_dict(stage).ended_on == stage["ended_on"]
    ended_on = our_models.Stage.from_dict(stage).ended_on
    assert ended_on is not None
    assert ended_on.isoformat() == "2026-11-27T08:01:02.913300+00:00"
