"""`make upstream-diff` on broken documents: exit 2 with one line naming the file and the JSON pointer (issue 16,
point 18), never a traceback and never exit 1 (which means "Cloudflare changed something")."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from contract_tests.kit.document_shape import StructureError
from contract_tests.kit.paths import ROOT
from contract_tests.kit.spec import SPEC_PATH
from scripts.upstream.deviations import DEVIATIONS_PATH, load_deviations
from scripts.upstream.source import PUBLISHED_SLICE, load_document
from scripts.upstream_diff import INPUT_ERRORS, compare_loaded, read_spec

SEED = 16
CASES = 2000
# A value of every JSON type, each put where the document has something else.
REPLACEMENTS: list[Any] = [[], {}, "x", 1, None, True, 2.5, [1], {"a": 1}]


def upstream_diff(document_text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "published.json"
    path.write_text(document_text)
    return subprocess.run(
        [sys.executable, "-m", "scripts.upstream_diff", str(path), "--reports", str(tmp_path / "reports")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('{"openapi": "3.0.3", "paths": []}', "/paths: expected an object, found an array"),
        ('{"paths":' * 100_000 + "{}" + "}" * 100_000, "/: JSON nested deeper than Python can read"),
        ("[1, 2]", "/: expected an object, found list"),
    ],
    ids=["paths-a-list", "deeply-nested", "not-an-object"],
)
def test_a_broken_document_exits_2_with_one_line(tmp_path: Path, text: str, place: str) -> None:
    finished = upstream_diff(text, tmp_path)
    assert (finished.returncode, finished.stdout) == (2, "")
    assert finished.stderr == f"upstream-diff: {tmp_path / 'published.json'}: {place}\n"


def test_a_schema_nested_too_deep_is_named(tmp_path: Path) -> None:
    document = json.loads(PUBLISHED_SLICE.read_text())
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(450):  # json.dumps still writes it (900 levels); a walk of several frames per level does not
        deep = {"type": "object", "properties": {"a": deep}}
    document["components"]["schemas"]["pages_stage"] = deep
    finished = upstream_diff(json.dumps(document), tmp_path)
    assert finished.returncode == 2
    assert finished.stderr.startswith(f"upstream-diff: {tmp_path / 'published.json'}: /components/schemas/pages_stage")
    assert finished.stderr.endswith(": nested deeper than 200 levels\n")


def _places(node: Any, where: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*where, index))
    return found


def test_thousands_of_type_mutated_documents_give_a_report_or_one_named_line() -> None:
    document, provenance = load_document(str(PUBLISHED_SLICE))
    ours, deviations = read_spec(SPEC_PATH), load_deviations(DEVIATIONS_PATH)
    text = json.dumps(document)
    places = _places(document)[1:]
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for _ in range(CASES):
        mutated = json.loads(text)
        where = rng.choice(places)
        parent = mutated
        for token in where[:-1]:
            parent = parent[token]
        parent[where[-1]] = rng.choice(REPLACEMENTS)
        try:
            compare_loaded(mutated, provenance, ours, str(SPEC_PATH), deviations)
        except StructureError as error:
            message = str(error)
            assert message.startswith(f"{PUBLISHED_SLICE}: /"), message
            assert "\n" not in message
            outcomes["refused: shape"] += 1
        except INPUT_ERRORS as error:
            message = str(error)
            assert "\n" not in message
            assert "/" in message, message  # a pointer, or the operation's path
            outcomes[f"refused: {type(error).__name__}"] += 1
        else:
            outcomes["compared"] += 1
    assert sum(outcomes.values()) == CASES
    # Most mutations land where the comparison still reads the document; the rest are refused.
    assert outcomes["compared"] > CASES // 2
    assert outcomes["refused: shape"] > CASES // 10
