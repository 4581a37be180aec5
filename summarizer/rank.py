"""Score sentences and pick the key points.

Input: the article's `Sentence`s, their language and the title. Output: a
`Ranking` (a score per sentence) and, via `select`, the best sentences.

The score blends four signals, each in [0, 1]:
- position: news puts the point first (Lead-3 is the strongest baseline on
  CNN/DailyMail), so early sentences get a prior that decays with the index;
- significance: Luhn's idea, summed over the sentence's words that recur in
  the article (log-damped frequency), normalised by the best sentence — the
  signal that makes Luhn the best library on BBC;
- title overlap: the share of title words the sentence repeats;
- figures: a sentence stating a number is more likely to be news.
Sentences shorter than a clause are damped (bylines, captions, "Photo: …"),
and `select` removes redundancy with maximal marginal relevance (MMR) before
returning the winners in article order. Weights were chosen on the
development corpora and are deliberately few.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.models import Lang, Sentence
from summarizer.numbers import number_spans
from summarizer.tokenize import content_tokens

__all__ = ["Ranking", "rank_sentences", "select"]

POSITION_WEIGHT = 1.0
SIGNIFICANCE_WEIGHT = 1.0
TITLE_WEIGHT = 0.3
FIGURE_WEIGHT = 0.1
POSITION_DECAY = 0.6
REDUNDANCY_PENALTY = 0.7
TOPICAL_TERMS = 60
SHORT_TOKENS = {"zh": 6, "en": 8}


@dataclass(frozen=True, slots=True)
class Ranking:
    """Per-sentence scores and tokens, indexed like the sentence list."""

    sentences: list[Sentence]
    tokens: list[list[str]]
    scores: list[float]
    frequencies: Counter[str]

    def clause_weight(self, lang: Lang) -> Callable[[str], float]:
        """How much a piece of text says what the article is about.

        Sums the article's recurring words found in the piece, so condensing
        a sentence keeps its most topical clauses. Matches by substring for
        Chinese, so clauses are not cut by jieba a second time.
        """
        terms = {t: math.log(n) for t, n in self.frequencies.most_common(TOPICAL_TERMS) if n > 1}
        if lang == "zh":
            return lambda part: sum(w * part.count(t) for t, w in terms.items())
        return lambda part: sum(terms.get(t, 0.0) for t in content_tokens(part, lang))

    def order(self) -> list[int]:
        """Sentence indices, best first."""
        return sorted(range(len(self.scores)), key=lambda i: -self.scores[i])


def rank_sentences(sentences: list[Sentence], *, lang: Lang, title: str | None) -> Ranking:
    """Score every sentence; see the module docstring for the blend."""
    tokens = [content_tokens(s.text, lang) for s in sentences]
    frequencies: Counter[str] = Counter(t for toks in tokens for t in toks)
    significance = _normalise([_significance(toks, frequencies) for toks in tokens])
    title_tokens = set(content_tokens(title, lang)) if title else set()
    scores = []
    for sentence, toks, sig in zip(sentences, tokens, significance, strict=True):
        score = (
            POSITION_WEIGHT * _position(sentence.index)
            + SIGNIFICANCE_WEIGHT * sig
            + TITLE_WEIGHT * _overlap(toks, title_tokens)
            + FIGURE_WEIGHT * bool(number_spans(sentence.text))
        )
        scores.append(score * min(1.0, len(toks) / SHORT_TOKENS[lang]))
    return Ranking(sentences, tokens, scores, frequencies)


def select(ranking: Ranking, count: int, *, exclude: frozenset[int] = frozenset()) -> list[int]:
    """The `count` best sentence indices after MMR, in article order."""
    chosen: list[int] = []
    candidates = [i for i in ranking.order() if i not in exclude and ranking.tokens[i]]
    top = max(ranking.scores, default=1.0) or 1.0
    while candidates and len(chosen) < count:
        best = max(
            candidates,
            key=lambda i: (
                ranking.scores[i] / top - REDUNDANCY_PENALTY * _max_similarity(ranking, i, chosen)
            ),
        )
        chosen.append(best)
        candidates.remove(best)
    return sorted(chosen)


def _position(index: int) -> float:
    return float(1.0 / (1.0 + index) ** POSITION_DECAY)


def _significance(tokens: list[str], frequencies: Counter[str]) -> float:
    return sum(math.log(frequencies[t]) for t in set(tokens) if frequencies[t] > 1)


def _overlap(tokens: list[str], title_tokens: set[str]) -> float:
    if not title_tokens:
        return 0.0
    return len(title_tokens.intersection(tokens)) / len(title_tokens)


def _normalise(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]


def _max_similarity(ranking: Ranking, index: int, chosen: list[int]) -> float:
    words = set(ranking.tokens[index])
    best = 0.0
    for other in chosen:
        others = set(ranking.tokens[other])
        union = len(words | others)
        if union:
            best = max(best, len(words & others) / union)
    return best
