"""Key figures: the numbers an article turns on, with their units, ranked.

Input: article text and its language. Output: `Figure`s in document order
(`find_figures`) or the few worth showing (`key_figures`). `Figure.text` and
`Figure.context` are always slices of the input, so a digest can never show a
number the article did not print. Unreadable numbers are skipped, never raised.

A figure is a number (`numbers.NUMBER_PATTERN`) plus what stands around it:
a currency symbol, code or name makes it money; %, per cent, 百分之, 个百分点,
成 or 折 make it a percentage; a measure makes a quantity; a counter or a
countable noun (or nothing) makes a count; days, hours, weeks and months
written in digits make a duration (72小时内). Years, dates, times, durations in
words or before 前/后/ago, ages, ordinals, list markers, phone numbers, codes,
IDs, URLs and version labels ("2.0互联网", "iPhone 15") are not figures; nor is
anything `masks` rules out (set phrases, negations, vague amounts, slogans), an aside (`asides`:
comparisons for scale, 100%舒适, 从2个方面, "911 calls", "4K") or in the
caller's `skip` spans (page furniture). Ranking lives in `key`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from itertools import islice
from math import prod

import rjieba

from summarizer.figures import units
from summarizer.figures.asides import is_aside
from summarizer.figures.key import DEFAULT_KEY_FIGURES, key_figures
from summarizer.figures.masks import in_set_phrase, masked_spans
from summarizer.figures.numbers import NUMBER_SCAN, parse_number, to_halfwidth
from summarizer.figures.readings import (
    Reading,
    clause_of,
    figure_of,
    merge_ranges,
    without_conversions,
)
from summarizer.models import Figure, Lang
from summarizer.text.caseless import fold

__all__ = ["DEFAULT_KEY_FIGURES", "find_figures", "key_figures", "with_contexts"]

# An article has tens of numbers, a long report a few hundred; a text with more is a
# table dump or an attack, and each costs up to ~0.5 ms (100 KB of "1 ": 50,000 numbers).
MAX_NUMBERS = 2000
_SIGN_RE = re.compile(r"(?:(?<![\w.%])-|负|負|minus\s)$", re.IGNORECASE)
# 第3名, 第236-239页, 图1, No. 5: a position or a label, not an amount.
_ORDINAL_RE = re.compile(r"(?:第|图|圖|No\.|#)\s?(?:\d+\s?[-—–~～至到、]\s?)?$", re.IGNORECASE)
# "aged 26", "the number eight", "page 12", "Episode 4": a label or an age.
_NAMED_RE = re.compile(
    r"\b(?:aged?|number|page|chapter|section|episode|season|grade|step|level|version|room)\s$",
    re.IGNORECASE,
)
_APPOSITION_RE = re.compile(r"[A-Z][\w'’-]*,\s?$")  # "Braun, 38,": an age after a name
_AGE_END_RE = re.compile(r"\s?[,)–—]")
_MAX_AGE = 120
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LONE_ONE = frozenset({"一", "壹"})  # 一 alone is "a", "one" as an article: 一家, 一块
_MULTIPLIERS = frozenset("十拾百佰千仟万萬亿億兆")
_LIST_MARKER_RE = re.compile(r"(?:^|\n)[ \t#*>]*$")
_LABEL_RE = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*\s?$")  # "iPhone 15", "Web 2.0"
_MONTH_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s?$", re.IGNORECASE
)
# The three above in one search: a match of it is a match of one of them (9 → 3 µs a number).
_LABEL_BEFORE_RE = re.compile(
    "|".join(f"(?:{r.pattern})" for r in (_ORDINAL_RE, _MONTH_RE, _NAMED_RE)), re.IGNORECASE
)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LOOK = 24
_PER = {
    c: Decimal(v)
    for c, v in {"百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "萬": 10**4}.items()
}
_MAX_WITH_CHANGE = 10**6
_AGES = 10**4  # years: from here a span of prehistory, never a calendar year
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;!?)。，；！？]|$)")


def find_figures(
    text: str, *, lang: Lang, skip: Sequence[tuple[int, int]] = (), contexts: bool = True
) -> list[Figure]:
    """Every figure in `text`, in document order, with verbatim text and clause.

    `skip` holds character spans of `text` that are page furniture (captions,
    credits, bylines, datelines, notes, promos): no figure is taken from them.
    Only the first `MAX_NUMBERS` numbers are read, so the work stays bounded.
    With `contexts=False` every `Figure.context` is empty, for a caller that shows
    only a few figures and gives them their clauses with `with_contexts`.
    """
    plain = _plain(text)
    masked = masked_spans(plain, skip)
    readings: list[Reading] = []
    for start, end in islice(NUMBER_SCAN.spans(plain, fold(plain)), MAX_NUMBERS):
        if masked.overlaps(start, end) or in_set_phrase(plain, start, end):
            continue
        floor = readings[-1].end if readings else 0
        reading = _read(plain, start, _unit_start(plain, start, end), floor)
        if reading is not None and reading.start >= floor:
            readings.append(reading)
    readings = [r for r in readings if not is_aside(plain, r.start, r.end, r.unit, r.kind)]
    kept = without_conversions(plain, merge_ranges(plain, readings))
    return [figure_of(text, plain, r, lang if contexts else None) for r in kept]


def with_contexts(text: str, figures: Sequence[Figure], lang: Lang) -> list[Figure]:
    """The figures of `text` with their clauses (see `readings.clause_of`).

    A Chinese article has ~25 figures and a digest shows at most six: finding
    every clause was 6 % of a Chinese digest (0.63 ms of 10.7, CLTS and news sites).
    """
    plain = _plain(text)
    clauses = (slice(*clause_of(plain, f.start, f.end, lang)) for f in figures)
    return [replace(f, context=text[clause]) for f, clause in zip(figures, clauses, strict=True)]


@lru_cache(maxsize=2)
def _plain(text: str) -> str:
    """`to_halfwidth(text)`, kept for the article whose figures and contexts are read."""
    return to_halfwidth(text)


def _unit_start(plain: str, start: int, end: int) -> int:
    """Where the number ends if its last multiplier begins a unit: 42.3亿|千瓦时, 5万|千米.

    The number pattern takes 千 greedily; the editor found "42.3亿千瓦" shown for
    42.3亿千瓦时 (the 瓦 of a 千-multiplied number). A unit that starts with the
    multiplier (千瓦时, 千米, 千克, 百米) is read whole instead.
    """
    last = end - 1
    if last > start and plain[last] in _MULTIPLIERS and _has_digit(plain[start:last]):
        measure = units.MEASURE_RE.match(plain, last)
        if measure and measure.group("unit")[:1] == plain[last]:
            return last
    return end


def _read(plain: str, start: int, end: int, floor: int) -> Reading | None:
    """What the number at plain[start:end] is, judging by its neighbours; None if no figure.

    `floor` is where the previous figure ended: a prefix before it is that figure's.
    """
    value = parse_number(plain[start:end])
    if value is None or (not value and not _has_digit(plain[start:end])):
        return None  # 零部件, 零报告: 零 in words is no amount
    # Searching plain within bounds (not a slice) lets lookbehinds see past the bound.
    left = max(floor, start - _LOOK)
    if _LABEL_BEFORE_RE.search(plain, left, start):
        return None
    sign = _SIGN_RE.search(plain, left, start)
    if sign and _is_sign(plain, sign, left):
        start, value = start - len(sign.group()), -value
    return (
        _percent(plain, start, end, value, floor)
        or _money(plain, start, end, value, floor)
        or _unit(plain, start, end, value)
    )


def _is_sign(plain: str, sign: re.Match[str], left: int) -> bool:
    """负 is a minus sign only as a word of its own, as the segmenter cuts it.

    减负180亿元 ("180亿元 of burdens cut") and 担负 end in 负 as words; read as a sign,
    the blind editor reading of this round found "负180亿元" among a digest's key
    figures. 为负3%, 同比负3.9%, 降至负5度 keep their sign.
    """
    if sign.group() not in ("负", "負") or not _HAN.match(plain, max(0, sign.start() - 1)):
        return True
    return rjieba.cut(plain[max(left, sign.start() - 4) : sign.end()])[-1] == sign.group()


def _percent(plain: str, start: int, end: int, value: Decimal, floor: int) -> Reading | None:
    prefix = units.PERCENT_PREFIX_RE.search(plain, max(floor, start - 16), start)
    if prefix:
        per = prod((_PER[c] for c in prefix.group("scale") or "百"), start=Decimal(1)) / 100
        return Reading(prefix.start(), end, value / per, "%", "percent")
    suffix = units.PERCENT_SUFFIX_RE.match(plain, end)
    if suffix is None:
        return None
    if suffix.group("times"):
        return Reading(start, suffix.end(), value, "倍", "quantity")
    if suffix.group("mille"):
        value /= 10
    elif suffix.group("tenth"):
        tail = parse_number(suffix.group("tenth")[1:].replace("半", "五")) or 0
        value = value * 10 + tail
    elif suffix.group("discount"):
        if not (0 < value < 10 or (10 < value < 100 and value == int(value))):
            return None  # 十折 is no discount
        value = value * 10 if value < 10 else value  # 八折 = 80%, 75折 = 75%
    return Reading(start, suffix.end(), value, "%", "percent")


def _pieces(plain: str, start: int, end: int, suffix: re.Match[str] | None) -> bool:
    """块 after a numeral in words, with a noun right after it: a count of pieces."""
    if suffix is None or suffix.group().strip() != "块" or _has_digit(plain[start:end]):
        return False
    return bool(_HAN.match(plain, suffix.end()))


def _money(plain: str, start: int, end: int, value: Decimal, floor: int) -> Reading | None:
    prefix = units.CURRENCY_PREFIX_RE.search(plain, max(floor, start - 12), start)
    suffix = units.CURRENCY_SUFFIX_RE.match(plain, end)
    before = _prefix_currency(prefix) if prefix else None
    after = _suffix_currency(suffix) if suffix else None
    if before and after and before[0] != after[0]:
        after = suffix = None  # "rmb 10 usd 20": that "usd" is 20's
    if _pieces(plain, start, end, suffix):
        after = suffix = None  # 两块牌子: 块 before a noun counts pieces; 花了三块 is money
    currency = after or before
    if currency is None or (after is None and _not_an_amount(plain, start, end)):
        return None  # "美元1年期", "人民币一篮子": the currency is not this number's
    reading = Reading(
        prefix.start() if prefix else start,
        suffix.end() if suffix else end,
        value * currency[1],
        currency[0],
        "money",
    )
    return _with_change(plain, reading) if currency[1] == 1 else reading


def _not_an_amount(plain: str, start: int, end: int) -> bool:
    return plain[start:end].strip() in _LONE_ONE or bool(units.TIME_UNIT_RE.match(plain, end))


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


def _with_change(plain: str, reading: Reading) -> Reading:
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


def _unit(plain: str, start: int, end: int, value: Decimal) -> Reading | None:
    """Counts and quantities, after dates, durations and labels are ruled out."""
    number = plain[start:end]
    if units.TIME_UNIT_RE.match(plain, end):
        return _duration(plain, start, end, value)
    counted = units.ZH_COUNTER_RE.match(plain, end)
    if counted and _counts(number, value, counted):
        unit = counted.group("counter") or counted.group("bare")
        stop = units.counted_end(plain, counted)
        if stop > end:
            return Reading(start, stop, value, unit, "count")
    glued_m = re.fullmatch(r"(-?[\d.]+)m", number, re.IGNORECASE)
    if glued_m:  # "1.8m" counting nothing and costing nothing is metres, not millions
        return Reading(start, end, Decimal(glued_m.group(1)), "m", "quantity")
    measure = units.MEASURE_RE.match(plain, end)
    if measure:
        value += Decimal("0.5") if measure.group("half") else 0
        return Reading(start, measure.end(), value, measure.group("unit"), "quantity")
    plural = units.EN_PLURAL_RE.match(plain, end)
    if plural and (_has_digit(number) or value >= 2):
        return Reading(start, plural.end(), value, plural.group("unit"), "count")
    return _bare(plain, start, end, value)


def _duration(plain: str, start: int, end: int, value: Decimal) -> Reading | None:
    """72小时内, 7天健康监测, "75 days before": a span of days, hours, weeks or months.

    Years are left out (57年的整风运动, 工作8年来 read as dates or careers far
    more often than as the story's figure) unless they number ten thousand or
    more (400万年前, 距今约3万年: no calendar has such a year); so are points in
    time (3天前, "two months ago") and spans in words. On the development labels, counting
    these durations raised key figures on half A 55.5 → 57.0 % (false 0 → 2.9 %:
    a tour's 6天5夜, now an aside) and on half B 53.0 → 56.1 % (false 12.5 → 9.4 %).
    """
    ages = units.YEARS_RE.match(plain, end)
    if ages and value >= _AGES and _has_digit(plain[start:end]):
        unit = ages.group().strip().lower()
        return Reading(start, ages.end(), value, unit, "quantity")  # 400万年前: no calendar year
    span = units.DURATION_RE.match(plain, end)
    if span is None or not _has_digit(plain[start:end]) or units.AGO_RE.match(plain, span.end()):
        return None
    if units.WINDOW_RE.search(plain, max(0, start - 10), start):
        return None  # "in the past 12 months", 过去30天: the period a statistic covers
    return Reading(start, span.end(), value, span.group("unit"), "quantity")


def _counts(number: str, value: Decimal, counted: re.Match[str]) -> bool:
    """A counter or noun after the number makes it a count, unless the number is a word.

    Digits always count ("3人"); numerals in words count with a counter ("三名")
    or 人 ("三人"), or from ten up: "二学生" (大二学生) is a year of study, and
    一 alone is an article ("一家", "一块"), not a count.
    """
    if _has_digit(number) or value >= 10:
        return True
    if number.strip() in _LONE_ONE:
        return False
    return counted.group("counter") is not None or counted.group("bare") in ("人", "people")


def _bare(plain: str, start: int, end: int, value: Decimal) -> Reading | None:
    """A number with no unit: kept as a count unless it is a year, code, label, age or word."""
    number, after = plain[start:end], plain[end : end + 1]
    digits = re.sub(r"\D", "", number)
    scaled = not number[-1:].isdigit()
    if not _has_digit(number):  # 五千万 counts; 一, 万 or "one" alone does not
        if value < 1000 or _MULTIPLIERS.issuperset(number.strip()):
            return None
        return Reading(start, end, value, None, "count")
    if (after.isascii() and after.isalpha() and not scaled) or number[-1:] in "bB":
        return None  # 1st, 11a, L202; "2B" with no currency is a label, not billions
    if scaled and after.isascii() and after.isalnum():
        return None  # "NBA 2K20", "4K60": a name or model, not 2,000
    plain_integer = not scaled and "," not in number and "." not in number
    if plain_integer and ((len(digits) == 4 and 1000 <= value <= 2100) or len(digits) >= 5):
        return None  # a year; a phone number, SMS code or ID (prose groups large numbers)
    if len(digits) > 1 and digits[0] == "0" and "." not in number:
        return None  # 007, 0937, "00": a code or a broken line, never an amount
    if _is_age(plain, start, end, value):
        return None
    if not scaled and "." in number and _CJK_RE.match(after):
        return None  # 2.0互联网
    if not scaled and _LABEL_RE.search(plain, max(0, start - 16), start):
        return None
    if _LIST_MARKER_RE.search(plain, max(0, start - 8), start) and re.match(r"[.、)）]", after):
        return None
    return Reading(start, end, value, None, "count")


def _is_age(plain: str, start: int, end: int, value: Decimal) -> bool:
    """ "Taylor Swift, 29, said", "Braun, 38 – who": a number set off after a name."""
    return (
        value < _MAX_AGE
        and _APPOSITION_RE.search(plain, max(0, start - 24), start) is not None
        and _AGE_END_RE.match(plain, end) is not None
    )


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)
