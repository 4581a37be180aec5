"""Numbers that parse as figures but state no amount of anything the story is about.

Input: `numbers.to_halfwidth` text and one reading (its span, unit and kind,
as `find` made it). Output: true when the reading is an aside. Each rule looks
at a few characters either side of the number, so the cost stays linear.

- a comparison for scale: 相当于13个标准篮球场, "the size of 13 football
  fields" — the figure is the area before it, not the courts;
- 100 % as an intensifier glued to what it praises: 100%舒适, 百分百满意 —
  no share of anything is measured;
- the text's own outline: 从2个方面, 三个层面 — how the writer counts
  points, not a fact of the world;
- a service number named with the calls it gets: "911 calls", "311 line";
- a resolution or size label: "4K", "8K" (no currency, nothing counted);
- a tour's length, named by its days and nights: 6天5夜, 3天2晚;
- people already named, counted again in words: 夫妇二人, 他们三个, 兄弟三人;
- a distance marked on the ground: 遵守1米线 (the queue line), no length measured;
- a deadline ahead: "re-evaluate him within the next 24 hours" — when
  something will happen, not an amount of the story;
- a counter that is the first half of a common word: 两部分 (部分 "part",
  not two of something counted by 部), 三条件下 — jieba reads the counter and the
  next character as one word used 2,000+ times in its dictionary (部分 27,619,
  条件 17,290; 本书 1,225 and 部手机 stay counts);
- a year after a preposition: "the government in 2011 aims to…" — the year,
  not 2,011 aims;
- a session's number in a congress's name: 五届二次会议, 十三届全国人大二次会议
  (the second session of the fifth term; 召开3次会议 stays a count).

两部 and "2011 aims" were found by an editor's blind reading of 24 digests of
pages nobody tuned on, 二次 (of 五届二次会议) by the next blind reading of 12.

Found by the editor's reading of 46 digests and the development labels
(`not_figures`: 13个标准篮球场, 100%舒适, 2个方面); each rule is a pattern
of the language, never a page's words.
"""

from __future__ import annotations

import re

import rjieba

from summarizer.text.tokens import frequencies

__all__ = ["is_aside"]

_COMPARISON_RE = re.compile(
    r"(?:相当于|相当|等于|约等于|约合|差不多|犹如|好比|the size of|equivalent to|as big as)"
    r"\s?(?:约|近|大约|about|around|nearly)?\s?$",
    re.IGNORECASE,
)
# 100% directly before a Chinese word other than the ones that carry a share on.
_INTENSIFIER_RE = re.compile(r"(?![的之以左上及和与])[\u4e00-\u9fff]")
_OUTLINE_RE = re.compile(r"\s?(?:方面|层面|層面)")
_SERVICE_NUMBER_RE = re.compile(r"^[2-9]11$")
_SERVICE_WORDS_RE = re.compile(
    r"\s(?:calls?|callers?|dispatch\w*|operators?|lines?|centers?|centres?|services?|system)\b",
    re.IGNORECASE,
)
_RESOLUTION_RE = re.compile(r"^\d{1,2}\s?[kK]$")
_ITINERARY_RE = re.compile(r"\d{1,2}\s?[夜晚]")
_APPOSITION_RE = re.compile(r"(?:们|夫妇|夫妻|兄弟|姐妹|母女|母子|父子|父女|师徒)\s?$")
_APPOSED = re.compile(r"[一二两兩三四五六七八九十]+$")
_LINE_RE = re.compile(r"线")
_AHEAD_RE = re.compile(
    r"\b(?:within|in|over|during) the (?:next|coming|following)\s$", re.IGNORECASE
)
_LOOK = 16
COMMON_WORD_USES = 2000
"""Dictionary uses above which counter + next character is a word, not a count (部分)."""
_YEAR_AFTER_RE = re.compile(
    r"\b(?:in|since|by|until|till|from|during|before|after|of|through|early|late|mid-?)\s$",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d\s[a-z]")
_TERM_RE = re.compile(r"届")
_SESSION_RE = re.compile(r"(?:全体)?(?:会议|全会|大会)")


def is_aside(plain: str, start: int, end: int, unit: str | None, kind: str) -> bool:
    """True when plain[start:end], read as `unit`/`kind`, is no figure of the story."""
    text = plain[start:end]
    if kind == "count" and _COMPARISON_RE.search(plain, max(0, start - _LOOK), start):
        return True
    if kind == "percent" and text.replace(" ", "") == "100%" and _INTENSIFIER_RE.match(plain, end):
        return True
    if kind == "count" and _OUTLINE_RE.match(plain, end):
        return True
    number = text.split()[0] if text.split() else text
    if _SERVICE_NUMBER_RE.match(number) and _SERVICE_WORDS_RE.match(plain, start + len(number)):
        return True
    if _APPOSED.match(text.rstrip(unit or "")) and _APPOSITION_RE.search(
        plain, max(0, start - 4), start
    ):
        return True
    if unit == "天" and _ITINERARY_RE.match(plain, end):
        return True
    if unit == "米" and _LINE_RE.match(plain, end):
        return True
    if _AHEAD_RE.search(plain, max(0, start - 2 * _LOOK), start):
        return True
    if _year_counted(plain, start, text, kind):
        return True
    if (
        unit == "次"
        and _SESSION_RE.match(plain, end)
        and _TERM_RE.search(plain, max(0, start - _LOOK), start)
    ):
        return True
    if kind == "count" and unit is not None and _counter_begins_a_word(plain, end, unit):
        return True
    return unit is None and _RESOLUTION_RE.match(text) is not None


def _year_counted(plain: str, start: int, text: str, kind: str) -> bool:
    """ "in 2011 aims": a year read as a count of the word after it."""
    if kind != "count" or not _YEAR_RE.match(text):
        return False
    return _YEAR_AFTER_RE.search(plain, max(0, start - _LOOK), start) is not None


def _counter_begins_a_word(plain: str, end: int, unit: str) -> bool:
    """两部分: the counter 部 and the next character are one common word (部分)."""
    if len(unit) != 1 or not plain.endswith(unit, 0, end):
        return False
    first = rjieba.cut(plain[end - 1 : end + 3])[0]
    if len(first) != 2:
        return False
    return frequencies().counts([first]).get(first, 0) >= COMMON_WORD_USES
