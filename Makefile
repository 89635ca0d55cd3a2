# MedInfo Desk — `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) translations ## Create .venv and install the pinned dependencies
	@echo "installed into $(VENV)"

messages: $(STAMP) ## Re-extract translatable strings and update the French catalog
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 \
		-k lazy_pgettext:1c,2 --ignore-dirs='.* __pycache__' --sort-by-file \
		--project='MedInfo Desk' --copyright-holder='MedInfo Desk' \
		-o medinfo/translations/messages.pot .
	$(BIN)/pybabel update -i medinfo/translations/messages.pot -d medinfo/translations \
		--ignore-obsolete --previous

translations: $(STAMP) ## Compile the French/English message catalogs
	@if [ -d medinfo/translations ]; then $(BIN)/pybabel compile -d medinfo/translations; fi

db: install ## Migrate the database to the latest schema
	$(FLASK) db upgrade

demo: db ## Load the knowledge base, then the demo data (both idempotent)
	$(FLASK) kb import knowledge_base
	$(FLASK) demo load

run: demo ## Set up and serve on http://127.0.0.1:5000 with demo data
	@echo "Serving MedInfo Desk on http://$${MEDINFO_HOST:-127.0.0.1}:$${MEDINFO_PORT:-5000}"
	$(BIN)/python wsgi.py

test: install ## Run the whole test suite (SQLite, or MEDINFO_TEST_DATABASE_URL)
	@if [ -z "$$MEDINFO_CHROMIUM" ] && ! command -v chromium >/dev/null; then \
		echo "NOTE: no Chromium found: the browser tests will be SKIPPED (apt-get install chromium)"; fi
	$(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: install ## Lint and check formatting with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

screening-model: install ## Retrain the screener's sentence model from tests/data
	$(BIN)/python scripts/train_screening_model.py

bench: install ## Run the benchmarks (not part of CI)
	@for b in bench/*/run.py; do echo "== $$b"; $(BIN)/python -m $$(dirname $$b | tr / .).run || exit 1; done

clean: ## Remove the virtualenv and runtime data
	rm -rf $(VENV) instance

.PHONY: help install messages translations db demo run test lint screening-model bench clean
