# Everything starts from plain `python3`: the first target that needs it creates .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit docs fuzz bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --group dev --group docs -e .
	touch $(STAMP)

## demo: build a conference, print its Calendar JSON, validate two payloads
demo: $(STAMP)
	$(BIN)/python examples/demo.py

## test: the whole gate: ruff, mypy --strict, pytest with Hypothesis and the docs examples,
## and the documentation site built with warnings as errors
test: lint typecheck unit docs

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest

## docs: the Sphinx site in docs/_build/html (warnings are errors)
docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

## fuzz: atheris over the validators and readers, the command line over generated file trees,
## and change detection and paging (FUZZ_SECONDS each, default 60), then every regex on
## adversarial inputs; not part of `make test`
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --group fuzz
	rm -rf .fuzz-corpus && mkdir -p .fuzz-corpus/cli .fuzz-corpus/sync && cp fuzz/corpus/* .fuzz-corpus/
	$(BIN)/python fuzz/fuzz_validate.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-artifact_prefix=.fuzz-corpus/ .fuzz-corpus
	$(BIN)/python fuzz/fuzz_cli.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-len_control=0 -artifact_prefix=.fuzz-corpus/cli/ .fuzz-corpus/cli
	$(BIN)/python fuzz/fuzz_sync.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-len_control=0 -artifact_prefix=.fuzz-corpus/sync/ .fuzz-corpus/sync
	$(BIN)/python fuzz/adversarial_regex.py

## bench: confdata against its peers on the same payloads; rewrites the results and chart in
## docs/ (its own dependency group; not part of `make test`)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --group bench
	$(BIN)/mypy bench
	$(BIN)/python bench/run.py
	$(BIN)/python bench/floor.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .hypothesis docs/_build docs/_generated .fuzz-corpus
