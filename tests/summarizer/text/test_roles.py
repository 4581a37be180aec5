"""Roles per sentence from textual cues, in both languages (issue 12's unit tables)."""

from __future__ import annotations

import pytest

from summarizer.models import Block, Lang
from summarizer.text.roles import furniture_spans, label_sentences, textual_role
from summarizer.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "lang", "role"),
    [
        # credits
        ("图片来源：视觉中国", "zh", "credit"),
        ("视觉中国 资料", "zh", "credit"),
        ("新华社记者 张三 摄", "zh", "credit"),
        ("山东女子学院供图", "zh", "credit"),
        ("◎ 图：《热辣滚烫》微博截图", "zh", "credit"),
        ("(Photo: John Smith/Getty Images)", "en", "credit"),
        ("Photograph: Reuters", "en", "credit"),
        # captions
        ("图为马素湘在澳大利亚悉尼游玩时的近影。", "zh", "caption"),
        # bylines
        ("（记者宋晨、田中全）", "zh", "byline"),
        ("本报记者 李四", "zh", "byline"),
        ("文/王小明", "zh", "byline"),
        ("（常书香 马丹阳 ）", "zh", "byline"),
        ("责任编辑：王五", "zh", "byline"),
        ("来源：中国青年报", "zh", "byline"),
        ("By Jane Doe and John Roe", "en", "byline"),
        ("Reporting by Jane Doe; Editing by Tom Brown", "en", "byline"),
        ("(Reporting by Jane Doe in London)", "en", "byline"),
        # datelines
        ("2005-04-27 14:32更新 来源：千龙新闻网", "zh", "dateline"),
        ("Updated 3:45 PM ET, Tue November 5, 2019", "en", "dateline"),
        # notes
        ("编者按：今年是改革开放四十周年。", "zh", "note"),
        ("开栏的话", "zh", "note"),
        ("本文首发于39深呼吸公众号（shenhuxi39）", "zh", "note"),
        ("© 2019 Reuters. All rights reserved.", "en", "note"),
        # a wiki maintenance box and a listed company's statutory disclaimer
        ("维基百科不是不经筛选的资讯收集处。", "zh", "note"),
        ("请帮助改进这个条目，使用中立的语气。", "zh", "note"),
        ("若需要提删请确保本模板已挂上足够长的时间。", "zh", "note"),
        (
            "天津创业环保股份有限公司及董事会全体成员保证公告内容的真实、准确和完整，"
            "对公告的虚假记载、误导性陈述或者重大遗漏负连带责任。",
            "zh",
            "note",
        ),
        (
            "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。",
            "zh",
            "note",
        ),
        ("Please help improve this article by adding citations to reliable sources.", "en", "note"),
        # promos
        ("扫描二维码关注我们", "zh", "promo"),
        ("编辑短信发送到10658000订阅", "zh", "promo"),
        ("Sign up for our daily newsletter.", "en", "promo"),
        # prose stays prose
        ("张勇强调互联网+电影的主语是电影。", "zh", "prose"),
        ("记者从国家卫生健康委获悉，短缺药品供应持续改善。", "zh", "prose"),
        ("维基百科创始人威尔士表示，网站将继续接受捐款。", "zh", "prose"),
        ("公司保证产品质量真实可靠，并承担相应责任。", "zh", "prose"),
        ("Oil prices fell sharply on Tuesday on oversupply concerns.", "en", "prose"),
        ("By the end of the year, sales had doubled.", "en", "prose"),
    ],
)
def test_textual_role(text: str, lang: Lang, role: str) -> None:
    assert textual_role(text, lang) == role


def _roles(text: str, lang: Lang, title: str | None = None) -> list[tuple[str, str]]:
    sentences, roles = label_sentences(text, split_sentences(text, lang), lang, title=title)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    return [(s.text, r) for s, r in zip(sentences, roles, strict=True)]


