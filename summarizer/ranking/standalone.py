"""Can a sentence stand alone as a digest's TL;DR (or a key point)?

Input: a sentence and its language. Output: whether it needs the text around
it, or is no statement of the article's point. The editor's reading of 46
digests on pages outside the labels (classes 1, 4 and 7) found TL;DRs and
points that a reader cannot use on their own:

- an opener that depends on earlier text: a connective or a pronoun
  ("可这几天…", "但是，…", "which were released…", "After that, …", "这…");
- a question (the reporter's question in an interview: "记者：…？");
- a lead-in quote: a sentence opening inside quotation marks ("“宝贝，我们在…”");
- a hook addressed to the reader ("Admit it: …", "你知道吗…");
- a sign-off or transition ("一起期待吧！", "以下给大家介绍一些…").

An additive or contrastive opener ("此外，…", "但是，…", "However, Apple…") is no
reason to refuse a sentence: `peel` shows it from after the opener, a verbatim
suffix, and it is judged as that.

These describe articles in general, not any page: a news report states its
point in a declarative sentence that names its subject.
"""

from __future__ import annotations

import re

from summarizer.models import Lang

__all__ = ["can_be_a_point", "needs_context", "opens_with_quote", "peel", "states_a_point"]

# Words that join a sentence to the one before it: its thought is half elsewhere.
_CONNECTIVE: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(
        r"^(?:可(?!能|以|是)|可是|但|而(?!今)|然而|不过|因此|所以|于是|此外|另外|同时|其中|其实|比如|例如"
        r"|对此|为此|随后|之后|然后|接着|并且|并|且|还|也(?!许)|再(?!次)|又|与此同时|除此之外|总之|总的来说)"
    ),
    "en": re.compile(
        r"^(?:which|who|whose|whom|where|but|and|or|so|yet|also|however|therefore|thus|meanwhile"
        r"|instead|still|then|after that|afterwards|moreover|furthermore|besides)\b",
        re.IGNORECASE,
    ),
}
# What a point may not open with. English points keep "But…"/"However…": under a
# report's TL;DR its next sentences are its lead, and on CNN/DailyMail refusing them
# lost ROUGE-1 to Lead-3 (`python -m bench quality --limit 60`); a lower-case start
# or a relative pronoun is a piece of another sentence ("which were released…").
_POINT_OPENER: dict[Lang, re.Pattern[str]] = {
    "zh": _CONNECTIVE["zh"],
    "en": re.compile(r"^(?:[a-z]|[Ww]hich\b|[Ww]hose\b|[Ww]hom\b)"),
}
# Pronouns and demonstratives: who or what they mean is in the text before.
_PRONOUN: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(r"^(?:对于?|据|在|从|与|和|让|给|被|把|为)?(?:这|那(?!曲)|此|其|它|他|她)"),
    "en": re.compile(
        r"^(?:that|these|those|it|its|they|their|them|he|his|him|she|her|such"
        r"|this(?! (?:year|week|month|morning|afternoon|evening|weekend|season|spring|summer"
        r"|fall|autumn|winter)))\b",
        re.IGNORECASE,
    ),
}
# Additive and contrastive openers: they join the sentence to the one before without
# making it depend on a referent ("此外，Galaxy S20 全系…", "However, Apple said…"), so
# the sentence after them stands alone. Referential and consequential openers (其中,
# 对此, 因此, 随后, This…) stay: what they mean is in the text before. A Chinese
# connective is peeled with its comma (但 and 但是/然而 without one too: 但凡/但愿 are
# other words); an English one only where a capital (a name, a new clause) follows.
_PEELABLE: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(
        r"^(?:(?:此外|另外|同时|与此同时|除此之外|而且|并且|不过|可是|但是|然而|但)[，,]"
        r"|(?:但是|然而|但(?![凡愿是]))(?=[^，,]))\s*"
    ),
    "en": re.compile(
        r"^(?i:also|in addition|additionally|moreover|furthermore|besides|however|but|yet"
        r"|meanwhile|at the same time|on the other hand|nevertheless|nonetheless)\b,?\s+"
        r"(?=[A-Z0-9“\"‘])"
    ),
}
_QUESTION = re.compile(r"[？?][”’」』）)\"']*\s*$")
# A lead-in quote: the sentence opens with a quoted remark ("“宝贝，我们在打一场无声的
# 战役…”"); a quoted term at the start ("“提把劲”会比…", on LCSTS) is a statement.
_OPENS_QUOTED = re.compile(r"^\s*[“「『\"‘]")
_CLOSERS = '”」』"’'
QUOTED_TERM = 12  # characters: a quotation up to this long is a term, not a remark
_READER: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(r"^(?:你|您|大家|各位|亲爱的|小伙伴)"),
    "en": re.compile(
        r"^(?:admit it|imagine|picture this|let['’]s|you|your|have you|did you|do you"
        r"|if you|ever wonder)\b",
        re.IGNORECASE,
    ),
}
_SIGN_OFF: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(r"(?:期待吧|敬请期待|拭目以待|一起来看看|以下[^，。]{0,12}介绍|让我们一起)"),
    "en": re.compile(r"^(?:stay tuned|read on|here's how|here’s how|here are)\b", re.I),
}


def peel(sentence: str, lang: Lang) -> str:
    """The sentence from after an additive or contrastive opener: a verbatim suffix.

    "此外，Galaxy S20 全系…" shows as "Galaxy S20 全系…": the opener tells how it
    follows the sentence before, not what it is about. Any other sentence is returned
    as it is. On the digest labels (`python -m bench digest`) key sentences refused
    for such an opener were 15 of the misses; peeled, the TL;DR says the thesis in
    68.8 % of half B (65.6 before; half A unchanged at 62.9) and coverage is unchanged
    (the peeled keys mostly rank below the points chosen).
    """
    text = sentence.strip()
    opener = _PEELABLE[lang].match(text)
    return text[opener.end() :] if opener and text[opener.end() :].strip() else text


def needs_context(sentence: str, lang: Lang) -> bool:
    """Whether the sentence opens with a connective or pronoun pointing back to earlier text."""
    text = sentence.strip().lstrip("…")
    return bool(_CONNECTIVE[lang].match(text) or _PRONOUN[lang].match(text))


def can_be_a_point(sentence: str, lang: Lang) -> bool:
    """Whether the sentence can be a key point: no connective opener, question or sign-off.

    A point opening with a pronoun ("He said…") stays: points sit under the TL;DR, which
    names its subject, and a report's next sentences are its lead — on CNN/DailyMail,
    refusing them cost 0.5 ROUGE-1 against Lead-3 (`python -m bench quality --limit 60`).
    """
    text = sentence.strip()
    return not (
        _POINT_OPENER[lang].match(text.lstrip("…"))
        or _QUESTION.search(text)
        or _SIGN_OFF[lang].search(text)
    )


def states_a_point(sentence: str, lang: Lang) -> bool:
    """Whether the sentence can be a TL;DR: standalone, declarative, about the story."""
    text = sentence.strip()
    return can_be_a_point(text, lang) and not (
        needs_context(text, lang) or opens_with_quote(text) or _READER[lang].search(text)
    )


def opens_with_quote(sentence: str) -> bool:
    """The sentence opens with a quotation longer than a quoted term: it is a quote."""
    text = sentence.strip()
    if not _OPENS_QUOTED.match(text):
        return False
    closes = [text.find(c, 1) for c in _CLOSERS if text.find(c, 1) > 0]
    return not closes or min(closes) > QUOTED_TERM
