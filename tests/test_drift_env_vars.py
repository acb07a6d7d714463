"""Drift in env vars is diagnosed in the branch the var's own `type` picks (issue 16, point 19).

Through the live run against the replay server on 127.0.0.1, so the rows checked are the report's.
"""

from __future__ import annotations

from pathlib import Path

from cloudflare_pages_client.testing.replay_server import ReplayServer
from contract_tests.live.exit_codes import ExitCode
from scripts import contract_live
from tests.support.live_env import WITH_ENV_VARS, environment, with_result

ENV_VARS = {
    "NODE_VERSION": {"type": "plain_text", "value": "22"},
    "SECRET_EXTRA": {"type": "secret_text", "value": "", "rotated": 2},
    "SECRET_NULL": {"type": "secret_text", "value": None},
    "OLD_EXTRA": {"value": "3.3", "pinned": True},
    "NEW_KIND": {"type": "secret_text_v2", "value": ""},
}


def test_each_env_var_drift_gets_the_pointer_kind_and_hint_of_its_own_branch(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    with ReplayServer([with_result("github-push-with-source", env_vars=ENV_VARS)]) as server:
        env = environment(
            server.url,
            reports,
            CLOUDFLARE_PAGES_PROJECT="marketing-site",
            CLOUDFLARE_PAGES_DEPLOYMENT_ID=WITH_ENV_VARS,
            CONTRACT_LIVE_MAX_REQUESTS="4",
        )
        # A null value breaks the tolerant spec too: a contract failure, and its drift still named.
        assert contract_live.main(env) == ExitCode.CONTRACT_FAILED
    report = (reports / "contract-live.md").read_text()
    rows = [line for line in report.splitlines() if line.startswith("| live-deployment-c9a8b7d6 | `/result/env_vars")]
    assert rows == [
        "| live-deployment-c9a8b7d6 | `/result/env_vars/NEW_KIND/type` | undocumented-enum-value | one of plain_text, "
        'secret_text (PlainTextEnvVar, SecretTextEnvVar) | "secret_text_v2" | add a schema with `type: '
        "secret_text_v2` beside PlainTextEnvVar, SecretTextEnvVar |",
        "| live-deployment-c9a8b7d6 | `/result/env_vars/OLD_EXTRA/pinned` | undocumented-field | UntypedEnvVar "
        "declares no `pinned` | true | declare `pinned` (optional) on UntypedEnvVar |",
        "| live-deployment-c9a8b7d6 | `/result/env_vars/SECRET_EXTRA/rotated` | undocumented-field | "
        "SecretTextEnvVar declares no `rotated` | 2 | declare `rotated` (optional) on SecretTextEnvVar |",
        "| live-deployment-c9a8b7d6 | `/result/env_vars/SECRET_NULL/value` | undeclared-null | type string | null | "
        "declare the property nullable |",
    ]
