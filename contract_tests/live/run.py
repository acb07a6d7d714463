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
users run meets Cloudflare every night. Every exchange becomes a Recording,
redacted before anything looks at it (redaction.py), so it goes through exactly
the checks the recorded ones do and no message can quote a secret it carried.
A reply that cannot be read at all (a broken gzip stream, JSON nested deeper
than Python reads, a lone surrogate, a body larger than the client accepts) is
a contract failure of its own.

Every request ends within the live deadline (CONTRACT_LIVE_DEADLINE, the
client's total deadline per call): a server dripping its reply ends the run as
API unavailable when it is the canary or a probe, and counts as an unavailable
generated request otherwise. The client's size limit (max_reply_bytes) stops a
reply too large while it arrives: nothing of it is kept or recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

from cloudflare_pages_client import (
    APIConnectionError,
    AuthenticatedClient,
    CloudflarePagesError,
    ResponseDecodeError,
    RetryPolicy,
)
from cloudflare_pages_client._runtime.attempts import attempts_made
from cloudflare_pages_client._runtime.deadline import DeadlineExceeded
from cloudflare_pages_client._runtime.wire import path_segment
from cloudflare_pages_client.api.pages_deployment import get_deployment as endpoint
from cloudflare_pages_client.client import is_retryable_status
from cloudflare_pages_client.testing.recordings import Recording, from_json, to_json
from contract_tests.kit.conformance import operation
from contract_tests.kit.document_shape import StructureError, check_depth
from contract_tests.kit.exchange_checks import Verdict, conformance_problems
from contract_tests.kit.settings import CLOUDFLARE_MIN_INTERVAL
from contract_tests.kit.spec import OPERATION_PATH
from contract_tests.live.budget import BudgetedTransport, BudgetExhausted
from contract_tests.live.config import LiveConfig
from contract_tests.live.redaction import redact_exchange
from contract_tests.live.scrubbing import Scrubber

UNKNOWN_DEPLOYMENT = "00000000-0000-4000-8000-000000000000"
UNKNOWN_PROJECT = "contract-probe-no-such-project"
LIVE_RETRIES = 2
# A run whose generated requests mostly got 5xx or 429 (after the retries) learnt nothing about the contract.
UNAVAILABLE_SHARE = 0.5


class CanaryFailed(RuntimeError):
    """The configured deployments could not be read: not a contract result."""


class ApiUnavailable(RuntimeError):
    """Cloudflare stayed unreachable or kept failing (5xx, 52x, 429) after the retries."""


class ProbeNotRefused(RuntimeError):
    """An error probe got no error: whatever answers is not enforcing what the contract says."""


class UnreadableReply(ValueError):
    """A reply whose body cannot be read at all: the message says why; `status` is the reply's, when known here."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class LiveResult:
    exchanges: list[Recording] = field(default_factory=list)
    # Replies that could not be read at all, as failed verdicts: nothing of them is recorded.
    unreadable: list[Verdict] = field(default_factory=list)
    generated_cases: int = 0
    generated_unavailable: int = 0
    generated_failures: list[str] = field(default_factory=list)
    requests_sent: int = 0
    budget: int = 0
    methods_sent: set[str] = field(default_factory=set)


def _read_body(response: httpx.Response) -> tuple[Any, str | None]:
    """(JSON body, None) or (None, text) of a reply; UnreadableReply when it cannot be read at all."""
    try:
        content = response.read()
    except (httpx.HTTPError, httpx.StreamError) as error:
        raise UnreadableReply(f"the body cannot be read: {_root(error)}") from error
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not media_type.endswith("json"):
        return None, response.text
    try:
        body = json.loads(content)
    except RecursionError as error:
        raise UnreadableReply("the JSON body is nested deeper than Python can read") from error
    except ValueError:
        return None, response.text  # not JSON: conformance reports the content, the client check the parse
    try:
        # Shallower than Python's limit, and still deeper than any reply Cloudflare sends: every walk of the
        # checks and of redaction recurses, a few frames a level.
        check_depth(body, "the JSON body")
    except StructureError as error:
        raise UnreadableReply(str(error)) from error
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        surrogate = error.object[error.start]
        raise UnreadableReply(f"the JSON body holds a lone surrogate ({surrogate!r}), which is not text") from error
    return body, None


def _root(error: BaseException) -> str:
    """httpx's failure in a chain (a DecodingError under the client's error), as "Type: message"."""
    found: BaseException | None = error
    while found is not None and not isinstance(found, httpx.HTTPError):
        found = found.__cause__
    error = found or error
    return f"{type(error).__name__}: {error}"


def _raw_recording(name: str, description: str, response: httpx.Response, path_params: dict[str, str]) -> Recording:
    body, text = _read_body(response)
    return Recording(
        name=name,
        description=description,
        origin={"kind": "live", "source": "recorded from the live API", "recorded_on": dt.date.today().isoformat()},
        method=response.request.method,
        path_params=path_params,
        status=response.status_code,
        headers={key.lower(): value for key, value in response.headers.items()},
        body=body,
        body_text=text,
    )


def recording_names(deployment_ids: tuple[str, ...]) -> dict[str, str]:
    """Each configured deployment's recording name: distinct, and safe as a file name whatever the id holds."""

    def safe(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9_-]", "-", text)

    short = [safe(deployment_id[:8]) for deployment_id in deployment_ids]
    if len(set(short)) < len(short):
        short = [safe(deployment_id) for deployment_id in deployment_ids]
    if len(set(short)) < len(short):
        short = [f"{index}-{name}" for index, name in enumerate(short, start=1)]
    return {deployment_id: f"live-deployment-{name}" for deployment_id, name in zip(deployment_ids, short, strict=True)}


