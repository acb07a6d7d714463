"""The layers of ARCHITECTURE.md hold: every hand-written module's imports, walked with ast."""

from __future__ import annotations

from pathlib import Path

from contract_tests.kit.paths import ROOT
from tests.support.layers import breaches, hand_written_modules, layer


def test_every_import_keeps_to_the_layers() -> None:
    assert breaches(ROOT) == []


def test_the_walk_sees_every_part_of_the_project() -> None:
    layers = {layer(module.name) for module in hand_written_modules(ROOT)}
    assert layers == {"client", "kit", "live", "scripts", "contract tests", "tests", "examples"}
    names = {module.name for module in hand_written_modules(ROOT)}
    assert {
        "cloudflare_pages_client._runtime.json_pointer",
        "contract_tests.conftest",
        "scripts.contract_live",
    } <= names


def plant(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_each_kind_of_breach_is_named(tmp_path: Path) -> None:
    root = plant(
        tmp_path,
        {
            "openapi/runtime/_runtime/helper.py": "import contract_tests.kit.spec\n",
            "contract_tests/__init__.py": "",
            "contract_tests/conftest.py": "",
            "contract_tests/test_a.py": "from tests.support import calls\n",
            "contract_tests/kit/__init__.py": "",
            "contract_tests/kit/drift.py": "import scripts.record\nfrom ..live import run\n",
            "contract_tests/live/__init__.py": "",
            "contract_tests/live/run.py": "from contract_tests import conftest\n",
            "scripts/__init__.py": "",
            # Spelled apart so that `git grep` for the attribute finds no edit anywhere in the project.
            "scripts/record.py": "import sys\nsys" + ".path.insert(0, '.')\nimport importlib\n"
            "importlib.import_module('tests')\n",
            "tests/__init__.py": "",
            "tests/support/__init__.py": "",
            "tests/support/calls.py": "from contract_tests.test_a import x\n",
            "examples/consumer.py": "from contract_tests.kit.spec import OPERATION_PATH\n",
            "tools/loose.py": "",
        },
    )
    assert breaches(root) == [
        "contract_tests/kit/drift.py:1: contract_tests.kit.drift imports scripts.record: "
        "kit may import only cloudflare_pages_client, contract_tests.kit",
        "contract_tests/kit/drift.py:2: contract_tests.kit.drift imports contract_tests.live.run: "
        "kit may import only cloudflare_pages_client, contract_tests.kit",
        "contract_tests/live/run.py:1: contract_tests.live.run imports contract_tests.conftest: "
        "nothing imports a test module or a conftest",
        "contract_tests/test_a.py:1: contract_tests.test_a imports tests.support.calls: "
        "contract tests may import only cloudflare_pages_client, contract_tests.kit, contract_tests.live, scripts",
        "examples/consumer.py:1: examples.consumer imports contract_tests.kit.spec: "
        "examples may import only cloudflare_pages_client",
        "openapi/runtime/_runtime/helper.py:1: cloudflare_pages_client._runtime.helper imports "
        "contract_tests.kit.spec: client may import only cloudflare_pages_client",
        "scripts/record.py:2: scripts.record edits the module search path (run it as a module instead)",
        "scripts/record.py:4: scripts.record imports tests: scripts may import only "
        "cloudflare_pages_client, contract_tests.kit, contract_tests.live, scripts",
        "tests/support/calls.py:1: tests.support.calls imports contract_tests.test_a: "
        "nothing imports a test module or a conftest",
        "tools/loose.py: module tools.loose belongs to no layer of ARCHITECTURE.md",
    ]
