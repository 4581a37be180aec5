"""Where a number is not a figure: spans to skip, and words a numeral is part of.

Input: `numbers.to_halfwidth` text. Output: sorted, disjoint character spans
(`masked_spans`) that no figure may touch, and `in_set_phrase`, true when a
Chinese numeral belongs to a word rather than counting anything. Nothing here
raises; every pattern is anchored on a literal or a run start, so the cost is
linear in the text (issue 16: the old unanchored e-mail branch took 93 s on
100 KB of digits).

Not figures, and why (issue 12, read on 27 real pages):
- links, e-mail addresses, DOIs, dates, fractions (1/2 cup), clock times (14:30, 10时43分, 22点),
  phone numbers, IDs and addresses (0937-141993, +49 (0)40 890 85-433,
  FHC/ABJ/03/095/2018, 忠孝东路216巷) and coordinates (N24 39 16.4);
- citation markers ([10]), titles of works (《一九八四年》) and short quoted
  slogans (“两个确保”);
- generation labels (90后) and list markers in prose (一是…, 二是…);
- negations (无一人, 不二人选, 没有一人) and "one" as a determiner (最后一公里,
  每一个, 这一): no amount is stated;
- vague amounts (几十米, 数千公里, 十几个小时): no number is stated;
- numerals inside set phrases (一波三折, 九死一生, 唯一一家): the list in
  `summarizer/data/set-phrases-zh.txt` is generated from jieba's dictionary by
  `python -m bench.set_phrases`, never picked by hand.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from summarizer.text.caseless import Caseless, fold

__all__ = ["SpanSet", "in_set_phrase", "masked_spans"]

_ZH = "零〇一二两兩三四五六七八九十百千万萬亿億"
_FORMAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
# Where a mask can begin, checked first so the alternation below is only tried there:
# a digit or sign, a bracket or quote, a Chinese character some branch starts with, or
# a word whose letters run into "@" or "/" (e-mail, FHC/ABJ/03) or that opens a link or
# coordinates. On all 2,901 corpus texts the spans are identical and the scan took 2.9 s
# instead of 8.6 s (it was ~10 % of an English digest); trying only such words rather
# than every word: 0.83 → 0.57 s on 3,701 corpus texts and summaries, spans identical.
# Case-insensitive, so written in lower case and searched in a lower-cased copy of the
# text (`text.caseless`), and the word's letters taken possessively ("@" and "/" are not
# among them, so the same words qualify): 0.38 → 0.24 ms per English text of `bench speed`.
_MASK_START = (
    r"(?=[\d.+\[［《“\"「『路街巷弄不无無没沒毫并別别这這那每哪另同最其任唯某好几幾数數"
    rf"{_ZH}]|(?<![a-z0-9])(?:[a-z0-9._%+-]*+[@/]|[nsew]\s?\d|https?://|www\.)|^)"
)
_MASKS = Caseless(
    _MASK_START + r"(?:https?://\S+|www\.\S+"
    r"|(?<![a-z0-9._%+-])[a-z0-9._%+-]++@[a-z0-9.-]+\.[a-z]{2,}"  # e-mail
    r"|\b10\.\d{4,9}/\S+"  # DOI
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}"  # dates
    r"|(?<![\d/])\d{1,3}/\d{1,3}(?![\d/])"  # fractions, ratios, short dates: 1/2 cup, 10/31
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # clock times
    r"|\d{1,2}\s?[时時点點]\s?\d{1,2}\s?分"  # 10时43分
    rf"|(?<![\d.])(?:[01]?\d|2[0-4]|[{_ZH}]{{1,3}})\s?[点點时時](?!\s?[\d{_ZH}{_FORMAL}])"  # 22点
    r"|\+\d{1,3}(?:[ ()-]{0,2}\d){6,}|(?<![\d-])0\d{2,3}-\d{5,8}(?:-\d{1,6})?(?!\d)"  # phones
    r"|\+?\d{1,4}[- ]\d{3,4}[- ]\d{4}(?!\d)|(?<![\d-])\d+(?:-\d+){2,}"  # phones, IDs
    r"|(?<![a-z0-9/])(?:[a-z0-9]+/){2,}[a-z0-9]+"  # FHC/ABJ/03/095/2018
    r"|[路街巷弄]\s?\d+\s?[号號巷弄楼樓室]"  # addresses: 忠孝东路216巷
    r"|\b[nsew]\s?\d{1,3}(?:[\s°′'\"]+\d{1,3}(?:\.\d+)?){1,3}"  # GPS: N24 39 16.4
    r"|[\[［]\d{1,3}(?:[,，–-]\s?\d{1,3})*[\]］]"  # citation markers: [10], [3-5]
    r"|《[^》\n]{0,60}》"  # titles of works
    rf"|[“\"「『][{_ZH}双][^”\"」』\n]{{0,6}}[”\"」』]"  # quoted slogans
    rf"|(?<![\d{_ZH}])[\d{_ZH}]++\s?份之\s?[\d{_ZH}]+"  # 十份之一: a fraction written with 份
    r"|(?<![\d.])\d0后"  # 90后
    rf"|(?:^|(?<=[\n。；;：:，,]))[一二三四五六七八九十]+是"  # 一是…, 二是…
    r"|(?:不|无|無|没有?|沒有?|毫无|并无|別无|别无)[一二两兩]"  # negations
    r"|(?:这|這|那|每|哪|另|同|最后|最後|其中|任何|唯|某)一"  # "one" as a determiner
    rf"|(?:好几|幾|几|数|數)[{_ZH}]+|[十百千万萬亿億]+[几幾])",  # vague amounts
    re.MULTILINE,
)
_PHRASE_CHARS = frozenset(_ZH)
_MAX_PHRASE = 8  # longer dictionary words are names of things, not phrases in running text


class SpanSet:
    """Disjoint, sorted character spans with a logarithmic overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """True if [start, end) shares a character with any span."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start


def masked_spans(plain: str, skip: Sequence[tuple[int, int]] = ()) -> SpanSet:
    """Every span of `plain` where no figure may be, with the caller's `skip` spans added."""
    return SpanSet([*_MASKS.spans(plain, fold(plain)), *skip])


def in_set_phrase(plain: str, start: int, end: int) -> bool:
    """True if a set phrase runs across the Chinese numeral at plain[start:end].

    The phrase must hold the number's first character and reach beyond the
    number: 一波三折 hides 三, 唯一一家 hides 一一, but 万元 does not hide 5万.
    """
    if plain[start : start + 1] not in _PHRASE_CHARS or plain[start - 2 : start] == "分之":
        return False  # 三分之一, 百分之二: a fraction's numerator, not 之一 or 之二
    phrases = _set_phrases()
    for length in range(2, _MAX_PHRASE + 1):
        for first in range(max(0, start - length + 1), start + 1):
            last = first + length
            if (first < start or last > end) and plain[first:last] in phrases:
                return True
    return False


@lru_cache(maxsize=1)
def _set_phrases() -> frozenset[str]:
    text = resources.files("summarizer.data").joinpath("set-phrases-zh.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))
