"""`make adopt` on copies of the repository with drift planted in a recording.

Each scenario is one copy (adopt, regeneration and the checks run once, in a
subprocess that imports the copy's code); the tests then read what it left.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR
from contract_tests.kit.drift import find_drift
from contract_tests.kit.spec import SPEC_PATH
from scripts.adopt.edit import dumps, enum_varname, load
from scripts.adopt.entries import new_differences
from scripts.adopt.infer import CannotInfer, infer
from scripts.adopt.plan import make_plan
from scripts.upstream.source import PUBLISHED_SLICE
from tests.support.repo_copy import (
    DEVIATIONS,
    SPEC,
    make_copy,
    read_recording,
    run,
    snapshot,
    write_recording,
)

SLICE = "tests/upstream/fixtures/upstream-get-deployment-slice.json"
NOTHING_TO_DO = (
    "adopt: 0 spec edits, 0 deviations entries, 0 recordings' expected_drift updated, 0 items left for a person"
)
FUTURE = "unknown-fields-and-values"


def base_recording() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((RECORDINGS_DIR / "github-push-with-source.json").read_text())
    return loaded


def _deployment_schema() -> dict[str, Any]:
    schema: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]["Deployment"]
    return schema


def still_required(preferred: str) -> str:
    """`preferred` while the spec requires it, else another required field (a night may have made it optional)."""
    required = [name for name in _deployment_schema()["required"] if name != "id"]
    return preferred if preferred in required else required[-1]


def still_non_null_string(preferred: str, besides: str) -> str:
    """`preferred` while the spec declares it a plain string, else another such required field."""
    schema = _deployment_schema()
    strings = [
        name
        for name in schema["required"]
        if schema["properties"][name].get("type") == "string" and "format" not in schema["properties"][name]
    ]
    return preferred if preferred in strings else next(name for name in strings if name not in (besides, "id"))


# The issue's example: a null in project_name and no short_id (others once a night has adopted those).
MISSING = still_required("short_id")
NULL = still_non_null_string("project_name", besides=MISSING)


class Scenario:
    """A copy with one planted recording, after `python -m scripts.adopt` ran on it once."""

    def __init__(self, root: Path, planted: str) -> None:
        self.root = root
        self.planted = planted
        self.spec_before = (root / SPEC).read_text()
        self.deviations_before = yaml.safe_load((root / DEVIATIONS).read_text())["deviations"]
        self.future_before = read_recording(root, FUTURE)
        self.first = run(root, "-m", "scripts.adopt", "--today", "2026-11-29")
        assert self.first.returncode == 0, self.first.stderr

    @property
    def spec_text(self) -> str:
        return (self.root / SPEC).read_text()

    @property
    def spec(self) -> Any:
        return yaml.safe_load(self.spec_text)

    def schema(self, name: str) -> Any:
        return self.spec["components"]["schemas"][name]

    def new_deviations(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = yaml.safe_load((self.root / DEVIATIONS).read_text())["deviations"]
        assert entries[: len(self.deviations_before)] == self.deviations_before
        return entries[len(self.deviations_before) :]

    def client_reads(self, expressions: dict[str, str]) -> dict[str, Any]:
        """Each expression evaluated by the copy's regenerated client on the planted body (`result` is parsed)."""
        script = (
            "import json, cloudflare_pages_client, cloudflare_pages_client.models as models\n"
            "from cloudflare_pages_client.types import UNSET\n"
            "from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR\n"
            f"body = json.load(open(RECORDINGS_DIR / '{self.planted}.json'))['response']['body']\n"
            "result = models.DeploymentEnvelope.from_dict(body).result\n"
            f"print(json.dumps({{name: eval(code) for name, code in {expressions!r}.items()}}))\n"
        )
        done = run(self.root, "-c", script)
        assert done.returncode == 0, done.stderr
        read: dict[str, Any] = json.loads(done.stdout)
        return read

    def second_run(self) -> tuple[subprocess.CompletedProcess[str], bool]:
        before = snapshot(self.root)
        again = run(self.root, "-m", "scripts.adopt", "--today", "2026-12-01")
        return again, snapshot(self.root) == before


def plant(tmp_path_factory: pytest.TempPathFactory, name: str, change: Callable[[dict[str, Any]], None]) -> Scenario:
    root = make_copy(tmp_path_factory.mktemp(name))
    recording = base_recording()
    # An identity of its own: the replay server tells recordings apart by their path parameters.
    deployment_id = str(uuid.uuid5(uuid.NAMESPACE_URL, name))
    recording["request"]["path_params"]["deployment_id"] = deployment_id
    recording["response"]["body"]["result"]["id"] = deployment_id
    change(recording)
    write_recording(root, name, recording)
    return Scenario(root, name)


