"""One owner for each fact: the places that may write a fact down, and nowhere else (ast string constants)."""

from __future__ import annotations

import ast
import re

from contract_tests.kit.paths import ROOT
from tests.support.layers import hand_written_modules, is_test_module


def modules_with_a_string(matches: re.Pattern[str], *, tests_too: bool = True) -> list[str]:
    """The hand-written modules (relative paths) holding a string constant that `matches` finds."""
    found = []
    for module in hand_written_modules(ROOT):
        if not tests_too and (module.name.startswith("tests") or is_test_module(module.name)):
            continue
        tree = ast.parse(module.path.read_text())
        strings = (node.value for node in ast.walk(tree) if isinstance(node, ast.Constant))
        if any(isinstance(value, str) and matches.search(value) for value in strings):
            found.append(module.path.relative_to(ROOT).as_posix())
    return found


def test_the_operation_path_is_read_from_the_spec_and_written_out_only_where_a_test_pins_it() -> None:
    # The runtime and the test kit take it from the generated endpoint (PATH), which the generator writes from
    # the spec; the kit's library reads the spec itself.
    assert modules_with_a_string(re.compile(r"/deployments/\{deployment_id\}")) == ["tests/test_spec.py"]


def test_json_pointer_escaping_lives_in_the_runtime_only() -> None:
    assert modules_with_a_string(re.compile(r"^~[01]$")) == ["openapi/runtime/_runtime/json_pointer.py"]


def test_the_spec_path_is_built_in_the_kit_and_for_the_generator() -> None:
    # scripts/generation.py must run in a checkout that holds only openapi/, scripts/ and requirements/
    # (tests/test_generation.py copies one), so it does not import the kit.
    assert modules_with_a_string(re.compile(r"^openapi\.yaml$"), tests_too=False) == [
        "contract_tests/kit/paths.py",
        "scripts/generation.py",
    ]


def test_every_contract_setting_is_read_in_one_module() -> None:
    assert modules_with_a_string(re.compile(r"^CONTRACT_[A-Z_]+$"), tests_too=False) == [
        "contract_tests/kit/settings.py"
    ]


def test_the_change_vocabulary_is_written_once() -> None:
    # Tests may spell kinds in their expectations; no other module lists them.
    assert modules_with_a_string(re.compile(r"^security-scheme-removed$"), tests_too=False) == [
        "scripts/upstream/vocabulary.py"
    ]


def test_the_json_type_of_a_value_is_named_in_the_runtime_only() -> None:
    # The runtime's messages, the spec's shape check, the upstream comparison and adopt all name a decoded
    # value's JSON type; one function does it (an int is an integer, never a number).
    assert modules_with_a_string(re.compile(r"^(a boolean|an integer)$"), tests_too=False) == [
        "openapi/runtime/_runtime/shapes.py"
    ]
