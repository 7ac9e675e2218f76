# Everything starts from plain `python3`: the first target that needs it creates .venv.
# `make demo` installs confdata alone (all the demo imports); the first target that needs the
# development tools (the dev and docs dependency groups) installs them. Each install step runs
# once, and again when pyproject.toml changes (the stamp files in .venv say it is done).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
PROJECT := $(VENV)/.stamp-project
DEVTOOLS := $(VENV)/.stamp-devtools
# pytest runs on every core (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto

.PHONY: demo test lint typecheck unit docs package fuzz bench mutation clean

$(PROJECT): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -e .
	touch $@

# Dependency groups need pip 25.1 or later; the venv's own pip may be older.
$(DEVTOOLS): $(PROJECT)
	$(PIP) install --quiet --upgrade "pip>=25.1"
	$(PIP) install --quiet --group dev --group docs
	touch $@

## demo: build a conference, print its Calendar JSON, validate two payloads
demo: $(PROJECT)
	$(BIN)/python examples/demo.py

## test: the whole gate: ruff, mypy --strict, pytest with Hypothesis and the docs examples,
## the documentation site built with warnings as errors and its links checked, and the sdist
## and wheel built and checked as PyPI would
test: lint typecheck unit docs package

lint: $(DEVTOOLS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEVTOOLS)
	$(BIN)/mypy

unit: $(DEVTOOLS)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS)

## docs: the Sphinx site in docs/_build/html (warnings are errors), then every internal link
## and #anchor in it checked (offline: links to other sites are not followed)
docs: $(DEVTOOLS)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	$(BIN)/python tools/check_links.py docs/_build/html

## package: the sdist and the wheel built from it into dist/, checked with twine
package: $(DEVTOOLS)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

## fuzz: atheris over the validators and readers, the command line over generated file trees,
## and change detection and paging (FUZZ_SECONDS each, default 60), then every regex on
## adversarial inputs; not part of `make test`
FUZZ_SECONDS ?= 60
fuzz: $(DEVTOOLS)
	$(PIP) install --quiet --group fuzz
	rm -rf .fuzz-corpus && mkdir -p .fuzz-corpus/cli .fuzz-corpus/sync && cp fuzz/corpus/* .fuzz-corpus/
	$(BIN)/python fuzz/fuzz_validate.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-artifact_prefix=.fuzz-corpus/ .fuzz-corpus
	$(BIN)/python fuzz/fuzz_cli.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-len_control=0 -artifact_prefix=.fuzz-corpus/cli/ .fuzz-corpus/cli
	$(BIN)/python fuzz/fuzz_sync.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-len_control=0 -artifact_prefix=.fuzz-corpus/sync/ .fuzz-corpus/sync
	$(BIN)/python fuzz/adversarial_regex.py

## bench: confdata against its peers and the floor on the same payloads, every target in one
## table; rewrites the results and chart in docs/ (its own dependency group; not part of
## `make test`). The floor and the peers are first compared with confdata on generated
## payloads. BENCH_FLAGS=--quick makes a short run.
BENCH_FLAGS ?=
bench: $(DEVTOOLS)
	$(PIP) install --quiet --group bench
	$(BIN)/mypy bench
	$(BIN)/python bench/floor.py 1000
	$(BIN)/python bench/peers.py 1000
	$(BIN)/python bench/run.py $(BENCH_FLAGS)

## mutation: single-point mutants of the rules and the spec table (tools/mutation.py), each
## run in a temporary copy of src/ against the tests that execute the mutated line; lists the
## survivors and the score over the mutants docs/mutation.md does not judge equivalent, and
## fails under MUTATION_SCORE percent (not part of `make test`; about N minutes on 2 cores).
## MUTATION_FLAGS="--only spec.py:PIN --reuse-map" runs some mutants against the last map.
MUTATION_SCORE ?= 97
MUTATION_FLAGS ?=
mutation: $(DEVTOOLS)
	$(BIN)/python tools/mutation.py --fail-under $(MUTATION_SCORE) $(MUTATION_FLAGS)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .hypothesis docs/_build docs/_generated .fuzz-corpus .mutation
