"""Figure stages grow about linearly on hostile runs (issue 16): a ratio bound, not a time limit.

Each stage (for key figures: its twin search) reads 10 KB and 100 KB of one
repeated piece (digits, letters, dots, commas, Indian grouping, '@', Chinese
numerals, an idiom, an e-mail-like run).
Linear work grows ~10×; the quadratic patterns this replaces grew ~100× (100 KB
of digits took 93 s). CPU time of this process, best of two, so other load on
the machine does not count; a floor keeps sub-millisecond noise out of the ratio.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal

import pytest

from summarizer.figures.find import MAX_NUMBERS, find_figures
from summarizer.figures.key import key_figures
from summarizer.figures.numbers import number_spans
from summarizer.models import Figure

SMALL, LARGE = 10_000, 100_000
GROWTH_BOUND = 30  # linear ≈ 10, quadratic ≈ 100
FLOOR_SECONDS = 0.005
RUNS = ["1", "a", ".", "1,", "11,", "a@", "a.b@", "三", "一波三折", "one ", "1 ", "5元，"]
DENSE = ["1,", "11,", "1 ", "5元，"]  # a figure every few characters
STAGES: dict[str, Callable[[str], object]] = {
    "number_spans": number_spans,
    "find_figures (masks, set phrases, reading)": lambda text: find_figures(text, lang="zh"),
}


def _cpu_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, FLOOR_SECONDS)


def _growth(stage: Callable[[str], object], piece: str) -> float:
    small, large = ((piece * n)[:n] for n in (SMALL, LARGE))
    return _cpu_seconds(lambda: stage(large)) / _cpu_seconds(lambda: stage(small))


# A dense run of figures is bounded by MAX_NUMBERS (next test), not by its growth.
_CASES = [(s, p) for s in sorted(STAGES) for p in RUNS if s == "number_spans" or p not in DENSE]


@pytest.mark.parametrize(("stage", "piece"), _CASES)
def test_each_stage_grows_about_linearly(stage: str, piece: str) -> None:
    assert _growth(STAGES[stage], piece) <= GROWTH_BOUND


@pytest.mark.parametrize("piece", DENSE)
def test_a_run_of_figures_is_read_only_up_to_the_cap(piece: str) -> None:
    assert 0 < len(find_figures(piece * 50_000, lang="zh")) <= MAX_NUMBERS


def test_twin_search_in_key_figures_grows_about_linearly() -> None:
    def figures(n: int) -> list[Figure]:
        return [Figure(str(i), Decimal(i), f"u{i % 7}", "count", "", i, i + 1) for i in range(n)]

    small, large = figures(2_000), figures(20_000)
    ratio = _cpu_seconds(lambda: key_figures(large)) / _cpu_seconds(lambda: key_figures(small))
    assert ratio <= GROWTH_BOUND
