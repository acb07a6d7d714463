"""`make contract-live`: the contract checks against the live Cloudflare API.

Exit codes:
  0  conformant (drift is reported, and fails the run only with CONTRACT_FAIL_ON_DRIFT=1),
     or no credentials given: nothing run
  1  contract failure: a reply does not conform to the spec, or the client cannot read it
  2  configuration incomplete: the message names what is missing
  3  canary failed: credentials rejected, or a configured deployment not found
  4  API unavailable: connection errors, 5xx, 52x or 429 persisted after the retries

Besides Cloudflare's variables (see contract_tests/live_config.py): CONTRACT_LIVE_MAX_REQUESTS (the
budget, default 50), CONTRACT_FAIL_ON_DRIFT=1, CONTRACT_REPORTS_DIR (default reports/) and
CONTRACT_LIVE_MIN_INTERVAL (seconds between requests, default 0.25: Cloudflare's 1,200 per 5 minutes).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contract_tests.exchange_checks import Verdict, check_exchange  # noqa: E402
from contract_tests.live_budget import CLOUDFLARE_MIN_INTERVAL, ReadOnlyViolation  # noqa: E402
from contract_tests.live_config import LiveConfig, LiveConfigError, from_environment  # noqa: E402
from contract_tests.live_run import ApiUnavailable, CanaryFailed, LiveResult, LiveRun  # noqa: E402
from contract_tests.recordings import Recording, to_json  # noqa: E402
from contract_tests.redaction import ACCOUNT_PLACEHOLDER, redact_exchange  # noqa: E402

REPORTS = ROOT / "reports"
PASSED, CONTRACT_FAILED, CONFIG_INCOMPLETE, CANARY_FAILED, API_UNAVAILABLE = 0, 1, 2, 3, 4
MEANING = {
    PASSED: "conformant",
    CONTRACT_FAILED: "contract failure",
    CONFIG_INCOMPLETE: "configuration incomplete",
    CANARY_FAILED: "canary failed",
    API_UNAVAILABLE: "API unavailable",
}


class Scrubber:
    """Takes every credential and the account id out of text before it is printed or written."""

    def __init__(self, config: LiveConfig) -> None:
        self._replacements = [(secret, "[REDACTED]") for secret in config.secrets]
        self._replacements.append((config.account_id, ACCOUNT_PLACEHOLDER))

    def __call__(self, text: str) -> str:
        for old, new in self._replacements:
            text = text.replace(old, new)
        return text


class ScrubbingFilter(logging.Filter):
    """Rewrites every log record of the HTTP stack before any handler sees it."""

    def __init__(self, scrub: Scrubber) -> None:
        super().__init__()
        self._scrub = scrub

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._scrub(record.getMessage())
        record.args = None
        return True


# The loggers that see URLs (with the account id) and requests during a live run.
SCRUBBED_LOGGERS = ("httpx", "httpcore", "cloudflare_pages_client", "urllib3")


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(config: LiveConfig, result: LiveResult, verdicts: list[Verdict], code: int, note: str) -> str:
    lines = [
        "# Live contract check",
        "",
        f"**Result: {MEANING[code]} (exit {code}).** {note}",
        "",
        f"- API: `{config.base_url}`, authenticated with {config.auth_scheme}",
        f"- Deployments checked: {len(config.deployment_ids)}",
        f"- Requests made: **{result.requests_sent}** of a budget of {result.budget} "
        f"(methods sent: {', '.join(sorted(result.methods_sent)) or 'none'})",
        f"- Generated requests (schemathesis, positive, GET only): {result.generated_cases}, "
        f"failures: {len(result.generated_failures)}",
        "",
    ]
    if verdicts:
        lines += ["## Replies", "", "| reply | status | conforms | client reads it | drift |", "|---|---|---|---|---|"]
        for verdict in verdicts:
            conforms = "yes" if not verdict.conformance else f"**no** ({len(verdict.conformance)})"
            reads = "yes" if not verdict.parse else "**no**"
            lines.append(f"| {verdict.name} | {verdict.status} | {conforms} | {reads} | {len(verdict.drift)} |")
        lines.append("")
    failures = [(v.name, m) for v in verdicts for m in [*v.conformance, *v.parse]]
    if failures or result.generated_failures:
        lines += ["## Contract failures", ""]
        lines += [f"- **{name}**: {_cell(message)}" for name, message in failures]
        lines += [f"- **generated**: {_cell(message)}" for message in result.generated_failures]
        lines.append("")
    drift = [(v.name, item) for v in verdicts for item in v.drift]
    if drift:
        lines += [
            "## Drift: what Cloudflare sent that the spec does not describe",
            "",
            "| reply | JSON pointer | kind | the spec says | the response had | change in openapi/openapi.yaml |",
            "|---|---|---|---|---|---|",
        ]
        for name, item in drift:
            lines.append(
                f"| {name} | `{item.pointer}` | {item.kind} | {_cell(item.spec_says)} | "
                f"{_cell(item.response_had)} | {_cell(item.hint)} |"
            )
        lines += [
            "",
            "To adopt a drift item: edit openapi/openapi.yaml (and openapi/deviations.yaml), `make generate`, "
            "`make record`, `make test`, commit.",
            "",
        ]
    return "\n".join(lines)


def junit(result: LiveResult, verdicts: list[Verdict], fail_on_drift: bool) -> ElementTree.Element:
    suite = ElementTree.Element("testsuite", name="contract-live")
    cases = 0
    failed = 0
    for verdict in verdicts:
        for check, problems in (
            ("conformance", verdict.conformance),
            ("client reads it", verdict.parse),
            ("drift", [f"{d.pointer}: {d.kind}" for d in verdict.drift] if fail_on_drift else []),
        ):
            case = ElementTree.SubElement(suite, "testcase", classname=verdict.name, name=check)
            cases += 1
            if problems:
                failed += 1
                ElementTree.SubElement(case, "failure", message=problems[0]).text = "\n".join(problems)
    generated = ElementTree.SubElement(suite, "testcase", classname="generated", name="schemathesis")
    cases += 1
    if result.generated_failures:
        failed += 1
        failure = ElementTree.SubElement(generated, "failure", message=result.generated_failures[0])
        failure.text = "\n".join(result.generated_failures)
    suite.set("tests", str(cases))
    suite.set("failures", str(failed))
    return suite


def save_exchanges(config: LiveConfig, verdicts: list[Verdict], exchanges: list[Recording]) -> list[dict[str, object]]:
    """What `make record` turns into recordings: redacted, each stating the drift it showed."""
    saved: list[dict[str, object]] = []
    for exchange, verdict in zip(exchanges, verdicts, strict=True):
        stated = dataclasses.replace(exchange, expected_drift=[item.key() for item in verdict.drift])
        recording = redact_exchange(to_json(stated), account_id=config.account_id, secrets=config.secrets)
        saved.append({"name": exchange.name, "recording": recording})
    return saved


def write_exchanges(reports: Path, saved: list[dict[str, object]], complete: bool) -> None:
    document = {"complete": complete, "exchanges": saved}
    (reports / "live-exchanges.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main(environ: Mapping[str, str] = os.environ) -> int:
    try:
        config = from_environment(environ)
    except LiveConfigError as error:
        print(f"contract-live: {error}", file=sys.stderr)
        return CONFIG_INCOMPLETE
    if config is None:
        print(
            "contract-live: no Cloudflare credentials (CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and "
            "CLOUDFLARE_API_KEY); nothing run."
        )
        return PASSED
    scrub = Scrubber(config)
    log_filter = ScrubbingFilter(scrub)
    for name in SCRUBBED_LOGGERS:
        logging.getLogger(name).addFilter(log_filter)
    try:
        return _run(config, scrub, environ)
    finally:
        for name in SCRUBBED_LOGGERS:
            logging.getLogger(name).removeFilter(log_filter)


def _run(config: LiveConfig, scrub: Scrubber, environ: Mapping[str, str]) -> int:
    fail_on_drift = environ.get("CONTRACT_FAIL_ON_DRIFT", "") not in ("", "0")
    reports = Path(environ.get("CONTRACT_REPORTS_DIR") or REPORTS)
    reports.mkdir(parents=True, exist_ok=True)
    run = LiveRun(config, min_interval=float(environ.get("CONTRACT_LIVE_MIN_INTERVAL") or CLOUDFLARE_MIN_INTERVAL))
    note = ""
    complete = False
    try:
        result = run.run()
        complete = True
    except CanaryFailed as error:
        result, code, note = run.result, CANARY_FAILED, str(error)
    except ApiUnavailable as error:
        result, code, note = run.result, API_UNAVAILABLE, str(error)
    except ReadOnlyViolation as error:
        result, code, note = run.result, CONTRACT_FAILED, str(error)
    verdicts = [check_exchange(exchange) for exchange in result.exchanges]
    if complete:
        broken = any(v.conformance or v.parse for v in verdicts) or bool(result.generated_failures)
        drifted = any(v.drift for v in verdicts)
        code = CONTRACT_FAILED if broken or (fail_on_drift and drifted) else PASSED
        note = (
            "Cloudflare answered as the spec describes."
            if code == PASSED
            else "See the contract failures below."
            if broken
            else "Drift found, and CONTRACT_FAIL_ON_DRIFT is set."
        )
    report = scrub(markdown(config, result, verdicts, code, note))
    (reports / "contract-live.md").write_text(report)
    xml = scrub(ElementTree.tostring(junit(result, verdicts, fail_on_drift), encoding="unicode"))
    (reports / "contract-live.xml").write_text('<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n")
    write_exchanges(reports, save_exchanges(config, verdicts, result.exchanges), complete)
    print(report)
    print(f"contract-live: {MEANING[code]} (exit {code}); {result.requests_sent} requests made")
    return code


if __name__ == "__main__":
    sys.exit(main())
