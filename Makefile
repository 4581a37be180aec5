# Two commands on a fresh Debian machine with Python 3.11:
#   make run    — the console adapter on the bundled sample (no tokens needed)
#   make test   — the whole offline test suite
# Each creates .venv and installs what it needs on first use.

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test bench bench-extract lint typecheck clean

$(STAMP): pyproject.toml
	bash .ci/venv $(VENV)
	$(PY) -m pip install -q -e '.[test]'
	touch $@

run: $(STAMP)
	$(VENV)/bin/digestbot run

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check summarizer bots tests bench
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) -m pip install -q -e '.[test,bench]'
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
