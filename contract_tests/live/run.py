"""The live run: the offline contract checks, against the real Cloudflare API.

Steps, each request counted against one budget (budget.py):
1. canary: every configured deployment must answer 200 with a readable
   Deployment, or the run stops (a dead token would otherwise make every reply
   a conforming 4XX envelope and the run look green);
2. error shapes: one request each for an unknown deployment, an unknown
   project and a wrong credential, so the error envelopes stay under contract;
3. generated requests: schemathesis draws GET requests for the operation
   (positive mode only: no other method, no negative data) with what budget
   is left.
Steps 1 and 2 go through the generated endpoint (`sync_detailed`), so the code
users run meets Cloudflare every night. Every exchange becomes a Recording, so
it goes through exactly the checks the recorded ones do.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.errors import FailureGroup

from cloudflare_pages_client import APIConnectionError, AuthenticatedClient, ResponseDecodeError, RetryPolicy
from cloudflare_pages_client.api.pages_deployment import get_deployment as endpoint
from cloudflare_pages_client.client import is_retryable_status
from contract_tests.kit.conformance import operation
from contract_tests.kit.recordings import Recording
from contract_tests.kit.settings import CLOUDFLARE_MIN_INTERVAL
from contract_tests.live.budget import BudgetedTransport, BudgetExhausted
from contract_tests.live.config import LiveConfig

# Only checks whose expectations about Cloudflare are confirmed by recordings. Off until then:
# missing_required_header and ignored_auth (they expect exactly 401 without credentials),
# negative_data_rejection (what Cloudflare answers to an invalid id is not recorded), and
# unsupported_method (it sends DELETE, which deletes the deployment).
LIVE_CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]

UNKNOWN_DEPLOYMENT = "00000000-0000-4000-8000-000000000000"
UNKNOWN_PROJECT = "contract-probe-no-such-project"
LIVE_RETRIES = 2


class CanaryFailed(RuntimeError):
    """The configured deployments could not be read: not a contract result."""


class ApiUnavailable(RuntimeError):
    """Cloudflare stayed unreachable or kept failing (5xx, 52x, 429) after the retries."""


@dataclass
class LiveResult:
    exchanges: list[Recording] = field(default_factory=list)
    generated_cases: int = 0
    generated_failures: list[str] = field(default_factory=list)
    requests_sent: int = 0
    budget: int = 0
    methods_sent: set[str] = field(default_factory=set)


def _recording(name: str, description: str, response: httpx.Response, path_params: dict[str, str]) -> Recording:
    headers = {name.lower(): value for name, value in response.headers.items()}
    is_json = headers.get("content-type", "").split(";")[0].strip().endswith("json")
    body: Any = None
    text: str | None = None
    if is_json:
        try:
            body = json.loads(response.content)
        except ValueError:
            text = response.text
    else:
        text = response.text
    return Recording(
        name=name,
        description=description,
        origin={"kind": "live", "source": "recorded from the live API", "recorded_on": dt.date.today().isoformat()},
        method=response.request.method,
        path_params=path_params,
        status=response.status_code,
        headers=headers,
        body=body,
        body_text=text,
    )


class LiveRun:
    def __init__(
        self,
        config: LiveConfig,
        *,
        sleep: Callable[[float], None] | None = None,
        min_interval: float = CLOUDFLARE_MIN_INTERVAL,
    ) -> None:
        self.config = config
        # Tests replace the sleeps so that pacing and backoff cost no time.
        wait = sleep or time.sleep
        policy = RetryPolicy(sleep=wait)
        self.transport = BudgetedTransport(
            httpx.HTTPTransport(), limit=config.max_requests, min_interval=min_interval, sleep=wait
        )
        # The reply as httpx saw it, after the client's retries: what a recording keeps.
        self._last_reply: httpx.Response | None = None
        options: dict[str, Any] = {
            "httpx_args": {"transport": self.transport, "event_hooks": {"response": [self._keep_reply]}},
            "max_retries": LIVE_RETRIES,
            "retry_policy": policy,
            "timeout": 30.0,
        }
        self.client = config.client(**options)
        self.wrong_client = config.client_with_wrong_credentials(**options)
        self.result = LiveResult(budget=config.max_requests)

    def run(self) -> LiveResult:
        try:
            self._canary()
            self._error_shapes()
            self._generated()
        finally:
            self.result.requests_sent = self.transport.sent
            self.result.methods_sent = set(self.transport.methods)
        return self.result

    # -- each step ----------------------------------------------------------------

    def _keep_reply(self, response: httpx.Response) -> None:
        self._last_reply = response

    def _send(self, client: AuthenticatedClient, params: dict[str, str]) -> httpx.Response:
        """One call of the generated endpoint (which retries transient failures); the raw reply."""
        self._last_reply = None
        try:
            endpoint.sync_detailed(params["account_id"], params["project_name"], params["deployment_id"], client=client)
        except APIConnectionError as error:
            raise ApiUnavailable(
                f"API unavailable: no answer after {LIVE_RETRIES + 1} attempts ({error.__cause__!r})"
            ) from error
        except ResponseDecodeError:
            pass  # a body the models cannot read: the checks on the recorded exchange report it
        except ValueError as error:
            # The client's own path checks refuse a configured identifier ("", ".", "..", control characters).
            raise CanaryFailed(f"the client refuses the configured identifiers: {error}") from error
        response = self._last_reply
        if response is None:
            raise AssertionError("the endpoint returned without a reply passing the client's event hook")
        if is_retryable_status(response.status_code):
            raise ApiUnavailable(
                f"API unavailable: Cloudflare kept answering {response.status_code} after {LIVE_RETRIES + 1} attempts"
            )
        return response

    def _params(self, deployment_id: str, project: str | None = None) -> dict[str, str]:
        return {
            "account_id": self.config.account_id,
            "project_name": project or self.config.project_name,
            "deployment_id": deployment_id,
        }

    def _canary(self) -> None:
        for deployment_id in self.config.deployment_ids:
            params = self._params(deployment_id)
            response = self._send(self.client, params)
            if response.status_code in (401, 403):
                raise CanaryFailed(
                    f"credentials rejected: Cloudflare answered {response.status_code} for the configured "
                    f"{self.config.auth_scheme}; check the token (it needs Pages Read) and the account id"
                )
            if response.status_code == 404:
                raise CanaryFailed(
                    f"deployment not found: {deployment_id} in project {self.config.project_name!r} answered 404; "
                    "check CLOUDFLARE_PAGES_PROJECT and CLOUDFLARE_PAGES_DEPLOYMENT_ID"
                )
            if response.status_code != 200:
                raise CanaryFailed(f"the canary request for {deployment_id} answered {response.status_code}, not 200")
            # A 200 that the models cannot read is a contract failure, reported with the other checks.
            self.result.exchanges.append(
                _recording(f"live-deployment-{deployment_id[:8]}", "A configured deployment.", response, params)
            )

    def _error_shapes(self) -> None:
        probes = [
            ("live-unknown-deployment", "A deployment id that does not exist.", self.client,
             self._params(UNKNOWN_DEPLOYMENT)),
            ("live-unknown-project", "A project that does not exist.", self.client,
             self._params(self.config.deployment_ids[0], UNKNOWN_PROJECT)),
            ("live-wrong-credentials", "A wrong credential of the configured scheme.", self.wrong_client,
             self._params(self.config.deployment_ids[0])),
        ]  # fmt: skip
        for name, description, client, params in probes:
            response = self._send(client, params)
            self.result.exchanges.append(_recording(name, description, response, params))

    def _generated(self) -> None:
        """schemathesis' GET requests, positive mode, for the configured account and project."""

        budget = self.transport.remaining
        if budget <= 0:
            return
        strategy = operation().as_strategy(
            GenerationMode.POSITIVE,
            path_parameters={"account_id": self.config.account_id, "project_name": self.config.project_name},
        )
        http = self.client.get_httpx_client()

        @settings(
            max_examples=budget,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def one_case(case: Any) -> None:
            if case.method != "GET" or self.transport.remaining <= 0:
                return
            try:
                response = http.get(case.formatted_path)
            except BudgetExhausted:
                return
            except httpx.TransportError as error:
                raise ApiUnavailable(f"API unavailable: {error!r}") from error
            self.result.generated_cases += 1
            try:
                case.validate_response(response, checks=LIVE_CHECKS)
            except FailureGroup as failures:
                self.result.generated_failures.append(f"GET {case.formatted_path}: {failures}")

        one_case()
