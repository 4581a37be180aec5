"""Every text stage stays about linear on runs of each character class (issue 16).

Each stage gets 10 KB and 100 KB of one hostile run; the CPU time of the larger
must stay within `MAX_RATIO` of ten times the smaller. A quadratic stage gives
about 100×, so the bound catches it with room for a busy machine; it is a
ratio, never an absolute time (the times themselves are in `python -m bench
hostile`). Process CPU time, best of a few runs, keeps other processes out.
"""

from __future__ import annotations

import contextlib
import html
import time
from collections.abc import Callable

import pytest

from bench.hostile_cases import RUNS, run_of
from summarizer.errors import DigestbotError
from summarizer.extraction.extractor import extract
from summarizer.extraction.source import parse_source
from summarizer.figures.find import find_figures, key_figures
from summarizer.models import Lang
from summarizer.ranking.condense import condense
from summarizer.ranking.keywords import extract_keywords
from summarizer.ranking.quotes import find_quotes
from summarizer.ranking.rank import rank_sentences
from summarizer.text.clauses import clause_around
from summarizer.text.language import detect_language
from summarizer.text.sentences import clauses, split_sentences
from summarizer.text.tokens import content_tokens

SMALL, LARGE = 10_000, 100_000
MAX_RATIO = 30.0
"""Allowed growth for 10× the input: linear is ~10×, quadratic ~100×."""
FLOOR = 0.002
"""Seconds; a small run faster than this is measured as this (timer resolution)."""


FIRST_PERSON = "I think we must act. We will win. I believe our work matters. I say "
"""A speech's opening: quotes are then looked for in its first-person claims."""


def _ranked(text: str, lang: Lang) -> None:
    ranking = rank_sentences(split_sentences(text, lang), lang=lang, title=None)
    find_quotes(text, ranking, lang=lang, key_points=frozenset())
    extract_keywords(ranking, lang=lang, title=None)


def _figures(text: str) -> None:
    key_figures(find_figures(text, lang="en"))


def _page(text: str) -> str:
    return f"<html><body><article><p>{html.escape(text)}</p></article></body></html>"


STAGES: dict[str, Callable[[str], object]] = {
    "extract": lambda text: extract(_page(text)),
    "condense-en": lambda text: condense(text, "en", 45),
    "condense-zh": lambda text: condense(text, "zh", 80),
    "figures": _figures,
    "language": detect_language,
    "source": parse_source,
    "sentences-en": lambda text: split_sentences(text, "en"),
    "sentences-zh": lambda text: split_sentences(text, "zh"),
    "clauses-en": lambda text: clauses(text, "en"),
    "clauses-zh": lambda text: clauses(text, "zh"),
    "clause-around": lambda text: clause_around(
        text, len(text) // 2, len(text) // 2 + 1, lang="en"
    ),
    "tokens-en": lambda text: content_tokens(text, "en"),
    "ranking-quotes-keywords-en": lambda text: _ranked(text, "en"),
    "ranking-quotes-keywords-zh": lambda text: _ranked(text, "zh"),
    "first-person-quotes-en": lambda text: _ranked(FIRST_PERSON + text, "en"),
    "first-person-quotes-zh": lambda text: _ranked("我认为我们必须行动。我说" + text, "zh"),
}


def _cpu_seconds(stage: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        with contextlib.suppress(DigestbotError):  # a refusal is an answer; its cost counts
            stage(text)
        best = min(best, time.process_time() - started)
    return max(best, FLOOR)


KNOWN_QUADRATIC: dict[tuple[str, str], str] = {}
"""Stages still superlinear on a run, skipped here (100 KB takes minutes) until fixed."""


def _cases() -> list[object]:
    return [
        pytest.param(
            stage,
            run,
            id=f"{stage}-{run}",
            marks=[pytest.mark.skip(reason=KNOWN_QUADRATIC[stage, run])]
            if (stage, run) in KNOWN_QUADRATIC
            else [],
        )
        for stage in sorted(STAGES)
        for run in sorted(RUNS)
    ]


@pytest.mark.parametrize(("stage", "run"), _cases())
def test_stage_grows_about_linearly(stage: str, run: str) -> None:
    small, large = run_of(RUNS[run], SMALL), run_of(RUNS[run], LARGE)
    baseline = _cpu_seconds(STAGES[stage], small, 2)
    ratio = _cpu_seconds(STAGES[stage], large, 1) / baseline
    if ratio > MAX_RATIO:  # once more, in case a collection or a neighbour took the CPU
        ratio = min(ratio, _cpu_seconds(STAGES[stage], large, 1) / baseline)
    assert ratio <= MAX_RATIO, f"{stage} on {run}: {ratio:.0f}× for 10× the input"
