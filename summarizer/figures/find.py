"""Key figures: the numbers an article turns on, with their units, ranked.

Input: article text and its language. Output: `Figure`s in document order
(`find_figures`) or the few worth showing (`key_figures`). `Figure.text` and
`Figure.context` are always slices of the input, so a digest can never show a
number the article did not print. Unreadable numbers are skipped, never raised.

A figure is a number (`numbers.NUMBER_PATTERN`) plus what stands around it:
a currency symbol, code or name makes it money; %, per cent, 百分之, 个百分点,
成 or 折 make it a percentage; a measure makes a quantity; a counter or a
countable noun (or nothing) makes a count. Years, dates, times, durations,
ordinals, list markers, phone numbers, IDs, URLs and version labels ("2.0互联网",
"iPhone 15") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from math import prod

from summarizer.figures import units
from summarizer.figures.numbers import NUMBER_PATTERN, parse_number, to_halfwidth
from summarizer.models import Figure, FigureKind, Lang
from summarizer.text.clauses import clause_around

__all__ = ["find_figures", "key_figures"]

DEFAULT_KEY_FIGURES = 6

_NUMBER_RE = re.compile(NUMBER_PATTERN, re.IGNORECASE)
_MASK_RE = re.compile(
    r"https?://\S+|www\.\S+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"  # URLs, e-mail
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}"  # dates
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # clock times
    r"|\+?\d{1,4}[- ]\d{3,4}[- ]\d{4}\b|\b\d+(?:-\d+){2,}",  # phone numbers, IDs
    re.IGNORECASE,
)
_SIGN_RE = re.compile(r"(?:(?<![\w.%])-|负|負|minus\s)$", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"第\s?$")
_LIST_MARKER_RE = re.compile(r"(?:^|\n)[ \t#*>]*$")
_LABEL_RE = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*\s?$")  # "iPhone 15", "Web 2.0"
_MONTH_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s?$", re.IGNORECASE
)
_RANGE_RE = re.compile(r"\s?[-—–~～至到]\s?")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LOOK = 24
_PER = {
    c: Decimal(v)
    for c, v in {"百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "萬": 10**4}.items()
}
_MAX_WITH_CHANGE = 10**6
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;!?)。，；！？]|$)")


@dataclass(frozen=True, slots=True)
class _Reading:
    """One number and what the words around it make of it (offsets into the text)."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: FigureKind


def find_figures(text: str, *, lang: Lang) -> list[Figure]:
    """Every figure in `text`, in document order, with verbatim text and clause."""
    plain = to_halfwidth(text)
    masked = [m.span() for m in _MASK_RE.finditer(plain)]
    readings: list[_Reading] = []
    for match in _NUMBER_RE.finditer(plain):
        if any(s < match.end() and match.start() < e for s, e in masked):
            continue
        floor = readings[-1].end if readings else 0
        reading = _read(plain, match.start(), match.end(), floor)
        if reading is not None and reading.start >= floor:
            readings.append(reading)
    return [_figure(text, plain, r, lang) for r in _merge_ranges(plain, readings)]


def key_figures(figures: list[Figure], *, limit: int = DEFAULT_KEY_FIGURES) -> list[Figure]:
    """The `limit` figures most worth showing, best first.

    Money, then counts of people, then percentages and multiples, then other
    counts and quantities, then bare large numbers; ties keep document order.
    A value repeated (same unit, or one side without a unit) appears once.
    Bare counts under 10 are dropped: "3 of them" is not a key figure.
    """
    kept: list[Figure] = []
    for figure in figures:
        if _tier(figure) is None:
            continue
        twin = next((i for i, k in enumerate(kept) if _same_figure(k, figure)), None)
        if twin is None:
            kept.append(figure)
        elif kept[twin].unit is None and figure.unit is not None:
            kept[twin] = figure
    ranked = sorted(kept, key=lambda f: (_tier(f), f.start))
    return ranked[:limit]


