"""Key-figure benchmark: `find_figures` against Microsoft Recognizers-Text's specs.

`python -m bench.figures` (or `python -m bench figures`) prints one row per
spec file in `../shared/corpus/recognizers-text-number-specs/`:

- Mapping of their models to our kinds: currency ↔ money, percent ↔ percent,
  dimension ↔ quantity, number ↔ every kind (their "number" spans are bare
  numerals, ours carry units, so only the relaxed score means much there).
- Gold spans without a value (a bare "dollar", "人民币", "percent") are
  dropped: a figure is a number. Every case is kept, including those the
  source flags NotSupported on some of its own platforms.
- Exact match: same start and end offsets in the input (their `end` is
  inclusive; their `text` is full-width-normalised, offsets are not).
  Relaxed match: the spans overlap. Each gold span matches at most once.
- Value accuracy: on exact matches, our value equals theirs (percent values
  without "%"; a gold "Cent"/"Pence" amount is compared in hundredths).

Exit status 1 when currency or percent F1 falls below `BAR` in either language.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from summarizer.figures.find import find_figures
from summarizer.models import Figure

SHARED_DIR = Path(__file__).resolve().parents[1] / ".." / "shared"
SPEC_DIR = SHARED_DIR / "corpus" / "recognizers-text-number-specs"
KINDS = {
    "currency": {"money"},
    "percent": {"percent"},
    "dimension": {"quantity"},
    "number": {"money", "percent", "count", "quantity"},
}
FILES = [f"{lang}_{model}" for lang in ("zh", "en") for model in KINDS]
BAR = 0.9
_GATED = ("currency", "percent")
_SUBUNITS = {"cent", "pence", "penny"}


@dataclass(frozen=True)
class Score:
    """Counts for one spec file; the ratios are derived."""

    cases: int = 0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    relaxed: int = 0
    valued: int = 0

    @property
    def precision(self) -> float:
        return self.exact / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.exact, self.predicted, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed, self.predicted, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.valued / self.exact if self.exact else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(_counts(self), _counts(other), strict=True)))


def _counts(score: Score) -> tuple[int, ...]:
    return (score.cases, score.gold, score.predicted, score.exact, score.relaxed, score.valued)


def _f1(hits: int, predicted: int, gold: int) -> float:
    return 2 * hits / (predicted + gold) if predicted + gold else 0.0


def score_case(case: dict[str, Any]) -> Score:
    """Score one spec case: our figures of the mapped kinds against its valued gold spans."""
    kinds = KINDS[case["model"]]
    ours = [f for f in find_figures(case["text"], lang=case["lang"]) if f.kind in kinds]
    gold = [g for g in case["expected"] if _gold_value(g) is not None]
    exact = relaxed = valued = 0
    unmatched = list(gold)
    for figure in ours:
        same = next((g for g in unmatched if _span(g) == (figure.start, figure.end)), None)
        overlap = same or next((g for g in unmatched if _overlaps(g, figure)), None)
        if overlap is None:
            continue
        unmatched.remove(overlap)
        relaxed += 1
        if same is not None:
            exact += 1
            valued += _value_matches(same, figure)
    return Score(1, len(gold), len(ours), exact, relaxed, valued)


def score_file(name: str, spec_dir: Path = SPEC_DIR) -> Score:
    """The summed score of every case in `<spec_dir>/<name>.jsonl`."""
    total = Score()
    with (spec_dir / f"{name}.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            total += score_case(json.loads(line))
    return total


def _span(gold: dict[str, Any]) -> tuple[int, int]:
    return gold["start"], gold["end"] + 1


def _overlaps(gold: dict[str, Any], figure: Figure) -> bool:
    start, end = _span(gold)
    return start < figure.end and figure.start < end


def _gold_value(gold: dict[str, Any]) -> Decimal | None:
    raw = str(gold["resolution"].get("value")).rstrip("%")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def _value_matches(gold: dict[str, Any], figure: Figure) -> bool:
    expected = _gold_value(gold)
    assert expected is not None
    ours = figure.value
    if str(gold["resolution"].get("unit", "")).lower() in _SUBUNITS:
        ours *= 100
    return abs(ours - expected) <= Decimal("1e-9") * max(Decimal(1), abs(expected))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; 1 if a gated F1 is under the bar, else 0 (also when specs are absent)."""
    del argv
    if not SPEC_DIR.is_dir():
        print(f"figures: SKIP ({SPEC_DIR} is absent)")
        return 0
    print("| file | cases | gold | predicted | P | R | F1 | relaxed F1 | value acc |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    failed = []
    for name in FILES:
        s = score_file(name)
        print(
            f"| {name} | {s.cases} | {s.gold} | {s.predicted} | {s.precision:.3f} | "
            f"{s.recall:.3f} | {s.f1:.3f} | {s.relaxed_f1:.3f} | {s.value_accuracy:.3f} |"
        )
        if name.split("_")[1] in _GATED and s.f1 < BAR:
            failed.append(name)
    quantities = score_file("en_dimension")
    print(
        f"English quantities with a unit found exactly: {quantities.exact}/{quantities.gold}"
        f" ({quantities.recall:.0%})"
    )
    if failed:
        print(f"FAIL: F1 under {BAR} on {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
