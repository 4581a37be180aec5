"""Where a quotation's attribution is, and the words that name its speaker.

Input: the article text and a quotation's span (and the sentence before it).
Output: whether an attribution verb (说、表示、称、指出…; said, told, added…)
touches the quotation, and the subject it names — still to be validated as a
name by `summarizer.ranking.speakers`.

An attribution and its quote share a sentence and a paragraph, and the nearer
one wins: "X说：“…”" or "“…,” X said" first, then "X said in the release that …
“…”" further back in the same sentence. A quotation that opens its own sentence
right after a sentence of reported speech ("陈得芝先生指出，…。“…。”", "Smith
said the plan would fail. “…”") goes on with that speaker's words; when the
quotation closes its own sentence, that speaker outranks an attribution after
it, which then opens a new statement ("“…。”国内专家认为，从已有的材料看，…": the
labels of digest-judgments give the quote to 陈得芝, not to 国内专家). A source
cited right after the quotation ("“…”冯亦代：《怀念与反思》", "“…” — Jane Doe,
Memoirs") names who wrote the words, and comes first: it is the writer's own
note of whose they are (there the labels give 冯亦代 where "他们认为，“…”" before
the quote names no one).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.models import Lang

__all__ = ["ZH_REPORTED", "ZH_VERB", "Attribution", "attribution", "may_end_in_attribution"]


class Attribution(NamedTuple):
    """The words naming a quotation's speaker (None: a verb, but no subject in reach);
    `continued` when they come from the sentence of reported speech before it."""

    subject: str | None
    continued: bool = False


_ZH_VERBS = (
    "说道|说|表示|称|指出|强调|认为|坦言|透露|介绍|直言|回应|提到|写道|解释|补充|告诉|宣布"
    "|承认|提出|回答|问道|笑称|感叹|感慨|呼吁|声称|表态|坦承|分析"
    "|說道|說|稱|強調|認為|介紹|回應|寫道|解釋|補充|告訴|宣佈|承認"  # Traditional
)
# 说法 (a view), 说明 (explain), 称为 (is called)… are not attributions.
ZH_VERB = rf"(?:{_ZH_VERBS})(?![法服明书起为作])"
_EN_VERBS = (
    "said|says|told|added|explained|noted|warned|claimed|insisted|admitted|wrote|commented"
    "|stated|argued|recalled|continued|tweeted"
)
_ZH_SUBJECT = r"[\u4e00-\u9fffA-Za-z0-9·・•\-－、《》 ]{1,40}?"
_ZH_BEFORE = re.compile(rf"({_ZH_SUBJECT}){ZH_VERB}(?:了|道|到|说)?[：:，,]?\s*$")
# After the closing mark only a comma may come before the attribution: "”。\n\nX表示，…"
# starts X's own sentence (the editor's reading: a 交易员 given someone else's quote).
_ZH_AFTER = re.compile(rf"^[，,]?[ \t]*({_ZH_SUBJECT}){ZH_VERB}")
ZH_REPORTED = re.compile(rf"^({_ZH_SUBJECT}){ZH_VERB}(?:了|道|说)?[，,：:]\s*")
# A name: up to four capitalised words or initials; never runs over a full stop.
# A title's abbreviation ends in a full stop inside a name ("Dr. Sherine Abed").
_EN_TITLE_ABBREVIATION = r"(?:Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Rev)\."
_EN_NAME_WORD = rf"(?:[A-Z]\.|{_EN_TITLE_ABBREVIATION}|[A-Z][\w'’-]*)"
_EN_NAME = rf"(?:{_EN_NAME_WORD}\s){{0,3}}[A-Z][\w'’-]*(?:,? [JS]r\.)?"
# After "said" the name may follow a long title ("White House Press Secretary Stephanie Grisham").
_EN_TITLED_NAME = rf"(?:{_EN_NAME_WORD}\s){{0,5}}[A-Z][\w'’-]*(?:,? [JS]r\.)?"
# The subject keeps up to three words before the name, so the name can be told
# from an object ("published in the journal JAMA Psychiatry argued").
_EN_LEAD = r"(?:[\w.,'’-]+\s){0,3}"
# An attribution and its quote share a sentence and a paragraph: "…, he said.\n\n“…”"
# is someone else's quote (the editor's reading: "Sierra Nevada", Zoghlin for Kennedy).
_EN_BEFORE_TEMPLATE = (
    rf"(?:({_EN_LEAD}(?:{_EN_NAME}|[Hh]e|[Ss]he|[Tt]hey))\s(?:{_EN_VERBS})"
    rf"|[Aa]ccording to ({_EN_NAME}))"
    r"[^\"“”.!?\n]{0,%d}[,:]?[ \t]*$"
)
_EN_BEFORE = re.compile(_EN_BEFORE_TEMPLATE % 40)
_EN_VERB_AT = re.compile(rf"\s(?:{_EN_VERBS})")
_EN_BARRIERS = '"“”.!?\n'  # what may not follow the verb of `_EN_BEFORE_TEMPLATE`
_ZH_VERB_END = re.compile(rf"{ZH_VERB}(?:了|道|到|说)?[：:，,]?$")
_ZH_VERB_REACH = 8  # the longest verb (3) and what may follow it (2), with room to spare
# "X said in the release this case shows that … “…”": the same sentence, further back;
# tried after the attribution that follows the quote, the nearer one.
_EN_BEFORE_FAR = re.compile(_EN_BEFORE_TEMPLATE % 100)
_EN_AFTER = re.compile(
    rf"^,?[ \t]*(?:(?:{_EN_VERBS})\s({_EN_TITLED_NAME})"
    rf"|({_EN_NAME}),\s[^\"“”]{{2,80}}?,\s(?:{_EN_VERBS})\b"
    rf"|((?:[\w.'’-]+\s){{0,4}}?(?:{_EN_NAME}|he|she|they))\s(?:{_EN_VERBS})\b)"
)
# The source cited after a quotation names who wrote it: "“…”冯亦代：《怀念与反思》，第104页",
# "“…” — Jane Doe, Memoirs".
_ZH_CITED = re.compile(r"^[ \t]*([\u4e00-\u9fff·・]{2,12})[：:][ \t]*《")
_EN_CITED = re.compile(rf"^[ \t]*[—―][ \t]*({_EN_NAME})(?:,|[ \t]*$)", re.MULTILINE)
_ZH_CLOSED = ("。", "！", "？", "…")
_EN_CLOSED = (".", "!", "?")
_EN_REPORTED = re.compile(
    rf"^({_EN_LEAD}(?:{_EN_NAME}|[Hh]e|[Ss]he))\s(?:{_EN_VERBS})\b[^\"“”]*[.!?]$"
)


def attribution(
    text: str, start: int, end: int, lang: Lang, *, previous: str | None = None
) -> Attribution | None:
    """The attribution of the quotation `text[start:end]`, or None when no
    attribution touches it; `previous` is the sentence before a quotation that
    opens its own sentence in the same paragraph (None otherwise)."""
    before, after = text[max(0, start - 140) : start], text[end : end + 90]
    cited = (_ZH_CITED if lang == "zh" else _EN_CITED).match(after)
    if cited:
        return Attribution(cited.group(1))
    near = may_end_in_attribution(before, lang)
    tight = _ZH_BEFORE if lang == "zh" else _EN_BEFORE
    found = tight.search(before) if near else None
    going_on = _reported_subject(previous, lang) if previous else None
    closed = text[start + 1 : end - 1].rstrip().endswith(_ZH_CLOSED if lang == "zh" else _EN_CLOSED)
    if found is None and going_on and closed:
        return Attribution(going_on, continued=True)
    found = found or (_ZH_AFTER if lang == "zh" else _EN_AFTER).search(after)
    if found is None and going_on:
        return Attribution(going_on, continued=True)
    if found is None and lang == "en" and near:
        found = _EN_BEFORE_FAR.search(before)
    if not found:
        return None
    return Attribution(next((g for g in found.groups() if g), None))


def _reported_subject(sentence: str, lang: Lang) -> str | None:
    """The speaker a sentence of reported speech opens with ("X表示，…", "X said …")."""
    pattern = ZH_REPORTED if lang == "zh" else _EN_REPORTED
    found = pattern.match(sentence.strip())
    return found.group(1) if found else None


def may_end_in_attribution(before: str, lang: Lang) -> bool:
    """False when no attribution can end `before`, so the costly searches are skipped.

    `_ZH_BEFORE` ends in a verb, an optional 了/道/到/说 and colon or comma, then space;
    the English patterns' verb is followed only by characters other than quotes, .!?
    and line breaks (or it is "according to"). Searching the unanchored patterns over
    140 characters before every quotation was ~10 % of an English digest; this test
    only rules out what they cannot match, so the attributions found are the same.
    """
    if lang == "zh":
        core = before.rstrip()
        return _ZH_VERB_END.search(core, max(0, len(core) - _ZH_VERB_REACH)) is not None
    if "ccording to" in before:
        return True
    body = before.removesuffix("\n")  # `$` also matches before a final line break
    barrier = max(body.rfind(mark) for mark in _EN_BARRIERS)
    return _EN_VERB_AT.search(before, max(0, barrier)) is not None
