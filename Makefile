# Corridor's front door. `make run` serves the app with demo data; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

PY := $(shell scripts/find-python)
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test test-pg bench lint typecheck check-migrations check-translations check-openapi \
        messages openapi browser-deps system-deps env serve worker

help:
	@echo "make run    - install, migrate, load demo data and serve on http://$(HOST):$(PORT)"
	@echo "make test   - install what tests need and run the whole suite"
	@echo "make serve  - production stack (gunicorn + task worker) on http://$(HOST):$(PORT); docs/deploy.md"
	@echo "              for a trial here without TLS: CORRIDOR_HTTPS=false make serve"
	@echo "make worker - only the background task worker, with production settings"
	@echo "make bench  - corridor-scale data on SQLite and PostgreSQL, timings against the budgets"

.tools/bin/uv:
	@test -n "$(PY)" || exit 1
	$(PY) -m venv .tools
	.tools/bin/pip install --quiet "uv>=0.5"

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PY)
	@touch $@

env: $(VENV)/.synced system-deps
	@$(VENV)/python scripts/make_env.py .env

run: env
	@mkdir -p var
	$(VENV)/python manage.py migrate --noinput
	$(VENV)/python manage.py createcachetable
	$(VENV)/python manage.py seed_demo --if-empty
	$(VENV)/python manage.py runserver $(HOST):$(PORT)

serve: env
	HOST=$(HOST) PORT=$(PORT) scripts/serve

worker: env
	scripts/serve worker

browser-deps:
	@scripts/browser-deps

system-deps:
	@scripts/system-deps

test: $(VENV)/.synced system-deps browser-deps
	$(VENV)/pytest

test-pg: $(VENV)/.synced system-deps browser-deps
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/corridor} $(VENV)/pytest

bench: $(VENV)/.synced
	$(VENV)/python bench/run.py

lint: $(VENV)/.synced
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

typecheck: $(VENV)/.synced
	$(VENV)/mypy corridor

check-migrations: $(VENV)/.synced
	DJANGO_SETTINGS_MODULE=corridor.settings.test $(VENV)/python manage.py makemigrations --check --dry-run

check-translations: $(VENV)/.synced
	DJANGO_SETTINGS_MODULE=corridor.settings.test $(VENV)/python scripts/check_translations.py

check-openapi: $(VENV)/.synced
	DJANGO_SETTINGS_MODULE=corridor.settings.test $(VENV)/python scripts/openapi.py --check

openapi: $(VENV)/.synced
	DJANGO_SETTINGS_MODULE=corridor.settings.test $(VENV)/python scripts/openapi.py --write

messages: $(VENV)/.synced
	DJANGO_SETTINGS_MODULE=corridor.settings.test $(VENV)/python manage.py makemessages -l km -l th \
	  --no-obsolete --add-location file -i ".venv/*" -i ".tools/*" -i "tests/*" -i "*/tests/*"
	DJANGO_SETTINGS_MODULE=corridor.settings.test $(VENV)/python manage.py compilemessages -l km -l th \
	  -i ".venv" -i ".tools"