def _tier(figure: Figure) -> int | None:
    if figure.kind == "money":
        return 0
    if figure.kind == "percent" or figure.unit == "倍":
        return 2
    if figure.unit in units.PEOPLE_UNITS:
        return 1
    if figure.unit is not None:
        return 3 if abs(figure.value) >= 10 or figure.kind == "quantity" else None
    return 4 if abs(figure.value) >= 10_000 else 5 if abs(figure.value) >= 10 else None


def _same_figure(a: Figure, b: Figure) -> bool:
    return a.value == b.value and (a.unit == b.unit or a.unit is None or b.unit is None)


def _figure(text: str, plain: str, reading: _Reading, lang: Lang) -> Figure:
    start, end = clause_around(plain, reading.start, reading.end, lang=lang)
    return Figure(
        text=text[reading.start : reading.end],
        value=reading.value,
        unit=reading.unit,
        kind=reading.kind,
        context=text[start:end],
        start=reading.start,
        end=reading.end,
    )


def _read(plain: str, start: int, end: int, floor: int) -> _Reading | None:
    """What the number at plain[start:end] is, judging by its neighbours; None if no figure.

    `floor` is where the previous figure ended: a prefix before it is that figure's.
    """
    value = parse_number(plain[start:end])
    if value is None:
        return None
    # Searching plain within bounds (not a slice) lets lookbehinds see past the bound.
    left = max(floor, start - _LOOK)
    if _ORDINAL_RE.search(plain, left, start) or _MONTH_RE.search(plain, left, start):
        return None
    sign = _SIGN_RE.search(plain, left, start)
    if sign:
        start, value = start - len(sign.group()), -value
    return (
        _percent(plain, start, end, value, floor)
        or _money(plain, start, end, value, floor)
        or _unit(plain, start, end, value)
    )


def _percent(plain: str, start: int, end: int, value: Decimal, floor: int) -> _Reading | None:
    prefix = units.PERCENT_PREFIX_RE.search(plain, max(floor, start - 16), start)
    if prefix:
        per = prod((_PER[c] for c in prefix.group("scale") or "百"), start=Decimal(1)) / 100
        return _Reading(prefix.start(), end, value / per, "%", "percent")
    suffix = units.PERCENT_SUFFIX_RE.match(plain, end)
    if suffix is None:
        return None
    if suffix.group("times"):
        return _Reading(start, suffix.end(), value, "倍", "quantity")
    if suffix.group("mille"):
        value /= 10
    elif suffix.group("tenth"):
        tail = parse_number(suffix.group("tenth")[1:].replace("半", "五")) or 0
        value = value * 10 + tail
    elif suffix.group("discount"):
        if not (0 < value < 10 or (10 < value < 100 and value == int(value))):
            return None  # 十折 is no discount
        value = value * 10 if value < 10 else value  # 八折 = 80%, 75折 = 75%
    return _Reading(start, suffix.end(), value, "%", "percent")


def _money(plain: str, start: int, end: int, value: Decimal, floor: int) -> _Reading | None:
    prefix = units.CURRENCY_PREFIX_RE.search(plain, max(floor, start - 12), start)
    suffix = units.CURRENCY_SUFFIX_RE.match(plain, end)
    before = _prefix_currency(prefix) if prefix else None
    after = _suffix_currency(suffix) if suffix else None
    if before and after and before[0] != after[0]:
        after = suffix = None  # "rmb 10 usd 20": that "usd" is 20's
    currency = after or before
    if currency is None:
        return None
    reading = _Reading(
        prefix.start() if prefix else start,
        suffix.end() if suffix else end,
        value * currency[1],
        currency[0],
        "money",
    )
    return _with_change(plain, reading) if currency[1] == 1 else reading


def _prefix_currency(prefix: re.Match[str]) -> tuple[str, Decimal]:
    symbol = prefix.group("symbol")
    if symbol:
        return units.symbol_currency(symbol), Decimal(1)
    return units.named_currency(prefix.group("code"))


