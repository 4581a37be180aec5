"""What a fresh clone does not have: the corpus beside the repository and the benchmark libraries.

The corpus sets live in `../shared` (third-party data, never committed); the
benchmark's reference libraries (pysbd, sumy, rouge-score…) are installed by
`make bench`, not by `make test`. Tests that need either skip with one of the
two reasons below, so a skipped gate says exactly why in `pytest -rs`.
Data the other tests need (the bundled sample) ships in `bots/samples/`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE = ROOT / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"

NO_SHARED = "../shared is absent: corpus-based tests need the data set beside the repository"
NO_BENCH = "benchmark libraries are not installed: `make bench` installs them"

# The reference systems and scorers of bench/ (the `bench` extra of pyproject.toml).
BENCH_MODULES = ("pysbd", "sumy", "textrank4zh", "snownlp", "rouge_score")


def bench_installed() -> bool:
    """Whether every benchmark-only library can be imported."""
    return all(importlib.util.find_spec(name) is not None for name in BENCH_MODULES)


needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_SHARED)
needs_bench = pytest.mark.skipif(not bench_installed(), reason=NO_BENCH)
