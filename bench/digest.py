"""Digests as an editor judges them: `python -m bench digest`.

Reads `../shared/corpus/digest-judgments/labels.jsonl` (67 labelled pages; see
its SOURCE.md) and each page's HTML from its source set, runs each page through
`summarizer.extract` and then, on the extracted text, digestbot (`summarize`),
Lead-3 and sumy LexRank (3 sentences; the first is their TL;DR). Per set, per
half and overall it prints (scoring rules in `bench.digest_scores`):

- furniture %: digests whose TL;DR, points or quotes contain a furniture string;
- thesis %: digests whose TL;DR says a thesis sentence;
- coverage %: TL;DR + points that say a thesis or key sentence;
- false figures %: digests showing a not_figures string as a figure;
- key figures %: labelled key figures among the digest's figures;
- speakers %: digest quotes matching a labelled quote whose speaker is right;
- 1+3 %: digests with a TL;DR and 3 distinct points; title % and author %.

`--split A|B` keeps one half of the pages (a stable hash of the page id), so a
rule looked at on one half can be checked on the other; every run also prints
both halves. `--show` prints each digest for reading. Exit status 1 when a
digestbot number misses the issue's target overall.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

from rich.console import Console
from rich.table import Table

from bench import digest_scores as sc
from bench.baselines import SUMY_ALGORITHMS, lead, sumy_system
from bench.corpora import make_document
from bench.extraction_sets import CORPUS, SETS
from summarizer import extract, summarize
from summarizer.errors import DigestbotError
from summarizer.models import Article, Digest

logger = logging.getLogger(__name__)

LABELS = CORPUS / "digest-judgments" / "labels.jsonl"
SYSTEMS = ("digestbot", "lead-3", "lexrank")
# (metric, label, target, higher is better) — the required numbers.
METRICS = (
    ("furniture", "furn", 5.0, False),
    ("thesis", "thesis", 60.0, True),
    ("coverage", "cover", 60.0, True),
    ("false_figures", "false fig", 10.0, False),
    ("key_figures", "key fig", 60.0, True),
    ("speakers", "speakers", 90.0, True),
    ("distinct", "1+3", 95.0, True),
    ("title", "title", 90.0, True),
    ("author", "author", None, True),
)
_DIGEST_ONLY = {"false_figures", "key_figures", "speakers", "distinct", "title", "author"}


@dataclass(frozen=True)
class Labelled:
    """One labelled page: its labels, its language, its half and its extracted article."""

    row: dict[str, Any]
    lang: str
    half: str
    article: Article | None


def half(page_id: str) -> str:
    """ "A" or "B", stable across runs and machines."""
    return "AB"[hashlib.sha1(page_id.encode()).digest()[0] % 2]


def pages(
    split: str | None = None, limit: int | None = None, labels: Path = LABELS
) -> Iterator[Labelled]:
    """The first `limit` labelled pages (of one half with `split`), each extracted from its HTML."""
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if split is None or half(r["id"]) == split][:limit]
    wanted = {(r["set"], r["id"]) for r in rows}
    raw = {
        (name, page.id): page
        for name in sorted({s for s, _ in wanted})
        for page in SETS[name]()
        if (name, page.id) in wanted
    }
    for row in rows:
        page = raw.get((row["set"], row["id"]))
        if page is not None:
            yield Labelled(row, sc.label_lang(row), half(row["id"]), _extract(page.raw, row))


def _extract(raw: bytes, row: dict[str, Any]) -> Article | None:
    try:
        return extract(raw, url=row.get("url"))
    except DigestbotError as exc:
        logger.warning("extract %s: %s", row["id"], exc)
        return None


def _baseline(name: str) -> Callable[[Article, str], Digest]:
    system = lead if name == "lead-3" else sumy_system(SUMY_ALGORITHMS["sumy-lexrank"])

    def run(article: Article, lang: str) -> Digest:
        document = make_document("page", "zh" if lang == "zh" else "en", article.text)
        picked = system(document, 3)
        return Digest(tldr=picked[0] if picked else "", key_points=picked[1:])

    return run


def _digestbot(article: Article, lang: str) -> Digest:
    return summarize(article)


RUNNERS: dict[str, Callable[[Article, str], Digest]] = {
    "digestbot": _digestbot,
    "lead-3": _baseline("lead-3"),
    "lexrank": _baseline("lexrank"),
}


def score(page: Labelled, digest: Digest | None) -> dict[str, list[float]]:
    """Per-metric observations for one digest (lists, so micro-averages add up)."""
    row, lang, article = page.row, page.lang, page.article
    if digest is None or article is None:
        return {"furniture": [0.0], "thesis": [0.0], "coverage": [0.0], "distinct": [0.0]}
    shown = [digest.tldr, *digest.key_points]
    spoken = [q.text for q in digest.quotes]
    where = sc.Located.of(article.text, lang)
    matched = [
        (q, lab)
        for q in digest.quotes
        for lab in row["quotes"]
        if sc.says(q.text, lab["text"], lang)
    ]

    def shows(label: str) -> bool:
        return any(sc.figure_hits(f, label, where, lang) for f in digest.figures)

    furniture = any(sc.is_furniture(p, row["furniture"], lang) for p in shown + spoken)
    title = [float(sc.title_right(article.title, row["title"], lang))] if row["title"] else []
    return {
        "furniture": [float(furniture)],
        "thesis": [float(sc.says_any(digest.tldr, row["thesis"], lang))],
        "coverage": [
            float(sc.says_any(p, row["thesis"] + row["key_sentences"], lang)) for p in shown
        ],
        "false_figures": [float(any(shows(n) for n in row["not_figures"]))],
        "key_figures": [float(shows(k)) for k in row["figures_key"]],
        "speakers": [
            float(sc.speaker_right(q.speaker, lab["speaker"], lang)) for q, lab in matched
        ],
        "distinct": [float(sc.distinct_points(digest, lang))],
        "title": title,
        "author": [float(sc.author_right(article.author, row["author"], lang))],
    }


def _run(system: str, page: Labelled) -> Digest | None:
    if page.article is None:
        return None
    try:
        return RUNNERS[system](page.article, page.lang)
    except DigestbotError as exc:
        logger.warning("%s %s: %s", system, page.row["id"], exc)
        return None


Scores = dict[str, dict[str, dict[str, list[float]]]]  # group → system → metric → values


def evaluate(labelled: Sequence[Labelled], *, show: bool = False) -> Scores:
    """Every system on every page, observations pooled per set, per half and overall."""
    scores: Scores = {}
    for page in labelled:
        for system in SYSTEMS:
            digest = _run(system, page)
            if show and system == "digestbot":
                print(_render(page, digest))
            for group in (page.row["set"], f"half {page.half}", "overall"):
                pooled = scores.setdefault(group, {}).setdefault(system, {})
                for metric, values in score(page, digest).items():
                    pooled.setdefault(metric, []).extend(values)
    return scores


def _render(page: Labelled, digest: Digest | None) -> str:
    head = f"\n## {page.row['set']} {page.row['id']} ({page.half})"
    if digest is None:
        return head + "\n  (no digest)"
    lines = [head, f"  title: {digest.title} | author: {digest.author}", f"  TL;DR: {digest.tldr}"]
    lines += [f"  - {p}" for p in digest.key_points]
    lines += [f"  > {q.text} — {q.speaker}" for q in digest.quotes]
    lines.append("  figures: " + ", ".join(f.text for f in digest.figures))
    lines.append("  keywords: " + ", ".join(digest.keywords))
    lines.append(f"  thesis (label): {page.row['thesis'][0]}")
    return "\n".join(lines)


def _cell(values: list[float] | None) -> str:
    return f"{100 * fmean(values):.0f} ({len(values)})" if values else "-"


def table(scores: Scores) -> Table:
    """Rows: group × system; columns: the metrics (%, with how many observations)."""
    out = Table(title="digest judgments: % (observations)")
    out.add_column("set")
    out.add_column("system", no_wrap=True)
    for _, label, target, higher in METRICS:
        bar = "" if target is None else f" {'≥' if higher else '≤'}{target:.0f}"
        out.add_column(label + bar, justify="right")
    for group in sorted(scores, key=_group_order):
        systems = scores[group]
        for system in SYSTEMS:
            metrics = systems.get(system, {})
            cells = [
                "-" if system != "digestbot" and m in _DIGEST_ONLY else _cell(metrics.get(m))
                for m, *_ in METRICS
            ]
            out.add_row(group, system, *cells)
    return out


def _group_order(group: str) -> tuple[int, str]:
    """Sets first, then the halves, then overall."""
    return (2 if group == "overall" else 1 if group.startswith("half") else 0, group)


def verdict(scores: Scores) -> tuple[bool, list[str]]:
    """Whether digestbot meets every target overall (thesis also above both baselines)."""
    overall, lines = scores.get("overall", {}), []
    ok = True
    for metric, label, target, higher in METRICS:
        values = overall.get("digestbot", {}).get(metric)
        if target is None or not values:
            continue
        mean = 100 * fmean(values)
        passed = mean >= target if higher else mean <= target
        ok &= passed
        lines.append(f"{label} {mean:.0f}{'' if passed else ' MISS'}")
    thesis = {s: 100 * fmean(overall.get(s, {}).get("thesis") or [0.0]) for s in SYSTEMS}
    above = thesis["digestbot"] > max(thesis["lead-3"], thesis["lexrank"])
    lines.append(f"thesis above Lead-3 and LexRank: {'yes' if above else 'NO'}")
    return ok and above, lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench digest", description=__doc__)
    parser.add_argument("--split", choices=("A", "B"), help="only this half of the pages")
    parser.add_argument("--limit", type=int, help="first N labelled pages")
    parser.add_argument("--show", action="store_true", help="print each digestbot digest")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the digest benchmark; 1 when digestbot misses a target overall."""
    args = _parser().parse_args(argv)
    console = Console(width=max(Console().width, 150))
    if not LABELS.is_file():
        console.print(f"digest: SKIP (labels not found under {LABELS.parent})")
        return 0
    labelled = list(pages(args.split, args.limit))
    scores = evaluate(labelled, show=args.show)
    console.print(table(scores))
    passed, lines = verdict(scores)
    console.print(f"digest: {'PASS' if passed else 'FAIL'} — " + "; ".join(lines))
    return 0 if passed else 1
