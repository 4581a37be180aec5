"""A fresh clone — the repository's files with no `../shared` beside them — passes its tests.

Anyone cloning the public repository has no corpus data, so the tests must not
need it: the bundled sample comes from `bots/samples/`, and the corpus-based
tests skip with the one reason of `tests.support.shared_data`. The files git
would commit are copied into an empty temporary directory (nothing beside
them) and pytest runs there in a child process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.shared_data import NO_BENCH, NO_SHARED, ROOT

# Tests that read the sample (they failed with FileNotFoundError before it came
# from the repository) and tests that need the corpus.
SUBSET = (
    "tests/bench/test_bench_smoke.py",
    "tests/summarizer/figures/test_figures.py",
    "tests/summarizer/test_faithfulness.py",
    "tests/summarizer/ranking/test_rank.py",
)


def clone_without_shared(destination: Path) -> Path:
    """The files git tracks (or would add) under `destination/digestbot`; nothing beside it."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout: no file list to clone")
    clone = destination / "digestbot"
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    return clone


def pytest_in(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(clone)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return clone_without_shared(tmp_path_factory.mktemp("fresh"))


def test_the_clone_has_no_shared_data_but_has_the_sample(clone: Path) -> None:
    assert not (clone.parent / "shared").exists()
    assert (clone / "bots" / "samples" / "huxiu-118050-internet-plus-film.md").is_file()


def test_every_test_module_imports_in_a_fresh_clone(clone: Path) -> None:
    done = pytest_in(clone, "--collect-only", "-q")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_sample_tests_pass_and_corpus_tests_skip_for_one_reason(clone: Path) -> None:
    done = pytest_in(clone, "-q", "-rs", *SUBSET)
    assert done.returncode == 0, done.stdout[-3000:]
    assert re.search(r"\d+ passed", done.stdout), done.stdout[-3000:]
    reasons = {
        line.split(": ", 1)[1] for line in done.stdout.splitlines() if line.startswith("SKIPPED")
    }
    assert NO_SHARED in reasons
    assert reasons <= {NO_SHARED, NO_BENCH}, reasons
