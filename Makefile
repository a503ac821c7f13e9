# Two commands: `make run` (set up and serve the demo) and `make test` (set up and run the suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup system-deps test-system-deps messages lint check serve clean

run: setup
	@mkdir -p var
	$(MANAGE) prepare
	HOST=$(HOST) PORT=$(PORT) scripts/serve-dev

test: setup test-system-deps
	$(VENV)/bin/pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed messages

$(VENV)/.installed: pyproject.toml
	@scripts/system-deps base
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	@touch $@

messages: $(VENV)/.installed
	@scripts/compile-messages

test-system-deps:
	@scripts/system-deps test

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

check: setup
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
