# Every command a person (or CI) runs. Targets that need the virtual
# environment create it first when it is missing or out of date.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.DEFAULT_GOAL := help
.PHONY: help setup generate check-generated template-overrides lint typecheck test test-published contract contract-live record adopt upstream-diff bench bench-docs compat dist-check kit-check

help:
	@echo "make setup            create .venv and install the pinned tools and this package"
	@echo "make contract         the offline contract check: every recording against the spec and the client"
	@echo "make test             everything: generated-tree check, lint, typecheck, all tests"
	@echo "make generate         regenerate generated/ from openapi/"
	@echo "make check-generated  fail if generated/ is not what openapi/ produces"
	@echo "make template-overrides [UPDATE=1]  our templates' lines against stock; check (rewrite) openapi/templates.lock"
	@echo "make contract-live    the same checks against the live API (needs CLOUDFLARE_* variables; see README)"
	@echo "make record           save what the last live run saw as recordings (redacted)"
	@echo "make adopt [UPSTREAM=PATH_OR_URL]  turn the recordings' drift into spec edits, deviations entries and a regenerated client"
	@echo "make upstream-diff    compare openapi/ with Cloudflare's published schema (UPSTREAM=PATH_OR_URL, default: the published URL)"
	@echo "make test-published UPSTREAM=PATH  the tests that need the whole published document (run nightly)"
	@echo "make bench            benchmarks beside their baselines, in one run: reports/bench.md"
	@echo "make bench-docs       the same, and the figures in docs/performance.md"
	@echo "make compat [BASE=REF] is the version bumped enough for the spec's changes since BASE (default: the last release tag)?"
	@echo "make dist-check       build the sdist and wheel, check their contents and metadata, install the wheel in a fresh venv"
	@echo "make kit-check        the test kit's example file from the built wheel, with only pytest beside it, timed"
	@echo "make lint | typecheck"

$(READY): pyproject.toml requirements/dev.lock
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $(READY)

setup: $(READY)

generate: $(READY)
	$(BIN)/python -m scripts.generate

check-generated: $(READY)
	$(BIN)/python -m scripts.check_generated

template-overrides: $(READY)
	$(BIN)/python -m scripts.template_overrides $(if $(UPDATE),--update,)

# The workflows zizmor holds to its rules: all of them.
ZIZMOR_WORKFLOWS ?= .github/workflows

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# generated/ is held to the rules its own post-hooks apply (openapi/generator-config.yaml).
	$(BIN)/ruff check --isolated --select F,I,UP --target-version py311 --line-length 120 --no-cache generated
	$(BIN)/ruff format --isolated --check --target-version py311 --line-length 120 --no-cache generated
	@# No runner is reachable from here: the workflows are checked against GitHub's schema instead.
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	@# GitHub Actions security (pinned actions, least permissions, no credentials left behind, no injection).
	$(BIN)/zizmor --offline --no-progress $(ZIZMOR_WORKFLOWS)

typecheck: $(READY)
	$(BIN)/mypy generated/cloudflare_pages_client examples scripts tests contract_tests

# Exit 1 when the published schema changed in a way deviations.yaml does not explain.
upstream-diff: $(READY)
	$(BIN)/python -m scripts.upstream_diff $(if $(UPSTREAM),$(UPSTREAM),)

# Exit 1 when the version is not bumped enough for what changed in the spec since BASE (docs/releasing.md).
compat: $(READY)
	$(BIN)/python -m scripts.compat_check $(if $(BASE),--base $(BASE),)

# Builds into a temporary folder; DIST=PATH keeps the sdist and wheel there.
dist-check: $(READY)
	$(BIN)/python -m scripts.dist_check $(if $(DIST),--out $(DIST),)

# The user's view of the test kit (docs/testing.md): wheel + pytest in a fresh venv, the example in an empty folder.
kit-check: $(READY)
	$(BIN)/python -m scripts.kit_check

# Settings the contract targets read from the environment (contract_tests/kit/settings.py; contract_tests/README.md).
export CONTRACT_FAIL_ON_DRIFT CONTRACT_RANDOM CONTRACT_EXAMPLES CONTRACT_LIVE_MAX_REQUESTS CONTRACT_LIVE_MIN_INTERVAL CONTRACT_REPORTS_DIR

contract: $(READY)
	@mkdir -p reports
	$(BIN)/python -m pytest contract_tests -v --junitxml=reports/contract.xml

contract-live: $(READY)
	@mkdir -p reports
	$(BIN)/python -m scripts.contract_live

record: $(READY)
	$(BIN)/python -m scripts.record

# The mechanical drift kinds become spec edits (docs/nightly.md); what it cannot change it names and leaves.
adopt: $(READY)
	$(BIN)/python -m scripts.adopt $(if $(UPSTREAM),--upstream $(UPSTREAM),)

test: check-generated lint typecheck
	$(BIN)/python -m pytest

# The tests marked published_document, against the whole published document at UPSTREAM (a path).
test-published: $(READY)
	@test -n "$(UPSTREAM)" || { echo "make test-published needs UPSTREAM=PATH (the published document)"; exit 2; }
	UPSTREAM_DOCUMENT="$(UPSTREAM)" $(BIN)/python -m pytest -m published_document

# Cloudflare's official SDK is only needed to measure against: installed on first use, once.
BENCH_READY := $(VENV)/.bench-ready
$(BENCH_READY): $(READY) requirements/bench.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/bench.lock
	touch $(BENCH_READY)

# Figures, not tests: nothing asserts a time. bench writes reports/bench.md (untracked) only;
# bench-docs also rewrites the figures between the markers of docs/performance.md.
bench: $(READY) $(BENCH_READY)
	$(BIN)/python -m scripts.bench

bench-docs: $(READY) $(BENCH_READY)
	$(BIN)/python -m scripts.bench --docs
