# Portal Pemda: the Makefile is the index of commands. `make` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
# The small region every URL's time at 100,000 pages is compared with (make bench-small-db).
BENCH_SMALL_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench_small
FILL_ARGS ?= --opds 40 --news 2500

.DEFAULT_GOAL := help
.PHONY: help install install-dev install-test run demo migrate test test-postgres test-browser test-servers chromium nginx wrk bench-servers bench-db bench-small-db bench lint format check ci clean gettext messages messages-extract compilemessages messages-check reminders monitoring-bench backup restore lock

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements.lock requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

$(VENV)/.installed-test: requirements.lock requirements-dev.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed $(VENV)/.installed-dev

install: $(VENV)/.installed ## Install the portal (production requirements) into a local virtual environment (.venv)

install-dev: $(VENV)/.installed-dev ## Install the portal and what the demo region needs (requirements-dev.txt)

install-test: $(VENV)/.installed-test ## Install the portal and the test tools

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: install-dev migrate ## Load the demo region (idempotent)
	$(MANAGE) load_demo

run: demo ## Set up everything and serve the demo region at http://127.0.0.1:8000
	@echo "Portal berjalan di http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Hentikan dengan Ctrl+C."
	@echo "Dinkes di alamatnya sendiri: http://dinkes.localhost:$(PORT)/ (situs Wagtail kedua; dinkes.localhost = 127.0.0.1)."
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-test chromium nginx ## Run the whole test suite: all tests on SQLite, the browser journeys, the two-server test
	$(BIN)/pytest -n auto
	$(BIN)/pytest -m browser tests/browser
	$(BIN)/pytest -m servers tests/operations

test-browser: install-test chromium ## Only the browser journeys, axe and page weight; screenshots in artifacts/screenshots/
	$(BIN)/pytest -m browser tests/browser

test-postgres: install-test nginx ## Run the whole test suite (but the browser journeys) on PostgreSQL (DATABASE_URL)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_ci} $(BIN)/pytest -n auto --create-db

test-servers: install-test nginx ## Two app servers, a worker and nginx on loopback (PostgreSQL, Redis, S3), and the backup drill
	$(BIN)/pytest -m servers tests/operations

chromium: ## Install Debian's Chromium for the browser tests if it is missing (never a downloaded browser)
	@test -x $${PORTAL_CHROMIUM:-/usr/bin/chromium} || { \
		SUDO=""; [ "$$(id -u)" = "0" ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

nginx: ## Install Debian's nginx (the media-rules test and the two-server test) if it is missing
	@test -x /usr/sbin/nginx || { \
		SUDO=""; [ "$$(id -u)" = "0" ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }

bench-db: install-test ## Fill BENCH_DATABASE_URL with a generated region (FILL_ARGS; default 40 OPD × 2,500 berita)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) fill_region $(FILL_ARGS)

bench-small-db: install-test ## Fill BENCH_SMALL_DATABASE_URL with a 3-OPD region (1,200 news each: the baseline of the ratio table)
	DATABASE_URL=$(BENCH_SMALL_DATABASE_URL) $(MANAGE) migrate --noinput
	DATABASE_URL=$(BENCH_SMALL_DATABASE_URL) $(MANAGE) fill_region --opds 3 --news 1200

bench: install-test nginx wrk ## Benchmark every public URL on the 3-OPD region and on BENCH_DATABASE_URL (ratio table), then throughput (never fails on time)
	@stamp=$$(date -u +%Y%m%dT%H%M%SZ); \
	DATABASE_URL=$(BENCH_SMALL_DATABASE_URL) DJANGO_SETTINGS_MODULE=benchmarks.settings $(MANAGE) bench --no-throughput --output artifacts/bench/bench-small-$$stamp.jsonl && \
	DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=benchmarks.settings $(MANAGE) bench --compare artifacts/bench/bench-small-$$stamp.jsonl --output artifacts/bench/bench-$$stamp.jsonl
	DJANGO_SETTINGS_MODULE=benchmarks.settings $(MANAGE) bench_servers --output artifacts/bench/servers-$$(date -u +%Y%m%dT%H%M%SZ).jsonl

bench-servers: install-test nginx wrk ## Only the 1 vs 2 app servers throughput and the 60 s load run (wrk)
	mkdir -p artifacts/bench
	DJANGO_SETTINGS_MODULE=benchmarks.settings $(MANAGE) bench_servers --output artifacts/bench/servers-$$(date -u +%Y%m%dT%H%M%SZ).jsonl

wrk: ## Install Debian's wrk (load generator) if it is missing
	@command -v wrk >/dev/null || { \
		SUDO=""; [ "$$(id -u)" = "0" ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

check: install-test ## Django system check, missing-migration check, catalogues up to date
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(MAKE) messages-check

# Translation catalogues (locale/id, locale/en). msgids are Indonesian; see CONTRIBUTING.md.
MESSAGES_IGNORE := --ignore=.venv --ignore=artifacts --ignore=node_modules --ignore=var --ignore=tests \
	--ignore=static_collected --ignore=media --ignore=backups --ignore=htmlcov
# Apps' own locale/ (accounts/locale: django-otp-webauthn's messages, written by hand) are not
# extraction targets: without this makemessages would send the app's msgids there instead of locale/.
MESSAGES_ARGS := --no-obsolete --add-location=file $(MESSAGES_IGNORE) '--ignore=*/locale'

gettext: ## Install GNU gettext (makemessages, msgfmt) from Debian if it is missing
	@command -v msgfmt >/dev/null && command -v xgettext >/dev/null || { \
		SUDO=""; [ "$$(id -u)" = "0" ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }

messages: install-test gettext ## Extract every gettext string (Python, templates, JS) into locale/id and locale/en
	$(MAKE) -s messages-extract
	@$(BIN)/python -m tests.i18n.po locale

# The extraction alone (tests/i18n/test_catalogues.py runs it in a copy of the tree).
messages-extract:
	@# English leaves out portal/wagtail_completions.* (Wagtail's msgids are English already).
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemessages -d django -l en $(MESSAGES_ARGS) --ignore=wagtail_completions.*
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemessages -d django -l id $(MESSAGES_ARGS)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemessages -d djangojs -l en $(MESSAGES_ARGS) --ignore=wagtail_completions.*
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemessages -d djangojs -l id $(MESSAGES_ARGS)
	@sed -i '/^"POT-Creation-Date:/d' locale/*/LC_MESSAGES/*.po

compilemessages: install-test gettext ## Compile locale/*/LC_MESSAGES/*.po into the committed .mo files
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) compilemessages $(MESSAGES_IGNORE)

messages-check: install-test gettext ## Fail when a catalogue is stale, an English entry is missing or fuzzy, or a .mo is out of date
	$(BIN)/pytest -q tests/i18n/test_catalogues.py

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

BACKUP_DIR ?= backups/$(shell date -u +%Y%m%dT%H%M%SZ)

lock: ## Regenerate requirements.lock (every production package pinned with hashes) from requirements.txt
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet pip-tools==7.6.2
	var/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--output-file requirements.lock requirements.txt
	rm -rf var/lock-venv

backup: install ## Back up the database and every media file into BACKUP_DIR (a new folder)
	$(MANAGE) backup $(BACKUP_DIR)

restore: install ## Restore BACKUP_DIR into the configured empty database and storage, then verify it
	$(MANAGE) restore $(BACKUP_DIR)

reminders: install ## Send the due reminders to quiet OPDs (run daily from cron)
	$(MANAGE) send_opd_reminders

monitoring-bench: install-dev ## Time the monitoring scorecard and quarterly export on the current database
	$(MANAGE) monitoring_bench
