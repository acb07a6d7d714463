"""The model template forks change speed and robustness, not meaning.

The package is generated a second time with the generator's stock templates
(no custom template, no runtime, another package name), and the project's
models and the stock models read the same bodies: every JSON recording, the
same recordings with each field removed or of the wrong type, and a few hundred
bodies the spec allows (contract_tests/kit/body_strategy.py, derandomised). Both
must give the same to_dict(), or raise the same exception.

The differences are enumerated and asserted, never skipped: RFC 3339 allows a
lower-case "z" (datetime_property.py.jinja), which the stock models refuse in a
required timestamp and keep as an unparsed string in a nullable one; and one
malformed value raises another exception type than stock (ENUMERATED).
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import cloudflare_pages_client.models as our_models
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
# A value of a type no field of the spec has: every field's check (or lack of one) meets it.
WRONG_TYPE = {"unexpected": [1]}
# Where the forks and the stock models raise different exceptions for the same malformed body, and why.
# Both are among those the client turns into ResponseDecodeError (KeyError, ValueError, TypeError,
# AttributeError); any other disagreement fails the test.
ENUMERATED = {
    # model.py.jinja reads src_dict directly instead of copying it with dict() first, so an object that is
    # not an object (here a list of models given as one object: its keys are iterated) fails on the first
    # key lookup, not in dict().
    (("raises", "TypeError"), ("raises", "ValueError")): "a nested object that is not an object",
}


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


def variants(body: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The body with each field of its inner object (result, or the envelope itself) removed, or of a wrong type."""
    inner_key = "result" if isinstance(body.get("result"), dict) else None
    inner = body[inner_key] if inner_key else body
    for key in inner:
        for label, change in (("without", None), ("wrong type", WRONG_TYPE)):
            changed = copy.deepcopy(body)
            target = changed[inner_key] if inner_key else changed
            if change is None:
                del target[key]
            else:
                target[key] = change
            yield f"{label} {key}", changed


def test_the_recordings_cover_both_models() -> None:
    models = {model_for(recording.status, recording.body) for recording in JSON_RECORDINGS}
    assert models == {"DeploymentEnvelope", "ErrorEnvelope", "FlatError"}
    assert len(JSON_RECORDINGS) >= 10


@pytest.mark.parametrize("recording", JSON_RECORDINGS, ids=lambda recording: recording.name)
def test_every_recording_reads_the_same(stock_models: ModuleType, recording: Any) -> None:
    model = model_for(recording.status, recording.body)
    assert read(our_models, model, recording.body)[0] == "to_dict"
    assert_same_meaning(stock_models, model, recording.body)


def test_every_field_missing_or_of_a_wrong_type_reads_the_same_or_as_enumerated(stock_models: ModuleType) -> None:
    seen: Counter[tuple[tuple[str, Any], tuple[str, Any]]] = Counter()
    outcomes: Counter[str] = Counter()
    for recording in JSON_RECORDINGS:
        model = model_for(recording.status, recording.body)
        for label, body in variants(recording.body):
            ours, stock = read(our_models, model, body), read(stock_models, model, body)
            outcomes[ours[0]] += 1
            if ours != stock:
                assert (ours, stock) in ENUMERATED, f"{recording.name}, {label}: ours {ours}, stock {stock}"
                seen[ours, stock] += 1
    # Both outcomes are exercised (a missing required field raises, an optional one does not), and every
    # enumerated difference still occurs: the table cannot outlive a change to the forks.
    assert set(outcomes) == {"to_dict", "raises"}
    assert set(seen) == set(ENUMERATED)


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
