"""`make contract-live` (`python -m scripts.contract_live`): the contract checks against the live Cloudflare API.

Exit codes: contract_tests.live.exit_codes.ExitCode (the table is in contract_tests/README.md).
Besides Cloudflare's variables (see contract_tests/live/config.py) it reads the CONTRACT_* settings
of contract_tests/kit/settings.py: the request budget, pacing, drift policy and report folder.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
import uuid
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree

from cloudflare_pages_client.testing.recordings import Recording, to_json
from contract_tests.kit.atomic_files import remove_leftovers, write_atomically
from contract_tests.kit.exchange_checks import Verdict, check_exchange
from contract_tests.kit.report import drift_section, failures_section, replies_table
from contract_tests.kit.settings import SettingError, fail_on_drift, live_min_interval, reports_dir
from contract_tests.live.budget import ReadOnlyViolation
from contract_tests.live.config import LiveConfig, LiveConfigError, from_environment
from contract_tests.live.exit_codes import ExitCode
from contract_tests.live.run import ApiUnavailable, CanaryFailed, LiveResult, LiveRun, ProbeNotRefused
from contract_tests.live.scrubbing import SCRUBBED_LOGGERS, Scrubber, ScrubbingFilter

EXCHANGES_FILE = "live-exchanges.json"


def markdown(
    config: LiveConfig, result: LiveResult, verdicts: list[Verdict], code: ExitCode, note: str, run_id: str
) -> str:
    lines = [
        "# Live contract check",
        "",
        f"**Result: {code.meaning} (exit {code.value}).** {note}",
        "",
        f"- Run: `{run_id}` (`make record` records this run's exchanges only)",
        f"- API: `{config.base_url}`, authenticated with {config.auth_scheme}",
        f"- Deployments checked: {len(config.deployment_ids)}",
        f"- Requests made: **{result.requests_sent}** of a budget of {result.budget} "
        f"(methods sent: {', '.join(sorted(result.methods_sent)) or 'none'})",
        f"- Generated requests (schemathesis, positive, GET only): {result.generated_cases}, "
        f"failures: {len(result.generated_failures)}",
        "",
    ]
    if verdicts:
        lines += ["## Replies", "", *replies_table(verdicts, label="reply"), ""]
    lines += failures_section("Contract failures", verdicts, result.generated_failures)
    drift = drift_section("Drift: what Cloudflare sent that the spec does not describe", verdicts, label="reply")
    if drift:
        lines += [
            *drift,
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


def save_exchanges(verdicts: list[Verdict], exchanges: list[Recording]) -> list[dict[str, object]]:
    """What `make record` turns into recordings (the run redacted them), each stating the drift it showed."""
    saved: list[dict[str, object]] = []
    for exchange, verdict in zip(exchanges, verdicts, strict=True):
        stated = dataclasses.replace(exchange, expected_drift=[item.key() for item in verdict.drift])
        saved.append({"name": exchange.name, "recording": to_json(stated)})
    return saved


def write_exchanges(reports: Path, run_id: str, saved: list[dict[str, object]], complete: bool) -> None:
    """Written whole or not at all; at the start of a run too (incomplete), so that a killed run leaves its own
    run id behind and `make record` cannot take the previous run's exchanges for this one's."""
    document = {"run_id": run_id, "complete": complete, "exchanges": saved}
    write_atomically(reports / EXCHANGES_FILE, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def prepare_reports(reports: Path, run_id: str) -> None:
    """The report folder, usable, before any request is sent; LiveConfigError names the problem."""
    try:
        reports.mkdir(parents=True, exist_ok=True)
        remove_leftovers(reports)
        write_exchanges(reports, run_id, [], complete=False)
    except OSError as error:
        raise LiveConfigError(
            f"CONTRACT_REPORTS_DIR: cannot write the reports to {reports}: {error.strerror or error}"
        ) from None


def main(environ: Mapping[str, str] = os.environ) -> int:
    try:
        config = from_environment(environ)
    except LiveConfigError as error:
        print(f"contract-live: {error}", file=sys.stderr)
        return ExitCode.CONFIG_INCOMPLETE
    if config is None:
        print(
            "contract-live: no Cloudflare credentials (CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and "
            "CLOUDFLARE_API_KEY); nothing run."
        )
        return ExitCode.PASSED
    scrub = Scrubber(config)
    log_filter = ScrubbingFilter(scrub)
    for name in SCRUBBED_LOGGERS:
        logging.getLogger(name).addFilter(log_filter)
    try:
        return _run(config, scrub, environ)
    except (SettingError, LiveConfigError) as error:
        print(f"contract-live: {scrub(str(error))}", file=sys.stderr)
        return ExitCode.CONFIG_INCOMPLETE
    finally:
        for name in SCRUBBED_LOGGERS:
            logging.getLogger(name).removeFilter(log_filter)


def _run(config: LiveConfig, scrub: Scrubber, environ: Mapping[str, str]) -> ExitCode:
    drift_fails = fail_on_drift(environ)
    reports = reports_dir(environ)
    min_interval = live_min_interval(environ)
    try:
        run = LiveRun(config, min_interval=min_interval, scrub=scrub)
    except ValueError as error:  # the client refuses a credential or the base URL as given
        raise LiveConfigError(f"the client refuses the configuration: {error}") from None
    run_id = uuid.uuid4().hex
    prepare_reports(reports, run_id)
    note = ""
    complete = False
    try:
        result = run.run()
        complete = True
    except CanaryFailed as error:
        result, code, note = run.result, ExitCode.CANARY_FAILED, str(error)
    except ApiUnavailable as error:
        result, code, note = run.result, ExitCode.API_UNAVAILABLE, str(error)
    except (ReadOnlyViolation, ProbeNotRefused) as error:
        result, code, note = run.result, ExitCode.CONTRACT_FAILED, str(error)
    checked = [check_exchange(exchange) for exchange in result.exchanges]
    verdicts = checked + result.unreadable
    if complete:
        broken = any(v.conformance or v.parse for v in verdicts) or bool(result.generated_failures)
        drifted = any(v.drift for v in verdicts)
        code = ExitCode.CONTRACT_FAILED if broken or (drift_fails and drifted) else ExitCode.PASSED
        note = (
            "Cloudflare answered as the spec describes."
            if code == ExitCode.PASSED
            else "See the contract failures below."
            if broken
            else "Drift found, and CONTRACT_FAIL_ON_DRIFT is set."
        )
    report = scrub(markdown(config, result, verdicts, code, note, run_id))
    write_atomically(reports / "contract-live.md", report)
    xml = scrub(ElementTree.tostring(junit(result, verdicts, drift_fails), encoding="unicode"))
    write_atomically(reports / "contract-live.xml", '<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n")
    write_exchanges(reports, run_id, save_exchanges(checked, result.exchanges), complete)
    print(report)
    print(f"contract-live: {code.meaning} (exit {code.value}); {result.requests_sent} requests made")
    return code


if __name__ == "__main__":
    sys.exit(main())
