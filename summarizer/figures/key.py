"""Key figures: the few numbers worth showing, ranked by their place in the story.

Input: the article's figures (`find.find_figures`, document order) and,
optionally, the spans of the sentences the digest shows (TL;DR and key
points). Output: at most `limit` figures, best first, a repeated value once.
Pure and linear: twins are found through a dictionary, not a pairwise search
(issue 16: 50,000 figures took over two minutes).

Issue 12 found that ranking by kind alone ("money first") put a ¥2 price in
passing above a market size. A figure now scores by where it stands and how
the article treats it — see `_score` for the weights and why.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from summarizer.figures import units
from summarizer.models import Figure

__all__ = ["DEFAULT_KEY_FIGURES", "MAX_KEY_FIGURES", "key_figures", "shown_count"]

DEFAULT_KEY_FIGURES = 7
MAX_KEY_FIGURES = 10
# An article with more candidate figures than this is long: early ones count
# more, and it gets one more slot per `_PER_EXTRA_SLOT` candidates (`shown_count`).
_LONG = 12
_PER_EXTRA_SLOT = 5
_POSITION = 2.0  # up to +2 for the first figure, falling to 0 at the last
_KIND_WEIGHT = {"money": 2.0, "percent": 2.0, "quantity": 2.0, "count": 1.0, "bare": 0.0}
_IN_KEY, _REPEATED, _IN_LEAD, _PEOPLE, _ASIDE = 2.0, 1.0, 0.5, 0.5, 1.0
_MILLION_POWER, _SIZE_STEP, _SIZE_CAP = 6, 0.5, 1.5
_MILLION = 10**_MILLION_POWER
_SMALL_MONEY = 100  # in its own currency: a price, not a story
_LEAD_SHARE = 0.25
_BARE_FLOOR = 1000
_WORDS_CEILING = 10
_RANGE_MARK = re.compile(r"[-—–~～至到]")
_GENERIC = frozenset({"个", "個", None})  # 两个 alone names nothing counted
_ROUND_FLOOR, _ROUND_CEILING = 100, 10**6  # the first quarter of an article's figures is its lede


def key_figures(
    figures: Sequence[Figure],
    *,
    limit: int | None = None,
    key_spans: Sequence[tuple[int, int]] = (),
    title: str | None = None,
) -> list[Figure]:
    """The `limit` figures most worth showing, best first (by default `shown_count`).

    `key_spans` are the character spans (in the text the figures came from)
    of the digest's TL;DR and key points: a figure there is one the story
    turns on. A value repeated (same unit, or one side without a unit)
    appears once, with its unit, where the digest shows it if it does, and
    counts as repeated. Bare numbers under 1,000 and amounts in words up to
    ten (三五个, 二斤, 十个, "two tablespoons") are no key figures. A figure the
    `title` prints (食品价格下降2.7% in a CPI story) is the headline's and
    scores as one in the digest's sentences.
    """
    spans = sorted(key_spans)
    in_key = {
        id(f)
        for f in figures
        if any(s <= f.start and f.end <= e for s, e in spans) or (title and f.text in title)
    }
    repeats = Counter(f.value for f in figures)
    lead = {id(f) for f in figures[: max(1, round(len(figures) * _LEAD_SHARE))]}
    long = len(figures) > _LONG
    place = {id(f): (1 - i / len(figures)) * long for i, f in enumerate(figures)}
    eligible = [f for f in figures if _eligible(f, id(f) in in_key)]
    kept = _without_twins(eligible, in_key)

    def order(item: tuple[int, Figure]) -> tuple[float, int]:
        index, figure = item
        key, repeated = id(figure) in in_key, repeats[figure.value] > 1
        score = _score(figure, key, repeated, id(figure) in lead)
        return (-(score + _POSITION * place[id(figure)]), index)

    shown = shown_count(len(kept)) if limit is None else limit
    return [f for _, f in sorted(enumerate(kept), key=order)[:shown]]


def shown_count(candidates: int) -> int:
    """How many key figures to show: 6, and one more per 5 candidates beyond 12, at most 10.

    A long report (a CPI release, a policy review, a phone launch) states
    twenty to a hundred figures and its readers want more than six of them;
    a short story keeps six. Chosen on half A of the development labels (key
    figures 54.7 → 56.2 %, false figures 0 → 0 %), checked on half B (51.5 →
    53.0 %, false 12.5 → 12.5 %); a flat 7 or 8 raised false figures on half B.
    """
    extra = max(0, candidates - _LONG) // _PER_EXTRA_SLOT
    return min(MAX_KEY_FIGURES, DEFAULT_KEY_FIGURES + extra)


def _eligible(figure: Figure, in_key: bool) -> bool:
    """Bare numbers under 1,000, amounts in words up to ten and round numbers in words are out.

    An amount up to ten written in words (三位大叔, 二斤茄子, 十个须知, "two
    tablespoons", "six-inch subs") is how prose mentions a thing in passing
    (news writes statistics in digits: GB/T 15835, AP style from 10 up); the
    editor's reading found 二斤 and 十个 shown as figures. Only where the TL;DR
    or a point says it, and it names what it counts (三人受伤, 三条人命, 连续加息
    十次, not 两个), is it the story's: half A key figures unchanged (60.9 %, false
    0 %), half B 58.3 → 59.1 % (false 12.5 → 9.4 %).
    """
    if figure.unit is None and abs(figure.value) < _BARE_FLOOR:
        return False
    if abs(figure.value) <= _WORDS_CEILING and not _has_digit(figure.text):
        return in_key and figure.unit not in _GENERIC and not _rhetorical(figure)
    return not _rhetorical(figure)


def _without_twins(figures: list[Figure], in_key: set[int]) -> list[Figure]:
    """One figure per value: the first, or a later twin with a unit or in the digest's sentences."""
    kept: list[Figure] = []
    by_unit: dict[tuple[Decimal, str | None], int] = {}
    by_value: dict[Decimal, int] = {}
    for figure in figures:
        unit = _twin_unit(figure)
        if unit is None:
            twin = by_value.get(figure.value)
        else:
            twin = by_unit.get((figure.value, unit), by_unit.get((figure.value, None)))
        if twin is None:
            by_value.setdefault(figure.value, len(kept))
            by_unit.setdefault((figure.value, unit), len(kept))
            kept.append(figure)
        elif kept[twin].unit is None and unit is not None:
            kept[twin] = figure
            by_unit[(figure.value, unit)] = twin
            by_unit.pop((figure.value, None), None)  # now a 500家 is no twin of this 500人
        elif id(figure) in in_key and id(kept[twin]) not in in_key:
            kept[twin] = figure  # the occurrence the digest shows, with its clause
    return kept


