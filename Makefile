# Two commands on a fresh Debian machine with Python 3.11:
#   make run    — the console adapter on the bundled sample (no tokens needed)
#   make test   — the whole offline test suite
# Each creates .venv and installs what it needs on first use: `run` the app alone,
# `test` also the test and bench extras (the benchmark smoke tests and quality
# gates run the reference libraries).

VENV   := .venv
PY     := $(VENV)/bin/python
HASH   := $(shell cksum pyproject.toml | cut -d' ' -f1)
APP    := $(VENV)/.app-$(HASH)
DEV    := $(VENV)/.dev-$(HASH)

.PHONY: run test bench lint clean

$(APP): pyproject.toml
	bash .ci/venv $(VENV)
	$(PY) -m pip install -q -e .
	touch $@

$(DEV): pyproject.toml
	bash .ci/venv $(VENV)
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $@ $(APP)

run: $(APP)
	$(VENV)/bin/digestbot run

test: $(DEV)
	$(PY) -m pytest -q

lint: $(DEV)
	$(VENV)/bin/ruff check summarizer bots tests bench
	$(VENV)/bin/mypy

bench: $(DEV)
	$(PY) -m pip install -q --no-deps --ignore-requires-python magic-html
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
