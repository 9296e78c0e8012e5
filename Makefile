# Painline: `make run` serves the demo on SQLite, `make test` runs every suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
MAIL_PORT ?= 8025
HOST ?= 127.0.0.1
PYTEST_ARGS ?=
STAMP := $(VENV)/.installed

export FLASK_APP := server

.PHONY: run test check lint format typecheck install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,mobile]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/flask db upgrade
	$(BIN)/flask painline seed-demo
	@echo "Painline is at http://$(HOST):$(PORT)/  (health: http://$(HOST):$(PORT)/healthz)"
	@# The worker delivers alerts beside the server, to a local mail catcher unless
	@# PAINLINE_SMTP_URL names a real server; both stop with it.
	@$(BIN)/python scripts/mail-catcher $(MAIL_PORT) instance/mail & catcher=$$!; \
	  PAINLINE_SMTP_URL=$${PAINLINE_SMTP_URL:-smtp://127.0.0.1:$(MAIL_PORT)} $(BIN)/flask painline worker & worker=$$!; \
	  trap 'kill $$worker $$catcher 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/flask run --host $(HOST) --port $(PORT)

# The phone app on this computer, against the server of `make run` (run that first).
mobile: $(STAMP)
	PAINLINE_SERVER=http://$(HOST):$(PORT) PAINLINE_PHONE_DATA=instance/phone $(BIN)/python -m mobile

test: $(STAMP)
	./scripts/ensure-test-postgres
	$(BIN)/python -m pytest --durations=20 $(PYTEST_ARGS)

check: lint typecheck $(STAMP)
	$(BIN)/python -m pytest -q -k "not postgres" tests/shared tests/server tests/test_architecture.py

# Every benchmark, one table of figures against floors measured in the same run (a few minutes).
bench: $(STAMP)
	./scripts/ensure-test-postgres
	$(BIN)/python -m tests.bench $(BENCH)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