def _twin_unit(figure: Figure) -> str | None:
    """14亿人 and 14亿人口, 300 people and 300 users: one count of people.

    A range is no twin of its upper bound: 16～20℃ and 20℃ are two figures
    (a range is valued at its upper bound, so by value alone they were one).
    """
    unit = "people" if figure.unit in units.PEOPLE_UNITS else figure.unit
    return f"{unit} range" if _RANGE_MARK.search(figure.text, 1) else unit


def _score(figure: Figure, in_key: bool, repeated: bool, in_lead: bool) -> float:
    """How much a figure matters: its place in the story first, then its kind and size.

    In the TL;DR or a key point +2, repeated +1, in the lede +0.5: the
    sentences an editor would keep carry the figures a reader needs. (In a
    long article, more than 12 figures, the caller adds up to +2 for an early
    place: reports state their headline figures first. Chosen on half A, key
    figures 50.8 → 54.7 % with 6 shown, checked on half B, 50.8 → 51.5 %,
    false figures unchanged on both; short texts keep the other weights' order.) Kind:
    money 2, percentages and measured quantities 1.5, counts 1, a bare number
    0, people +0.5. Size: +0.5 per power of ten beyond a million (at most
    +1.5), so a market size outranks a price; a small amount (money under 100
    of its currency, a count under 10) reads as an aside: -1. Weights set by
    reading, then checked on both halves of the development labels (the
    size bonus: half A key figures 56 → 61 %, half B 58 → 58 %).
    """
    kind = "bare" if figure.unit is None else figure.kind
    score = _KIND_WEIGHT[kind] + _IN_KEY * in_key + _REPEATED * repeated + _IN_LEAD * in_lead
    if figure.unit in units.PEOPLE_UNITS:
        score += _PEOPLE
    if figure.kind != "percent" and abs(figure.value) > _MILLION:
        score += min(_SIZE_CAP, _SIZE_STEP * (math.log10(abs(figure.value)) - _MILLION_POWER))
    if _small(figure):
        score -= _ASIDE
    return score


def _small(figure: Figure) -> bool:
    if figure.kind == "money":
        return abs(figure.value) < _SMALL_MONEY
    return figure.kind == "count" and abs(figure.value) < 10


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _rhetorical(figure: Figure) -> bool:
    """一万个店, 一千个读者, "a thousand reasons": a round hundred-to-million in words.

    News gives statistics in digits (GB/T 15835; AP style from 10 up); a round
    number spelled out is a manner of speaking. Smaller ones (三名, "two") are
    how counts are written, larger ones (三千万人, "two million") are statements.
    """
    value = abs(figure.value)
    if _has_digit(figure.text) or not _ROUND_FLOOR <= value < _ROUND_CEILING:
        return False
    return len(str(value).rstrip("0").rstrip(".")) <= 1
