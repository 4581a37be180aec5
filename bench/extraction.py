"""Main-text extraction benchmark: digestbot's extractor against six others.

Run `python -m bench.extraction` (add `--limit 10` to iterate, `--only
digestbot,trafilatura` to pick extractors). Every extractor gets each page's raw
bytes (see `bench.extraction_baselines`). Sets, read from `../shared/corpus`:

- scrapinghub-article-extraction — its own shingle F1: tokens are `\\w+`
  matches, shingles are token 4-grams, per page TP/FP/FN are multiset overlaps
  normalised to sum 1; precision and recall are averaged over pages and F1 is
  taken of the two averages (reproduces the published 0.958 for trafilatura).
- trafilatura-eval-en-zh — segment scoring: a `with` segment found in the
  (whitespace-normalised) output is a TP, else FN; a `without` segment found is
  an FP; counts summed over pages; F1 = 2TP / (2TP + FP + FN).
- chinese-web-content-extraction (raw GB2312/GBK bytes) and chinese-news-sites
  (human-annotated pages reported apart from the rest) — character F1: the
  bag (multiset) of non-whitespace characters of the output against that of
  the ground truth; precision = overlap / output size, recall = overlap /
  truth size, F1 their harmonic mean (0 for an empty output), averaged over
  pages.

Title, author and date accuracy are the share of annotated pages whose value
matches after normalisation (whitespace removed; dates compared on the day).
Milliseconds are the median per page over every page the extractor ran on.
"""

from __future__ import annotations

import argparse
import logging
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterable, Sequence

from bench.extraction_baselines import EXTRACTORS, Output, run_safely
from bench.extraction_sets import SETS, Page

_TOKEN = re.compile(r"\w+")


def char_f1(truth: str, output: str) -> float:
    """Bag-of-characters F1 over non-whitespace characters (see module docstring)."""
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


def segment_f1(pages: Sequence[Page], outputs: Sequence[Output]) -> float:
    """trafilatura's segment F1 summed over pages."""
    tp = fp = fn = 0
    for page, out in zip(pages, outputs, strict=True):
        text = " ".join(out.text.split())
        found = [" ".join(s.split()) in text for s in page.with_]
        tp += sum(found)
        fn += len(found) - sum(found)
        fp += sum(" ".join(s.split()) in text for s in page.without)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


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


def score(set_name: str, pages: Sequence[Page], outputs: Sequence[Output]) -> float:
    """The set's main-text metric for one extractor."""
    if set_name == "trafilatura-eval-en-zh":
        return segment_f1(pages, outputs)
    if set_name == "scrapinghub-article-extraction":
        return shingle_f1(
            [shingle_counts(p.text, o.text) for p, o in zip(pages, outputs, strict=True)]
        )
    return statistics.mean(char_f1(p.text, o.text) for p, o in zip(pages, outputs, strict=True))


def run(names: Sequence[str], pages: Sequence[Page]) -> tuple[dict[str, list[Output]], dict]:
    """Every extractor on every page: outputs and per-page milliseconds."""
    outputs: dict[str, list[Output]] = {n: [] for n in names}
    millis: dict[str, list[float]] = {n: [] for n in names}
    for page in pages:
        for name in names:
            start = time.perf_counter()
            outputs[name].append(run_safely(EXTRACTORS[name], page.raw, page.url))
            millis[name].append((time.perf_counter() - start) * 1000)
    return outputs, millis


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(f"{c:.3f}" if isinstance(c, float) else str(c) for c in cells) + " |"


# The required bars for digestbot (character F1, mean per page).
TARGETS = {"chinese-web-content-extraction": 0.90, "chinese-news-sites": 0.93}


def verdict(names: Sequence[str], table: dict[str, list[float]], pages, outputs) -> bool:
    """PASS when digestbot meets the targets and is at least trafilatura on every set."""
    if "digestbot" not in names:
        return True
    ok = True
    for group, cells in table.items():
        mine = cells[names.index("digestbot")]
        if "trafilatura" in names and mine < cells[names.index("trafilatura")]:
            print(f"FAIL: below trafilatura on {group}")
            ok = False
    for set_name, bar in TARGETS.items():
        idx = [i for i, page in enumerate(pages) if page.set_name == set_name]
        if idx:
            got = score(set_name, [pages[i] for i in idx], [outputs["digestbot"][i] for i in idx])
            if got < bar:
                print(f"FAIL: {set_name} character F1 {got:.3f} < {bar}")
                ok = False
    print("PASS" if ok else "FAIL")
    return ok


def print_tables(
    names: Sequence[str], groups: dict[str, list[int]], pages, outputs, millis
) -> dict[str, list[float]]:
    """Markdown tables: main-text scores, metadata accuracy, speed; returns the scores."""
    print(_row(["set (pages)", *names]))
    print(_row(["---"] * (len(names) + 1)))
    table: dict[str, list[float]] = {}
    for group, idx in groups.items():
        chosen = [pages[i] for i in idx]
        set_name = chosen[0].set_name
        table[group] = [score(set_name, chosen, [outputs[n][i] for i in idx]) for n in names]
        print(_row([f"{group} ({len(idx)})", *table[group]]))
    print()
    for field in ("title", "author", "date"):
        for group, idx in groups.items():
            chosen = [pages[i] for i in idx]
            cells = [meta_accuracy(chosen, [outputs[n][i] for i in idx], field) for n in names]
            if cells[0] is not None:
                print(_row([f"{field}: {group}", *(c if c is not None else "-" for c in cells)]))
    print(_row(["median ms/page", *(statistics.median(millis[n]) for n in names)]))
    return table


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, run the extractors over the sets, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0 = all)")
    parser.add_argument("--quick", action="store_true", help="same as --limit 15")
    parser.add_argument("--only", default=",".join(EXTRACTORS), help="comma-separated extractors")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets")
    args = parser.parse_args(argv)
    limit = 15 if args.quick else args.limit
    names = [n for n in args.only.split(",") if n]
    pages: list[Page] = []
    for set_name in args.sets.split(","):
        loaded = list(SETS[set_name]())
        pages += loaded[:limit] if limit else loaded
    groups: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        groups.setdefault(page.group, []).append(i)
    outputs, millis = run(names, pages)
    table = print_tables(names, groups, pages, outputs, millis)
    return 0 if verdict(names, table, pages, outputs) else 1


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)  # the baselines log every page they dislike
    raise SystemExit(main())
