"""What the endpoint template emits: the spec's method and path as constants, docstrings that tell the truth."""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable
from typing import Any

import pytest

from cloudflare_pages_client import errors
from cloudflare_pages_client.api.pages_deployment import get_deployment as operation
from contract_tests.kit.spec import OPERATION_METHOD, OPERATION_PATH

FUNCTIONS: list[Callable[..., Any]] = [
    operation.sync_detailed,
    operation.sync,
    operation.asyncio_detailed,
    operation.asyncio,
]


def test_method_and_path_are_the_spec_s() -> None:
    assert operation.PATH == OPERATION_PATH
    assert operation.METHOD == OPERATION_METHOD


def raised(function: Callable[..., Any]) -> list[str]:
    """The exception names under the docstring's "Raises:"."""
    section = (function.__doc__ or "").split("Raises:", 1)[1].split("Returns:", 1)[0]
    return re.findall(r"^\s+([\w.]+):", section, re.MULTILINE)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda function: function.__name__)
def test_the_docstring_names_what_is_raised(function: Callable[..., Any]) -> None:
    assert raised(function) == [
        "TypeError",
        "ValueError",
        "errors.APITimeoutError",
        "errors.APIConnectionError",
        "errors.ResponseDecodeError",
        "errors.UnexpectedStatus",
    ]
    assert "httpx" not in (function.__doc__ or "")


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda function: function.__name__)
def test_every_exception_named_is_one_the_package_defines(function: Callable[..., Any]) -> None:
    for name in raised(function):
        error = getattr(errors, name.removeprefix("errors.")) if name.startswith("errors.") else getattr(builtins, name)
        assert issubclass(error, Exception)
