# Two commands: `make run` (set up and serve the demo) and `make test` (set up and run the suite).
# The interpreter: PYTHON if given, else the first of python3.11, python3.12, python3.13, python3
# in pyproject's range (scripts/find-python). A venv per interpreter if wanted:
# `PYTHON=python3.13 VENV=.venv-3.13 make test`.
PYTHON_BIN := $(shell scripts/find-python $(PYTHON) 2>/dev/null)
# "<version> <base prefix>" of an interpreter: the stamp of the venv built with it.
PYTHON_PROBE := import sys; print(sys.version.split()[0], sys.base_prefix)
PYTHON_ID := $(if $(PYTHON_BIN),$(strip $(shell $(PYTHON_BIN) -c '$(PYTHON_PROBE)')))
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup system-deps test-system-deps messages lint check serve clean FORCE

run: setup
	@mkdir -p var
	$(MANAGE) prepare
	HOST=$(HOST) PORT=$(PORT) scripts/serve-dev

test: setup test-system-deps
	$(VENV)/bin/pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed messages

# The stamp holds the interpreter it was built with: another interpreter rebuilds the venv.
ifneq ($(PYTHON_ID),$(strip $(shell cat $(VENV)/.installed 2>/dev/null)))
$(VENV)/.installed: FORCE
endif
$(VENV)/.installed: pyproject.toml
	@[ -n "$(PYTHON_BIN)" ] || scripts/find-python $(PYTHON) >/dev/null
	@scripts/system-deps base
	@if [ "$$($(VENV)/bin/python -c '$(PYTHON_PROBE)' 2>/dev/null)" != "$(PYTHON_ID)" ]; then \
	  echo "Building $(VENV) with Python $(PYTHON_ID)"; $(PYTHON_BIN) -m venv --clear $(VENV); fi
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	@echo "$(PYTHON_ID)" > $@

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

FORCE:
