# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The front-end assets the site serves itself (NL Design System, axe-core): package-lock.json.
ASSETS := node_modules/.installed
PORT ?= 8000
DEMO_PASSWORD ?= demo-wachtwoord
DEV_ENV := DJANGO_DEBUG=1
# The suite runs with debug off, as production does; the proxy does the https redirect.
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret-key DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0

.PHONY: install run test lint format schema synthetic bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(INSTALLED)

# Only the files the pages use are copied into the app's static files (collectstatic then
# checks every url() in them): the Utrecht components and tokens, the Noto Sans font.
VENDOR := registry/static/vendor
$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/utrecht $(VENDOR)/utrecht-tokens $(VENDOR)/noto-sans/files
	cp node_modules/@utrecht/component-library-css/dist/index.css node_modules/@utrecht/component-library-css/LICENSE.md $(VENDOR)/utrecht/
	cp node_modules/@utrecht/design-tokens/dist/theme.css node_modules/@utrecht/design-tokens/LICENSE.md $(VENDOR)/utrecht-tokens/
	cp node_modules/@fontsource-variable/noto-sans/index.css node_modules/@fontsource-variable/noto-sans/LICENSE $(VENDOR)/noto-sans/
	cp node_modules/@fontsource-variable/noto-sans/files/noto-sans-*-wght-normal.woff2 $(VENDOR)/noto-sans/files/
	touch $(ASSETS)

install: $(INSTALLED) $(ASSETS)

run: install
	mkdir -p var
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo_data --password "$(DEMO_PASSWORD)"
	@echo "Het register draait op http://127.0.0.1:$(PORT)/ (stoppen met Ctrl-C)."
	@# the worker for long work (registry/jobs.py) beside the web server; Ctrl-C stops both
	$(DEV_ENV) sh -c '$(PY) manage.py db_worker --no-reload & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)'

test: install
	$(TEST_ENV) $(PY) -m pytest

# The committed OpenAPI document (tests/api/test_schema.py fails when it is out of date).
schema: install
	$(DEV_ENV) $(PY) manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The national synthetic data set in the development database.
synthetic: install
	mkdir -p var
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py generate_synthetic --seed 1

bench: install
	$(PY) bench/generate_synthetic.py
	$(PY) bench/paragraph.py
	$(PY) bench/spreadsheet_import.py
	$(PY) bench/site.py

clean:
	rm -rf $(VENV) var node_modules
