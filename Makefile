# Every task of the project. `make test` is what CI runs; it sets everything up itself.
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Stamp files: reinstall only when the pins change.
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
REDOCLY := REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly

.PHONY: help venv demo bench generate check-generated review lint lint-spec test build clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(VENV_STAMP): requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

venv: $(VENV_STAMP) $(NODE_STAMP) ## Create .venv and node_modules from the pins

demo: $(VENV_STAMP) ## The main job: resolve and probe a source against fake servers on loopback
	$(BIN)/plex-resources demo

bench: $(VENV_STAMP) ## Benchmarks: ratios against baselines measured in the same run
	cd benchmarks && ../$(BIN)/python run.py

generate: $(VENV_STAMP) ## Regenerate generated/plex_resources_api from openapi.yaml
	$(BIN)/python tools/generate.py

check-generated: $(VENV_STAMP) ## Fail if generated/ differs from what openapi.yaml generates
	$(BIN)/python tools/check_generated.py

# The revision `make review` compares the working tree with.
BASE ?= HEAD~1

review: $(VENV_STAMP) ## What the spec change since BASE (default HEAD~1) does to clients; STRICT=1 fails if breaking
	$(BIN)/python tools/review.py --base $(BASE) $(if $(STRICT),--strict)

lint: $(VENV_STAMP) ## ruff check, ruff format --check and mypy --strict over all code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lint-spec: $(VENV_STAMP) $(NODE_STAMP) ## Validate openapi.yaml and lint it with Redocly (zero problems)
	$(BIN)/openapi-spec-validator openapi.yaml
	$(REDOCLY) lint --format=stylish openapi.yaml

test: lint-spec check-generated lint build ## Everything: spec lint, drift, code lint, wheel, pytest
	$(BIN)/pytest

build: $(VENV_STAMP) ## Build wheel and sdist into dist/ and check what the wheel holds
	rm -rf dist
	$(BIN)/python -m build --outdir dist . >/dev/null
	$(BIN)/python tools/check_wheel.py dist

clean: ## Remove the environments and build output
	rm -rf $(VENV) .venv-peer node_modules dist build .mypy_cache .pytest_cache .ruff_cache .hypothesis