@pytest.mark.parametrize(
    ("text", "lang", "dateline", "lede"),
    [
        (
            "新华社北京4月24日电（记者宋晨）习近平主席向论坛致贺信。",
            "zh",
            "新华社北京4月24日电（记者宋晨）",
            "习近平主席向论坛致贺信。",
        ),
        (
            "IT之家9月30日消息 据外媒报道，日本唯一的传呼机服务将终止。",
            "zh",
            "IT之家9月30日消息",
            "据外媒报道，日本唯一的传呼机服务将终止。",
        ),
        (
            "1905电影网讯 以光影之名，探寻首都文化魅力。",
            "zh",
            "1905电影网讯",
            "以光影之名，探寻首都文化魅力。",
        ),
        (
            "NEW YORK (Reuters) - Oil prices fell sharply on Tuesday.",
            "en",
            "NEW YORK (Reuters)",
            "Oil prices fell sharply on Tuesday.",
        ),
        (
            "HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists found water.",
            "en",
            "HONOLULU, Hawaii (HawaiiNewsNow)",
            "NASA scientists found water.",
        ),
        (
            "(AP) — A cat who has been missing for five years has been found in Santa Fe.",
            "en",
            "(AP)",
            "A cat who has been missing for five years has been found in Santa Fe.",
        ),
    ],
)
def test_an_opening_dateline_is_peeled_off_the_lede(
    text: str, lang: Lang, dateline: str, lede: str
) -> None:
    assert _roles(text, lang) == [(dateline, "dateline"), (lede, "prose")]


def test_paragraph_roles() -> None:
    text = (
        "Oil Prices Slide on Supply Worries\n\n"
        "Oil prices fell sharply on Tuesday on oversupply concerns, traders said.\n\n"
        "A tanker in the Gulf. (Photo: Getty Images)\n\n"
        "Is this the end?\n\n"
        "Analysts expect prices to recover once the winter demand picks up again."
    )
    roles = dict(_roles(text, "en", title="Oil prices slide on supply worries"))
    assert roles["Oil Prices Slide on Supply Worries"] == "heading"
    assert roles["A tanker in the Gulf."] == "caption"
    assert roles["(Photo: Getty Images)"] == "credit"
    assert roles["Is this the end?"] == "heading"
    assert (
        roles["Analysts expect prices to recover once the winter demand picks up again."] == "prose"
    )


def test_chinese_caption_before_its_credit_and_label_headings() -> None:
    text = (
        "【短视频文化现象观察】\n\n5月9日，双选会现场。\n\n山东女子学院供图\n\n共享充电宝。\n\n"
        "毕业生们在现场与用人单位交流，不少人当场签约。"
    )
    roles = dict(_roles(text, "zh"))
    assert roles["【短视频文化现象观察】"] == "heading"
    assert roles["5月9日，双选会现场。"] == "caption"
    assert roles["山东女子学院供图"] == "credit"
    assert roles["共享充电宝。"] == "caption"
    assert roles["毕业生们在现场与用人单位交流，不少人当场签约。"] == "prose"


def test_a_numbered_section_line_is_a_heading_whatever_ends_it() -> None:
    text = (
        "01《热辣滚烫》，比起拳击和减肥，更重要的是...\n\n"
        "贾玲曾强调这是一部讲述善良人如何找到自己的电影。\n\n"
        "02减肥100斤，新的贾玲来了\n\n"
        "0.5公斤的体重变化并不明显，医生表示这属于正常波动。"
    )
    roles = dict(_roles(text, "zh"))
    assert roles["01《热辣滚烫》，比起拳击和减肥，更重要的是..."] == "heading"
    assert roles["02减肥100斤，新的贾玲来了"] == "heading"
    assert roles["贾玲曾强调这是一部讲述善良人如何找到自己的电影。"] == "prose"
    assert roles["0.5公斤的体重变化并不明显，医生表示这属于正常波动。"] == "prose"


def test_block_roles_from_extraction_win_and_spans_cover_furniture() -> None:
    text = "市场规模达到5.3亿元，同比增长20%。\n\n一位顾客在门店内挑选商品，店内人流如织。"
    caption_start = text.index("一位")
    blocks = (Block(0, caption_start - 2), Block(caption_start, len(text), "caption"))
    sentences, roles = label_sentences(text, split_sentences(text, "zh"), "zh", blocks=blocks)
    assert roles == ["prose", "caption"]
    assert furniture_spans(sentences, roles) == [(caption_start, len(text))]


def test_a_sentence_mentioning_a_short_title_is_prose() -> None:
    text = (
        "Festival\n\nThe harbour festival returns this weekend with music and food on every pier."
    )
    roles = dict(_roles(text, "en", title="Festival"))
    assert roles == {
        "Festival": "heading",
        "The harbour festival returns this weekend with music and food on every pier.": "prose",
    }
