"""The extraction benchmark's metrics, one per set (see `bench.extraction` for each)."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence

from bench.extraction_baselines import Output
from bench.extraction_sets import Page

_TOKEN = re.compile(r"\w+")


def char_f1(truth: str, output: str) -> float:
    """Bag-of-characters F1 over non-whitespace characters (see `bench.extraction`)."""
    want = Counter(ch for ch in truth if not ch.isspace())
    got = Counter(ch for ch in output if not ch.isspace())
    overlap = sum((want & got).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens)


def shingle_counts(truth: str, output: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of token 4-gram shingles for one page."""
    want, got = _shingles(truth), _shingles(output)
    tp = sum((want & got).values())
    fp, fn = sum((got - want).values()), sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_f1(counts: Sequence[tuple[float, float, float]]) -> float:
    """F1 of the mean precision and mean recall, as scrapinghub's evaluate.py."""
    precisions = [1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in counts if tp + fp]
    recalls = [1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in counts if tp + fn]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _same(field: str, truth: str, value: str | None) -> bool:
    if value is None:
        return False
    if field == "date":
        return _day(truth) == _day(value)
    return "".join(truth.split()) == "".join(value.split())


def _day(value: str) -> str:
    numbers = re.findall(r"\d+", value)[:3]
    return "-".join(n.zfill(2) for n in numbers)


def meta_accuracy(pages: Sequence[Page], outputs: Sequence[Output], field: str) -> float | None:
    """Share of pages annotated with `field` whose extracted value matches."""
    pairs = [(getattr(p, field), getattr(o, field)) for p, o in zip(pages, outputs, strict=True)]
    annotated = [(t, v) for t, v in pairs if t]
    if not annotated:
        return None
    return sum(_same(field, t, v) for t, v in annotated) / len(annotated)


Stat = tuple[float, ...]


def page_stat(page: Page, text: str) -> Stat:
    """One page's share of its set's metric: (F1,), shingle (tp, fp, fn) or segment counts."""
    if page.set_name == "trafilatura-eval-en-zh":
        flat = " ".join(text.split())
        found = sum(" ".join(s.split()) in flat for s in page.with_)
        wrong = sum(" ".join(s.split()) in flat for s in page.without)
        return (float(found), float(wrong), float(len(page.with_) - found))
    if page.set_name == "scrapinghub-article-extraction":
        return shingle_counts(page.text, text)
    return (char_f1(page.text, text),)


def page_f1(stat: Stat) -> float:
    """A page's own F1 from its stat (to pick the per-page best output)."""
    if len(stat) == 1:
        return stat[0]
    tp, fp, fn = stat
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def aggregate(set_name: str, stats: Sequence[Stat]) -> float:
    """The set's metric from its pages' stats (trafilatura's segment F1 sums counts)."""
    if set_name == "trafilatura-eval-en-zh":
        tp, fp, fn = (sum(s[k] for s in stats) for k in range(3))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    if set_name == "scrapinghub-article-extraction":
        return shingle_f1([(s[0], s[1], s[2]) for s in stats])
    return statistics.mean(s[0] for s in stats)


def score(set_name: str, pages: Sequence[Page], outputs: Sequence[Output]) -> float:
    """The set's main-text metric for one extractor."""
    stats = [page_stat(p, o.text) for p, o in zip(pages, outputs, strict=True)]
    return aggregate(set_name, stats)


def best_of_all(set_name: str, pages: Sequence[Page], outputs: Sequence[Sequence[Output]]) -> float:
    """The set metric when every page gets its best output among all extractors."""
    stats = []
    for page, outs in zip(pages, zip(*outputs, strict=True), strict=True):
        stats.append(max((page_stat(page, o.text) for o in outs), key=page_f1))
    return aggregate(set_name, stats)
