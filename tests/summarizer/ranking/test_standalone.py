"""Sentences that cannot stand alone as a TL;DR or a key point (the editor's classes 1, 4, 7)."""

from __future__ import annotations

import pytest

from summarizer.models import Lang
from summarizer.ranking.standalone import (
    can_be_a_point,
    needs_context,
    opens_with_quote,
    peel,
    states_a_point,
)
from summarizer.text.roles import label_sentences
from summarizer.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("可这几天，记者却看到了另外一番景致。", "zh"),
        ("但是，这一做法并没有得到村民的认可。", "zh"),
        ("这让很多家长感到担忧。", "zh"),
        ("对他们而言，文化革命就是一场比赛革命的革命。", "zh"),
        ("which were released online and are making the rounds on social media.", "en"),
        ("After that, the council voted to close the road.", "en"),
        ("But the company said it would appeal.", "en"),
    ],
)
def test_an_opener_pointing_back_needs_context(sentence: str, lang: Lang) -> None:
    assert needs_context(sentence, lang)
    assert not states_a_point(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "point"),
    [
        ("但是，这一做法并没有得到村民的认可。", "zh", False),
        ("可这几天，记者却看到了另外一番景致。", "zh", False),
        ("which were released online and are making the rounds on social media.", "en", False),
        ("Which versions play on the radio will decide the blow to the label.", "en", False),
        # a report's next sentences under its TL;DR: kept as points (Lead-3 on CNN/DailyMail)
        ("But the company said it would appeal.", "en", True),
        ("He said the company would appeal the ruling.", "en", True),
        ("他强调，要坚定不移深化改革。", "zh", True),
    ],
)
def test_what_a_point_may_open_with(sentence: str, lang: Lang, point: bool) -> None:
    assert can_be_a_point(sentence, lang) is point


@pytest.mark.parametrize(
    ("sentence", "lang", "shown"),
    [
        # additive and contrastive openers: the rest stands alone
        ("此外，Galaxy S20 全系均配备 LPDDR5 内存。", "zh", "Galaxy S20 全系均配备 LPDDR5 内存。"),
        ("与此同时，美国指责莫斯科准备拍摄假袭击。", "zh", "美国指责莫斯科准备拍摄假袭击。"),
        ("但是，茉莉说这份工作实在太过沉重。", "zh", "茉莉说这份工作实在太过沉重。"),
        ("但在编制中期报告时发现了差错。", "zh", "在编制中期报告时发现了差错。"),
        ("However, Apple said it would appeal.", "en", "Apple said it would appeal."),
        ("But Paganini's team found water vapour.", "en", "Paganini's team found water vapour."),
        # referential or consequential openers, other words, a lower-case rest: kept whole
        ("其中，蛋类价格下降10.6%。", "zh", "其中，蛋类价格下降10.6%。"),
        ("因此，会议决定延期。", "zh", "因此，会议决定延期。"),
        ("但凡有人来访，他都热情接待。", "zh", "但凡有人来访，他都热情接待。"),
        ("但是他不同意。", "zh", "他不同意。"),
        ("同时支持两种方案。", "zh", "同时支持两种方案。"),
        ("However, the firm would appeal.", "en", "However, the firm would appeal."),
        ("Butter prices rose again.", "en", "Butter prices rose again."),
        ("This, however, changed nothing.", "en", "This, however, changed nothing."),
    ],
)
def test_an_additive_or_contrastive_opener_is_peeled(sentence: str, lang: Lang, shown: str) -> None:
    assert peel(sentence, lang) == shown
    assert sentence.endswith(shown)  # verbatim: a suffix of the source sentence


@pytest.mark.parametrize(
    ("sentence", "lang", "point"),
    [
        ("也许最令人惊讶的是，人类在月球上喝的第一种液体是葡萄酒。", "zh", True),  # 也许: perhaps
        ("再次，中国新能源产品的出口优势源自深厚的技术积累。", "zh", True),  # like 其次
        ("也有人认为这一做法并不可行。", "zh", False),
    ],
)
def test_words_that_only_begin_like_a_connective(sentence: str, lang: Lang, point: bool) -> None:
    assert can_be_a_point(sentence, lang) is point


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("记者：据你了解农民通过什么渠道来获取这些信息？", "zh"),  # a reporter's question
        ("“宝贝，我们在打一场无声的战役。”", "zh"),  # a lead-in quote
        ("Admit it: ever since the first apricot scrub you have loved exfoliating.", "en"),
        ("一起期待吧！", "zh"),  # a sign-off
        ("以下给大家介绍一些常见的做法。", "zh"),
    ],
)
def test_no_tldr(sentence: str, lang: Lang) -> None:
    assert not states_a_point(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("西吉县如今培育脱毒种薯，亩产和收入都提高了。", "zh"),
        ("可能出现的风险已经得到控制。", "zh"),  # 可能 is no connective
        ("This year, sales of electric cars doubled in Norway.", "en"),
        ("Ascom announced a new clinical alarm management solution on Monday.", "en"),
        ("Thieves stole 30,154 cars last year, police said.", "en"),
    ],
)
def test_a_standalone_statement_qualifies(sentence: str, lang: Lang) -> None:
    assert states_a_point(sentence, lang)
    assert can_be_a_point(sentence, lang)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "【看中国2005年07月03日报道】我小时候住在一个小村子里，那里的人们都很善良。",
            "【看中国2005年07月03日报道】",
        ),
        (
            "新浪财经讯 5月25日上午消息，据彭博新闻社报道，在岸人民币低开后跌幅迅速收窄。",
            "新浪财经讯 5月25日上午消息",
        ),
        (
            "#美官员回应伊朗直升机事故# 据美国全国广播公司报道，载有伊朗总统的直升机发生事故。",
            "#美官员回应伊朗直升机事故#",
        ),
    ],
)
def test_opening_datelines_and_hashtags_are_peeled_off(text: str, head: str) -> None:
    sentences, roles = label_sentences(text, split_sentences(text, "zh"), "zh")
    assert (sentences[0].text, roles[0]) == (head, "dateline")
    assert roles[1] == "prose"


def test_a_quoted_term_opening_a_statement_is_no_lead_in_quote() -> None:
    assert states_a_point("“提把劲”会比“破冰”二字更适宜形容今天改革的动态。", "zh")
    assert not states_a_point("“一闸之隔，进入道闸里面每月要收150元，外面不收费。”他说。", "zh")


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("“一闸之隔，进入道闸里面每月要收150元，外面不收费。”他说。", True),
        ('"At no time did we agree to a statement," the company said.', True),
        ("“提把劲”会比“破冰”二字更适宜形容今天改革的动态。", False),  # a quoted term
        ("The company said it would appeal.", False),
    ],
)
def test_a_sentence_opening_with_a_quoted_remark_is_a_quote(sentence: str, quote: bool) -> None:
    assert opens_with_quote(sentence) is quote
