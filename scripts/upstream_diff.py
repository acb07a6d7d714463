"""`make upstream-diff [UPSTREAM=PATH_OR_URL]`: check openapi/ against Cloudflare's published schema.

Cuts our operation out of the published document, compares it with
openapi/openapi.yaml and classifies every difference against
openapi/deviations.yaml. Writes reports/upstream-diff.md and
reports/upstream-diff.json. Exit 0 when everything is documented, 1 on an
upstream change or a stale deviation, 2 when something cannot be loaded.
By hand: `python -m scripts.upstream_diff [PATH_OR_URL]`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml  # type: ignore[import-untyped,unused-ignore]  # stubs (types-PyYAML) are not pinned

from contract_tests.kit.paths import REPORTS_DIR
from contract_tests.kit.spec import SPEC_PATH
from scripts.upstream.compare import compare_documents
from scripts.upstream.deviations import DEVIATIONS_PATH, DeviationsError, classify, load_deviations
from scripts.upstream.normalise import SchemaError
from scripts.upstream.report import Report, render_console, render_markdown
from scripts.upstream.slicing import SliceError, cut_operation
from scripts.upstream.source import DEFAULT_URL, LoadError, load_document


def build_report(source: str, spec: Path, deviations_path: Path) -> Report:
    """Load, cut, compare and classify; raises on anything that cannot be loaded."""
    started = time.perf_counter()
    document, provenance = load_document(source)
    loaded = time.perf_counter()
    upstream = cut_operation(document)
    sliced = time.perf_counter()
    try:
        ours = yaml.safe_load(spec.read_text())
    except (OSError, yaml.YAMLError) as error:
        raise LoadError(f"cannot read {spec}: {error}") from error
    deviations = load_deviations(deviations_path)
    findings = classify(compare_documents(ours, upstream), deviations)
    compared = time.perf_counter()
    timings = {"load": loaded - started, "slice": sliced - loaded, "compare": compared - sliced}
    return Report(provenance, findings, timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("upstream", nargs="?", default=DEFAULT_URL, help="path or URL of the published document")
    parser.add_argument("--spec", type=Path, default=SPEC_PATH)
    parser.add_argument("--deviations", type=Path, default=DEVIATIONS_PATH)
    parser.add_argument("--reports", type=Path, default=REPORTS_DIR, help="folder for the reports")
    args = parser.parse_args(argv)
    try:
        report = build_report(args.upstream, args.spec, args.deviations)
    except (LoadError, SliceError, DeviationsError, SchemaError, ValueError) as error:
        print(f"upstream-diff: {error}", file=sys.stderr)
        return 2
    args.reports.mkdir(parents=True, exist_ok=True)
    (args.reports / "upstream-diff.md").write_text(render_markdown(report))
    (args.reports / "upstream-diff.json").write_text(json.dumps(report.as_json(), indent=2) + "\n")
    print(render_console(report))
    print(f"wrote {args.reports / 'upstream-diff.md'} and {args.reports / 'upstream-diff.json'}")
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
