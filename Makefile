# Drivephase: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
VPY := $(VENV)/bin/python
# A development key for local runs and tests only; production sets DJANGO_SECRET_KEY.
DEV_ENV := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-insecure-local-development-key-not-for-production}

# Django 6 needs Python >= 3.12: try the PATH first, then pyenv's installed versions.
define FIND_PYTHON
ok() { "$$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }; \
for name in python3.13 python3.12 python3 python; do \
  p=$$(command -v $$name 2>/dev/null) && ok "$$p" && { echo "$$p"; exit 0; }; \
done; \
root=$$(pyenv root 2>/dev/null || echo "$$HOME/.pyenv"); \
for p in $$(ls -d "$$root"/versions/3.*/bin/python3 2>/dev/null | sort -V -r); do \
  ok "$$p" && { echo "$$p"; exit 0; }; \
done; exit 1
endef

.PHONY: help run test lint format migrations-check check-deploy clean python screenshots bench

help:
	@echo "make run    set up .venv, migrate, load the library and demo data, serve on http://127.0.0.1:8000"
	@echo "make test   set up .venv with the test tools and run the whole suite"
	@echo "make lint   ruff check and ruff format --check"
	@echo "make bench  load every page with wrk on SQLite and PostgreSQL (docs/performance.md)"

python:
	@$(FIND_PYTHON) || { \
	  echo "Drivephase needs Python 3.12 or newer and found none on the PATH or in pyenv." >&2; \
	  echo "Install one, for example: 'pyenv install 3.13' or 'apt-get install python3.13 python3.13-venv'." >&2; \
	  exit 1; }

# Recreate the virtualenv when it is missing or was made with a Python older than 3.12.
$(VENV)/.created:
	@if [ -x $(VPY) ] && ! $(VPY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	  echo "Removing $(VENV): it was made with a Python older than 3.12."; rm -rf $(VENV); fi
	@py=$$($(MAKE) -s --no-print-directory python) || exit 1; \
	echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV)
	@$(VPY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.runtime: $(VENV)/.created requirements.txt
	$(VPY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(VPY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: $(VENV)/.runtime
	DJANGO_DEBUG=1 $(VPY) manage.py migrate --no-input
	DJANGO_DEBUG=1 $(VPY) manage.py load_library
	DJANGO_DEBUG=1 $(VPY) manage.py load_templates
	DJANGO_DEBUG=1 $(VPY) manage.py load_demo
	@echo
	@echo "Serving Drivephase on http://127.0.0.1:8000  (Ctrl+C stops it)"
	DJANGO_DEBUG=1 $(VPY) manage.py runserver 127.0.0.1:8000

# Browser tests run when Chromium is installed; under CI=true a missing browser fails.
test: $(VENV)/.dev
	$(DEV_ENV) $(VPY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# README screenshots from the demo data, taken with Debian's Chromium.
screenshots: $(VENV)/.dev
	$(VPY) docs/screenshots/take.py

migrations-check: $(VENV)/.runtime
	$(DEV_ENV) $(VPY) manage.py makemigrations --check --dry-run

# Loopback load and fault test: gunicorn with production settings on PostgreSQL
# (127.0.0.1:5432), 60 s of coaches and athletes, then PostgreSQL stopped and started.
.PHONY: reliability
reliability: $(VENV)/.dev
	$(VPY) reliability/load_test.py $(RELIABILITY_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# gunicorn with production settings on SQLite and PostgreSQL (127.0.0.1:5432), at S and
# 10 x S, loaded by wrk: bench/results/<date>.json and the tables in docs/performance.md.
bench: $(VENV)/.dev
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(VPY) -m bench $(BENCH_ARGS)
