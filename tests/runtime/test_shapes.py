"""shapes.py: where a JSON value departs from the models, as a pointer and a message that never holds the value."""

from __future__ import annotations

from typing import Any

import pytest

from cloudflare_pages_client._runtime.shapes import (
    ConstMismatch,
    JSONShapeError,
    NoMemberFits,
    ValueMismatch,
    check_items,
    deepest,
    in_words,
    json_type,
    json_type_name,
    list_only,
    misfit,
)
from cloudflare_pages_client.types import UNSET


@pytest.mark.parametrize(
    ("value", "name", "words"),
    [
        (None, "null", "null"),
        (True, "boolean", "a boolean"),
        (3, "integer", "an integer"),
        (3.5, "number", "a number"),
        ("x", "string", "a string"),
        ([], "array", "an array"),
        ({}, "object", "an object"),
        (b"x", "bytes", "a bytes"),
    ],
)
def test_a_values_json_type_by_name_and_in_words(value: object, name: str, words: str) -> None:
    assert (json_type_name(value), json_type(value), in_words(name)) == (name, words, words)


def test_a_failure_of_this_field_is_placed_at_its_key_with_the_cause_kept() -> None:
    holder = {"id": 42}
    cause = TypeError()
    shape = misfit(cause, holder, "id", "Deployment.id", "str")
    assert (shape.pointer, shape.found, shape.field, shape.expected) == ("/id", "an integer", "Deployment.id", "str")
    assert str(shape) == "/id is an integer; Deployment.id takes str"
    assert shape.__cause__ is cause


def test_a_missing_key_is_found_missing() -> None:
    shape = misfit(KeyError("id"), {}, "id", "Deployment.id", "str")
    assert str(shape) == "/id is missing; Deployment.id takes str"


def test_a_check_of_its_own_is_placed_without_a_new_error_and_keeps_its_detail() -> None:
    raised = ConstMismatch("not the constant True")
    shape = misfit(raised, {"success": 1}, "success", "Envelope.success", "Literal[True]")
    assert shape is raised
    assert str(shape) == "/success is an integer (not the constant True); Envelope.success takes Literal[True]"


def test_an_error_from_inside_a_list_item_gains_the_index_and_the_key_on_its_way_out() -> None:
    stage = {"status": 42}
    stages = [{"status": "success"}, stage]
    body = {"result": {"stages": stages}}
    shape = misfit(TypeError(), stage, "status", "Stage.status", "StageStatus | str")
    assert misfit(shape, body["result"], "stages", "Deployment.stages", "list[Stage]") is shape
    assert misfit(shape, body, "result", "Envelope.result", "Deployment") is shape
    assert (shape.pointer, shape.field) == ("/result/stages/1/status", "Stage.status")


def test_a_value_that_is_not_an_object_names_the_place_itself() -> None:
    holder: list[Any] = []
    shape = misfit(TypeError(), holder, "status", "Stage.status", "StageStatus | str")
    assert str(shape) == "the document is an array; Stage takes an object"
    outer = {"stages": [holder]}
    assert misfit(shape, outer, "stages", "Deployment.stages", "list[Stage]").pointer == "/stages/0"


def test_a_null_in_place_of_an_object_is_placed_once() -> None:
    shape = misfit(TypeError(), None, "name", "ResponseMessage.code", "int")
    outer = {"errors": [None]}
    assert misfit(shape, outer, "errors", "Envelope.errors", "list[ResponseMessage]").pointer == "/errors/0"


def test_an_error_raised_elsewhere_becomes_a_new_one_at_this_key() -> None:
    unrelated = misfit(TypeError(), {"a": 1}, "a", "X.a", "str")
    shape = misfit(unrelated, {"b": "text"}, "b", "Y.b", "list[X]")
    assert shape is not unrelated
    assert (shape.pointer, shape.__cause__) == ("/b", unrelated)


def _placed(detail: str, kind: type[JSONShapeError], holder: dict[str, Any], key: str) -> JSONShapeError:
    return misfit(kind(detail) if detail else TypeError(), holder, key, "M.f", "str")


def test_a_union_raises_the_deepest_failure_of_a_value_that_is_there() -> None:
    const = _placed("not the constant 'plain_text'", ConstMismatch, {"type": "secret_text"}, "type")
    missing = misfit(KeyError("value"), {}, "value", "U.value", "str")
    wrong = _placed("", JSONShapeError, {"value": 42}, "value")
    assert deepest(const, missing, wrong) is wrong
    timestamp = ValueMismatch("not an RFC 3339 timestamp")  # raised by parse_timestamp, not placed yet
    assert deepest(TypeError(), timestamp) is timestamp


def test_a_union_whose_members_only_say_it_is_another_ones_raises_no_member_fits() -> None:
    const = _placed("not the constant 'plain_text'", ConstMismatch, {"type": "x"}, "type")
    missing = misfit(KeyError("value"), {}, "value", "U.value", "str")
    failure = deepest(const, missing, TypeError())
    assert isinstance(failure, NoMemberFits)
    assert str(misfit(failure, {"A": {}}, "A", "EnvVars[...]", "U | None")) == (
        "/A is an object (no member of the union takes it); EnvVars[...] takes U | None"
    )


def test_list_items_are_checked_and_the_first_wrong_one_named() -> None:
    check_items(UNSET, str)
    check_items(["a", "b"], str)
    check_items([1, 2.5], float)  # JSON has one number type
    items = ["a", 7, None]
    with pytest.raises(JSONShapeError) as raised:
        check_items(items, str)
    shape = misfit(raised.value, {"aliases": items}, "aliases", "D.aliases", "list[str]")
    assert str(shape) == "/aliases/1 is an integer; D.aliases takes list[str]"
    with pytest.raises(TypeError):
        check_items("abc", str)


def test_list_only_refuses_what_would_read_as_an_empty_list() -> None:
    assert list_only(items := [1]) is items
    not_lists: tuple[object, ...] = ("", {}, None)
    for value in not_lists:
        with pytest.raises(TypeError):
            list_only(value)


def test_the_message_never_holds_the_value() -> None:
    secret = "sk-live-123456"
    shape = misfit(TypeError(), {"value": [secret]}, "value", "SecretTextEnvVar.value", "str")
    assert secret not in str(shape) and secret not in repr(shape.args)