def _suffix_currency(suffix: re.Match[str]) -> tuple[str, Decimal]:
    if suffix.group("symbol"):
        return units.symbol_currency(suffix.group("symbol")), Decimal(1)
    code, worth = units.named_currency(suffix.group("sub") or suffix.group("name"))
    return code, worth * units.scale_worth(suffix.group("scale"))


def _with_change(plain: str, reading: _Reading) -> _Reading:
    """ "3 dollars 50 cents", "五元三毛", "50元6角三分": the change joins the amount."""
    end, value = reading.end, reading.value
    if value != value.to_integral_value() or abs(value) >= _MAX_WITH_CHANGE:
        return reading
    for _ in range(2):  # 元 → 角 → 分
        tail = units.MONEY_TAIL_RE.match(plain, end)
        change = parse_number(tail.group("number")) if tail else None
        if tail is None or change is None or not (0 < change < 100) or change % 1:
            break
        if not tail.group("sub") and not _CLAUSE_END_RE.match(plain, tail.end()):
            break  # "50 dollar 50 dollar": a bare number after an amount is change only at the end
        value += change * units.subunit_worth(tail.group("sub"))
        end = tail.end()
    return replace(reading, end=end, value=value)


def _unit(plain: str, start: int, end: int, value: Decimal) -> _Reading | None:
    """Counts and quantities, after dates, durations and labels are ruled out."""
    number = plain[start:end]
    if units.TIME_UNIT_RE.match(plain, end):
        return None
    counted = units.ZH_COUNTER_RE.match(plain, end)
    if counted and (_has_digit(number) or counted.group("bare") or value >= 10):
        unit = counted.group("counter") or counted.group("bare")
        return _Reading(start, counted.end(), value, unit, "count")
    glued_m = re.fullmatch(r"(-?[\d.]+)m", number, re.IGNORECASE)
    if glued_m:  # "1.8m" counting nothing and costing nothing is metres, not millions
        return _Reading(start, end, Decimal(glued_m.group(1)), "m", "quantity")
    measure = units.MEASURE_RE.match(plain, end)
    if measure:
        return _Reading(start, measure.end(), value, measure.group("unit"), "quantity")
    return _bare(plain, start, end, value)


def _bare(plain: str, start: int, end: int, value: Decimal) -> _Reading | None:
    """A number with no unit: kept as a count unless it is a year, ID, label or word."""
    number, after = plain[start:end], plain[end : end + 1]
    digits = re.sub(r"\D", "", number)
    scaled = not number[-1:].isdigit()
    if not _has_digit(number):  # 五千万 counts; 一 or "one" alone does not
        return _Reading(start, end, value, None, "count") if value >= 1000 else None
    if after.isascii() and after.isalpha() and not scaled:
        return None  # 1st, 11a, L202
    plain_integer = not scaled and "," not in number and "." not in number
    if plain_integer and ((len(digits) == 4 and 1000 <= value <= 2100) or len(digits) >= 7):
        return None  # a year, a phone number or an ID
    if not scaled and "." in number and _CJK_RE.match(after):
        return None  # 2.0互联网
    if not scaled and _LABEL_RE.search(plain, max(0, start - 16), start):
        return None
    if _LIST_MARKER_RE.search(plain, max(0, start - 8), start) and re.match(r"[.、)）]", after):
        return None
    return _Reading(start, end, value, None, "count")


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _merge_ranges(plain: str, readings: list[_Reading]) -> list[_Reading]:
    """ "14%—20%" and "3-5亿元" become one figure whose value is the upper bound."""
    merged: list[_Reading] = []
    for reading in readings:
        last = merged[-1] if merged else None
        if (
            last is not None
            and reading.kind in ("percent", "money")
            and last.unit in (None, reading.unit)
            and _RANGE_RE.fullmatch(plain, last.end, reading.start)
        ):
            merged[-1] = replace(reading, start=last.start)
        else:
            merged.append(reading)
    return merged
