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

.PHONY: run test test-lowest install-test bench bench-test lint clean

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

# pytest's exit status 5 means it collected no tests: a moved path, never a pass.
PYTEST_RUN = sh -c '"$$@"; status=$$?; [ $$status -ne 5 ] || echo "pytest collected no tests: $$*" >&2; exit $$status' pytest

test: $(DEV)
	$(PYTEST_RUN) $(PY) -m pytest -q --durations=15

# The lowest versions of the direct dependencies pyproject.toml allows (uv's
# lowest-direct resolution), in a venv of their own: the core tests must pass there too.
# The core tests: every direct dependency's use (fetching, charsets, PDF, Chinese text,
# Slack, Discord, SQLite/PostgreSQL/Redis, settings, metrics, limits), not the corpus
# gates and process-level tests (the whole suite there took 16 min on a loaded machine).
LOWEST_TESTS := tests/summarizer/fetching tests/summarizer/text tests/summarizer/test_hostile_inputs.py \
	tests/summarizer/test_pipeline.py tests/bots/slack tests/bots/discord tests/bots/test_storage.py \
	tests/bots/test_storage_database.py tests/bots/test_config_errors.py tests/bots/test_ops_server.py \
	tests/bots/test_ops_limits.py
test-lowest:
	bash .ci/venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install -q uv
	$(LOWEST)/bin/python -m uv pip install -q --python $(LOWEST)/bin/python \
		--resolution lowest-direct -e '.[test]'
	$(PYTEST_RUN) $(LOWEST)/bin/python -m pytest -q -p no:cacheprovider $(LOWEST_TESTS)

# deploy/systemd/install.sh run as written into a staging root (a fresh virtualenv: minutes).
install-test: $(DEV)
	DIGESTBOT_TEST_INSTALL=1 $(PYTEST_RUN) $(PY) -m pytest -q -rs tests/deploy/test_systemd_install.py

lint: $(DEV)
	$(VENV)/bin/ruff check summarizer bots tests bench
	$(VENV)/bin/mypy

bench: $(BENCH)
	$(PY) -m bench

bench-test: $(BENCH)
	$(PYTEST_RUN) $(PY) -m pytest -q -rs tests/bench tests/summarizer/ranking/test_rank.py

clean:
	rm -rf $(VENV) $(LOWEST) .pytest_cache .mypy_cache
