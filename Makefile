# Two commands on a fresh Debian machine with Python 3.11:
#   make run    — the console adapter on the bundled sample (no tokens needed)
#   make test   — the whole offline test suite
#   make bench  — the benchmarks (needs ../shared beside the repository)
# Each creates .venv and installs what it needs on first use: `run` the app alone,
# `test` also the test extra, `bench` also the benchmark's reference libraries.
# Without them (and without ../shared) the benchmark smoke tests and the quality
# gates skip, each saying why; `make bench-test` runs them.

VENV   := .venv
PY     := $(VENV)/bin/python
HASH   := $(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
APP    := $(VENV)/.app-$(HASH)
DEV    := $(VENV)/.dev-$(HASH)
BENCH  := $(VENV)/.bench-$(HASH)
LOWEST := .venv-lowest

.PHONY: run test test-lowest bench bench-test lint clean

$(APP): pyproject.toml constraints.txt
	bash .ci/venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e .
	touch $@

$(DEV): pyproject.toml constraints.txt
	bash .ci/venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $@ $(APP)

$(BENCH): $(DEV)
	$(PY) -m pip install -q -e '.[test,bench]'
	$(PY) -m pip install -q --no-deps --ignore-requires-python magic-html
	touch $@

run: $(APP)
	$(VENV)/bin/digestbot run

test: $(DEV)
	$(PY) -m pytest -q --durations=15

# The lowest versions of the direct dependencies pyproject.toml allows (uv's
# lowest-direct resolution), in a venv of their own: the core tests must pass there too.
test-lowest:
	bash .ci/venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install -q uv
	$(LOWEST)/bin/python -m uv pip install -q --python $(LOWEST)/bin/python \
		--resolution lowest-direct -e '.[test]'
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider tests/summarizer tests/bots

lint: $(DEV)
	$(VENV)/bin/ruff check summarizer bots tests bench
	$(VENV)/bin/mypy

bench: $(BENCH)
	$(PY) -m bench

bench-test: $(BENCH)
	$(PY) -m pytest -q -rs tests/bench tests/summarizer/ranking/test_rank.py

clean:
	rm -rf $(VENV) $(LOWEST) .pytest_cache .mypy_cache
