"""Ranking quality: ROUGE of digestbot against Lead-k and the reference libraries.

Each set is scored in one run on the same documents and the same sentence
budget for every system (cnndm 3, bbc as many as the reference has, clts 2,
lcsts 1). Prints one table per set (mean F1 × 100; Chinese sets once on
characters and once on jieba words), the greedy extractive oracle as an upper
reference, and a PASS/FAIL line for the bar from issue 2: digestbot at least
as high as the best of Lead-k and every library in ROUGE-1 and ROUGE-Lsum,
on every tokenisation shown. A system that raises on a document scores zero
on it; the count is printed under the table.

    python -m bench quality --sets cnndm,bbc --limit 50 --systems digestbot,lead
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import fmean

from rich.console import Console
from rich.table import Table

from bench import corpora, rouge
from bench.baselines import ALL_SYSTEMS, Summarizer, systems_for
from bench.corpora import Document

logger = logging.getLogger(__name__)

ORACLE = "oracle"
BAR_METRICS = ("rouge1", "rougeLsum")
_LABELS = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}
_VARIANT_NAMES = {"stem": "", "char": "char ", "word": "jieba "}


@dataclass
class SetResult:
    """Per-document ROUGE of every system on one set, with timings and failures."""

    name: str
    lang: str
    documents: int = 0
    scores: dict[str, dict[str, list[rouge.Scores]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    failures: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def variants(self) -> tuple[str, ...]:
        return rouge.VARIANTS[self.lang]

    def mean(self, system: str, variant: str, metric: str) -> float:
        """Mean F1 × 100 of `system` on this set."""
        return 100 * fmean(getattr(s, metric) for s in self.scores[system][variant])


def _run(result: SetResult, name: str, system: Summarizer, doc: Document, budget: int) -> None:
    started = time.perf_counter()
    try:
        summary = system(doc, budget)
    except Exception:
        logger.warning("%s failed on %s", name, doc.id, exc_info=True)
        result.failures[name] += 1
        summary = []
    result.seconds[name] += time.perf_counter() - started
    for variant in result.variants:
        result.scores[name][variant].append(rouge.score(summary, doc.reference, variant))


def evaluate(
    set_name: str, system_names: Sequence[str], *, limit: int | None, with_oracle: bool
) -> SetResult:
    """Run every applicable system on the set's documents and score each summary."""
    docs = corpora.load(set_name, limit=limit)
    spec = corpora.SETS[set_name]
    result = SetResult(set_name, spec.lang, len(docs))
    systems = systems_for(spec.lang, system_names)
    for doc in docs:
        budget = spec.budget(doc)
        for name, system in systems.items():
            _run(result, name, system, doc, budget)
        if with_oracle:
            _score_oracle(result, doc, budget)
    return result


def _score_oracle(result: SetResult, doc: Document, budget: int) -> None:
    for variant in result.variants:
        picked = rouge.oracle(doc.sentences, doc.reference, budget, variant)
        result.scores[ORACLE][variant].append(rouge.score(picked, doc.reference, variant))


def bar(result: SetResult) -> tuple[bool, list[str]]:
    """Whether digestbot meets the bar on this set, and one line per metric checked."""
    rivals = [s for s in result.scores if s not in ("digestbot", ORACLE)]
    lines: list[str] = []
    passed = True
    for variant in result.variants:
        for metric in BAR_METRICS:
            ours = result.mean("digestbot", variant, metric)
            best = max(rivals, key=lambda s: result.mean(s, variant, metric))
            theirs = result.mean(best, variant, metric)
            ok = ours >= theirs
            passed &= ok
            label = f"{_VARIANT_NAMES[variant]}{_LABELS[metric]}"
            sign = "≥" if ok else "<"
            lines.append(f"{label} {ours:.1f} {sign} {theirs:.1f} ({best}, {ours - theirs:+.1f})")
    return passed, lines


def table(result: SetResult) -> Table:
    """Rows are systems, columns R1/R2/RLsum for each tokenisation, then ms per document."""
    spec = corpora.SETS[result.name]
    title = f"{result.name}: {result.documents} docs, {spec.lang}, budget {spec.budget_label}"
    out = Table(title=title)
    out.add_column("system", no_wrap=True)
    for variant in result.variants:
        for metric in rouge.METRICS:
            out.add_column(f"{_VARIANT_NAMES[variant]}{_LABELS[metric]}", justify="right")
    out.add_column("ms/doc", justify="right")
    for system in result.scores:
        cells = [f"{result.mean(system, v, m):.1f}" for v in result.variants for m in rouge.METRICS]
        elapsed = result.seconds.get(system)
        timing = f"{1000 * elapsed / max(result.documents, 1):.0f}" if elapsed else "-"
        out.add_row(system, *cells, timing)
    return out


def report(result: SetResult, console: Console) -> bool:
    """Print the set's table, failures and bar line; False when the bar fails."""
    console.print(table(result))
    for system, count in result.failures.items():
        console.print(f"  {system} raised on {count} of {result.documents} documents (scored 0)")
    if "digestbot" not in result.scores:
        console.print(f"{result.name}: SKIP (digestbot not run)")
        return True
    passed, lines = bar(result)
    console.print(f"{result.name}: {'PASS' if passed else 'FAIL'} — " + "; ".join(lines))
    return passed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench quality", description=__doc__)
    parser.add_argument("--sets", default=",".join(corpora.SETS), help="comma-separated sets")
    parser.add_argument("--systems", default=",".join(ALL_SYSTEMS), help="comma-separated")
    parser.add_argument("--limit", type=int, default=None, help="first N documents per set")
    parser.add_argument("--no-oracle", action="store_true", help="skip the greedy oracle row")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the quality benchmark; exit status 1 when the bar fails on any set."""
    args = _parser().parse_args(argv)
    console = Console(width=max(Console().width, 110))
    present = corpora.available()
    passed = True
    for name in args.sets.split(","):
        if name not in present:
            console.print(f"{name}: SKIP (corpus file not found under {corpora.CORPUS_DIR})")
            continue
        result = evaluate(
            name, args.systems.split(","), limit=args.limit, with_oracle=not args.no_oracle
        )
        passed &= report(result, console)
    return 0 if passed else 1
