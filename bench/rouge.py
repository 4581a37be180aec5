"""ROUGE-1/2/Lsum F1 the way the benchmark reports it, plus the greedy oracle.

English: Google's `rouge-score` with its default tokenizer and Porter stemming.
Chinese: the same scorer with a tokenizer of ours, in two variants reported
side by side: "char" (every CJK character, letter and digit is one token;
punctuation and spaces dropped, the LCSTS convention) and "word" (jieba tokens
from a private `jieba.Tokenizer`, punctuation and spaces dropped). Summaries
and references are scored with one sentence per line, which is what
ROUGE-Lsum needs to find sentence boundaries.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import jieba
from rouge_score import rouge_scorer, tokenizers

METRICS = ("rouge1", "rouge2", "rougeLsum")
#: Tokenisations reported per language; the bar is checked on every one of them.
VARIANTS = {"en": ("stem",), "zh": ("char", "word")}


def _is_content(token: str) -> bool:
    """Whether a token carries text (not punctuation, symbols or whitespace)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


class ChineseCharTokenizer(tokenizers.Tokenizer):  # type: ignore[misc]
    """Each character that is a letter or digit is a token."""

    def tokenize(self, text: str) -> list[str]:
        return [ch.lower() for ch in text if _is_content(ch)]


class ChineseWordTokenizer(tokenizers.Tokenizer):  # type: ignore[misc]
    """jieba's precise-mode words, lower-cased, without punctuation tokens."""

    def __init__(self) -> None:
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()

    def tokenize(self, text: str) -> list[str]:
        return [w.lower() for w in self._jieba.lcut(text) if _is_content(w)]


@cache
def tokenizer(variant: str) -> tokenizers.Tokenizer:
    """The tokenizer of one variant: "stem" (English), "char" or "word" (Chinese)."""
    if variant == "stem":
        return tokenizers.DefaultTokenizer(use_stemmer=True)
    return ChineseCharTokenizer() if variant == "char" else ChineseWordTokenizer()


@cache
def scorer(variant: str) -> rouge_scorer.RougeScorer:
    """The shared scorer for one tokenisation variant."""
    return rouge_scorer.RougeScorer(list(METRICS), tokenizer=tokenizer(variant))


@dataclass(frozen=True, slots=True)
class Scores:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum, each in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeLsum: float


def score(summary: Sequence[str], reference: Sequence[str], variant: str) -> Scores:
    """ROUGE F1 of a summary (a list of sentences) against a reference."""
    result = scorer(variant).score("\n".join(reference), "\n".join(summary))
    return Scores(*(result[m].fmeasure for m in METRICS))


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle(
    sentences: Sequence[str], reference: Sequence[str], budget: int, variant: str
) -> list[str]:
    """Greedy extractive oracle: add the sentence that most raises R1+R2, up to `budget`.

    Stops early when no sentence improves the score (the usual definition, as
    used to label extractive training data). An upper reference, not a system.
    """
    ref_tokens = list(tokenizer(variant).tokenize(" ".join(reference)))
    targets = [_ngrams(ref_tokens, n) for n in (1, 2)]
    tokens = [list(tokenizer(variant).tokenize(s)) for s in sentences]
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < budget:
        gains = {
            i: _value([*chosen, i], tokens, targets) for i in range(len(tokens)) if i not in chosen
        }
        pick = max(gains, key=gains.__getitem__, default=None)
        if pick is None or gains[pick] <= best:
            break
        chosen.append(pick)
        best = gains[pick]
    return [sentences[i] for i in sorted(chosen)]


def _value(
    picked: list[int], tokens: list[list[str]], targets: list[Counter[tuple[str, ...]]]
) -> float:
    joined = [t for i in sorted(picked) for t in tokens[i]]
    return sum(_f1(_ngrams(joined, n), target) for n, target in zip((1, 2), targets, strict=True))