def generated_path(path_parameters: dict[str, Any]) -> str:
    """A generated request's path, built with the client's own checks: ValueError for a segment it refuses."""
    return OPERATION_PATH.format(**{name: path_segment(name, value) for name, value in path_parameters.items()})


class LiveRun:
    def __init__(
        self,
        config: LiveConfig,
        *,
        sleep: Callable[[float], None] | None = None,
        min_interval: float = CLOUDFLARE_MIN_INTERVAL,
        scrub: Scrubber | None = None,
    ) -> None:
        self.config = config
        self.scrub = scrub or Scrubber(config)
        # Tests replace the sleeps so that pacing and backoff cost no time.
        wait = sleep or time.sleep
        policy = RetryPolicy(sleep=wait)
        self.transport = BudgetedTransport(
            httpx.HTTPTransport(), limit=config.max_requests, min_interval=min_interval, sleep=wait
        )
        # The reply as httpx saw it, after the client's retries: what a recording keeps; and what the client
        # raised reading it, if anything.
        self._last_reply: httpx.Response | None = None
        self._client_error: BaseException | None = None
        options: dict[str, Any] = {
            "httpx_args": {"transport": self.transport, "event_hooks": {"response": [self._keep_reply]}},
            "max_retries": LIVE_RETRIES,
            "retry_policy": policy,
            "timeout": 30.0,
            "deadline": config.deadline,
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

    def _redacted(self, recording: Recording) -> Recording:
        """The recording as it will be written: every check and message is built from this."""
        removed: set[str] = set()
        safe = redact_exchange(
            to_json(recording), account_id=self.config.account_id, secrets=self.config.secrets, removed=removed
        )
        self.scrub.learn(removed)
        return from_json(recording.name, safe)

    def _send(self, client: AuthenticatedClient, params: dict[str, str]) -> httpx.Response:
        """One call of the generated endpoint (which retries transient failures); the raw reply."""
        self._last_reply = None
        self._client_error = None
        try:
            endpoint.sync_detailed(params["account_id"], params["project_name"], params["deployment_id"], client=client)
        except APIConnectionError as error:
            if _caused_by(error, BudgetExhausted):
                raise ApiUnavailable(
                    f"API unavailable: the request budget of {self.config.max_requests} was spent on retries"
                ) from error
            raise ApiUnavailable(self.scrub(self._no_answer(error.__cause__, error.attempts))) from error
        except BudgetExhausted as error:
            raise ApiUnavailable(
                f"API unavailable: the request budget of {self.config.max_requests} was spent on retries"
            ) from error
        except ValueError as error:
            if self._last_reply is None:
                # The client's own path checks refuse a configured identifier ("", ".", "..", control characters).
                refused = self.scrub(str(error))
                raise CanaryFailed(f"the client refuses the configured identifiers: {refused}") from error
        except (CloudflarePagesError, ArithmeticError, RecursionError, MemoryError, httpx.HTTPError) as error:
            # A reply the client could not read (or did not survive): the checks on the exchange say why.
            self._client_error = error
        response = self._last_reply
        if response is None:
            if isinstance(self._client_error, ResponseDecodeError):
                # Refused while it arrived (larger than the client's max_reply_bytes): nothing of it was kept.
                raise UnreadableReply(
                    f"the body cannot be read: {self._client_error.reason}", status=self._client_error.status_code
                )
            raise ApiUnavailable("API unavailable: the client gave up before any reply arrived")
        if is_retryable_status(response.status_code):
            attempts = attempts_made(response.request) or 1  # fewer than the retries allow when the deadline was near
            raise ApiUnavailable(
                f"API unavailable: Cloudflare kept answering {response.status_code} after {_tries(attempts)}"
            )
        return response

    def _no_answer(self, cause: BaseException | None, attempts: int) -> str:
        if isinstance(cause, DeadlineExceeded):
            return (
                f"API unavailable: no complete answer within the live deadline of {self.config.deadline:g} s "
                f"(CONTRACT_LIVE_DEADLINE), after {_tries(attempts)}"
            )
        return f"API unavailable: no answer after {_tries(attempts)} ({cause!r})"

    def _unreadable(self, name: str, status: int, reason: str) -> None:
        self.result.unreadable.append(Verdict(name=name, status=status, parse=[self.scrub(reason)]))

    def _exchange(self, name: str, description: str, response: httpx.Response, params: dict[str, str]) -> None:
        """Keep the reply, redacted; or, when it cannot be read at all, its failure."""
        try:
            recording = _raw_recording(name, description, response, params)
        except UnreadableReply as error:
            reason = str(error)
            if isinstance(error.__cause__, httpx.StreamConsumed) and self._client_error is not None:
                # The client read the body first, and failed: its failure is the reason.
                reason = f"the body cannot be read: {_root(self._client_error)}"
            self._unreadable(name, response.status_code, reason)
            return
        self.result.exchanges.append(self._redacted(recording))

    def _params(self, deployment_id: str, project: str | None = None) -> dict[str, str]:
        return {
            "account_id": self.config.account_id,
            "project_name": project or self.config.project_name,
            "deployment_id": deployment_id,
        }

    def _canary(self) -> None:
        names = recording_names(self.config.deployment_ids)
        for deployment_id in self.config.deployment_ids:
            params = self._params(deployment_id)
            try:
                response = self._send(self.client, params)
            except UnreadableReply as error:
                self._unreadable(names[deployment_id], error.status or 0, str(error))
                continue
            if response.status_code in (401, 403):
                raise CanaryFailed(
                    f"credentials rejected: Cloudflare answered {response.status_code} for the configured "
                    f"{self.config.auth_scheme}; check the token (it needs Pages Read) and the account id"
                )
            if response.status_code == 404:
                raise CanaryFailed(
                    self.scrub(
                        f"deployment not found: {deployment_id} in project {self.config.project_name!r} answered "
                        "404; check CLOUDFLARE_PAGES_PROJECT and CLOUDFLARE_PAGES_DEPLOYMENT_ID"
                    )
                )
            if response.status_code != 200:
                raise CanaryFailed(
                    self.scrub(f"the canary request for {deployment_id} answered {response.status_code}, not 200")
                )
            # A 200 that the models cannot read is a contract failure, reported with the other checks.
            self._exchange(names[deployment_id], "A configured deployment.", response, params)

    def _error_shapes(self) -> None:
        probes = [
            ("live-unknown-deployment", "A deployment id that does not exist.", self.client,
             self._params(UNKNOWN_DEPLOYMENT)),
            ("live-unknown-project", "A project that does not exist.", self.client,
             self._params(self.config.deployment_ids[0], UNKNOWN_PROJECT)),
            ("live-wrong-credentials", "A wrong credential of the configured scheme.", self.wrong_client,
             self._params(self.config.deployment_ids[0])),
        ]  # fmt: skip
        not_refused = []
        for name, description, client, params in probes:
            try:
                response = self._send(client, params)
            except UnreadableReply as error:
                status = error.status or 0
                self._unreadable(name, status, str(error))
            else:
                status = response.status_code
                self._exchange(name, description, response, params)
            if not 400 <= status < 500:
                not_refused.append(f"{name} answered {status}")
        if not_refused:
            # A proxy or a wrong CLOUDFLARE_BASE_URL answering 200 to everything: its replies are no error shapes.
            raise ProbeNotRefused(
                f"the error probes must be refused with a 4xx, but {', '.join(not_refused)}: what answers at "
                f"{self.config.base_url} does not behave like Cloudflare (a proxy, or a wrong CLOUDFLARE_BASE_URL?)"
            )

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
                path = generated_path(dict(case.path_parameters))
            except ValueError:
                return  # the client would refuse it too: nothing to send
            try:
                response = http.get(path)
            except BudgetExhausted:
                return
            except httpx.TransportError:
                # No complete answer (a drip past the deadline, a dead connection) after the retries: counted
                # with the 5xx and 429, and the run goes on; most of them make the run "API unavailable".
                self.result.generated_cases += 1
                self.result.generated_unavailable += 1
                return
            except ResponseDecodeError as error:
                # Larger than max_reply_bytes: refused while it arrived, nothing of it kept.
                self.result.generated_cases += 1
                unread = f"GET {path}: the body cannot be read: {error.reason}"
                self.result.generated_failures.append(self.scrub(unread))
                return
            self.result.generated_cases += 1
            if is_retryable_status(response.status_code):
                self.result.generated_unavailable += 1
            params = {name: str(value) for name, value in case.path_parameters.items()}
            try:
                recording = self._redacted(_raw_recording("generated", "", response, params))
            except UnreadableReply as error:
                self.result.generated_failures.append(self.scrub(f"GET {path}: {error}"))
                return
            where = self.scrub(f"GET {recording.url_path}")
            self.result.generated_failures += [
                f"{where}: {self.scrub(problem)}" for problem in conformance_problems(recording)
            ]

        one_case()
        cases, unavailable = self.result.generated_cases, self.result.generated_unavailable
        if cases and unavailable > cases * UNAVAILABLE_SHARE:
            raise ApiUnavailable(
                f"API unavailable: {unavailable} of the {cases} generated requests got 5xx or 429 (or no complete "
                "answer) after the retries"
            )


def _tries(attempts: int) -> str:
    return f"{attempts} attempts" if attempts > 1 else "1 attempt"


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
