# Portal Pemda: the Makefile is the index of commands. `make` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
FILL_ARGS ?= --opds 40 --news 2500

.DEFAULT_GOAL := help
.PHONY: help install install-test run demo migrate test test-postgres test-browser bench-db bench lint format check ci clean reminders monitoring-bench

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Install the portal into a local virtual environment (.venv)

install-test: $(VENV)/.installed-test ## Install the portal and the test tools

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo region (idempotent)
	$(MANAGE) load_demo

run: demo ## Set up everything and serve the demo region at http://127.0.0.1:8000
	@echo "Portal berjalan di http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Hentikan dengan Ctrl+C."
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-test ## Run the whole test suite (SQLite)
	$(BIN)/pytest

test-browser: install-test ## Browser journeys, axe and page weight (Playwright + Debian's /usr/bin/chromium); screenshots in artifacts/screenshots/
	$(BIN)/pytest -m browser tests/browser

test-postgres: install-test ## Run the whole test suite on PostgreSQL (DATABASE_URL, default local postgres)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_ci} $(BIN)/pytest --create-db

bench-db: install-test ## Fill BENCH_DATABASE_URL with a generated region (FILL_ARGS; default 40 OPD × 2,500 berita)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) fill_region $(FILL_ARGS)

bench: install-test ## Benchmark key URLs and gunicorn throughput on BENCH_DATABASE_URL (JSON lines, never fails on time)
	DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=scale.bench_settings $(MANAGE) bench --output artifacts/bench/bench-$$(date -u +%Y%m%dT%H%M%SZ).jsonl

check: install-test ## Django system check and missing-migration check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

lint: install-test ## Ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Format and auto-fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ci: ## What CI runs (.ci/run)
	bash .ci/run

clean: ## Remove the virtual environment, local database and media
	rm -rf $(VENV) db.sqlite3 media var static_collected

reminders: install ## Send the due reminders to quiet OPDs (run daily from cron)
	$(MANAGE) send_opd_reminders

monitoring-bench: install ## Time the monitoring scorecard and quarterly export on the current database
	$(MANAGE) monitoring_bench