# -- the issue's case: a new stage status, a new object field, a null project_name, no short_id -------------


def _by_hand(recording: dict[str, Any]) -> None:
    recording["description"] = "Planted by hand: four kinds of drift."
    recording["origin"] = {"kind": "constructed", "source": "planted by a test"}
    result = recording["response"]["body"]["result"]
    result["latest_stage"]["status"] = "adopt_test_retrying"
    result["adopt_test_insights"] = {
        "cache_hit_ratio": 0.75,
        "duration_seconds": 41,
        "phases": [{"name": "install", "seconds": 12, "note": None}, {"name": "build", "seconds": 29.5, "note": "x"}],
    }
    result[NULL] = None
    del result[MISSING]
    recording["expected_drift"] = []


@pytest.fixture(scope="module")
def by_hand(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return plant(tmp_path_factory, "planted-by-hand", _by_hand)


NEW_FIELD = """\
        adopt_test_insights:
          $ref: "#/components/schemas/DeploymentAdoptTestInsights"
    DeploymentAdoptTestInsights:
      description: Added by make adopt, first seen 2026-11-29 in recordings/planted-by-hand.json.
      type: object
      properties:
        cache_hit_ratio:
          type: number
        duration_seconds:
          type: integer
        phases:
          type: array
          items:
            $ref: "#/components/schemas/DeploymentAdoptTestInsightsPhasesItem"
    DeploymentAdoptTestInsightsPhasesItem:
      type: object
      properties:
        name:
          type: string
        seconds:
          type: number
        note:
          type: [string, "null"]
"""


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_spec_edit_is_exactly_the_four_changes(by_hand: Scenario) -> None:
    expected = _replace_once(by_hand.spec_before, f"        - {MISSING}\n", "")
    expected, count = re.subn(
        rf"(\n        {NULL}:\n(?:          .*\n)*?)          type: string\n",
        r'\1          type: [string, "null"]\n',
        expected,
    )
    assert count == 1
    expected, count = re.subn(
        r"(\n    StageStatus:\n      type: string\n      enum: \[.*)\]\n", r"\1, adopt_test_retrying]\n", expected
    )
    assert count == 1
    # The field closes Deployment's properties (its last key); its components follow Deployment.
    deployment = expected.index("\n    Deployment:\n")
    next_component = re.compile(r"^    \S", re.MULTILINE).search(expected, deployment + len("\n    Deployment:\n"))
    assert next_component is not None
    expected = expected[: next_component.start()] + NEW_FIELD + expected[next_component.start() :]
    assert by_hand.spec_text == expected


def test_each_edit_has_a_deviations_entry_naming_the_recording_pointer_and_date(by_hand: Scenario) -> None:
    def evidence(pointer: str, kind: str) -> str:
        return (
            f"Seen in openapi/runtime/testing/recordings/planted-by-hand.json at {pointer} on 2026-11-29 ({kind}); "
            "adopted by make adopt."
        )

    assert by_hand.new_deviations() == [
        {
            "pointer": "/components/schemas/StageStatus/enum",
            "change": "enum-value-added",
            "name": "adopt_test_retrying",
            "upstream": "no `adopt_test_retrying`",
            "ours": "adds `adopt_test_retrying`",
            "evidence": evidence("/result/latest_stage/status", "undocumented-enum-value"),
        },
        {
            "pointer": "/components/schemas/Deployment/properties/adopt_test_insights",
            "change": "property-added",
            "name": "adopt_test_insights",
            "upstream": "not documented",
            "ours": "optional",
            "evidence": evidence("/result/adopt_test_insights", "undocumented-field"),
        },
        {
            "pointer": f"/components/schemas/Deployment/properties/{NULL}",
            "change": "nullable-added",
            "upstream": "non-null",
            "ours": "nullable",
            "evidence": evidence(f"/result/{NULL}", "undeclared-null"),
        },
        {
            "pointer": "/components/schemas/Deployment/required",
            "change": "required-removed",
            "name": MISSING,
            "upstream": "required",
            "ours": "optional",
            "evidence": evidence(f"/result/{MISSING}", "missing-field"),
        },
    ]


def test_the_summary_says_what_changed(by_hand: Scenario) -> None:
    assert by_hand.first.stdout.splitlines()[:6] == [
        "adopt: 4 spec edits, 4 deviations entries, 0 recordings' expected_drift updated, 0 items left for a person",
        "changed in openapi/openapi.yaml:",
        "- add `adopt_test_retrying` to StageStatus (seen in planted-by-hand.json /result/latest_stage/status)",
        "- declare `adopt_test_insights` (optional) on Deployment "
        "(seen in planted-by-hand.json /result/adopt_test_insights)",
        f"- declare `{NULL}` nullable on Deployment (seen in planted-by-hand.json /result/{NULL})",
        f"- make `{MISSING}` optional on Deployment (seen in planted-by-hand.json /result/{MISSING})",
    ]
    assert (by_hand.root / "reports" / "adopt.md").read_text().startswith("## make adopt\n\nadopt: 4 spec edits")


def test_the_regenerated_client_reads_the_planted_body_typed(by_hand: Scenario) -> None:
    assert by_hand.client_reads(
        {
            "package": "cloudflare_pages_client.__file__",
            "status": "result.latest_stage.status is models.StageStatus.ADOPT_TEST_RETRYING",
            "insights": "type(result.adopt_test_insights).__name__",
            "seconds": "[phase.seconds for phase in result.adopt_test_insights.phases]",
            "note": "[phase.note for phase in result.adopt_test_insights.phases]",
            "null": f"result.{NULL}",
            "missing_unset": f"result.{MISSING} is UNSET",
        }
    ) == {
        "package": str(by_hand.root / "generated" / "cloudflare_pages_client" / "__init__.py"),
        "status": True,
        "insights": "DeploymentAdoptTestInsights",
        "seconds": [12, 29.5],
        "note": [None, "x"],
        "null": None,
        "missing_unset": True,
    }


def test_after_it_the_contract_the_generated_tree_and_the_upstream_comparison_are_green(by_hand: Scenario) -> None:
    contract = run(
        by_hand.root,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "contract_tests/test_conformance_and_drift.py",
        "contract_tests/test_replay_server.py",
        # Bodies generated from the edited spec: its new number, nullable and object schemas included.
        "contract_tests/test_generated.py::test_generated_deployment_bodies_parse_and_round_trip",
        env={"CONTRACT_EXAMPLES": "25"},
    )
    assert contract.returncode == 0, contract.stdout[-3000:]
    generated = run(by_hand.root, "-m", "scripts.check_generated")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    upstream = run(by_hand.root, "-m", "scripts.upstream_diff", SLICE, "--reports", str(by_hand.root / "reports"))
    assert upstream.returncode == 0, upstream.stdout + upstream.stderr
    assert "result: every difference is a documented deviation" in upstream.stdout


def test_the_hand_written_recordings_are_left_alone(by_hand: Scenario) -> None:
    assert read_recording(by_hand.root, FUTURE) == by_hand.future_before
    assert read_recording(by_hand.root, "planted-by-hand")["expected_drift"] == []


def test_running_it_again_changes_nothing(by_hand: Scenario) -> None:
    again, unchanged = by_hand.second_run()
    assert again.stdout.splitlines() == [NOTHING_TO_DO]
    assert unchanged


# -- a live recording: its stated drift is adopted, and values the "future" body shares leave its list ----


def _live(recording: dict[str, Any]) -> None:
    recording["description"] = "What the live run saw."
    recording["origin"] = {"kind": "live", "source": "make record", "recorded_on": "2026-11-28"}
    result = recording["response"]["body"]["result"]
    # Three of these the "future" body shows too (with "octocat" as the author).
    result["environment"] = "staging"
    result["deployment_trigger"]["type"] = "gitlab:merge_request"
    result["deployment_trigger"]["metadata"]["commit_author"] = "a-maintainer"
    result["deployment_trigger"]["metadata"]["commit_message"] = None
    result["build_config"] = None
    result["adopt_test_limits"] = {"cpu_ms": 50, "memory_mb": 128}
    response = recording["response"]
    # As `make record` writes it: the drift the reply showed, stated.
    found = find_drift(response["status"], response["headers"]["content-type"], response["body"])
    recording["expected_drift"] = [item.key() for item in found]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return plant(tmp_path_factory, "live-night", _live)


def test_a_live_recording_is_adopted_with_its_recorded_date(live: Scenario) -> None:
    assert live.schema("DeploymentEnvironment")["enum"] == ["preview", "production", "staging"]
    trigger_type = live.schema("DeploymentTriggerType")
    assert trigger_type["enum"] == ["github:push", "ad_hoc", "deploy_hook", "gitlab:merge_request"]
    assert trigger_type["x-enum-varnames"] == ["GITHUB_PUSH", "AD_HOC", "DEPLOY_HOOK", "GITLAB_MERGE_REQUEST"]
    assert live.schema("DeploymentTriggerMetadata")["properties"]["commit_message"] == {"type": ["string", "null"]}
    build_config = live.schema("Deployment")["properties"]["build_config"]
    assert build_config == {"anyOf": [{"$ref": "#/components/schemas/BuildConfig"}, {"type": "null"}]}
    assert "build_config" in live.schema("Deployment")["required"]
    entries = live.new_deviations()
    assert [(entry["change"], entry.get("name")) for entry in entries] == [
        ("enum-value-added", "gitlab:merge_request"),
        ("enum-value-added", "staging"),
        ("property-added", "adopt_test_limits"),
        ("property-added", "commit_author"),
        ("nullable-added", None),
        ("nullable-added", None),
    ]
    assert {entry["evidence"].split(" on ")[1].split(" ")[0] for entry in entries} == {"2026-11-28"}


def test_a_field_is_inferred_from_every_recording_that_shows_it(live: Scenario) -> None:
    assert live.schema("Deployment")["properties"]["adopt_test_limits"] == {
        "$ref": "#/components/schemas/DeploymentAdoptTestLimits"
    }
    limits = live.schema("DeploymentAdoptTestLimits")
    assert limits["properties"] == {"cpu_ms": {"type": "integer"}, "memory_mb": {"type": "integer"}}
    assert "required" not in limits
    author = live.schema("DeploymentTriggerMetadata")["properties"]["commit_author"]
    assert author == {
        "description": "Added by make adopt, first seen 2026-11-28 in recordings/live-night.json.",
        "type": "string",
    }


def test_the_future_body_keeps_only_the_drift_the_spec_still_lacks(live: Scenario) -> None:
    now_documented = {
        "/result/environment",
        "/result/deployment_trigger/type",
        "/result/deployment_trigger/metadata/commit_author",
    }
    future = read_recording(live.root, FUTURE)
    expected = copy.deepcopy(live.future_before)
    expected["expected_drift"] = [item for item in expected["expected_drift"] if item["pointer"] not in now_documented]
    assert future == expected
    assert len(future["expected_drift"]) == len(live.future_before["expected_drift"]) - 3
    assert read_recording(live.root, "live-night")["expected_drift"] == []
    assert live.first.stdout.splitlines()[0] == (
        "adopt: 6 spec edits, 6 deviations entries, 2 recordings' expected_drift updated, 0 items left for a person"
    )


def test_the_live_body_is_read_typed_and_the_contract_is_green(live: Scenario) -> None:
    assert live.client_reads(
        {
            "trigger": "result.deployment_trigger.type_ is models.DeploymentTriggerType.GITLAB_MERGE_REQUEST",
            "environment": "result.environment is models.DeploymentEnvironment.STAGING",
            "build_config": "result.build_config",
            "message": "result.deployment_trigger.metadata.commit_message",
            "adopt_test_limits": "type(result.adopt_test_limits).__name__",
            "memory": "result.adopt_test_limits.memory_mb",
        }
    ) == {
        "trigger": True,
        "environment": True,
        "build_config": None,
        "message": None,
        "adopt_test_limits": "DeploymentAdoptTestLimits",
        "memory": 128,
    }
    contract = run(
        live.root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "contract_tests/test_conformance_and_drift.py"
    )
    assert contract.returncode == 0, contract.stdout[-3000:]
    again, unchanged = live.second_run()
    assert again.stdout.splitlines() == [NOTHING_TO_DO]
    assert unchanged


# -- what adopt refuses: a changed type, a field seen only as null; what it still adopts beside them -------


REFUSED_MISSING = still_required("url")


def _refused(recording: dict[str, Any]) -> None:
    recording["description"] = "Planted by hand: drift adopt must leave for a person, and one it adopts."
    recording["origin"] = {"kind": "constructed", "source": "planted by a test"}
    result = recording["response"]["body"]["result"]
    result["build_image_major_version"] = "three"
    result["adopt_test_only_null"] = None
    del result[REFUSED_MISSING]
    recording["expected_drift"] = []


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return plant(tmp_path_factory, "refused", _refused)


REFUSED_LINES = [
    "left for a person:",
    "- refused.json /result/build_image_major_version (type-mismatch): not a kind adopt knows how to change",
    "- refused.json /result/adopt_test_only_null (undocumented-field): "
    "Deployment.adopt_test_only_null: only null seen, the type is unknown",
]


def test_what_it_cannot_change_it_names_and_leaves(refused: Scenario) -> None:
    lines = refused.first.stdout.splitlines()
    assert lines[0] == (
        "adopt: 1 spec edits, 1 deviations entries, 0 recordings' expected_drift updated, 2 items left for a person"
    )
    assert lines[-3:] == REFUSED_LINES
    assert refused.spec_text == _replace_once(refused.spec_before, f"        - {REFUSED_MISSING}\n", "")
    assert [(entry["change"], entry["name"]) for entry in refused.new_deviations()] == [
        ("required-removed", REFUSED_MISSING)
    ]
    # Not stated: the contract check still reports it, for the person the summary names.
    assert read_recording(refused.root, "refused")["expected_drift"] == []


def test_what_it_refused_it_refuses_again_without_changing_anything(refused: Scenario) -> None:
    again, unchanged = refused.second_run()
    lines = again.stdout.splitlines()
    assert lines[0] == (
        "adopt: 0 spec edits, 0 deviations entries, 0 recordings' expected_drift updated, 2 items left for a person"
    )
    assert lines[1:] == REFUSED_LINES
    assert unchanged


# -- in process: the pieces ---------------------------------------------------------------------------


def test_on_this_repository_there_is_nothing_to_adopt() -> None:
    plan = make_plan(load(SPEC_PATH), RECORDINGS_DIR, today=__import__("datetime").date(2026, 11, 29))
    assert (plan.edits, plan.left, plan.adopted_from) == ([], [], [])


def test_the_spec_reads_and_writes_back_byte_for_byte() -> None:
    assert dumps(load(SPEC_PATH)) == SPEC_PATH.read_text()


@pytest.mark.parametrize(
    ("values", "schema"),
    [
        (["a", "b"], {"type": "string"}),
        ([1, 2.5], {"type": "number"}),
        ([1, None], {"type": ["integer", "null"]}),
        ([True, "x"], {"type": ["boolean", "string"]}),
        ([[1], [2, 3]], {"type": "array", "items": {"type": "integer"}}),
        ([{}, None], {"type": ["object", "null"]}),
        ([{"a": 1}, None], {"anyOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "null"}]}),
    ],
)
def test_a_schema_says_only_what_every_value_shows(values: list[Any], schema: dict[str, Any]) -> None:
    assert infer(values, "Thing", "Owner.thing", set()).schema == schema


def test_an_object_becomes_a_component_named_after_its_owner_and_never_twice() -> None:
    inferred = infer([{"a": {"b": "x"}}], "Thing", "Owner.thing", {"Thing"})
    assert inferred.schema == {"$ref": "#/components/schemas/Thing2"}
    assert inferred.components == {
        "Thing2": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/Thing2A"}}},
        "Thing2A": {"type": "object", "properties": {"b": {"type": "string"}}},
    }


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ([None, None], "Owner.thing: only null seen, the type is unknown"),
        ([[], []], "Owner.thing: only empty arrays seen, the item type is unknown"),
        ([{"a": 1}, "x"], "Owner.thing: an object or array beside other types (object, string)"),
    ],
)
def test_what_the_values_do_not_say_is_refused(values: list[Any], reason: str) -> None:
    with pytest.raises(CannotInfer) as refused:
        infer(values, "Thing", "Owner.thing", set())
    assert str(refused.value) == reason


@pytest.mark.parametrize(
    ("value", "name"), [("gitlab:merge_request", "GITLAB_MERGE_REQUEST"), ("rolled-back", "ROLLED_BACK")]
)
def test_an_enum_value_gets_the_member_name_the_generator_would_give(value: str, name: str) -> None:
    assert enum_varname(value) == name


def test_an_edit_the_published_schema_already_makes_gets_no_entry() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text())
    upstream = json.loads(PUBLISHED_SLICE.read_text())
    edited = copy.deepcopy(spec)
    edited["components"]["schemas"]["StageStatus"]["enum"].append("adopt_test_retrying")
    assert [(d.change, d.name) for d in new_differences(spec, edited, upstream)] == [
        ("enum-value-added", "adopt_test_retrying")
    ]
    upstream["components"]["schemas"]["pages_stage"]["properties"]["status"]["enum"].append("adopt_test_retrying")
    assert new_differences(spec, edited, upstream) == []
