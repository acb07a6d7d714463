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
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]  # stubs (types-PyYAML) are not pinned

from contract_tests.kit.atomic_files import write_atomically
from contract_tests.kit.document_shape import StructureError, check_depth, check_structure
from contract_tests.kit.paths import REPORTS_DIR
from contract_tests.kit.spec import SPEC_PATH
from scripts.upstream.compare import compare_documents
from scripts.upstream.deviations import DEVIATIONS_PATH, Deviation, DeviationsError, classify, load_deviations
from scripts.upstream.normalise import SchemaError
from scripts.upstream.report import Report, render_console, render_markdown
from scripts.upstream.slicing import METHOD, PATH, SliceError, cut_operation
from scripts.upstream.source import DEFAULT_URL, LoadError, Provenance, load_document

# What `make upstream-diff` cannot work with: one line naming the file (and the JSON pointer, where there is one).
INPUT_ERRORS = (LoadError, SliceError, DeviationsError, SchemaError, StructureError, ValueError)


def read_spec(spec: Path) -> Any:
    try:
        return yaml.safe_load(spec.read_text())
    except (OSError, yaml.YAMLError, RecursionError) as error:
        raise LoadError(f"cannot read {spec}: {error!s:.200}") from error


def build_report(source: str, spec: Path, deviations_path: Path) -> Report:
    """Load, cut, compare and classify; raises one of INPUT_ERRORS on anything that cannot be read."""
    started = time.perf_counter()
    document, provenance = load_document(source)
    loaded = time.perf_counter()
    return compare_loaded(
        document, provenance, read_spec(spec), str(spec), load_deviations(deviations_path), loaded - started
    )


def compare_loaded(
    document: Any, provenance: Provenance, ours: Any, spec: str, deviations: list[Deviation], load_time: float = 0.0
) -> Report:
    """Cut, compare and classify documents already read; raises one of INPUT_ERRORS on a wrong shape."""
    started = time.perf_counter()
    check_depth(document, provenance.source)
    check_structure(document, provenance.source, PATH, METHOD, schemas=False)
    try:
        upstream = cut_operation(document)
    except SliceError as error:
        raise SliceError(f"{provenance.source}: {error}") from None
    check_structure(upstream, provenance.source, PATH, METHOD)
    check_depth(ours, spec)
    check_structure(ours, spec, PATH, METHOD)
    sliced = time.perf_counter()
    findings = classify(compare_documents(ours, upstream), deviations)
    compared = time.perf_counter()
    timings = {"load": load_time, "slice": sliced - started, "compare": compared - sliced}
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
    except INPUT_ERRORS as error:
        print(f"upstream-diff: {error}", file=sys.stderr)
        return 2
    args.reports.mkdir(parents=True, exist_ok=True)
    write_atomically(args.reports / "upstream-diff.md", render_markdown(report))
    write_atomically(args.reports / "upstream-diff.json", json.dumps(report.as_json(), indent=2) + "\n")
    print(render_console(report))
    print(f"wrote {args.reports / 'upstream-diff.md'} and {args.reports / 'upstream-diff.json'}")
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
