"""One number as `find` reads it, and what happens to readings after parsing.

Input: `Reading`s in document order, over `numbers.to_halfwidth` text.
Output: ranges joined into one reading (`merge_ranges`), bracketed
conversions dropped (`without_conversions`), each reading turned into a
`Figure` with its verbatim text (`figure_of`), and a figure's clause
(`clause_of`). Pure and linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from summarizer.models import Figure, FigureKind, Lang
from summarizer.text.clauses import clause_around

__all__ = ["Reading", "clause_of", "figure_of", "merge_ranges", "without_conversions"]

_RANGE_RE = re.compile(r"\s?[-—–~～至到]\s?")
_SHORT_ZH_CLAUSE = 24  # characters: a clause shorter than this rarely names its topic
_NUMBER_TAIL_RE = re.compile(r"[\d.,]*\s?[百千万萬亿億]*\s?")
_DIGIT_END_RE = re.compile(r"\d\s?$")


@dataclass(frozen=True, slots=True)
class Reading:
    """One number and what the words around it make of it (offsets into the text)."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: FigureKind


def figure_of(text: str, plain: str, reading: Reading, lang: Lang | None) -> Figure:
    """The `Figure` of a reading, verbatim from `text`; no clause when `lang` is None."""
    start, end = clause_of(plain, reading.start, reading.end, lang) if lang else (0, 0)
    return Figure(
        text=text[reading.start : reading.end],
        value=reading.value,
        unit=reading.unit,
        kind=reading.kind,
        context=text[start:end],
        start=reading.start,
        end=reading.end,
    )


def clause_of(plain: str, first: int, last: int, lang: Lang) -> tuple[int, int]:
    """The figure's clause; a short Chinese one takes in the clause before it.

    Chinese states the topic first and comments after a comma: in
    "每年双十一，去年570亿的数字…" the 570亿 is 双十一's, said one clause earlier.
    """
    start, end = clause_around(plain, first, last, lang=lang)
    if lang == "zh" and end - start < _SHORT_ZH_CLAUSE and plain[start - 1 : start] in "，,、":
        start, end = clause_around(plain, max(0, start - 2), last, lang=lang)
    return _whole_number_start(plain, start, first), end


def _whole_number_start(plain: str, start: int, limit: int) -> int:
    """A context trimmed to size never opens mid-number ("00 万主摄"): the stub is dropped.

    The editor's reading of 46 digests found contexts cut inside "1200 万".
    """
    tail = _NUMBER_TAIL_RE.match(plain, start, max(start, limit))
    after_digit = _DIGIT_END_RE.search(plain, max(0, start - 2), start)
    if tail is None or not tail.group() or not after_digit:
        return start
    return tail.end()


def merge_ranges(plain: str, readings: list[Reading]) -> list[Reading]:
    """ "14%—20%", "3-5亿元", "200-300毫升" become one figure valued at the upper bound.

    The first number may lack the unit ("6～12℃"); a unit on both must agree.
    """
    merged: list[Reading] = []
    for reading in readings:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.unit in (None, reading.unit)
            and _RANGE_RE.fullmatch(plain, last.end, reading.start)
        ):
            merged[-1] = replace(reading, start=last.start)
        else:
            merged.append(reading)
    return merged


_CONVERSION_RE = re.compile(r"\s?[(（]\s?(?:about|around|approximately|or|约|合|折合)?\s?")


def without_conversions(plain: str, readings: list[Reading]) -> list[Reading]:
    """ "3,200 miles (5,150 km)", "$12.9bn (£10bn)": the bracketed twin is one quantity twice.

    The editor's reading of 46 digests found both shown as two key figures;
    the first, as the article states it, is kept.
    """
    kept: list[Reading] = []
    for reading in readings:
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.kind == reading.kind
            and last.kind in ("money", "quantity")
            and _CONVERSION_RE.fullmatch(plain, last.end, reading.start)
        ):
            continue
        kept.append(reading)
    return kept
