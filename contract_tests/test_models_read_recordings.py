"""The generated models read every recorded body and give the same data back."""

from __future__ import annotations

import datetime as dt

from cloudflare_pages_client.models import (
    DeploymentEnvelope,
    DeploymentTriggerType,
    ErrorEnvelope,
    FlatError,
    SkipReason,
    StageName,
    StageStatus,
    UntypedEnvVar,
)
from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, Recording, load
from cloudflare_pages_client.types import UNSET
from contract_tests.kit.exchange_checks import parse_problems, reply_model
from contract_tests.kit.roundtrip import differences


def parse(recording: Recording) -> DeploymentEnvelope | ErrorEnvelope | FlatError:
    return reply_model(recording.status, recording.body).from_dict(recording.body)


def test_the_client_reads_it_and_gives_it_back(recording: Recording) -> None:
    assert parse_problems(recording) == []


def deployment(name: str) -> DeploymentEnvelope:
    envelope = parse(load(RECORDINGS_DIR / f"{name}.json"))
    assert isinstance(envelope, DeploymentEnvelope)
    return envelope


def test_seed_example_reads_as_documented() -> None:
    result = deployment("seed-example").result
    assert result.id == "f64788e9-fccd-4d4a-a28a-cb84f88f6"
    assert result.deployment_trigger.type_ is DeploymentTriggerType.AD_HOC
    assert result.latest_stage.name is StageName.DEPLOY
    assert result.created_on == dt.datetime(2021, 3, 9, 0, 55, 3, 923456, tzinfo=dt.UTC)
    assert [stage.status for stage in result.stages][:2] == [StageStatus.ACTIVE, StageStatus.IDLE]


def test_direct_upload_without_source_leaves_source_unset() -> None:
    result = deployment("direct-upload-without-source").result
    assert result.source is UNSET
    assert result.deployment_trigger.metadata.branch == "undefined"
    assert result.stages[0].ended_on is None
    assert "source" not in result.to_dict()


def test_direct_upload_with_null_source_keeps_the_null() -> None:
    result = deployment("direct-upload-source-null").result
    assert result.source is None
    assert result.aliases is None
    assert result.env_vars is None
    assert result.to_dict()["source"] is None


def test_skipped_deployment_has_its_reason() -> None:
    result = deployment("skipped").result
    assert result.is_skipped is True
    assert result.skip_reason is SkipReason.SUPERSEDED_QUEUED_BUILD
    assert [stage.status for stage in result.stages].count(StageStatus.SKIPPED) == 4


def test_unknown_values_come_back_as_strings_and_fields_stay_reachable() -> None:
    recording = load(RECORDINGS_DIR / "unknown-fields-and-values.json")
    result = deployment("unknown-fields-and-values").result
    assert result.environment == "staging"
    assert not isinstance(result.environment, StageStatus)
    assert result.deployment_trigger.type_ == "gitlab:merge_request"
    assert result.latest_stage.status == "rolled_back"
    assert result.stages[0].name == "warmup"
    assert result.skip_reason == "quota_exceeded"
    assert result.additional_properties == {"placement": {"mode": "smart"}}
    assert result.build_config.additional_properties == {"build_timeout_minutes": 20}
    assert result.deployment_trigger.metadata.additional_properties == {"commit_author": "octocat"}
    written = result.to_dict()
    assert written["placement"] == {"mode": "smart"}
    assert written["environment"] == "staging"
    assert differences(recording.body["result"], written) == []


def test_legacy_env_var_without_type() -> None:
    result = deployment("legacy-deployment").result
    assert result.env_vars is not None
    variable = result.env_vars["BUILD_VERSION"]
    assert isinstance(variable, UntypedEnvVar)
    assert variable.value == "3.3"
    assert result.is_skipped is UNSET
    assert result.deployment_trigger.metadata.commit_dirty is UNSET


def test_bad_token_envelope_has_no_messages_or_result() -> None:
    envelope = parse(load(RECORDINGS_DIR / "bad-token.json"))
    assert isinstance(envelope, ErrorEnvelope)
    assert [(e.code, e.message) for e in envelope.errors] == [(10000, "Authentication error")]
    assert envelope.messages is UNSET
    assert envelope.to_dict() == {"success": False, "errors": [{"code": 10000, "message": "Authentication error"}]}


def test_project_not_found_envelope() -> None:
    envelope = parse(load(RECORDINGS_DIR / "project-not-found.json"))
    assert isinstance(envelope, ErrorEnvelope)
    assert envelope.errors[0].code == 8000007
    assert envelope.messages == []
    assert envelope.result is None
